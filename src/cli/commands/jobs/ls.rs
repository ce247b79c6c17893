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

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    state: StateArg,
    limit: usize,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    require_queue(runtime, queue).await?;
    let state = match state {
        StateArg::Pending => JobState::Pending,
        StateArg::Delayed => JobState::Delayed,
        StateArg::Active => JobState::Active,
        StateArg::Done => JobState::Done,
        StateArg::Dead => JobState::Dead,
        StateArg::Cancelled => JobState::Cancelled,
    };
    let jobs = runtime.backend.list_jobs(queue, state, limit).await?;
    printer.report_from(
        &runtime.backend.describe(),
        &Listing {
            jobs,
            queue: queue.to_string(),
            state,
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
    #[serde(skip)]
    state: JobState,
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
            vec![format!("no {} jobs in {}", self.state.as_str(), self.queue)]
        } else {
            Vec::new()
        }
    }
}
