//! One module per command; commands with verbs are folders. Shared helpers for them live here.

pub mod airgap;
pub mod bench;
pub mod completions;
pub mod dlq;
pub mod doctor;
pub mod enqueue;
pub mod events;
pub mod jobs;
pub mod pipeline;
pub mod queues;
pub mod run;
pub mod sessions;
pub mod stats;
pub mod sync;
pub mod worker;
pub mod workers;

use crate::runtime::Runtime;
use crate::runtime::error::Classified;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Fails with exit 3 when the queue has never been used on this backend.
pub async fn require_queue(runtime: &Runtime, queue: &str) -> anyhow::Result<()> {
    require_queues(runtime, std::slice::from_ref(&queue.to_string())).await
}

/// The same for several queues, with one look at the known queues.
pub async fn require_queues(runtime: &Runtime, queues: &[String]) -> anyhow::Result<()> {
    for queue in queues {
        crate::runtime::validate_queue_name(queue)?;
    }
    if queues.is_empty() {
        return Ok(());
    }
    let known = runtime.backend.queues().await?;
    let Some(queue) = queues.iter().find(|queue| !known.contains(queue)) else {
        return Ok(());
    };
    Err(Classified::not_found(format!(
        "unknown queue `{queue}` on {}",
        runtime.backend.describe()
    ))
    .with_hint(match known.len() {
        0 => "no queue exists yet; `fleetq enqueue QUEUE --data '{}'` creates one".to_string(),
        _ => format!("known queues: {}", known.join(", ")),
    })
    .into())
}

/// A server timestamp (ms) as RFC 3339, for tables.
pub fn timestamp(ms: i64) -> String {
    if ms <= 0 {
        return "-".to_string();
    }
    let time = UNIX_EPOCH + Duration::from_millis(ms as u64);
    humantime::format_rfc3339_millis(time).to_string()
}

/// How long ago a server timestamp (ms) was, compactly.
pub fn age(ms: i64) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64);
    crate::runtime::duration::format_duration(Duration::from_millis((now - ms).max(0) as u64))
}
