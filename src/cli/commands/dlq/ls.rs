//! `fleetq dlq ls QUEUE [filters]`: dead jobs, oldest first, one line each.

use super::super::timestamp;
use crate::output::report::records_of;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::dlq::{DeadFilter, DeadJobs};
use crate::runtime::job::JobRecord;
use serde::Serialize;
use std::process::ExitCode;

/// Longest last error shown in the table; JSON has it whole.
const ERROR_WIDTH: usize = 100;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    filter: DeadFilter,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let jobs = DeadJobs::select(runtime.backend.as_ref(), queue, filter)
        .await?
        .all()
        .await?;
    let rows = jobs.iter().map(DeadRow::of).collect();
    printer.report_from(
        &runtime.backend.describe(),
        &Listing {
            rows,
            queue: queue.to_string(),
        },
    );
    Ok(ExitCode::SUCCESS)
}

/// One dead job as `dlq ls` shows it.
#[derive(Serialize)]
struct DeadRow {
    id: String,
    queue: String,
    failed_at: Option<i64>,
    attempts: u32,
    session: Option<String>,
    last_error: Option<String>,
}

impl DeadRow {
    fn of(job: &JobRecord) -> DeadRow {
        DeadRow {
            id: job.id.clone(),
            queue: job.queue.clone(),
            failed_at: job.finished_at,
            attempts: job.attempts,
            session: job.session.clone(),
            last_error: job.last_error.clone(),
        }
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Listing {
    rows: Vec<DeadRow>,
    #[serde(skip)]
    queue: String,
}

impl Report for Listing {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.rows)
    }

    fn view(&self) -> Vec<View> {
        if self.rows.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(&["ID", "FAILED AT", "ATTEMPTS", "SESSION", "LAST ERROR"]);
        for row in &self.rows {
            table.add_row(vec![
                row.id.clone(),
                or_dash(row.failed_at.map(timestamp)),
                row.attempts.to_string(),
                or_dash(row.session.clone()),
                or_dash(row.last_error.as_deref().map(one_line)),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        match self.rows.len() {
            0 => vec![format!("no dead jobs in {} match", self.queue)],
            1 => vec![format!("1 dead job in {}", self.queue)],
            count => vec![format!("{count} dead jobs in {}", self.queue)],
        }
    }
}

/// The first line of an error, cut to the table's width.
fn one_line(error: &str) -> String {
    let line = error.lines().next().unwrap_or_default();
    match line.char_indices().nth(ERROR_WIDTH) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}
