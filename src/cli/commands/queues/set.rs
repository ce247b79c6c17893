//! `fleetq queues set Q --max-len N --retain-done N --retain-dead N --retain-for DUR
//! --fair-sessions on|off --rate N/s|off --max-inflight N`: live queue limits and scheduling.

use crate::output::Printer;
use crate::output::report::Done;
use crate::runtime::error::Classified;
use crate::runtime::job::QueueSettings;
use crate::runtime::{Runtime, validate_queue_name};
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    settings: QueueSettings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    // setting limits on a queue before its first job is allowed: it prepares the queue
    validate_queue_name(queue)?;
    let QueueSettings {
        max_len,
        retain_done,
        retain_dead,
        retain_for,
        fair_sessions,
        rate,
        max_inflight,
    } = settings.clone();
    if settings.stored().is_empty() {
        return Err(Classified::usage("nothing to set")
            .with_hint("pass --max-len N, --retain-done N, --retain-dead N, --retain-for DUR, --fair-sessions on|off, --rate N/s or --max-inflight N")
            .into());
    }
    runtime.backend.configure(queue, &settings).await?;
    printer.report_from(
        &runtime.backend.describe(),
        &Done {
            fields: Configured {
                queue,
                max_len,
                retain_done,
                retain_dead,
                retain_for_ms: retain_for.map(|age| age.as_millis() as u64),
                fair_sessions,
                rate: rate
                    .map(|rate| rate.map_or_else(|| "off".to_string(), |rate| rate.describe())),
                max_inflight,
            },
            said: format!("{queue}: updated"),
        },
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct Configured<'a> {
    queue: &'a str,
    max_len: Option<u64>,
    retain_done: Option<u64>,
    retain_dead: Option<u64>,
    retain_for_ms: Option<u64>,
    fair_sessions: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_inflight: Option<u64>,
}
