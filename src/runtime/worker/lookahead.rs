//! Leasing ahead: a worker whose slots are all busy may lease a few more jobs, which wait in
//! the worker and start as slots free, so the round trip to the next lease overlaps the
//! running jobs instead of following them.
//!
//! The default (`lookahead: auto`) does so only where it pays and costs nothing to see: while
//! the pipeline's jobs are short, when no limit times the queue's starts, and never holding a
//! job long. A number in the pipeline holds exactly that many, whatever the jobs' length.

use super::consumer::{Consumer, InFlight};
use crate::runtime::job::{LeaseRef, LeasedJob};
use crate::runtime::pipeline::{Lookahead, Pipeline};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;

/// Fewest and most jobs `auto` holds ahead: as many as the slots, within these. At
/// concurrency 1 four held jobs let each lease call carry a few jobs, where one held job only
/// hides a single round trip; at 10, ten held drained 50,000 no-op jobs 15–20% faster than
/// four (and twenty held, slower than four).
const AUTO_DEPTH: (usize, usize) = (4, 16);

/// `auto` holds nothing from this many slots up: two lease lanes of 16 or more jobs a call
/// already keep the backend busy (measured level at 100, where holding cost worker CPU).
const AUTO_BELOW: usize = 32;

/// `auto` leases ahead only while the pipeline's recent jobs ran shorter than this on
/// average: against a round trip of 0.1–0.2 ms, a longer job gains little by hiding it.
const SHORT_JOB: Duration = Duration::from_millis(1);

/// A job `auto` held longer than this goes back to the head of the queue, where any idle
/// worker can take it, instead of waiting behind a job that turned out long.
const HOLD_LIMIT: Duration = Duration::from_millis(5);

/// No job has finished yet, so nothing is known of their length.
const UNKNOWN: u64 = u64::MAX;

/// What a leased job holds while it waits or runs.
pub enum Slot {
    /// A free slot: it starts at once.
    Run(OwnedSemaphorePermit),
    /// A place ahead: it starts when a slot frees.
    Ahead(OwnedSemaphorePermit),
}

/// When a consumer may lease ahead, and how far.
pub struct AheadPolicy {
    depth: usize,
    adaptive: bool,
    /// Recent jobs' run time in microseconds, a moving average (`UNKNOWN` before the first).
    average_micros: AtomicU64,
    /// A queue limit held jobs back: its timing is the limit's, so `auto` stands down.
    stood_down: AtomicBool,
}

impl AheadPolicy {
    /// The pipeline's `lookahead` for a consumer of `concurrency` slots. `auto` holds nothing
    /// beside the pipeline's own rate or max_inflight (the parser refuses a number there): a
    /// held job starts later than the limit timed it, and counts as in flight while it waits.
    pub fn new(pipeline: &Pipeline, concurrency: usize) -> AheadPolicy {
        let (depth, adaptive) = match pipeline.lookahead {
            Lookahead::Fixed(count) => (count as usize, false),
            Lookahead::Auto
                if pipeline.rate.is_some()
                    || pipeline.max_inflight.is_some()
                    || concurrency >= AUTO_BELOW =>
            {
                (0, false)
            }
            Lookahead::Auto => (concurrency.clamp(AUTO_DEPTH.0, AUTO_DEPTH.1), true),
        };
        AheadPolicy {
            depth,
            adaptive,
            average_micros: AtomicU64::new(UNKNOWN),
            stood_down: AtomicBool::new(false),
        }
    }

    /// Places ahead the consumer has (used or not).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Slots and places that count toward a second lease lane. `auto`'s places do not: with
    /// one slot, two lanes would take turns at a single doorbell, and an idle pickup would
    /// pay for the hand-over of the slot between them.
    pub fn lane_slots(&self, concurrency: usize) -> usize {
        if self.adaptive {
            concurrency
        } else {
            concurrency + self.depth
        }
    }

    /// Whether a lease may take places ahead now.
    pub fn open(&self) -> bool {
        self.depth > 0
            && (!self.adaptive
                || (!self.stood_down.load(Ordering::Relaxed)
                    && self.average_micros.load(Ordering::Relaxed) < SHORT_JOB.as_micros() as u64))
    }

    /// How long a held job may wait for a slot before it goes back (none: until one frees).
    pub fn hold_limit(&self) -> Option<Duration> {
        self.adaptive.then_some(HOLD_LIMIT)
    }

    /// A job ran for `run`.
    pub fn finished(&self, run: Duration) {
        if !self.adaptive {
            return;
        }
        let run = u64::try_from(run.as_micros()).unwrap_or(UNKNOWN - 1);
        let _ = self
            .average_micros
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |average| {
                // an eighth of each new run: one short job after long ones does not reopen
                Some(match average {
                    UNKNOWN => run,
                    average => average - average / 8 + run / 8,
                })
            });
    }

    /// A held job waited out the hold limit: a running job is long, so hold no more until
    /// short jobs bring the average down again.
    pub fn held_too_long(&self) {
        self.average_micros
            .fetch_max(HOLD_LIMIT.as_micros() as u64, Ordering::Relaxed);
    }

    /// A lease found the queue's rate or max_inflight holding jobs back, or `--max-jobs`
    /// counts the jobs leased.
    pub fn limited(&self) {
        if self.adaptive {
            self.stood_down.store(true, Ordering::Relaxed);
        }
    }
}

/// A job leased ahead, waiting for a slot; it keeps its place ahead until it starts.
pub(super) struct Held {
    /// Its lease call's place in the order the consumer sent them.
    sequence: u64,
    job: LeasedJob,
    entry: Arc<InFlight>,
    /// Its place ahead; none for a job leased into a free slot, which waits only while jobs
    /// of earlier calls take that slot first.
    _place: Option<OwnedSemaphorePermit>,
}

/// Held jobs in lease order: the first to be leased is the first to start.
#[derive(Default)]
pub(super) struct HeldJobs {
    queue: VecDeque<Held>,
    /// The consumer stopped: no held job starts any more.
    closed: bool,
}

impl Consumer {
    /// Most jobs one lease call asks for: its lane's share of the slots and places ahead.
    pub(super) fn lease_limit(&self, most: usize) -> usize {
        (self.concurrency + self.lookahead.depth())
            .div_ceil(self.lanes.count())
            .min(most)
    }

    /// Adds free slots, then places ahead while they are open, to a lease's up to `limit`.
    pub(super) fn more_slots(&self, slots: &mut Vec<Slot>, limit: usize) {
        while slots.len() < limit {
            match self.permits.clone().try_acquire_owned() {
                Ok(permit) => slots.push(Slot::Run(permit)),
                Err(_) => break,
            }
        }
        if !self.lookahead.open() {
            return;
        }
        while slots.len() < limit {
            match self.ahead.clone().try_acquire_owned() {
                Ok(permit) => slots.push(Slot::Ahead(permit)),
                Err(_) => break,
            }
        }
    }

    /// Queues the jobs of lease call `sequence` behind those of earlier calls (the other
    /// lane's answer may be handled first), then starts what free slots allow, first leased
    /// first: a job leased into a free slot gives it up to the queue, so it never starts
    /// before a job an earlier call holds. Under `auto`, those still waiting after the hold
    /// limit go back.
    pub(super) fn hold(
        self: &Arc<Self>,
        sequence: u64,
        jobs: Vec<(LeasedJob, Arc<InFlight>, Slot)>,
    ) {
        if jobs.is_empty() {
            // the lease's unused slots may be what a job held by the other lane waits for
            self.start_held();
            return;
        }
        let mut slots = Vec::new();
        if let Ok(mut held) = self.held.lock() {
            let first = held
                .queue
                .iter()
                .rposition(|waiting| waiting.sequence <= sequence)
                .map_or(0, |last| last + 1);
            for (at, (job, entry, slot)) in (first..).zip(jobs) {
                let place = match slot {
                    Slot::Run(permit) => {
                        slots.push(permit);
                        None
                    }
                    Slot::Ahead(place) => Some(place),
                };
                let waiting = Held {
                    sequence,
                    job,
                    entry,
                    _place: place,
                };
                held.queue.insert(at, waiting);
            }
        }
        // this lease's own free slots go to the first jobs waiting, without passing through
        // the semaphore (where another lane's waiting loop would take them first)
        for permit in slots {
            if self.offer(permit).is_some() {
                break;
            }
        }
        let waiting = self.start_held();
        if let (Some(limit), true) = (self.lookahead.hold_limit(), waiting) {
            let consumer = self.clone();
            self.tasks.spawn(async move {
                tokio::time::sleep(limit).await;
                consumer.expire_held(sequence).await;
            });
        }
    }

    /// Starts held jobs, first leased first, while slots are free; whether any still wait.
    pub(super) fn start_held(self: &Arc<Self>) -> bool {
        loop {
            let Ok(mut held) = self.held.lock() else {
                return false;
            };
            if self.stopped(&held) || held.queue.is_empty() {
                return false;
            }
            let Ok(permit) = self.permits.clone().try_acquire_owned() else {
                return true;
            };
            let Some(first) = held.queue.pop_front() else {
                return false;
            };
            drop(held);
            self.spawn_execute(first.job, first.entry, permit);
        }
    }

    /// Gives a free slot to the first held job, if one waits; else hands the slot back.
    pub(super) fn offer(
        self: &Arc<Self>,
        permit: OwnedSemaphorePermit,
    ) -> Option<OwnedSemaphorePermit> {
        match self.next_held() {
            Some((job, entry)) => {
                self.spawn_execute(job, entry, permit);
                None
            }
            None => Some(permit),
        }
    }

    /// The first held job, to run in a slot that just came free.
    pub(super) fn next_held(&self) -> Option<(LeasedJob, Arc<InFlight>)> {
        let mut held = self.held.lock().ok()?;
        if self.stopped(&held) {
            return None;
        }
        held.queue.pop_front().map(|first| (first.job, first.entry))
    }

    /// The jobs of lease call `sequence` (and of earlier calls, which waited longer) that
    /// still wait after the hold limit: a running job turned out long, so they go back to the
    /// head of the queue for any worker.
    async fn expire_held(&self, sequence: u64) {
        let expired = match self.held.lock() {
            Ok(mut held) if !self.stopped(&held) => {
                let (expired, kept): (VecDeque<Held>, VecDeque<Held>) =
                    std::mem::take(&mut held.queue)
                        .into_iter()
                        .partition(|waiting| waiting.sequence <= sequence);
                held.queue = kept;
                expired
            }
            _ => return,
        };
        if expired.is_empty() {
            return;
        }
        self.lookahead.held_too_long();
        tracing::debug!(queue = %self.pipeline.queue, jobs = expired.len(), "held jobs waited too long; they go back to the queue");
        let leases: Vec<LeaseRef> = expired
            .iter()
            .map(|waiting| lease_of(&waiting.job))
            .collect();
        self.hand_back(&self.pipeline.queue, leases).await;
        for waiting in &expired {
            self.forget(&waiting.job.id);
        }
        self.job_finished.notify_waiters();
    }

    /// Whether held jobs may no longer start: the worker is stopping.
    fn stopped(&self, held: &HeldJobs) -> bool {
        held.closed || self.told_to_stop()
    }

    /// Whether the worker was told to stop taking jobs (a signal, `workers stop`, the
    /// runtime limit), rather than reaching `--max-jobs`.
    pub(super) fn told_to_stop(&self) -> bool {
        self.taking
            .get()
            .is_some_and(|taking| taking.is_cancelled())
    }

    /// No held job starts any more; each is released with its attempt.
    pub(super) fn release_held(&self) {
        let held = match self.held.lock() {
            Ok(mut held) => {
                held.closed = true;
                std::mem::take(&mut held.queue)
            }
            Err(_) => return,
        };
        for waiting in held {
            self.push_release(lease_of(&waiting.job));
            self.forget(&waiting.job.id);
        }
    }
}

pub(super) fn lease_of(job: &LeasedJob) -> LeaseRef {
    LeaseRef {
        id: job.id.clone(),
        token: job.token.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::pipeline;

    fn policy(lookahead: Lookahead, concurrency: usize) -> AheadPolicy {
        let mut pipeline = pipeline::noop("q");
        pipeline.lookahead = lookahead;
        AheadPolicy::new(&pipeline, concurrency)
    }

    #[test]
    fn auto_opens_for_short_jobs_and_closes_after_a_long_wait() {
        let auto = policy(Lookahead::Auto, 1);
        assert_eq!(
            (auto.depth(), auto.hold_limit()),
            (AUTO_DEPTH.0, Some(HOLD_LIMIT))
        );
        assert!(!auto.open(), "nothing is known before the first job ends");
        auto.finished(Duration::from_micros(20));
        assert!(auto.open());
        auto.held_too_long();
        assert!(!auto.open());
        // the average comes down an eighth at a time: a few short jobs do not reopen it
        for _ in 0..4 {
            auto.finished(Duration::from_micros(20));
        }
        assert!(!auto.open());
        for _ in 0..20 {
            auto.finished(Duration::from_micros(20));
        }
        assert!(auto.open());
        // a limit holding jobs back closes it for good
        auto.limited();
        auto.finished(Duration::from_micros(20));
        assert!(!auto.open());
    }

    #[test]
    fn auto_holds_as_many_as_the_slots_within_bounds() {
        assert_eq!(policy(Lookahead::Auto, 10).depth(), 10);
        assert_eq!(policy(Lookahead::Auto, 31).depth(), AUTO_DEPTH.1);
    }

    #[test]
    fn auto_stays_shut_for_long_jobs() {
        let auto = policy(Lookahead::Auto, 4);
        for _ in 0..50 {
            auto.finished(Duration::from_millis(3));
        }
        assert!(!auto.open());
    }

    #[test]
    fn auto_holds_nothing_beside_a_limit_or_at_many_slots() {
        let mut limited = pipeline::noop("q");
        limited.max_inflight = Some(10);
        assert_eq!(AheadPolicy::new(&limited, 1).depth(), 0);
        let wide = policy(Lookahead::Auto, AUTO_BELOW);
        assert_eq!(wide.depth(), 0);
        wide.finished(Duration::from_micros(20));
        assert!(!wide.open());
    }

    #[test]
    fn a_count_holds_that_many_whatever_the_jobs() {
        let fixed = policy(Lookahead::Fixed(2), 1);
        assert!(fixed.open());
        assert_eq!(fixed.hold_limit(), None);
        fixed.finished(Duration::from_secs(60));
        fixed.limited();
        assert!(fixed.open());
        assert_eq!(fixed.lane_slots(1), 3);
        // auto's places do not make a second lane
        assert_eq!(policy(Lookahead::Auto, 1).lane_slots(1), 1);
        assert!(!policy(Lookahead::Fixed(0), 1).open());
    }
}
