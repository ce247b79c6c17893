//! Decoding replies: scripts answer with JSON objects of named fields (decoded by serde), and
//! job hashes (HGETALL) become records. An unexpected reply is a protocol error naming the
//! script, never a panic or a guess.

use crate::runtime::job::{
    AckReport, AttemptError, ChangeOutcome, EnqueueOutcome, EnqueueStatus, FailOutcome, JobRecord,
    JobState, LeaseBatch, LeaseStatus, LeasedJob,
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

/// A number a script sent as a string (cheaper for it to encode) or as a number; a visitor,
/// so no error is built and thrown away for the form it is not.
fn number<'de, D: Deserializer<'de>, T>(deserializer: D) -> Result<T, D::Error>
where
    T: std::str::FromStr + TryFrom<i64>,
{
    struct Whole<T>(std::marker::PhantomData<T>);
    impl<T: std::str::FromStr + TryFrom<i64>> serde::de::Visitor<'_> for Whole<T> {
        type Value = T;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a whole number")
        }
        fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<T, E> {
            T::try_from(number).map_err(|_| E::custom("the number is out of range"))
        }
        fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<T, E> {
            let number =
                i64::try_from(number).map_err(|_| E::custom("the number is out of range"))?;
            self.visit_i64(number)
        }
        fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<T, E> {
            if number.fract() != 0.0 {
                return Err(E::custom("expected a whole number"));
            }
            self.visit_i64(number as i64)
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            text.parse()
                .map_err(|_| E::custom("expected a whole number"))
        }
    }
    deserializer.deserialize_any(Whole(std::marker::PhantomData))
}

/// One job as `dequeue` hands it out; its data and outputs follow the JSON as raw elements.
#[derive(Deserialize)]
struct LeasedJobReply {
    id: String,
    token: String,
    #[serde(deserialize_with = "number")]
    attempts: u32,
    #[serde(deserialize_with = "number")]
    max_attempts: u32,
    #[serde(deserialize_with = "number")]
    timeout_ms: u64,
    #[serde(deserialize_with = "number")]
    priority: u8,
    #[serde(deserialize_with = "number")]
    created_at: i64,
    #[serde(deserialize_with = "number")]
    run_at: i64,
    correlation_id: Option<String>,
    session: Option<String>,
}

#[derive(Deserialize)]
struct DequeueReply {
    acks: Option<AckReply>,
    acks_error: Option<String>,
    now: i64,
    paused: bool,
    #[serde(deserialize_with = "list")]
    jobs: Vec<LeasedJobReply>,
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

/// Decodes `dequeue`'s reply: `[JSON, data, outputs, data, outputs, …]`, into what its acks
/// did (when it carried any) and the jobs it leased.
pub fn leased_batch(queue: &str, value: Value) -> Reply<(AcksOutcome, LeaseBatch)> {
    let (head, mut items) = dequeue_head(value)?;
    let reply: DequeueReply = decode("dequeue", &head)?;
    let raw = |value: Option<Value>| -> Reply<String> {
        match value {
            Some(Value::BulkString(bytes)) => {
                String::from_utf8(bytes).map_err(|error| format!("the dequeue script: {error}"))
            }
            Some(Value::Nil) => Ok(String::new()),
            other => Err(format!(
                "the dequeue script replied {other:?} for a job's payload"
            )),
        }
    };
    let mut jobs = Vec::with_capacity(reply.jobs.len());
    for job in reply.jobs {
        let data = raw(items.next())?;
        let outputs = raw(items.next())?;
        jobs.push(LeasedJob {
            id: job.id,
            queue: queue.to_string(),
            token: job.token,
            data,
            attempts: job.attempts,
            max_attempts: job.max_attempts,
            timeout: (job.timeout_ms > 0).then(|| Duration::from_millis(job.timeout_ms)),
            priority: job.priority,
            created_at: job.created_at,
            run_at: job.run_at,
            correlation_id: job.correlation_id,
            outputs,
            session: job.session,
        });
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
    Ok(JobRecord {
        id: id.to_string(),
        queue: queue.to_string(),
        state,
        priority: number(take("priority")).unwrap_or(5) as u8,
        attempts: number(take("attempts")).unwrap_or(0) as u32,
        max_attempts: number(take("max_attempts"))
            .filter(|attempts| *attempts > 0)
            .map(|attempts| attempts as u32),
        timeout_ms: timeout_ms.map(|ms| ms as u64),
        created_at: number(take("created_at")).unwrap_or(0),
        run_at: number(take("run_at")).unwrap_or(0),
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
