//! `fleetq worker`: validates the pipelines, then runs them until a signal, --burst, --max-jobs
//! or --max-runtime ends the run. First SIGINT/SIGTERM drains gracefully; a second exits at once.

use crate::cli::args::WorkerArgs;
use crate::output::{Printer, Report, View};
use crate::runtime::airgap;
use crate::runtime::config::{BackendAddress, Settings};
use crate::runtime::error::Classified;
use crate::runtime::open_backend;
use crate::runtime::pipeline::{self, exec::kill_all_steps};
use crate::runtime::worker::{self, StopReason, WorkerOptions, WorkerReport};
use std::process::ExitCode;
use tokio::signal::unix::{SignalKind, signal};
use tokio_util::sync::CancellationToken;

pub async fn run(
    arguments: WorkerArgs,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let mut pipelines = Vec::new();
    for path in &arguments.pipelines {
        pipelines.push(pipeline::load(path)?);
    }
    if let Some(queue) = &arguments.queue {
        crate::runtime::validate_queue_name(queue)?;
        let [only] = pipelines.as_mut_slice() else {
            return Err(Classified::usage("--queue applies to one pipeline")
                .with_hint("run a worker per pipeline, or drop --queue")
                .into());
        };
        only.queue = queue.clone();
    }
    let mut queues: Vec<&str> = pipelines
        .iter()
        .map(|pipeline| pipeline.queue.as_str())
        .collect();
    queues.sort_unstable();
    if queues.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(Classified::usage("two pipelines consume the same queue")
            .with_hint("run one pipeline per queue in a worker")
            .into());
    }
    let address = BackendAddress::from_settings(&settings)?;
    let stop = CancellationToken::new();
    let options = WorkerOptions {
        concurrency: arguments.concurrency.map(|value| value as usize),
        burst: arguments.burst,
        burst_wait: arguments.burst_wait,
        max_jobs: arguments.max_jobs,
        max_runtime: arguments.max_runtime,
        shutdown_grace: arguments.shutdown_grace,
        labels: arguments.labels.into_iter().collect(),
        metrics_addr: arguments.metrics_addr,
        metrics: arguments
            .metrics_addr
            .map(|_| std::sync::Arc::new(crate::runtime::metrics::WorkerMetrics::default())),
    };
    // where airgap applies, the worker finds Redis (or the spool) by itself and keeps probing
    let backend = match airgap::applies(&settings, &address) {
        true => None,
        false => Some(open_backend(&address, &settings).await?),
    };
    let interrupted = watch_signals(stop.clone(), printer.quiet())?;
    let (report, reason) = match backend {
        Some(backend) => worker::run(backend, pipelines, options, stop, None).await?,
        None => airgap::worker::run(&settings, &address, pipelines, options, stop).await?,
    };
    printer.report(&Finished(report));
    if reason == StopReason::Signal && interrupted.load(std::sync::atomic::Ordering::Relaxed) {
        return Ok(ExitCode::from(130));
    }
    Ok(ExitCode::SUCCESS)
}

/// SIGTERM or SIGINT once: stop taking jobs and drain. Twice: kill running steps and exit 130;
/// their jobs come back when the leases expire. Returns whether SIGINT was the first signal.
fn watch_signals(
    stop: CancellationToken,
    quiet: bool,
) -> anyhow::Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let by_interrupt = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = by_interrupt.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = interrupt.recv() => flag.store(true, std::sync::atomic::Ordering::Relaxed),
            _ = terminate.recv() => {}
        }
        // stop first, then say so: whoever reads the line knows no new job starts after it
        stop.cancel();
        if !quiet {
            tracing::warn!("stopping: finishing in-flight jobs (signal again to exit at once)");
        }
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        // exit first and log nothing: a hard stop must not depend on stderr still being open
        kill_all_steps();
        std::process::exit(130);
    });
    Ok(by_interrupt)
}

/// The run's totals: JSON for scripts; people have already read them in the closing log line.
#[derive(serde::Serialize)]
#[serde(transparent)]
struct Finished(WorkerReport);

impl Report for Finished {
    fn view(&self) -> Vec<View> {
        Vec::new()
    }
}
