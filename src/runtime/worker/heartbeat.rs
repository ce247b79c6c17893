//! The heartbeat: one beat per queue extends held leases, stops jobs whose lease was lost or
//! cancelled, and recovers expired leases of workers that stopped beating; then the worker's
//! fleet registration is refreshed.

use super::consumer::Consumer;
use super::control::Control;
use crate::runtime::backend::{Backend, BeatRequest};
use crate::runtime::job::{LeaseStatus, WorkerInfo};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Beats three times per lease, so one missed beat never loses a lease.
pub fn interval(consumers: &[Arc<Consumer>]) -> Duration {
    consumers
        .iter()
        .map(|consumer| consumer.pipeline.lease / 3)
        .min()
        .unwrap_or(Duration::from_secs(10))
        .min(Duration::from_secs(5))
}

/// A silent worker is listed as stale for an hour, then forgotten.
pub fn registry_ttl() -> Duration {
    Duration::from_millis(crate::runtime::job::WORKER_FORGOTTEN_AFTER_MS as u64)
}

pub async fn run(
    backend: Arc<dyn Backend>,
    consumers: Vec<Arc<Consumer>>,
    mut info: WorkerInfo,
    control: Arc<Control>,
    stop: CancellationToken,
) {
    let period = interval(&consumers);
    let ttl = registry_ttl();
    let mut ticker = tokio::time::interval(period);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = ticker.tick() => {}
        }
        for consumer in &consumers {
            beat(backend.as_ref(), consumer).await;
        }
        info.in_flight = consumers
            .iter()
            .map(|consumer| consumer.in_flight_count())
            .sum();
        info.paused = control.paused();
        match backend.register_worker(&info, ttl).await {
            // the stored command: how a worker that missed the live message still gets it
            Ok(Some(command)) => control.apply(command),
            Ok(None) => {}
            Err(error) => {
                if let Some(consumer) = consumers.first() {
                    consumer
                        .trouble
                        .failed("worker registration failed", &error);
                }
            }
        }
    }
}

async fn beat(backend: &dyn Backend, consumer: &Consumer) {
    let queue = &consumer.pipeline.queue;
    let request = BeatRequest {
        owner: consumer.owner().to_string(),
        leases: consumer.held_leases(),
        lease: consumer.pipeline.lease,
    };
    let started = std::time::Instant::now();
    let beaten = backend.beat(queue, &request).await;
    consumer.round_trip("beat", started);
    match beaten {
        Ok(report) => {
            consumer.trouble.recovered();
            if let Some(metrics) = &consumer.metrics {
                let extended = report
                    .statuses
                    .iter()
                    .filter(|status| **status == LeaseStatus::Extended)
                    .count() as u64;
                let label = crate::runtime::metrics::QueueLabel {
                    queue: queue.clone(),
                };
                metrics
                    .lease_extensions
                    .get_or_create(&label)
                    .inc_by(extended);
                metrics
                    .leases_lost
                    .get_or_create(&label)
                    .inc_by(report.statuses.len() as u64 - extended);
            }
            for (lease, status) in request.leases.iter().zip(report.statuses) {
                if status != LeaseStatus::Extended {
                    tracing::warn!(queue = %queue, job = %lease.id, status = ?status, "lease gone; stopping the job");
                    consumer.abandon(&lease.id);
                }
            }
            if let Some(recovered) = report.recovered
                && recovered.retried + recovered.dead + recovered.returned > 0
            {
                tracing::warn!(
                    queue = %queue,
                    retried = recovered.retried,
                    dead = recovered.dead,
                    returned = recovered.returned,
                    "recovered expired leases"
                );
            }
        }
        Err(error) => consumer.trouble.failed("could not extend leases", &error),
    }
}
