//! What steps reach outside the job through: the backend (checkpoints, fleet-wide rates,
//! enqueue steps), one shared http client, and the coprocesses. `fleetq run` has no backend:
//! there an enqueue step reports what it would have sent, and rates do not apply.

use super::coprocess::Pool;
use super::run::StepFailure;
use super::spec::Pipeline;
use crate::runtime::backend::Backend;
use crate::runtime::job::{EnqueueStatus, LeaseRef, LeasedJob, NewJob};
use crate::runtime::rate::Rate;
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The id an enqueue step gives its job: the same every time this job reaches this step.
pub fn derived_id(job: &str, step: &str, element: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{job}\n{step}\n{element}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

pub struct Services {
    backend: Option<Arc<dyn Backend>>,
    http: OnceLock<reqwest::Client>,
    pub coprocesses: Pool,
    /// Values of the `env_allow` variables: secrets live there, so they are cut out of what
    /// http steps report.
    secrets: Vec<String>,
}

impl Services {
    pub fn new(backend: Option<Arc<dyn Backend>>, pipeline: &Pipeline) -> Services {
        let secrets = pipeline
            .env_allow
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .filter(|value| value.len() >= 4)
            .collect();
        Services {
            backend,
            http: OnceLock::new(),
            coprocesses: Pool::default(),
            secrets,
        }
    }

    pub fn http_client(&self) -> &reqwest::Client {
        self.http.get_or_init(|| {
            reqwest::Client::builder()
                .user_agent(concat!("fleetq/", env!("CARGO_PKG_VERSION")))
                .build()
                .unwrap_or_default()
        })
    }

    /// The text with every secret value replaced by `***`.
    pub fn redact(&self, text: &str) -> String {
        let mut text = text.to_string();
        for secret in &self.secrets {
            if text.contains(secret.as_str()) {
                text = text.replace(secret.as_str(), "***");
            }
        }
        text
    }

    /// Saves the outputs of a running job's completed steps, fenced by its lease. A lost
    /// write only means a retry redoes a step, so failures are logged, not fatal.
    pub async fn checkpoint(&self, job: &LeasedJob, outputs: &str) {
        let Some(backend) = &self.backend else {
            return;
        };
        let lease = LeaseRef {
            id: job.id.clone(),
            token: job.token.clone(),
        };
        match backend.checkpoint(&job.queue, &lease, outputs).await {
            Ok(true) => {}
            Ok(false) => {
                tracing::debug!(job = %job.id, "checkpoint refused: the lease is gone")
            }
            Err(error) => {
                tracing::warn!(job = %job.id, %error, "could not save a checkpoint; a retry would redo the step")
            }
        }
    }

    /// Waits until the fleet-wide budget of `rate` for this step grants a start. Waiting
    /// costs no attempt: the job keeps its lease meanwhile.
    pub async fn pace(&self, queue: &str, step: &str, rate: &Rate) -> Result<(), String> {
        let Some(backend) = &self.backend else {
            return Ok(());
        };
        let mut failures = 0u32;
        loop {
            match backend.take_rate(queue, step, rate, 1).await {
                Ok((granted, _)) if granted > 0 => return Ok(()),
                Ok((_, wait)) => tokio::time::sleep(wait.max(Duration::from_millis(1))).await,
                Err(error) => {
                    failures += 1;
                    if failures >= 5 {
                        return Err(format!(
                            "step `{step}`: could not take from its rate limit: {error}"
                        ));
                    }
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(failures))).await;
                }
            }
        }
    }

    /// An enqueue step's job, sent to `queue`; the output names the new job. Its id is
    /// derived from this job, the step and the foreach element, so a step that runs again
    /// (a retry, a re-delivery) finds its job already there instead of adding a second.
    pub async fn enqueue(
        &self,
        step: &str,
        queue: &str,
        job: NewJob,
    ) -> Result<Value, StepFailure> {
        let Some(backend) = &self.backend else {
            return Ok(json!({ "queue": queue, "id": job.id, "dry_run": true }));
        };
        let outcome = backend
            .enqueue(queue, std::slice::from_ref(&job))
            .await
            .map_err(|error| {
                StepFailure::retry(format!(
                    "step `{step}`: could not enqueue to `{queue}`: {error}"
                ))
            })?;
        let Some(outcome) = outcome.into_iter().next() else {
            return Err(StepFailure::retry(format!(
                "step `{step}`: the enqueue to `{queue}` got no answer"
            )));
        };
        match outcome.status {
            EnqueueStatus::Full => Err(StepFailure::retry(format!(
                "step `{step}`: queue `{queue}` is full; the step is tried again later"
            ))),
            EnqueueStatus::Stopped => Err(StepFailure::fatal(format!(
                "step `{step}`: the session is stopped on queue `{queue}`"
            ))),
            status => Ok(json!({ "queue": queue, "id": outcome.id, "status": status })),
        }
    }
}
