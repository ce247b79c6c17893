//! `fleetq bench`: enqueue N jobs in bulk, drain them with an in-process worker, then measure
//! pickup latency of single jobs on an idle worker. Reports rates, percentiles, RSS and the
//! server's CPU cost per job.

use crate::runtime::backend::{Backend, ProgressSink};
use crate::runtime::job::{LeasedJob, NewJob, QueueSettings};
use crate::runtime::pipeline::Pipeline;
use crate::runtime::worker::{self, JobObserver, WorkerOptions};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Jobs per enqueue call in the bulk phase.
pub const ENQUEUE_BATCH: usize = 1000;

#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub jobs: usize,
    pub concurrency: usize,
    pub latency_samples: usize,
    /// The pipeline to run; its queue is replaced by a private bench queue.
    pub pipeline: Pipeline,
    /// Job i goes to session `s<i mod sessions>` (0: no sessions).
    pub sessions: usize,
    /// The bench queue takes jobs round-robin across its sessions.
    pub fair_sessions: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub backend: String,
    pub queue: String,
    pub pipeline: String,
    pub jobs: usize,
    pub concurrency: usize,
    pub sessions: usize,
    pub fair_sessions: bool,
    pub enqueue_seconds: f64,
    pub enqueue_jobs_per_sec: f64,
    pub process_seconds: f64,
    pub end_to_end_jobs_per_sec: f64,
    pub pickup_p50_ms: f64,
    pub pickup_p99_ms: f64,
    pub latency_samples: usize,
    pub client_peak_rss_bytes: Option<u64>,
    /// None for a backend without a server (the local store): its cost is in the client's.
    pub server_cpu_us_per_job: Option<f64>,
}

/// Records when each sampled job started, keyed by id.
struct StartTimes {
    sender: mpsc::UnboundedSender<(String, Instant)>,
}

impl JobObserver for StartTimes {
    fn started(&self, job: &LeasedJob) {
        let _ = self.sender.send((job.id.clone(), Instant::now()));
    }
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

pub async fn run(
    backend: Arc<dyn Backend>,
    options: BenchOptions,
    progress: &dyn ProgressSink,
) -> anyhow::Result<BenchReport> {
    let queue = format!("bench-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let mut pipeline = options.pipeline.clone();
    pipeline.queue = queue.clone();
    if options.fair_sessions {
        let settings = QueueSettings {
            fair_sessions: Some(true),
            ..QueueSettings::default()
        };
        backend.configure(&queue, &settings).await?;
    }
    let before = backend.server_usage().await?;

    progress.set_total(options.jobs as u64);
    let started = Instant::now();
    let mut sent = 0;
    while sent < options.jobs {
        let size = (options.jobs - sent).min(ENQUEUE_BATCH);
        let jobs: Vec<NewJob> = (sent..sent + size)
            .map(|index| {
                let mut job = NewJob::new("{}".to_string());
                if options.sessions > 0 {
                    job.session = Some(format!("s{}", index % options.sessions));
                }
                job
            })
            .collect();
        backend.enqueue(&queue, &jobs).await?;
        sent += size;
        progress.advance(size as u64);
    }
    let enqueue_seconds = started.elapsed().as_secs_f64();

    let drain_options = WorkerOptions {
        concurrency: Some(options.concurrency),
        burst: true,
        ..WorkerOptions::default()
    };
    let started = Instant::now();
    let (report, _) = worker::run(
        backend.clone(),
        vec![pipeline.clone()],
        drain_options,
        CancellationToken::new(),
        None,
    )
    .await?;
    let process_seconds = started.elapsed().as_secs_f64();
    let after = backend.server_usage().await?;
    if report.done as usize != options.jobs {
        anyhow::bail!(
            "bench drained {} of {} jobs; the queue {queue} was left for inspection",
            report.done,
            options.jobs
        );
    }

    let mut latencies =
        pickup_latencies(backend.clone(), &pipeline, options.latency_samples).await?;
    latencies.sort_by(f64::total_cmp);
    backend.delete_queue(&queue).await?;

    let jobs = options.jobs as f64;
    Ok(BenchReport {
        backend: backend.describe(),
        queue,
        pipeline: pipeline.name.clone(),
        jobs: options.jobs,
        concurrency: options.concurrency,
        sessions: options.sessions,
        fair_sessions: options.fair_sessions,
        enqueue_seconds,
        enqueue_jobs_per_sec: jobs / enqueue_seconds.max(1e-9),
        process_seconds,
        end_to_end_jobs_per_sec: jobs / process_seconds.max(1e-9),
        pickup_p50_ms: percentile(&latencies, 0.50),
        pickup_p99_ms: percentile(&latencies, 0.99),
        latency_samples: latencies.len(),
        client_peak_rss_bytes: crate::runtime::peak_rss_bytes(),
        server_cpu_us_per_job: before
            .zip(after)
            .map(|(before, after)| (after.cpu_seconds - before.cpu_seconds) * 1e6 / jobs.max(1.0)),
    })
}

/// Enqueues one job at a time on an idle worker and times enqueue-to-start.
async fn pickup_latencies(
    backend: Arc<dyn Backend>,
    pipeline: &Pipeline,
    samples: usize,
) -> anyhow::Result<Vec<f64>> {
    if samples == 0 {
        return Ok(Vec::new());
    }
    let (sender, mut receiver) = mpsc::unbounded_channel();
    let observer: Arc<dyn JobObserver> = Arc::new(StartTimes { sender });
    let stop = CancellationToken::new();
    let options = WorkerOptions {
        concurrency: Some(1),
        ..WorkerOptions::default()
    };
    let worker = tokio::spawn(worker::run(
        backend.clone(),
        vec![pipeline.clone()],
        options,
        stop.clone(),
        Some(observer),
    ));
    let sent: Mutex<HashMap<String, Instant>> = Mutex::new(HashMap::new());
    let mut latencies = Vec::with_capacity(samples);
    for _ in 0..samples {
        let job = NewJob::new("{}".to_string());
        let id = job.id.clone();
        sent.lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?
            .insert(id.clone(), Instant::now());
        backend
            .enqueue(&pipeline.queue, std::slice::from_ref(&job))
            .await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, receiver.recv()).await {
                Ok(Some((started_id, at))) => {
                    if let Some(enqueued) = sent
                        .lock()
                        .map_err(|_| anyhow::anyhow!("lock poisoned"))?
                        .remove(&started_id)
                    {
                        latencies.push(at.duration_since(enqueued).as_secs_f64() * 1000.0);
                    }
                    if started_id == id {
                        break;
                    }
                }
                _ => anyhow::bail!("a job enqueued on an idle worker did not start within 10s"),
            }
        }
    }
    stop.cancel();
    worker.await??;
    Ok(latencies)
}
