//! One pipeline's consumer: leases jobs in batches sized to free capacity, runs them, and
//! buffers acks for a few milliseconds so they ride along with the next lease call.

use super::budget::{JobBudget, Reservation};
use super::{JobObserver, StopReason, WorkerOptions};
use crate::runtime::backend::{Backend, Doorbell, LeaseRequest};
use crate::runtime::job::{Completion, FailOutcome, FailureReport, LeaseRef, LeasedJob};
use crate::runtime::pipeline::{JobOutcome, Pipeline, run_job};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Most jobs asked for in one lease call.
const MAX_BATCH: usize = 256;
/// How long a finished job's ack may wait for company before it is sent alone.
const ACK_DELAY: Duration = Duration::from_millis(3);
/// Longest idle wait before re-checking (pause changes, missed rings).
const IDLE_WAIT: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Counters {
    pub done: AtomicU64,
    pub failed: AtomicU64,
    pub released: AtomicU64,
    pub lost: AtomicU64,
}

/// A running job: its lease token and the switch that stops it.
struct InFlight {
    token: String,
    abort: CancellationToken,
    /// Set when shutdown stops the job, so its lease is released rather than abandoned.
    release: AtomicBool,
}

pub struct Consumer {
    backend: Arc<dyn Backend>,
    pub pipeline: Pipeline,
    owner: String,
    observer: Option<Arc<dyn JobObserver>>,
    permits: Arc<Semaphore>,
    concurrency: usize,
    acks: Mutex<Vec<Completion>>,
    ack_ready: Notify,
    in_flight: Mutex<HashMap<String, Arc<InFlight>>>,
    to_release: Mutex<Vec<LeaseRef>>,
    job_finished: Notify,
    tasks: TaskTracker,
    doorbell: tokio::sync::Mutex<Option<Box<dyn Doorbell>>>,
    pub counters: Counters,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}

impl Consumer {
    pub fn new(
        backend: Arc<dyn Backend>,
        pipeline: Pipeline,
        concurrency: usize,
        owner: String,
        observer: Option<Arc<dyn JobObserver>>,
    ) -> Consumer {
        Consumer {
            backend,
            pipeline,
            owner,
            observer,
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            concurrency: concurrency.max(1),
            acks: Mutex::new(Vec::new()),
            ack_ready: Notify::new(),
            in_flight: Mutex::new(HashMap::new()),
            to_release: Mutex::new(Vec::new()),
            job_finished: Notify::new(),
            tasks: TaskTracker::new(),
            doorbell: tokio::sync::Mutex::new(None),
            counters: Counters::default(),
        }
    }

    pub fn with_doorbell(self, doorbell: Box<dyn Doorbell>) -> Consumer {
        *self
            .doorbell
            .try_lock()
            .expect("a new consumer's doorbell is free") = Some(doorbell);
        self
    }

    pub fn in_flight_count(&self) -> usize {
        self.in_flight.lock().map_or(0, |map| map.len())
    }

    pub fn held_leases(&self) -> Vec<LeaseRef> {
        self.in_flight.lock().map_or_else(
            |_| Vec::new(),
            |map| {
                map.iter()
                    .map(|(id, entry)| LeaseRef {
                        id: id.clone(),
                        token: entry.token.clone(),
                    })
                    .collect()
            },
        )
    }

    /// Stops a job whose lease is gone; nothing it reports later would count anyway.
    pub fn abandon(&self, id: &str) {
        if let Some(entry) = self
            .in_flight
            .lock()
            .ok()
            .and_then(|map| map.get(id).cloned())
        {
            entry.abort.cancel();
        }
    }

    fn take_acks(&self) -> Vec<Completion> {
        self.acks
            .lock()
            .map(|mut acks| std::mem::take(&mut *acks))
            .unwrap_or_default()
    }

    fn restore_acks(&self, mut completions: Vec<Completion>) {
        if let Ok(mut acks) = self.acks.lock() {
            completions.append(&mut acks);
            *acks = completions;
        }
    }

    async fn flush_acks(&self) -> bool {
        let completions = self.take_acks();
        if completions.is_empty() {
            return true;
        }
        match self
            .backend
            .complete(&self.pipeline.queue, &completions)
            .await
        {
            Ok(stale) => {
                self.report_stale(&stale);
                true
            }
            Err(error) => {
                tracing::warn!(queue = %self.pipeline.queue, %error, "could not send acks; will retry");
                self.restore_acks(completions);
                false
            }
        }
    }

    fn report_stale(&self, stale: &[String]) {
        for id in stale {
            tracing::warn!(queue = %self.pipeline.queue, job = %id, "completed after its lease was lost; another attempt owns it");
        }
    }

    async fn ack_loop(self: Arc<Self>, stop: CancellationToken) {
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = self.ack_ready.notified() => {}
            }
            tokio::time::sleep(ACK_DELAY).await;
            if !self.flush_acks().await {
                tokio::time::sleep(Duration::from_millis(500)).await;
                self.ack_ready.notify_one();
            }
        }
    }

    /// Leases and starts jobs until told to stop or an option ends the run.
    pub async fn fetch_loop(
        self: Arc<Self>,
        options: &WorkerOptions,
        budget: &JobBudget,
        taking: &CancellationToken,
    ) -> StopReason {
        let flusher_stop = CancellationToken::new();
        let flusher = tokio::spawn(self.clone().ack_loop(flusher_stop.clone()));
        let mut request = LeaseRequest {
            max_jobs: 1,
            lease: self.pipeline.lease,
            owner: self.owner.clone(),
            default_max_attempts: self.pipeline.retry.max_attempts,
        };
        let mut failures = 0u32;
        let mut backlog = false;
        let reason = loop {
            let first = tokio::select! {
                permit = self.permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
                _ = taking.cancelled() => break StopReason::Signal,
            };
            if backlog && self.permits.available_permits() < self.concurrency / 4 {
                // work is waiting but few slots are free: let other finishing jobs hand theirs
                // back first, so one round trip leases several jobs instead of one
                tokio::task::yield_now().await;
            }
            let mut permits = vec![first];
            while permits.len() < MAX_BATCH {
                match self.permits.clone().try_acquire_owned() {
                    Ok(permit) => permits.push(permit),
                    Err(_) => break,
                }
            }
            let reserved = match budget.reserve(permits.len() as u64) {
                Reservation::Granted(granted) => granted,
                Reservation::Spent => break StopReason::MaxJobs,
                Reservation::Wait => {
                    drop(permits);
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_millis(20)) => continue,
                        _ = taking.cancelled() => break StopReason::Signal,
                    }
                }
            };
            permits.truncate(reserved as usize);
            request.max_jobs = permits.len();
            let completions = self.take_acks();
            let batch = match self
                .backend
                .lease(&self.pipeline.queue, &request, &completions)
                .await
            {
                Ok(batch) => {
                    failures = 0;
                    batch
                }
                Err(error) => {
                    budget.settle(reserved, 0);
                    self.restore_acks(completions);
                    drop(permits);
                    failures += 1;
                    let pause = Duration::from_millis(200 * u64::from(failures.min(25)));
                    tracing::warn!(queue = %self.pipeline.queue, %error, retry_in = ?pause, "could not lease jobs");
                    tokio::select! {
                        _ = tokio::time::sleep(pause) => continue,
                        _ = taking.cancelled() => break StopReason::Signal,
                    }
                }
            };
            self.report_stale(&batch.stale);
            let got = batch.jobs.len();
            backlog = got == request.max_jobs;
            budget.settle(reserved, got as u64);
            for (job, permit) in batch.jobs.into_iter().zip(permits.drain(..)) {
                let consumer = self.clone();
                self.tasks
                    .spawn(async move { consumer.execute(job, permit).await });
            }
            drop(permits);
            if got > 0 {
                continue;
            }
            if options.burst {
                if self.in_flight_count() == 0 {
                    break StopReason::Drained;
                }
                // in-flight jobs may fail and come back; wait for one to finish, then look again
                tokio::select! {
                    _ = self.job_finished.notified() => {}
                    _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                }
                continue;
            }
            let wait = match (batch.paused, batch.next_delayed_at) {
                (false, Some(due)) => Duration::from_millis(
                    (due - now_ms()).clamp(1, IDLE_WAIT.as_millis() as i64) as u64,
                ),
                _ => IDLE_WAIT,
            };
            let mut doorbell = self.doorbell.lock().await;
            let Some(bell) = doorbell.as_mut() else {
                break StopReason::Signal;
            };
            tokio::select! {
                rang = bell.wait(wait) => {
                    if let Err(error) = rang {
                        tracing::warn!(queue = %self.pipeline.queue, %error, "doorbell failed; polling");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
                _ = taking.cancelled() => break StopReason::Signal,
            }
        };
        flusher_stop.cancel();
        let _ = flusher.await;
        reason
    }

    async fn execute(self: Arc<Self>, job: LeasedJob, permit: OwnedSemaphorePermit) {
        if let Some(observer) = &self.observer {
            observer.started(&job);
        }
        let entry = Arc::new(InFlight {
            token: job.token.clone(),
            abort: CancellationToken::new(),
            release: AtomicBool::new(false),
        });
        if let Ok(mut map) = self.in_flight.lock() {
            map.insert(job.id.clone(), entry.clone());
        }
        let outcome = tokio::select! {
            biased;
            _ = entry.abort.cancelled() => None,
            outcome = run_job(&self.pipeline, &job) => Some(outcome),
        };
        if let Ok(mut map) = self.in_flight.lock() {
            map.remove(&job.id);
        }
        match outcome {
            Some(JobOutcome::Done { outputs }) => {
                tracing::debug!(queue = %job.queue, job = %job.id, "job done");
                let outputs = serde_json::Value::Object(outputs).to_string();
                if let Ok(mut acks) = self.acks.lock() {
                    acks.push(Completion {
                        id: job.id.clone(),
                        token: job.token.clone(),
                        outputs,
                    });
                }
                self.counters.done.fetch_add(1, Ordering::Relaxed);
                self.ack_ready.notify_one();
            }
            Some(JobOutcome::Failed { failure, outputs }) => {
                self.counters.failed.fetch_add(1, Ordering::Relaxed);
                let exhausted = failure.fatal || job.attempts >= job.max_attempts;
                let report = FailureReport {
                    id: job.id.clone(),
                    token: job.token.clone(),
                    error: failure.error.clone(),
                    stderr: failure.stderr,
                    retry_delay: (!exhausted).then(|| self.pipeline.retry.delay(job.attempts)),
                    outputs: serde_json::Value::Object(outputs).to_string(),
                };
                match self.backend.fail(&job.queue, &report).await {
                    Ok(FailOutcome::Dead) => {
                        tracing::error!(queue = %job.queue, job = %job.id, attempt = job.attempts, error = %failure.error, "job dead")
                    }
                    Ok(FailOutcome::Retry) => {
                        tracing::warn!(queue = %job.queue, job = %job.id, attempt = job.attempts, retry_in = ?report.retry_delay.unwrap_or_default(), error = %failure.error, "job failed; will retry")
                    }
                    Ok(FailOutcome::Stale) => {
                        tracing::warn!(queue = %job.queue, job = %job.id, "failed after its lease was lost; another attempt owns it")
                    }
                    Err(error) => {
                        tracing::warn!(queue = %job.queue, job = %job.id, %error, "could not record the failure; the lease will expire and the job will run again")
                    }
                }
            }
            None if entry.release.load(Ordering::Relaxed) => {
                if let Ok(mut leases) = self.to_release.lock() {
                    leases.push(LeaseRef {
                        id: job.id.clone(),
                        token: job.token.clone(),
                    });
                }
            }
            None => {
                self.counters.lost.fetch_add(1, Ordering::Relaxed);
            }
        }
        drop(permit);
        self.job_finished.notify_waiters();
    }

    /// After the fetch loop ends: wait up to `grace` for in-flight jobs, stop and release the
    /// rest, and send the last acks.
    pub async fn finish(&self, grace: Duration) {
        self.tasks.close();
        if tokio::time::timeout(grace, self.tasks.wait())
            .await
            .is_err()
        {
            let running: Vec<Arc<InFlight>> = self
                .in_flight
                .lock()
                .map(|map| map.values().cloned().collect())
                .unwrap_or_default();
            tracing::warn!(queue = %self.pipeline.queue, jobs = running.len(), "shutdown grace over; releasing running jobs");
            for entry in running {
                entry.release.store(true, Ordering::Relaxed);
                entry.abort.cancel();
            }
            self.tasks.wait().await;
        }
        let leases = self
            .to_release
            .lock()
            .map(|mut leases| std::mem::take(&mut *leases))
            .unwrap_or_default();
        if !leases.is_empty() {
            match self.backend.release(&self.pipeline.queue, &leases).await {
                Ok(released) => {
                    self.counters
                        .released
                        .fetch_add(released, Ordering::Relaxed);
                }
                Err(error) => {
                    tracing::warn!(queue = %self.pipeline.queue, %error, "could not release jobs; they come back when their leases expire")
                }
            }
        }
        for _ in 0..5 {
            if self.flush_acks().await {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}
