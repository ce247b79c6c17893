//! Fair queues in the local store (`queues set Q --fair-sessions on`): which pending jobs a lease
//! takes when jobs are served one per session in turn.
//!
//! The store keeps one cursor per queue (`queues.fair_cursor`), the participant served last. A
//! participant is a session, or the jobs without one (NULL, which comes first in a round).
//! Sessions take their turns in name order, so every session with waiting jobs gets one job per
//! round; every lookup is a seek in the `jobs_fair` index, never a scan of the backlog.

use super::jobs::{Sql, exec, query_row};
use rusqlite::{OptionalExtension, Transaction, params};

/// The cursor value after the jobs without a session had their turn (session names are never
/// empty, so every session sorts after it).
const AFTER_NO_SESSION: &str = "";

/// Up to `limit` pending job ids in the order a fair queue serves them: by priority level, and
/// within a level one job per participant in turn, starting after the stored cursor.
pub fn pick(tx: &Transaction, queue: &str, limit: usize) -> Sql<Vec<String>> {
    let mut cursor: Option<String> = query_row(
        tx,
        "SELECT fair_cursor FROM queues WHERE name = ?1",
        [queue],
        |row| row.get(0),
    )?;
    let mut ids = Vec::new();
    let mut level = next_level(tx, queue, -1)?;
    while let Some(priority) = level {
        let participants = participants(tx, queue, priority, cursor.as_deref(), limit - ids.len())?;
        // rounds: a participant's r-th waiting job in round r, until one runs out
        let mut taken = vec![0i64; participants.len()];
        let mut live: Vec<usize> = (0..participants.len()).collect();
        while ids.len() < limit && !live.is_empty() {
            let mut still = Vec::with_capacity(live.len());
            for index in live {
                if ids.len() >= limit {
                    break;
                }
                let participant = participants[index].as_deref();
                if let Some(id) = nth_waiting(tx, queue, priority, participant, taken[index])? {
                    ids.push(id);
                    taken[index] += 1;
                    still.push(index);
                    cursor = Some(participant.unwrap_or(AFTER_NO_SESSION).to_string());
                }
            }
            live = still;
        }
        if ids.len() >= limit {
            break;
        }
        level = next_level(tx, queue, priority)?;
    }
    exec(
        tx,
        "UPDATE queues SET fair_cursor = ?2 WHERE name = ?1",
        params![queue, cursor],
    )?;
    Ok(ids)
}

/// The highest priority (lowest number) above `after` that has pending jobs.
fn next_level(tx: &Transaction, queue: &str, after: i64) -> Sql<Option<i64>> {
    query_row(
        tx,
        "SELECT MIN(priority) FROM jobs WHERE queue = ?1 AND state = 'pending' AND priority > ?2",
        params![queue, after],
        |row| row.get(0),
    )
}

/// Up to `wanted` participants with pending jobs at `priority`, in turn order after `cursor`
/// (None: from the start of a round), wrapping around once.
fn participants(
    tx: &Transaction,
    queue: &str,
    priority: i64,
    cursor: Option<&str>,
    wanted: usize,
) -> Sql<Vec<Option<String>>> {
    let mut found: Vec<Option<String>> = Vec::new();
    let walk = |found: &mut Vec<Option<String>>, from_start, after, until| {
        stretch(
            tx,
            (queue, priority),
            (from_start, after, until),
            wanted,
            found,
        )
    };
    match cursor {
        // a whole round: the jobs without a session, then every session
        None => walk(&mut found, true, AFTER_NO_SESSION, None)?,
        // the rest of this round, then the next one up to the cursor
        Some(cursor) => {
            walk(&mut found, false, cursor, None)?;
            walk(&mut found, true, AFTER_NO_SESSION, Some(cursor))?;
        }
    }
    Ok(found)
}

/// Appends, up to `wanted` in all, the participants of one stretch of a round: the jobs
/// without a session when `from_start`, then the sessions after `after` up to and including
/// `until` (None: to the round's end).
fn stretch(
    tx: &Transaction,
    (queue, priority): (&str, i64),
    (from_start, after, until): (bool, &str, Option<&str>),
    wanted: usize,
    found: &mut Vec<Option<String>>,
) -> Sql<()> {
    if found.len() < wanted && from_start && has_unsessioned(tx, queue, priority)? {
        found.push(None);
    }
    let mut after = after.to_string();
    while found.len() < wanted {
        match next_session(tx, queue, priority, &after)? {
            Some(session) if until.is_none_or(|until| session.as_str() <= until) => {
                after = session.clone();
                found.push(Some(session));
            }
            _ => break,
        }
    }
    Ok(())
}

fn has_unsessioned(tx: &Transaction, queue: &str, priority: i64) -> Sql<bool> {
    Ok(nth_waiting(tx, queue, priority, None, 0)?.is_some())
}

/// The first session after `after` (by name) with jobs pending at `priority`.
fn next_session(tx: &Transaction, queue: &str, priority: i64, after: &str) -> Sql<Option<String>> {
    query_row(
        tx,
        "SELECT MIN(session) FROM jobs
         WHERE queue = ?1 AND state = 'pending' AND priority = ?2 AND session > ?3",
        params![queue, priority, after],
        |row| row.get(0),
    )
}

/// A participant's `nth` waiting job at `priority` (0 = its oldest).
fn nth_waiting(
    tx: &Transaction,
    queue: &str,
    priority: i64,
    session: Option<&str>,
    nth: i64,
) -> Sql<Option<String>> {
    query_row(
        tx,
        "SELECT id FROM jobs
         WHERE queue = ?1 AND state = 'pending' AND priority = ?2 AND session IS ?3
         ORDER BY ready_order LIMIT 1 OFFSET ?4",
        params![queue, priority, session, nth],
        |row| row.get(0),
    )
    .optional()
}
