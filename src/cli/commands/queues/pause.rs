//! `fleetq queues pause|resume Q`: a paused queue hands out no jobs; workers notice within a
//! heartbeat because every lease call reads the flag. A queue with no jobs yet can be paused.

use crate::output::Printer;
use crate::output::report::Done;
use crate::runtime::{Runtime, validate_queue_name};
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    paused: bool,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    // pausing ahead of a deploy must work before the queue's first job
    validate_queue_name(queue)?;
    runtime.backend.set_paused(queue, paused).await?;
    let kind = if paused { "paused" } else { "resumed" };
    runtime.backend.record_event(queue, kind, &[]).await?;
    printer.report_from(
        &runtime.backend.describe(),
        &Done {
            fields: Paused { queue, paused },
            said: format!("{queue}: {}", if paused { "paused" } else { "resumed" }),
        },
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct Paused<'a> {
    queue: &'a str,
    paused: bool,
}
