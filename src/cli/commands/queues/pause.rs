//! `fleetq queues pause|resume Q`: a paused queue hands out no jobs; workers notice within a
//! heartbeat because every lease call reads the flag.

use super::super::require_queue;
use crate::output::Printer;
use crate::runtime::Runtime;
use crate::runtime::config::OutputFormat;
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    paused: bool,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    require_queue(runtime, queue).await?;
    runtime.backend.set_paused(queue, paused).await?;
    if printer.format() != OutputFormat::Table {
        printer.json_line(&serde_json::json!({"queue": queue, "paused": paused}));
    }
    printer.status(&format!(
        "{queue}: {}",
        if paused { "paused" } else { "resumed" }
    ));
    Ok(ExitCode::SUCCESS)
}
