//! Running leased jobs in their slots: one job, then the held jobs after it; the outcome
//! buffered as an ack, reported as a failure, or its lease given back.

use super::consumer::{Consumer, InFlight};
use super::lookahead::lease_of;
use crate::runtime::job::{Completion, LeaseRef, LeasedJob};
use crate::runtime::metrics::StepLabels;
use crate::runtime::pipeline::{JobOutcome, StepRun, run_job, run_job_watched};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;
use tokio::sync::OwnedSemaphorePermit;

impl Consumer {
    /// Runs the job in its slot on a task of its own (see `execute`).
    pub(super) fn spawn_execute(
        self: &Arc<Self>,
        job: LeasedJob,
        entry: Arc<InFlight>,
        permit: OwnedSemaphorePermit,
    ) {
        let consumer = self.clone();
        self.tasks
            .spawn(async move { consumer.execute(job, entry, permit).await });
    }

    /// Runs the job in its slot, then the held jobs (first leased first) while any wait.
    pub(super) async fn execute(
        self: Arc<Self>,
        job: LeasedJob,
        entry: Arc<InFlight>,
        permit: OwnedSemaphorePermit,
    ) {
        let mut next = Some((job, entry));
        while let Some((job, entry)) = next {
            self.run_one(job, entry).await;
            self.job_finished.notify_waiters();
            next = self.next_held();
        }
        drop(permit);
        // a job held after the look above, while the slot was still taken, starts now
        self.start_held();
    }

    async fn run_one(&self, job: LeasedJob, entry: Arc<InFlight>) {
        if let Some(observer) = &self.observer {
            observer.started(&job);
        }
        let started = Instant::now();
        let outcome = tokio::select! {
            biased;
            _ = entry.abort.cancelled() => None,
            outcome = self.run_measured(&job) => Some(outcome),
        };
        if outcome.is_some() {
            let run = started.elapsed();
            self.lookahead.finished(run);
            if let Some(metrics) = &self.metrics {
                metrics
                    .job_seconds
                    .get_or_create(&self.job_labels())
                    .observe(run.as_secs_f64());
            }
        }
        let lease = lease_of(&job);
        match outcome {
            Some(JobOutcome::Done { outputs }) => {
                tracing::debug!(queue = %job.queue, job = %job.id, "job done");
                if let Ok(mut hold) = self.hold.lock() {
                    hold.clear();
                }
                let outputs = serde_json::Value::Object(outputs).to_string();
                // buffered before it leaves in-flight, so a heartbeat always extends its lease
                if let Ok(mut acks) = self.acks.lock() {
                    acks.push(Completion {
                        id: job.id.clone(),
                        token: job.token.clone(),
                        outputs,
                    });
                }
                self.forget(&job.id);
                self.ack_ready.notify_one();
            }
            Some(JobOutcome::Failed { failure, .. }) if failure.cannot_start => {
                self.hold_leasing(&failure);
                self.hand_back(&job.queue, vec![lease]).await;
                self.forget(&job.id);
            }
            Some(JobOutcome::Failed { failure, outputs }) => {
                self.report_failure(&job, failure, outputs).await;
                self.forget(&job.id);
            }
            None => self.give_up(&job, &entry),
        }
    }

    /// Gives jobs' leases back to the head of their queue, their attempts with them; if the
    /// backend cannot take them now, at shutdown (or the leases expire).
    pub(super) async fn hand_back(&self, queue: &str, leases: Vec<LeaseRef>) {
        match self.backend.release(queue, &leases).await {
            Ok(released) => {
                self.counters
                    .released
                    .fetch_add(released, Ordering::Relaxed);
            }
            Err(_) => leases
                .into_iter()
                .for_each(|lease| self.push_release(lease)),
        }
    }

    /// A job stopped before it finished: released when shutdown stopped it (its attempt is
    /// given back), else counted lost (its lease went to someone else, or it was cancelled).
    pub(super) fn give_up(&self, job: &LeasedJob, entry: &InFlight) {
        if entry.release.load(Ordering::Relaxed) {
            self.push_release(lease_of(job));
        } else {
            self.counters.lost.fetch_add(1, Ordering::Relaxed);
        }
        self.forget(&job.id);
    }

    /// Runs the job; with metrics on, each step's time is recorded as it ends.
    async fn run_measured(&self, job: &LeasedJob) -> JobOutcome {
        let Some(metrics) = &self.metrics else {
            return run_job(&self.pipeline, job, &self.services).await;
        };
        let mut watch = |step: StepRun| {
            let labels = StepLabels {
                queue: self.pipeline.queue.clone(),
                pipeline: self.pipeline.name.clone(),
                step: step.name,
            };
            metrics
                .step_seconds
                .get_or_create(&labels)
                .observe(step.seconds);
        };
        run_job_watched(&self.pipeline, job, &self.services, &mut watch).await
    }

    /// Takes a finished job out of in-flight, counting it first, so a dry lease that raced
    /// with it is always noticed (see `finished`).
    pub(super) fn forget(&self, id: &str) {
        if let Some(metrics) = &self.metrics {
            metrics.in_flight.get_or_create(&self.queue_label()).dec();
        }
        self.finished.fetch_add(1, Ordering::Release);
        if let Ok(mut map) = self.in_flight.lock() {
            map.remove(id);
        }
    }

    pub(super) fn push_release(&self, lease: LeaseRef) {
        if let Ok(mut leases) = self.to_release.lock() {
            leases.push(lease);
        }
    }
}
