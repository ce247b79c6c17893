//! The Redis backend: standalone, TLS and unix-socket Redis through one multiplexed connection.

mod admin;
mod connection;
pub mod keys;
mod reply;
mod scripts;

use crate::runtime::backend::{
    Backend, BackendResult, Doorbell, LeaseRequest, ProgressSink, ReapReport, ServerUsage,
};
use crate::runtime::job::{
    ChangeOutcome, Completion, EnqueueOutcome, EnqueueStatus, FailOutcome, FailureReport,
    JobRecord, JobState, JobSummary, LeaseBatch, LeaseRef, LeaseStatus, NewJob, QueueSettings,
    QueueStats, WorkerInfo,
};
use async_trait::async_trait;
pub use connection::TlsFiles;
use connection::{RedisDoorbell, map_error};
use keys::QueueKeys;
use redis::aio::ConnectionManager;
use redis::{Client, FromRedisValue, Pipeline, ScriptInvocation, Value};
use reply::{array, integer, leased_job, protocol, text};
use scripts::SCRIPTS;
use std::time::Duration;

/// Done jobs kept per queue unless `queues set --retain-done` says otherwise.
pub const DEFAULT_RETAIN_DONE: u64 = 100_000;
/// Failed attempts remembered per job.
const ERROR_HISTORY: usize = 10;
/// Width of a throughput bucket.
const BUCKET_MS: i64 = 10_000;
/// At most one reaper sweep per queue in this window, whichever worker runs it.
const REAPER_LOCK_MS: u64 = 1000;
/// Expired leases handled per sweep, so one sweep never stalls the server.
const REAP_BATCH: u64 = 1000;

pub struct RedisBackend {
    client: Client,
    connection: ConnectionManager,
    display: String,
    prefix: String,
    connect_timeout: Duration,
}

impl RedisBackend {
    pub async fn connect(
        url: &str,
        display: &str,
        prefix: &str,
        connect_timeout: Duration,
        command_timeout: Duration,
        tls: &TlsFiles,
    ) -> BackendResult<RedisBackend> {
        let client = connection::client(url, display, tls)?;
        let mut connection =
            connection::connect(&client, display, connect_timeout, command_timeout).await?;
        connection::check_version(&mut connection, display).await?;
        Ok(RedisBackend {
            client,
            connection,
            display: display.to_string(),
            prefix: prefix.to_string(),
            connect_timeout,
        })
    }

    fn keys(&self, queue: &str) -> QueueKeys {
        QueueKeys::new(&self.prefix, queue)
    }

    fn bad_reply(&self, detail: String) -> crate::runtime::error::BackendError {
        protocol(&self.display, detail)
    }

    async fn invoke<T: FromRedisValue>(
        &self,
        invocation: ScriptInvocation<'_>,
    ) -> BackendResult<T> {
        let mut connection = self.connection.clone();
        invocation
            .invoke_async(&mut connection)
            .await
            .map_err(|error| map_error(&self.display, error))
    }

    /// Runs a pipeline of EVALSHA calls, loading the scripts once if the server lost them
    /// (first use, a restart or SCRIPT FLUSH). Errors are read per reply, so an OOM or
    /// READONLY inside a pipeline is classified like any other.
    async fn query_pipeline(&self, pipeline: &Pipeline) -> BackendResult<Vec<Value>> {
        let mut pipeline = pipeline.clone();
        pipeline.ignore_errors();
        let mut connection = self.connection.clone();
        let mut loaded = false;
        loop {
            let values: Vec<Value> = pipeline
                .query_async(&mut connection)
                .await
                .map_err(|error| map_error(&self.display, error))?;
            let first_error = values.iter().find_map(|value| match value {
                Value::ServerError(error) => Some(error.clone()),
                _ => None,
            });
            let Some(error) = first_error else {
                return Ok(values);
            };
            if error.kind() == Some(redis::ServerErrorKind::NoScript) && !loaded {
                for script in SCRIPTS.all() {
                    script
                        .load_async(&mut connection)
                        .await
                        .map_err(|error| map_error(&self.display, error))?;
                }
                loaded = true;
                continue;
            }
            let detail = format!("{} {}", error.code(), error.details().unwrap_or_default());
            return Err(connection::map_server_error(
                &self.display,
                error.code(),
                detail,
            ));
        }
    }

    fn ack_invocation<'a>(
        &self,
        keys: &QueueKeys,
        completions: &[Completion],
    ) -> ScriptInvocation<'a> {
        let mut invocation = SCRIPTS.ack.prepare_invoke();
        invocation
            .key(keys.meta())
            .key(keys.leased())
            .key(keys.done())
            .key(keys.stats())
            .key(keys.throughput())
            .arg(keys.job_prefix())
            .arg(DEFAULT_RETAIN_DONE)
            .arg(BUCKET_MS)
            .arg(keys.unique_prefix());
        for completion in completions {
            invocation
                .arg(&completion.id)
                .arg(&completion.token)
                .arg(&completion.outputs);
        }
        invocation
    }

    fn stale_ids(&self, value: &Value) -> BackendResult<Vec<String>> {
        let items = array(value).map_err(|detail| self.bad_reply(detail))?;
        items
            .iter()
            .skip(1)
            .map(|item| text(item).map_err(|detail| self.bad_reply(detail)))
            .collect()
    }

    fn lease_batch(&self, queue: &str, value: &Value) -> BackendResult<LeaseBatch> {
        let decode = || -> reply::Reply<LeaseBatch> {
            let items = array(value)?;
            if items.len() < 2 {
                return Err("a dequeue reply needs at least 2 items".to_string());
            }
            let next = integer(&items[1])?;
            let jobs = items[2..]
                .iter()
                .map(|item| leased_job(queue, item))
                .collect::<reply::Reply<Vec<_>>>()?;
            Ok(LeaseBatch {
                paused: integer(&items[0])? == 1,
                next_delayed_at: (next >= 0).then_some(next),
                jobs,
                stale: Vec::new(),
            })
        };
        decode().map_err(|detail| self.bad_reply(detail))
    }

    /// Runs a per-id script (`cancel`, `retry`) and pairs each id with its result.
    async fn change_jobs(
        &self,
        queue: &str,
        ids: &[String],
        script: &redis::Script,
        first_key: String,
        second_key: String,
        third_key: String,
    ) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        let mut invocation = script.prepare_invoke();
        invocation
            .key(first_key)
            .key(second_key)
            .key(third_key)
            .arg(keys.job_prefix())
            .arg(keys.ready_prefix())
            .arg(keys.unique_prefix());
        for id in ids {
            invocation.arg(id);
        }
        let results: Vec<String> = self.invoke(invocation).await?;
        Ok(ids
            .iter()
            .zip(results)
            .map(|(id, result)| {
                let (changed, state) = match result.strip_prefix('=') {
                    Some(state) => (false, state.to_string()),
                    None => (result != "missing", result),
                };
                ChangeOutcome {
                    id: id.clone(),
                    queue: queue.to_string(),
                    changed,
                    state,
                }
            })
            .collect())
    }
}

#[async_trait]
impl Backend for RedisBackend {
    fn describe(&self) -> String {
        self.display.clone()
    }

    async fn enqueue(&self, queue: &str, jobs: &[NewJob]) -> BackendResult<Vec<EnqueueOutcome>> {
        let keys = self.keys(queue);
        let mut invocation = SCRIPTS.enqueue.prepare_invoke();
        invocation
            .key(keys.meta())
            .key(keys.delayed())
            .key(keys.stats())
            .key(keys.wake())
            .arg(keys.job_prefix())
            .arg(keys.ready_prefix())
            .arg(keys.unique_prefix())
            .arg(jobs.len());
        for job in jobs {
            invocation
                .arg(&job.id)
                .arg(&job.data)
                .arg(job.priority)
                .arg(job.max_attempts)
                .arg(job.timeout.map_or(0, |timeout| timeout.as_millis() as u64))
                .arg(job.delay.as_millis() as u64)
                .arg(job.unique_key.as_deref().unwrap_or(""))
                .arg(job.unique_ttl.map_or(0, |ttl| ttl.as_millis() as u64))
                .arg(job.correlation_id.as_deref().unwrap_or(""))
                .arg(job.session.as_deref().unwrap_or(""));
        }
        let mut pipeline = redis::pipe();
        pipeline
            .cmd("SADD")
            .arg(keys::queues(&self.prefix))
            .arg(queue)
            .ignore()
            .invoke_script(&invocation);
        let values = self.query_pipeline(&pipeline).await?;
        let flat = values
            .first()
            .ok_or_else(|| self.bad_reply("empty enqueue reply".into()))?;
        let items = array(flat).map_err(|detail| self.bad_reply(detail))?;
        items
            .chunks(2)
            .map(|pair| {
                let status = match text(&pair[0])
                    .map_err(|detail| self.bad_reply(detail))?
                    .as_str()
                {
                    "enqueued" => EnqueueStatus::Enqueued,
                    "duplicate" => EnqueueStatus::Duplicate,
                    _ => EnqueueStatus::Full,
                };
                let id = text(&pair[1]).map_err(|detail| self.bad_reply(detail))?;
                Ok(EnqueueOutcome { id, status })
            })
            .collect()
    }

    async fn existing(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<bool>> {
        let keys = self.keys(queue);
        let mut pipeline = redis::pipe();
        for id in ids {
            pipeline.exists(keys.job(id));
        }
        let mut connection = self.connection.clone();
        pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| map_error(&self.display, error))
    }

    async fn lease(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> BackendResult<LeaseBatch> {
        let keys = self.keys(queue);
        let mut dequeue = SCRIPTS.dequeue.prepare_invoke();
        dequeue
            .key(keys.meta())
            .key(keys.delayed())
            .key(keys.leased())
            .key(keys.wake())
            .arg(keys.job_prefix())
            .arg(keys.ready_prefix())
            .arg(request.max_jobs)
            .arg(request.lease.as_millis() as u64)
            .arg(&request.owner)
            .arg(request.default_max_attempts);
        // acks ride in the same round trip as the next lease: the hot path's main saving
        let mut pipeline = redis::pipe();
        if !completions.is_empty() {
            pipeline.invoke_script(&self.ack_invocation(&keys, completions));
        }
        pipeline.invoke_script(&dequeue);
        let values = self.query_pipeline(&pipeline).await?;
        let last = values
            .last()
            .ok_or_else(|| self.bad_reply("empty dequeue reply".into()))?;
        let mut batch = self.lease_batch(queue, last)?;
        if !completions.is_empty() {
            batch.stale = self.stale_ids(&values[0])?;
        }
        Ok(batch)
    }

    async fn complete(
        &self,
        queue: &str,
        completions: &[Completion],
    ) -> BackendResult<Vec<String>> {
        if completions.is_empty() {
            return Ok(Vec::new());
        }
        let keys = self.keys(queue);
        let value: Value = self.invoke(self.ack_invocation(&keys, completions)).await?;
        self.stale_ids(&value)
    }

    async fn fail(&self, queue: &str, report: &FailureReport) -> BackendResult<FailOutcome> {
        let keys = self.keys(queue);
        let mut invocation = SCRIPTS.fail.prepare_invoke();
        let delay = report
            .retry_delay
            .map_or(-1, |delay| delay.as_millis() as i64);
        invocation
            .key(keys.leased())
            .key(keys.delayed())
            .key(keys.dead())
            .key(keys.stats())
            .key(keys.wake())
            .arg(keys.job_prefix())
            .arg(&report.id)
            .arg(&report.token)
            .arg(&report.error)
            .arg(&report.stderr)
            .arg(delay)
            .arg(&report.outputs)
            .arg(ERROR_HISTORY)
            .arg(keys.unique_prefix());
        let outcome: String = self.invoke(invocation).await?;
        Ok(match outcome.as_str() {
            "retry" => FailOutcome::Retry,
            "dead" => FailOutcome::Dead,
            _ => FailOutcome::Stale,
        })
    }

    async fn extend(
        &self,
        queue: &str,
        leases: &[LeaseRef],
        lease: Duration,
    ) -> BackendResult<Vec<LeaseStatus>> {
        if leases.is_empty() {
            return Ok(Vec::new());
        }
        let keys = self.keys(queue);
        let mut invocation = SCRIPTS.extend.prepare_invoke();
        invocation
            .key(keys.leased())
            .arg(keys.job_prefix())
            .arg(lease.as_millis() as u64);
        for held in leases {
            invocation.arg(&held.id).arg(&held.token);
        }
        let statuses: Vec<i64> = self.invoke(invocation).await?;
        Ok(statuses
            .into_iter()
            .map(|status| match status {
                1 => LeaseStatus::Extended,
                -1 => LeaseStatus::Cancelled,
                _ => LeaseStatus::Lost,
            })
            .collect())
    }

    async fn release(&self, queue: &str, leases: &[LeaseRef]) -> BackendResult<u64> {
        if leases.is_empty() {
            return Ok(0);
        }
        let keys = self.keys(queue);
        let mut invocation = SCRIPTS.release.prepare_invoke();
        invocation
            .key(keys.leased())
            .key(keys.wake())
            .arg(keys.job_prefix())
            .arg(keys.ready_prefix());
        for held in leases {
            invocation.arg(&held.id).arg(&held.token);
        }
        self.invoke(invocation).await
    }

    async fn reap(&self, queue: &str, reaper: &str) -> BackendResult<Option<ReapReport>> {
        let keys = self.keys(queue);
        let mut invocation = SCRIPTS.reap.prepare_invoke();
        invocation
            .key(keys.leased())
            .key(keys.dead())
            .key(keys.stats())
            .key(keys.reaper_lock())
            .key(keys.wake())
            .arg(keys.job_prefix())
            .arg(keys.ready_prefix())
            .arg(REAPER_LOCK_MS)
            .arg(REAP_BATCH)
            .arg(reaper)
            .arg(ERROR_HISTORY)
            .arg(keys.unique_prefix());
        let counts: Vec<i64> = self.invoke(invocation).await?;
        match counts.as_slice() {
            [-1, -1] => Ok(None),
            [retried, dead] => Ok(Some(ReapReport {
                retried: *retried as u64,
                dead: *dead as u64,
            })),
            other => Err(self.bad_reply(format!("reap replied {other:?}"))),
        }
    }

    async fn doorbell(&self, queue: &str) -> BackendResult<Box<dyn Doorbell>> {
        Ok(Box::new(RedisDoorbell::new(
            self.client.clone(),
            self.display.clone(),
            self.keys(queue).wake(),
            self.connect_timeout,
        )))
    }

    async fn cancel(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        self.change_jobs(
            queue,
            ids,
            &SCRIPTS.cancel,
            keys.delayed(),
            keys.leased(),
            keys.stats(),
        )
        .await
    }

    async fn retry(&self, queue: &str, ids: &[String]) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        self.change_jobs(
            queue,
            ids,
            &SCRIPTS.retry,
            keys.delayed(),
            keys.dead(),
            keys.wake(),
        )
        .await
    }

    async fn queues(&self) -> BackendResult<Vec<String>> {
        self.known_queues().await
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
        let mut fields = Vec::new();
        if let Some(max_len) = settings.max_len {
            fields.push(("max_len", max_len));
        }
        if let Some(retain) = settings.retain_done {
            fields.push(("retain_done", retain));
        }
        self.set_meta(queue, &fields).await
    }

    async fn purge(&self, queue: &str, progress: &dyn ProgressSink) -> BackendResult<u64> {
        self.purge_queue(queue, progress).await
    }

    async fn delete_queue(&self, queue: &str) -> BackendResult<()> {
        self.purge_queue(queue, &crate::runtime::backend::NoProgress)
            .await?;
        let mut connection = self.connection.clone();
        redis::pipe()
            .del(self.keys(queue).meta())
            .ignore()
            .srem(keys::queues(&self.prefix), queue)
            .ignore()
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| map_error(&self.display, error))
    }

    async fn register_worker(&self, info: &WorkerInfo, ttl: Duration) -> BackendResult<()> {
        self.heartbeat(info, ttl).await
    }

    async fn unregister_worker(&self, info: &WorkerInfo) -> BackendResult<()> {
        self.forget_worker(info).await
    }

    async fn server_usage(&self) -> BackendResult<ServerUsage> {
        self.cpu_usage().await
    }
}
