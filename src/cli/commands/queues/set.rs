//! `fleetq queues set Q --max-len N --retain-done N --retain-dead N --retain-for DUR`: live
//! queue limits.

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
    } = settings.clone();
    if max_len.is_none() && retain_done.is_none() && retain_dead.is_none() && retain_for.is_none() {
        return Err(Classified::usage("nothing to set")
            .with_hint("pass --max-len N, --retain-done N, --retain-dead N or --retain-for DUR")
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
}
