//! The worker on a host where airgap applies: on Redis while it answers; while it does not
//! (or airgap is forced), on the spool with `process_locally`, else waiting and probing. It
//! switches by itself at the next probe, finishing the jobs of one side before it takes any
//! from the other, and syncs the spool first when `auto_sync` is on.

use super::settings::AirgapSettings;
use super::sync::SyncOptions;
use super::{is_unreachable, load_state, open_spool, record_probe};
use crate::runtime::backend::{Backend, NoProgress};
use crate::runtime::config::{BackendAddress, Settings};
use crate::runtime::pipeline::Pipeline;
use crate::runtime::worker::{self, StopReason, WorkerOptions, WorkerReport};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio_util::sync::CancellationToken;

/// Where the worker runs next.
enum Side {
    Redis(Arc<dyn Backend>),
    Spool,
    Wait(String),
}

pub async fn run(
    settings: &Settings,
    address: &BackendAddress,
    pipelines: Vec<Pipeline>,
    options: WorkerOptions,
    stop: CancellationToken,
) -> anyhow::Result<(WorkerReport, StopReason)> {
    let airgap = settings.airgap.clone();
    let mut total: Option<WorkerReport> = None;
    loop {
        if stop.is_cancelled() {
            return Ok((total.unwrap_or_default(), StopReason::Signal));
        }
        let side = match probe(settings, address, &airgap).await? {
            Ok(redis) => Side::Redis(redis),
            Err(_) if airgap.process_locally => Side::Spool,
            Err(reason) => Side::Wait(reason),
        };
        let (backend, on_redis): (Arc<dyn Backend>, bool) = match side {
            Side::Redis(redis) => {
                if airgap.auto_sync {
                    auto_sync(settings).await;
                }
                (redis, true)
            }
            Side::Spool => {
                tracing::warn!(spool = %airgap.spool.display(), "Redis is unreachable: processing spooled jobs on this host (process_locally)");
                (Arc::new(open_spool(&airgap).await?), false)
            }
            Side::Wait(reason) => {
                tracing::warn!(%reason, "Redis is unreachable and process_locally is off: waiting for it");
                tokio::select! {
                    _ = tokio::time::sleep(airgap.probe_interval) => {}
                    _ = stop.cancelled() => {}
                }
                continue;
            }
        };
        if let Some(metrics) = &options.metrics {
            metrics.airgap.set(i64::from(!on_redis));
            if !on_redis {
                let mut spooled = 0;
                for pipeline in &pipelines {
                    if let Ok(stats) = backend.queue_stats(&pipeline.queue).await {
                        spooled += stats.pending + stats.delayed;
                    }
                }
                metrics.spooled.set(spooled as i64);
            }
        }
        let phase = stop.child_token();
        let switched = Arc::new(AtomicBool::new(false));
        let watcher = tokio::spawn(watch(
            settings.clone(),
            address.clone(),
            on_redis,
            phase.clone(),
            switched.clone(),
        ));
        let result = worker::run(backend, pipelines.clone(), options.clone(), phase, None).await;
        watcher.abort();
        let (report, reason) = result?;
        total = Some(match total {
            None => report,
            Some(earlier) => merge(earlier, report),
        });
        if !switched.load(Ordering::Relaxed) || stop.is_cancelled() {
            let mut report = total.unwrap_or_default();
            report.stopped_by = Some(reason);
            return Ok((report, reason));
        }
    }
}

/// Redis if it answers and airgap is not forced; otherwise why not.
async fn probe(
    settings: &Settings,
    address: &BackendAddress,
    airgap: &AirgapSettings,
) -> anyhow::Result<Result<Arc<dyn Backend>, String>> {
    if let Some(forced) = load_state(airgap)?.forced {
        return Ok(Err(format!(
            "airgap is forced on this host{}",
            forced
                .reason
                .map(|reason| format!(" ({reason})"))
                .unwrap_or_default()
        )));
    }
    match crate::runtime::open_backend(address, settings).await {
        Ok(redis) => {
            record_probe(airgap, None)?;
            Ok(Ok(redis))
        }
        Err(error) if is_unreachable(&error) => {
            record_probe(airgap, Some(&error))?;
            Ok(Err(error.to_string()))
        }
        Err(error) => Err(error.into()),
    }
}

/// Probes every interval and ends the phase when the other side should run: on Redis, once
/// it is gone (and process_locally is on) or airgap is forced; on the spool, once Redis is back.
async fn watch(
    settings: Settings,
    address: BackendAddress,
    on_redis: bool,
    phase: CancellationToken,
    switched: Arc<AtomicBool>,
) {
    let airgap = &settings.airgap;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(airgap.probe_interval.max(std::time::Duration::from_millis(100))) => {}
            _ = phase.cancelled() => return,
        }
        let reachable = match probe(&settings, &address, airgap).await {
            Ok(answer) => answer.is_ok(),
            Err(error) => {
                tracing::warn!(%error, "airgap probe failed");
                continue;
            }
        };
        let switch = if on_redis {
            !reachable && airgap.process_locally
        } else {
            reachable
        };
        if switch {
            let to = if on_redis { "the spool" } else { "Redis" };
            tracing::warn!("switching to {to}: finishing in-flight jobs first");
            switched.store(true, Ordering::Relaxed);
            phase.cancel();
            return;
        }
    }
}

/// Pushes the spool to Redis; a failed sync is logged and retried at the next switch or run.
async fn auto_sync(settings: &Settings) {
    let airgap = &settings.airgap;
    if !airgap.spool.exists() {
        return;
    }
    let options = SyncOptions {
        dry_run: false,
        batch: 1000,
    };
    match super::control::sync(settings, options, &NoProgress).await {
        Ok(report) => {
            let conflicts = report.conflicts.len();
            if report.pushed + report.already_present + report.failed > 0 || conflicts > 0 {
                tracing::info!(
                    pushed = report.pushed,
                    already_present = report.already_present,
                    conflicts,
                    failed = report.failed,
                    tampered = report.tampered.len(),
                    "auto sync pushed spooled jobs to Redis"
                );
            }
        }
        Err(error) => {
            tracing::warn!(error = %format!("{error:#}"), "auto sync failed; jobs stay in the spool");
        }
    }
}

/// Totals across the phases of one run.
fn merge(mut earlier: WorkerReport, later: WorkerReport) -> WorkerReport {
    if !earlier
        .backend
        .split(", then ")
        .any(|name| name == later.backend)
    {
        earlier.backend = format!("{}, then {}", earlier.backend, later.backend);
    }
    earlier.done += later.done;
    earlier.failed += later.failed;
    earlier.released += later.released;
    earlier.lost += later.lost;
    earlier.unconfirmed += later.unconfirmed;
    earlier.remaining = later.remaining;
    earlier.stopped_by = later.stopped_by;
    earlier
}
