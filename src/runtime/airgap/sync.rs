//! `sync`: pushes spooled jobs to Redis in batches. Each batch is claimed in the spool first
//! (so no local worker runs it meanwhile), pushed with its ids as idempotency keys, then
//! settled: delivered jobs leave the spool, conflicts stay marked, the rest stay as they were.
//! A sync killed at any point is finished by the next one, and no job arrives twice.

use super::seal::checksum_of_value;
use super::state::SyncSummary;
use crate::runtime::backend::{Backend, ProgressSink};
use crate::runtime::error::BackendError;
use crate::runtime::job::{EnqueueStatus, NewJob, now_ms};
use crate::runtime::local::{LocalBackend, Settled, SpooledJob};
use serde::Serialize;

#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    /// Report what would happen; change nothing in the spool or in Redis.
    pub dry_run: bool,
    /// Jobs per claim and per push.
    pub batch: usize,
}

/// A job named in a sync report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpooledRef {
    pub queue: String,
    pub id: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    pub dry_run: bool,
    /// Added to Redis (with --dry-run: would be).
    pub pushed: u64,
    /// Already in Redis with the same checksum: an earlier sync, or an enqueue whose reply
    /// was lost, put it there.
    pub already_present: u64,
    /// In Redis under the same id with other content: kept in the spool, listed here.
    pub conflicts: Vec<SpooledRef>,
    /// Not pushed this time (Redis refused or went away, or a queue was full): still spooled.
    pub failed: u64,
    /// Records that failed authentication: skipped, kept, listed here.
    pub tampered: Vec<SpooledRef>,
    /// Why the sync stopped early, if it did.
    pub stopped_by: Option<String>,
    /// The error that stopped it, for the exit code.
    #[serde(skip)]
    pub error: Option<BackendError>,
}

impl SyncReport {
    pub fn summary(&self) -> SyncSummary {
        SyncSummary {
            at: now_ms(),
            pushed: self.pushed,
            already_present: self.already_present,
            conflicts: self.conflicts.len() as u64,
            failed: self.failed,
            tampered: self.tampered.len() as u64,
        }
    }
}

/// Pushes every pending spooled job to `redis`.
pub async fn sync(
    redis: &dyn Backend,
    spool: &LocalBackend,
    options: SyncOptions,
    progress: &dyn ProgressSink,
) -> Result<SyncReport, BackendError> {
    let mut report = SyncReport {
        dry_run: options.dry_run,
        ..SyncReport::default()
    };
    progress.set_total(spool.spool_counts().await?.held);
    let mut cursor: Option<(String, String)> = None;
    loop {
        let claimed = spool
            .claim_for_sync(cursor.clone(), options.batch.max(1), !options.dry_run)
            .await?;
        let Some(last) = claimed.last() else {
            break;
        };
        cursor = Some((last.queue.clone(), last.id.clone()));
        let settled = push_batch(redis, spool, &claimed, options.dry_run, &mut report).await;
        if !options.dry_run {
            spool.settle_sync(settled).await?;
        }
        progress.advance(claimed.len() as u64);
        if report.error.is_some() {
            break;
        }
    }
    Ok(report)
}

/// Pushes one claimed batch, queue by queue, and says how each job ended.
async fn push_batch(
    redis: &dyn Backend,
    spool: &LocalBackend,
    claimed: &[SpooledJob],
    dry_run: bool,
    report: &mut SyncReport,
) -> Vec<(String, String, Settled)> {
    let now = now_ms();
    let mut settled = Vec::with_capacity(claimed.len());
    let mut start = 0;
    while start < claimed.len() {
        let queue = &claimed[start].queue;
        let end = start
            + claimed[start..]
                .iter()
                .take_while(|job| &job.queue == queue)
                .count();
        let mut jobs: Vec<(NewJob, [u8; 32])> = Vec::with_capacity(end - start);
        for spooled in &claimed[start..end] {
            match spool.open_spooled(spooled) {
                Ok((data, checksum)) => jobs.push((spooled.to_new_job(data, now), checksum)),
                Err(_) => {
                    report.tampered.push(SpooledRef {
                        queue: queue.clone(),
                        id: spooled.id.clone(),
                    });
                    settled.push((queue.clone(), spooled.id.clone(), Settled::Kept));
                }
            }
        }
        start = end;
        if report.error.is_some() {
            // Redis already failed this sync: the rest stay spooled for the next one
            report.failed += jobs.len() as u64;
            settled.extend(
                jobs.iter()
                    .map(|(job, _)| (queue.clone(), job.id.clone(), Settled::Kept)),
            );
            continue;
        }
        let outcomes = if dry_run {
            preview(redis, queue, &jobs).await
        } else {
            let new_jobs: Vec<NewJob> = jobs.iter().map(|(job, _)| job.clone()).collect();
            redis.enqueue(queue, &new_jobs).await
        };
        let outcomes = match outcomes {
            Ok(outcomes) => outcomes,
            Err(error) => {
                report.failed += jobs.len() as u64;
                report.stopped_by = Some(error.to_string());
                report.error = Some(error);
                settled.extend(
                    jobs.iter()
                        .map(|(job, _)| (queue.clone(), job.id.clone(), Settled::Kept)),
                );
                continue;
            }
        };
        for ((job, checksum), outcome) in jobs.iter().zip(outcomes) {
            let how = match outcome.status {
                EnqueueStatus::Enqueued | EnqueueStatus::Spooled => {
                    report.pushed += 1;
                    Settled::Delivered
                }
                // a unique key held by another job: that job stands for this one, as with
                // any duplicate unique enqueue
                EnqueueStatus::Duplicate if outcome.id != job.id => {
                    report.already_present += 1;
                    Settled::Delivered
                }
                EnqueueStatus::Duplicate => match redis.job(queue, &job.id).await {
                    Ok(Some(record))
                        if checksum_of_value(queue, &job.id, &record.data) == *checksum =>
                    {
                        report.already_present += 1;
                        Settled::Delivered
                    }
                    Ok(Some(_)) => {
                        report.conflicts.push(SpooledRef {
                            queue: queue.clone(),
                            id: job.id.clone(),
                        });
                        Settled::Conflict
                    }
                    // gone again between the two calls (trimmed): the next sync pushes it
                    Ok(None) | Err(_) => {
                        report.failed += 1;
                        Settled::Kept
                    }
                },
                // a full queue or a stopped session: kept, and counted, for the next sync
                EnqueueStatus::Full | EnqueueStatus::Stopped => {
                    report.failed += 1;
                    Settled::Kept
                }
            };
            settled.push((queue.clone(), job.id.clone(), how));
        }
    }
    settled
}

/// What a push would do, asked without writing: absent ids would be pushed, present ones
/// are compared by checksum.
async fn preview(
    redis: &dyn Backend,
    queue: &str,
    jobs: &[(NewJob, [u8; 32])],
) -> Result<Vec<crate::runtime::job::EnqueueOutcome>, BackendError> {
    let ids: Vec<String> = jobs.iter().map(|(job, _)| job.id.clone()).collect();
    let present = redis.existing(queue, &ids).await?;
    Ok(ids
        .into_iter()
        .zip(present)
        .map(|(id, there)| crate::runtime::job::EnqueueOutcome {
            id,
            status: if there {
                EnqueueStatus::Duplicate
            } else {
                EnqueueStatus::Enqueued
            },
        })
        .collect())
}
