//! `fleetq queues`: ls, pause, resume, purge, set.

mod ls;
mod pause;
mod purge;
mod set;

use crate::cli::args::QueuesCommand;
use crate::output::Printer;
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use std::process::ExitCode;

pub async fn run(
    verb: QueuesCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    match verb {
        QueuesCommand::Ls => ls::run(&runtime, printer).await,
        QueuesCommand::Pause { queue } => pause::run(&runtime, &queue, true, printer).await,
        QueuesCommand::Resume { queue } => pause::run(&runtime, &queue, false, printer).await,
        QueuesCommand::Purge { queue, yes } => purge::run(&runtime, &queue, yes, printer).await,
        QueuesCommand::Set {
            queue,
            max_len,
            retain_done,
            retain_dead,
            retain_for,
            fair_sessions,
            rate,
            max_inflight,
        } => {
            let settings = crate::runtime::job::QueueSettings {
                max_len,
                retain_done,
                retain_dead,
                retain_for,
                fair_sessions,
                rate: rate.map(|setting| setting.0),
                max_inflight,
            };
            set::run(&runtime, &queue, settings, printer).await
        }
    }
}
