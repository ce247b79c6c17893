//! `fleetq workers ls [--queue Q] [--label k=v]`: who is working, on what, and who went silent.

use super::{age, timestamp};
use crate::cli::args::{WorkerTargets, WorkersCommand};
use crate::output::report::{Done, records_of};
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{WorkerControl, WorkerEntry};
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
        WorkersCommand::Pause(targets) => {
            send(&runtime, targets, WorkerControl::Pause, printer).await
        }
        WorkersCommand::Resume(targets) => {
            send(&runtime, targets, WorkerControl::Resume, printer).await
        }
        WorkersCommand::Stop(targets) => {
            send(&runtime, targets, WorkerControl::Stop, printer).await
        }
    }
}

#[derive(Serialize)]
struct Sent {
    command: WorkerControl,
    workers: Vec<String>,
}

/// Sends a control command to the chosen live workers; an id that is not registered exits 3.
async fn send(
    runtime: &Runtime,
    targets: WorkerTargets,
    command: WorkerControl,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let fleet = runtime.backend.workers().await?;
    let chosen: Vec<String> = if !targets.ids.is_empty() {
        if let Some(unknown) = targets
            .ids
            .iter()
            .find(|id| !fleet.iter().any(|worker| &worker.info.id == *id))
        {
            return Err(
                Classified::not_found(format!("no worker `{unknown}` is registered"))
                    .with_hint("`fleetq workers ls` lists the workers and their ids")
                    .into(),
            );
        }
        targets.ids
    } else {
        fleet
            .iter()
            .filter(|worker| !worker.stale)
            .filter(|worker| {
                targets
                    .queue
                    .as_ref()
                    .is_none_or(|queue| worker.info.queues.contains(queue))
            })
            .map(|worker| worker.info.id.clone())
            .collect()
    };
    runtime.backend.send_control(&chosen, command).await?;
    let verb = match command {
        WorkerControl::Pause => "paused",
        WorkerControl::Resume => "resumed",
        WorkerControl::Stop => "stopping",
    };
    let said = match chosen.len() {
        0 => "no live worker matched; nothing was sent".to_string(),
        count => format!(
            "{verb} {count} workers (live ones act now, the rest at their next heartbeat): {}",
            chosen.join(", ")
        ),
    };
    printer.report_from(
        &runtime.backend.describe(),
        &Done {
            fields: Sent {
                command,
                workers: chosen,
            },
            said,
        },
    );
    Ok(ExitCode::SUCCESS)
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
                match (worker.stale, worker.info.paused) {
                    (true, _) => "stale",
                    (false, true) => "paused",
                    (false, false) => "live",
                }
                .to_string(),
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
