//! `fleetq queues ls`: every known queue with its headline numbers.

use crate::output::table::or_dash;
use crate::output::{Printer, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::OutputFormat;
use serde::Serialize;
use std::process::ExitCode;

/// One queue's row; fields in the same order as `stats` prints them.
#[derive(Serialize)]
struct QueueRow {
    queue: String,
    pending: u64,
    active: u64,
    dead: u64,
    paused: bool,
    workers: u64,
    max_len: Option<u64>,
}

pub async fn run(runtime: &Runtime, printer: &Printer) -> anyhow::Result<ExitCode> {
    let mut rows = Vec::new();
    for queue in runtime.backend.queues().await? {
        let stats = runtime.backend.queue_stats(&queue).await?;
        rows.push(QueueRow {
            queue,
            pending: stats.pending,
            active: stats.active,
            dead: stats.dead,
            paused: stats.paused,
            workers: stats.workers,
            max_len: stats.max_len,
        });
    }
    match printer.format() {
        OutputFormat::Json => printer
            .json(&serde_json::json!({"backend": runtime.backend.describe(), "queues": rows})),
        OutputFormat::Jsonl => rows.iter().for_each(|row| printer.json_line(row)),
        OutputFormat::Table => {
            printer.status(&format!("backend: {}", runtime.backend.describe()));
            let mut table = new_table(&[
                "QUEUE", "PENDING", "ACTIVE", "DEAD", "PAUSED", "WORKERS", "MAX LEN",
            ]);
            for row in &rows {
                table.add_row(vec![
                    row.queue.clone(),
                    row.pending.to_string(),
                    row.active.to_string(),
                    row.dead.to_string(),
                    if row.paused { "yes" } else { "no" }.to_string(),
                    row.workers.to_string(),
                    or_dash(row.max_len.map(|max_len| max_len.to_string())),
                ]);
            }
            printer.table(&table);
        }
    }
    Ok(ExitCode::SUCCESS)
}
