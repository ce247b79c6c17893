//! `jobs why`: why a job is not done, worked out from the job, its queue and the fleet, down
//! to the one thing to do next.

use crate::runtime::backend::Backend;
use crate::runtime::duration::format_duration;
use crate::runtime::job::{JobRecord, JobState, QueueStats, WorkerEntry, now_ms};
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub queue: String,
    pub id: String,
    pub state: JobState,
    /// The answer, in one sentence.
    pub reason: String,
    /// The one thing to do next; None when nothing needs doing.
    pub next: Option<String>,
    /// What the answer rests on, in order.
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub name: &'static str,
    pub value: String,
}

/// Gathers the job's queue and the fleet, and explains `job`.
pub async fn explain(backend: &dyn Backend, job: JobRecord) -> anyhow::Result<Explanation> {
    let stats = backend.queue_stats(&job.queue).await?;
    let workers = backend.workers().await?;
    Ok(reason(job, &stats, &workers, now_ms()))
}

fn ago(ms: i64, now: i64) -> String {
    format!(
        "{} ago",
        format_duration(Duration::from_millis((now - ms).max(0) as u64))
    )
}

fn ahead(ms: i64, now: i64) -> String {
    format!(
        "in {}",
        format_duration(Duration::from_millis((ms - now).max(0) as u64))
    )
}

/// The explanation, from what was read (a pure function, so every case is testable).
pub fn reason(
    job: JobRecord,
    stats: &QueueStats,
    workers: &[WorkerEntry],
    now: i64,
) -> Explanation {
    let queue = job.queue.clone();
    let serving: Vec<&WorkerEntry> = workers
        .iter()
        .filter(|worker| !worker.stale && worker.info.queues.contains(&queue))
        .collect();
    let mut facts = vec![
        Fact {
            name: "state",
            value: job.state.as_str().to_string(),
        },
        Fact {
            name: "attempts",
            value: match job.max_attempts {
                Some(max) => format!("{} of {max}", job.attempts),
                None => job.attempts.to_string(),
            },
        },
        Fact {
            name: "created",
            value: ago(job.created_at, now),
        },
    ];
    if let Some(error) = &job.last_error {
        facts.push(Fact {
            name: "last error",
            value: error.clone(),
        });
    }
    facts.push(Fact {
        name: "queue",
        value: format!(
            "{}{} pending, {} active, {} live workers serving it",
            if stats.paused { "paused; " } else { "" },
            stats.pending,
            stats.active,
            serving.len()
        ),
    });
    if let Some(max) = stats
        .max_len
        .filter(|max| stats.pending + stats.delayed >= *max)
    {
        facts.push(Fact {
            name: "backpressure",
            value: format!(
                "full: {} waiting of max_len {max}; new enqueues are rejected",
                stats.pending + stats.delayed
            ),
        });
    }
    let reference = format!("{queue}/{}", job.id);
    let no_worker = || {
        Some(format!(
            "start a worker for `{queue}`: fleetq worker PIPELINE.yaml (its pipeline's queue: {queue})"
        ))
    };
    let (reason, next) = match job.state {
        JobState::Done => (
            format!(
                "it is done (finished {})",
                job.finished_at.map_or("-".to_string(), |at| ago(at, now))
            ),
            None,
        ),
        JobState::Cancelled => (
            "it was cancelled".to_string(),
            Some(format!("run it again: fleetq jobs retry {reference}")),
        ),
        JobState::Dead => (
            format!(
                "it failed {} time{} and is in the dead-letter queue{}",
                job.attempts,
                if job.attempts == 1 { "" } else { "s" },
                job.last_error
                    .as_ref()
                    .map(|error| format!(": {error}"))
                    .unwrap_or_default()
            ),
            Some(format!(
                "fix the cause, then: fleetq dlq retry {queue} {}",
                job.id
            )),
        ),
        JobState::Active => {
            let owner = job.lease_owner.clone().unwrap_or_default();
            let holder = workers.iter().find(|worker| worker.info.id == owner);
            let beat = holder.map_or("not in the registry".to_string(), |worker| {
                format!(
                    "last beat {}{}",
                    ago(worker.seen_at, now),
                    if worker.stale { " (stale)" } else { "" }
                )
            });
            facts.push(Fact {
                name: "lease holder",
                value: format!("{owner}: {beat}"),
            });
            if let Some(deadline) = job.lease_deadline {
                facts.push(Fact {
                    name: "lease expires",
                    value: if deadline > now {
                        ahead(deadline, now)
                    } else {
                        ago(deadline, now)
                    },
                });
            }
            let expired = job.lease_deadline.is_some_and(|deadline| deadline <= now);
            let silent = holder.is_none_or(|worker| worker.stale);
            // a holder that let its lease expire is not coming back for it, stale or not yet
            let others = serving
                .iter()
                .filter(|worker| worker.info.id != owner)
                .count();
            match (expired || silent, others == 0) {
                (true, true) => (
                    format!(
                        "its worker {owner} stopped heartbeating, and no live worker serves `{queue}` to take the job back"
                    ),
                    no_worker(),
                ),
                (true, false) => (
                    format!(
                        "its worker {owner} stopped heartbeating; a live worker takes the job back once the lease expires"
                    ),
                    Some(
                        "wait for the lease to expire (the job keeps its attempt count)"
                            .to_string(),
                    ),
                ),
                (false, _) => (
                    format!(
                        "it is running on {owner} (attempt {}, started {})",
                        job.attempts,
                        job.started_at.map_or("-".to_string(), |at| ago(at, now))
                    ),
                    Some(format!("wait, or stop it: fleetq jobs cancel {reference}")),
                ),
            }
        }
        JobState::Delayed => {
            facts.push(Fact {
                name: "runs",
                value: ahead(job.run_at, now),
            });
            let why = if job.attempts > 0 {
                "it failed and waits out its retry backoff"
            } else {
                "it is scheduled for later"
            };
            (
                format!("{why}; it runs {}", ahead(job.run_at, now)),
                Some(format!("run it now: fleetq jobs retry {reference}")),
            )
        }
        JobState::Pending if stats.paused => (
            format!("queue `{queue}` is paused"),
            Some(format!("resume it: fleetq queues resume {queue}")),
        ),
        JobState::Pending if serving.is_empty() => {
            (format!("no live worker serves `{queue}`"), no_worker())
        }
        JobState::Pending => {
            let before: u64 = stats
                .pending_by_priority
                .iter()
                .take(job.priority as usize + 1)
                .sum();
            facts.push(Fact {
                name: "ahead of it",
                value: format!(
                    "up to {} jobs of priority {} or higher",
                    before.saturating_sub(1),
                    job.priority
                ),
            });
            let eta = (stats.throughput_1m > 0.0).then(|| {
                format!(
                    ", about {} at the last minute's {:.1} jobs/s",
                    format_duration(Duration::from_secs_f64(before as f64 / stats.throughput_1m)),
                    stats.throughput_1m
                )
            });
            (
                format!(
                    "it waits its turn behind up to {} jobs{}",
                    before.saturating_sub(1),
                    eta.unwrap_or_default()
                ),
                Some(format!(
                    "add workers, or raise its priority next time (--priority 0 runs first); {} workers serve `{queue}` now",
                    serving.len()
                )),
            )
        }
    };
    Explanation {
        queue,
        id: job.id,
        state: job.state,
        reason,
        next,
        facts,
    }
}
