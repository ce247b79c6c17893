//! Decoding script replies (`redis::Value`) into fleetq types.

use crate::runtime::error::BackendError;
use crate::runtime::job::{AttemptError, JobRecord, JobState, LeasedJob};
use redis::Value;
use std::collections::HashMap;
use std::time::Duration;

pub type Reply<T> = Result<T, String>;

pub fn protocol(display: &str, detail: String) -> BackendError {
    BackendError::Protocol {
        backend: display.to_string(),
        detail,
    }
}

pub fn text(value: &Value) -> Reply<String> {
    match value {
        Value::BulkString(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Value::SimpleString(text) => Ok(text.clone()),
        Value::Int(number) => Ok(number.to_string()),
        Value::Nil => Ok(String::new()),
        other => Err(format!("expected text, got {other:?}")),
    }
}

pub fn integer(value: &Value) -> Reply<i64> {
    match value {
        Value::Int(number) => Ok(*number),
        Value::Nil => Ok(0),
        other => text(other)?
            .parse::<i64>()
            .map_err(|error| format!("expected a number: {error}")),
    }
}

pub fn array(value: &Value) -> Reply<&[Value]> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(format!("expected an array, got {other:?}")),
    }
}

fn optional(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// One job entry of the dequeue reply (see the header of `dequeue.lua`).
pub fn leased_job(queue: &str, value: &Value) -> Reply<LeasedJob> {
    let fields = array(value)?;
    if fields.len() < 12 {
        return Err(format!(
            "a leased job has {} fields, expected 12",
            fields.len()
        ));
    }
    let timeout_ms = integer(&fields[5])?;
    Ok(LeasedJob {
        id: text(&fields[0])?,
        queue: queue.to_string(),
        token: text(&fields[1])?,
        data: text(&fields[2])?,
        attempts: integer(&fields[3])? as u32,
        max_attempts: integer(&fields[4])? as u32,
        timeout: (timeout_ms > 0).then(|| Duration::from_millis(timeout_ms as u64)),
        priority: integer(&fields[6])? as u8,
        created_at: integer(&fields[7])?,
        run_at: integer(&fields[8])?,
        correlation_id: optional(text(&fields[9])?),
        outputs: text(&fields[10])?,
        session: optional(text(&fields[11])?),
    })
}

/// A job hash (HGETALL) as a record.
/// `lease_deadline` comes from the leased set's score, the one place a deadline is kept.
pub fn job_record(
    queue: &str,
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
        id: take("id").unwrap_or_default(),
        queue: queue.to_string(),
        state,
        priority: number(take("priority")).unwrap_or(5) as u8,
        attempts: number(take("attempts")).unwrap_or(0) as u32,
        max_attempts: number(take("max_attempts")).unwrap_or(0) as u32,
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
