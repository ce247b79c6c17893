//! Running one job through a pipeline's steps, with per-step and per-job timeouts and
//! checkpoints, so a retry resumes after the last completed step.

use super::exec::run_exec;
use super::spec::{Action, ChaosSpec, ExecSpec, LogLevel, Pipeline, StdinMode, Step};
use super::template;
use crate::runtime::duration::format_duration;
use crate::runtime::job::LeasedJob;
use serde_json::{Map, Value, json};
use std::time::Duration;
use tokio::time::Instant;

/// Why a step (and so the job's attempt) failed.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFailure {
    pub error: String,
    pub stderr: String,
    /// Fatal failures skip the remaining attempts and go straight to dead.
    pub fatal: bool,
    /// The step's program could not be started: the worker's fault, not the job's, so the
    /// job goes back unspent.
    pub cannot_start: bool,
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

/// The job as steps see it, on stdin and in templates.
fn job_fields(job: &LeasedJob) -> Value {
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

/// The JSON a step sees on stdin: the job, its data and earlier steps' outputs.
fn context(job: &LeasedJob, data: &Value, outputs: &Map<String, Value>) -> Vec<u8> {
    let context = json!({
        "job": job_fields(job),
        "data": data,
        "steps": outputs,
    });
    serde_json::to_vec(&context).unwrap_or_default()
}

/// A template that cannot be rendered for this job fails the step for good: the same job
/// would fail the same way on every attempt.
fn template_failure(step: &Step, what: &str, error: String) -> StepFailure {
    StepFailure {
        error: format!("step `{}`: {what}: {error}", step.name),
        stderr: String::new(),
        fatal: true,
        cannot_start: false,
    }
}

async fn run_step(
    step: &Step,
    job: &LeasedJob,
    data: &Value,
    outputs: &Map<String, Value>,
    templates: Option<&minijinja::Value>,
) -> Result<Value, StepFailure> {
    let render = |text: &str, what: &str| match templates {
        Some(context) => {
            template::render(text, context).map_err(|error| template_failure(step, what, error))
        }
        None => Ok(text.to_string()),
    };
    match &step.action {
        Action::Noop => Ok(Value::Null),
        Action::Sleep(duration) => {
            tokio::time::sleep(*duration).await;
            Ok(Value::Null)
        }
        Action::Fail { message, fatal } => Err(StepFailure {
            error: format!("step `{}` failed: {message}", step.name),
            stderr: String::new(),
            fatal: *fatal,
            cannot_start: false,
        }),
        Action::Exec(spec) => {
            let rendered;
            let spec = if templates.is_some() {
                let argv = spec
                    .argv
                    .iter()
                    .enumerate()
                    .map(|(index, part)| render(part, &format!("exec[{index}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                rendered = ExecSpec {
                    argv,
                    ..spec.clone()
                };
                &rendered
            } else {
                spec
            };
            let input = match spec.stdin {
                StdinMode::Context => Some(context(job, data, outputs)),
                StdinMode::Data => Some(serde_json::to_vec(data).unwrap_or_default()),
                StdinMode::None => None,
            };
            run_exec(&step.name, spec, input).await
        }
        Action::Log { message, level } => {
            let message = render(message, "log")?;
            match level {
                LogLevel::Info => tracing::info!(job = %job.id, step = %step.name, "{message}"),
                LogLevel::Warn => tracing::warn!(job = %job.id, step = %step.name, "{message}"),
            }
            Ok(Value::String(message))
        }
        Action::Chaos(chaos) => run_chaos(&step.name, chaos).await,
    }
}

/// Waits a latency drawn from the step's range, then fails at the step's rate.
async fn run_chaos(name: &str, chaos: &ChaosSpec) -> Result<Value, StepFailure> {
    use rand::Rng;
    let (latency, failed) = {
        let mut random = rand::rng();
        let low = chaos.min.as_micros() as u64;
        let high = chaos.max.as_micros() as u64;
        (
            Duration::from_micros(random.random_range(low..=high)),
            random.random_bool(chaos.failure_rate),
        )
    };
    tokio::time::sleep(latency).await;
    if failed {
        return Err(StepFailure {
            error: format!(
                "step `{name}` failed: chaos (failure rate {})",
                chaos.failure_rate
            ),
            stderr: String::new(),
            fatal: chaos.fatal,
            cannot_start: false,
        });
    }
    Ok(json!({ "latency_ms": latency.as_secs_f64() * 1000.0 }))
}

/// One step as it ran, for `fleetq run`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepRun {
    pub name: String,
    pub kind: &'static str,
    pub ok: bool,
    /// Its `when:` did not hold.
    pub skipped: bool,
    pub seconds: f64,
    pub output: Value,
    pub error: Option<String>,
    pub stderr: Option<String>,
}

/// Runs the job's remaining steps in order. Dropping the returned future kills any running
/// step's process group, which is how cancellation reaches it.
pub async fn run_job(pipeline: &Pipeline, job: &LeasedJob) -> JobOutcome {
    run_job_watched(pipeline, job, |_| {}).await
}

/// `run_job`, telling `watch` how each step went as it ends.
pub async fn run_job_watched(
    pipeline: &Pipeline,
    job: &LeasedJob,
    mut watch: impl FnMut(StepRun),
) -> JobOutcome {
    let mut outputs: Map<String, Value> = if job.outputs.is_empty() {
        Map::new()
    } else {
        serde_json::from_str(&job.outputs).unwrap_or_default()
    };
    // only exec steps read the data, so noop-only pipelines skip the parse
    let needs_data = pipeline.templated
        || pipeline
            .steps
            .iter()
            .any(|step| matches!(step.action, Action::Exec(_)));
    let data = if needs_data {
        serde_json::from_str(&job.data).unwrap_or(Value::String(job.data.clone()))
    } else {
        Value::Null
    };
    let job_timeout = job.timeout.or(pipeline.timeout);
    let job_deadline = job_timeout.map(|timeout| Instant::now() + timeout);
    let job_fields = pipeline.templated.then(|| job_fields(job));
    for step in &pipeline.steps {
        if outputs.contains_key(&step.name) {
            continue;
        }
        // rebuilt per step: each sees the outputs of the steps before it
        let templates = job_fields
            .as_ref()
            .map(|fields| template::context(fields, &data, &outputs, &pipeline.env_allow));
        if let (Some(condition), Some(context)) = (&step.when, &templates) {
            match template::holds(condition, context) {
                Ok(true) => {}
                Ok(false) => {
                    // a skipped step is checkpointed too, so a retry does not judge it again
                    outputs.insert(step.name.clone(), Value::Null);
                    watch(StepRun {
                        name: step.name.clone(),
                        kind: step.action.kind(),
                        ok: true,
                        skipped: true,
                        seconds: 0.0,
                        output: Value::Null,
                        error: None,
                        stderr: None,
                    });
                    continue;
                }
                Err(error) => {
                    let failure = template_failure(step, "when", error);
                    return JobOutcome::Failed { failure, outputs };
                }
            }
        }
        let remaining =
            job_deadline.map(|deadline| deadline.saturating_duration_since(Instant::now()));
        let (limit, whose) = match (step.timeout, remaining) {
            (Some(step_limit), Some(job_left)) if job_left < step_limit => (Some(job_left), "job"),
            (Some(step_limit), _) => (Some(step_limit), "step"),
            (None, Some(job_left)) => (Some(job_left), "job"),
            (None, None) => (None, ""),
        };
        let started = Instant::now();
        let result = match limit {
            Some(limit) => {
                match tokio::time::timeout(
                    limit,
                    run_step(step, job, &data, &outputs, templates.as_ref()),
                )
                .await
                {
                    Ok(result) => result,
                    Err(_) => Err(timed_out(
                        step,
                        whose,
                        job_timeout.filter(|_| whose == "job").unwrap_or(limit),
                    )),
                }
            }
            None => run_step(step, job, &data, &outputs, templates.as_ref()).await,
        };
        watch(StepRun {
            name: step.name.clone(),
            kind: step.action.kind(),
            ok: result.is_ok(),
            skipped: false,
            seconds: started.elapsed().as_secs_f64(),
            output: result.as_ref().map_or(Value::Null, Clone::clone),
            error: result.as_ref().err().map(|failure| failure.error.clone()),
            stderr: result
                .as_ref()
                .err()
                .map(|failure| failure.stderr.clone())
                .filter(|stderr| !stderr.is_empty()),
        });
        match result {
            Ok(output) => {
                outputs.insert(step.name.clone(), output);
            }
            Err(failure) => return JobOutcome::Failed { failure, outputs },
        }
    }
    JobOutcome::Done { outputs }
}

fn timed_out(step: &Step, whose: &str, limit: Duration) -> StepFailure {
    StepFailure {
        error: format!(
            "step `{}` timed out ({whose} timeout {}); its process group was killed",
            step.name,
            format_duration(limit)
        ),
        stderr: String::new(),
        fatal: false,
        cannot_start: false,
    }
}
