//! `fleetq pipeline validate FILE…` and `fleetq pipeline show FILE`: pipelines checked and drawn
//! with no backend, so they run in CI and on a laptop.

use crate::cli::args::PipelineCommand;
use crate::output::report::records_of;
use crate::output::{Printer, Report, View};
use crate::runtime::pipeline::outline::{PipelineOutline, StepOutline, human, outline};
use crate::runtime::pipeline::{self, Pipeline};
use serde::Serialize;
use std::process::ExitCode;

pub fn run(verb: &PipelineCommand, printer: &Printer) -> anyhow::Result<ExitCode> {
    match verb {
        PipelineCommand::Validate { files } => {
            let mut checked = Vec::new();
            for file in files {
                let result = pipeline::load(file);
                if let Err(error) = &result {
                    printer.error(
                        &anyhow::anyhow!(error.message.clone()),
                        error.hint.as_deref(),
                    );
                }
                checked.push(Checked::of(&file.display().to_string(), result.ok()));
            }
            let invalid = checked.iter().filter(|file| !file.valid).count();
            printer.report(&Validated(checked));
            Ok(if invalid > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        PipelineCommand::Show { file } => {
            let pipeline = pipeline::load(file)?;
            printer.report(&Shown(outline(&pipeline)));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One file's verdict; the error itself went to stderr as it was found.
#[derive(Serialize)]
struct Checked {
    file: String,
    valid: bool,
    pipeline: Option<String>,
    queue: Option<String>,
    steps: Option<usize>,
}

impl Checked {
    fn of(file: &str, pipeline: Option<Pipeline>) -> Checked {
        Checked {
            file: file.to_string(),
            valid: pipeline.is_some(),
            steps: pipeline.as_ref().map(|pipeline| pipeline.steps.len()),
            queue: pipeline.as_ref().map(|pipeline| pipeline.queue.clone()),
            pipeline: pipeline.map(|pipeline| pipeline.name),
        }
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Validated(Vec<Checked>);

impl Report for Validated {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.0)
    }

    fn view(&self) -> Vec<View> {
        self.0
            .iter()
            .filter(|file| file.valid)
            .map(|file| {
                View::Line(format!(
                    "{}: ok: pipeline {} on queue {}, {} step{}",
                    file.file,
                    file.pipeline.as_deref().unwrap_or_default(),
                    file.queue.as_deref().unwrap_or_default(),
                    file.steps.unwrap_or_default(),
                    if file.steps == Some(1) { "" } else { "s" }
                ))
            })
            .collect()
    }

    fn status(&self) -> Vec<String> {
        let invalid = self.0.iter().filter(|file| !file.valid).count();
        match invalid {
            0 => Vec::new(),
            _ => vec![format!("{invalid} of {} files invalid", self.0.len())],
        }
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Shown(PipelineOutline);

impl Report for Shown {
    fn view(&self) -> Vec<View> {
        let pipeline = &self.0;
        let mut lines = vec![format!(
            "pipeline {} → queue {} (concurrency {}, lease {}, {} attempts, {} backoff)",
            pipeline.pipeline,
            pipeline.queue,
            pipeline
                .concurrency
                .map_or_else(|| "default".to_string(), |count| count.to_string()),
            human(pipeline.lease_ms),
            pipeline.retry.max_attempts,
            pipeline.retry.backoff
        )];
        draw(&pipeline.steps, "", &mut lines);
        if !pipeline.on_failure.is_empty() {
            lines.push("on failure:".to_string());
            draw(&pipeline.on_failure, "", &mut lines);
        }
        lines.into_iter().map(View::Line).collect()
    }
}

/// Draws a list of steps as tree branches under `indent`, nested steps beneath their parent.
fn draw(steps: &[StepOutline], indent: &str, lines: &mut Vec<String>) {
    let width = steps
        .iter()
        .map(|step| label(step).chars().count())
        .max()
        .unwrap_or(0);
    for (index, step) in steps.iter().enumerate() {
        let last = index + 1 == steps.len();
        let branch = if last { "└─" } else { "├─" };
        let line = format!(
            "{indent}{branch} {:width$}  {:9}  {}",
            label(step),
            step.kind,
            step.detail()
        );
        lines.push(line.trim_end().to_string());
        let deeper = format!("{indent}{}", if last { "   " } else { "│  " });
        draw(&step.steps, &deeper, lines);
    }
}

/// A step's name, with the route case it runs for.
fn label(step: &StepOutline) -> String {
    match &step.case {
        Some(case) => format!("[{case}] {}", step.name),
        None => step.name.clone(),
    }
}
