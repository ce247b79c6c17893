//! Leasing ahead: a worker whose slots are all busy may lease a few more jobs, which wait in
//! the worker and start as slots free, so the round trip to the next lease overlaps the
//! running jobs instead of following them.

use super::consumer::{Consumer, InFlight};
use crate::runtime::job::LeasedJob;
use crate::runtime::pipeline::Pipeline;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tokio::sync::OwnedSemaphorePermit;
use tokio_util::sync::CancellationToken;

/// What a leased job holds while it waits or runs.
pub enum Slot {
    /// A free slot: it starts at once.
    Run(OwnedSemaphorePermit),
    /// A place ahead: it starts when a slot frees.
    Ahead(OwnedSemaphorePermit),
}

/// How many jobs may wait ahead: the pipeline's `lookahead` (0 unless it asks; the parser
/// refuses it with a rate or max_inflight, whose timing it would change).
pub fn depth(pipeline: &Pipeline) -> usize {
    pipeline.lookahead as usize
}

impl Consumer {
    /// Most jobs one lease call asks for: its lane's share of the slots and places ahead.
    pub(super) fn lease_limit(&self, most: usize) -> usize {
        (self.concurrency + self.lookahead)
            .div_ceil(self.lanes.count())
            .min(most)
    }

    /// Adds free slots, then places ahead, to a lease's up to `limit`.
    pub(super) fn more_slots(&self, slots: &mut Vec<Slot>, limit: usize) {
        while slots.len() < limit {
            match self.permits.clone().try_acquire_owned() {
                Ok(permit) => slots.push(Slot::Run(permit)),
                Err(_) => break,
            }
        }
        while slots.len() < limit {
            match self.ahead.clone().try_acquire_owned() {
                Ok(permit) => slots.push(Slot::Ahead(permit)),
                Err(_) => break,
            }
        }
    }

    /// Waits for a slot, then runs the job. Stopping the worker first releases it (its
    /// attempt given back); a heartbeat that finds its lease lost or cancelled drops it.
    pub(super) async fn start_later(
        self: Arc<Self>,
        job: LeasedJob,
        entry: Arc<InFlight>,
        ahead: OwnedSemaphorePermit,
        taking: CancellationToken,
    ) {
        let permit = tokio::select! {
            biased;
            _ = entry.abort.cancelled() => None,
            _ = taking.cancelled() => {
                entry.release.store(true, Ordering::Relaxed);
                None
            }
            permit = self.permits.clone().acquire_owned() => permit.ok(),
        };
        drop(ahead);
        match permit {
            Some(permit) => self.execute(job, entry, permit).await,
            None => {
                self.give_up(&job, &entry);
                self.job_finished.notify_waiters();
            }
        }
    }
}
