//! Inspection and operator commands on the Redis backend: stats, job lookup, listing, purge,
//! worker registry.

use super::keys::{self, QueueKeys};
use super::reply::{StatsReply, job_record};
use super::{BUCKET_MS, RedisBackend};
use crate::runtime::backend::{BackendResult, ProgressSink, ServerUsage};
use crate::runtime::job::{DEFAULT_PRIORITY, now_ms};
use crate::runtime::job::{JobRecord, JobState, JobSummary, QueueStats, WorkerInfo, throughput};
use crate::runtime::job::{WorkerControl, WorkerEntry};
use redis::AsyncCommands;
use serde::Serialize;
use std::collections::HashMap;
use std::time::Duration;

/// A worker counts as live for stats if it heartbeated this recently.
const WORKER_LIVENESS_MS: u64 = 30_000;

impl RedisBackend {
    pub(super) fn map(&self, error: redis::RedisError) -> crate::runtime::error::BackendError {
        self.target.map(error)
    }

    pub(super) async fn known_queues(&self) -> BackendResult<Vec<String>> {
        let mut connection = self.connection();
        let mut names: Vec<String> = connection
            .smembers(keys::queues(&self.prefix))
            .await
            .map_err(|error| self.map(error))?;
        names.sort();
        Ok(names)
    }

    pub(super) async fn stats_of(&self, queue: &str) -> BackendResult<QueueStats> {
        #[derive(Serialize)]
        struct Args {
            job_prefix: String,
            ready_prefix: String,
            fair_prefix: String,
            worker_liveness_ms: u64,
        }
        let keys = self.keys(queue);
        let reply: StatsReply = self
            .run(
                &self.scripts.stats,
                vec![
                    keys.meta(),
                    keys.delayed(),
                    keys.leased(),
                    keys.dead(),
                    keys.stats(),
                    keys.throughput(),
                    keys.workers(),
                    keys.cancelled(),
                ],
                &Args {
                    job_prefix: keys.job_prefix(),
                    ready_prefix: keys.ready_prefix(),
                    fair_prefix: keys.fair_prefix(),
                    worker_liveness_ms: WORKER_LIVENESS_MS,
                },
            )
            .await?;
        let buckets: Vec<(i64, u64)> = reply
            .buckets
            .iter()
            .filter_map(|(bucket, count)| Some((bucket.parse().ok()?, *count)))
            .collect();
        Ok(QueueStats {
            queue: queue.to_string(),
            pending: reply.pending_by_priority.iter().sum(),
            pending_by_priority: reply.pending_by_priority,
            delayed: reply.delayed,
            active: reply.active,
            stalled: reply.stalled,
            done: reply.done,
            retried: reply.retried,
            dead: reply.dead,
            cancelled: reply.cancelled,
            enqueued: reply.enqueued,
            trimmed: reply.trimmed,
            throughput_1m: throughput(&buckets, reply.now, BUCKET_MS, 60_000),
            throughput_5m: throughput(&buckets, reply.now, BUCKET_MS, 300_000),
            oldest_pending_age_ms: reply
                .oldest_pending_run_at
                .map(|run_at| (reply.now - run_at).max(0) as u64),
            next_delayed_at: reply.next_delayed_at,
            paused: reply.paused,
            workers: reply.workers,
            max_len: (reply.max_len > 0).then_some(reply.max_len),
            fair_sessions: reply.fair_sessions,
            rate: (reply.rate_us > 0)
                .then(|| crate::runtime::rate::describe_interval(reply.rate_us)),
            max_inflight: (reply.max_inflight > 0).then_some(reply.max_inflight),
        })
    }

    pub(super) async fn job_of(&self, queue: &str, id: &str) -> BackendResult<Option<JobRecord>> {
        let keys = self.keys(queue);
        let mut connection = self.connection();
        let (hash, deadline): (HashMap<String, String>, Option<f64>) = redis::pipe()
            .hgetall(keys.job(id))
            .zscore(keys.leased(), id)
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        if hash.is_empty() {
            return Ok(None);
        }
        job_record(queue, id, hash, deadline.map(|ms| ms as i64))
            .map(Some)
            .map_err(|detail| self.target.protocol(detail))
    }

    pub(super) async fn dead_of(&self, queue: &str) -> BackendResult<Vec<(String, i64)>> {
        let mut connection = self.connection();
        let scored: Vec<(String, f64)> = connection
            .zrange_withscores(self.keys(queue).dead(), 0, -1)
            .await
            .map_err(|error| self.map(error))?;
        Ok(scored.into_iter().map(|(id, at)| (id, at as i64)).collect())
    }

    /// Many jobs' records in one round trip.
    pub(super) async fn records_of(
        &self,
        queue: &str,
        ids: &[String],
    ) -> BackendResult<Vec<Option<JobRecord>>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let keys = self.keys(queue);
        let mut pipeline = redis::pipe();
        for id in ids {
            pipeline.hgetall(keys.job(id)).zscore(keys.leased(), id);
        }
        let mut connection = self.connection();
        let replies: Vec<(HashMap<String, String>, Option<f64>)> = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        replies
            .into_iter()
            .zip(ids)
            .map(|((hash, deadline), id)| {
                if hash.is_empty() {
                    return Ok(None);
                }
                job_record(queue, id, hash, deadline.map(|ms| ms as i64))
                    .map(Some)
                    .map_err(|detail| self.target.protocol(detail))
            })
            .collect()
    }

    pub(super) async fn queues_holding(&self, id: &str) -> BackendResult<Vec<String>> {
        let queues = self.known_queues().await?;
        let mut pipeline = redis::pipe();
        for queue in &queues {
            pipeline.exists(self.keys(queue).job(id));
        }
        let mut connection = self.connection();
        let found: Vec<bool> = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        Ok(queues
            .into_iter()
            .zip(found)
            .filter_map(|(queue, exists)| exists.then_some(queue))
            .collect())
    }

    async fn ids_in(
        &self,
        keys: &QueueKeys,
        state: JobState,
        limit: usize,
    ) -> BackendResult<Vec<String>> {
        let mut connection = self.connection();
        let last = limit.saturating_sub(1) as isize;
        let ids: Vec<String> = match state {
            JobState::Pending => {
                // a fair queue's jobs of a session wait in that session's list: every level's
                // rotation in one round trip, then the lists in order until `limit`
                let mut rotations = redis::pipe();
                for level in 0..=9u8 {
                    rotations.zrange(keys.fair_rotation(level), 0, -1);
                }
                let sessions: Vec<Vec<String>> = rotations
                    .query_async(&mut connection)
                    .await
                    .map_err(|error| self.map(error))?;
                let mut lists = Vec::new();
                for (level, sessions) in (0..=9u8).zip(&sessions) {
                    lists.push(keys.ready(level));
                    for session in sessions.iter().filter(|session| !session.is_empty()) {
                        lists.push(keys.fair_list(level, session));
                    }
                }
                let mut ids = Vec::new();
                for list in lists {
                    if ids.len() >= limit {
                        break;
                    }
                    let wanted = (limit - ids.len()) as isize;
                    let more: Vec<String> = connection
                        .lrange(list, 0, wanted - 1)
                        .await
                        .map_err(|error| self.map(error))?;
                    ids.extend(more);
                }
                Ok(ids)
            }
            JobState::Delayed => connection.zrange(keys.delayed(), 0, last).await,
            JobState::Active => connection.zrange(keys.leased(), 0, last).await,
            JobState::Done => {
                // newest first: the list's tail, then the set older versions kept
                let (entries, legacy): (Vec<String>, Vec<String>) = redis::pipe()
                    .lrange(keys.done_list(), -(limit.max(1) as isize), -1)
                    .zrevrange(keys.done(), 0, last)
                    .query_async(&mut connection)
                    .await
                    .map_err(|error| self.map(error))?;
                Ok(entries
                    .iter()
                    .rev()
                    .filter_map(|entry| entry.split_once(' ').map(|(_, id)| id.to_string()))
                    .chain(legacy)
                    .take(limit)
                    .collect())
            }
            JobState::Dead => connection.zrevrange(keys.dead(), 0, last).await,
            JobState::Cancelled => connection.zrevrange(keys.cancelled(), 0, last).await,
        }
        .map_err(|error| self.map(error))?;
        Ok(ids)
    }

    pub(super) async fn jobs_in(
        &self,
        queue: &str,
        state: JobState,
        limit: usize,
    ) -> BackendResult<Vec<JobSummary>> {
        let keys = self.keys(queue);
        let ids = self.ids_in(&keys, state, limit).await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipeline = redis::pipe();
        for id in &ids {
            pipeline.cmd("HMGET").arg(keys.job(id)).arg(&[
                "state",
                "priority",
                "attempts",
                "created_at",
                "run_at",
                "last_error",
                "finished_at",
            ]);
        }
        let mut connection = self.connection();
        let rows: Vec<Vec<Option<String>>> = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        let number =
            |value: &Option<String>| value.as_deref().and_then(|text| text.parse::<i64>().ok());
        Ok(ids
            .into_iter()
            .zip(rows)
            .filter_map(|(id, row)| {
                let state = JobState::parse(row[0].as_deref()?)?;
                Some(JobSummary {
                    id,
                    queue: queue.to_string(),
                    state,
                    // fields left out at their defaults read as such (see job_record)
                    priority: number(&row[1]).unwrap_or(DEFAULT_PRIORITY.into()) as u8,
                    attempts: number(&row[2]).unwrap_or(0) as u32,
                    created_at: number(&row[3]).unwrap_or(0),
                    run_at: number(&row[4]).or(number(&row[3])).unwrap_or(0),
                    last_error: row[5].clone(),
                    finished_at: row[6].as_deref().and_then(|text| text.parse().ok()),
                })
            })
            .collect())
    }

    pub(super) async fn set_meta(&self, queue: &str, fields: &[(&str, u64)]) -> BackendResult<()> {
        if fields.is_empty() {
            return Ok(());
        }
        let mut pipeline = redis::pipe();
        pipeline
            .sadd(keys::queues(&self.prefix), queue)
            .ignore()
            .hset_multiple(self.keys(queue).meta(), fields)
            .ignore();
        let mut connection = self.connection();
        pipeline
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| self.map(error))
    }

    pub(super) async fn purge_queue(
        &self,
        queue: &str,
        progress: &dyn ProgressSink,
    ) -> BackendResult<u64> {
        let keys = self.keys(queue);
        let stats = self.stats_of(queue).await?;
        progress.set_total(
            stats.pending
                + stats.delayed
                + stats.active
                + stats.dead
                + stats.cancelled
                + stats.done.min(super::DEFAULT_RETAIN_DONE),
        );
        let meta = keys.meta();
        let job_prefix = keys.job_prefix();
        let mut connection = self.connection();
        let mut cursor: u64 = 0;
        let mut removed = 0u64;
        loop {
            // a cluster holds the queue's keys on the node of its slot: scan that one
            let mut scan = redis::cmd("SCAN");
            scan.arg(cursor)
                .arg("MATCH")
                .arg(keys.pattern())
                .arg("COUNT")
                .arg(1000);
            let (next, batch): (u64, Vec<String>) =
                super::link::on_node_of(&mut connection, &meta, scan)
                    .await
                    .map_err(|error| self.map(error))?;
            // settings (pause, max_len) survive a purge; only jobs and their indexes go
            let doomed: Vec<&String> = batch.iter().filter(|key| **key != meta).collect();
            if !doomed.is_empty() {
                connection
                    .unlink::<_, ()>(&doomed)
                    .await
                    .map_err(|error| self.map(error))?;
                // operators count jobs, not the keys that index them
                let jobs = doomed
                    .iter()
                    .filter(|key| key.starts_with(&job_prefix))
                    .count() as u64;
                removed += jobs;
                progress.advance(jobs);
            }
            cursor = next;
            if cursor == 0 {
                break;
            }
        }
        Ok(removed)
    }

    /// Registers the worker and reads its stored control command, in one round trip.
    pub(super) async fn heartbeat(
        &self,
        info: &WorkerInfo,
        ttl: Duration,
    ) -> BackendResult<Option<WorkerControl>> {
        let now = now_ms();
        let worker_key = keys::worker(&self.prefix, &info.id);
        let text = serde_json::to_string(info).unwrap_or_default();
        let mut pipeline = redis::pipe();
        pipeline
            .hset_multiple(&worker_key, &[("info", text), ("seen_at", now.to_string())])
            .ignore()
            .pexpire(&worker_key, ttl.as_millis() as i64)
            .ignore()
            .zadd(keys::workers(&self.prefix), &info.id, now)
            .ignore()
            .get(keys::control(&self.prefix, &info.id));
        let mut connection = self.connection();
        let (command,): (Option<String>,) = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        Ok(command.and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// The fleet: the registry's ids by last beat, each with its registration; an id whose
    /// registration expired is removed from the index here.
    pub(super) async fn fleet(&self) -> BackendResult<Vec<WorkerEntry>> {
        let mut connection = self.connection();
        let index = keys::workers(&self.prefix);
        let scored: Vec<(String, f64)> = connection
            .zrange_withscores(&index, 0, -1)
            .await
            .map_err(|error| self.map(error))?;
        if scored.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipeline = redis::pipe();
        for (id, _) in &scored {
            pipeline.hget(keys::worker(&self.prefix, id), "info");
        }
        let infos: Vec<Option<String>> = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        let now = now_ms();
        let mut fleet = Vec::new();
        let mut forgotten = Vec::new();
        for ((id, seen_at), info) in scored.into_iter().zip(infos) {
            match info.and_then(|text| serde_json::from_str::<WorkerInfo>(&text).ok()) {
                Some(info) => fleet.push(WorkerEntry::new(info, seen_at as i64, now)),
                None => forgotten.push(id),
            }
        }
        if !forgotten.is_empty() {
            let _: () = connection
                .zrem(&index, &forgotten)
                .await
                .map_err(|error| self.map(error))?;
        }
        Ok(fleet)
    }

    pub(super) async fn forget_worker(&self, info: &WorkerInfo) -> BackendResult<()> {
        let mut pipeline = redis::pipe();
        pipeline
            .del(keys::worker(&self.prefix, &info.id))
            .ignore()
            .del(keys::control(&self.prefix, &info.id))
            .ignore()
            .zrem(keys::workers(&self.prefix), &info.id)
            .ignore();
        for queue in &info.queues {
            pipeline.zrem(self.keys(queue).workers(), &info.id).ignore();
        }
        let mut connection = self.connection();
        pipeline
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| self.map(error))
    }

    pub(super) async fn cpu_usage(&self) -> BackendResult<ServerUsage> {
        let mut connection = self.connection();
        // a cluster's usage is its masters' together; commandstats counts each command a
        // script runs as well as the script
        let infos = super::link::on_every_master(
            &mut connection,
            redis::cmd("INFO").arg("cpu").arg("commandstats").clone(),
        )
        .await
        .map_err(|error| self.map(error))?;
        let field = |info: &str, name: &str| {
            info.lines()
                .find_map(|line| {
                    line.strip_prefix(name)?
                        .strip_prefix(':')?
                        .trim()
                        .parse::<f64>()
                        .ok()
                })
                .unwrap_or(0.0)
        };
        // the INFO calls that measure are not the workload's
        let commands = |info: &str| -> u64 {
            info.lines()
                .filter(|line| line.starts_with("cmdstat_") && !line.starts_with("cmdstat_info:"))
                .filter_map(|line| {
                    line.split("calls=")
                        .nth(1)?
                        .split(',')
                        .next()?
                        .parse::<u64>()
                        .ok()
                })
                .sum()
        };
        Ok(ServerUsage {
            cpu_seconds: infos
                .iter()
                .map(|info| field(info, "used_cpu_sys") + field(info, "used_cpu_user"))
                .sum(),
            commands: infos.iter().map(|info| commands(info)).sum(),
        })
    }
}
