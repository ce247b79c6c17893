//! The job path on Redis: enqueue, lease and ack (one dequeue-script call), fail, heartbeat,
//! release, and the per-id changes (cancel, retry, delete from the dead set).

use super::calls::{self, Call, EnqueueSettings, Prefixes, is_none};
use super::connection::RedisDoorbell;
use super::keys::{self, QueueKeys};
use super::scripts::NamedScript;
use super::{BUCKET_MS, DEFAULT_RETAIN_DONE, ERROR_HISTORY, REAP_BATCH, REAPER_LOCK_MS};
use super::{RedisBackend, reply};
use crate::runtime::backend::{
    BackendResult, BeatReport, BeatRequest, Doorbell, LeaseReply, LeaseRequest, RecoverReport,
    wait_only,
};
use crate::runtime::error::BackendError;
use crate::runtime::job::{
    AckReport, ChangeOutcome, Completion, EnqueueOutcome, FailOutcome, FailureReport, LeaseRef,
    NewJob,
};
use redis::Value;
use serde::Serialize;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// A change `change_state` makes to jobs by id.
pub(super) enum Change {
    Cancel,
    Retry,
}

impl RedisBackend {
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
                    keys.done_list(),
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
    pub(super) async fn change_jobs(
        &self,
        queue: &str,
        script: &NamedScript,
        keys: Vec<String>,
        ids: &[String],
    ) -> BackendResult<Vec<ChangeOutcome>> {
        #[derive(Serialize)]
        struct Args<'a> {
            #[serde(flatten)]
            prefixes: Prefixes,
            retain_done: u64,
            ids: &'a [String],
        }
        let queue_keys = self.keys(queue);
        let reply: reply::ChangesReply = self
            .run(
                script,
                keys,
                &Args {
                    prefixes: Prefixes::of(&queue_keys),
                    retain_done: DEFAULT_RETAIN_DONE,
                    ids,
                },
            )
            .await?;
        Ok(reply.into_outcomes(queue))
    }

    pub(super) async fn enqueue_jobs(
        &self,
        queue: &str,
        jobs: &[NewJob],
    ) -> BackendResult<Vec<EnqueueOutcome>> {
        for job in jobs {
            job.validate().map_err(|error| BackendError::Invalid {
                detail: error.message,
            })?;
        }
        self.guard_memory().await?;
        #[derive(Serialize)]
        struct Args<'a> {
            #[serde(flatten)]
            prefixes: Prefixes,
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
                    prefixes: Prefixes::of(&keys),
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

    pub(super) async fn existing_jobs(
        &self,
        queue: &str,
        ids: &[String],
    ) -> BackendResult<Vec<bool>> {
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

    pub(super) async fn lease_jobs(
        &self,
        queue: &str,
        request: &LeaseRequest,
        completions: &[Completion],
    ) -> LeaseReply {
        let keys = self.keys(queue);
        // acks ride in the same script call as the next lease: the hot path's main saving
        let value = match self.dequeue_call(&keys, Some(request), completions) {
            Ok(call) => match self.send(std::slice::from_ref(&call)).await {
                Ok(mut replies) => replies
                    .pop()
                    .unwrap_or_else(|| Err(self.target.protocol("no reply".into()))),
                Err(error) => Err(error),
            },
            Err(error) => Err(error),
        };
        self.lease_reply(queue, value, completions)
    }

    /// An idle worker's wait with its next lease queued behind it on the doorbell's
    /// connection: Redis runs the lease the moment a producer rings (or the wait times out),
    /// so a job enqueued on an idle worker starts one round trip after its enqueue, not two.
    /// A lease Redis refused (the library not loaded yet, a demoted master) is left to the
    /// caller's own lease, which loads, heals and reports as it always does.
    pub(super) async fn wait_and_lease_jobs(
        &self,
        queue: &str,
        bell: &mut dyn Doorbell,
        timeout: Duration,
        request: &LeaseRequest,
        interrupt: &CancellationToken,
    ) -> BackendResult<Option<LeaseReply>> {
        let Some(bell) = bell.as_any().downcast_mut::<RedisDoorbell>() else {
            return wait_only(bell, timeout, interrupt).await;
        };
        let keys = self.keys(queue);
        let call = self.dequeue_call(&keys, Some(request), &[])?;
        let mut pipeline = redis::pipe();
        pipeline.ignore_errors();
        pipeline.add_command(bell.wait_command(timeout));
        self.add_call(&mut pipeline, &call);
        let Some(mut values) = bell.run(&pipeline, timeout, interrupt).await? else {
            return Ok(None);
        };
        let reply = match values.pop() {
            Some(Value::ServerError(_)) | None => None,
            Some(value) => Some(self.lease_reply(queue, Ok(value), &[])),
        };
        let took_jobs = reply.as_ref().is_some_and(|reply| {
            reply
                .batch
                .as_ref()
                .is_ok_and(|batch| !batch.jobs.is_empty())
        });
        match values.pop() {
            // a wait Redis refused ends at once: report it, so the caller waits before it
            // looks again, unless the lease behind it took jobs, which must not be dropped
            Some(Value::ServerError(error)) if !took_jobs => Err(self.target.map_reply(&error)),
            _ => Ok(reply),
        }
    }

    /// Reads a dequeue call's reply: its acks' report and its leased batch, each on its own.
    fn lease_reply(
        &self,
        queue: &str,
        value: BackendResult<Value>,
        completions: &[Completion],
    ) -> LeaseReply {
        let failed = |error: BackendError| LeaseReply {
            acks: (!completions.is_empty()).then(|| Err(error.clone())),
            batch: Err(error),
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

    pub(super) async fn complete_jobs(
        &self,
        queue: &str,
        completions: &[Completion],
    ) -> BackendResult<AckReport> {
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

    pub(super) async fn fail_job(
        &self,
        queue: &str,
        report: &FailureReport,
    ) -> BackendResult<FailOutcome> {
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

    pub(super) async fn beat_leases(
        &self,
        queue: &str,
        request: &BeatRequest,
    ) -> BackendResult<BeatReport> {
        #[derive(Serialize)]
        struct Args<'a> {
            #[serde(flatten)]
            prefixes: Prefixes,
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
                        keys.done_list(),
                    ],
                ),
                &Args {
                    prefixes: Prefixes::of(&keys),
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

    pub(super) async fn release_leases(
        &self,
        queue: &str,
        leases: &[LeaseRef],
    ) -> BackendResult<u64> {
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

    /// Cancels or retries jobs by id: one script per change, each with the keys it moves
    /// jobs between.
    pub(super) async fn change_state(
        &self,
        queue: &str,
        ids: &[String],
        change: Change,
    ) -> BackendResult<Vec<ChangeOutcome>> {
        let keys = self.keys(queue);
        let (script, from) = match change {
            Change::Cancel => (&self.scripts.cancel, [keys.leased(), keys.stats()]),
            Change::Retry => (&self.scripts.retry, [keys.dead(), keys.wake()]),
        };
        let [first, second] = from;
        let script_keys = self.with_events(
            &keys,
            vec![keys.delayed(), first, second, keys.cancelled(), keys.meta()],
        );
        self.change_jobs(queue, script, script_keys, ids).await
    }
}
