//! Lease lanes: a pipeline with a few slots or more leases from two loops, kept in
//! alternation, so one lease call is in Redis while the worker runs the other's jobs.
//!
//! With one loop the two sides take turns: Redis works on a lease while the worker waits for
//! it, then the worker runs the batch while Redis idles. With two loops, each leasing at most
//! half the slots, the worker's turn overlaps Redis's. The loops must not send together: two
//! calls that reach Redis in one read are answered in one write, and the loops then stay in
//! step, which is the one-loop case again. So a loop whose partner sent a moment ago (under a
//! sixteenth of the last round trip) waits for that call's answer first. In alternation
//! the partner sent a whole batch's run earlier; in step, only the time to build one call.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Fewest slots (with places ahead) at which a pipeline leases from two loops.
const TWO_LANES_FROM: usize = 4;

pub struct Lanes {
    count: usize,
    /// Lease calls sent by every lane, so the ack flusher leaves acks the next one carries.
    sent: AtomicU64,
    calls: Mutex<Calls>,
    answered: Notify,
}

#[derive(Default)]
struct Calls {
    /// When each lane's call in flight was sent.
    sent: [Option<Instant>; 2],
    /// The last call's round trip; none before the first answer, when the second loop waits.
    round_trip: Option<Duration>,
}

impl Lanes {
    /// Lanes for a pipeline with `slots` (and places ahead), on a backend that does or does
    /// not work apart from this process.
    pub fn new(slots: usize, works_apart: bool) -> Lanes {
        Lanes {
            count: if works_apart && slots >= TWO_LANES_FROM {
                2
            } else {
                1
            },
            sent: AtomicU64::new(0),
            calls: Mutex::new(Calls::default()),
            answered: Notify::new(),
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// How many lease calls have been sent.
    pub fn calls_sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Waits until `lane` may send its lease call without joining its partner's, then
    /// records it as sent.
    pub async fn before_send(&self, lane: usize) {
        self.sent.fetch_add(1, Ordering::Relaxed);
        if self.count == 1 {
            return;
        }
        loop {
            let answered = self.answered.notified();
            tokio::pin!(answered);
            // registered before the check, so an answer in between is not missed
            answered.as_mut().enable();
            {
                let Ok(mut calls) = self.calls.lock() else {
                    return;
                };
                let too_close = match (calls.sent[1 - lane], calls.round_trip) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some(sent), Some(round_trip)) => sent.elapsed() < round_trip / 16,
                };
                if !too_close {
                    calls.sent[lane] = Some(Instant::now());
                    return;
                }
            }
            answered.await;
        }
    }

    /// Records that `lane`'s call was answered (or failed) after `round_trip`.
    pub fn answered(&self, lane: usize, round_trip: Duration) {
        if self.count == 1 {
            return;
        }
        if let Ok(mut calls) = self.calls.lock() {
            calls.sent[lane] = None;
            calls.round_trip = Some(round_trip);
        }
        self.answered.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::FutureExt;

    #[tokio::test]
    async fn a_second_call_waits_for_its_partners_answer_only_when_sent_close_behind_it() {
        let lanes = Lanes::new(10, true);
        assert_eq!(lanes.count(), 2);
        assert_eq!(Lanes::new(3, true).count(), 1);
        assert_eq!(Lanes::new(10, false).count(), 1);
        // before any answer, the second lane waits for the first one's
        lanes.before_send(0).await;
        let waiting = lanes.before_send(1);
        tokio::pin!(waiting);
        assert!(waiting.as_mut().now_or_never().is_none());
        lanes.answered(0, Duration::from_secs(3600));
        assert!(waiting.as_mut().now_or_never().is_some());
        // lane 1 is in flight, just sent: lane 0 waits for its answer (a round trip is long)
        let waiting = lanes.before_send(0);
        tokio::pin!(waiting);
        assert!(waiting.as_mut().now_or_never().is_none());
        lanes.answered(1, Duration::ZERO);
        assert!(waiting.as_mut().now_or_never().is_some());
        // with short round trips, a partner's call sent a sixteenth of one ago is no reason to wait
        lanes.before_send(1).await;
    }
}
