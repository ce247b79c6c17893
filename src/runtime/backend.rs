//! The `Backend` trait: the one interface every command and the worker use to reach a store.

use crate::runtime::error::BackendError;
use crate::runtime::job::{
    AckReport, ChangeOutcome, Completion, EnqueueOutcome, Event, FailOutcome, FailureReport,
    JobRecord, JobState, JobSummary, LeaseBatch, LeaseRef, LeaseStatus, NewJob, QueueSettings,
    QueueStats, SessionCounts, SessionInfo, SessionJob, WorkerControl, WorkerEntry, WorkerInfo,
};
use async_trait::async_trait;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub type BackendResult<T> = Result<T, BackendError>;

/// How a worker asks for work.
#[derive(Debug, Clone)]
pub struct LeaseRequest {
    pub max_jobs: usize,
    pub lease: Duration,
    pub owner: String,
    /// Applied to jobs enqueued without `--max-attempts`.
    pub default_max_attempts: u32,
    /// The pipeline's fleet-wide start rate; the queue's own (`queues set --rate`) applies
    /// too, and the stricter wins.
    pub rate: Option<crate::runtime::rate::Rate>,
    /// The pipeline's cap on the queue's running jobs, with the queue's own likewise.
    pub max_inflight: Option<u32>,
}

/// What one heartbeat recovered from expired leases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecoverReport {
    /// Jobs of workers that stopped heartbeating, back at the head of their queue.
    pub retried: u64,
    /// Jobs of such workers that had used their last attempt.
    pub dead: u64,
    /// Jobs leased by a reply their live owner never received: back, attempt not counted.
    pub returned: u64,
}

/// One heartbeat of one worker on one queue.
#[derive(Debug, Clone)]
pub struct BeatRequest {
    pub owner: String,
    /// Every lease the worker still holds, including jobs whose ack is not yet confirmed.
    pub leases: Vec<LeaseRef>,
    pub lease: Duration,
}

#[derive(Debug, Clone, Default)]
pub struct BeatReport {
    /// One per lease of the request, in order.
    pub statuses: Vec<LeaseStatus>,
    /// None when another worker recovered expired leases just now, or on a first beat.
    pub recovered: Option<RecoverReport>,
}

/// The answer to a lease call that carried acks: the two halves succeed or fail apart, so a
/// failed ack never hides jobs that were leased, and leased jobs never hide a failed ack.
#[derive(Debug)]
pub struct LeaseReply {
    /// None when the call carried no acks.
    pub acks: Option<BackendResult<AckReport>>,
    pub batch: BackendResult<LeaseBatch>,
}

impl LeaseReply {
    /// The batch, or the first error of either half (for callers that treat them alike).
    pub fn into_result(self) -> BackendResult<LeaseBatch> {
        if let Some(Err(error)) = self.acks {
            return Err(error);
        }
        self.batch
    }
}

/// Told how far a long operation has got, without the runtime knowing how it is drawn.
pub trait ProgressSink: Send + Sync {
    fn set_total(&self, total: u64);
    fn advance(&self, done: u64);
}

/// A sink for callers that do not show progress.
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn set_total(&self, _total: u64) {}
    fn advance(&self, _done: u64) {}
}

/// Server-side resource use, for `fleetq bench`, from backends that run in a server.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServerUsage {
    pub cpu_seconds: f64,
    /// Commands the server has run (scripts and the commands inside them each count).
    pub commands: u64,
}

/// One `fleetq doctor` finding.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Check {
    pub check: String,
    pub verdict: Verdict,
    pub detail: String,
    pub hint: Option<String>,
}

impl Check {
    pub fn new(check: &str, verdict: Verdict, detail: String, hint: Option<&str>) -> Check {
        Check {
            check: check.to_string(),
            verdict,
            detail,
            hint: hint.map(str::to_string),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

/// How full the server's memory is, for the memory guard and `stats`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MemoryUsage {
    pub used_bytes: u64,
    /// 0: no maxmemory set.
    pub max_bytes: u64,
    /// `maxmemory-policy`; anything but `noeviction` can lose jobs.
    pub policy: String,
    /// Share of maxmemory past which enqueues are refused (1 = off).
    pub guard: f64,
}

/// A dedicated wait-for-work channel, so blocking never happens on the shared connection.
#[async_trait]
pub trait Doorbell: Send {
    /// Waits until a producer rings or the timeout passes; true when it rang.
    async fn wait(&mut self, timeout: Duration) -> BackendResult<bool>;

    /// The doorbell as its backend's own type, for a backend that waits on it in its own way.
    fn as_any(&mut self) -> &mut dyn std::any::Any;
}

/// Waits on `bell` until a producer rings, `timeout` passes or `interrupt` fires, and leases
/// nothing: how a backend that cannot lease in the wait's round trip waits.
pub async fn wait_only(
    bell: &mut dyn Doorbell,
    timeout: Duration,
    interrupt: &CancellationToken,
) -> BackendResult<Option<LeaseReply>> {
    tokio::select! {
        rang = bell.wait(timeout) => rang.map(|_| None),
        _ = interrupt.cancelled() => Ok(None),
    }
}

/// Control commands for one worker as they are sent.
#[async_trait]
pub trait ControlFeed: Send {
    /// The next command; None when the feed broke (the caller subscribes again).
    async fn next(&mut self) -> Option<WorkerControl>;
}

#[async_trait]
pub trait Backend: Send + Sync {
    /// The backend's address with secrets removed, for output and logs.
    fn describe(&self) -> String;

    /// Whether the backend works on a call while this process does other work (a server in
    /// another process), so a worker gains by keeping two lease calls going (`lanes.rs`). An
    /// embedded store does its work on this process's time, and gains nothing.
    fn works_apart(&self) -> bool {
        false
    }

    async fn enqueue(&self, queue: &str, jobs: &[NewJob]) -> BackendResult<Vec<EnqueueOutcome>>;

    /// Which of these job ids exist, in order: how a failed enqueue learns what went in.
    async fn existing(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<bool>>;

    /// Acknowledges `completions` and leases new jobs in one round trip.
    async fn lease(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> LeaseReply;

    /// Acknowledges finished jobs. Idempotent per lease token.
    async fn complete(&self, queue: &str, completions: &[Completion]) -> BackendResult<AckReport>;

    async fn fail(&self, queue: &str, report: &FailureReport) -> BackendResult<FailOutcome>;

    /// Records the worker alive, extends its leases, and recovers expired leases of workers
    /// that stopped heartbeating (retry or dead, at the head of the queue).
    async fn beat(&self, queue: &str, request: &BeatRequest) -> BackendResult<BeatReport>;

    /// Saves a running job's completed steps' outputs, fenced by its lease token, so another
    /// attempt resumes after them. False when the lease is no longer this one's.
    async fn checkpoint(&self, queue: &str, lease: &LeaseRef, outputs: &str)
    -> BackendResult<bool>;

    /// Takes up to `wanted` starts from the fleet-wide budget of `rate` named `scope` (a step)
    /// on this queue. Returns how many were granted and, when none, the wait until one is.
    async fn take_rate(
        &self,
        queue: &str,
        scope: &str,
        rate: &crate::runtime::rate::Rate,
        wanted: u64,
    ) -> BackendResult<(u64, Duration)>;

    /// Gives leased jobs back to the head of their queue without spending their attempt.
    async fn release(&self, queue: &str, leases: &[LeaseRef]) -> BackendResult<u64>;

    async fn doorbell(&self, queue: &str) -> BackendResult<Box<dyn Doorbell>>;

    /// An idle worker's wait: on `bell` until a producer rings, `timeout` passes or
    /// `interrupt` fires, then a lease as `lease` takes it (no acks ride along). Some when the
    /// backend took that lease in the wait's own round trip, which halves an idle worker's
    /// pickup; None leaves the lease to the caller.
    async fn wait_and_lease(
        &self,
        _queue: &str,
        bell: &mut dyn Doorbell,
        timeout: Duration,
        _request: &LeaseRequest,
        interrupt: &CancellationToken,
    ) -> BackendResult<Option<LeaseReply>> {
        wait_only(bell, timeout, interrupt).await
    }

    async fn cancel(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>>;

    async fn retry(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>>;

    async fn queues(&self) -> BackendResult<Vec<String>>;

    async fn queue_stats(&self, queue: &str) -> BackendResult<QueueStats>;

    async fn job(&self, queue: &str, id: &str) -> BackendResult<Option<JobRecord>>;

    /// Full records of these jobs, in order; None where there is no such job.
    async fn records(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<Option<JobRecord>>>;

    /// Every dead job's id with when it died, oldest first: what the DLQ commands select from.
    async fn dead_ids(&self, queue: &str) -> BackendResult<Vec<(String, i64)>>;

    /// Deletes these jobs for good if they are still dead (`deleted`); a job that left the dead
    /// set meanwhile keeps its state in the outcome.
    async fn delete_dead(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>>;

    /// The queues that hold a job with this id.
    async fn locate(&self, id: &str) -> BackendResult<Vec<String>>;

    async fn list_jobs(
        &self,
        queue: &str,
        state: JobState,
        limit: usize,
    ) -> BackendResult<Vec<JobSummary>>;

    async fn set_paused(&self, queue: &str, paused: bool) -> BackendResult<()>;

    async fn configure(&self, queue: &str, settings: &QueueSettings) -> BackendResult<()>;

    /// Deletes every job of a queue (its settings stay); returns how many jobs went.
    async fn purge(&self, queue: &str, progress: &dyn ProgressSink) -> BackendResult<u64>;

    /// Deletes a queue outright: its jobs, its settings and its name.
    async fn delete_queue(&self, queue: &str) -> BackendResult<()>;

    /// Registers (or refreshes) the worker, and returns the control command stored for it,
    /// so a worker that missed the live message still applies it at its next heartbeat.
    async fn register_worker(
        &self,
        info: &WorkerInfo,
        ttl: Duration,
    ) -> BackendResult<Option<WorkerControl>>;

    /// Stores a control command for these workers and announces it to them.
    async fn send_control(&self, workers: &[String], command: WorkerControl) -> BackendResult<()>;

    /// A live feed of this worker's control commands, where the backend has one (Redis
    /// pub/sub); without one, commands arrive with the heartbeat.
    async fn control_feed(&self, worker: &str) -> BackendResult<Option<Box<dyn ControlFeed>>>;

    async fn unregister_worker(&self, info: &WorkerInfo) -> BackendResult<()>;

    /// The queue's sessions, most recently active first.
    async fn sessions(&self, queue: &str) -> BackendResult<Vec<SessionInfo>>;

    /// Every job of a session, with its state and times.
    async fn session_jobs(&self, queue: &str, session: &str) -> BackendResult<Vec<SessionJob>>;

    /// A session's jobs counted by state, without reading them one by one into the client.
    async fn session_counts(&self, queue: &str, session: &str) -> BackendResult<SessionCounts>;

    /// Marks a session stopped, so it takes no new jobs; false when the queue has no such
    /// session. Its jobs are cancelled by the caller.
    async fn stop_session(&self, queue: &str, session: &str) -> BackendResult<bool>;

    /// Deletes these jobs of a session, whatever their state, and the session once it has no
    /// jobs left; returns how many jobs went.
    async fn clean_session(&self, queue: &str, session: &str, ids: &[String])
    -> BackendResult<u64>;

    /// Appends an event the scripts do not record themselves (pause, resume, workers coming and
    /// going, a session stopped). Does nothing when events are off.
    async fn record_event(
        &self,
        queue: &str,
        kind: &str,
        fields: &[(&str, String)],
    ) -> BackendResult<()>;

    /// Where each queue's stream stands at `at` (Unix ms): where `events tail` starts reading.
    async fn event_cursors(
        &self,
        queues: &[String],
        at: i64,
    ) -> BackendResult<std::collections::BTreeMap<String, String>>;

    /// Events after the cursors, oldest first, waiting up to `wait` for the first one.
    async fn read_events(
        &self,
        cursors: &std::collections::BTreeMap<String, String>,
        wait: Duration,
    ) -> BackendResult<Vec<Event>>;

    /// The registered workers, stale ones marked; ones silent past the registry's TTL are
    /// forgotten.
    async fn workers(&self) -> BackendResult<Vec<WorkerEntry>>;

    /// The server's CPU time so far; None for a backend with no server (the local store runs
    /// inside the client, so its cost is the client's own CPU time).
    async fn server_usage(&self) -> BackendResult<Option<ServerUsage>>;

    /// The server settings a queue depends on, judged (`fleetq doctor`).
    async fn checks(&self) -> BackendResult<Vec<Check>> {
        Ok(Vec::new())
    }

    /// The server's memory and the guard on it (None: a backend without one, the local store).
    async fn memory(&self) -> BackendResult<Option<MemoryUsage>> {
        Ok(None)
    }
}
