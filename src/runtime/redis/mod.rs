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
    LeaseRequest, MemoryUsage, ProgressSink, RecoverReport, ServerUsage,
};
use crate::runtime::error::BackendError;
use crate::runtime::job::{
    AckReport, ChangeOutcome, Completion, EnqueueOutcome, Event, FailOutcome, FailureReport,
    JobRecord, JobState, JobSummary, LeaseRef, NewJob, QueueSettings, QueueStats, SessionCounts,
    SessionInfo, SessionJob, WorkerControl, WorkerEntry, WorkerInfo,
};
use async_trait::async_trait;
use calls::{Call, EnqueueSettings, is_none};
use connection::{RedisDoorbell, Target};
use keys::QueueKeys;
use link::{Connection, Link, Opener};
use scripts::{NamedScript, Scripts};
use serde::Serialize;
use std::sync::{Arc, RwLock};
use std::time::Duration;

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
        self.link
            .read()
            .map(|link| link.connection.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().connection.clone())
    }

    /// How to open dedicated connections (doorbell, pub/sub, event reads) to the current server.
    pub(super) fn opener(&self) -> Opener {
        self.link
            .read()
            .map(|link| link.opener.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().opener.clone())
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

    /// The dequeue script's call: it acks `completions`, then leases what `request` asks for
    /// (nothing without one: `complete`).
    fn dequeue_call<'a>(
        &'a self,
        keys: &QueueKeys,
        request: Option<&'a LeaseRequest>,
        completions: &'a [Completion],
    ) -> BackendResult<Call<'a>> {
        #[derive(Serialize)]
        struct Lease<'a> {
            ready_prefix: String,
            fair_prefix: String,
            lease_ms: u64,
            owner: &'a str,
            default_max_attempts: u32,
            #[serde(skip_serializing_if = "is_none")]
            rate_us: Option<u64>,
            #[serde(skip_serializing_if = "is_none")]
            rate_burst: Option<u64>,
            #[serde(skip_serializing_if = "is_none")]
            max_inflight: Option<u32>,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            multi_pop: bool,
        }
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            unique_prefix: String,
            retain_done: u64,
            bucket_ms: i64,
            max_jobs: usize,
            #[serde(flatten)]
            lease: Option<Lease<'a>>,
        }
        let lease = request.map(|request| Lease {
            ready_prefix: keys.ready_prefix(),
            fair_prefix: keys.fair_prefix(),
            lease_ms: request.lease.as_millis() as u64,
            owner: &request.owner,
            default_max_attempts: request.default_max_attempts,
            rate_us: request.rate.map(|rate| rate.interval_us()),
            rate_burst: request.rate.map(|rate| rate.burst()),
            max_inflight: request.max_inflight,
            multi_pop: self.multi_pop,
        });
        self.script_call(
            &self.scripts.dequeue,
            self.with_events(
                keys,
                vec![
                    keys.meta(),
                    keys.delayed(),
                    keys.leased(),
                    keys.wake(),
                    keys.done(),
                    keys.stats(),
                    keys.throughput(),
                ],
            ),
            &Args {
                job_prefix: keys.job_prefix(),
                unique_prefix: keys.unique_prefix(),
                retain_done: DEFAULT_RETAIN_DONE,
                bucket_ms: BUCKET_MS,
                max_jobs: request.map_or(0, |request| request.max_jobs),
                lease,
            },
        )
        .map(|call| {
            call.with_payloads(completions.iter().flat_map(|completion| {
                [
                    completion.id.as_str(),
                    completion.token.as_str(),
                    completion.outputs.as_str(),
                ]
            }))
        })
    }

    /// Runs a per-id script (`cancel`, `retry`) and pairs each id with its result.
    async fn change_jobs(
        &self,
        queue: &str,
        script: &NamedScript,
        keys: Vec<String>,
        ids: &[String],
    ) -> BackendResult<Vec<ChangeOutcome>> {
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            ready_prefix: String,
            fair_prefix: String,
            unique_prefix: String,
            retain_done: u64,
            ids: &'a [String],
        }
        let queue_keys = self.keys(queue);
        let reply: reply::ChangesReply = self
            .run(
                script,
                keys,
                &Args {
                    job_prefix: queue_keys.job_prefix(),
                    ready_prefix: queue_keys.ready_prefix(),
                    fair_prefix: queue_keys.fair_prefix(),
                    unique_prefix: queue_keys.unique_prefix(),
                    retain_done: DEFAULT_RETAIN_DONE,
                    ids,
                },
            )
            .await?;
        Ok(reply.into_outcomes(queue))
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
        for job in jobs {
            job.validate().map_err(|error| BackendError::Invalid {
                detail: error.message,
            })?;
        }
        self.guard_memory().await?;
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            ready_prefix: String,
            fair_prefix: String,
            unique_prefix: String,
            session_prefix: String,
            session_jobs_suffix: &'static str,
            #[serde(skip_serializing_if = "is_none")]
            shared: Option<EnqueueSettings<'a>>,
            #[serde(skip_serializing_if = "is_none")]
            own: Option<Vec<EnqueueSettings<'a>>>,
        }
        let (shared, own) = calls::enqueue_settings(jobs);
        let keys = self.keys(queue);
        let script = self
            .script_call(
                &self.scripts.enqueue,
                self.with_events(
                    &keys,
                    vec![
                        keys.meta(),
                        keys.delayed(),
                        keys.stats(),
                        keys.wake(),
                        keys.sessions(),
                    ],
                ),
                &Args {
                    job_prefix: keys.job_prefix(),
                    ready_prefix: keys.ready_prefix(),
                    fair_prefix: keys.fair_prefix(),
                    unique_prefix: keys.unique_prefix(),
                    session_prefix: keys.session_prefix(),
                    session_jobs_suffix: keys::SESSION_JOBS_SUFFIX,
                    shared,
                    own,
                },
            )?
            .with_payloads(
                jobs.iter()
                    .flat_map(|job| [job.id.as_str(), job.data.as_str()]),
            );
        let mut register = redis::cmd("SADD");
        register.arg(keys::queues(&self.prefix)).arg(queue);
        let mut replies = self.send(&[Call::Command(register), script]).await?;
        let value = replies
            .pop()
            .unwrap_or_else(|| Err(self.target.protocol("no reply".into())));
        let reply: reply::EnqueueReply = self.decode_reply(&self.scripts.enqueue, value)?;
        // the jobs went in even if naming the queue failed; say so rather than hide it
        if let Some(Err(error)) = replies.pop() {
            tracing::warn!(%queue, %error, "the jobs were enqueued but the queue could not be added to the list of known queues");
        }
        let answered = reply.enqueued + reply.others.len();
        let ids: Vec<&str> = jobs.iter().map(|job| job.id.as_str()).collect();
        reply.outcomes(&ids).ok_or_else(|| {
            self.target.protocol(format!(
                "the enqueue script answered for {answered} of {} jobs",
                jobs.len()
            ))
        })
    }

    async fn existing(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<bool>> {
        let keys = self.keys(queue);
        let mut pipeline = redis::pipe();
        for id in ids {
            pipeline.exists(keys.job(id));
        }
        let mut connection = self.connection();
        pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.target.map(error))
    }

    async fn lease(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> LeaseReply {
        let keys = self.keys(queue);
        let failed = |error: BackendError| LeaseReply {
            acks: (!completions.is_empty()).then(|| Err(error.clone())),
            batch: Err(error),
        };
        // acks ride in the same script call as the next lease: the hot path's main saving
        let call = match self.dequeue_call(&keys, Some(request), completions) {
            Ok(call) => call,
            Err(error) => return failed(error),
        };
        let value = match self.send(std::slice::from_ref(&call)).await {
            Ok(mut replies) => replies
                .pop()
                .unwrap_or_else(|| Err(self.target.protocol("no reply".into()))),
            Err(error) => return failed(error),
        };
        match value.and_then(|value| {
            reply::leased_batch(queue, value).map_err(|detail| self.target.protocol(detail))
        }) {
            Ok((acks, batch)) => LeaseReply {
                acks: (!completions.is_empty()).then(|| match acks {
                    Some(Ok(acks)) => Ok(AckReport::from(acks)),
                    Some(Err(error)) => Err(self.target.server_error(error)),
                    None => Err(self
                        .target
                        .protocol("the dequeue script did not report its acks".into())),
                }),
                batch: Ok(batch),
            },
            Err(error) => failed(error),
        }
    }

    async fn complete(&self, queue: &str, completions: &[Completion]) -> BackendResult<AckReport> {
        if completions.is_empty() {
            return Ok(AckReport::default());
        }
        let keys = self.keys(queue);
        let call = self.dequeue_call(&keys, None, completions)?;
        let value = self
            .send(std::slice::from_ref(&call))
            .await?
            .pop()
            .unwrap_or_else(|| Err(self.target.protocol("no reply".into())))?;
        reply::acks_only(value)
            .map(AckReport::from)
            .map_err(|detail| self.target.protocol(detail))
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
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            unique_prefix: String,
            id: &'a str,
            token: &'a str,
            error: &'a str,
            stderr: &'a str,
            #[serde(skip_serializing_if = "is_none")]
            retry_delay_ms: Option<u64>,
            outputs: &'a str,
            history: usize,
        }
        let keys = self.keys(queue);
        let reply: reply::FailReply = self
            .run(
                &self.scripts.fail,
                self.with_events(
                    &keys,
                    vec![
                        keys.leased(),
                        keys.delayed(),
                        keys.dead(),
                        keys.stats(),
                        keys.wake(),
                        keys.meta(),
                    ],
                ),
                &Args {
                    job_prefix: keys.job_prefix(),
                    unique_prefix: keys.unique_prefix(),
                    id: &report.id,
                    token: &report.token,
                    error: &report.error,
                    stderr: &report.stderr,
                    retry_delay_ms: report.retry_delay.map(|delay| delay.as_millis() as u64),
                    outputs: &report.outputs,
                    history: ERROR_HISTORY,
                },
            )
            .await?;
        Ok(reply.outcome)
    }

    async fn beat(&self, queue: &str, request: &BeatRequest) -> BackendResult<BeatReport> {
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            ready_prefix: String,
            fair_prefix: String,
            unique_prefix: String,
            owner: &'a str,
            lease_ms: u64,
            leases: &'a [LeaseRef],
            lock_ms: u64,
            reap_batch: u64,
            history: usize,
        }
        let keys = self.keys(queue);
        let reply: reply::BeatReply = self
            .run(
                &self.scripts.beat,
                self.with_events(
                    &keys,
                    vec![
                        keys.leased(),
                        keys.workers(),
                        keys.reaper_lock(),
                        keys.dead(),
                        keys.stats(),
                        keys.wake(),
                        keys.meta(),
                        keys.done(),
                    ],
                ),
                &Args {
                    job_prefix: keys.job_prefix(),
                    ready_prefix: keys.ready_prefix(),
                    fair_prefix: keys.fair_prefix(),
                    unique_prefix: keys.unique_prefix(),
                    owner: &request.owner,
                    lease_ms: request.lease.as_millis() as u64,
                    leases: &request.leases,
                    lock_ms: REAPER_LOCK_MS,
                    reap_batch: REAP_BATCH,
                    history: ERROR_HISTORY,
                },
            )
            .await?;
        if reply.statuses.len() != request.leases.len() {
            return Err(self.target.protocol(format!(
                "the beat script answered for {} of {} leases",
                reply.statuses.len(),
                request.leases.len()
            )));
        }
        Ok(BeatReport {
            statuses: reply.statuses,
            recovered: reply.recovered.map(|recovered| RecoverReport {
                retried: recovered.retried,
                dead: recovered.dead,
                returned: recovered.returned,
            }),
        })
    }

    async fn release(&self, queue: &str, leases: &[LeaseRef]) -> BackendResult<u64> {
        if leases.is_empty() {
            return Ok(0);
        }
        #[derive(Serialize)]
        struct Args<'a> {
            job_prefix: String,
            ready_prefix: String,
            fair_prefix: String,
            leases: &'a [LeaseRef],
        }
        let keys = self.keys(queue);
        let reply: reply::ReleaseReply = self
            .run(
                &self.scripts.release,
                vec![keys.leased(), keys.wake(), keys.meta()],
                &Args {
                    job_prefix: keys.job_prefix(),
                    ready_prefix: keys.ready_prefix(),
                    fair_prefix: keys.fair_prefix(),
                    leases,
                },
            )
            .await?;
        Ok(reply.released)
    }

    async fn doorbell(&self, queue: &str) -> BackendResult<Box<dyn Doorbell>> {
        Ok(Box::new(RedisDoorbell::new(
            self.link.clone(),
            self.target.clone(),
            self.keys(queue).wake(),
            self.connect_timeout,
        )))
    }

    async fn cancel(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        let script_keys = self.with_events(
            &keys,
            vec![
                keys.delayed(),
                keys.leased(),
                keys.stats(),
                keys.cancelled(),
                keys.meta(),
            ],
        );
        self.change_jobs(queue, &self.scripts.cancel, script_keys, ids)
            .await
    }

    async fn retry(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        let script_keys = self.with_events(
            &keys,
            vec![
                keys.delayed(),
                keys.dead(),
                keys.wake(),
                keys.cancelled(),
                keys.meta(),
            ],
        );
        self.change_jobs(queue, &self.scripts.retry, script_keys, ids)
            .await
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
