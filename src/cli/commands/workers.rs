//! `fleetq workers ls [--queue Q] [--label k=v]`: who is working, on what, and who went silent.

use super::{age, timestamp};
use crate::cli::args::WorkersCommand;
use crate::output::report::records_of;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::job::WorkerEntry;
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    verb: WorkersCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    match verb {
        WorkersCommand::Ls { queue, labels } => {
            let mut workers: Vec<WorkerEntry> = runtime
                .backend
                .workers()
                .await?
                .into_iter()
                .filter(|worker| {
                    queue
                        .as_ref()
                        .is_none_or(|queue| worker.info.queues.contains(queue))
                })
                .filter(|worker| {
                    labels
                        .iter()
                        .all(|(key, value)| worker.info.labels.get(key) == Some(value))
                })
                .collect();
            // live ones first, each group by most recent beat
            workers.sort_by_key(|worker| (worker.stale, -worker.seen_at));
            printer.report_from(&runtime.backend.describe(), &Fleet(workers));
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Fleet(Vec<WorkerEntry>);

impl Report for Fleet {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.0)
    }

    fn view(&self) -> Vec<View> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(&[
            "ID",
            "STATUS",
            "HOST",
            "PID",
            "QUEUES",
            "CONC",
            "IN FLIGHT",
            "LABELS",
            "STARTED",
            "LAST BEAT",
        ]);
        for worker in &self.0 {
            let info = &worker.info;
            let labels: Vec<String> = info
                .labels
                .iter()
                .map(|(key, value)| format!("{key}={value}"))
                .collect();
            table.add_row(vec![
                info.id.clone(),
                if worker.stale { "stale" } else { "live" }.to_string(),
                info.host.clone(),
                info.pid.to_string(),
                info.queues.join(","),
                info.concurrency.to_string(),
                info.in_flight.to_string(),
                if labels.is_empty() {
                    "-".to_string()
                } else {
                    labels.join(",")
                },
                timestamp(info.started_at),
                format!("{} ago", age(worker.seen_at)),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        let stale = self.0.iter().filter(|worker| worker.stale).count();
        let mut line = format!(
            "{} workers ({} live, {stale} stale)",
            self.0.len(),
            self.0.len() - stale
        );
        if stale > 0 {
            line.push_str("; a stale worker's leased jobs come back when their leases expire");
        }
        vec![line]
    }
}
