//! `fleetq stats`: per-queue counts, throughput, oldest pending age and workers; `--watch`
//! redraws (or, with jsonl, streams one object per tick).

use super::require_queues;
use crate::cli::args::StatsArgs;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::{OutputFormat, Settings};
use crate::runtime::duration::format_duration;
use crate::runtime::job::QueueStats;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Serialize)]
struct StatsReport {
    backend: String,
    queues: Vec<QueueStats>,
}

pub async fn run(
    arguments: StatsArgs,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    require_queues(&runtime, &arguments.queues).await?;
    let Some(interval) = arguments.watch else {
        printer.report(&collect(&runtime, &arguments.queues).await?);
        return Ok(ExitCode::SUCCESS);
    };
    loop {
        let report = collect(&runtime, &arguments.queues).await?;
        if printer.format() == OutputFormat::Table {
            printer.clear_screen();
        }
        printer.report(&report);
        tokio::select! {
            _ = tokio::time::sleep(interval.max(Duration::from_millis(100))) => {}
            _ = tokio::signal::ctrl_c() => return Ok(ExitCode::SUCCESS),
        }
    }
}

async fn collect(runtime: &Runtime, wanted: &[String]) -> anyhow::Result<StatsReport> {
    let names = if wanted.is_empty() {
        runtime.backend.queues().await?
    } else {
        wanted.to_vec()
    };
    let mut queues = Vec::with_capacity(names.len());
    for name in &names {
        queues.push(runtime.backend.queue_stats(name).await?);
    }
    Ok(StatsReport {
        backend: runtime.backend.describe(),
        queues,
    })
}

/// `0:3 5:120` — only the priority levels that hold jobs.
fn by_priority(levels: &[u64]) -> String {
    let parts: Vec<String> = levels
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(level, count)| format!("{level}:{count}"))
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(" ")
    }
}

impl Report for StatsReport {
    fn view(&self) -> Vec<View> {
        if self.queues.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(&[
            "QUEUE",
            "PENDING",
            "BY PRIORITY",
            "DELAYED",
            "ACTIVE",
            "DONE",
            "RETRIED",
            "DEAD",
            "JOBS/S 1M",
            "JOBS/S 5M",
            "OLDEST",
            "PAUSED",
            "WORKERS",
        ]);
        for queue in &self.queues {
            table.add_row(vec![
                queue.queue.clone(),
                queue.pending.to_string(),
                by_priority(&queue.pending_by_priority),
                queue.delayed.to_string(),
                match queue.stalled {
                    0 => queue.active.to_string(),
                    // say it in the table: these jobs wait for a worker on this queue to reap them
                    stalled => format!("{} ({stalled} stalled)", queue.active),
                },
                queue.done.to_string(),
                queue.retried.to_string(),
                queue.dead.to_string(),
                format!("{:.1}", queue.throughput_1m),
                format!("{:.1}", queue.throughput_5m),
                or_dash(
                    queue
                        .oldest_pending_age_ms
                        .map(|ms| format_duration(Duration::from_millis(ms))),
                ),
                if queue.paused { "yes" } else { "no" }.to_string(),
                queue.workers.to_string(),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        let mut lines = vec![format!("backend: {}", self.backend)];
        if self.queues.is_empty() {
            lines.push("no queues yet".to_string());
        }
        lines
    }

    fn warnings(&self) -> Vec<String> {
        let stalled: Vec<&str> = self
            .queues
            .iter()
            .filter(|queue| queue.stalled > 0)
            .map(|queue| queue.queue.as_str())
            .collect();
        if stalled.is_empty() {
            return Vec::new();
        }
        vec![format!(
            "stalled jobs in {}: their workers stopped heartbeating; a running `fleetq worker` for the queue re-delivers them",
            stalled.join(", ")
        )]
    }
}
