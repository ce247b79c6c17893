//! The local store as the airgap spool: payloads sealed at rest, a bound on the jobs it holds,
//! the key check that refuses a wrong key before any record is touched, and the claims `sync`
//! makes on spooled jobs so that a local worker never runs a job that is being pushed.

use super::LocalBackend;
use super::jobs::{Sql, exec, now_ms, query_row};
use crate::runtime::airgap::seal::{Sealer, Tampered};
use crate::runtime::backend::BackendResult;
use crate::runtime::error::BackendError;
use crate::runtime::job::{LeaseBatch, NewJob};
use rusqlite::{OptionalExtension, Transaction, params};
use std::sync::Arc;
use std::time::Duration;

/// Jobs that are still the spool's to deliver: everything not finished.
const HELD: &str = "state IN ('pending', 'delayed', 'active', 'syncing', 'conflict')";

/// Whether `adding` more jobs fit under a spool's bound (always, for a plain store). Checked
/// inside the enqueue's transaction, so producers racing each other cannot overshoot it.
pub(super) fn fits(tx: &Transaction, capacity: Option<u64>, adding: usize) -> Sql<bool> {
    let Some(capacity) = capacity else {
        return Ok(true);
    };
    let held: i64 = query_row(
        tx,
        &format!("SELECT COUNT(*) FROM jobs WHERE {HELD}"),
        [],
        |row| row.get(0),
    )?;
    Ok(held as u64 + adding as u64 <= capacity)
}

/// A spooled job as `sync` reads it; `sealed` is opened by the caller.
#[derive(Debug, Clone)]
pub struct SpooledJob {
    pub queue: String,
    pub id: String,
    pub sealed: String,
    pub priority: u8,
    pub max_attempts: Option<u32>,
    pub timeout: Option<Duration>,
    pub run_at: i64,
    pub created_at: i64,
    pub unique_key: Option<String>,
    /// When a TTL'd unique key lapses; None for one held until the job is done.
    pub unique_expires_at: Option<i64>,
    pub correlation_id: Option<String>,
    pub session: Option<String>,
}

impl SpooledJob {
    /// The job to push, with its opened payload, its schedule kept absolute and its unique
    /// key's remaining TTL.
    pub fn to_new_job(&self, data: String, now: i64) -> NewJob {
        let mut job = NewJob::new(data);
        job.id = self.id.clone();
        job.priority = self.priority;
        job.max_attempts = self.max_attempts;
        job.timeout = self.timeout;
        job.schedule = crate::runtime::job::Schedule::At(self.run_at);
        job.unique_key = self.unique_key.clone();
        job.unique_ttl = self
            .unique_expires_at
            .map(|at| Duration::from_millis((at - now).max(1) as u64));
        job.correlation_id = self.correlation_id.clone();
        job.session = self.session.clone();
        job
    }
}

/// What the spool holds, for `airgap status`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpoolCounts {
    pub held: u64,
    pub conflicts: u64,
    pub oldest_created_at: Option<i64>,
}

/// How one claimed job ended in a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// In Redis now: gone from the spool.
    Delivered,
    /// Same id in Redis with other content: kept, marked.
    Conflict,
    /// Not pushed (an error, a full queue, a tampered record): back to where it was.
    Kept,
}

impl LocalBackend {
    /// Opens a store as a spool: payloads sealed with `sealer`, at most `capacity` jobs held.
    /// A spool sealed under another key is refused before anything is read or written.
    pub async fn open_spool(
        path: &std::path::Path,
        sealer: Arc<Sealer>,
        capacity: u64,
    ) -> BackendResult<LocalBackend> {
        let mut backend = LocalBackend::open(path).await?;
        let check = sealer.key_check();
        let stored: Option<String> = backend
            .write(move |tx| {
                let stored = query_row(
                    tx,
                    "SELECT value FROM meta WHERE name = 'key_check'",
                    [],
                    |row| row.get(0),
                )
                .optional()?;
                if stored.is_none() {
                    exec(
                        tx,
                        "INSERT INTO meta (name, value) VALUES ('key_check', ?1)",
                        [&check],
                    )?;
                }
                Ok(stored)
            })
            .await?;
        if let Some(stored) = stored
            && !sealer.verify_key_check(&stored)
        {
            return Err(BackendError::SpoolKey {
                spool: path.display().to_string(),
                detail: "the spool key is not the one this spool was written with; nothing was read or changed".into(),
            });
        }
        backend.sealer = Some(sealer);
        backend.capacity = Some(capacity);
        Ok(backend)
    }

    /// Seals payloads in place before they are stored.
    pub(super) fn seal_jobs(&self, queue: &str, jobs: &mut [NewJob]) {
        if let Some(sealer) = &self.sealer {
            for job in jobs {
                job.data = sealer.seal(queue, &job.id, &job.data);
            }
        }
    }

    /// Opens the payloads of leased jobs; a record that fails authentication is taken out of
    /// the batch and moved to dead with the reason, so it is never run on a forged payload.
    pub(super) async fn open_batch(
        &self,
        queue: &str,
        batch: &mut LeaseBatch,
    ) -> BackendResult<()> {
        let Some(sealer) = &self.sealer else {
            return Ok(());
        };
        let mut tampered = Vec::new();
        batch
            .jobs
            .retain_mut(|job| match sealer.open(queue, &job.id, &job.data) {
                Ok((data, _)) => {
                    job.data = data;
                    true
                }
                Err(Tampered) => {
                    tampered.push((job.id.clone(), job.token.clone()));
                    false
                }
            });
        if tampered.is_empty() {
            return Ok(());
        }
        let name = queue.to_string();
        self.write(move |tx| {
            for (id, token) in &tampered {
                exec(
                    tx,
                    "UPDATE jobs SET state = 'dead', finished_at = ?4, lease_deadline = NULL,
                       last_error = ?5
                     WHERE queue = ?1 AND id = ?2 AND token = ?3 AND state = 'active'",
                    params![name, id, token, now_ms(), Tampered.to_string()],
                )?;
            }
            Ok(())
        })
        .await
    }

    /// The payload of one job for `jobs show`: opened, or a note saying why it cannot be.
    pub(super) fn open_value(
        &self,
        queue: &str,
        id: &str,
        value: serde_json::Value,
    ) -> serde_json::Value {
        match (&self.sealer, &value) {
            (Some(sealer), serde_json::Value::String(sealed)) => {
                match sealer.open(queue, id, sealed) {
                    Ok((data, _)) => {
                        serde_json::from_str(&data).unwrap_or(serde_json::Value::String(data))
                    }
                    Err(error) => serde_json::Value::String(format!("<{error}>")),
                }
            }
            _ => value,
        }
    }

    pub fn capacity(&self) -> Option<u64> {
        self.capacity
    }

    pub async fn spool_counts(&self) -> BackendResult<SpoolCounts> {
        self.write(|tx| {
            query_row(
                tx,
                &format!(
                    "SELECT COUNT(*), SUM(state = 'conflict'), MIN(created_at) FROM jobs WHERE {HELD}"
                ),
                [],
                |row| {
                    Ok(SpoolCounts {
                        held: row.get::<_, i64>(0)? as u64,
                        conflicts: row.get::<_, Option<i64>>(1)?.unwrap_or(0) as u64,
                        oldest_created_at: row.get(2)?,
                    })
                },
            )
        })
        .await
    }

    /// The next `limit` jobs a sync may push, after `after` in (queue, id) order. With
    /// `claim`, they move to `syncing` in the same transaction, so no local worker leases them
    /// while they are pushed; a job a local worker is running is left to it.
    pub async fn claim_for_sync(
        &self,
        after: Option<(String, String)>,
        limit: usize,
        claim: bool,
    ) -> BackendResult<Vec<SpooledJob>> {
        self.write(move |tx| {
            let (queue, id) = after.unwrap_or_default();
            let mut statement = tx.prepare_cached(
                "SELECT j.queue, j.id, j.data, j.priority, j.max_attempts, j.timeout_ms, j.run_at,
                   j.created_at, j.unique_key, u.expires_at, j.correlation_id, j.session
                 FROM jobs j LEFT JOIN uniques u ON u.queue = j.queue AND u.key = j.unique_key AND u.id = j.id
                 WHERE j.state IN ('pending', 'delayed', 'syncing', 'conflict') AND (j.queue, j.id) > (?1, ?2)
                 ORDER BY j.queue, j.id LIMIT ?3",
            )?;
            let jobs = statement
                .query_map(params![queue, id, limit as i64], |row| {
                    Ok(SpooledJob {
                        queue: row.get(0)?,
                        id: row.get(1)?,
                        sealed: row.get(2)?,
                        priority: row.get::<_, i64>(3)? as u8,
                        max_attempts: Some(row.get::<_, i64>(4)? as u32).filter(|max| *max > 0),
                        timeout: Some(row.get::<_, i64>(5)?)
                            .filter(|ms| *ms > 0)
                            .map(|ms| Duration::from_millis(ms as u64)),
                        run_at: row.get(6)?,
                        created_at: row.get(7)?,
                        unique_key: row.get(8)?,
                        unique_expires_at: row.get(9)?,
                        correlation_id: row.get(10)?,
                        session: row.get(11)?,
                    })
                })?
                .collect::<Sql<Vec<_>>>()?;
            if claim {
                for job in &jobs {
                    exec(
                        tx,
                        "UPDATE jobs SET state = 'syncing' WHERE queue = ?1 AND id = ?2",
                        params![job.queue, job.id],
                    )?;
                }
            }
            Ok(jobs)
        })
        .await
    }

    /// Records how each claimed job ended: delivered jobs leave the spool, conflicts are
    /// marked, the rest go back to the state they were claimed from.
    pub async fn settle_sync(&self, settled: Vec<(String, String, Settled)>) -> BackendResult<()> {
        self.write(move |tx| {
            for (queue, id, how) in &settled {
                match how {
                    Settled::Delivered => {
                        exec(tx, "DELETE FROM uniques WHERE queue = ?1 AND id = ?2", params![queue, id])?;
                        exec(tx, "DELETE FROM jobs WHERE queue = ?1 AND id = ?2", params![queue, id])?;
                    }
                    Settled::Conflict => {
                        exec(
                            tx,
                            "UPDATE jobs SET state = 'conflict' WHERE queue = ?1 AND id = ?2",
                            params![queue, id],
                        )?;
                    }
                    // a pending job kept its place in line; a delayed one never had one
                    Settled::Kept => {
                        exec(
                            tx,
                            "UPDATE jobs SET state = CASE WHEN ready_order IS NULL THEN 'delayed' ELSE 'pending' END
                             WHERE queue = ?1 AND id = ?2 AND state IN ('syncing', 'conflict')",
                            params![queue, id],
                        )?;
                    }
                }
            }
            Ok(())
        })
        .await
    }
}

impl LocalBackend {
    /// Opens a spooled job's payload for `sync`.
    pub fn open_spooled(
        &self,
        job: &SpooledJob,
    ) -> Result<(String, crate::runtime::airgap::seal::Checksum), Tampered> {
        let sealer = self.sealer.as_ref().ok_or(Tampered)?;
        sealer.open(&job.queue, &job.id, &job.sealed)
    }
}
