//! `fleetq stats`: per-queue counts, throughput, oldest pending age and workers; `--watch`
//! redraws (or, with jsonl, streams one object per tick).

use super::require_queues;
use crate::cli::args::StatsArgs;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::backend::MemoryUsage;
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
    /// The server's memory and its headroom under the guard (Redis only).
    #[serde(skip_serializing_if = "Option::is_none")]
    memory: Option<MemoryUsage>,
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
        memory: runtime.backend.memory().await?,
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

    fn prometheus(&self) -> Option<String> {
        Some(self.gauges())
    }

    fn status(&self) -> Vec<String> {
        let mut lines = vec![format!("backend: {}", self.backend)];
        if let Some(memory) = &self.memory {
            lines.push(describe_memory(memory));
        }
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
        let mut warnings = Vec::new();
        if !stalled.is_empty() {
            warnings.push(format!(
                "stalled jobs in {}: their workers stopped heartbeating; a running `fleetq worker` for the queue re-delivers them",
                stalled.join(", ")
            ));
        }
        if let Some(memory) = &self.memory {
            if memory.policy != "noeviction" {
                warnings.push(format!(
                    "maxmemory-policy is {}: at maxmemory Redis may evict jobs silently; set noeviction",
                    memory.policy
                ));
            }
            if memory.max_bytes > 0
                && memory.used_bytes as f64 >= memory.guard * memory.max_bytes as f64
            {
                warnings.push(
                    "memory is past the guard: enqueues are refused (exit 4) until workers drain"
                        .to_string(),
                );
            }
        }
        warnings
    }
}

impl StatsReport {
    fn gauges(&self) -> String {
        crate::runtime::metrics::queue_gauges(&self.queues, self.memory.as_ref())
    }
}

/// `memory: 1.2 MiB of 64.0 MiB (2%), enqueues refused past 90%`.
fn describe_memory(memory: &MemoryUsage) -> String {
    let mib = |bytes: u64| format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0));
    if memory.max_bytes == 0 {
        return format!(
            "memory: {} (no maxmemory set: Redis grows until the host runs out)",
            mib(memory.used_bytes)
        );
    }
    format!(
        "memory: {} of {} ({:.0}%), enqueues refused past {:.0}%",
        mib(memory.used_bytes),
        mib(memory.max_bytes),
        100.0 * memory.used_bytes as f64 / memory.max_bytes as f64,
        100.0 * memory.guard
    )
}
