//! `fleetq sync [--dry-run] [--batch N]`: pushes jobs spooled during an outage to Redis and
//! reports pushed, already present, conflicts (listed, kept) and failed.

use crate::cli::args::SyncArgs;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::airgap::control;
use crate::runtime::airgap::sync::{SyncOptions, SyncReport};
use crate::runtime::config::{BackendAddress, Settings};
use crate::runtime::error::Classified;
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    arguments: SyncArgs,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let options = SyncOptions {
        dry_run: arguments.dry_run,
        batch: arguments.batch as usize,
    };
    let progress = printer.progress("sync");
    let result = control::sync(&settings, options, &progress).await;
    progress.finish();
    let mut report = result?;
    let error = report.error.take();
    let backend = BackendAddress::from_settings(&settings)?.display();
    printer.report_from(&backend, &Synced(report.clone()));
    if let Some(error) = error {
        return Err(anyhow::Error::new(error).context(format!(
            "sync stopped: {} jobs were not pushed and stay in the spool",
            report.failed
        )));
    }
    if !report.conflicts.is_empty() || !report.tampered.is_empty() {
        return Err(Classified::new(
            crate::runtime::error::ExitKind::Failure,
            format!(
                "{} conflicts and {} tampered records stay in the spool",
                report.conflicts.len(),
                report.tampered.len()
            ),
        )
        .with_hint("inspect a conflict with `fleetq jobs show QUEUE/ID` on Redis; the spooled copy is kept until you decide")
        .into());
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
#[serde(transparent)]
struct Synced(SyncReport);

impl Report for Synced {
    fn view(&self) -> Vec<View> {
        let report = &self.0;
        let mut views = Vec::new();
        let mut table = new_table(&["RESULT", "JOBS"]);
        let pushed = if report.dry_run {
            "would push"
        } else {
            "pushed"
        };
        for (label, count) in [
            (pushed, report.pushed),
            ("already present", report.already_present),
            ("conflicts", report.conflicts.len() as u64),
            ("failed", report.failed),
            ("tampered", report.tampered.len() as u64),
        ] {
            table.add_row(vec![label.to_string(), count.to_string()]);
        }
        views.push(View::table(table));
        for (label, jobs) in [
            ("conflict", &report.conflicts),
            ("tampered", &report.tampered),
        ] {
            for job in jobs {
                views.push(View::Line(format!("{label}: {}/{}", job.queue, job.id)));
            }
        }
        views
    }

    fn status(&self) -> Vec<String> {
        let report = &self.0;
        let verb = if report.dry_run {
            "would push"
        } else {
            "pushed"
        };
        vec![format!(
            "sync: {verb} {}, {} already present, {} conflicts, {} failed",
            report.pushed,
            report.already_present,
            report.conflicts.len(),
            report.failed
        )]
    }
}
