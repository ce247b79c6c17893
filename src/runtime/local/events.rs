//! The local store's event stream: one row per batch in `events`, the counterpart of the Redis
//! scripts' XADD; each queue keeps its newest `EVENTS_KEPT` rows.

use super::jobs::{Sql, exec, now_ms, query_row};
use crate::runtime::job::{EVENTS_KEPT, Event};
use rusqlite::{Transaction, params};
use std::collections::BTreeMap;

/// Appends the event of a batch of jobs; a batch of none (a lease that found nothing) is no
/// event, unless it carries a count (jobs trimmed or recovered, ids not kept).
pub fn emit(
    tx: &Transaction,
    queue: &str,
    kind: &str,
    ids: &[String],
    fields: &[(&str, String)],
) -> Sql<()> {
    if ids.is_empty() && !fields.iter().any(|(name, _)| *name == "count") {
        return Ok(());
    }
    append(tx, queue, kind, ids, fields)
}

/// Appends one event; every hundredth trims the queue's stream back to its bound.
pub fn append(
    tx: &Transaction,
    queue: &str,
    kind: &str,
    ids: &[String],
    fields: &[(&str, String)],
) -> Sql<()> {
    let fields: BTreeMap<&str, &String> =
        fields.iter().map(|(name, value)| (*name, value)).collect();
    let fields = (!fields.is_empty()).then(|| serde_json::to_string(&fields).unwrap_or_default());
    exec(
        tx,
        "INSERT INTO events (queue, at, kind, ids, fields) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![queue, now_ms(), kind, ids.join(" "), fields],
    )?;
    let seq = tx.last_insert_rowid();
    if seq % 100 == 0 {
        exec(
            tx,
            "DELETE FROM events WHERE queue = ?1 AND seq <= ?2 - ?3",
            params![queue, seq, EVENTS_KEPT * 4],
        )?;
    }
    Ok(())
}

/// The last event's position at `at`: events after it are newer.
pub fn cursor_at(tx: &Transaction, at: i64) -> Sql<i64> {
    query_row(
        tx,
        "SELECT COALESCE(MAX(seq), 0) FROM events WHERE at < ?1",
        [at],
        |row| row.get(0),
    )
}

/// Events of these queues after their cursors, oldest first, at most 1,000.
pub fn read(tx: &Transaction, cursors: &BTreeMap<String, String>) -> Sql<Vec<Event>> {
    let after = |queue: &str| {
        cursors
            .get(queue)
            .and_then(|text| text.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let lowest = cursors.keys().map(|queue| after(queue)).min().unwrap_or(0);
    let mut statement = tx.prepare_cached(
        "SELECT seq, queue, at, kind, ids, fields FROM events WHERE seq > ?1 ORDER BY seq LIMIT 1000",
    )?;
    let rows = statement
        .query_map([lowest], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<Sql<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(seq, queue, ..)| cursors.contains_key(queue) && *seq > after(queue))
        .map(|(seq, queue, at, kind, ids, fields)| Event {
            queue,
            cursor: seq.to_string(),
            at,
            kind,
            ids: ids
                .split(' ')
                .filter(|id| !id.is_empty())
                .map(str::to_string)
                .collect(),
            fields: fields
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default(),
        })
        .collect())
}

/// One event per session among a batch (`(id, session)` pairs), so `events tail --session S`
/// sees that session's jobs start, finish and fail.
pub fn emit_by_session(
    tx: &Transaction,
    queue: &str,
    kind: &str,
    jobs: &[(String, Option<String>)],
    fields: &[(&str, String)],
) -> Sql<()> {
    let mut groups: Vec<(Option<&String>, Vec<String>)> = Vec::new();
    for (id, session) in jobs {
        match groups
            .iter_mut()
            .find(|(group, _)| *group == session.as_ref())
        {
            Some((_, ids)) => ids.push(id.clone()),
            None => groups.push((session.as_ref(), vec![id.clone()])),
        }
    }
    for (session, ids) in groups {
        let mut fields = fields.to_vec();
        if let Some(session) = session {
            fields.push(("session", session.clone()));
        }
        emit(tx, queue, kind, &ids, &fields)?;
    }
    Ok(())
}

/// These jobs with their sessions; a queue that never had a session skips the lookups, so
/// events cost it nothing more.
pub fn with_sessions(
    tx: &Transaction,
    queue: &str,
    ids: &[String],
) -> Sql<Vec<(String, Option<String>)>> {
    let any: bool = query_row(
        tx,
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE queue = ?1)",
        [queue],
        |row| row.get(0),
    )?;
    if !any {
        return Ok(ids.iter().map(|id| (id.clone(), None)).collect());
    }
    // one statement for the whole batch, not a lookup per job. CROSS JOIN keeps the id list
    // as the outer loop: left to itself SQLite scanned every job of the queue per call (1,300
    // jobs/s instead of 13,000 with 100 sessions)
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string());
    let mut statement = tx.prepare_cached(
        "SELECT j.id, j.session FROM json_each(?2) AS e
         CROSS JOIN jobs AS j ON j.queue = ?1 AND j.id = e.value",
    )?;
    let sessions: std::collections::HashMap<String, Option<String>> = statement
        .query_map(params![queue, list], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Sql<_>>()?;
    Ok(ids
        .iter()
        .map(|id| (id.clone(), sessions.get(id).cloned().flatten()))
        .collect())
}

/// Runs `operation`, then records a `trimmed` event with the number of jobs its retention
/// removed (read from the queue's `trimmed` counter before and after), so trimming is never
/// silent; with events off it only runs the operation.
pub fn noting_trims<T>(
    tx: &Transaction,
    queue: &str,
    recording: bool,
    operation: impl FnOnce(&Transaction) -> Sql<T>,
) -> Sql<T> {
    if !recording {
        return operation(tx);
    }
    let trimmed = |tx: &Transaction| -> Sql<i64> {
        query_row(
            tx,
            "SELECT COALESCE((SELECT trimmed FROM queues WHERE name = ?1), 0)",
            [queue],
            |row| row.get(0),
        )
    };
    let before = trimmed(tx)?;
    let result = operation(tx)?;
    let removed = trimmed(tx)? - before;
    if removed > 0 {
        emit(tx, queue, "trimmed", &[], &[("count", removed.to_string())])?;
    }
    Ok(result)
}
