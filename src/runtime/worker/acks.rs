//! A consumer's acks: finished jobs wait here until a lease call carries them, or, when no
//! lease leaves for a while, the flusher sends them alone.

use super::consumer::Consumer;
use crate::runtime::job::{AckReport, Completion};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// How long a finished job's ack may wait for company before it is sent alone.
const ACK_DELAY: Duration = Duration::from_millis(3);

impl Consumer {
    pub(super) fn take_acks(&self) -> Vec<Completion> {
        self.acks
            .lock()
            .map(|mut acks| std::mem::take(&mut *acks))
            .unwrap_or_default()
    }

    pub(super) fn restore_acks(&self, mut completions: Vec<Completion>) {
        if let Ok(mut acks) = self.acks.lock() {
            completions.append(&mut acks);
            *acks = completions;
        }
    }

    pub(super) fn pending_acks(&self) -> usize {
        self.acks.lock().map_or(0, |acks| acks.len())
    }

    /// Counts what the backend confirmed about a batch of acks.
    pub(super) fn account(&self, report: &AckReport) {
        self.counters
            .done
            .fetch_add(report.acked + report.already, Ordering::Relaxed);
        self.counters
            .lost
            .fetch_add(report.stale.len() as u64, Ordering::Relaxed);
        if let Some(metrics) = &self.metrics {
            metrics
                .done
                .get_or_create(&self.job_labels())
                .inc_by(report.acked + report.already);
            metrics
                .leases_lost
                .get_or_create(&self.queue_label())
                .inc_by(report.stale.len() as u64);
        }
        if let Some(observer) = &self.observer {
            observer.confirmed(report.acked + report.already);
        }
        for id in &report.stale {
            tracing::warn!(queue = %self.pipeline.queue, job = %id, "completed after its lease was lost; another attempt owns it");
        }
    }

    pub(super) async fn flush_acks(&self) -> bool {
        let completions = self.take_acks();
        if completions.is_empty() {
            return true;
        }
        let started = Instant::now();
        let completed = self
            .backend
            .complete(&self.pipeline.queue, &completions)
            .await;
        self.round_trip("ack", started);
        match completed {
            Ok(report) => {
                self.trouble.recovered();
                self.account(&report);
                true
            }
            Err(error) => {
                self.trouble.failed("could not send acks", &error);
                self.restore_acks(completions);
                false
            }
        }
    }

    pub(super) async fn ack_loop(self: Arc<Self>, stop: CancellationToken) {
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = self.ack_ready.notified() => {}
            }
            // a busy worker's leases carry its acks; they go alone only when no lease left
            // for a whole delay (the queue is dry, or limits hold leasing back)
            loop {
                let sent = self.lanes.calls_sent();
                tokio::time::sleep(ACK_DELAY).await;
                if self.pending_acks() == 0 || self.lanes.calls_sent() == sent {
                    break;
                }
            }
            if !self.flush_acks().await {
                tokio::time::sleep(Duration::from_millis(500)).await;
                self.ack_ready.notify_one();
            }
        }
    }
}
