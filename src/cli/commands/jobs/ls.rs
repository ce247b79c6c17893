//! `fleetq jobs ls QUEUE --state S`: the newest (done, dead) or next-up (pending, delayed) jobs.

use super::super::{age, require_queue, timestamp};
use crate::cli::args::StateArg;
use crate::output::report::records_of;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::job::{JobState, JobSummary};
use serde::Serialize;
use std::process::ExitCode;
use std::time::Duration;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    state: StateArg,
    limit: usize,
    since: Option<Duration>,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    require_queue(runtime, queue).await?;
    let (state, label) = match state {
        StateArg::Pending => (JobState::Pending, "pending"),
        StateArg::Delayed => (JobState::Delayed, "delayed"),
        StateArg::Active => (JobState::Active, "active"),
        StateArg::Done => (JobState::Done, "done"),
        StateArg::Dead => (JobState::Dead, "dead"),
        StateArg::Cancelled => (JobState::Cancelled, "cancelled"),
        StateArg::Retrying => (JobState::Delayed, "retrying"),
    };
    let retrying = label == "retrying";
    // filters drop rows after the backend's limit, so ask for more when there are filters
    let fetch = if retrying || since.is_some() {
        limit.max(10_000)
    } else {
        limit
    };
    let mut jobs = runtime.backend.list_jobs(queue, state, fetch).await?;
    if retrying {
        jobs.retain(|job| job.attempts > 0);
        let ids: Vec<String> = jobs.iter().map(|job| job.id.clone()).collect();
        let records = runtime.backend.records(queue, &ids).await?;
        for (job, record) in jobs.iter_mut().zip(records) {
            job.finished_at = record.and_then(|record| record.errors.last().map(|error| error.at));
        }
    }
    if let Some(since) = since {
        let cutoff = crate::runtime::job::now_ms() - since.as_millis() as i64;
        jobs.retain(|job| match state {
            JobState::Pending | JobState::Active => job.created_at >= cutoff,
            JobState::Delayed if !retrying => job.created_at >= cutoff,
            _ => job.finished_at.is_some_and(|at| at >= cutoff),
        });
    }
    jobs.truncate(limit);
    printer.report_from(
        &runtime.backend.describe(),
        &Listing {
            jobs,
            queue: queue.to_string(),
            label,
        },
    );
    Ok(ExitCode::SUCCESS)
}

/// One state's jobs of one queue.
#[derive(Serialize)]
#[serde(transparent)]
struct Listing {
    jobs: Vec<JobSummary>,
    #[serde(skip)]
    queue: String,
    /// The state asked for, as the user named it (`retrying` is a kind of delayed).
    #[serde(skip)]
    label: &'static str,
}

impl Report for Listing {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.jobs)
    }

    fn view(&self) -> Vec<View> {
        if self.jobs.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(&[
            "ID",
            "STATE",
            "PRIORITY",
            "ATTEMPTS",
            "AGE",
            "RUN AT",
            "LAST ERROR",
        ]);
        for job in &self.jobs {
            table.add_row(vec![
                job.id.clone(),
                job.state.as_str().to_string(),
                job.priority.to_string(),
                job.attempts.to_string(),
                age(job.created_at),
                timestamp(job.run_at),
                or_dash(job.last_error.clone()),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        if self.jobs.is_empty() {
            vec![format!("no {} jobs in {}", self.label, self.queue)]
        } else {
            Vec::new()
        }
    }
}
