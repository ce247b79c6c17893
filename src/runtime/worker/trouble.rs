//! Backend trouble as the worker logs it: the first failure at once, repeats at most every
//! few seconds with a count, and one line when the backend answers again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a continuing outage is logged again.
const REPEAT_EVERY: Duration = Duration::from_secs(10);

#[derive(Default)]
pub struct Trouble {
    state: Mutex<Option<Outage>>,
}

struct Outage {
    since: Instant,
    last_logged: Instant,
    suppressed: u64,
}

impl Trouble {
    /// Logs `what` failed with `error`, unless the same outage was logged moments ago.
    pub fn failed(&self, what: &str, error: &dyn std::fmt::Display) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let now = Instant::now();
        match state.as_mut() {
            None => {
                tracing::warn!(%error, "{what}; retrying until the backend answers");
                *state = Some(Outage {
                    since: now,
                    last_logged: now,
                    suppressed: 0,
                });
            }
            Some(outage) if now.duration_since(outage.last_logged) >= REPEAT_EVERY => {
                tracing::warn!(
                    %error,
                    failing_for = ?now.duration_since(outage.since),
                    repeats = outage.suppressed,
                    "{what}; still retrying"
                );
                outage.last_logged = now;
                outage.suppressed = 0;
            }
            Some(outage) => outage.suppressed += 1,
        }
    }

    /// A call succeeded: ends the outage, saying how long it lasted.
    pub fn recovered(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(outage) = state.take() {
            tracing::info!(after = ?outage.since.elapsed(), "the backend answers again");
        }
    }

    /// How long the current outage has lasted.
    pub fn duration(&self) -> Option<Duration> {
        self.state
            .lock()
            .ok()?
            .as_ref()
            .map(|outage| outage.since.elapsed())
    }
}
