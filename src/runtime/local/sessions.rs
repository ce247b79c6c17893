//! Sessions in the local store: a `sessions` row per queue and name (status, times), and the
//! jobs' own `session` column; the counterparts of `redis/sessions.rs` and `clean.lua`.

use super::jobs::{Sql, exec, query_row};
use crate::runtime::job::{JobState, SessionCounts, SessionInfo, SessionJob};
use rusqlite::{OptionalExtension, Transaction, params};

pub fn sessions(tx: &Transaction, queue: &str) -> Sql<Vec<SessionInfo>> {
    let mut statement = tx.prepare_cached(
        "SELECT session, status, created_at, last_at FROM sessions WHERE queue = ?1
         ORDER BY last_at DESC",
    )?;
    statement
        .query_map([queue], |row| {
            Ok(SessionInfo {
                queue: queue.to_string(),
                session: row.get(0)?,
                status: row.get(1)?,
                created_at: row.get(2)?,
                last_at: row.get(3)?,
            })
        })?
        .collect()
}

/// A session's jobs counted by state in one pass over its index entries.
pub fn counts(tx: &Transaction, queue: &str, session: &str) -> Sql<SessionCounts> {
    let mut statement = tx.prepare_cached(
        "SELECT state, COUNT(*), MAX(finished_at) FROM jobs WHERE queue = ?1 AND session = ?2
         GROUP BY state",
    )?;
    let mut counts = SessionCounts::default();
    let rows = statement.query_map(params![queue, session], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, Option<i64>>(2)?,
        ))
    })?;
    for row in rows {
        let (state, jobs, finished_at) = row?;
        if let Some(state) = JobState::parse(&state) {
            counts.add(state, jobs as u64);
            counts.finished_at(finished_at);
        }
    }
    Ok(counts)
}

pub fn jobs(tx: &Transaction, queue: &str, session: &str) -> Sql<Vec<SessionJob>> {
    let mut statement = tx.prepare_cached(
        "SELECT id, state, created_at, finished_at, last_error FROM jobs
         WHERE queue = ?1 AND session = ?2",
    )?;
    let rows = statement
        .query_map(params![queue, session], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, Option<i64>>(3)?,
                row.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<Sql<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, state, created_at, finished_at, last_error)| {
            Some(SessionJob {
                id,
                state: JobState::parse(&state)?,
                created_at,
                finished_at,
                last_error,
            })
        })
        .collect())
}

pub fn stop(tx: &Transaction, queue: &str, session: &str) -> Sql<bool> {
    let changed = exec(
        tx,
        "UPDATE sessions SET status = 'stopped' WHERE queue = ?1 AND session = ?2",
        params![queue, session],
    )?;
    Ok(changed > 0)
}

/// Deletes the session's jobs among `ids`, keeping retention's counters right, and the
/// session row once no job is left.
pub fn clean(tx: &Transaction, queue: &str, session: &str, ids: &[String]) -> Sql<u64> {
    let mut deleted = 0;
    for id in ids {
        let state: Option<String> = query_row(
            tx,
            "SELECT state FROM jobs WHERE queue = ?1 AND id = ?2 AND session = ?3",
            params![queue, id, session],
            |row| row.get(0),
        )
        .optional()?;
        let Some(state) = state else { continue };
        let counter = match state.as_str() {
            "done" => Some("kept_done"),
            "cancelled" => Some("kept_cancelled"),
            _ => None,
        };
        if let Some(counter) = counter {
            exec(
                tx,
                &format!("UPDATE queues SET {counter} = {counter} - 1 WHERE name = ?1"),
                [queue],
            )?;
        }
        exec(
            tx,
            "DELETE FROM uniques WHERE queue = ?1 AND id = ?2",
            params![queue, id],
        )?;
        exec(
            tx,
            "DELETE FROM jobs WHERE queue = ?1 AND id = ?2",
            params![queue, id],
        )?;
        deleted += 1;
    }
    let left: i64 = query_row(
        tx,
        "SELECT COUNT(*) FROM jobs WHERE queue = ?1 AND session = ?2",
        params![queue, session],
        |row| row.get(0),
    )?;
    if left == 0 {
        exec(
            tx,
            "DELETE FROM sessions WHERE queue = ?1 AND session = ?2",
            params![queue, session],
        )?;
    }
    Ok(deleted)
}
