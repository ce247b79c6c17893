//! Running one job through a pipeline: each step under its `when:`, rate, timeout and in-place
//! retries, with completed steps' outputs checkpointed so another attempt resumes after them.
//! The combinators live in `compose`, the step kinds in `kinds`.

use super::services::Services;
use super::spec::{Pipeline, Step};
use super::template;
use crate::runtime::duration::format_duration;
use crate::runtime::job::LeasedJob;
use serde_json::{Map, Value, json};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// Why a step (and so the job's attempt) failed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepFailure {
    pub error: String,
    pub stderr: String,
    /// Fatal failures skip the remaining attempts and go straight to dead.
    pub fatal: bool,
    /// The step's program could not be started: the worker's fault, not the job's, so the
    /// job goes back unspent.
    pub cannot_start: bool,
    /// The least wait before trying again (an http `Retry-After`).
    pub retry_after: Option<Duration>,
}

impl StepFailure {
    pub fn retry(error: String) -> StepFailure {
        StepFailure {
            error,
            ..StepFailure::default()
        }
    }

    pub fn fatal(error: String) -> StepFailure {
        StepFailure {
            error,
            fatal: true,
            ..StepFailure::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum JobOutcome {
    Done {
        outputs: Map<String, Value>,
    },
    Failed {
        failure: StepFailure,
        /// Outputs of the steps that did complete: the checkpoint for the next attempt.
        outputs: Map<String, Value>,
    },
}

/// One step as it ran, for `fleetq run`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepRun {
    pub name: String,
    pub kind: &'static str,
    pub ok: bool,
    /// Its `when:` did not hold.
    pub skipped: bool,
    /// Tries it took (more than one when it retried in place).
    pub tries: u32,
    pub seconds: f64,
    pub output: Value,
    pub error: Option<String>,
    pub stderr: Option<String>,
}

pub type StepFuture<'a> = Pin<Box<dyn Future<Output = Result<Value, StepFailure>> + Send + 'a>>;

/// Where a step runs: at the job's top level (outputs checkpointed with the job), or inside one
/// element of a `foreach` (outputs kept with that element).
#[derive(Clone, Default)]
pub struct Scope {
    pub local: Option<Arc<Mutex<Map<String, Value>>>>,
    pub item: Option<(Arc<Value>, usize)>,
    /// Appended to step names in reports: `[3]` for the fourth element.
    pub label: String,
}

/// Everything one job's run shares across its steps.
pub struct Run<'a> {
    pub pipeline: &'a Pipeline,
    pub job: &'a LeasedJob,
    pub services: &'a Services,
    pub data: Value,
    job_fields: Value,
    outputs: Mutex<Map<String, Value>>,
    /// Who hears how each step went; None when nobody listens, so no report is built.
    watch: Option<Mutex<&'a mut (dyn FnMut(StepRun) + Send)>>,
    deadline: Option<Instant>,
    job_timeout: Option<Duration>,
    /// Whether completed steps are saved with the job: not with `resume: false`, and not for
    /// `on_failure` steps, whose job is dead and whose lease is gone.
    checkpointing: bool,
    /// Checkpoints are written one at a time, each with all outputs so far, so a slow early
    /// write can never land after (and undo) a later one.
    saving: tokio::sync::Mutex<()>,
}

/// The job as steps see it, on stdin and in templates.
pub fn job_fields(job: &LeasedJob) -> Value {
    json!({
        "id": job.id,
        "queue": job.queue,
        "attempt": job.attempts,
        "max_attempts": job.max_attempts,
        "priority": job.priority,
        "correlation_id": job.correlation_id,
        "session": job.session,
        "created_at": job.created_at,
    })
}

/// Runs the job's remaining steps. Dropping the returned future kills any running step's
/// process group, which is how cancellation reaches it.
pub async fn run_job(pipeline: &Pipeline, job: &LeasedJob, services: &Services) -> JobOutcome {
    let run = Run::new(pipeline, job, services, None, None);
    run.sequence(&pipeline.steps).await
}

/// `run_job`, telling `watch` how each step went as it ends.
pub async fn run_job_watched(
    pipeline: &Pipeline,
    job: &LeasedJob,
    services: &Services,
    watch: &mut (dyn FnMut(StepRun) + Send),
) -> JobOutcome {
    let run = Run::new(pipeline, job, services, Some(watch), None);
    run.sequence(&pipeline.steps).await
}

/// Runs the `on_failure:` steps of a job that just went dead, once; `error` is the failure,
/// visible as `job.error`. Their own failures are only logged: the job is dead either way.
pub async fn run_on_failure(
    pipeline: &Pipeline,
    job: &LeasedJob,
    services: &Services,
    error: &str,
    watch: &mut (dyn FnMut(StepRun) + Send),
) -> JobOutcome {
    let run = Run::new(pipeline, job, services, Some(watch), Some(error));
    run.sequence(&pipeline.on_failure).await
}

impl<'a> Run<'a> {
    fn new(
        pipeline: &'a Pipeline,
        job: &'a LeasedJob,
        services: &'a Services,
        watch: Option<&'a mut (dyn FnMut(StepRun) + Send)>,
        error: Option<&str>,
    ) -> Run<'a> {
        let outputs: Map<String, Value> = if job.outputs.is_empty() || !pipeline.resume {
            Map::new()
        } else {
            serde_json::from_str(&job.outputs).unwrap_or_default()
        };
        // only templates and exec steps read the job's data and fields: a pipeline of builtins
        // skips the parse and the allocations per job
        let (data, mut job_fields) = if pipeline.needs_context || error.is_some() {
            (
                serde_json::from_str(&job.data).unwrap_or(Value::String(job.data.clone())),
                job_fields(job),
            )
        } else {
            (Value::Null, Value::Null)
        };
        if let Some(error) = error {
            job_fields["error"] = error.into();
        }
        let job_timeout = job.timeout.or(pipeline.timeout);
        Run {
            pipeline,
            job,
            services,
            data,
            job_fields,
            outputs: Mutex::new(outputs),
            watch: watch.map(Mutex::new),
            deadline: job_timeout.map(|timeout| Instant::now() + timeout),
            job_timeout,
            checkpointing: pipeline.resume && error.is_none(),
            saving: tokio::sync::Mutex::new(()),
        }
    }

    /// The top-level list, as a job runs it; the outcome carries the outputs so far.
    async fn sequence(&self, steps: &[Step]) -> JobOutcome {
        let result = self.run_top(steps).await;
        let outputs = self
            .outputs
            .lock()
            .map(|mut map| std::mem::take(&mut *map))
            .unwrap_or_default();
        match result {
            Ok(_) => JobOutcome::Done { outputs },
            Err(failure) => JobOutcome::Failed { failure, outputs },
        }
    }

    /// The outputs a step in `scope` sees: the job's, overlaid by its element's.
    pub fn visible_outputs(&self, scope: &Scope) -> Map<String, Value> {
        let mut outputs = self
            .outputs
            .lock()
            .map(|map| map.clone())
            .unwrap_or_default();
        if let Some(local) = &scope.local
            && let Ok(local) = local.lock()
        {
            outputs.extend(
                local
                    .iter()
                    .map(|(key, value)| (key.clone(), value.clone())),
            );
        }
        outputs
    }

    /// The template context for a step in `scope`.
    pub fn templates(&self, scope: &Scope) -> minijinja::Value {
        template::context(
            &self.job_fields,
            &self.data,
            &self.visible_outputs(scope),
            &self.pipeline.env_allow,
            scope
                .item
                .as_ref()
                .map(|(item, index)| (item.as_ref(), *index)),
        )
    }

    /// The JSON an exec step (or coprocess) reads: the job, its data and outputs so far.
    pub fn stdin_context(&self, scope: &Scope) -> Vec<u8> {
        let mut context = json!({
            "job": self.job_fields,
            "data": self.data,
            "steps": self.visible_outputs(scope),
        });
        if let Some((item, index)) = &scope.item {
            context["item"] = item.as_ref().clone();
            context["index"] = (*index).into();
        }
        serde_json::to_vec(&context).unwrap_or_default()
    }

    fn done_before(&self, step: &Step, scope: &Scope) -> Option<Value> {
        if scope.local.is_some() {
            return None;
        }
        self.outputs.lock().ok()?.get(&step.name).cloned()
    }

    async fn record(&self, step: &Step, scope: &Scope, output: &Value) {
        if let Some(local) = &scope.local {
            if let Ok(mut local) = local.lock() {
                local.insert(step.name.clone(), output.clone());
            }
            return;
        }
        if let Ok(mut outputs) = self.outputs.lock() {
            outputs.insert(step.name.clone(), output.clone());
        }
        // the last top-level step's output travels with the ack instead
        let last = self
            .pipeline
            .steps
            .last()
            .is_some_and(|last| std::ptr::eq(last, step));
        if last || !self.checkpointing {
            return;
        }
        let _turn = self.saving.lock().await;
        let snapshot = self
            .outputs
            .lock()
            .map(|map| Value::Object(map.clone()).to_string())
            .ok();
        if let Some(snapshot) = snapshot {
            self.services.checkpoint(self.job, &snapshot).await;
        }
    }

    fn report(&self, step: &Step, scope: &Scope, result: &Result<Value, StepFailure>, run: Ran) {
        let Some(watch) = &self.watch else {
            return;
        };
        let failure = result.as_ref().err();
        let entry = StepRun {
            name: format!("{}{}", step.name, scope.label),
            kind: step.action.kind(),
            ok: result.is_ok(),
            skipped: run.skipped,
            tries: run.tries,
            seconds: run.started.elapsed().as_secs_f64(),
            output: result.as_ref().map_or(Value::Null, Clone::clone),
            error: failure.map(|failure| failure.error.clone()),
            stderr: failure
                .map(|failure| failure.stderr.clone())
                .filter(|stderr| !stderr.is_empty()),
        };
        if let Ok(mut watch) = watch.lock() {
            (*watch)(entry);
        }
    }

    /// One step, whatever its kind: resumed from a checkpoint, skipped by `when:`, paced by
    /// its rate, bounded by its timeout and the job's, and retried in place by its `retry:`.
    pub fn step<'s>(&'s self, step: &'s Step, scope: &'s Scope) -> StepFuture<'s> {
        Box::pin(async move {
            if let Some(output) = self.done_before(step, scope) {
                return Ok(output);
            }
            let started = Instant::now();
            if let Some(condition) = &step.when {
                let holds = template::holds(condition, &self.templates(scope))
                    .map_err(|error| template_failure(step, "when", error))?;
                if !holds {
                    // a skipped step is checkpointed too, so a retry does not judge it again
                    let result = Ok(Value::Null);
                    self.record(step, scope, &Value::Null).await;
                    let ran = Ran {
                        started,
                        tries: 0,
                        skipped: true,
                    };
                    self.report(step, scope, &result, ran);
                    return result;
                }
            }
            if let Some(rate) = &step.rate {
                self.services
                    .pace(&self.job.queue, &step.name, rate)
                    .await
                    .map_err(StepFailure::retry)?;
            }
            let tries_allowed = step.retry.as_ref().map_or(1, |retry| retry.max_attempts);
            let mut tries = 0;
            let result = loop {
                tries += 1;
                let result = self.attempt(step, scope).await;
                let failure = match &result {
                    Err(failure) if !failure.fatal && !failure.cannot_start => failure,
                    _ => break result,
                };
                let Some(policy) = step.retry.as_ref().filter(|_| tries < tries_allowed) else {
                    break result;
                };
                let wait = policy
                    .delay(tries)
                    .max(failure.retry_after.unwrap_or_default());
                if self
                    .deadline
                    .is_some_and(|deadline| Instant::now() + wait >= deadline)
                {
                    break result;
                }
                tracing::debug!(job = %self.job.id, step = %step.name, tries, error = %failure.error, "step failed; retrying in place");
                tokio::time::sleep(wait).await;
            };
            if let Ok(output) = &result {
                self.record(step, scope, output).await;
            }
            let ran = Ran {
                started,
                tries,
                skipped: false,
            };
            self.report(step, scope, &result, ran);
            result
        })
    }

    /// One try of a step under the tighter of its timeout and what is left of the job's.
    async fn attempt(&self, step: &Step, scope: &Scope) -> Result<Value, StepFailure> {
        let remaining = self
            .deadline
            .map(|deadline| deadline.saturating_duration_since(Instant::now()));
        let (limit, whose) = match (step.timeout, remaining) {
            (Some(step_limit), Some(job_left)) if job_left < step_limit => (job_left, "job"),
            (Some(step_limit), _) => (step_limit, "step"),
            (None, Some(job_left)) => (job_left, "job"),
            (None, None) => return self.action(step, scope).await,
        };
        match tokio::time::timeout(limit, self.action(step, scope)).await {
            Ok(result) => result,
            Err(_) => {
                let limit = self.job_timeout.filter(|_| whose == "job").unwrap_or(limit);
                Err(StepFailure::retry(format!(
                    "step `{}` timed out ({whose} timeout {}); its process group was killed",
                    step.name,
                    format_duration(limit)
                )))
            }
        }
    }
}

/// How a step went apart from its result, for its report.
struct Ran {
    started: Instant,
    tries: u32,
    skipped: bool,
}

/// A template that cannot be rendered for this job fails the step for good: the same job
/// would fail the same way on every attempt.
pub fn template_failure(step: &Step, what: &str, error: String) -> StepFailure {
    StepFailure::fatal(format!("step `{}`: {what}: {error}", step.name))
}
