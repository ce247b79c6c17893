//! Fleet-wide limits on the local store, and checkpoints: a queue's rate and `max_inflight`
//! applied when jobs are leased, a step's rate taken on its own, each inside one write
//! transaction with the same GCRA arithmetic as Redis, so every process sharing the store
//! shares the budget.

use super::jobs::{Sql, exec, query_row};
use crate::runtime::backend::LeaseRequest;
use crate::runtime::job::LeaseRef;
use crate::runtime::rate::{Rate, grant};
use rusqlite::{OptionalExtension, Transaction, params};
use std::time::Duration;

/// How many jobs a lease may take under the queue's limits.
pub struct Admission {
    pub wanted: usize,
    /// Set when none may be taken now: look again after this many ms.
    pub limited_ms: Option<u64>,
    /// The rate in force (interval µs) and the arrival time to advance per job taken.
    rate: Option<(u64, u64)>,
}

fn now_us() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_micros() as u64)
}

/// A queue's own limits, read with the rest of its row when a lease starts.
pub struct QueueLimits {
    pub rate_us: i64,
    pub rate_burst: i64,
    pub rate_tat: i64,
    pub max_inflight: i64,
}

/// The stricter of the queue's and the pipeline's limits, applied to a lease request.
pub fn admit(
    tx: &Transaction,
    queue: &str,
    request: &LeaseRequest,
    limits: &QueueLimits,
) -> Sql<Admission> {
    let (mut interval, mut burst, tat, cap) = (
        limits.rate_us,
        limits.rate_burst,
        limits.rate_tat,
        limits.max_inflight,
    );
    if let Some(rate) = request.rate
        && rate.interval_us() as i64 > interval
    {
        (interval, burst) = (rate.interval_us() as i64, rate.burst() as i64);
    }
    let mut cap = cap as u64;
    if let Some(limit) = request.max_inflight
        && (cap == 0 || u64::from(limit) < cap)
    {
        cap = u64::from(limit);
    }
    let mut admission = Admission {
        wanted: request.max_jobs,
        limited_ms: None,
        rate: None,
    };
    if cap > 0 {
        let running: i64 = query_row(
            tx,
            "SELECT COUNT(*) FROM jobs WHERE queue = ?1 AND state = 'active'",
            [queue],
            |row| row.get(0),
        )?;
        let room = cap.saturating_sub(running as u64) as usize;
        if room == 0 {
            // a running job frees a slot when it ends; look again shortly
            admission.wanted = 0;
            admission.limited_ms = Some(20);
            return Ok(admission);
        }
        admission.wanted = admission.wanted.min(room);
    }
    if interval > 0 {
        let (granted, _, wait) = grant(
            tat as u64,
            now_us(),
            admission.wanted as u64,
            interval as u64,
            burst as u64,
        );
        if granted == 0 {
            admission.wanted = 0;
            admission.limited_ms = Some(wait.div_ceil(1000));
            return Ok(admission);
        }
        admission.wanted = granted as usize;
        admission.rate = Some((interval as u64, (tat as u64).max(now_us())));
    }
    Ok(admission)
}

/// Advances the queue's rate by the jobs a lease took.
pub fn commit(tx: &Transaction, queue: &str, admission: &Admission, taken: usize) -> Sql<()> {
    if let (Some((interval, tat)), true) = (admission.rate, taken > 0) {
        exec(
            tx,
            "UPDATE queues SET rate_tat = ?2 WHERE name = ?1",
            params![queue, (tat + interval * taken as u64) as i64],
        )?;
    }
    Ok(())
}

/// Takes up to `wanted` starts from a step's fleet-wide rate.
pub fn take_rate(
    tx: &Transaction,
    queue: &str,
    scope: &str,
    rate: &Rate,
    wanted: u64,
) -> Sql<(u64, Duration)> {
    let tat: Option<i64> = tx
        .query_row(
            "SELECT tat FROM rates WHERE queue = ?1 AND scope = ?2",
            params![queue, scope],
            |row| row.get(0),
        )
        .optional()?;
    let now = now_us();
    let (granted, next, wait) = grant(
        tat.unwrap_or(0) as u64,
        now,
        wanted,
        rate.interval_us(),
        rate.burst(),
    );
    if granted > 0 {
        exec(
            tx,
            "INSERT INTO rates (queue, scope, tat) VALUES (?1, ?2, ?3)
             ON CONFLICT (queue, scope) DO UPDATE SET tat = excluded.tat",
            params![queue, scope, next as i64],
        )?;
    }
    Ok((granted, Duration::from_micros(wait)))
}

/// Saves a running job's outputs if the lease is still this one.
pub fn checkpoint(tx: &Transaction, queue: &str, lease: &LeaseRef, outputs: &str) -> Sql<bool> {
    let saved = exec(
        tx,
        "UPDATE jobs SET outputs = ?4 WHERE queue = ?1 AND id = ?2 AND token = ?3
           AND state = 'active'",
        params![queue, lease.id, lease.token, outputs],
    )?;
    Ok(saved > 0)
}
