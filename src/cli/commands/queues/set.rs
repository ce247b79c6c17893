//! `fleetq queues set Q --max-len N --retain-done N`: live queue limits.

use crate::output::Printer;
use crate::output::report::Done;
use crate::runtime::error::Classified;
use crate::runtime::job::QueueSettings;
use crate::runtime::{Runtime, validate_queue_name};
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    max_len: Option<u64>,
    retain_done: Option<u64>,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    // setting limits on a queue before its first job is allowed: it prepares the queue
    validate_queue_name(queue)?;
    if max_len.is_none() && retain_done.is_none() {
        return Err(Classified::usage("nothing to set")
            .with_hint("pass --max-len N and/or --retain-done N")
            .into());
    }
    runtime
        .backend
        .configure(
            queue,
            &QueueSettings {
                max_len,
                retain_done,
            },
        )
        .await?;
    printer.report_from(
        &runtime.backend.describe(),
        &Done {
            fields: Configured {
                queue,
                max_len,
                retain_done,
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
}
