//! `fleetq queues ls`: every known queue with its headline numbers.

use crate::output::{Printer, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::OutputFormat;
use std::process::ExitCode;

pub async fn run(runtime: &Runtime, printer: &Printer) -> anyhow::Result<ExitCode> {
    let mut rows = Vec::new();
    for queue in runtime.backend.queues().await? {
        let stats = runtime.backend.queue_stats(&queue).await?;
        rows.push(serde_json::json!({
            "queue": queue,
            "pending": stats.pending,
            "active": stats.active,
            "dead": stats.dead,
            "paused": stats.paused,
            "max_len": stats.max_len,
            "workers": stats.workers,
        }));
    }
    match printer.format() {
        OutputFormat::Json => printer
            .json(&serde_json::json!({"backend": runtime.backend.describe(), "queues": rows})),
        OutputFormat::Jsonl => rows.iter().for_each(|row| printer.json_line(row)),
        OutputFormat::Table => {
            printer.status(&format!("backend: {}", runtime.backend.describe()));
            let mut table = new_table(&[
                "QUEUE", "PENDING", "ACTIVE", "DEAD", "PAUSED", "MAX LEN", "WORKERS",
            ]);
            for row in &rows {
                let cell = |name: &str| match &row[name] {
                    serde_json::Value::Null => "-".to_string(),
                    serde_json::Value::Bool(flag) => if *flag { "yes" } else { "no" }.to_string(),
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                table.add_row(
                    [
                        "queue", "pending", "active", "dead", "paused", "max_len", "workers",
                    ]
                    .map(cell)
                    .to_vec(),
                );
            }
            printer.table(&table);
        }
    }
    Ok(ExitCode::SUCCESS)
}
