//! `fleetq bench`: N jobs through a pipeline in one of two modes. `drain` enqueues them all,
//! then times the worker side alone; `e2e` starts the worker side first and times from the
//! first enqueue to the last ack while a producer enqueues. The worker side is one in-process
//! worker, or `--workers N` processes. Then it measures pickup latency of single jobs on an
//! idle worker, and reports rates, percentiles, RSS and the server's CPU cost per job.

mod processes;

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

/// What `end_to_end_jobs_per_sec` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum BenchMode {
    /// The queue is filled first; only the worker side is timed.
    #[default]
    Drain,
    /// Workers run first; timed from the first enqueue to the last ack.
    E2e,
}

#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub mode: BenchMode,
    /// Worker processes (0: one worker inside this process).
    pub workers: usize,
    /// The pipeline's file, for worker processes (None: a no-op pipeline written for them).
    pub pipeline_file: Option<std::path::PathBuf>,
    /// The backend and prefix worker processes connect with.
    pub backend_url: Option<String>,
    pub prefix: String,
    pub jobs: usize,
    pub concurrency: usize,
    pub latency_samples: usize,
    /// The pipeline to run; its queue is replaced by a private bench queue.
    pub pipeline: Pipeline,
    /// Job i goes to session `s<i mod sessions>` (0: no sessions).
    pub sessions: usize,
    /// The bench queue takes jobs round-robin across its sessions.
    pub fair_sessions: bool,
    /// The queue to bench on (none: a fresh one).
    pub queue: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub mode: BenchMode,
    /// Worker processes (0: one worker inside the bench process).
    pub workers: usize,
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
    /// The largest worker process (with --workers).
    pub worker_peak_rss_bytes: Option<u64>,
    /// The server's CPU over the timed window (drain: the workers alone; e2e: first enqueue
    /// to last ack); None for a backend without a server (the local store): its cost is in the
    /// client's.
    pub server_cpu_us_per_job: Option<f64>,
    /// Commands the server ran per job over the same window (each command inside a script
    /// counts, as does the script).
    pub server_commands_per_job: Option<f64>,
}

/// Relays when each sampled job started (with its id), and when the worker goes idle, so a
/// sample is enqueued only on an idle worker.
struct StartTimes {
    sender: mpsc::UnboundedSender<(String, Instant)>,
    /// Each wait on the doorbell, numbered in the order the worker began them.
    idle: mpsc::UnboundedSender<u64>,
    waits: std::sync::atomic::AtomicU64,
}

impl JobObserver for StartTimes {
    fn started(&self, job: &LeasedJob) {
        let _ = self.sender.send((job.id.clone(), Instant::now()));
    }

    fn idle(&self) {
        let number = self
            .waits
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        let _ = self.idle.send(number);
    }
}

/// The completions an in-process worker has had confirmed: e2e mode waits on these rather
/// than polling the backend, whose reads would be timed with the worker (on the local store a
/// poll every 10 ms took a fifth of the process's CPU and the store's write lock).
#[derive(Default)]
struct Confirmed {
    done: std::sync::atomic::AtomicU64,
    changed: tokio::sync::Notify,
}

impl Confirmed {
    /// Waits until `jobs` completions are confirmed; false if the deadline came first.
    async fn reach(&self, jobs: u64, deadline: Instant) -> bool {
        let done = || self.done.load(std::sync::atomic::Ordering::Relaxed) >= jobs;
        while !done() {
            // a confirmation between the check and this wait leaves a permit, so none is missed
            let woken = tokio::time::timeout_at(deadline.into(), self.changed.notified()).await;
            if woken.is_err() {
                return done();
            }
        }
        true
    }
}

impl JobObserver for Confirmed {
    fn confirmed(&self, done: u64) {
        self.done
            .fetch_add(done, std::sync::atomic::Ordering::Relaxed);
        self.changed.notify_one();
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
    let queue = match &options.queue {
        Some(queue) => {
            let stats = backend.queue_stats(queue).await?;
            let held = stats.pending + stats.delayed + stats.active + stats.dead;
            if held > 0 {
                anyhow::bail!(
                    "the bench queue `{queue}` holds {held} jobs; bench deletes its queue afterwards, so it takes an empty one"
                );
            }
            queue.clone()
        }
        None => format!("bench-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]),
    };
    let mut pipeline = options.pipeline.clone();
    pipeline.queue = queue.clone();
    if options.fair_sessions {
        let settings = QueueSettings {
            fair_sessions: Some(true),
            ..QueueSettings::default()
        };
        backend.configure(&queue, &settings).await?;
    }
    let written;
    let pipeline_file = match (&options.pipeline_file, options.workers) {
        (_, 0) => None,
        (Some(path), _) => Some(path.clone()),
        (None, _) => {
            written = NoopFile::write()?;
            Some(written.0.clone())
        }
    };
    let connection = processes::Connection {
        backend: options.backend_url.as_deref(),
        prefix: &options.prefix,
    };
    let side = WorkerSide {
        backend: backend.clone(),
        pipeline: &pipeline,
        file: pipeline_file.as_deref(),
        options: &options,
        connection: &connection,
    };
    progress.set_total(options.jobs as u64);
    // the server's usage is read around the timed window only, as the peer's bench does
    let (enqueue_seconds, process_seconds, worker_rss, window) = match options.mode {
        BenchMode::Drain => {
            let started = Instant::now();
            enqueue_all(backend.as_ref(), &queue, &options, progress).await?;
            let enqueue_seconds = started.elapsed().as_secs_f64();
            let before = backend.server_usage().await?;
            let started = Instant::now();
            let rss = side.drain().await?;
            let process_seconds = started.elapsed().as_secs_f64();
            let after = backend.server_usage().await?;
            (enqueue_seconds, process_seconds, rss, before.zip(after))
        }
        BenchMode::E2e => {
            let running = side.start().await?;
            let before = backend.server_usage().await?;
            let started = Instant::now();
            enqueue_all(backend.as_ref(), &queue, &options, progress).await?;
            let enqueue_seconds = started.elapsed().as_secs_f64();
            running
                .wait_done(backend.as_ref(), &queue, options.jobs as u64)
                .await?;
            let process_seconds = started.elapsed().as_secs_f64();
            let after = backend.server_usage().await?;
            let rss = running.stop().await?;
            (enqueue_seconds, process_seconds, rss, before.zip(after))
        }
    };
    let done = backend.queue_stats(&queue).await?.done;
    if done as usize != options.jobs {
        anyhow::bail!(
            "bench finished {done} of {} jobs; the queue {queue} was left for inspection",
            options.jobs
        );
    }

    let mut latencies =
        pickup_latencies(backend.clone(), &pipeline, options.latency_samples).await?;
    latencies.sort_by(f64::total_cmp);
    backend.delete_queue(&queue).await?;

    let jobs = options.jobs as f64;
    Ok(BenchReport {
        mode: options.mode,
        workers: options.workers,
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
        worker_peak_rss_bytes: worker_rss,
        server_cpu_us_per_job: window
            .as_ref()
            .map(|(before, after)| (after.cpu_seconds - before.cpu_seconds) * 1e6 / jobs.max(1.0)),
        server_commands_per_job: window.as_ref().map(|(before, after)| {
            after.commands.saturating_sub(before.commands) as f64 / jobs.max(1.0)
        }),
    })
}

/// Enqueues the bench's jobs in bulk batches.
async fn enqueue_all(
    backend: &dyn Backend,
    queue: &str,
    options: &BenchOptions,
    progress: &dyn ProgressSink,
) -> anyhow::Result<()> {
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
        backend.enqueue(queue, &jobs).await?;
        sent += size;
        progress.advance(size as u64);
    }
    Ok(())
}

/// The no-op pipeline as a file, for worker processes; removed when dropped.
struct NoopFile(std::path::PathBuf);

impl NoopFile {
    fn write() -> anyhow::Result<NoopFile> {
        let path = std::env::temp_dir().join(format!(
            "fleetq-bench-{}.yaml",
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::write(
            &path,
            "pipeline: bench-noop\nqueue: bench\nsteps:\n  - name: noop\n    noop: {}\n",
        )?;
        Ok(NoopFile(path))
    }
}

impl Drop for NoopFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The worker side of a bench: one worker in this process, or worker processes.
struct WorkerSide<'a> {
    backend: Arc<dyn Backend>,
    pipeline: &'a Pipeline,
    file: Option<&'a std::path::Path>,
    options: &'a BenchOptions,
    connection: &'a processes::Connection<'a>,
}

/// Workers started before the producer (e2e), stopped once every job is done.
enum Running {
    InProcess(
        CancellationToken,
        tokio::task::JoinHandle<anyhow::Result<(worker::WorkerReport, worker::StopReason)>>,
        Arc<Confirmed>,
    ),
    Processes(processes::Fleet),
}

impl Running {
    /// Waits until every job is acked: the in-process worker's confirmed completions, or the
    /// queue's done count polled every 10 ms (about a hundred small reads a second) for
    /// worker processes.
    async fn wait_done(&self, backend: &dyn Backend, queue: &str, jobs: u64) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(3600);
        let reached = match self {
            Running::InProcess(_, _, confirmed) => confirmed.reach(jobs, deadline).await,
            Running::Processes(_) => loop {
                if backend.queue_stats(queue).await?.done >= jobs {
                    break true;
                }
                if Instant::now() > deadline {
                    break false;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            },
        };
        if !reached {
            anyhow::bail!("the bench's jobs were not all done within an hour");
        }
        Ok(())
    }

    /// Stops the workers; returns the largest worker process's peak RSS.
    async fn stop(self) -> anyhow::Result<Option<u64>> {
        match self {
            Running::InProcess(stop, handle, _) => {
                stop.cancel();
                handle.await??;
                Ok(None)
            }
            Running::Processes(fleet) => {
                let rss = fleet.peak_rss_bytes();
                tokio::task::spawn_blocking(move || fleet.stop()).await??;
                Ok(rss)
            }
        }
    }
}

impl WorkerSide<'_> {
    fn worker_options(&self, burst: bool) -> WorkerOptions {
        WorkerOptions {
            concurrency: Some(self.options.concurrency),
            burst,
            ..WorkerOptions::default()
        }
    }

    /// Drains the filled queue and returns the worker processes' peak RSS, if any.
    async fn drain(&self) -> anyhow::Result<Option<u64>> {
        let Some(file) = self.file else {
            worker::run(
                self.backend.clone(),
                vec![self.pipeline.clone()],
                self.worker_options(true),
                CancellationToken::new(),
                None,
            )
            .await?;
            return Ok(None);
        };
        let fleet = processes::Fleet::start(
            self.options.workers,
            file,
            &self.pipeline.queue,
            self.options.concurrency,
            true,
            self.connection,
        )?;
        tokio::task::spawn_blocking(move || fleet.wait(Duration::from_secs(3600))).await?
    }

    /// Starts the workers and waits until each has registered, so the timing starts with
    /// the workers ready.
    async fn start(&self) -> anyhow::Result<Running> {
        let running = match self.file {
            None => {
                let stop = CancellationToken::new();
                let confirmed = Arc::new(Confirmed::default());
                let handle = tokio::spawn(worker::run(
                    self.backend.clone(),
                    vec![self.pipeline.clone()],
                    self.worker_options(false),
                    stop.clone(),
                    Some(confirmed.clone() as Arc<dyn JobObserver>),
                ));
                Running::InProcess(stop, handle, confirmed)
            }
            Some(file) => Running::Processes(processes::Fleet::start(
                self.options.workers,
                file,
                &self.pipeline.queue,
                self.options.concurrency,
                false,
                self.connection,
            )?),
        };
        let wanted = self.options.workers.max(1);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = self
                .backend
                .workers()
                .await?
                .iter()
                .filter(|entry| entry.info.queues.contains(&self.pipeline.queue))
                .count();
            if ready >= wanted {
                return Ok(running);
            }
            if Instant::now() > deadline {
                anyhow::bail!("{ready} of {wanted} bench workers registered within 20s");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
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
    let (idle, mut idled) = mpsc::unbounded_channel();
    let observer: Arc<dyn JobObserver> = Arc::new(StartTimes {
        sender,
        idle,
        waits: std::sync::atomic::AtomicU64::new(0),
    });
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
    // the wait the last sample was sent into
    let mut last_wait = 0;
    for _ in 0..samples {
        // idle pickup: the worker has leased the last sample and begun a later wait on its
        // doorbell (a job sent while it still acks the last one would be leased without a
        // ring). A wait begun before the last sample was sent is stale and skipped; one begun
        // since counts even when its signal came before the sample's start was reported (a
        // busy runtime can run the job's task after the loop's next wait begins).
        loop {
            match tokio::time::timeout(Duration::from_secs(10), idled.recv()).await {
                Ok(Some(wait)) if wait > last_wait => {
                    last_wait = wait;
                    break;
                }
                Ok(Some(_)) => {}
                _ => anyhow::bail!("the latency worker did not go idle within 10s"),
            }
        }
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
