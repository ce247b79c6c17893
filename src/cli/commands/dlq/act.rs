//! The `dlq` verbs that change things: retry, drain, import, purge. Each shows a progress bar
//! on a terminal and reports its counts as one line for people and one object for scripts.

use crate::output::Printer;
use crate::output::report::Done;
use crate::runtime::Runtime;
use crate::runtime::dlq::{self, Change, DeadFilter, DeadJobs, drain as draining};
use std::path::Path;
use std::process::ExitCode;

/// `dlq retry` and `dlq purge`: select, apply, report.
pub async fn change(
    runtime: &Runtime,
    queue: &str,
    filter: DeadFilter,
    change: Change,
    dry_run: bool,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let backend = runtime.backend.as_ref();
    let jobs = DeadJobs::select(backend, queue, filter).await?;
    let progress = printer.progress(&format!("{} {queue}", change.done()));
    let outcome = dlq::apply(backend, jobs, change, dry_run, &progress).await?;
    progress.finish();
    let said = if dry_run {
        format!(
            "{queue}: {} dead jobs would be {} (dry run)",
            outcome.selected,
            change.done()
        )
    } else {
        format!(
            "{queue}: {} dead jobs {}{}",
            outcome.changed,
            change.done(),
            skipped(outcome.skipped)
        )
    };
    printer.report_from(
        &backend.describe(),
        &Done {
            fields: outcome,
            said,
        },
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn drain(
    runtime: &Runtime,
    queue: &str,
    filter: DeadFilter,
    to: &Path,
    dry_run: bool,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let backend = runtime.backend.as_ref();
    let jobs = DeadJobs::select(backend, queue, filter).await?;
    let progress = printer.progress(&format!("drain {queue}"));
    let report = draining::drain(backend, jobs, to, dry_run, &progress).await?;
    progress.finish();
    let said = if dry_run {
        format!(
            "{queue}: {} dead jobs would be drained to {} (dry run)",
            report.written,
            to.display()
        )
    } else {
        let earlier = match report.already_in_file {
            0 => String::new(),
            count => format!(" ({count} were already in the file from an interrupted drain)"),
        };
        format!(
            "{queue}: {} dead jobs written to {} and deleted{earlier}",
            report.written,
            to.display()
        )
    };
    printer.report_from(
        &backend.describe(),
        &Done {
            fields: report,
            said,
        },
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn import(
    runtime: &Runtime,
    file: &Path,
    into: (Option<&str>, Option<&str>),
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let backend = runtime.backend.as_ref();
    let progress = printer.progress("import");
    let report = draining::import(backend, file, into, &progress).await?;
    progress.finish();
    let said = format!(
        "imported {} jobs from {} into {} ({} duplicates skipped)",
        report.imported,
        file.display(),
        if report.queues.is_empty() {
            "no queue".to_string()
        } else {
            report.queues.join(", ")
        },
        report.duplicates
    );
    printer.report_from(
        &backend.describe(),
        &Done {
            fields: report,
            said,
        },
    );
    Ok(ExitCode::SUCCESS)
}

fn skipped(count: u64) -> String {
    match count {
        0 => String::new(),
        count => format!(" ({count} had left the dead-letter queue meanwhile)"),
    }
}
