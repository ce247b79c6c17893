//! `fleetq bench`: bulk enqueue, drain with an in-process worker, time single-job pickup.

use crate::cli::args::{BenchArgs, BenchModeArg};
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::bench::{self, BenchMode, BenchOptions, BenchReport};
use crate::runtime::config::Settings;
use crate::runtime::pipeline;
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    arguments: BenchArgs,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    if let Some(queue) = &arguments.queue {
        crate::runtime::validate_queue_name(queue)?;
    }
    let pipeline = match &arguments.pipeline {
        Some(path) => pipeline::load(path)?,
        None => pipeline::noop("bench"),
    };
    let backend_url = settings.backend.clone();
    let prefix = settings.prefix.clone();
    let runtime = Runtime::connect(settings).await?;
    let sessions = match (arguments.sessions, arguments.fair_sessions) {
        (0, false) => String::new(),
        (0, true) => ", fair sessions (none given)".to_string(),
        (count, fair) => format!(", {count} sessions{}", if fair { ", fair" } else { "" }),
    };
    let mode = match arguments.mode {
        BenchModeArg::Drain => BenchMode::Drain,
        BenchModeArg::E2e => BenchMode::E2e,
    };
    let workers = arguments.workers.unwrap_or(0) as usize;
    printer.status(&format!(
        "bench: {} jobs, {} mode, {}, concurrency {}, pipeline {}{sessions}, on {}",
        arguments.jobs,
        if mode == BenchMode::Drain {
            "drain"
        } else {
            "e2e"
        },
        match workers {
            0 => "one in-process worker".to_string(),
            count => format!("{count} worker processes"),
        },
        arguments.concurrency,
        pipeline.name,
        runtime.backend.describe()
    ));
    let progress = printer.progress("enqueue");
    let options = BenchOptions {
        mode,
        workers,
        pipeline_file: arguments.pipeline.clone(),
        backend_url,
        prefix,
        jobs: arguments.jobs.max(1),
        concurrency: arguments.concurrency.max(1),
        latency_samples: arguments.latency_samples,
        pipeline,
        sessions: arguments.sessions,
        fair_sessions: arguments.fair_sessions,
        queue: arguments.queue.clone(),
    };
    let report = bench::run(runtime.backend.clone(), options, &progress).await?;
    progress.finish();
    printer.report(&Measured(report));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
#[serde(transparent)]
struct Measured(BenchReport);

impl Report for Measured {
    fn view(&self) -> Vec<View> {
        let report = &self.0;
        let mut table = new_table(&["METRIC", "VALUE"]);
        let rss = report.client_peak_rss_bytes.map_or_else(
            || "-".to_string(),
            |bytes| format!("{:.1} MiB", bytes as f64 / 1048576.0),
        );
        let worker_rss = report.worker_peak_rss_bytes.map_or_else(
            || "-".to_string(),
            |bytes| format!("{:.1} MiB", bytes as f64 / 1048576.0),
        );
        for (metric, value) in [
            (
                "mode",
                match report.mode {
                    BenchMode::Drain => "drain (queue filled first; workers timed)",
                    BenchMode::E2e => "e2e (first enqueue to last ack)",
                }
                .to_string(),
            ),
            (
                "workers",
                match report.workers {
                    0 => "1, in the bench process".to_string(),
                    count => format!("{count} processes"),
                },
            ),
            ("jobs", report.jobs.to_string()),
            ("concurrency", report.concurrency.to_string()),
            (
                "enqueue jobs/s",
                format!("{:.0}", report.enqueue_jobs_per_sec),
            ),
            (
                "end-to-end jobs/s",
                format!("{:.0}", report.end_to_end_jobs_per_sec),
            ),
            ("pickup p50", format!("{:.2} ms", report.pickup_p50_ms)),
            ("pickup p99", format!("{:.2} ms", report.pickup_p99_ms)),
            ("client peak RSS", rss),
            ("worker peak RSS", worker_rss),
            (
                "server CPU per job",
                report.server_cpu_us_per_job.map_or_else(
                    || "- (no server: the store runs in the client)".to_string(),
                    |micros| format!("{micros:.1} µs"),
                ),
            ),
            (
                "server commands per job",
                report
                    .server_commands_per_job
                    .map_or_else(|| "-".to_string(), |commands| format!("{commands:.2}")),
            ),
        ] {
            table.add_row(vec![metric.to_string(), value]);
        }
        vec![View::table(table)]
    }
}
