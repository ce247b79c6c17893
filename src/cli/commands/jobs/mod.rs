//! `fleetq jobs`: show, ls, cancel, retry.

pub mod change;
mod ls;
pub mod show;
mod why;

use crate::cli::args::JobsCommand;
use crate::output::Printer;
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::JobReference;
use std::process::ExitCode;

pub async fn run(
    verb: JobsCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    match verb {
        JobsCommand::Show { reference } => show::run(&runtime, &reference, printer).await,
        JobsCommand::Why { reference } => why::run(&runtime, &reference, printer).await,
        JobsCommand::Ls {
            queue,
            state,
            limit,
            since,
        } => ls::run(&runtime, &queue, state, limit, since, printer).await,
        JobsCommand::Cancel { references } => {
            change::run(&runtime, &references, change::Change::Cancel, printer).await
        }
        JobsCommand::Retry { references } => {
            change::run(&runtime, &references, change::Change::Retry, printer).await
        }
    }
}

/// Turns `QUEUE/ID` or a bare id into (queue, id); a bare id must name exactly one job.
pub async fn resolve(runtime: &Runtime, text: &str) -> anyhow::Result<(String, String)> {
    let reference = JobReference::parse(text);
    if let Some(queue) = reference.queue {
        crate::runtime::validate_queue_name(&queue)?;
        return Ok((queue, reference.id));
    }
    let queues = runtime.backend.locate(&reference.id).await?;
    match queues.as_slice() {
        [queue] => Ok((queue.clone(), reference.id)),
        [] => Err(Classified::not_found(format!("no job `{}` on {}", reference.id, runtime.backend.describe()))
            .with_hint("check the id; done jobs past the queue's retention are gone (fleetq queues set Q --retain-done N)")
            .into()),
        many => Err(Classified::usage(format!("job id `{}` exists in several queues: {}", reference.id, many.join(", ")))
            .with_hint(format!("name the queue: {}/{}", many[0], reference.id))
            .into()),
    }
}
