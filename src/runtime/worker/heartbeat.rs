//! The heartbeat: extends held leases, stops jobs whose lease was lost or cancelled, runs the
//! (fleet-wide single) reaper, and keeps the worker's registration fresh.

use super::consumer::Consumer;
use crate::runtime::backend::Backend;
use crate::runtime::job::{LeaseStatus, WorkerInfo};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Beats three times per lease, so one missed beat never loses a lease.
fn interval(consumers: &[Arc<Consumer>]) -> Duration {
    consumers
        .iter()
        .map(|consumer| consumer.pipeline.lease / 3)
        .min()
        .unwrap_or(Duration::from_secs(10))
        .min(Duration::from_secs(5))
}

pub fn registry_ttl(consumers: &[Arc<Consumer>]) -> Duration {
    interval(consumers) * 4
}

pub async fn run(
    backend: Arc<dyn Backend>,
    consumers: Vec<Arc<Consumer>>,
    mut info: WorkerInfo,
    stop: CancellationToken,
) {
    let period = interval(&consumers);
    let ttl = registry_ttl(&consumers);
    let mut ticker = tokio::time::interval(period);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = ticker.tick() => {}
        }
        for consumer in &consumers {
            beat(backend.as_ref(), consumer, &info.id).await;
        }
        info.in_flight = consumers
            .iter()
            .map(|consumer| consumer.in_flight_count())
            .sum();
        if let Err(error) = backend.register_worker(&info, ttl).await {
            tracing::warn!(%error, "worker heartbeat failed");
        }
    }
}

async fn beat(backend: &dyn Backend, consumer: &Consumer, worker: &str) {
    let queue = &consumer.pipeline.queue;
    let leases = consumer.held_leases();
    match backend
        .extend(queue, &leases, consumer.pipeline.lease)
        .await
    {
        Ok(statuses) => {
            for (lease, status) in leases.iter().zip(statuses) {
                if status != LeaseStatus::Extended {
                    tracing::warn!(queue = %queue, job = %lease.id, status = ?status, "lease gone; stopping the job");
                    consumer.abandon(&lease.id);
                }
            }
        }
        Err(error) => tracing::warn!(queue = %queue, %error, "could not extend leases"),
    }
    match backend.reap(queue, worker).await {
        Ok(Some(report)) if report.retried + report.dead > 0 => {
            tracing::warn!(queue = %queue, retried = report.retried, dead = report.dead, "reaped expired leases")
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(queue = %queue, %error, "reaper sweep failed"),
    }
}
