//! Sessions: named groups of jobs inside a queue. Counting them, stopping one (no new jobs,
//! its waiting jobs cancelled, its running jobs told at their next heartbeat) and cleaning
//! them out, on any backend.

use crate::runtime::backend::{Backend, ProgressSink};
use crate::runtime::job::{JobState, SessionCounts, SessionInfo, SessionJob, now_ms};
use serde::Serialize;
use std::time::Duration;

/// A session with no new job for this long is `expired` (and `clean --older-than` takes it).
pub const DEFAULT_TTL: Duration = Duration::from_secs(24 * 3600);

/// Jobs per backend call when stopping or cleaning.
const BATCH: usize = 500;

#[derive(Debug, Clone, Serialize)]
pub struct SessionSummary {
    pub queue: String,
    pub session: String,
    /// `open`, `stopped` or `expired` (open, but idle past the TTL).
    pub status: String,
    #[serde(flatten)]
    pub counts: SessionCounts,
    pub created_at: i64,
    pub last_activity_at: i64,
}

impl SessionSummary {
    fn of(info: &SessionInfo, counts: &SessionCounts, ttl: Duration, now: i64) -> SessionSummary {
        // activity is the last enqueue or the last job to finish, whichever is later
        let last_activity_at = info.last_at.max(counts.last_finished_at.unwrap_or(0));
        let status = if info.status == "open" && now - last_activity_at > ttl.as_millis() as i64 {
            "expired".to_string()
        } else {
            info.status.clone()
        };
        SessionSummary {
            queue: info.queue.clone(),
            session: info.session.clone(),
            status,
            counts: counts.clone(),
            created_at: info.created_at,
            last_activity_at,
        }
    }
}

/// The sessions of these queues, most recently active first.
pub async fn list(
    backend: &dyn Backend,
    queues: &[String],
    ttl: Duration,
) -> anyhow::Result<Vec<SessionSummary>> {
    let now = now_ms();
    let mut summaries = Vec::new();
    for queue in queues {
        for info in backend.sessions(queue).await? {
            let counts = backend.session_counts(queue, &info.session).await?;
            summaries.push(SessionSummary::of(&info, &counts, ttl, now));
        }
    }
    summaries.sort_by_key(|summary| std::cmp::Reverse(summary.last_activity_at));
    Ok(summaries)
}

/// One of a session's recent errors.
#[derive(Debug, Clone, Serialize)]
pub struct RecentError {
    pub id: String,
    pub state: JobState,
    pub at: Option<i64>,
    pub error: String,
}

/// `sessions show`: one queue's part of a session.
#[derive(Debug, Clone, Serialize)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub summary: SessionSummary,
    /// Jobs of the session finished per second over the last minute.
    pub throughput_1m: f64,
    pub oldest_pending_created_at: Option<i64>,
    pub oldest_pending_id: Option<String>,
    /// The newest five errors: dead jobs and jobs waiting to retry.
    pub recent_errors: Vec<RecentError>,
}

pub async fn show(
    backend: &dyn Backend,
    info: &SessionInfo,
    ttl: Duration,
) -> anyhow::Result<SessionDetail> {
    let now = now_ms();
    let jobs = backend.session_jobs(&info.queue, &info.session).await?;
    let summary = SessionSummary::of(info, &SessionCounts::of(&jobs), ttl, now);
    let recent = jobs
        .iter()
        .filter(|job| {
            job.state == JobState::Done && job.finished_at.is_some_and(|at| at >= now - 60_000)
        })
        .count();
    let oldest = jobs
        .iter()
        .filter(|job| job.state == JobState::Pending)
        .min_by_key(|job| job.created_at);
    let mut errors: Vec<RecentError> = jobs
        .iter()
        .filter_map(|job| {
            Some(RecentError {
                id: job.id.clone(),
                state: job.state,
                at: job.finished_at,
                error: job
                    .last_error
                    .clone()
                    .filter(|_| job.state != JobState::Done)?,
            })
        })
        .collect();
    errors.sort_by_key(|error| std::cmp::Reverse(error.at.unwrap_or(i64::MAX)));
    errors.truncate(5);
    Ok(SessionDetail {
        summary,
        throughput_1m: recent as f64 / 60.0,
        oldest_pending_created_at: oldest.map(|job| job.created_at),
        oldest_pending_id: oldest.map(|job| job.id.clone()),
        recent_errors: errors,
    })
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stopped {
    pub queue: String,
    pub session: String,
    /// Pending and delayed jobs cancelled.
    pub cancelled: u64,
    /// Running jobs cancelled: their workers stop them at the next heartbeat.
    pub running_stopped: u64,
}

/// Stops a session: new jobs are refused from now on, waiting jobs are cancelled, and running
/// ones are cancelled so their workers kill them at the next heartbeat.
pub async fn stop(
    backend: &dyn Backend,
    queue: &str,
    session: &str,
    progress: &dyn ProgressSink,
) -> anyhow::Result<Stopped> {
    let mut stopped = Stopped {
        queue: queue.to_string(),
        session: session.to_string(),
        ..Stopped::default()
    };
    // refuse new jobs first, so none slips in behind the cancellations
    backend.stop_session(queue, session).await?;
    backend
        .record_event(
            queue,
            "session_stopped",
            &[("session", session.to_string())],
        )
        .await?;
    let unfinished: Vec<SessionJob> = backend
        .session_jobs(queue, session)
        .await?
        .into_iter()
        .filter(|job| {
            matches!(
                job.state,
                JobState::Pending | JobState::Delayed | JobState::Active
            )
        })
        .collect();
    progress.set_total(unfinished.len() as u64);
    for chunk in unfinished.chunks(BATCH) {
        let ids: Vec<String> = chunk.iter().map(|job| job.id.clone()).collect();
        for (job, outcome) in chunk.iter().zip(backend.cancel(queue, &ids).await?) {
            match (outcome.changed, job.state) {
                (true, JobState::Active) => stopped.running_stopped += 1,
                (true, _) => stopped.cancelled += 1,
                (false, _) => {}
            }
        }
        progress.advance(chunk.len() as u64);
    }
    Ok(stopped)
}

/// Deletes a session's jobs and the session itself; returns how many jobs went.
pub async fn clean(
    backend: &dyn Backend,
    queue: &str,
    session: &str,
    progress: &dyn ProgressSink,
) -> anyhow::Result<u64> {
    let ids: Vec<String> = backend
        .session_jobs(queue, session)
        .await?
        .into_iter()
        .map(|job| job.id)
        .collect();
    progress.set_total(ids.len() as u64);
    let mut deleted = 0;
    // an empty call still forgets a session whose jobs retention already trimmed
    if ids.is_empty() {
        backend.clean_session(queue, session, &[]).await?;
    }
    for chunk in ids.chunks(BATCH) {
        deleted += backend.clean_session(queue, session, chunk).await?;
        progress.advance(chunk.len() as u64);
    }
    Ok(deleted)
}
