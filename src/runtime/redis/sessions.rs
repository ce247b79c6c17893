//! Sessions on Redis: `P:sessions` (names by last activity), `P:session:<name>` (status and
//! times) and `P:session:<name>:jobs` (its job ids), all in the queue's hash slot. The enqueue
//! script maintains them; these calls read, stop and clean.

use super::RedisBackend;
use super::calls::Prefixes;
use crate::runtime::backend::BackendResult;
use crate::runtime::job::{JobState, SessionCounts, SessionInfo, SessionJob};
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

impl RedisBackend {
    pub(super) async fn sessions_of(&self, queue: &str) -> BackendResult<Vec<SessionInfo>> {
        let keys = self.keys(queue);
        let mut connection = self.connection();
        let names: Vec<String> = connection
            .zrevrange(keys.sessions(), 0, -1)
            .await
            .map_err(|error| self.target.map(error))?;
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipeline = redis::pipe();
        for name in &names {
            pipeline.hgetall(keys.session(name));
        }
        let hashes: Vec<HashMap<String, String>> = pipeline
            .query_async(&mut connection)
            .await
            .map_err(|error| self.target.map(error))?;
        let number = |hash: &HashMap<String, String>, field: &str| {
            hash.get(field)
                .and_then(|text| text.parse().ok())
                .unwrap_or(0)
        };
        Ok(names
            .into_iter()
            .zip(hashes)
            .filter(|(_, hash)| !hash.is_empty())
            .map(|(session, hash)| SessionInfo {
                queue: queue.to_string(),
                status: hash.get("status").cloned().unwrap_or_else(|| "open".into()),
                created_at: number(&hash, "created_at"),
                last_at: number(&hash, "last_at"),
                session,
            })
            .collect())
    }

    pub(super) async fn jobs_of_session(
        &self,
        queue: &str,
        session: &str,
    ) -> BackendResult<Vec<SessionJob>> {
        let keys = self.keys(queue);
        let mut connection = self.connection();
        let ids: Vec<String> = connection
            .smembers(keys.session_jobs(session))
            .await
            .map_err(|error| self.target.map(error))?;
        let mut jobs = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(1000) {
            let mut pipeline = redis::pipe();
            for id in chunk {
                pipeline.cmd("HMGET").arg(keys.job(id)).arg(&[
                    "state",
                    "created_at",
                    "finished_at",
                    "last_error",
                ]);
            }
            let rows: Vec<Vec<Option<String>>> = pipeline
                .query_async(&mut connection)
                .await
                .map_err(|error| self.target.map(error))?;
            // ids of jobs that retention trimmed have no hash any more: not counted, and
            // dropped from the set so an emptied session can be forgotten
            let mut gone = Vec::new();
            for (id, row) in chunk.iter().zip(rows) {
                let Some(state) = row[0].as_deref().and_then(JobState::parse) else {
                    gone.push(id.clone());
                    continue;
                };
                let number =
                    |value: &Option<String>| value.as_deref().and_then(|text| text.parse().ok());
                jobs.push(SessionJob {
                    id: id.clone(),
                    state,
                    created_at: number(&row[1]).unwrap_or(0),
                    finished_at: number(&row[2]),
                    last_error: row[3].clone(),
                });
            }
            if !gone.is_empty() {
                let _: () = connection
                    .srem(keys.session_jobs(session), &gone)
                    .await
                    .map_err(|error| self.target.map(error))?;
            }
        }
        Ok(jobs)
    }

    /// Counts a session's jobs on the server, a slice of ids per call so no call holds Redis
    /// for long.
    pub(super) async fn counts_of_session(
        &self,
        queue: &str,
        session: &str,
    ) -> BackendResult<SessionCounts> {
        #[derive(Serialize)]
        struct Args {
            job_prefix: String,
            cursor: String,
            count: u64,
        }
        #[derive(Deserialize)]
        struct Reply {
            cursor: String,
            counts: HashMap<String, u64>,
            last_finished_at: i64,
        }
        let keys = self.keys(queue);
        let mut counts = SessionCounts::default();
        let mut cursor = "0".to_string();
        loop {
            let reply: Reply = self
                .run(
                    &self.scripts.session_counts,
                    vec![keys.session_jobs(session)],
                    &Args {
                        job_prefix: keys.job_prefix(),
                        cursor,
                        count: 5000,
                    },
                )
                .await?;
            for (state, jobs) in reply.counts {
                if let Some(state) = JobState::parse(&state) {
                    counts.add(state, jobs);
                }
            }
            counts.finished_at((reply.last_finished_at > 0).then_some(reply.last_finished_at));
            if reply.cursor == "0" {
                return Ok(counts);
            }
            cursor = reply.cursor;
        }
    }

    pub(super) async fn stop_session_of(&self, queue: &str, session: &str) -> BackendResult<bool> {
        let keys = self.keys(queue);
        let mut connection = self.connection();
        let exists: bool = connection
            .exists(keys.session(session))
            .await
            .map_err(|error| self.target.map(error))?;
        if exists {
            let _: () = connection
                .hset(keys.session(session), "status", "stopped")
                .await
                .map_err(|error| self.target.map(error))?;
        }
        Ok(exists)
    }

    pub(super) async fn clean_session_of(
        &self,
        queue: &str,
        session: &str,
        ids: &[String],
    ) -> BackendResult<u64> {
        #[derive(Serialize)]
        struct Args<'a> {
            #[serde(flatten)]
            prefixes: Prefixes,
            session: &'a str,
            ids: &'a [String],
        }
        #[derive(Deserialize)]
        struct Reply {
            deleted: u64,
        }
        let keys = self.keys(queue);
        let reply: Reply = self
            .run(
                &self.scripts.clean,
                vec![
                    keys.delayed(),
                    keys.leased(),
                    keys.done(),
                    keys.dead(),
                    keys.cancelled(),
                    keys.sessions(),
                    keys.session(session),
                    keys.session_jobs(session),
                    keys.done_list(),
                ],
                &Args {
                    prefixes: Prefixes::of(&keys),
                    session,
                    ids,
                },
            )
            .await?;
        Ok(reply.deleted)
    }
}
