//! `fleetq queues ls`: every known queue with its headline numbers.

use crate::output::report::records_of;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
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
    fair_sessions: bool,
    rate: Option<String>,
    max_inflight: Option<u64>,
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
            fair_sessions: stats.fair_sessions,
            rate: stats.rate,
            max_inflight: stats.max_inflight,
        });
    }
    printer.report(&Listing {
        backend: runtime.backend.describe(),
        queues: rows,
    });
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Listing {
    backend: String,
    queues: Vec<QueueRow>,
}

impl Report for Listing {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.queues)
    }

    fn view(&self) -> Vec<View> {
        let mut table = new_table(&[
            "QUEUE", "PENDING", "ACTIVE", "DEAD", "PAUSED", "WORKERS", "MAX LEN", "FAIR", "LIMITS",
        ]);
        for row in &self.queues {
            table.add_row(vec![
                row.queue.clone(),
                row.pending.to_string(),
                row.active.to_string(),
                row.dead.to_string(),
                if row.paused { "yes" } else { "no" }.to_string(),
                row.workers.to_string(),
                or_dash(row.max_len.map(|max_len| max_len.to_string())),
                if row.fair_sessions { "yes" } else { "no" }.to_string(),
                limits(row),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        vec![format!("backend: {}", self.backend)]
    }
}

/// `20/s, 8 running`: the queue's fleet-wide limits, or a dash.
fn limits(row: &QueueRow) -> String {
    let mut parts = Vec::new();
    if let Some(rate) = &row.rate {
        parts.push(rate.clone());
    }
    if let Some(cap) = row.max_inflight {
        parts.push(format!("{cap} running"));
    }
    or_dash((!parts.is_empty()).then(|| parts.join(", ")))
}
