//! `fleetq jobs ls QUEUE --state S`: the newest (done, dead) or next-up (pending, delayed) jobs.

use super::super::{age, require_queue, timestamp};
use crate::cli::args::StateArg;
use crate::output::table::or_dash;
use crate::output::{Printer, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::OutputFormat;
use crate::runtime::job::JobState;
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
    match printer.format() {
        OutputFormat::Json => printer.json(&jobs),
        OutputFormat::Jsonl => jobs.iter().for_each(|job| printer.json_line(job)),
        OutputFormat::Table => {
            if jobs.is_empty() {
                printer.status(&format!("no {} jobs in {queue}", state.as_str()));
                return Ok(ExitCode::SUCCESS);
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
            for job in &jobs {
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
            printer.table(&table);
        }
    }
    Ok(ExitCode::SUCCESS)
}
