//! `fleetq completions SHELL`: prints the completion script (the committed copies in
//! `completions/` are checked against this by a test).

use crate::cli::args::{Cli, CompletionsArgs};
use crate::output::Printer;
use clap::CommandFactory;
use std::process::ExitCode;

/// The script for one shell, as text.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "fleetq", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

pub fn run(arguments: &CompletionsArgs, printer: &Printer) -> anyhow::Result<ExitCode> {
    printer.line(script(arguments.shell).trim_end());
    Ok(ExitCode::SUCCESS)
}
