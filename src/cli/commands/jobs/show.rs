//! `fleetq jobs show REF`: state, attempts, timings, lease, error history, data and outputs.

use super::super::timestamp;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::error::Classified;
use crate::runtime::job::JobRecord;
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    reference: &str,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let job = find(runtime, reference).await?;
    print(runtime, job, printer);
    Ok(ExitCode::SUCCESS)
}

/// The job a reference names, or exit 3.
pub async fn find(runtime: &Runtime, reference: &str) -> anyhow::Result<JobRecord> {
    let (queue, id) = super::resolve(runtime, reference).await?;
    runtime.backend.job(&queue, &id).await?.ok_or_else(|| {
        Classified::not_found(format!("no job {queue}/{id} on {}", runtime.backend.describe()))
            .with_hint("done jobs past the queue's retention are gone; `fleetq jobs ls QUEUE --state dead` lists dead ones")
            .into()
    })
}

/// One job on one screen (also `dlq show`).
pub fn print(runtime: &Runtime, job: JobRecord, printer: &Printer) {
    printer.report_from(&runtime.backend.describe(), &Shown(job));
}

/// One job, on one screen.
#[derive(Serialize)]
#[serde(transparent)]
struct Shown(JobRecord);

impl Report for Shown {
    fn view(&self) -> Vec<View> {
        let job = &self.0;
        let mut views = Vec::new();
        let mut table = new_table(&["FIELD", "VALUE"]);
        let pretty =
            |value: &serde_json::Value| serde_json::to_string_pretty(value).unwrap_or_default();
        let rows = [
            ("job", format!("{}/{}", job.queue, job.id)),
            ("state", job.state.as_str().to_string()),
            ("priority", job.priority.to_string()),
            (
                "attempts",
                match job.max_attempts {
                    Some(max) => format!("{} of {max}", job.attempts),
                    None => format!(
                        "{} (at most: the pipeline's retry.max_attempts)",
                        job.attempts
                    ),
                },
            ),
            (
                "timeout",
                or_dash(job.timeout_ms.map(|ms| format!("{ms}ms"))),
            ),
            ("created", timestamp(job.created_at)),
            ("run at", timestamp(job.run_at)),
            ("started", or_dash(job.started_at.map(timestamp))),
            ("finished", or_dash(job.finished_at.map(timestamp))),
            ("lease owner", or_dash(job.lease_owner.clone())),
            (
                "lease deadline",
                or_dash(
                    job.lease_deadline
                        .filter(|_| job.lease_owner.is_some())
                        .map(timestamp),
                ),
            ),
            ("unique key", or_dash(job.unique_key.clone())),
            ("correlation id", or_dash(job.correlation_id.clone())),
            ("last error", or_dash(job.last_error.clone())),
            ("data", pretty(&job.data)),
            (
                "outputs",
                match &job.outputs {
                    serde_json::Value::Null => "-".to_string(),
                    outputs => pretty(outputs),
                },
            ),
        ];
        for (field, value) in rows {
            table.add_row(vec![field.to_string(), value]);
        }
        views.push(View::table(table));
        if !job.errors.is_empty() {
            views.push(View::Line(String::new()));
            let mut history = new_table(&["ATTEMPT", "AT", "ERROR"]);
            for entry in &job.errors {
                history.add_row(vec![
                    entry.attempt.to_string(),
                    timestamp(entry.at),
                    entry.error.clone(),
                ]);
            }
            views.push(View::table(history));
        }
        if let Some(stderr) = &job.stderr_tail {
            views.push(View::Line(String::new()));
            views.push(View::Line("stderr (tail):".to_string()));
            views.push(View::Line(stderr.trim_end().to_string()));
        }
        views
    }
}
