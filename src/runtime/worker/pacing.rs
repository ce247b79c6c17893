//! When a consumer looks for work again: idle waits by the backend's clock, burst-wait, and
//! the pause after a step program could not be started.

use crate::runtime::job::LeaseBatch;
use std::time::{Duration, Instant};

/// Longest idle wait before re-checking (pause changes, missed rings).
const IDLE_WAIT: Duration = Duration::from_secs(1);
/// Longest pause after a step program could not be started.
const MAX_HOLD: Duration = Duration::from_secs(60);

/// A pause in leasing after a step program could not be started (a bad deploy): jobs stay
/// queued instead of burning their attempts.
#[derive(Default)]
pub struct Hold {
    until: Option<Instant>,
    next: Duration,
    reason: String,
}

impl Hold {
    /// Until when leasing waits, if it does.
    pub fn until(&self) -> Option<Instant> {
        self.until.filter(|until| *until > Instant::now())
    }

    /// Pauses leasing, twice as long as last time (1 s to 60 s); returns the pause.
    pub fn extend(&mut self, reason: &str) -> Duration {
        self.next = (self.next * 2).clamp(Duration::from_secs(1), MAX_HOLD);
        self.until = Some(Instant::now() + self.next);
        self.reason = reason.to_string();
        self.next
    }

    /// A step started fine: the next failure pauses briefly again.
    pub fn clear(&mut self) {
        self.next = Duration::ZERO;
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// How long an idle worker waits before looking again: until the next delayed job is due by
/// the backend's clock, at most a second.
pub fn idle_wait(batch: &LeaseBatch) -> Duration {
    match (batch.paused, batch.next_delayed_at) {
        (false, Some(due)) => {
            Duration::from_millis((due - batch.now).clamp(1, IDLE_WAIT.as_millis() as i64) as u64)
        }
        _ => IDLE_WAIT,
    }
}

/// A dry burst worker waits for a delayed job or an expiring lease only if it falls due
/// within what is left of `--burst-wait`; None means it is done.
pub fn burst_wait(batch: &LeaseBatch, left: Duration) -> Option<Duration> {
    if batch.paused || left.is_zero() {
        return None;
    }
    let next = [batch.next_delayed_at, batch.next_lease_expiry]
        .into_iter()
        .flatten()
        .min()?;
    let until = Duration::from_millis((next - batch.now).max(0) as u64);
    if until > left {
        return None;
    }
    // an expired lease waits for a heartbeat to recover it: look again every 50 ms
    Some(
        until
            .max(Duration::from_millis(50))
            .min(left)
            .min(IDLE_WAIT),
    )
}
