//! The worker: consumes each pipeline's queue with bounded concurrency, heartbeats its leases,
//! reaps expired ones, and shuts down without losing a job.

mod acks;
mod budget;
mod consumer;
mod control;
mod exporter;
mod failure;
mod heartbeat;
mod lanes;
mod lookahead;
mod pacing;
mod running;
mod stopping;
mod trouble;

use crate::runtime::backend::Backend;
use crate::runtime::error::Classified;
use crate::runtime::job::{LeasedJob, WorkerInfo};
use crate::runtime::pipeline::Pipeline;
use budget::JobBudget;
use consumer::Consumer;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use trouble::Trouble;

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Overrides every pipeline's own `concurrency`.
    pub concurrency: Option<usize>,
    /// Exit once the queues have nothing ready (for cron).
    pub burst: bool,
    /// How long a dry burst worker waits for delayed jobs and expiring leases that fall due.
    pub burst_wait: Duration,
    /// Jobs leased by the whole process, across its pipelines, before it stops.
    pub max_jobs: Option<u64>,
    pub max_runtime: Option<Duration>,
    /// How long in-flight jobs may finish after a stop before they are released.
    pub shutdown_grace: Duration,
    /// `--label k=v`: shown by `workers ls`, selectable with `--label`.
    pub labels: std::collections::BTreeMap<String, String>,
    /// `--metrics-addr`: where to serve `/metrics` and `/healthz`.
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// The metrics served there, made by the caller so they outlive one run (the airgap
    /// worker runs once per side and sets its own gauges).
    pub metrics: Option<Arc<crate::runtime::metrics::WorkerMetrics>>,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            concurrency: None,
            burst: false,
            burst_wait: Duration::from_secs(10),
            max_jobs: None,
            max_runtime: None,
            shutdown_grace: Duration::from_secs(30),
            labels: Default::default(),
            metrics_addr: None,
            metrics: None,
        }
    }
}

/// Concurrency when neither the flag nor the pipeline sets one.
pub const DEFAULT_CONCURRENCY: usize = 10;

/// Notified as jobs start and as their completions are confirmed; `bench` uses it to measure
/// pickup latency and to know when an in-process worker is done without asking the backend.
pub trait JobObserver: Send + Sync {
    fn started(&self, _job: &LeasedJob) {}
    /// The backend confirmed this many more completions.
    fn confirmed(&self, _done: u64) {}
    /// A lease loop found nothing to do and is about to wait on the doorbell.
    fn idle(&self) {}
}

/// Totals for the whole run, for the closing log line and `bench`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct WorkerReport {
    pub worker_id: String,
    /// The backend the worker ran against, password removed.
    pub backend: String,
    pub stopped_by: Option<StopReason>,
    /// Jobs whose completion the backend confirmed.
    pub done: u64,
    /// Failed attempts the backend recorded.
    pub failed: u64,
    pub released: u64,
    pub lost: u64,
    /// Finished jobs whose ack or failure was never confirmed; they run again after their
    /// lease expires.
    pub unconfirmed: u64,
    /// For burst runs: what was left behind in each queue.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub remaining: Vec<Remaining>,
}

/// Work a burst run left for the next one.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Remaining {
    pub queue: String,
    pub pending: u64,
    pub delayed: u64,
    pub stalled: u64,
    /// When the earliest delayed job falls due (backend ms).
    pub next_due_at: Option<i64>,
}

/// Why the worker stopped taking jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    Signal,
    Drained,
    MaxJobs,
    MaxRuntime,
    /// A burst run gave up: the backend stayed unreachable, or a step cannot be started.
    Failed,
    /// `fleetq workers stop`.
    Stopped,
}

pub fn worker_id() -> String {
    let host = hostname();
    let suffix = &uuid::Uuid::new_v4().simple().to_string()[..6];
    format!("{host}-{}-{suffix}", std::process::id())
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|name| name.trim().to_string())
        .ok()
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

/// Runs until `stop` is cancelled or an option ends the run; returns what happened.
pub async fn run(
    backend: Arc<dyn Backend>,
    pipelines: Vec<Pipeline>,
    options: WorkerOptions,
    stop: CancellationToken,
    observer: Option<Arc<dyn JobObserver>>,
) -> anyhow::Result<(WorkerReport, StopReason)> {
    let id = worker_id();
    let mut info = WorkerInfo {
        id: id.clone(),
        host: hostname(),
        pid: std::process::id(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        queues: pipelines
            .iter()
            .map(|pipeline| pipeline.queue.clone())
            .collect(),
        concurrency: pipelines
            .iter()
            .map(|pipeline| {
                options
                    .concurrency
                    .or(pipeline.concurrency)
                    .unwrap_or(DEFAULT_CONCURRENCY)
            })
            .sum(),
        in_flight: 0,
        labels: options.labels.clone(),
        started_at: crate::runtime::job::now_ms(),
        beat_ms: 0,
        paused: false,
    };
    let taking = stop.child_token();
    if let Some(limit) = options.max_runtime {
        let timer = taking.clone();
        tokio::spawn(async move {
            tokio::time::sleep(limit).await;
            timer.cancel();
        });
    }
    let control = control::Control::new(taking.clone());
    let trouble = Arc::new(Trouble::default());
    let metrics = options.metrics.clone().or_else(|| {
        options
            .metrics_addr
            .map(|_| Arc::new(crate::runtime::metrics::WorkerMetrics::default()))
    });
    let serving = CancellationToken::new();
    let exporter = match (options.metrics_addr, &metrics) {
        (Some(address), Some(metrics)) => {
            let (taking, trouble) = (taking.clone(), trouble.clone());
            let healthy: exporter::Health =
                Arc::new(move || !taking.is_cancelled() && trouble.duration().is_none());
            Some(exporter::serve(address, metrics.clone(), healthy, serving.clone()).await?)
        }
        _ => None,
    };
    let mut consumers = Vec::new();
    for pipeline in pipelines {
        let concurrency = options
            .concurrency
            .or(pipeline.concurrency)
            .unwrap_or(DEFAULT_CONCURRENCY);
        let doorbell = backend.doorbell(&pipeline.queue).await?;
        consumers.push(Arc::new(
            Consumer::new(
                backend.clone(),
                pipeline,
                concurrency,
                id.clone(),
                observer.clone(),
                trouble.clone(),
            )
            .with_doorbell(doorbell)
            .with_gate(control.gate())
            .with_metrics(metrics.clone()),
        ));
    }
    info.beat_ms = heartbeat::interval(&consumers).as_millis() as u64;
    // the registry is for operators; a worker that cannot register yet (Redis loading, at
    // maxmemory) still works, and the heartbeat registers it later
    match backend
        .register_worker(&info, heartbeat::registry_ttl())
        .await
    {
        // a command stored before this worker started is for an earlier one with its id
        Ok(_) => announce(backend.as_ref(), &info, "worker_online").await,
        Err(error) => trouble.failed("worker registration failed", &error),
    }
    tracing::info!(worker = %id, backend = %backend.describe(), queues = ?info.queues, concurrency = info.concurrency, "worker started");

    let beating = CancellationToken::new();
    let heartbeat_task = tokio::spawn(heartbeat::run(
        backend.clone(),
        consumers.clone(),
        info.clone(),
        control.clone(),
        beating.clone(),
    ));
    let listener = tokio::spawn(control::listen(
        backend.clone(),
        id.clone(),
        control.clone(),
        beating.clone(),
    ));
    let budget = Arc::new(JobBudget::new(options.max_jobs));
    // acks that no lease carries go alone, from one flusher per pipeline
    let flushing = CancellationToken::new();
    let flushers: Vec<_> = consumers
        .iter()
        .map(|consumer| tokio::spawn(consumer.clone().ack_loop(flushing.clone())))
        .collect();
    let mut loops = Vec::new();
    for consumer in &consumers {
        for lane in 0..consumer.lanes.count() {
            let consumer = consumer.clone();
            let taking = taking.clone();
            let options = options.clone();
            let budget = budget.clone();
            loops.push(tokio::spawn(async move {
                consumer.fetch_loop(lane, &options, &budget, &taking).await
            }));
        }
    }
    let mut reason = StopReason::Drained;
    for handle in loops {
        match handle.await? {
            StopReason::MaxJobs if reason != StopReason::Failed => reason = StopReason::MaxJobs,
            StopReason::Failed => {
                reason = StopReason::Failed;
                // one pipeline giving up ends the run for all of them
                taking.cancel();
            }
            _ => {}
        }
    }
    flushing.cancel();
    for flusher in flushers {
        let _ = flusher.await;
    }
    // a consumer only knows it was told to stop; who told it decides the reason
    if reason == StopReason::Failed {
    } else if control.stopped() {
        reason = StopReason::Stopped;
    } else if stop.is_cancelled() {
        reason = StopReason::Signal;
    } else if taking.is_cancelled() {
        reason = StopReason::MaxRuntime;
    }
    // every consumer stopped taking jobs: let in-flight ones finish, then release the rest
    for consumer in &consumers {
        consumer.finish(options.shutdown_grace).await;
    }
    beating.cancel();
    serving.cancel();
    if let Some(exporter) = exporter {
        let _ = exporter.await;
    }
    let _ = heartbeat_task.await;
    let _ = listener.await;
    announce(backend.as_ref(), &info, "worker_offline").await;
    if let Err(error) = backend.unregister_worker(&info).await {
        tracing::warn!(%error, "could not unregister the worker; it will age out");
    }
    let mut report = WorkerReport {
        worker_id: id,
        backend: backend.describe(),
        stopped_by: Some(reason),
        ..WorkerReport::default()
    };
    for consumer in &consumers {
        report.done += consumer.counters.done.load(Ordering::Relaxed);
        report.failed += consumer.counters.failed.load(Ordering::Relaxed);
        report.released += consumer.counters.released.load(Ordering::Relaxed);
        report.lost += consumer.counters.lost.load(Ordering::Relaxed);
        report.unconfirmed += consumer.counters.unconfirmed.load(Ordering::Relaxed);
        if options.burst {
            report
                .remaining
                .push(remaining(backend.as_ref(), &consumer.pipeline.queue).await);
        }
    }
    tracing::info!(
        done = report.done,
        failed = report.failed,
        released = report.released,
        lost = report.lost,
        unconfirmed = report.unconfirmed,
        "worker stopped"
    );
    let failure = consumers
        .iter()
        .find_map(|consumer| consumer.failure.lock().ok()?.clone());
    if let Some((kind, reason)) = failure {
        return Err(
            Classified::new(kind, format!("the burst run stopped early: {reason}"))
                .with_hint(
                    "jobs not finished stay queued for the next run; `fleetq stats` shows them",
                )
                .into(),
        );
    }
    Ok((report, reason))
}

/// Tells each of the worker's queues' event streams that it came or went; an event that
/// cannot be written is not worth failing the run for.
async fn announce(backend: &dyn Backend, info: &WorkerInfo, kind: &str) {
    for queue in &info.queues {
        if let Err(error) = backend
            .record_event(queue, kind, &[("worker", info.id.clone())])
            .await
        {
            tracing::debug!(%error, "could not record {kind}");
        }
    }
}

/// What a queue holds once a burst run is over; unknown when the backend does not answer.
async fn remaining(backend: &dyn Backend, queue: &str) -> Remaining {
    match backend.queue_stats(queue).await {
        Ok(stats) => Remaining {
            queue: queue.to_string(),
            pending: stats.pending,
            delayed: stats.delayed,
            stalled: stats.stalled,
            next_due_at: stats.next_delayed_at,
        },
        Err(_) => Remaining {
            queue: queue.to_string(),
            ..Remaining::default()
        },
    }
}
