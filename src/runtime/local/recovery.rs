//! Heartbeats and lease recovery in the local store: extend first, then recover leases that
//! expired before the reaper's own previous beat (the same rule as the Redis `beat` script),
//! and release at shutdown.

use super::jobs::{
    REAP_BATCH, REAPER_LOCK_MS, Sql, ensure_queue, exec, lease_state, now_ms, push_error,
    query_row, release_unique, to_head,
};
use crate::runtime::backend::{BeatReport, BeatRequest, RecoverReport};
use crate::runtime::job::{LeaseRef, LeaseStatus};
use rusqlite::{OptionalExtension, Transaction, params};

/// The jobs one recovery sweep moved, for their events.
#[derive(Debug, Default)]
pub struct Recovered {
    pub retried: Vec<String>,
    pub dead: Vec<String>,
}

pub fn beat(
    tx: &Transaction,
    queue: &str,
    request: &BeatRequest,
    recovered: &mut Recovered,
) -> Sql<BeatReport> {
    ensure_queue(tx, queue)?;
    let now = now_ms();
    let previous: Option<i64> = query_row(
        tx,
        "SELECT beat_at FROM workers WHERE queue = ?1 AND worker = ?2",
        params![queue, request.owner],
        |row| row.get(0),
    )
    .optional()?;
    exec(
        tx,
        "INSERT INTO workers (queue, worker, beat_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (queue, worker) DO UPDATE SET beat_at = excluded.beat_at",
        params![queue, request.owner, now],
    )?;
    let deadline = now + request.lease.as_millis() as i64;
    let mut report = BeatReport::default();
    for held in &request.leases {
        let status = match lease_state(tx, queue, &held.id)? {
            Some((Some(token), state)) if token == held.token && state == "active" => {
                exec(
                    tx,
                    "UPDATE jobs SET lease_deadline = ?3 WHERE queue = ?1 AND id = ?2",
                    params![queue, held.id, deadline],
                )?;
                LeaseStatus::Extended
            }
            Some((_, state)) if state == "cancelled" => LeaseStatus::Cancelled,
            _ => LeaseStatus::Lost,
        };
        report.statuses.push(status);
    }
    let Some(previous) = previous else {
        return Ok(report);
    };
    let locked = exec(
        tx,
        "UPDATE queues SET reaper_until = ?2 WHERE name = ?1 AND reaper_until <= ?3",
        params![queue, now + REAPER_LOCK_MS, now],
    )?;
    if locked == 0 {
        return Ok(report);
    }
    exec(
        tx,
        "DELETE FROM workers WHERE queue = ?1 AND beat_at < ?2",
        params![queue, now - 3_600_000],
    )?;
    report.recovered = Some(recover(tx, queue, previous, now, recovered)?);
    // the sweep also applies the age limit, so an idle queue forgets old jobs too
    for state in ["done", "dead"] {
        super::retention::trim_retained(tx, queue, state)?;
    }
    Ok(report)
}

/// Leases that expired before the reaper's own previous beat: their owner stopped beating
/// (retry or dead), or beats on without them (it never got them: back, unspent).
fn recover(
    tx: &Transaction,
    queue: &str,
    previous: i64,
    now: i64,
    recovered: &mut Recovered,
) -> Sql<RecoverReport> {
    type Expired = (String, i64, i64, i64, Option<String>, Option<String>);
    let expired: Vec<Expired> = {
        let mut statement = tx.prepare_cached(
            "SELECT id, lease_deadline, attempts, max_attempts, owner, errors FROM jobs
             WHERE queue = ?1 AND state = 'active' AND lease_deadline < ?2
             ORDER BY lease_deadline DESC LIMIT ?3",
        )?;
        statement
            .query_map(params![queue, previous, REAP_BATCH], |row| row.try_into())?
            .collect::<Sql<_>>()?
    };
    let mut report = RecoverReport::default();
    // latest deadline first, so the earliest ends up at the head
    for (id, lease_deadline, attempts, max_attempts, owner, history) in expired {
        let owner_beat: Option<i64> = query_row(
            tx,
            "SELECT beat_at FROM workers WHERE queue = ?1 AND worker = ?2",
            params![queue, owner.clone().unwrap_or_default()],
            |row| row.get(0),
        )
        .optional()?;
        if owner_beat.is_some_and(|beat| beat > lease_deadline) {
            exec(
                tx,
                "UPDATE jobs SET attempts = attempts - 1 WHERE queue = ?1 AND id = ?2",
                params![queue, id],
            )?;
            to_head(tx, queue, &id)?;
            report.returned += 1;
            continue;
        }
        let message = format!(
            "lease expired (worker {} stopped heartbeating)",
            owner.as_deref().unwrap_or("?")
        );
        let errors = push_error(history, attempts, now, &message);
        exec(
            tx,
            "UPDATE jobs SET last_error = ?3, errors = ?4 WHERE queue = ?1 AND id = ?2",
            params![queue, id, message, errors],
        )?;
        if attempts >= max_attempts {
            exec(
                tx,
                "UPDATE jobs SET state = 'dead', finished_at = ?3, token = NULL,
                   lease_deadline = NULL WHERE queue = ?1 AND id = ?2",
                params![queue, id, now],
            )?;
            release_unique(tx, queue, &id)?;
            report.dead += 1;
            recovered.dead.push(id);
        } else {
            to_head(tx, queue, &id)?;
            report.retried += 1;
            recovered.retried.push(id);
        }
    }
    if report.retried > 0 {
        exec(
            tx,
            "UPDATE queues SET retried = retried + ?2 WHERE name = ?1",
            params![queue, report.retried as i64],
        )?;
    }
    Ok(report)
}

pub fn release(tx: &Transaction, queue: &str, leases: &[LeaseRef]) -> Sql<u64> {
    let mut released = 0;
    // in reverse, so the released jobs keep their order at the head
    for held in leases.iter().rev() {
        match lease_state(tx, queue, &held.id)? {
            Some((Some(token), state)) if token == held.token && state == "active" => {
                exec(
                    tx,
                    "UPDATE jobs SET attempts = attempts - 1, owner = NULL
                     WHERE queue = ?1 AND id = ?2",
                    params![queue, held.id],
                )?;
                to_head(tx, queue, &held.id)?;
                released += 1;
            }
            _ => {}
        }
    }
    Ok(released)
}
