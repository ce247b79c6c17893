//! Dispatch: parse flags, settle configuration, run one command, turn the result into an exit
//! code.

pub mod args;
pub mod commands;

use crate::output::{Printer, logging};
use crate::runtime::config::{ColorChoice, OutputFormat, Overrides, Settings};
use crate::runtime::error::classify;
use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Entry point for the binary.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
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
    if let Command::Completions(arguments) = &command {
        return commands::completions::run(arguments, printer);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
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
            Command::Completions(_) => unreachable!("handled before the runtime starts"),
        }
    })
}
