//! The job model shared by every backend: what goes in, what a worker leases, what comes out.

use crate::runtime::error::Classified;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Priority levels run from 0 (first) to 9; jobs default to the middle.
pub const DEFAULT_PRIORITY: u8 = 5;
/// The lowest priority level.
pub const LOWEST_PRIORITY: u8 = 9;

/// When a new job may first run. Times are the backend's clock, never this host's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Schedule {
    #[default]
    Now,
    /// After this long, counted from when the backend stores the job.
    In(Duration),
    /// At this Unix time in milliseconds.
    At(i64),
}

/// A job as a producer submits it.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub id: String,
    /// The payload as JSON text, validated by the caller, stored verbatim.
    pub data: String,
    pub priority: u8,
    /// None: whatever the consuming pipeline's retry policy says.
    pub max_attempts: Option<u32>,
    pub timeout: Option<Duration>,
    pub schedule: Schedule,
    pub unique_key: Option<String>,
    pub unique_ttl: Option<Duration>,
    pub correlation_id: Option<String>,
    pub session: Option<String>,
}

impl NewJob {
    pub fn new(data: String) -> Self {
        NewJob {
            id: new_job_id(),
            data,
            priority: DEFAULT_PRIORITY,
            max_attempts: None,
            timeout: None,
            schedule: Schedule::Now,
            unique_key: None,
            unique_ttl: None,
            correlation_id: None,
            session: None,
        }
    }

    /// Checks what clap cannot check for callers that are not the CLI; every backend calls it
    /// before storing anything.
    pub fn validate(&self) -> Result<(), Classified> {
        validate_job_id(&self.id)?;
        if let Some(session) = &self.session {
            validate_session_name(session)?;
        }
        if self.priority > LOWEST_PRIORITY {
            return Err(Classified::usage(format!(
                "job {}: priority {} is outside 0-{LOWEST_PRIORITY}",
                self.id, self.priority
            )));
        }
        if self.max_attempts == Some(0) {
            return Err(Classified::usage(format!(
                "job {}: max_attempts must be at least 1",
                self.id
            )));
        }
        if self.unique_key.as_deref() == Some("") {
            return Err(Classified::usage(format!(
                "job {}: an empty unique key",
                self.id
            )));
        }
        Ok(())
    }
}

/// Job ids end up in keys and in `QUEUE/ID` references, so they are kept printable and
/// free of `/`.
/// Session names become part of Redis keys, so they are kept to a safe set (no `:`).
pub fn validate_session_name(name: &str) -> Result<(), Classified> {
    let valid = !name.is_empty()
        && name.len() <= 200
        && name
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || "-_.".contains(character));
    if valid {
        Ok(())
    } else {
        Err(Classified::usage(format!("invalid session name `{name}`"))
            .with_hint("session names use letters, digits and - _ . (at most 200 characters)"))
    }
}

pub fn validate_job_id(id: &str) -> Result<(), Classified> {
    let valid = !id.is_empty()
        && id.len() <= 200
        && !id.contains('/')
        && id.chars().all(|character| character.is_ascii_graphic());
    if valid {
        Ok(())
    } else {
        Err(Classified::usage(format!("invalid job id `{id}`")).with_hint(
            "job ids are 1-200 printable characters without spaces or `/` (leave --id out for a new UUID)",
        ))
    }
}

/// Wall-clock time in Unix milliseconds, the unit every stored time uses.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as i64)
}

/// Job ids are UUID v7: unique without coordination and sortable by creation time.
pub fn new_job_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EnqueueStatus {
    Enqueued,
    Duplicate,
    /// Rejected by the queue's max_len (backpressure); the job was not stored.
    Full,
    /// Redis was unreachable (or airgap forced): the job waits in this host's spool.
    Spooled,
    /// Its session was stopped (`fleetq sessions stop`); the job was not stored.
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnqueueOutcome {
    pub id: String,
    pub status: EnqueueStatus,
}

/// A job a worker holds a lease on. The token fences every later write.
#[derive(Debug, Clone)]
pub struct LeasedJob {
    pub id: String,
    pub queue: String,
    pub token: String,
    pub data: String,
    pub attempts: u32,
    pub max_attempts: u32,
    pub timeout: Option<Duration>,
    pub priority: u8,
    pub created_at: i64,
    pub run_at: i64,
    pub correlation_id: Option<String>,
    /// Outputs of steps completed by earlier attempts, as a JSON object text ("" = none).
    pub outputs: String,
    pub session: Option<String>,
}

/// Proof that a leased job finished, with its step outputs as JSON text.
#[derive(Debug, Clone, Serialize)]
pub struct Completion {
    pub id: String,
    pub token: String,
    pub outputs: String,
}

/// A failed attempt; `retry_delay` None buries the job in the dead-letter set.
#[derive(Debug, Clone)]
pub struct FailureReport {
    pub id: String,
    pub token: String,
    pub error: String,
    pub stderr: String,
    pub retry_delay: Option<Duration>,
    pub outputs: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOutcome {
    Retry,
    Dead,
    /// The lease was lost before the report arrived, so the report changed nothing.
    Stale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeaseStatus {
    Extended,
    Lost,
    Cancelled,
}

/// A lease the worker holds: enough to extend or release it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct LeaseRef {
    pub id: String,
    pub token: String,
}

/// The answer to one lease call.
#[derive(Debug, Clone, Default)]
pub struct LeaseBatch {
    /// The backend's clock when it answered (ms), so waits never mix two clocks.
    pub now: i64,
    pub paused: bool,
    /// When nothing was leased: when the earliest delayed job becomes due (backend ms).
    pub next_delayed_at: Option<i64>,
    /// When nothing was leased: the earliest lease deadline (backend ms), for burst workers
    /// that wait to recover a crashed worker's jobs.
    pub next_lease_expiry: Option<i64>,
    /// Jobs may be waiting, but a rate or `max_inflight` holds them back this many ms.
    pub limited_ms: Option<u64>,
    pub jobs: Vec<LeasedJob>,
}

/// What the backend did with a batch of acks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AckReport {
    /// Jobs this call marked done.
    pub acked: u64,
    /// Acks that had already been applied (a re-sent batch): done, and not counted twice.
    pub already: u64,
    /// Jobs whose lease was lost before the ack arrived: another attempt owns them.
    pub stale: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Pending,
    Delayed,
    Active,
    Done,
    Dead,
    Cancelled,
}

impl JobState {
    pub fn parse(text: &str) -> Option<JobState> {
        Some(match text {
            "pending" => JobState::Pending,
            "delayed" => JobState::Delayed,
            "active" => JobState::Active,
            "done" => JobState::Done,
            "dead" => JobState::Dead,
            "cancelled" => JobState::Cancelled,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Pending => "pending",
            JobState::Delayed => "delayed",
            JobState::Active => "active",
            JobState::Done => "done",
            JobState::Dead => "dead",
            JobState::Cancelled => "cancelled",
        }
    }
}

/// One failed attempt in a job's bounded error history.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct AttemptError {
    pub attempt: u32,
    pub at: i64,
    pub error: String,
}

/// Everything known about one job, for `jobs show`.
#[derive(Debug, Clone, Serialize)]
pub struct JobRecord {
    pub id: String,
    pub queue: String,
    pub state: JobState,
    pub priority: u8,
    pub attempts: u32,
    /// None until a worker leases it: then the pipeline's policy fills it in.
    pub max_attempts: Option<u32>,
    pub timeout_ms: Option<u64>,
    pub created_at: i64,
    pub run_at: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub lease_owner: Option<String>,
    pub lease_deadline: Option<i64>,
    pub unique_key: Option<String>,
    pub correlation_id: Option<String>,
    pub session: Option<String>,
    pub last_error: Option<String>,
    pub errors: Vec<AttemptError>,
    pub stderr_tail: Option<String>,
    pub data: serde_json::Value,
    pub outputs: serde_json::Value,
}

/// One row of `jobs ls`.
#[derive(Debug, Clone, Serialize)]
pub struct JobSummary {
    pub id: String,
    pub queue: String,
    pub state: JobState,
    pub priority: u8,
    pub attempts: u32,
    pub created_at: i64,
    pub run_at: i64,
    /// When it finished (done, dead, cancelled); for a job waiting to retry (`jobs ls --state
    /// retrying`), when it last failed.
    pub finished_at: Option<i64>,
    pub last_error: Option<String>,
}

/// What `jobs cancel` / `jobs retry` did to one job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeOutcome {
    pub id: String,
    pub queue: String,
    /// Whether this call changed the job.
    pub changed: bool,
    /// The job's state afterwards (`cancelled`, `pending`, …), or `missing`.
    pub state: String,
}

/// A snapshot of one queue, the JSON shape of `fleetq stats`.
#[derive(Debug, Clone, Serialize)]
pub struct QueueStats {
    pub queue: String,
    pub pending: u64,
    pub pending_by_priority: Vec<u64>,
    pub delayed: u64,
    pub active: u64,
    /// Active jobs whose lease expired: their worker died and no reaper has swept them yet.
    pub stalled: u64,
    pub done: u64,
    pub retried: u64,
    pub dead: u64,
    pub cancelled: u64,
    pub enqueued: u64,
    /// Done and cancelled jobs removed by retention since the queue began.
    pub trimmed: u64,
    pub throughput_1m: f64,
    pub throughput_5m: f64,
    pub oldest_pending_age_ms: Option<u64>,
    /// When the earliest delayed job (a scheduled job or a retry in backoff) falls due.
    pub next_delayed_at: Option<i64>,
    pub paused: bool,
    pub workers: u64,
    pub max_len: Option<u64>,
    /// Jobs are taken round-robin across sessions.
    pub fair_sessions: bool,
    /// The queue's own fleet-wide start rate (`queues set --rate`), e.g. `20/s`.
    pub rate: Option<String>,
    /// The queue's own cap on running jobs (`queues set --max-inflight`).
    pub max_inflight: Option<u64>,
}

/// Settings an operator may change on a live queue.
#[derive(Debug, Clone, Default)]
pub struct QueueSettings {
    /// 0 removes the limit.
    pub max_len: Option<u64>,
    pub retain_done: Option<u64>,
    /// Dead jobs kept; the oldest past it are trimmed (0 = no limit).
    pub retain_dead: Option<u64>,
    /// Done and dead jobs older than this are trimmed (zero = no age limit).
    pub retain_for: Option<Duration>,
    /// Jobs are taken round-robin across sessions (`--fair-sessions on`).
    pub fair_sessions: Option<bool>,
    /// Starts per unit of time across the fleet; `Some(None)` removes the limit.
    pub rate: Option<Option<crate::runtime::rate::Rate>>,
    /// Most jobs running at once across the fleet; 0 removes the limit.
    pub max_inflight: Option<u64>,
}

impl QueueSettings {
    /// The settings given, by the name both backends store them under (a Redis `P:meta`
    /// field, a local `queues` column).
    pub fn stored(&self) -> Vec<(&'static str, u64)> {
        [
            ("max_len", self.max_len),
            ("retain_done", self.retain_done),
            ("retain_dead", self.retain_dead),
            (
                "retain_ms",
                self.retain_for.map(|age| age.as_millis() as u64),
            ),
            ("fair", self.fair_sessions.map(u64::from)),
            (
                "rate_us",
                self.rate
                    .map(|rate| rate.map_or(0, |rate| rate.interval_us())),
            ),
            (
                "rate_burst",
                self.rate.map(|rate| rate.map_or(0, |rate| rate.burst())),
            ),
            ("max_inflight", self.max_inflight),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
    }
}

/// A worker process's registration, refreshed on every heartbeat.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerInfo {
    pub id: String,
    pub host: String,
    pub pid: u32,
    pub version: String,
    pub queues: Vec<String>,
    pub concurrency: usize,
    pub in_flight: usize,
    /// `--label k=v`, for telling workers apart in `workers ls`.
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub started_at: i64,
    /// How often it heartbeats: a worker silent for three of these is stale.
    #[serde(default)]
    pub beat_ms: u64,
    /// Paused by `fleetq workers pause`: takes no new jobs.
    #[serde(default)]
    pub paused: bool,
}

/// A session of one queue: a named group of jobs (one tenant's import, one cron run).
#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub queue: String,
    pub session: String,
    /// `open` or `stopped` (`expired` is worked out from `last_at` by the caller).
    pub status: String,
    pub created_at: i64,
    /// The last job enqueued into it.
    pub last_at: i64,
}

/// One job of a session, as the session commands count it.
#[derive(Debug, Clone, Serialize)]
pub struct SessionJob {
    pub id: String,
    pub state: JobState,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    pub last_error: Option<String>,
}

/// A session's jobs counted by state, and when the last of them finished: what `sessions ls`
/// needs, counted where the jobs are instead of shipping every job to the client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SessionCounts {
    pub pending: u64,
    pub delayed: u64,
    pub active: u64,
    pub done: u64,
    pub dead: u64,
    pub cancelled: u64,
    /// Folded into the session's last activity, not shown on its own.
    #[serde(skip)]
    pub last_finished_at: Option<i64>,
}

impl SessionCounts {
    pub fn add(&mut self, state: JobState, jobs: u64) {
        *match state {
            JobState::Pending => &mut self.pending,
            JobState::Delayed => &mut self.delayed,
            JobState::Active => &mut self.active,
            JobState::Done => &mut self.done,
            JobState::Dead => &mut self.dead,
            JobState::Cancelled => &mut self.cancelled,
        } += jobs;
    }

    pub fn finished_at(&mut self, at: Option<i64>) {
        self.last_finished_at = self.last_finished_at.max(at);
    }

    pub fn of(jobs: &[SessionJob]) -> SessionCounts {
        let mut counts = SessionCounts::default();
        for job in jobs {
            counts.add(job.state, 1);
            counts.finished_at(job.finished_at);
        }
        counts
    }
}

/// One entry of a queue's event stream: a state change of a batch of jobs (enqueued, started,
/// completed, retried, dead, cancelled, trimmed) or of the queue (paused, resumed, worker online
/// or offline, session stopped).
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub queue: String,
    /// Where the stream is after this event, to read on from.
    #[serde(skip)]
    pub cursor: String,
    /// Unix ms.
    pub at: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub ids: Vec<String>,
    /// Extra facts: `worker`, `session`, `error`, `count`, `reason`.
    #[serde(flatten)]
    pub fields: std::collections::BTreeMap<String, String>,
}

/// Most events a queue's stream keeps; older ones are dropped.
pub const EVENTS_KEPT: i64 = 10_000;

/// What an operator tells a running worker (`fleetq workers pause|resume|stop`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkerControl {
    /// Take no new jobs (in-flight ones finish); heartbeats go on.
    Pause,
    Resume,
    /// Finish in-flight jobs, then exit.
    Stop,
}

/// A registered worker as the fleet listing sees it.
#[derive(Debug, Clone, Serialize)]
pub struct WorkerEntry {
    #[serde(flatten)]
    pub info: WorkerInfo,
    /// Its last heartbeat (Unix ms).
    pub seen_at: i64,
    /// No heartbeat for three beat intervals: probably dead (its leases come back on expiry).
    pub stale: bool,
}

impl WorkerEntry {
    pub fn new(info: WorkerInfo, seen_at: i64, now: i64) -> WorkerEntry {
        let beat = info.beat_ms.max(1000) as i64;
        WorkerEntry {
            stale: now - seen_at > 3 * beat,
            info,
            seen_at,
        }
    }
}

/// How long a silent worker stays listed (as stale) before the registry forgets it.
pub const WORKER_FORGOTTEN_AFTER_MS: i64 = 3_600_000;

/// A job reference as users write it: `QUEUE/ID`, or an id alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobReference {
    pub queue: Option<String>,
    pub id: String,
}

impl JobReference {
    pub fn parse(text: &str) -> JobReference {
        match text.rsplit_once('/') {
            Some((queue, id)) if !queue.is_empty() => JobReference {
                queue: Some(queue.to_string()),
                id: id.to_string(),
            },
            _ => JobReference {
                queue: None,
                id: text.trim_start_matches('/').to_string(),
            },
        }
    }
}

/// Jobs/s over a window, from per-bucket completion counts keyed by bucket number.
pub fn throughput(buckets: &[(i64, u64)], now_ms: i64, bucket_ms: i64, window_ms: i64) -> f64 {
    let window_start = now_ms - window_ms;
    let mut total = 0.0;
    for &(bucket, count) in buckets {
        let start = bucket * bucket_ms;
        let end = start + bucket_ms;
        if end <= window_start || start > now_ms {
            continue;
        }
        // a bucket straddling the window edge counts in proportion to its overlap
        let overlap = (end.min(now_ms) - start.max(window_start)).max(0) as f64;
        let span = (end.min(now_ms) - start).max(1) as f64;
        total += count as f64 * (overlap / span).min(1.0);
    }
    total / (window_ms as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_session_names_refuse_what_keys_and_references_cannot_hold() {
        assert!(validate_job_id("0193a2b4-7c1d-7e3f-9a2b-1c2d3e4f5a6b").is_ok());
        assert!(validate_job_id("row-3").is_ok());
        for bad in ["", "a b", "a/b", "café", "id\u{7f}", &"x".repeat(201)] {
            assert!(validate_job_id(bad).is_err(), "{bad:?}");
        }
        assert!(validate_session_name("tenant-9_a.b").is_ok());
        for bad in ["", "a:b", "tenänt", "a b", &"s".repeat(201)] {
            assert!(validate_session_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn references_split_on_the_last_slash() {
        assert_eq!(
            JobReference::parse("emails/abc"),
            JobReference {
                queue: Some("emails".into()),
                id: "abc".into()
            }
        );
        assert_eq!(JobReference::parse("abc").queue, None);
    }

    #[test]
    fn throughput_weights_the_edge_bucket() {
        // 600 jobs in each 10 s bucket for the last minute is 60 jobs/s
        let now = 1_000_000;
        let buckets: Vec<(i64, u64)> = (0..7).map(|back| (now / 10_000 - back, 600)).collect();
        let rate = throughput(&buckets, now, 10_000, 60_000);
        assert!((rate - 60.0).abs() < 10.5, "rate {rate}");
        assert_eq!(throughput(&[], now, 10_000, 60_000), 0.0);
    }
}
