//! `fleetq jobs cancel` and `jobs retry`: the same shape — resolve references, change each job,
//! report what happened to every one.

use crate::output::report::records_of;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::error::Classified;
use crate::runtime::job::ChangeOutcome;
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Cancel,
    Retry,
}

/// What happened to every job named.
#[derive(Serialize)]
#[serde(transparent)]
struct Changes {
    outcomes: Vec<ChangeOutcome>,
    #[serde(skip)]
    change: Option<Change>,
}

impl Report for Changes {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.outcomes)
    }

    fn view(&self) -> Vec<View> {
        let mut table = new_table(&["JOB", "RESULT"]);
        for outcome in &self.outcomes {
            let result = match (outcome.changed, self.change) {
                (true, Some(Change::Cancel)) => "cancelled".to_string(),
                (true, _) => "retried (pending)".to_string(),
                (false, _) if outcome.state == "missing" => "missing".to_string(),
                (false, _) => format!("unchanged (already {})", outcome.state),
            };
            table.add_row(vec![format!("{}/{}", outcome.queue, outcome.id), result]);
        }
        vec![View::table(table)]
    }
}

pub async fn run(
    runtime: &Runtime,
    references: &[String],
    change: Change,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let mut by_queue: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for reference in references {
        let (queue, id) = super::resolve(runtime, reference).await?;
        by_queue.entry(queue).or_default().push(id);
    }
    let mut outcomes: Vec<ChangeOutcome> = Vec::new();
    for (queue, ids) in &by_queue {
        outcomes.extend(match change {
            Change::Cancel => runtime.backend.cancel(queue, ids).await?,
            Change::Retry => runtime.backend.retry(queue, ids).await?,
        });
    }
    let changes = Changes {
        outcomes,
        change: Some(change),
    };
    printer.report_from(&runtime.backend.describe(), &changes);
    let outcomes = changes.outcomes;
    let missing = outcomes
        .iter()
        .filter(|outcome| outcome.state == "missing")
        .count();
    if missing > 0 {
        return Err(Classified::not_found(format!(
            "{missing} of {} jobs do not exist",
            outcomes.len()
        ))
        .into());
    }
    Ok(ExitCode::SUCCESS)
}
