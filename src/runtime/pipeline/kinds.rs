//! What each step kind does once it is its turn: builtins, exec (a process per job or a
//! coprocess), http, enqueue, and the combinators handed to `compose`.

use super::exec::run_exec;
use super::run::{Run, Scope, StepFailure, template_failure};
use super::services::derived_id;
use super::spec::{Action, ChaosSpec, EnqueueSpec, ExecSpec, LogLevel, StdinMode, Step};
use super::template;
use crate::runtime::job::{NewJob, Schedule};
use serde_json::{Value, json};
use std::cell::OnceCell;
use std::time::Duration;

impl Run<'_> {
    pub async fn action(&self, step: &Step, scope: &Scope) -> Result<Value, StepFailure> {
        match &step.action {
            Action::Noop => Ok(Value::Null),
            Action::Sleep(duration) => {
                tokio::time::sleep(*duration).await;
                Ok(Value::Null)
            }
            Action::Fail { message, fatal } => Err(StepFailure {
                fatal: *fatal,
                ..StepFailure::retry(format!("step `{}` failed: {message}", step.name))
            }),
            Action::Log { message, level } => {
                let message = self.render(step, scope, &OnceCell::new(), message, "log")?;
                match level {
                    LogLevel::Info => {
                        tracing::info!(job = %self.job.id, step = %step.name, "{message}")
                    }
                    LogLevel::Warn => {
                        tracing::warn!(job = %self.job.id, step = %step.name, "{message}")
                    }
                }
                Ok(Value::String(message))
            }
            Action::Chaos(chaos) => run_chaos(&step.name, chaos).await,
            Action::Exec(spec) => self.exec(step, spec, scope).await,
            Action::Http(spec) => {
                let request = {
                    let context = OnceCell::new();
                    self.services.http_request(
                        spec,
                        |text, what| self.render(step, scope, &context, text, what),
                        |value| {
                            let context = context.get_or_init(|| self.templates(scope));
                            template::render_value(value, context)
                                .map_err(|error| template_failure(step, "http.json", error))
                        },
                    )?
                };
                self.services.send(&step.name, request).await
            }
            Action::Enqueue(spec) => {
                let job = self.enqueued_job(step, spec, scope)?;
                self.services.enqueue(&step.name, &spec.queue, job).await
            }
            Action::Sequence(steps) => self.run_list(steps, scope, true).await,
            Action::Parallel { steps, fail_fast } => self.run_graph(steps, scope, *fail_fast).await,
            Action::Route { on, cases, default } => {
                self.run_route(step, on, cases, default.as_deref(), scope)
                    .await
            }
            Action::Foreach {
                items,
                max_parallel,
                body,
            } => {
                self.run_foreach(step, items, *max_parallel, body, scope)
                    .await
            }
        }
    }

    /// Renders one template of a step; plain text costs nothing, and the context (a copy of
    /// the outputs so far) is built once per step however many templates it has.
    fn render(
        &self,
        step: &Step,
        scope: &Scope,
        context: &OnceCell<minijinja::Value>,
        text: &str,
        what: &str,
    ) -> Result<String, StepFailure> {
        if !template::is_template(text) {
            return Ok(text.to_string());
        }
        template::render(text, context.get_or_init(|| self.templates(scope)))
            .map_err(|error| template_failure(step, what, error))
    }

    /// An enqueue step's job: its data rendered, its id derived from this job and the step.
    fn enqueued_job(
        &self,
        step: &Step,
        spec: &EnqueueSpec,
        scope: &Scope,
    ) -> Result<NewJob, StepFailure> {
        let context = OnceCell::new();
        let data =
            template::render_value(&spec.data, context.get_or_init(|| self.templates(scope)))
                .map_err(|error| template_failure(step, "enqueue.data", error))?;
        let mut job = NewJob::new(data.to_string());
        job.id = derived_id(&self.job.id, &step.name, &scope.label);
        job.priority = spec.priority.unwrap_or(job.priority);
        if let Some(delay) = spec.delay {
            job.schedule = Schedule::In(delay);
        }
        if let Some(key) = &spec.unique_key {
            job.unique_key = Some(self.render(step, scope, &context, key, "enqueue.unique_key")?);
        }
        // the new job belongs to the same conversation as the one that made it
        job.session = self.job.session.clone();
        job.correlation_id = self
            .job
            .correlation_id
            .clone()
            .or_else(|| Some(self.job.id.clone()));
        Ok(job)
    }

    async fn exec(
        &self,
        step: &Step,
        spec: &ExecSpec,
        scope: &Scope,
    ) -> Result<Value, StepFailure> {
        let rendered;
        let spec = if spec.argv.iter().any(|part| template::is_template(part)) {
            let context = OnceCell::new();
            let argv = spec
                .argv
                .iter()
                .enumerate()
                .map(|(index, part)| {
                    self.render(step, scope, &context, part, &format!("exec[{index}]"))
                })
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
            StdinMode::Context => Some(self.stdin_context(scope)),
            StdinMode::Data => Some(serde_json::to_vec(&self.data).unwrap_or_default()),
            StdinMode::None => None,
        };
        if spec.persistent {
            return self
                .services
                .coprocesses
                .call(&step.name, spec, input.unwrap_or_else(|| b"null".to_vec()))
                .await;
        }
        run_exec(&step.name, spec, input).await
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
            fatal: chaos.fatal,
            ..StepFailure::retry(format!(
                "step `{name}` failed: chaos (failure rate {})",
                chaos.failure_rate
            ))
        });
    }
    Ok(json!({ "latency_ms": latency.as_secs_f64() * 1000.0 }))
}
