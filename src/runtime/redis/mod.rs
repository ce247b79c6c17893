//! The Redis backend: standalone, TLS, unix-socket, Sentinel and Cluster Redis, each through
//! one shared connection.

mod admin;
mod calls;
mod cluster;
pub use cluster::ClusterSpec;
pub use open::ConnectOptions;
mod connection;
mod control;
mod doctor;
mod events;
mod hints;
mod jobs;
pub mod keys;
mod limits;
mod link;
mod memory;
mod open;
mod reply;
mod scripts;
pub mod sentinel;
mod sessions;

use crate::runtime::backend::{
    Backend, BackendResult, BeatReport, BeatRequest, ControlFeed, Doorbell, LeaseReply,
    LeaseRequest, MemoryUsage, ProgressSink, ServerUsage,
};
use crate::runtime::job::{
    AckReport, ChangeOutcome, Completion, EnqueueOutcome, Event, FailOutcome, FailureReport,
    JobRecord, JobState, JobSummary, LeaseRef, NewJob, QueueSettings, QueueStats, SessionCounts,
    SessionInfo, SessionJob, WorkerControl, WorkerEntry, WorkerInfo,
};
use async_trait::async_trait;
use connection::{RedisDoorbell, Target};
use keys::QueueKeys;
use link::{Connection, Link, Opener};
use scripts::Scripts;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Done (and cancelled) jobs kept per queue unless `queues set --retain-done` says otherwise.
pub const DEFAULT_RETAIN_DONE: u64 = 100_000;
/// Share of maxmemory past which enqueues are refused, unless `memory_guard` says otherwise.
pub const DEFAULT_MEMORY_GUARD: f64 = 0.9;
/// Failed attempts remembered per job.
const ERROR_HISTORY: usize = 10;
/// Width of a throughput bucket.
const BUCKET_MS: i64 = 10_000;
/// At most one recovery sweep per queue in this window, whichever worker runs it.
const REAPER_LOCK_MS: u64 = 1000;
/// Expired leases handled per sweep, so one sweep never stalls the server.
const REAP_BATCH: u64 = 1000;

pub struct RedisBackend {
    link: Arc<RwLock<Link>>,
    /// Set for redis+sentinel://: how to find the master again.
    sentinel: Option<sentinel::Sentinel>,
    target: Target,
    prefix: String,
    connect_timeout: Duration,
    scripts: &'static Scripts,
    /// Calls go through the function library (`FCALL`) while this holds: Redis 7, until the
    /// server refuses to load it.
    functions: std::sync::atomic::AtomicBool,
    /// Redis 7 or newer: one LMPOP takes a batch from the highest non-empty priority level.
    multi_pop: bool,
    /// Whether the scripts append to the queues' event streams (`events: false` turns it off).
    events: bool,
    /// Share of maxmemory past which enqueues are refused (1 = off).
    memory_guard: f64,
    /// The last INFO memory reading and when it was taken.
    memory: std::sync::Mutex<Option<(std::time::Instant, MemoryUsage)>>,
}

impl RedisBackend {
    /// The shared connection to the current server (cheap: a handle to one multiplexed link).
    pub(super) fn connection(&self) -> Connection {
        link::read(&self.link, |link| link.connection.clone())
    }

    /// How to open dedicated connections (doorbell, pub/sub, event reads) to the current server.
    pub(super) fn opener(&self) -> Opener {
        link::read(&self.link, |link| link.opener.clone())
    }

    /// Refuses enqueues once used memory passes this share of maxmemory (1 turns it off).
    pub fn with_memory_guard(mut self, share: f64) -> RedisBackend {
        self.memory_guard = share;
        self
    }

    /// Records events (the default) or not.
    pub fn with_events_recorded(mut self, on: bool) -> RedisBackend {
        self.events = on;
        self
    }

    fn keys(&self, queue: &str) -> QueueKeys {
        QueueKeys::new(&self.prefix, queue)
    }

    /// A script's keys, with the event stream last when this client records events (scripts
    /// record none when it is absent).
    fn with_events(&self, keys: &QueueKeys, mut list: Vec<String>) -> Vec<String> {
        if self.events {
            list.push(keys.events());
        }
        list
    }
}

#[async_trait]
impl Backend for RedisBackend {
    fn describe(&self) -> String {
        self.target.display.clone()
    }

    fn works_apart(&self) -> bool {
        true
    }

    async fn enqueue(&self, queue: &str, jobs: &[NewJob]) -> BackendResult<Vec<EnqueueOutcome>> {
        self.enqueue_jobs(queue, jobs).await
    }

    async fn existing(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<bool>> {
        self.existing_jobs(queue, ids).await
    }

    async fn lease(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> LeaseReply {
        self.lease_jobs(queue, request, completions).await
    }

    async fn complete(&self, queue: &str, completions: &[Completion]) -> BackendResult<AckReport> {
        self.complete_jobs(queue, completions).await
    }

    async fn checkpoint(
        &self,
        queue: &str,
        lease: &LeaseRef,
        outputs: &str,
    ) -> BackendResult<bool> {
        self.save_checkpoint(queue, lease, outputs).await
    }

    async fn take_rate(
        &self,
        queue: &str,
        scope: &str,
        rate: &crate::runtime::rate::Rate,
        wanted: u64,
    ) -> BackendResult<(u64, Duration)> {
        self.take_from_rate(queue, scope, rate, wanted).await
    }

    async fn fail(&self, queue: &str, report: &FailureReport) -> BackendResult<FailOutcome> {
        self.fail_job(queue, report).await
    }

    async fn beat(&self, queue: &str, request: &BeatRequest) -> BackendResult<BeatReport> {
        self.beat_leases(queue, request).await
    }

    async fn release(&self, queue: &str, leases: &[LeaseRef]) -> BackendResult<u64> {
        self.release_leases(queue, leases).await
    }

    async fn doorbell(&self, queue: &str) -> BackendResult<Box<dyn Doorbell>> {
        Ok(Box::new(RedisDoorbell::new(
            self.link.clone(),
            self.target.clone(),
            &self.keys(queue),
            self.connect_timeout,
        )))
    }

    async fn wait_and_lease(
        &self,
        queue: &str,
        bell: &mut dyn Doorbell,
        timeout: Duration,
        request: &LeaseRequest,
        interrupt: &CancellationToken,
    ) -> BackendResult<Option<LeaseReply>> {
        self.wait_and_lease_jobs(queue, bell, timeout, request, interrupt)
            .await
    }

    async fn cancel(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        self.change_state(queue, ids, jobs::Change::Cancel).await
    }

    async fn retry(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        self.change_state(queue, ids, jobs::Change::Retry).await
    }

    async fn queues(&self) -> BackendResult<Vec<String>> {
        self.known_queues().await
    }

    async fn records(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<Option<JobRecord>>> {
        self.records_of(queue, ids).await
    }

    async fn dead_ids(&self, queue: &str) -> BackendResult<Vec<(String, i64)>> {
        self.dead_of(queue).await
    }

    async fn delete_dead(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = vec![self.keys(queue).dead()];
        self.change_jobs(queue, &self.scripts.delete_dead, keys, ids)
            .await
    }

    async fn queue_stats(&self, queue: &str) -> BackendResult<QueueStats> {
        self.stats_of(queue).await
    }

    async fn job(&self, queue: &str, id: &str) -> BackendResult<Option<JobRecord>> {
        self.job_of(queue, id).await
    }

    async fn locate(&self, id: &str) -> BackendResult<Vec<String>> {
        self.queues_holding(id).await
    }

    async fn list_jobs(
        &self,
        queue: &str,
        state: JobState,
        limit: usize,
    ) -> BackendResult<Vec<JobSummary>> {
        self.jobs_in(queue, state, limit).await
    }

    async fn set_paused(&self, queue: &str, paused: bool) -> BackendResult<()> {
        self.set_meta(queue, &[("paused", if paused { 1 } else { 0 })])
            .await
    }

    async fn configure(&self, queue: &str, settings: &QueueSettings) -> BackendResult<()> {
        self.set_meta(queue, &settings.stored()).await
    }

    async fn purge(&self, queue: &str, progress: &dyn ProgressSink) -> BackendResult<u64> {
        self.purge_queue(queue, progress).await
    }

    async fn delete_queue(&self, queue: &str) -> BackendResult<()> {
        self.purge_queue(queue, &crate::runtime::backend::NoProgress)
            .await?;
        let mut connection = self.connection();
        redis::pipe()
            .del(self.keys(queue).meta())
            .ignore()
            .srem(keys::queues(&self.prefix), queue)
            .ignore()
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| self.target.map(error))
    }

    async fn register_worker(
        &self,
        info: &WorkerInfo,
        ttl: Duration,
    ) -> BackendResult<Option<WorkerControl>> {
        self.heartbeat(info, ttl).await
    }

    async fn unregister_worker(&self, info: &WorkerInfo) -> BackendResult<()> {
        self.forget_worker(info).await
    }

    async fn workers(&self) -> BackendResult<Vec<WorkerEntry>> {
        self.fleet().await
    }

    async fn record_event(
        &self,
        queue: &str,
        kind: &str,
        fields: &[(&str, String)],
    ) -> BackendResult<()> {
        self.append_event(queue, kind, fields).await
    }

    async fn event_cursors(
        &self,
        queues: &[String],
        at: i64,
    ) -> BackendResult<std::collections::BTreeMap<String, String>> {
        // stream ids are `<ms>-<seq>`: everything after `<at - 1>-<max>` is at `at` or later
        let cursor = format!("{}-18446744073709551615", at - 1);
        Ok(queues
            .iter()
            .map(|queue| (queue.clone(), cursor.clone()))
            .collect())
    }

    async fn read_events(
        &self,
        cursors: &std::collections::BTreeMap<String, String>,
        wait: Duration,
    ) -> BackendResult<Vec<Event>> {
        self.read_streams(cursors, wait).await
    }

    async fn send_control(&self, workers: &[String], command: WorkerControl) -> BackendResult<()> {
        self.store_control(workers, command).await
    }

    async fn control_feed(&self, worker: &str) -> BackendResult<Option<Box<dyn ControlFeed>>> {
        self.subscribe_control(worker).await.map(Some)
    }

    async fn sessions(&self, queue: &str) -> BackendResult<Vec<SessionInfo>> {
        self.sessions_of(queue).await
    }

    async fn session_counts(&self, queue: &str, session: &str) -> BackendResult<SessionCounts> {
        self.counts_of_session(queue, session).await
    }

    async fn session_jobs(&self, queue: &str, session: &str) -> BackendResult<Vec<SessionJob>> {
        self.jobs_of_session(queue, session).await
    }

    async fn stop_session(&self, queue: &str, session: &str) -> BackendResult<bool> {
        self.stop_session_of(queue, session).await
    }

    async fn clean_session(
        &self,
        queue: &str,
        session: &str,
        ids: &[String],
    ) -> BackendResult<u64> {
        self.clean_session_of(queue, session, ids).await
    }

    async fn checks(&self) -> BackendResult<Vec<crate::runtime::backend::Check>> {
        self.run_checks().await
    }

    async fn memory(&self) -> BackendResult<Option<MemoryUsage>> {
        self.read_memory().await.map(Some)
    }

    async fn server_usage(&self) -> BackendResult<Option<ServerUsage>> {
        self.cpu_usage().await.map(Some)
    }
}
