//! `fleetq dlq`: list, show, retry, drain, import and purge dead jobs. `ls.rs` renders the
//! listing; `act.rs` the verbs that change the queue.

mod act;
mod ls;

use super::jobs::{change, show};
use super::require_queue;
use crate::cli::args::{DeadFilterArgs, DlqCommand};
use crate::output::Printer;
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::dlq::{Change, DeadFilter};
use crate::runtime::error::Classified;
use crate::runtime::job::JobState;
use std::process::ExitCode;

pub async fn run(
    verb: DlqCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    match verb {
        DlqCommand::Ls {
            queue,
            filter,
            limit,
        } => {
            require_queue(&runtime, &queue).await?;
            ls::run(&runtime, &queue, filter_of(filter, Some(limit))?, printer).await
        }
        DlqCommand::Show { reference } => {
            let job = show::find(&runtime, &reference).await?;
            if job.state != JobState::Dead {
                return Err(Classified::not_found(format!(
                    "{}/{} is not in the dead-letter queue: it is {}",
                    job.queue,
                    job.id,
                    job.state.as_str()
                ))
                .with_hint(format!(
                    "see it with: fleetq jobs show {}/{}",
                    job.queue, job.id
                ))
                .into());
            }
            show::print(&runtime, job, printer);
            Ok(ExitCode::SUCCESS)
        }
        DlqCommand::Retry {
            queue,
            references,
            all,
            filter,
            limit,
            dry_run,
            rate,
        } => {
            require_queue(&runtime, &queue).await?;
            if !references.is_empty() {
                let references: Vec<String> = references
                    .iter()
                    .map(|reference| qualify(&queue, reference))
                    .collect();
                return change::run(&runtime, &references, change::Change::Retry, printer).await;
            }
            let filter = filter_of(filter, limit)?;
            if !all && filter.is_empty() {
                return Err(Classified::usage("name the jobs to retry, or select them")
                    .with_hint("pass ids, --all, or filters such as --since 10m or --error REGEX")
                    .into());
            }
            let change = Change::Retry { rate };
            act::change(&runtime, &queue, filter, change, dry_run, printer).await
        }
        DlqCommand::Drain {
            queue,
            to,
            filter,
            limit,
            dry_run,
        } => {
            require_queue(&runtime, &queue).await?;
            act::drain(
                &runtime,
                &queue,
                filter_of(filter, limit)?,
                &to,
                dry_run,
                printer,
            )
            .await
        }
        DlqCommand::Import {
            file,
            queue,
            session,
        } => {
            act::import(
                &runtime,
                &file,
                (queue.as_deref(), session.as_deref()),
                printer,
            )
            .await
        }
        DlqCommand::Purge {
            queue,
            filter,
            yes,
            dry_run,
        } => {
            require_queue(&runtime, &queue).await?;
            if !yes && !dry_run {
                return Err(Classified::usage(format!(
                    "purge deletes dead jobs of `{queue}` for good; pass --yes to confirm"
                ))
                .with_hint("see what it would delete with --dry-run, or keep them in a file with fleetq dlq drain")
                .into());
            }
            let filter = filter_of(filter, None)?;
            act::change(&runtime, &queue, filter, Change::Delete, dry_run, printer).await
        }
    }
}

/// A bare id refers to this queue's job.
fn qualify(queue: &str, reference: &str) -> String {
    if reference.contains('/') {
        reference.to_string()
    } else {
        format!("{queue}/{reference}")
    }
}

fn filter_of(arguments: DeadFilterArgs, limit: Option<usize>) -> anyhow::Result<DeadFilter> {
    Ok(DeadFilter {
        session: arguments.session,
        error: arguments
            .error
            .as_deref()
            .map(DeadFilter::error_pattern)
            .transpose()?,
        since: arguments.since,
        older_than: arguments.older_than,
        limit,
    })
}
