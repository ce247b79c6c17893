//! A consumer's end: once its fetch loop stops, running jobs get the grace period, what is
//! still running or held is released, and the last acks are confirmed.

use super::consumer::{Consumer, InFlight};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long a stopping worker keeps trying to confirm its last acks.
const FINAL_ACK_WINDOW: Duration = Duration::from_secs(10);

impl Consumer {
    /// After the fetch loop ends: release the held jobs (if told to stop), wait up to `grace`
    /// for in-flight jobs, stop and release the rest, and confirm the last acks (for a
    /// bounded time; what stays unconfirmed is counted).
    pub async fn finish(&self, grace: Duration) {
        // told to stop, held jobs go back at once; at --max-jobs they were counted, so they
        // run like the rest (the running jobs start them as they end)
        if self.told_to_stop() {
            self.release_held();
        }
        self.tasks.close();
        if tokio::time::timeout(grace, self.tasks.wait())
            .await
            .is_err()
        {
            self.release_held();
            let running: Vec<Arc<InFlight>> = self
                .in_flight
                .lock()
                .map(|map| map.values().cloned().collect())
                .unwrap_or_default();
            tracing::warn!(queue = %self.pipeline.queue, jobs = running.len(), "shutdown grace over; releasing running jobs");
            for entry in running {
                entry.release.store(true, Ordering::Relaxed);
                entry.abort.cancel();
            }
            self.tasks.wait().await;
        }
        let leases = self
            .to_release
            .lock()
            .map(|mut leases| std::mem::take(&mut *leases))
            .unwrap_or_default();
        if !leases.is_empty() {
            match self.backend.release(&self.pipeline.queue, &leases).await {
                Ok(released) => {
                    self.counters
                        .released
                        .fetch_add(released, Ordering::Relaxed);
                }
                Err(error) => {
                    tracing::warn!(queue = %self.pipeline.queue, %error, "could not release jobs; they come back when their leases expire")
                }
            }
        }
        let deadline = Instant::now() + FINAL_ACK_WINDOW;
        while !self.flush_acks().await {
            if Instant::now() >= deadline {
                let left = self.take_acks().len() as u64;
                self.counters.unconfirmed.fetch_add(left, Ordering::Relaxed);
                tracing::warn!(queue = %self.pipeline.queue, jobs = left, "acks not confirmed; those jobs run again when their leases expire");
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}
