//! Prometheus metrics (through `prometheus-client`): a worker's counters, histograms and gauges
//! behind `--metrics-addr`, and the queue gauges `fleetq stats --output prometheus` prints for a
//! textfile collector.

use crate::runtime::backend::MemoryUsage;
use crate::runtime::job::QueueStats;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct JobLabels {
    pub queue: String,
    pub pipeline: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StepLabels {
    pub queue: String,
    pub pipeline: String,
    pub step: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct QueueLabel {
    pub queue: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CallLabel {
    pub call: String,
}

fn seconds_histogram() -> Histogram {
    // 1 ms to about 9 minutes
    Histogram::new(exponential_buckets(0.001, 2.0, 20))
}

fn round_trip_histogram() -> Histogram {
    // 50 µs to about 1.6 s
    Histogram::new(exponential_buckets(0.000_05, 2.0, 16))
}

/// A worker process's metrics.
pub struct WorkerMetrics {
    registry: Registry,
    pub done: Family<JobLabels, Counter>,
    pub failed: Family<JobLabels, Counter>,
    pub retried: Family<JobLabels, Counter>,
    pub dead: Family<JobLabels, Counter>,
    pub job_seconds: Family<JobLabels, Histogram, fn() -> Histogram>,
    pub step_seconds: Family<StepLabels, Histogram, fn() -> Histogram>,
    pub in_flight: Family<QueueLabel, Gauge>,
    pub lease_extensions: Family<QueueLabel, Counter>,
    pub leases_lost: Family<QueueLabel, Counter>,
    pub backend_seconds: Family<CallLabel, Histogram, fn() -> Histogram>,
    pub airgap: Gauge,
    pub spooled: Gauge,
}

impl Default for WorkerMetrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("fleetq");
        let metrics = WorkerMetrics {
            done: Family::default(),
            failed: Family::default(),
            retried: Family::default(),
            dead: Family::default(),
            job_seconds: Family::new_with_constructor(seconds_histogram),
            step_seconds: Family::new_with_constructor(seconds_histogram),
            in_flight: Family::default(),
            lease_extensions: Family::default(),
            leases_lost: Family::default(),
            backend_seconds: Family::new_with_constructor(round_trip_histogram),
            airgap: Gauge::default(),
            spooled: Gauge::default(),
            registry: Registry::default(),
        };
        registry.register(
            "jobs_done",
            "Jobs whose ack the backend confirmed",
            metrics.done.clone(),
        );
        registry.register(
            "jobs_failed",
            "Failed attempts the backend recorded (retried or dead)",
            metrics.failed.clone(),
        );
        registry.register(
            "jobs_retried",
            "Failed attempts scheduled to run again",
            metrics.retried.clone(),
        );
        registry.register(
            "jobs_dead",
            "Jobs that went to the dead-letter queue",
            metrics.dead.clone(),
        );
        registry.register(
            "job_duration_seconds",
            "Time a job's steps took, per attempt",
            metrics.job_seconds.clone(),
        );
        registry.register(
            "step_duration_seconds",
            "Time each step took",
            metrics.step_seconds.clone(),
        );
        registry.register(
            "jobs_in_flight",
            "Jobs this worker is running",
            metrics.in_flight.clone(),
        );
        registry.register(
            "lease_extensions",
            "Leases extended by heartbeats",
            metrics.lease_extensions.clone(),
        );
        registry.register(
            "leases_lost",
            "Jobs whose lease was lost while running or before the ack",
            metrics.leases_lost.clone(),
        );
        registry.register(
            "backend_round_trip_seconds",
            "Round trips to the backend by call",
            metrics.backend_seconds.clone(),
        );
        registry.register(
            "airgap",
            "1 while jobs spool locally because Redis is unreachable",
            metrics.airgap.clone(),
        );
        registry.register(
            "spooled_jobs",
            "Jobs waiting in this host's airgap spool",
            metrics.spooled.clone(),
        );
        WorkerMetrics {
            registry,
            ..metrics
        }
    }
}

impl std::fmt::Debug for WorkerMetrics {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("WorkerMetrics")
    }
}

impl WorkerMetrics {
    pub fn encode(&self) -> String {
        let mut text = String::new();
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }

    pub fn round_trip(&self, call: &str, took: Duration) {
        self.backend_seconds
            .get_or_create(&CallLabel {
                call: call.to_string(),
            })
            .observe(took.as_secs_f64());
    }
}

/// Queue gauges in the Prometheus text format, for `fleetq stats --output prometheus`.
pub fn queue_gauges(queues: &[QueueStats], memory: Option<&MemoryUsage>) -> String {
    let mut root = Registry::default();
    let registry = root.sub_registry_with_prefix("fleetq_queue");
    type Read = fn(&QueueStats) -> f64;
    let gauges: [(&str, &str, Read); 11] = [
        ("pending", "Jobs ready to run", |queue| queue.pending as f64),
        (
            "delayed",
            "Jobs waiting for their time or a retry",
            |queue| queue.delayed as f64,
        ),
        ("active", "Jobs leased by a worker", |queue| {
            queue.active as f64
        }),
        (
            "stalled",
            "Leased jobs whose worker stopped heartbeating",
            |queue| queue.stalled as f64,
        ),
        ("dead", "Jobs in the dead-letter queue", |queue| {
            queue.dead as f64
        }),
        (
            "done",
            "Jobs done since the queue was created or purged",
            |queue| queue.done as f64,
        ),
        (
            "retried",
            "Retries since the queue was created or purged",
            |queue| queue.retried as f64,
        ),
        (
            "throughput_1m",
            "Jobs done per second over the last minute",
            |queue| queue.throughput_1m,
        ),
        (
            "oldest_pending_age_seconds",
            "Age of the oldest pending job",
            |queue| queue.oldest_pending_age_ms.unwrap_or(0) as f64 / 1000.0,
        ),
        ("workers", "Workers heartbeating on the queue", |queue| {
            queue.workers as f64
        }),
        ("paused", "1 while the queue is paused", |queue| {
            f64::from(u8::from(queue.paused))
        }),
    ];
    for (name, help, read) in gauges {
        let family = Family::<QueueLabel, Gauge<f64, AtomicU64>>::default();
        for queue in queues {
            family
                .get_or_create(&QueueLabel {
                    queue: queue.queue.clone(),
                })
                .set(read(queue));
        }
        registry.register(name, help, family);
    }
    if let Some(memory) = memory {
        let server = root.sub_registry_with_prefix("fleetq_redis_memory");
        for (name, help, bytes) in [
            ("used_bytes", "Redis used_memory", memory.used_bytes),
            ("max_bytes", "Redis maxmemory (0: none)", memory.max_bytes),
        ] {
            let gauge = Gauge::<i64>::default();
            gauge.set(bytes as i64);
            server.register(name, help, gauge);
        }
    }
    let mut text = String::new();
    let _ = prometheus_client::encoding::text::encode(&mut text, &root);
    text
}
