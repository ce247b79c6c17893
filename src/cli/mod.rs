//! Dispatch: parse flags, settle configuration, run one command, turn the result into an exit
//! code.

pub mod args;
pub mod commands;

use crate::output::{Printer, logging};
use crate::runtime::config::{ColorChoice, OutputFormat, Overrides, Settings};
use crate::runtime::error::classify;
use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

/// Entry point for the binary.
pub fn run() -> ExitCode {
    // help and usage errors are printed before the flags are parsed, so their colour is
    // settled from the raw arguments and the environment first
    let matches = Cli::command()
        .color(early_color(std::env::args()))
        .get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let overrides = Overrides {
        config: cli.global.config.clone(),
        backend: cli.global.backend.clone(),
        prefix: cli.global.prefix.clone(),
        output: if cli.global.json {
            Some(OutputFormat::Json)
        } else {
            cli.global.output.map(Into::into)
        },
        color: cli.global.color.map(Into::into),
        log_format: cli.global.log_format.map(Into::into),
        tls_ca_file: cli.global.tls_ca_file.clone(),
        tls_cert_file: cli.global.tls_cert_file.clone(),
        tls_key_file: cli.global.tls_key_file.clone(),
    };
    let settings = Settings::resolve(overrides);
    let (format, color) = match &settings {
        Ok(settings) => (settings.output, settings.color),
        Err(_) => (OutputFormat::Table, ColorChoice::Auto),
    };
    let printer = Printer::new(format, cli.global.quiet, color);
    let result = match settings {
        Ok(settings) => {
            logging::init(
                settings.log_format,
                cli.global.verbose,
                cli.global.quiet,
                printer.colored(),
            );
            execute(cli.command, settings, &printer)
        }
        Err(error) => Err(error.into()),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let (kind, hint) = classify(&error);
            printer.error(&error, hint.as_deref());
            ExitCode::from(kind.code())
        }
    }
}

fn execute(command: Command, settings: Settings, printer: &Printer) -> anyhow::Result<ExitCode> {
    if settings.output == OutputFormat::Prometheus && !matches!(command, Command::Stats(_)) {
        return Err(crate::runtime::error::Classified::usage(
            "--output prometheus is for `fleetq stats` (queue gauges for a textfile collector)",
        )
        .with_hint("workers serve their own metrics with --metrics-addr; other commands take --output table|json|jsonl")
        .into());
    }
    // these need no backend, and no async runtime
    match &command {
        Command::Completions(arguments) => return commands::completions::run(arguments, printer),
        Command::Pipeline(verb) => return commands::pipeline::run(verb, printer),
        _ => {}
    }
    // one thread: a worker is I/O (steps that compute run as processes or on the blocking
    // pool), and handing each job between threads cost more than the work. Draining no-op
    // jobs it used 25-35% less CPU per job than tokio's multi-threaded runtime (5.0-6.0 vs
    // 7.6-7.8 µs at concurrency 100, 12.2 vs 15.6-25.4 µs at 10), and left the other core to
    // Redis on a small host
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        match command {
            Command::Enqueue(arguments) => {
                commands::enqueue::run(arguments, settings, printer).await
            }
            Command::Worker(arguments) => commands::worker::run(arguments, settings, printer).await,
            Command::Stats(arguments) => commands::stats::run(arguments, settings, printer).await,
            Command::Jobs(verb) => commands::jobs::run(verb, settings, printer).await,
            Command::Queues(verb) => commands::queues::run(verb, settings, printer).await,
            Command::Bench(arguments) => commands::bench::run(arguments, settings, printer).await,
            Command::Sessions(verb) => commands::sessions::run(verb, settings, printer).await,
            Command::Events(verb) => commands::events::run(verb, settings, printer).await,
            Command::Workers(verb) => commands::workers::run(verb, settings, printer).await,
            Command::Dlq(verb) => commands::dlq::run(verb, settings, printer).await,
            Command::Airgap(verb) => commands::airgap::run(verb, settings, printer).await,
            Command::Sync(arguments) => commands::sync::run(arguments, settings, printer).await,
            Command::Doctor => commands::doctor::run(settings, printer).await,
            Command::Run(arguments) => commands::run::run(arguments, printer).await,
            Command::Completions(_) | Command::Pipeline(_) => {
                unreachable!("handled before the runtime starts")
            }
        }
    })
}

/// `--color` as written on the command line, else `FLEETQ_COLOR`, else `NO_COLOR`.
fn early_color(arguments: impl Iterator<Item = String>) -> clap::ColorChoice {
    let arguments: Vec<String> = arguments.collect();
    let written = arguments.iter().enumerate().find_map(|(index, argument)| {
        match argument.strip_prefix("--color") {
            Some(value) if value.starts_with('=') => Some(value[1..].to_string()),
            Some("") => arguments.get(index + 1).cloned(),
            _ => None,
        }
    });
    let choice = written.or_else(|| std::env::var("FLEETQ_COLOR").ok());
    match choice.as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ if std::env::var_os("NO_COLOR").is_some() => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    }
}
