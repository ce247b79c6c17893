//! Decoding replies: scripts answer with JSON objects of named fields (decoded by serde), and
//! job hashes (HGETALL) become records. An unexpected reply is a protocol error naming the
//! script, never a panic or a guess.

use crate::runtime::job::{
    AckReport, AttemptError, ChangeOutcome, DEFAULT_PRIORITY, EnqueueOutcome, EnqueueStatus,
    FailOutcome, JobRecord, JobState, LeaseBatch, LeaseStatus, LeasedJob,
};
use redis::Value;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::collections::HashMap;
use std::time::Duration;

pub type Reply<T> = Result<T, String>;

/// Decodes one script's JSON reply.
pub fn decode<T: DeserializeOwned>(script: &str, value: &Value) -> Reply<T> {
    let bytes = match value {
        Value::BulkString(bytes) => bytes.as_slice(),
        Value::SimpleString(text) => text.as_bytes(),
        other => return Err(format!("the {script} script replied {other:?}, not JSON")),
    };
    serde_json::from_slice(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
        format!("the {script} script replied `{text}`: {error}")
    })
}

/// Lua's cjson cannot tell an empty array from an empty object and writes `{}`; read both.
/// A visitor rather than an untagged enum: serde buffers an untagged value whole before it
/// tries each variant, and this reads every batch of leased jobs.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct Items<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Items<T> {
        type Value = Vec<T>;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<Vec<T>, A::Error> {
            let mut list = Vec::with_capacity(items.size_hint().unwrap_or(0));
            while let Some(item) = items.next_element()? {
                list.push(item);
            }
            Ok(list)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
            match map.next_key::<serde::de::IgnoredAny>()? {
                None => Ok(Vec::new()),
                Some(_) => Err(serde::de::Error::custom("expected a list")),
            }
        }
    }
    deserializer.deserialize_any(Items(std::marker::PhantomData))
}

#[derive(Deserialize)]
pub struct EnqueueReply {
    pub enqueued: usize,
    /// The jobs not enqueued; every other job was, under its own id.
    #[serde(deserialize_with = "list")]
    pub others: Vec<NotEnqueued>,
}

#[derive(Deserialize)]
pub struct NotEnqueued {
    /// 1-based, into the batch.
    pub index: usize,
    pub id: String,
    pub status: EnqueueStatus,
}

impl EnqueueReply {
    /// One outcome per job of the batch, in order; None when the reply does not account for
    /// every job exactly once.
    pub fn outcomes(self, ids: &[&str]) -> Option<Vec<EnqueueOutcome>> {
        if self.enqueued + self.others.len() != ids.len() {
            return None;
        }
        let mut outcomes: Vec<EnqueueOutcome> = ids
            .iter()
            .map(|id| EnqueueOutcome {
                id: id.to_string(),
                status: EnqueueStatus::Enqueued,
            })
            .collect();
        for other in self.others {
            let outcome = outcomes.get_mut(other.index.checked_sub(1)?)?;
            if outcome.status != EnqueueStatus::Enqueued {
                return None;
            }
            *outcome = EnqueueOutcome {
                id: other.id,
                status: other.status,
            };
        }
        Some(outcomes)
    }
}

#[derive(Deserialize)]
struct DequeueReply {
    acks: Option<AckReply>,
    acks_error: Option<String>,
    now: i64,
    paused: bool,
    next_delayed_at: Option<i64>,
    next_lease_expiry: Option<i64>,
    #[serde(default)]
    limited_ms: Option<u64>,
}

/// The first item of `dequeue`'s reply (its JSON), and the rest (the payloads).
fn dequeue_head(value: Value) -> Reply<(Value, std::vec::IntoIter<Value>)> {
    let Value::Array(items) = value else {
        return Err(format!(
            "the dequeue script replied {value:?}, not an array"
        ));
    };
    let mut items = items.into_iter();
    let head = items
        .next()
        .ok_or("the dequeue script replied an empty array")?;
    Ok((head, items))
}

/// Decodes the reply of a `dequeue` that only acked (`complete`): `[JSON { acks }]`.
pub fn acks_only(value: Value) -> Reply<AckReply> {
    #[derive(Deserialize)]
    struct AcksOnly {
        acks: AckReply,
    }
    let (head, _) = dequeue_head(value)?;
    decode::<AcksOnly>("dequeue", &head).map(|reply| reply.acks)
}

/// What a `dequeue` that carried acks did with them: their report, or the error reply that
/// stopped them (the lease went ahead).
pub type AcksOutcome = Option<Result<AckReply, String>>;

/// Decodes `dequeue`'s reply: `[JSON, record, data, outputs, record, data, outputs, …]`,
/// into what its acks did (when it carried any) and the jobs it leased.
pub fn leased_batch(queue: &str, value: Value) -> Reply<(AcksOutcome, LeaseBatch)> {
    let (head, items) = dequeue_head(value)?;
    let reply: DequeueReply = decode("dequeue", &head)?;
    if items.len() % 3 != 0 {
        return Err(format!(
            "the dequeue script replied {} elements after its JSON, not three per job",
            items.len()
        ));
    }
    let mut jobs = Vec::with_capacity(items.len() / 3);
    let mut items = items.map(raw);
    while let (Some(record), Some(data), Some(outputs)) = (items.next(), items.next(), items.next())
    {
        jobs.push(leased_job(queue, &record?, data?, outputs?)?);
    }
    let batch = LeaseBatch {
        now: reply.now,
        paused: reply.paused,
        next_delayed_at: reply.next_delayed_at,
        next_lease_expiry: reply.next_lease_expiry,
        limited_ms: reply.limited_ms,
        jobs,
    };
    let acks = match (reply.acks, reply.acks_error) {
        (_, Some(error)) => Some(Err(error)),
        (acks, None) => acks.map(Ok),
    };
    Ok((acks, batch))
}

/// A payload element of `dequeue`'s reply as text: nil (no outputs) is empty.
fn raw(value: Value) -> Reply<String> {
    match value {
        Value::BulkString(bytes) => {
            String::from_utf8(bytes).map_err(|error| format!("the dequeue script: {error}"))
        }
        Value::Nil => Ok(String::new()),
        other => Err(format!(
            "the dequeue script replied {other:?} for a job's payload"
        )),
    }
}

/// One leased job from its record (`id token attempts max_attempts timeout_ms priority
/// created_at run_at session correlation_id`: the correlation id, last, may hold spaces; an
/// empty session or correlation id is none), data and outputs.
fn leased_job(queue: &str, record: &str, data: String, outputs: String) -> Reply<LeasedJob> {
    let mut fields = record.splitn(10, ' ');
    let mut next = |name: &str| {
        fields
            .next()
            .ok_or_else(|| format!("the dequeue script's job record `{record}` has no {name}"))
    };
    fn number<T: std::str::FromStr>(record: &str, name: &str, text: &str) -> Reply<T> {
        text.parse().map_err(|_| {
            format!("the dequeue script's job record `{record}` has {name} `{text}`, not a number")
        })
    }
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let id = next("id")?.to_string();
    let token = next("token")?.to_string();
    let attempts = number(record, "attempts", next("attempts")?)?;
    let max_attempts = number(record, "max_attempts", next("max_attempts")?)?;
    let timeout_ms: u64 = number(record, "timeout_ms", next("timeout_ms")?)?;
    let priority = number(record, "priority", next("priority")?)?;
    let created_at = number(record, "created_at", next("created_at")?)?;
    let run_at = number(record, "run_at", next("run_at")?)?;
    let session = optional(next("session")?);
    let correlation_id = optional(next("correlation_id")?);
    Ok(LeasedJob {
        id,
        queue: queue.to_string(),
        token,
        data,
        attempts,
        max_attempts,
        timeout: (timeout_ms > 0).then(|| Duration::from_millis(timeout_ms)),
        priority,
        created_at,
        run_at,
        correlation_id,
        outputs,
        session,
    })
}

#[derive(Deserialize)]
pub struct AckReply {
    acked: u64,
    already: u64,
    #[serde(deserialize_with = "list")]
    stale: Vec<String>,
}

impl From<AckReply> for AckReport {
    fn from(reply: AckReply) -> AckReport {
        AckReport {
            acked: reply.acked,
            already: reply.already,
            stale: reply.stale,
        }
    }
}

#[derive(Deserialize)]
pub struct FailReply {
    pub outcome: FailOutcome,
}

#[derive(Deserialize)]
pub struct RecoveredReply {
    pub retried: u64,
    pub dead: u64,
    pub returned: u64,
}

#[derive(Deserialize)]
pub struct BeatReply {
    #[serde(deserialize_with = "list")]
    pub statuses: Vec<LeaseStatus>,
    pub recovered: Option<RecoveredReply>,
}

#[derive(Deserialize)]
pub struct ReleaseReply {
    pub released: u64,
}

#[derive(Deserialize)]
pub struct ChangeReply {
    pub id: String,
    pub changed: bool,
    pub state: String,
}

#[derive(Deserialize)]
pub struct ChangesReply {
    #[serde(deserialize_with = "list")]
    pub results: Vec<ChangeReply>,
}

impl ChangesReply {
    pub fn into_outcomes(self, queue: &str) -> Vec<ChangeOutcome> {
        self.results
            .into_iter()
            .map(|result| ChangeOutcome {
                id: result.id,
                queue: queue.to_string(),
                changed: result.changed,
                state: result.state,
            })
            .collect()
    }
}

#[derive(Deserialize)]
pub struct StatsReply {
    pub now: i64,
    #[serde(deserialize_with = "list")]
    pub pending_by_priority: Vec<u64>,
    pub delayed: u64,
    pub active: u64,
    pub stalled: u64,
    pub dead: u64,
    pub cancelled: u64,
    pub done: u64,
    pub retried: u64,
    pub enqueued: u64,
    pub trimmed: u64,
    pub paused: bool,
    pub workers: u64,
    pub oldest_pending_run_at: Option<i64>,
    pub next_delayed_at: Option<i64>,
    pub max_len: u64,
    #[serde(default)]
    pub fair_sessions: bool,
    #[serde(default)]
    pub rate_us: u64,
    #[serde(default)]
    pub max_inflight: u64,
    pub buckets: HashMap<String, u64>,
}

/// A job hash (HGETALL) as a record. The id comes from the key: jobs enqueued by older
/// versions also hold it as a field, newer ones do not.
/// `lease_deadline` comes from the leased set's score, the one place a deadline is kept.
pub fn job_record(
    queue: &str,
    id: &str,
    mut hash: HashMap<String, String>,
    lease_deadline: Option<i64>,
) -> Reply<JobRecord> {
    let mut take = |name: &str| hash.remove(name).filter(|value| !value.is_empty());
    let number = |value: Option<String>| value.and_then(|text| text.parse::<i64>().ok());
    let state_text = take("state").unwrap_or_default();
    let state =
        JobState::parse(&state_text).ok_or_else(|| format!("unknown job state `{state_text}`"))?;
    let json = |value: Option<String>| {
        value
            .map(|text| serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)))
            .unwrap_or(serde_json::Value::Null)
    };
    let errors: Vec<AttemptError> = take("errors")
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let timeout_ms = number(take("timeout_ms")).filter(|ms| *ms > 0);
    // a field left out at its default reads as that default (see the prelude's DEFAULT_LEVEL):
    // without run_at a job was due when it was created
    let created_at = number(take("created_at")).unwrap_or(0);
    Ok(JobRecord {
        id: id.to_string(),
        queue: queue.to_string(),
        state,
        priority: number(take("priority")).unwrap_or(DEFAULT_PRIORITY.into()) as u8,
        attempts: number(take("attempts")).unwrap_or(0) as u32,
        max_attempts: number(take("max_attempts"))
            .filter(|attempts| *attempts > 0)
            .map(|attempts| attempts as u32),
        timeout_ms: timeout_ms.map(|ms| ms as u64),
        created_at,
        run_at: number(take("run_at")).unwrap_or(created_at),
        started_at: number(take("started_at")),
        finished_at: number(take("finished_at")),
        lease_owner: take("owner").filter(|_| state == JobState::Active),
        lease_deadline,
        unique_key: take("unique_key"),
        correlation_id: take("correlation_id"),
        session: take("session"),
        last_error: take("last_error"),
        errors,
        stderr_tail: take("stderr"),
        data: json(take("data")),
        outputs: json(take("outputs")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Value {
        Value::BulkString(text.as_bytes().to_vec())
    }

    #[test]
    fn a_job_is_named_by_its_key_with_or_without_an_id_field() {
        let hash = |with_id: bool| {
            let mut fields: HashMap<String, String> = [
                ("state", "pending"),
                ("data", "{}"),
                ("created_at", "1765000000000"),
            ]
            .into_iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
            if with_id {
                fields.insert("id".into(), "job-1".into());
            }
            fields
        };
        for with_id in [true, false] {
            let record = job_record("q", "job-1", hash(with_id), None).unwrap();
            assert_eq!(record.id, "job-1");
            assert_eq!(record.created_at, 1765000000000);
        }
    }

    #[test]
    fn a_leased_job_record_keeps_spaces_in_its_correlation_id_and_names_a_bad_field() {
        let job = leased_job(
            "q",
            "job-1 7 2 3 0 5 1765000000000 1765000000001  req 1 of many",
            "{}".into(),
            String::new(),
        )
        .unwrap();
        assert_eq!(job.id, "job-1");
        assert_eq!(job.token, "7");
        assert_eq!((job.attempts, job.max_attempts, job.priority), (2, 3, 5));
        assert_eq!(job.timeout, None);
        assert_eq!((job.created_at, job.run_at), (1765000000000, 1765000000001));
        assert_eq!(job.session, None);
        assert_eq!(job.correlation_id.as_deref(), Some("req 1 of many"));
        let job = leased_job("q", "a 1 1 1 2500 0 1 1 s-1 ", "{}".into(), String::new()).unwrap();
        assert_eq!(job.session.as_deref(), Some("s-1"));
        assert_eq!(job.correlation_id, None);
        assert_eq!(job.timeout, Some(Duration::from_millis(2500)));
        let error = leased_job("q", "a 1 x 1 0 5 1 1  ", "{}".into(), String::new())
            .err()
            .unwrap();
        assert!(error.contains("attempts `x`"), "{error}");
        let error = leased_job("q", "a 1 1", "{}".into(), String::new())
            .err()
            .unwrap();
        assert!(error.contains("no max_attempts"), "{error}");
    }

    #[test]
    fn empty_lists_arrive_as_objects_and_decode() {
        let reply: AckReply =
            decode("ack", &json(r#"{"acked":0,"already":0,"stale":{}}"#)).unwrap();
        assert!(reply.stale.is_empty());
    }

    #[test]
    fn unexpected_replies_name_the_script_instead_of_guessing() {
        let error = decode::<FailReply>("fail", &json(r#"{"outcome":"maybe"}"#))
            .err()
            .unwrap();
        assert!(error.contains("the fail script replied"), "{error}");
        let error = decode::<EnqueueReply>("enqueue", &Value::Int(3))
            .err()
            .unwrap();
        assert!(error.contains("enqueue"), "{error}");
    }

    #[test]
    fn an_enqueue_reply_names_only_the_jobs_it_did_not_enqueue() {
        let reply: EnqueueReply = serde_json::from_str(
            r#"{"enqueued":2,"others":[{"index":2,"id":"old","status":"duplicate"}]}"#,
        )
        .unwrap();
        let outcomes = reply.outcomes(&["a", "b", "c"]).unwrap();
        let statuses: Vec<(&str, EnqueueStatus)> = outcomes
            .iter()
            .map(|outcome| (outcome.id.as_str(), outcome.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("a", EnqueueStatus::Enqueued),
                ("old", EnqueueStatus::Duplicate),
                ("c", EnqueueStatus::Enqueued)
            ]
        );
        // cjson writes an empty list as {}
        let all: EnqueueReply = serde_json::from_str(r#"{"enqueued":1,"others":{}}"#).unwrap();
        assert_eq!(
            all.outcomes(&["a"]).unwrap()[0].status,
            EnqueueStatus::Enqueued
        );
        // a reply that does not account for every job once is refused
        let short: EnqueueReply = serde_json::from_str(r#"{"enqueued":1,"others":{}}"#).unwrap();
        assert!(short.outcomes(&["a", "b"]).is_none());
        let twice: EnqueueReply = serde_json::from_str(
            r#"{"enqueued":0,"others":[{"index":1,"id":"a","status":"full"},{"index":1,"id":"a","status":"full"}]}"#,
        )
        .unwrap();
        assert!(twice.outcomes(&["a", "b"]).is_none());
    }
}
