//! `fleetq run FILE [--data JSON]`: one job through a pipeline in this process, with no queue
//! and no backend, printing each step's result and timing (for developing pipelines).

use crate::cli::args::RunArgs;
use crate::cli::commands::enqueue::read_payload;
use crate::output::report::records_of;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::job::{LeasedJob, now_ms};
use crate::runtime::pipeline::{
    self, JobOutcome, Services, StepRun, run_job_watched, run_on_failure,
};
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(arguments: RunArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline::load(&arguments.file)?;
    let data = read_payload(arguments.data.as_deref())?;
    let now = now_ms();
    let job = LeasedJob {
        id: uuid::Uuid::now_v7().to_string(),
        queue: pipeline.queue.clone(),
        token: "0".to_string(),
        data,
        attempts: 1,
        max_attempts: pipeline.retry.max_attempts,
        timeout: None,
        priority: 5,
        created_at: now,
        run_at: now,
        correlation_id: None,
        outputs: String::new(),
        session: None,
    };
    // no backend: enqueue steps report what they would send, and rates do not apply
    let services = Services::new(None, &pipeline);
    let mut steps = Vec::new();
    let outcome = run_job_watched(&pipeline, &job, &services, &mut |step| steps.push(step)).await;
    let (done, error) = match outcome {
        JobOutcome::Done { .. } => (true, None),
        JobOutcome::Failed { failure, .. } => (false, Some(failure.error)),
    };
    // a run is one attempt; when it fails, show what `on_failure:` would do once the job
    // went dead
    if let Some(error) = &error {
        let mut watch = |mut step: StepRun| {
            step.name = format!("on_failure.{}", step.name);
            steps.push(step);
        };
        run_on_failure(&pipeline, &job, &services, error, &mut watch).await;
    }
    printer.report(&Ran {
        pipeline: pipeline.name,
        job: job.id,
        done,
        error,
        steps,
    });
    // a failed run is the job failing, as a worker would retry or bury it
    Ok(if done {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Serialize)]
struct Ran {
    pipeline: String,
    job: String,
    done: bool,
    error: Option<String>,
    steps: Vec<StepRun>,
}

/// A step's output on one line, cut to fit a table.
fn one_line(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::Null => return "-".to_string(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let text = text.replace('\n', " ");
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

impl Report for Ran {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.steps)
    }

    fn view(&self) -> Vec<View> {
        let mut table = new_table(&["STEP", "KIND", "RESULT", "TIME", "OUTPUT"]);
        for step in &self.steps {
            table.add_row(vec![
                step.name.clone(),
                step.kind.to_string(),
                match (step.ok, step.skipped) {
                    (_, true) => "skipped",
                    (true, false) => "ok",
                    (false, false) => "failed",
                }
                .to_string(),
                format!("{:.1}ms", step.seconds * 1000.0),
                match &step.error {
                    Some(error) => error.clone(),
                    None => one_line(&step.output),
                },
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        let total: f64 = self.steps.iter().map(|step| step.seconds).sum();
        match &self.error {
            None => vec![format!(
                "{}: done in {:.1}ms ({} steps)",
                self.pipeline,
                total * 1000.0,
                self.steps.len()
            )],
            Some(error) => vec![format!("{}: failed: {error}", self.pipeline)],
        }
    }
}
