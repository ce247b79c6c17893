//! `fleetq queues purge Q --yes`: deletes every job of a queue, with a progress bar.

use super::super::require_queue;
use crate::output::Printer;
use crate::output::report::Done;
use crate::runtime::Runtime;
use crate::runtime::error::Classified;
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    queue: &str,
    yes: bool,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    require_queue(runtime, queue).await?;
    if !yes {
        return Err(Classified::usage(format!(
            "purge deletes every job in `{queue}` for good; pass --yes to confirm"
        ))
        .into());
    }
    let progress = printer.progress(&format!("purge {queue}"));
    let removed = runtime.backend.purge(queue, &progress).await?;
    progress.finish();
    printer.report_from(
        &runtime.backend.describe(),
        &Done {
            fields: Purged {
                queue,
                removed_jobs: removed,
            },
            said: format!("{queue}: purged ({removed} jobs removed)"),
        },
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct Purged<'a> {
    queue: &'a str,
    removed_jobs: u64,
}
