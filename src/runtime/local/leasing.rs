//! A worker's call on the local store: its acks and its next lease in one transaction, with
//! the events they record.

use super::LocalBackend;
use super::checkpoint;
use super::events;
use super::jobs::{self, Sql};
use crate::runtime::backend::{LeaseReply, LeaseRequest};
use crate::runtime::job::{AckReport, Completion};
use rusqlite::Transaction;

impl LocalBackend {
    /// Acks `completions` and leases, in one transaction; `soon` runs it on this thread when
    /// the store is free (see `write_soon`).
    pub(super) async fn lease_now(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
        soon: bool,
    ) -> LeaseReply {
        self.checkpointer
            .get_or_init(|| checkpoint::Checkpointer::start(&self.path));
        let (name, request, completions) =
            (queue.to_string(), request.clone(), completions.to_vec());
        let acking = !completions.is_empty();
        let recording = self.events;
        let work = move |tx: &Transaction| {
            let acks = complete_recorded(tx, &name, &completions, recording)?;
            let batch = jobs::lease(tx, &name, &request)?;
            if recording {
                let started: Vec<(String, Option<String>)> = batch
                    .jobs
                    .iter()
                    .map(|job| (job.id.clone(), job.session.clone()))
                    .collect();
                let worker = [("worker", request.owner.clone())];
                events::emit_by_session(tx, &name, "started", &started, &worker)?;
            }
            Ok((acks, batch))
        };
        match self.write_soon(soon, work).await {
            Ok((acks, mut batch)) => LeaseReply {
                acks: acking.then_some(Ok(acks)),
                batch: self.open_batch(queue, &mut batch).await.map(|()| batch),
            },
            Err(error) => LeaseReply {
                acks: acking.then(|| Err(error.clone())),
                batch: Err(error),
            },
        }
    }
}

/// Acks a batch and, when events are recorded, emits `completed` for the jobs it marked done.
/// Their sessions are read first: retention may delete a job in the same call (a queue that
/// keeps no done jobs), and its event must still reach `events tail --session`.
pub(super) fn complete_recorded(
    tx: &Transaction,
    queue: &str,
    completions: &[Completion],
    recording: bool,
) -> Sql<AckReport> {
    let sessions = if recording {
        let ids: Vec<String> = completions
            .iter()
            .map(|completion| completion.id.clone())
            .collect();
        events::with_sessions(tx, queue, &ids)?
    } else {
        Vec::new()
    };
    let acks = events::noting_trims(tx, queue, recording, |tx| {
        jobs::complete(tx, queue, completions)
    })?;
    if recording {
        let done: Vec<(String, Option<String>)> = sessions
            .into_iter()
            .filter(|(id, _)| !acks.stale.contains(id))
            .collect();
        events::emit_by_session(tx, queue, "completed", &done, &[])?;
    }
    Ok(acks)
}
