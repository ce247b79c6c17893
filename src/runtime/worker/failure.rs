//! What a consumer does with a failed job: record the attempt (a retry after the backoff, or
//! dead), and for a job that just went dead, run the pipeline's `on_failure:` steps once.

use super::consumer::Consumer;
use crate::runtime::job::{FailOutcome, FailureReport, LeasedJob};
use crate::runtime::pipeline::{JobOutcome, StepFailure, run_on_failure};
use std::sync::atomic::Ordering;

impl Consumer {
    pub(super) async fn report_failure(
        &self,
        job: &LeasedJob,
        failure: StepFailure,
        outputs: serde_json::Map<String, serde_json::Value>,
    ) {
        let exhausted = failure.fatal || job.attempts >= job.max_attempts;
        let report = FailureReport {
            id: job.id.clone(),
            token: job.token.clone(),
            error: failure.error.clone(),
            stderr: failure.stderr,
            // an http `Retry-After` is the least wait, whatever the backoff says
            retry_delay: (!exhausted).then(|| {
                self.pipeline
                    .retry
                    .delay(job.attempts)
                    .max(failure.retry_after.unwrap_or_default())
            }),
            outputs: serde_json::Value::Object(outputs).to_string(),
        };
        let started = std::time::Instant::now();
        let recorded = self.backend.fail(&job.queue, &report).await;
        self.round_trip("fail", started);
        if let (Some(metrics), Ok(outcome)) = (&self.metrics, &recorded) {
            let labels = self.job_labels();
            match outcome {
                FailOutcome::Dead => {
                    metrics.failed.get_or_create(&labels).inc();
                    metrics.dead.get_or_create(&labels).inc();
                }
                FailOutcome::Retry => {
                    metrics.failed.get_or_create(&labels).inc();
                    metrics.retried.get_or_create(&labels).inc();
                }
                FailOutcome::Stale => {}
            }
        }
        match recorded {
            Ok(FailOutcome::Dead) => {
                self.counters.failed.fetch_add(1, Ordering::Relaxed);
                tracing::error!(queue = %job.queue, job = %job.id, attempt = job.attempts, error = %failure.error, "job dead");
                self.after_death(job, &failure.error).await;
            }
            Ok(FailOutcome::Retry) => {
                self.counters.failed.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(queue = %job.queue, job = %job.id, attempt = job.attempts, retry_in = ?report.retry_delay.unwrap_or_default(), error = %failure.error, "job failed; will retry")
            }
            Ok(FailOutcome::Stale) => {
                self.counters.lost.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(queue = %job.queue, job = %job.id, "failed after its lease was lost; another attempt owns it")
            }
            Err(error) => {
                self.counters.unconfirmed.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(queue = %job.queue, job = %job.id, %error, "could not record the failure; the lease will expire and the job will run again")
            }
        }
    }

    /// Runs `on_failure:` once the backend has confirmed the job dead, so a job that is
    /// retried never runs it; their own failure is logged, the job is dead either way.
    async fn after_death(&self, job: &LeasedJob, error: &str) {
        if self.pipeline.on_failure.is_empty() {
            return;
        }
        let outcome = run_on_failure(&self.pipeline, job, &self.services, error, &mut |_| {}).await;
        if let JobOutcome::Failed { failure, .. } = outcome {
            tracing::warn!(queue = %job.queue, job = %job.id, error = %failure.error, "an on_failure step failed");
        }
    }
}
