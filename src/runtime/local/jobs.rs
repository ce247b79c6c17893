//! The job operations of the local store, one transaction each: the counterparts of the Redis
//! scripts, with the same semantics (fencing tokens, idempotent acks, head-of-queue
//! re-delivery, retention). Heartbeats and recovery are in `recovery.rs`.

use super::retention::{Finished, trim, trim_retained};
use crate::runtime::backend::LeaseRequest;
use crate::runtime::job::{
    AckReport, AttemptError, Completion, EnqueueOutcome, EnqueueStatus, FailOutcome, FailureReport,
    LeaseBatch, LeasedJob, NewJob, Schedule,
};
use rusqlite::{OptionalExtension, Transaction, params};
use std::time::Duration;

pub type Sql<T> = rusqlite::Result<T>;

/// Failed attempts remembered per job, as on Redis.
const ERROR_HISTORY: usize = 10;
/// Done (and cancelled) jobs kept per queue unless the queue says otherwise.
pub const DEFAULT_RETAIN_DONE: i64 = 100_000;
/// Width of a throughput bucket.
pub const BUCKET_MS: i64 = 10_000;
/// At most one recovery sweep per queue in this window.
pub(super) const REAPER_LOCK_MS: i64 = 1000;
/// Expired leases handled per sweep.
pub(super) const REAP_BATCH: i64 = 1000;

/// Runs a statement through the connection's statement cache: preparing SQL costs more than
/// running it.
pub fn exec<P: rusqlite::Params>(tx: &Transaction, sql: &str, params: P) -> Sql<usize> {
    tx.prepare_cached(sql)?.execute(params)
}

/// One row through the statement cache.
pub fn query_row<T, P: rusqlite::Params>(
    tx: &Transaction,
    sql: &str,
    params: P,
    read: impl FnOnce(&rusqlite::Row<'_>) -> Sql<T>,
) -> Sql<T> {
    tx.prepare_cached(sql)?.query_row(params, read)
}

pub use crate::runtime::job::now_ms;

/// Makes sure the queue has its row (settings and counters).
pub fn ensure_queue(tx: &Transaction, queue: &str) -> Sql<()> {
    exec(
        tx,
        "INSERT INTO queues (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
        [queue],
    )?;
    Ok(())
}

/// The next position at the tail (`next_order`) or head (`head_order`) of the ready jobs.
pub(super) fn take_order(tx: &Transaction, queue: &str, head: bool) -> Sql<i64> {
    let sql = if head {
        "UPDATE queues SET head_order = head_order - 1 WHERE name = ?1 RETURNING head_order"
    } else {
        "UPDATE queues SET next_order = next_order + 1 WHERE name = ?1 RETURNING next_order"
    };
    query_row(tx, sql, [queue], |row| row.get(0))
}

pub(super) fn push_error(history: Option<String>, attempt: i64, at: i64, message: &str) -> String {
    let mut entries: Vec<AttemptError> = history
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    entries.push(AttemptError {
        attempt: attempt.max(0) as u32,
        at,
        error: message.to_string(),
    });
    let excess = entries.len().saturating_sub(ERROR_HISTORY);
    entries.drain(..excess);
    serde_json::to_string(&entries).unwrap_or_else(|_| "[]".to_string())
}

pub(super) fn release_unique(tx: &Transaction, queue: &str, id: &str) -> Sql<()> {
    exec(
        tx,
        "DELETE FROM uniques WHERE queue = ?1 AND id = ?2 AND expires_at IS NULL",
        params![queue, id],
    )?;
    Ok(())
}

pub fn enqueue(tx: &Transaction, queue: &str, jobs: &[NewJob]) -> Sql<Vec<EnqueueOutcome>> {
    ensure_queue(tx, queue)?;
    let now = now_ms();
    let (max_len, mut next_order): (i64, i64) = query_row(
        tx,
        "SELECT max_len, next_order FROM queues WHERE name = ?1",
        [queue],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let mut size: i64 = if max_len > 0 {
        query_row(
            tx,
            "SELECT COUNT(*) FROM jobs WHERE queue = ?1 AND state IN ('pending', 'delayed')",
            [queue],
            |row| row.get(0),
        )?
    } else {
        0
    };
    if jobs.iter().any(|job| job.unique_key.is_some()) {
        exec(
            tx,
            "DELETE FROM uniques WHERE queue = ?1 AND expires_at IS NOT NULL AND expires_at <= ?2",
            params![queue, now],
        )?;
    }
    let mut outcomes = Vec::with_capacity(jobs.len());
    let mut added = 0i64;
    for job in jobs {
        if let Some(session) = &job.session {
            let status: Option<String> = query_row(
                tx,
                "SELECT status FROM sessions WHERE queue = ?1 AND session = ?2",
                params![queue, session],
                |row| row.get(0),
            )
            .optional()?;
            if status.as_deref() == Some("stopped") {
                outcomes.push(outcome(job.id.clone(), EnqueueStatus::Stopped));
                continue;
            }
        }
        if let Some(key) = &job.unique_key {
            let holder: Option<String> = query_row(
                tx,
                "SELECT id FROM uniques WHERE queue = ?1 AND key = ?2",
                params![queue, key],
                |row| row.get(0),
            )
            .optional()?;
            if let Some(holder) = holder {
                outcomes.push(outcome(holder, EnqueueStatus::Duplicate));
                continue;
            }
        }
        if max_len > 0 && size >= max_len {
            // an existing id is still a duplicate, not a rejection
            let exists = query_row(
                tx,
                "SELECT 1 FROM jobs WHERE queue = ?1 AND id = ?2",
                params![queue, job.id],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
            let status = if exists {
                EnqueueStatus::Duplicate
            } else {
                EnqueueStatus::Full
            };
            outcomes.push(outcome(job.id.clone(), status));
            continue;
        }
        let run_at = match job.schedule {
            Schedule::Now => now,
            Schedule::In(delay) => now + delay.as_millis() as i64,
            Schedule::At(at) => at,
        };
        let (state, run_at, order) = if run_at > now {
            ("delayed", run_at, None)
        } else {
            ("pending", run_at, Some(next_order + 1))
        };
        // an explicit id that already exists is an idempotent retry of the same enqueue
        let inserted = exec(
            tx,
            "INSERT OR IGNORE INTO jobs (queue, id, state, priority, ready_order, data,
               max_attempts, timeout_ms, created_at, run_at, unique_key, unique_until_done,
               correlation_id, session)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                queue,
                job.id,
                state,
                job.priority,
                order,
                job.data,
                job.max_attempts.unwrap_or(0),
                job.timeout.map_or(0, |timeout| timeout.as_millis() as i64),
                now,
                run_at,
                job.unique_key,
                job.unique_key.is_some() && job.unique_ttl.is_none(),
                job.correlation_id,
                job.session,
            ],
        )?;
        if inserted == 0 {
            outcomes.push(outcome(job.id.clone(), EnqueueStatus::Duplicate));
            continue;
        }
        if order.is_some() {
            next_order += 1;
        }
        if let Some(key) = &job.unique_key {
            let expires = job
                .unique_ttl
                .map(|ttl| now + ttl.as_millis().max(1) as i64);
            exec(
                tx,
                "INSERT INTO uniques (queue, key, id, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![queue, key, job.id, expires],
            )?;
        }
        if let Some(session) = &job.session {
            exec(
                tx,
                "INSERT INTO sessions (queue, session, created_at, last_at) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (queue, session) DO UPDATE SET last_at = excluded.last_at",
                params![queue, session, now],
            )?;
        }
        size += 1;
        added += 1;
        outcomes.push(outcome(job.id.clone(), EnqueueStatus::Enqueued));
    }
    exec(
        tx,
        "UPDATE queues SET enqueued = enqueued + ?2, next_order = ?3 WHERE name = ?1",
        params![queue, added, next_order],
    )?;
    Ok(outcomes)
}

fn outcome(id: String, status: EnqueueStatus) -> EnqueueOutcome {
    EnqueueOutcome { id, status }
}

fn first_of(tx: &Transaction, queue: &str, sql: &str) -> Sql<Option<i64>> {
    query_row(tx, sql, [queue], |row| row.get(0))
}

pub fn lease(tx: &Transaction, queue: &str, request: &LeaseRequest) -> Sql<LeaseBatch> {
    ensure_queue(tx, queue)?;
    let now = now_ms();
    let due: Vec<String> = {
        let mut statement = tx.prepare_cached(
            "SELECT id FROM jobs WHERE queue = ?1 AND state = 'delayed' AND run_at <= ?2
             ORDER BY run_at LIMIT 1000",
        )?;
        statement
            .query_map(params![queue, now], |row| row.get(0))?
            .collect::<Sql<_>>()?
    };
    for id in due {
        let order = take_order(tx, queue, false)?;
        exec(
            tx,
            "UPDATE jobs SET state = 'pending', ready_order = ?3 WHERE queue = ?1 AND id = ?2",
            params![queue, id, order],
        )?;
    }
    let next_delayed = "SELECT MIN(run_at) FROM jobs WHERE queue = ?1 AND state = 'delayed'";
    let (paused, fence, fair, limits): (bool, i64, bool, super::limits::QueueLimits) = query_row(
        tx,
        "SELECT paused, fence, fair, rate_us, rate_burst, rate_tat, max_inflight FROM queues
         WHERE name = ?1",
        [queue],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                super::limits::QueueLimits {
                    rate_us: row.get(3)?,
                    rate_burst: row.get(4)?,
                    rate_tat: row.get(5)?,
                    max_inflight: row.get(6)?,
                },
            ))
        },
    )?;
    let mut batch = LeaseBatch {
        now,
        paused,
        ..LeaseBatch::default()
    };
    if paused {
        batch.next_delayed_at = first_of(tx, queue, next_delayed)?;
        return Ok(batch);
    }
    let admission = super::limits::admit(tx, queue, request, &limits)?;
    if admission.wanted == 0 {
        batch.limited_ms = admission.limited_ms;
        return Ok(batch);
    }
    let deadline = now + request.lease.as_millis() as i64;
    let mut fence = fence;
    let mut leased = Vec::new();
    const COLUMNS: &str = "SELECT id, data, attempts, max_attempts, timeout_ms, priority,
        created_at, run_at, correlation_id, outputs, session FROM jobs";
    let read = |row: &rusqlite::Row<'_>| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, i64>(6)?,
            row.get::<_, i64>(7)?,
            row.get::<_, Option<String>>(8)?,
            row.get::<_, Option<String>>(9)?,
            row.get::<_, Option<String>>(10)?,
        ))
    };
    if fair {
        let mut statement =
            tx.prepare_cached(&format!("{COLUMNS} WHERE queue = ?1 AND id = ?2"))?;
        for id in super::fair::pick(tx, queue, admission.wanted)? {
            leased.push(statement.query_row(params![queue, id], read)?);
        }
    } else {
        let mut statement = tx.prepare_cached(&format!(
            "{COLUMNS} WHERE queue = ?1 AND state = 'pending' ORDER BY priority, ready_order
             LIMIT ?2"
        ))?;
        for row in statement.query_map(params![queue, admission.wanted as i64], read)? {
            leased.push(row?);
        }
    }
    for (
        id,
        data,
        attempts,
        max_attempts,
        timeout_ms,
        priority,
        created_at,
        run_at,
        correlation_id,
        outputs,
        session,
    ) in leased
    {
        fence += 1;
        let attempts = attempts + 1;
        let max_attempts = if max_attempts == 0 {
            i64::from(request.default_max_attempts)
        } else {
            max_attempts
        };
        exec(
            tx,
            "UPDATE jobs SET state = 'active', attempts = ?3, max_attempts = ?4, token = ?5,
               owner = ?6, started_at = ?7, lease_deadline = ?8, ready_order = NULL
             WHERE queue = ?1 AND id = ?2",
            params![
                queue,
                id,
                attempts,
                max_attempts,
                fence.to_string(),
                request.owner,
                now,
                deadline
            ],
        )?;
        batch.jobs.push(LeasedJob {
            id,
            queue: queue.to_string(),
            token: fence.to_string(),
            data,
            attempts: attempts as u32,
            max_attempts: max_attempts as u32,
            timeout: (timeout_ms > 0).then(|| Duration::from_millis(timeout_ms as u64)),
            priority: priority as u8,
            created_at,
            run_at,
            correlation_id,
            outputs: outputs.unwrap_or_default(),
            session,
        });
    }
    if batch.jobs.is_empty() {
        batch.next_delayed_at = first_of(tx, queue, next_delayed)?;
        batch.next_lease_expiry = first_of(
            tx,
            queue,
            "SELECT MIN(lease_deadline) FROM jobs WHERE queue = ?1 AND state = 'active'",
        )?;
    } else {
        exec(
            tx,
            "UPDATE queues SET fence = ?2 WHERE name = ?1",
            params![queue, fence],
        )?;
        super::limits::commit(tx, queue, &admission, batch.jobs.len())?;
    }
    Ok(batch)
}

/// The token and state of a job, if it exists.
pub(super) fn lease_state(
    tx: &Transaction,
    queue: &str,
    id: &str,
) -> Sql<Option<(Option<String>, String)>> {
    query_row(
        tx,
        "SELECT token, state FROM jobs WHERE queue = ?1 AND id = ?2",
        params![queue, id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

pub fn complete(tx: &Transaction, queue: &str, completions: &[Completion]) -> Sql<AckReport> {
    let now = now_ms();
    let mut report = AckReport::default();
    for completion in completions {
        let found: Option<(Option<String>, String, bool)> = query_row(
            tx,
            "SELECT token, state, unique_until_done FROM jobs WHERE queue = ?1 AND id = ?2",
            params![queue, completion.id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
        match found {
            Some((Some(token), state, holds_unique))
                if token == completion.token && state == "active" =>
            {
                exec(
                    tx,
                    "UPDATE jobs SET state = 'done', finished_at = ?3, outputs = ?4,
                       lease_deadline = NULL WHERE queue = ?1 AND id = ?2",
                    params![queue, completion.id, now, completion.outputs],
                )?;
                if holds_unique {
                    release_unique(tx, queue, &completion.id)?;
                }
                report.acked += 1;
            }
            Some((Some(token), state, _)) if token == completion.token && state == "done" => {
                report.already += 1;
            }
            _ => report.stale.push(completion.id.clone()),
        }
    }
    if report.acked > 0 {
        exec(
            tx,
            "UPDATE queues SET done = done + ?2, kept_done = kept_done + ?2 WHERE name = ?1",
            params![queue, report.acked as i64],
        )?;
        let bucket = now / BUCKET_MS;
        exec(
            tx,
            "INSERT INTO throughput (queue, bucket, count) VALUES (?1, ?2, ?3)
             ON CONFLICT (queue, bucket) DO UPDATE SET count = count + excluded.count",
            params![queue, bucket, report.acked as i64],
        )?;
        exec(
            tx,
            "DELETE FROM throughput WHERE queue = ?1 AND bucket < ?2",
            params![queue, bucket - 300_000 / BUCKET_MS - 1],
        )?;
        trim(tx, queue, Finished::Done)?;
        trim_retained(tx, queue, "done")?;
    }
    Ok(report)
}

pub fn fail(tx: &Transaction, queue: &str, report: &FailureReport) -> Sql<FailOutcome> {
    let now = now_ms();
    match lease_state(tx, queue, &report.id)? {
        Some((Some(token), state)) if token == report.token && state == "active" => {}
        _ => return Ok(FailOutcome::Stale),
    }
    let (attempts, history): (i64, Option<String>) = query_row(
        tx,
        "SELECT attempts, errors FROM jobs WHERE queue = ?1 AND id = ?2",
        params![queue, report.id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let errors = push_error(history, attempts, now, &report.error);
    exec(
        tx,
        "UPDATE jobs SET token = NULL, lease_deadline = NULL, last_error = ?3, stderr = ?4,
           outputs = ?5, errors = ?6 WHERE queue = ?1 AND id = ?2",
        params![
            queue,
            report.id,
            report.error,
            report.stderr,
            report.outputs,
            errors
        ],
    )?;
    if let Some(delay) = report.retry_delay {
        exec(
            tx,
            "UPDATE jobs SET state = 'delayed', run_at = ?3 WHERE queue = ?1 AND id = ?2",
            params![queue, report.id, now + delay.as_millis() as i64],
        )?;
        exec(
            tx,
            "UPDATE queues SET retried = retried + 1 WHERE name = ?1",
            [queue],
        )?;
        return Ok(FailOutcome::Retry);
    }
    exec(
        tx,
        "UPDATE jobs SET state = 'dead', finished_at = ?3 WHERE queue = ?1 AND id = ?2",
        params![queue, report.id, now],
    )?;
    release_unique(tx, queue, &report.id)?;
    trim_retained(tx, queue, "dead")?;
    Ok(FailOutcome::Dead)
}

/// Puts a job at the head of its queue, ready now.
pub(super) fn to_head(tx: &Transaction, queue: &str, id: &str) -> Sql<()> {
    let order = take_order(tx, queue, true)?;
    exec(
        tx,
        "UPDATE jobs SET state = 'pending', ready_order = ?3, token = NULL, lease_deadline = NULL
         WHERE queue = ?1 AND id = ?2",
        params![queue, id, order],
    )?;
    Ok(())
}
