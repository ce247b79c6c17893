//! Retention in the local store: finished jobs trimmed by count (`retain_done`, kept counters
//! so no row is counted), and done and dead jobs by age (`retain_ms`) and dead ones by count
//! (`retain_dead`); every trimmed job is counted in `trimmed`.

use super::jobs::{DEFAULT_RETAIN_DONE, Sql, exec, now_ms, query_row};
use rusqlite::{Transaction, params};

/// The finished states retention keeps a bounded number of.
#[derive(Clone, Copy)]
pub enum Finished {
    Done,
    Cancelled,
}

impl Finished {
    fn state(self) -> &'static str {
        match self {
            Finished::Done => "done",
            Finished::Cancelled => "cancelled",
        }
    }

    /// The queue's count of kept jobs in this state, maintained so that retention never
    /// counts rows.
    fn counter(self) -> &'static str {
        match self {
            Finished::Done => "kept_done",
            Finished::Cancelled => "kept_cancelled",
        }
    }
}

/// Removes the oldest finished jobs past the queue's retention, counting them.
pub(super) fn trim(tx: &Transaction, queue: &str, finished: Finished) -> Sql<()> {
    let (kept, retain): (i64, i64) = query_row(
        tx,
        &format!(
            "SELECT {}, COALESCE(retain_done, ?2) FROM queues WHERE name = ?1",
            finished.counter()
        ),
        params![queue, DEFAULT_RETAIN_DONE],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let excess = kept - retain;
    if excess > 0 {
        // the state is written into the statement: a parameter cannot prove the condition of
        // the `jobs_finished` index, and without it SQLite sorts every job of the queue
        let removed = exec(
            tx,
            &format!(
                "DELETE FROM jobs WHERE queue = ?1 AND id IN (SELECT id FROM jobs
                   WHERE queue = ?1 AND state = '{}' ORDER BY finished_at LIMIT ?2)",
                finished.state()
            ),
            params![queue, excess],
        )? as i64;
        exec(
            tx,
            &format!(
                "UPDATE queues SET trimmed = trimmed + ?2, {0} = {0} - ?2 WHERE name = ?1",
                finished.counter()
            ),
            params![queue, removed],
        )?;
    }
    Ok(())
}

/// Retention beyond `retain_done`: done or dead jobs that finished longer ago than the queue's
/// `retain_ms`, and the oldest dead jobs past its `retain_dead`; counted as trimmed.
pub(super) fn trim_retained(tx: &Transaction, queue: &str, state: &'static str) -> Sql<()> {
    let (retain_ms, retain_dead): (i64, i64) = query_row(
        tx,
        "SELECT retain_ms, retain_dead FROM queues WHERE name = ?1",
        [queue],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let mut removed = 0i64;
    if retain_ms > 0 {
        removed += exec(
            tx,
            &format!(
                "DELETE FROM jobs WHERE queue = ?1 AND id IN (SELECT id FROM jobs
                   WHERE queue = ?1 AND state = '{state}' AND finished_at < ?2
                   ORDER BY finished_at LIMIT 1000)"
            ),
            params![queue, now_ms() - retain_ms],
        )? as i64;
    }
    if state == "dead" && retain_dead > 0 {
        let dead: i64 = query_row(
            tx,
            "SELECT COUNT(*) FROM jobs WHERE queue = ?1 AND state = 'dead'",
            [queue],
            |row| row.get(0),
        )?;
        if dead > retain_dead {
            removed += exec(
                tx,
                "DELETE FROM jobs WHERE queue = ?1 AND id IN (SELECT id FROM jobs
                   WHERE queue = ?1 AND state = 'dead' ORDER BY finished_at LIMIT ?2)",
                params![queue, dead - retain_dead],
            )? as i64;
        }
    }
    if removed > 0 {
        // done jobs are also counted for retain_done; dead ones are not
        let kept = if state == "done" { removed } else { 0 };
        exec(
            tx,
            "UPDATE queues SET trimmed = trimmed + ?2, kept_done = kept_done - ?3 WHERE name = ?1",
            params![queue, removed, kept],
        )?;
    }
    Ok(())
}
