//! Inspection and operator commands of the local store: stats, job lookup, listing, cancel
//! and retry, queue settings, purge, and the worker registry.

use super::jobs::{
    BUCKET_MS, Sql, ensure_queue, exec, lease_state, now_ms, query_row, release_unique, take_order,
};
use super::retention::{Finished, trim};
use crate::runtime::job::{
    AttemptError, ChangeOutcome, JobRecord, JobState, JobSummary, QueueSettings, QueueStats,
    WorkerInfo, throughput,
};
use crate::runtime::job::{WorkerControl, WorkerEntry};
use rusqlite::{OptionalExtension, Transaction, params};

/// A worker counts as live for stats if it beat this recently, as on Redis.
const WORKER_LIVENESS_MS: i64 = 30_000;

pub fn queues(tx: &Transaction) -> Sql<Vec<String>> {
    let mut statement = tx.prepare_cached("SELECT name FROM queues ORDER BY name")?;
    statement.query_map([], |row| row.get(0))?.collect()
}

fn count<P: rusqlite::Params>(tx: &Transaction, sql: &str, params: P) -> Sql<u64> {
    query_row(tx, sql, params, |row| row.get::<_, i64>(0)).map(|value| value.max(0) as u64)
}

pub fn stats(tx: &Transaction, queue: &str) -> Sql<QueueStats> {
    let now = now_ms();
    #[allow(clippy::type_complexity)]
    let (paused, max_len, done, retried, enqueued, trimmed, fair, rate_us, max_inflight): (
        bool,
        i64,
        i64,
        i64,
        i64,
        i64,
        bool,
        i64,
        i64,
    ) = query_row(
        tx,
        "SELECT paused, max_len, done, retried, enqueued, trimmed, fair, rate_us, max_inflight
         FROM queues WHERE name = ?1",
        [queue],
        |row| row.try_into(),
    )
    .optional()?
    .unwrap_or_default();
    let mut pending_by_priority = vec![0u64; 10];
    {
        let mut statement = tx.prepare_cached(
            "SELECT priority, COUNT(*) FROM jobs WHERE queue = ?1 AND state = 'pending'
             GROUP BY priority",
        )?;
        for row in statement.query_map([queue], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (priority, jobs) = row?;
            if let Some(slot) = pending_by_priority.get_mut(priority as usize) {
                *slot = jobs as u64;
            }
        }
    }
    // each state counted in its own partial index: a pass over the queue's rows read every
    // payload (0.2 s for 120,000 jobs of 1 kB). Named, because without statistics SQLite
    // prefers the primary key to an index whose condition narrows it to one state
    let by_state = |state: &str, index: &str| -> Sql<u64> {
        count(
            tx,
            &format!(
                "SELECT COUNT(*) FROM jobs INDEXED BY {index} WHERE queue = ?1 AND state = '{state}'"
            ),
            [queue],
        )
    };
    let buckets: Vec<(i64, u64)> = {
        let mut statement =
            tx.prepare_cached("SELECT bucket, count FROM throughput WHERE queue = ?1")?;
        statement
            .query_map([queue], |row| {
                Ok((row.get(0)?, row.get::<_, i64>(1)? as u64))
            })?
            .collect::<Sql<_>>()?
    };
    // the job at the head of each level has waited longest there (as on Redis, where each
    // ready list's head is read): ten seeks, where the least run_at of every pending job read
    // each one's row
    let mut oldest: Option<i64> = None;
    for (priority, _) in pending_by_priority
        .iter()
        .enumerate()
        .filter(|(_, waiting)| **waiting > 0)
    {
        let head: Option<i64> = query_row(
            tx,
            "SELECT run_at FROM jobs WHERE queue = ?1 AND state = 'pending' AND priority = ?2
             ORDER BY ready_order LIMIT 1",
            params![queue, priority as i64],
            |row| row.get(0),
        )
        .optional()?;
        oldest = oldest.into_iter().chain(head).min();
    }
    let next_delayed_at: Option<i64> = query_row(
        tx,
        "SELECT MIN(run_at) FROM jobs WHERE queue = ?1 AND state = 'delayed'",
        [queue],
        |row| row.get(0),
    )?;
    Ok(QueueStats {
        queue: queue.to_string(),
        pending: pending_by_priority.iter().sum(),
        pending_by_priority,
        delayed: by_state("delayed", "jobs_delayed")?,
        active: by_state("active", "jobs_active")?,
        stalled: count(
            tx,
            "SELECT COUNT(*) FROM jobs WHERE queue = ?1 AND state = 'active' AND lease_deadline <= ?2",
            params![queue, now],
        )?,
        done: done.max(0) as u64,
        retried: retried.max(0) as u64,
        dead: by_state("dead", "jobs_finished")?,
        cancelled: by_state("cancelled", "jobs_finished")?,
        enqueued: enqueued.max(0) as u64,
        trimmed: trimmed.max(0) as u64,
        throughput_1m: throughput(&buckets, now, BUCKET_MS, 60_000),
        throughput_5m: throughput(&buckets, now, BUCKET_MS, 300_000),
        oldest_pending_age_ms: oldest.map(|run_at| (now - run_at).max(0) as u64),
        next_delayed_at,
        paused,
        workers: count(
            tx,
            "SELECT COUNT(*) FROM workers WHERE queue = ?1 AND beat_at >= ?2",
            params![queue, now - WORKER_LIVENESS_MS],
        )?,
        max_len: (max_len > 0).then_some(max_len as u64),
        fair_sessions: fair,
        rate: (rate_us > 0).then(|| crate::runtime::rate::describe_interval(rate_us as u64)),
        max_inflight: (max_inflight > 0).then_some(max_inflight as u64),
    })
}

pub fn job(tx: &Transaction, queue: &str, id: &str) -> Sql<Option<JobRecord>> {
    query_row(
        tx,
        "SELECT state, priority, attempts, max_attempts, timeout_ms, created_at, run_at,
           started_at, finished_at, owner, lease_deadline, unique_key, correlation_id, session,
           last_error, errors, stderr, data, outputs
         FROM jobs WHERE queue = ?1 AND id = ?2",
        params![queue, id],
        |row| {
            let state = JobState::parse(&row.get::<_, String>(0)?).unwrap_or(JobState::Pending);
            let active = state == JobState::Active;
            let json = |text: Option<String>| {
                text.map(|text| {
                    serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
                })
                .unwrap_or(serde_json::Value::Null)
            };
            let errors: Vec<AttemptError> = row
                .get::<_, Option<String>>(15)?
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            Ok(JobRecord {
                id: id.to_string(),
                queue: queue.to_string(),
                state,
                priority: row.get::<_, i64>(1)? as u8,
                attempts: row.get::<_, i64>(2)? as u32,
                max_attempts: Some(row.get::<_, i64>(3)? as u32).filter(|max| *max > 0),
                timeout_ms: Some(row.get::<_, i64>(4)? as u64).filter(|ms| *ms > 0),
                created_at: row.get(5)?,
                run_at: row.get(6)?,
                started_at: row.get(7)?,
                finished_at: row.get(8)?,
                lease_owner: row.get::<_, Option<String>>(9)?.filter(|_| active),
                lease_deadline: row.get::<_, Option<i64>>(10)?.filter(|_| active),
                unique_key: row.get(11)?,
                correlation_id: row.get(12)?,
                session: row.get(13)?,
                last_error: row.get(14)?,
                errors,
                stderr_tail: row
                    .get::<_, Option<String>>(16)?
                    .filter(|text| !text.is_empty()),
                data: json(row.get(17)?),
                outputs: json(row.get(18)?),
            })
        },
    )
    .optional()
}

pub fn locate(tx: &Transaction, id: &str) -> Sql<Vec<String>> {
    let mut statement = tx.prepare_cached("SELECT queue FROM jobs WHERE id = ?1 ORDER BY queue")?;
    statement.query_map([id], |row| row.get(0))?.collect()
}

pub fn existing(tx: &Transaction, queue: &str, ids: &[String]) -> Sql<Vec<bool>> {
    ids.iter()
        .map(|id| {
            query_row(
                tx,
                "SELECT 1 FROM jobs WHERE queue = ?1 AND id = ?2",
                params![queue, id],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
        })
        .collect()
}

/// The statement that lists a queue's jobs in one state, in the order `jobs ls` shows them.
/// The state is written into it so that SQLite can use the state's partial index: a parameter
/// cannot prove an index's condition, and the query would sort every job of the queue.
fn list_statement(state: JobState) -> String {
    let order = match state {
        JobState::Pending => "priority, ready_order",
        JobState::Delayed => "run_at",
        JobState::Active => "lease_deadline",
        JobState::Done | JobState::Dead | JobState::Cancelled => "finished_at DESC",
    };
    format!(
        "SELECT id, priority, attempts, created_at, run_at, last_error, finished_at FROM jobs
         WHERE queue = ?1 AND state = '{}' ORDER BY {order} LIMIT ?2",
        state.as_str()
    )
}

pub fn list(tx: &Transaction, queue: &str, state: JobState, limit: usize) -> Sql<Vec<JobSummary>> {
    let sql = list_statement(state);
    let mut statement = tx.prepare_cached(&sql)?;
    statement
        .query_map(params![queue, limit as i64], |row| {
            Ok(JobSummary {
                id: row.get(0)?,
                queue: queue.to_string(),
                state,
                priority: row.get::<_, i64>(1)? as u8,
                attempts: row.get::<_, i64>(2)? as u32,
                created_at: row.get(3)?,
                run_at: row.get(4)?,
                last_error: row.get(5)?,
                finished_at: row.get(6)?,
            })
        })?
        .collect()
}

pub fn set_paused(tx: &Transaction, queue: &str, paused: bool) -> Sql<()> {
    ensure_queue(tx, queue)?;
    exec(
        tx,
        "UPDATE queues SET paused = ?2 WHERE name = ?1",
        params![queue, paused],
    )?;
    Ok(())
}

pub fn configure(tx: &Transaction, queue: &str, settings: &QueueSettings) -> Sql<()> {
    ensure_queue(tx, queue)?;
    for (column, value) in settings.stored() {
        exec(
            tx,
            &format!("UPDATE queues SET {column} = ?2 WHERE name = ?1"),
            params![queue, value as i64],
        )?;
    }
    Ok(())
}

/// Deletes a queue's jobs and counters; its settings (pause, limits) stay, as on Redis.
pub fn purge(tx: &Transaction, queue: &str) -> Sql<u64> {
    let removed = exec(tx, "DELETE FROM jobs WHERE queue = ?1", [queue])?;
    for table in ["uniques", "workers", "throughput", "rates"] {
        exec(
            tx,
            &format!("DELETE FROM {table} WHERE queue = ?1"),
            [queue],
        )?;
    }
    exec(
        tx,
        "UPDATE queues SET enqueued = 0, done = 0, retried = 0, trimmed = 0, kept_done = 0,
           kept_cancelled = 0 WHERE name = ?1",
        [queue],
    )?;
    Ok(removed as u64)
}

pub fn delete_queue(tx: &Transaction, queue: &str) -> Sql<()> {
    purge(tx, queue)?;
    exec(tx, "DELETE FROM queues WHERE name = ?1", [queue])?;
    Ok(())
}

/// Registers the worker and reads the control command stored for it (in `meta`, under
/// `control:<id>`), like one Redis heartbeat.
pub fn register(tx: &Transaction, info: &WorkerInfo) -> Sql<Option<WorkerControl>> {
    let text = serde_json::to_string(info).unwrap_or_default();
    exec(
        tx,
        "INSERT INTO registry (worker, info, seen_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (worker) DO UPDATE SET info = excluded.info, seen_at = excluded.seen_at",
        params![info.id, text, now_ms()],
    )?;
    let command: Option<String> = query_row(
        tx,
        "SELECT value FROM meta WHERE name = ?1",
        [format!("control:{}", info.id)],
        |row| row.get(0),
    )
    .optional()?;
    Ok(command.and_then(|text| serde_json::from_str(&text).ok()))
}

pub fn store_control(tx: &Transaction, workers: &[String], command: WorkerControl) -> Sql<()> {
    let text = serde_json::to_string(&command).unwrap_or_default();
    for worker in workers {
        exec(
            tx,
            "INSERT INTO meta (name, value) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![format!("control:{worker}"), text],
        )?;
    }
    Ok(())
}

/// The registered workers; ones silent past the registry's TTL are forgotten first.
pub fn fleet(tx: &Transaction) -> Sql<Vec<WorkerEntry>> {
    let now = now_ms();
    exec(
        tx,
        "DELETE FROM registry WHERE seen_at < ?1",
        [now - crate::runtime::job::WORKER_FORGOTTEN_AFTER_MS],
    )?;
    let mut statement =
        tx.prepare_cached("SELECT info, seen_at FROM registry ORDER BY seen_at DESC")?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })?
        .collect::<Sql<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(text, seen_at)| {
            let info: WorkerInfo = serde_json::from_str(&text).ok()?;
            Some(WorkerEntry::new(info, seen_at, now))
        })
        .collect())
}

pub fn unregister(tx: &Transaction, info: &WorkerInfo) -> Sql<()> {
    exec(tx, "DELETE FROM registry WHERE worker = ?1", [&info.id])?;
    exec(
        tx,
        "DELETE FROM meta WHERE name = ?1",
        [format!("control:{}", info.id)],
    )?;
    exec(tx, "DELETE FROM workers WHERE worker = ?1", [&info.id])?;
    Ok(())
}

pub fn cancel(tx: &Transaction, queue: &str, ids: &[String]) -> Sql<Vec<ChangeOutcome>> {
    let now = now_ms();
    let mut outcomes = Vec::with_capacity(ids.len());
    let mut cancelled = 0;
    for id in ids {
        let state = lease_state(tx, queue, id)?.map(|(_, state)| state);
        let (changed, state) = match state.as_deref() {
            None => (false, "missing".to_string()),
            Some(state @ ("done" | "dead" | "cancelled")) => (false, state.to_string()),
            Some(_) => {
                exec(
                    tx,
                    "UPDATE jobs SET state = 'cancelled', finished_at = ?3, token = NULL,
                       lease_deadline = NULL, ready_order = NULL WHERE queue = ?1 AND id = ?2",
                    params![queue, id, now],
                )?;
                release_unique(tx, queue, id)?;
                cancelled += 1;
                (true, "cancelled".to_string())
            }
        };
        outcomes.push(ChangeOutcome {
            id: id.clone(),
            queue: queue.to_string(),
            changed,
            state,
        });
    }
    if cancelled > 0 {
        exec(
            tx,
            "UPDATE queues SET kept_cancelled = kept_cancelled + ?2 WHERE name = ?1",
            params![queue, cancelled],
        )?;
        trim(tx, queue, Finished::Cancelled)?;
    }
    Ok(outcomes)
}

pub fn retry(tx: &Transaction, queue: &str, ids: &[String]) -> Sql<Vec<ChangeOutcome>> {
    let now = now_ms();
    let mut outcomes = Vec::with_capacity(ids.len());
    for id in ids {
        let state = lease_state(tx, queue, id)?.map(|(_, state)| state);
        let (changed, state) = match state.as_deref() {
            None => (false, "missing".to_string()),
            Some(finished @ ("dead" | "cancelled" | "delayed")) => {
                if finished != "delayed" {
                    exec(
                        tx,
                        "UPDATE jobs SET attempts = 0, finished_at = NULL WHERE queue = ?1 AND id = ?2",
                        params![queue, id],
                    )?;
                }
                if finished == "cancelled" {
                    exec(
                        tx,
                        "UPDATE queues SET kept_cancelled = kept_cancelled - 1 WHERE name = ?1",
                        [queue],
                    )?;
                }
                let order = take_order(tx, queue, false)?;
                exec(
                    tx,
                    "UPDATE jobs SET state = 'pending', run_at = ?3, ready_order = ?4
                     WHERE queue = ?1 AND id = ?2",
                    params![queue, id, now, order],
                )?;
                (true, "pending".to_string())
            }
            Some(other) => (false, other.to_string()),
        };
        outcomes.push(ChangeOutcome {
            id: id.clone(),
            queue: queue.to_string(),
            changed,
            state,
        });
    }
    Ok(outcomes)
}

pub fn dead_ids(tx: &Transaction, queue: &str) -> Sql<Vec<(String, i64)>> {
    let mut statement = tx.prepare_cached(
        "SELECT id, finished_at FROM jobs WHERE queue = ?1 AND state = 'dead'
         ORDER BY finished_at, id",
    )?;
    statement
        .query_map([queue], |row| {
            Ok((row.get(0)?, row.get::<_, Option<i64>>(1)?.unwrap_or(0)))
        })?
        .collect()
}

/// Deletes jobs that are still dead; the counterpart of `delete_dead.lua`.
pub fn delete_dead(tx: &Transaction, queue: &str, ids: &[String]) -> Sql<Vec<ChangeOutcome>> {
    let mut outcomes = Vec::with_capacity(ids.len());
    for id in ids {
        let state = lease_state(tx, queue, id)?.map(|(_, state)| state);
        let (changed, state) = match state.as_deref() {
            None => (false, "missing".to_string()),
            Some("dead") => {
                exec(
                    tx,
                    "DELETE FROM jobs WHERE queue = ?1 AND id = ?2 AND state = 'dead'",
                    params![queue, id],
                )?;
                (true, "deleted".to_string())
            }
            Some(other) => (false, other.to_string()),
        };
        outcomes.push(ChangeOutcome {
            id: id.clone(),
            queue: queue.to_string(),
            changed,
            state,
        });
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `jobs ls` seeks each state's index in the order it shows, never sorting the queue.
    #[test]
    fn each_state_is_listed_through_its_index() {
        let (_directory, _path, connection) = super::super::schema::tests::fresh();
        for state in [
            JobState::Pending,
            JobState::Delayed,
            JobState::Active,
            JobState::Done,
            JobState::Dead,
            JobState::Cancelled,
        ] {
            let plan = super::super::schema::tests::plan(&connection, &list_statement(state));
            assert!(plan.contains("USING INDEX jobs_"), "{state:?}: {plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{state:?}: {plan}");
        }
    }
}
