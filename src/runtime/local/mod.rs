//! The embedded local backend: SQLite in WAL mode, one transaction per operation, shared by
//! several processes on one machine. Same job semantics as Redis (see `jobs.rs`).

mod admin;
mod checkpoint;
mod doctor;
mod doorbell;
mod events;
mod fair;
mod jobs;
mod leasing;
mod limits;
mod recovery;
mod retention;
mod schema;
mod sessions;
mod spool;
mod transaction;

pub use spool::{Settled, SpoolCounts, SpooledJob};

use crate::runtime::airgap::seal::Sealer;
use crate::runtime::backend::{
    Backend, BackendResult, BeatReport, BeatRequest, ControlFeed, Doorbell, LeaseReply,
    LeaseRequest, ProgressSink, ServerUsage, wait_only,
};
use crate::runtime::error::BackendError;
use crate::runtime::job::{
    AckReport, ChangeOutcome, Completion, EnqueueOutcome, EnqueueStatus, Event, FailOutcome,
    FailureReport, JobRecord, JobState, JobSummary, LeaseRef, NewJob, QueueSettings, QueueStats,
    SessionCounts, SessionInfo, SessionJob, WorkerInfo,
};
use crate::runtime::job::{WorkerControl, WorkerEntry};
use async_trait::async_trait;
use doorbell::Bells;
use jobs::Sql;
use rusqlite::{Connection, Transaction};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use transaction::store_error;

pub struct LocalBackend {
    connection: Arc<Mutex<Connection>>,
    display: String,
    bells: Bells,
    /// Set when the store is the airgap spool: payloads are sealed at rest.
    sealer: Option<Arc<Sealer>>,
    /// The spool's bound on the jobs it holds.
    capacity: Option<u64>,
    /// Whether operations append to the queues' event streams.
    events: bool,
    path: std::path::PathBuf,
    /// Started by the first lease: only a process that leases writes often enough to need it.
    checkpointer: std::sync::OnceLock<Option<checkpoint::Checkpointer>>,
}

impl LocalBackend {
    pub async fn open(path: &Path) -> BackendResult<LocalBackend> {
        let display = format!("local:{}", path.display());
        let owned = path.to_path_buf();
        let connection = tokio::task::spawn_blocking(move || schema::open(&owned))
            .await
            .map_err(|error| store_error(&display, error.to_string()))?
            .map_err(|error| BackendError::Store {
                backend: display.clone(),
                detail: error.detail,
                hint: error.hint.map(str::to_string),
            })?;
        Ok(LocalBackend {
            connection: Arc::new(Mutex::new(connection)),
            display,
            bells: Bells::beside(path),
            sealer: None,
            capacity: None,
            events: true,
            path: path.to_path_buf(),
            checkpointer: std::sync::OnceLock::new(),
        })
    }

    /// Records events (the default) or not.
    pub fn with_events_recorded(mut self, on: bool) -> LocalBackend {
        self.events = on;
        self
    }
}

/// The ids a cancel or retry changed.
fn changed(outcomes: &[ChangeOutcome]) -> Vec<String> {
    outcomes
        .iter()
        .filter(|outcome| outcome.changed)
        .map(|outcome| outcome.id.clone())
        .collect()
}

#[async_trait]
impl Backend for LocalBackend {
    fn describe(&self) -> String {
        self.display.clone()
    }

    async fn enqueue(&self, queue: &str, jobs: &[NewJob]) -> BackendResult<Vec<EnqueueOutcome>> {
        for job in jobs {
            job.validate().map_err(|error| BackendError::Invalid {
                detail: error.message,
            })?;
        }
        let (name, mut jobs) = (queue.to_string(), jobs.to_vec());
        self.seal_jobs(queue, &mut jobs);
        let (capacity, recording) = (self.capacity, self.events);
        // one job is what a script or an idle pickup waits on; a batch takes the blocking pool
        let soon = jobs.len() == 1;
        let work = move |tx: &Transaction| {
            if !spool::fits(tx, capacity, jobs.len())? {
                return Ok(None);
            }
            let outcomes = jobs::enqueue(tx, &name, &jobs)?;
            if recording {
                let added: Vec<String> = outcomes
                    .iter()
                    .filter(|outcome| outcome.status == EnqueueStatus::Enqueued)
                    .map(|outcome| outcome.id.clone())
                    .collect();
                // the batch's session goes with the event when all its jobs share one
                let session = jobs.first().and_then(|job| job.session.clone());
                let shared = jobs.iter().all(|job| job.session == session);
                let fields: Vec<(&str, String)> = match session {
                    Some(session) if shared => vec![("session", session)],
                    _ => Vec::new(),
                };
                events::emit(tx, &name, "enqueued", &added, &fields)?;
            }
            Ok(Some(outcomes))
        };
        let outcomes =
            self.write_soon(soon, work)
                .await?
                .ok_or_else(|| BackendError::SpoolFull {
                    spool: self.display.clone(),
                    limit: capacity.unwrap_or_default(),
                })?;
        if outcomes
            .iter()
            .any(|outcome| outcome.status == EnqueueStatus::Enqueued)
        {
            self.bells.ring(queue);
        }
        Ok(outcomes)
    }

    async fn existing(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<bool>> {
        let (queue, ids) = (queue.to_string(), ids.to_vec());
        self.write(move |tx| admin::existing(tx, &queue, &ids))
            .await
    }

    async fn lease(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> LeaseReply {
        self.lease_now(queue, request, completions, false).await
    }

    /// The wait, then the lease at once on this thread when the store is free: the datagram
    /// that ends the wait is already here, so only the lease's own work stands between a ring
    /// and the job's start.
    async fn wait_and_lease(
        &self,
        queue: &str,
        bell: &mut dyn Doorbell,
        timeout: Duration,
        request: &LeaseRequest,
        interrupt: &CancellationToken,
    ) -> BackendResult<Option<LeaseReply>> {
        wait_only(bell, timeout, interrupt).await?;
        if interrupt.is_cancelled() {
            return Ok(None);
        }
        Ok(Some(self.lease_now(queue, request, &[], true).await))
    }

    async fn complete(&self, queue: &str, completions: &[Completion]) -> BackendResult<AckReport> {
        let (queue, completions) = (queue.to_string(), completions.to_vec());
        let recording = self.events;
        self.write(move |tx| leasing::complete_recorded(tx, &queue, &completions, recording))
            .await
    }

    async fn fail(&self, queue: &str, report: &FailureReport) -> BackendResult<FailOutcome> {
        let (name, report) = (queue.to_string(), report.clone());
        let recording = self.events;
        let outcome = self
            .write(move |tx| {
                let outcome = events::noting_trims(tx, &name, recording, |tx| {
                    jobs::fail(tx, &name, &report)
                })?;
                let kind = match outcome {
                    FailOutcome::Retry => "retried",
                    FailOutcome::Dead => "dead",
                    FailOutcome::Stale => "",
                };
                if recording && !kind.is_empty() {
                    let error = [("error", report.error.clone())];
                    let failed =
                        events::with_sessions(tx, &name, std::slice::from_ref(&report.id))?;
                    events::emit_by_session(tx, &name, kind, &failed, &error)?;
                }
                Ok(outcome)
            })
            .await?;
        if outcome == FailOutcome::Retry {
            self.bells.ring(queue);
        }
        Ok(outcome)
    }

    async fn beat(&self, queue: &str, request: &BeatRequest) -> BackendResult<BeatReport> {
        let (name, request) = (queue.to_string(), request.clone());
        let recording = self.events;
        let report = self
            .write(move |tx| {
                let mut moved = recovery::Recovered::default();
                let report = events::noting_trims(tx, &name, recording, |tx| {
                    recovery::beat(tx, &name, &request, &mut moved)
                })?;
                if recording {
                    let error = [("error", "lease expired".to_string())];
                    for (kind, ids) in [("retried", &moved.retried), ("dead", &moved.dead)] {
                        let jobs = events::with_sessions(tx, &name, ids)?;
                        events::emit_by_session(tx, &name, kind, &jobs, &error)?;
                    }
                }
                Ok(report)
            })
            .await?;
        if report
            .recovered
            .is_some_and(|recovered| recovered.retried + recovered.returned > 0)
        {
            self.bells.ring(queue);
        }
        Ok(report)
    }

    async fn checks(&self) -> BackendResult<Vec<crate::runtime::backend::Check>> {
        let path = std::path::PathBuf::from(self.display.trim_start_matches("local:"));
        self.write(move |tx| doctor::checks(tx, &path)).await
    }

    async fn checkpoint(
        &self,
        queue: &str,
        lease: &LeaseRef,
        outputs: &str,
    ) -> BackendResult<bool> {
        let (queue, lease, outputs) = (queue.to_string(), lease.clone(), outputs.to_string());
        self.write(move |tx| limits::checkpoint(tx, &queue, &lease, &outputs))
            .await
    }

    async fn take_rate(
        &self,
        queue: &str,
        scope: &str,
        rate: &crate::runtime::rate::Rate,
        wanted: u64,
    ) -> BackendResult<(u64, Duration)> {
        let (queue, scope, rate) = (queue.to_string(), scope.to_string(), *rate);
        self.write(move |tx| limits::take_rate(tx, &queue, &scope, &rate, wanted))
            .await
    }

    async fn release(&self, queue: &str, leases: &[LeaseRef]) -> BackendResult<u64> {
        let (name, leases) = (queue.to_string(), leases.to_vec());
        let released = self
            .write(move |tx| recovery::release(tx, &name, &leases))
            .await?;
        if released > 0 {
            self.bells.ring(queue);
        }
        Ok(released)
    }

    async fn doorbell(&self, queue: &str) -> BackendResult<Box<dyn Doorbell>> {
        Ok(Box::new(self.bells.doorbell(queue, &self.display)?))
    }

    async fn cancel(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let (queue, ids) = (queue.to_string(), ids.to_vec());
        let recording = self.events;
        self.write(move |tx| {
            let outcomes =
                events::noting_trims(tx, &queue, recording, |tx| admin::cancel(tx, &queue, &ids))?;
            if recording {
                events::emit(tx, &queue, "cancelled", &changed(&outcomes), &[])?;
            }
            Ok(outcomes)
        })
        .await
    }

    async fn retry(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let (name, ids) = (queue.to_string(), ids.to_vec());
        let recording = self.events;
        let outcomes = self
            .write(move |tx| {
                let outcomes = admin::retry(tx, &name, &ids)?;
                if recording {
                    let reason = [("reason", "retried by hand".to_string())];
                    events::emit(tx, &name, "retried", &changed(&outcomes), &reason)?;
                }
                Ok(outcomes)
            })
            .await?;
        self.bells.ring(queue);
        Ok(outcomes)
    }

    async fn queues(&self) -> BackendResult<Vec<String>> {
        self.write(admin::queues).await
    }

    async fn queue_stats(&self, queue: &str) -> BackendResult<QueueStats> {
        let queue = queue.to_string();
        self.write(move |tx| admin::stats(tx, &queue)).await
    }

    async fn job(&self, queue: &str, id: &str) -> BackendResult<Option<JobRecord>> {
        let (name, key) = (queue.to_string(), id.to_string());
        let mut record = self.write(move |tx| admin::job(tx, &name, &key)).await?;
        if let Some(record) = &mut record {
            record.data = self.open_value(queue, id, std::mem::take(&mut record.data));
        }
        Ok(record)
    }

    async fn records(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<Option<JobRecord>>> {
        let (name, keys) = (queue.to_string(), ids.to_vec());
        let records = self
            .write(move |tx| {
                keys.iter()
                    .map(|id| admin::job(tx, &name, id))
                    .collect::<Sql<Vec<_>>>()
            })
            .await?;
        Ok(records
            .into_iter()
            .map(|record| {
                record.map(|mut record| {
                    record.data =
                        self.open_value(queue, &record.id, std::mem::take(&mut record.data));
                    record
                })
            })
            .collect())
    }

    async fn dead_ids(&self, queue: &str) -> BackendResult<Vec<(String, i64)>> {
        let queue = queue.to_string();
        self.write(move |tx| admin::dead_ids(tx, &queue)).await
    }

    async fn delete_dead(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let (queue, ids) = (queue.to_string(), ids.to_vec());
        self.write(move |tx| admin::delete_dead(tx, &queue, &ids))
            .await
    }

    async fn locate(&self, id: &str) -> BackendResult<Vec<String>> {
        let id = id.to_string();
        self.write(move |tx| admin::locate(tx, &id)).await
    }

    async fn list_jobs(
        &self,
        queue: &str,
        state: JobState,
        limit: usize,
    ) -> BackendResult<Vec<JobSummary>> {
        let queue = queue.to_string();
        self.write(move |tx| admin::list(tx, &queue, state, limit))
            .await
    }

    async fn set_paused(&self, queue: &str, paused: bool) -> BackendResult<()> {
        let name = queue.to_string();
        self.write(move |tx| admin::set_paused(tx, &name, paused))
            .await?;
        self.bells.ring(queue);
        Ok(())
    }

    async fn configure(&self, queue: &str, settings: &QueueSettings) -> BackendResult<()> {
        let (queue, settings) = (queue.to_string(), settings.clone());
        self.write(move |tx| admin::configure(tx, &queue, &settings))
            .await
    }

    async fn purge(&self, queue: &str, progress: &dyn ProgressSink) -> BackendResult<u64> {
        let queue = queue.to_string();
        let removed = self.write(move |tx| admin::purge(tx, &queue)).await?;
        progress.set_total(removed);
        progress.advance(removed);
        Ok(removed)
    }

    async fn delete_queue(&self, queue: &str) -> BackendResult<()> {
        let queue = queue.to_string();
        self.write(move |tx| admin::delete_queue(tx, &queue)).await
    }

    async fn register_worker(
        &self,
        info: &WorkerInfo,
        _ttl: Duration,
    ) -> BackendResult<Option<WorkerControl>> {
        let info = info.clone();
        self.write(move |tx| admin::register(tx, &info)).await
    }

    async fn send_control(&self, workers: &[String], command: WorkerControl) -> BackendResult<()> {
        let workers = workers.to_vec();
        self.write(move |tx| admin::store_control(tx, &workers, command))
            .await
    }

    async fn control_feed(&self, _worker: &str) -> BackendResult<Option<Box<dyn ControlFeed>>> {
        // workers of a local store are on this machine and beat every few seconds: the stored
        // command reaches them with the next heartbeat
        Ok(None)
    }

    async fn unregister_worker(&self, info: &WorkerInfo) -> BackendResult<()> {
        let info = info.clone();
        self.write(move |tx| admin::unregister(tx, &info)).await
    }

    async fn workers(&self) -> BackendResult<Vec<WorkerEntry>> {
        self.write(admin::fleet).await
    }

    async fn record_event(
        &self,
        queue: &str,
        kind: &str,
        fields: &[(&str, String)],
    ) -> BackendResult<()> {
        if !self.events {
            return Ok(());
        }
        let (queue, kind) = (queue.to_string(), kind.to_string());
        let fields: Vec<(String, String)> = fields
            .iter()
            .map(|(name, value)| (name.to_string(), value.clone()))
            .collect();
        self.write(move |tx| {
            let fields: Vec<(&str, String)> = fields
                .iter()
                .map(|(name, value)| (name.as_str(), value.clone()))
                .collect();
            events::append(tx, &queue, &kind, &[], &fields)
        })
        .await
    }

    async fn event_cursors(
        &self,
        queues: &[String],
        at: i64,
    ) -> BackendResult<std::collections::BTreeMap<String, String>> {
        let seq = self.write(move |tx| events::cursor_at(tx, at)).await?;
        Ok(queues
            .iter()
            .map(|queue| (queue.clone(), seq.to_string()))
            .collect())
    }

    async fn read_events(
        &self,
        cursors: &std::collections::BTreeMap<String, String>,
        wait: Duration,
    ) -> BackendResult<Vec<Event>> {
        // the store has no blocking read: poll it briefly until something arrives
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let owned = cursors.clone();
            let found = self.write(move |tx| events::read(tx, &owned)).await?;
            if !found.is_empty() || tokio::time::Instant::now() >= deadline {
                return Ok(found);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn sessions(&self, queue: &str) -> BackendResult<Vec<SessionInfo>> {
        let queue = queue.to_string();
        self.write(move |tx| sessions::sessions(tx, &queue)).await
    }

    async fn session_jobs(&self, queue: &str, session: &str) -> BackendResult<Vec<SessionJob>> {
        let (queue, session) = (queue.to_string(), session.to_string());
        self.write(move |tx| sessions::jobs(tx, &queue, &session))
            .await
    }

    async fn session_counts(&self, queue: &str, session: &str) -> BackendResult<SessionCounts> {
        let (queue, session) = (queue.to_string(), session.to_string());
        self.write(move |tx| sessions::counts(tx, &queue, &session))
            .await
    }

    async fn stop_session(&self, queue: &str, session: &str) -> BackendResult<bool> {
        let (queue, session) = (queue.to_string(), session.to_string());
        self.write(move |tx| sessions::stop(tx, &queue, &session))
            .await
    }

    async fn clean_session(
        &self,
        queue: &str,
        session: &str,
        ids: &[String],
    ) -> BackendResult<u64> {
        let (queue, session, ids) = (queue.to_string(), session.to_string(), ids.to_vec());
        self.write(move |tx| sessions::clean(tx, &queue, &session, &ids))
            .await
    }

    async fn server_usage(&self) -> BackendResult<Option<ServerUsage>> {
        Ok(None)
    }
}
