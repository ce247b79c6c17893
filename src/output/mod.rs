//! The only code that prints. stdout carries data (tables, JSON, job references); stderr carries
//! status, progress, logs and errors.

pub mod diagnostics;
pub mod logging;
pub mod progress;
pub mod report;
pub mod table;

use crate::runtime::config::{ColorChoice, OutputFormat};
use serde::Serialize;
use std::io::{IsTerminal, Write};

pub use progress::Progress;
pub use report::{Report, View};
pub use table::new_table;

pub struct Printer {
    format: OutputFormat,
    quiet: bool,
    color: bool,
    /// Data printed while `batch` runs, written at its end.
    held: std::sync::Mutex<Option<Vec<u8>>>,
}

impl Printer {
    pub fn new(format: OutputFormat, quiet: bool, color: ColorChoice) -> Printer {
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Printer {
            format,
            quiet,
            color,
            held: std::sync::Mutex::new(None),
        }
    }

    pub fn format(&self) -> OutputFormat {
        self.format
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Whether stderr is coloured (logs follow the same choice).
    pub fn colored(&self) -> bool {
        self.color
    }

    /// One line of data on stdout.
    pub fn line(&self, text: &str) {
        self.write_data(|stdout| writeln!(stdout, "{text}"));
    }

    /// Runs `body` holding the data it prints, then writes it all at once: stdout flushes
    /// every line, so a bulk enqueue's thousand references per batch cost a thousand writes
    /// without this, and one with it.
    pub fn batch<T>(&self, body: impl FnOnce() -> T) -> T {
        *self.held_data() = Some(Vec::new());
        let result = body();
        let held = self.held_data().take();
        if let Some(bytes) = held.filter(|bytes| !bytes.is_empty()) {
            write_stdout(|stdout| stdout.write_all(&bytes));
        }
        result
    }

    fn held_data(&self) -> std::sync::MutexGuard<'_, Option<Vec<u8>>> {
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes data to stdout, or to the held data while `batch` runs.
    fn write_data(&self, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
        if let Some(buffer) = self.held_data().as_mut() {
            // writing into memory cannot fail
            let _ = write(buffer);
            return;
        }
        write_stdout(write);
    }

    /// A JSON document: pretty for `json`, one compact line for `jsonl`.
    pub fn json<T: Serialize>(&self, value: &T) {
        let text = match self.format {
            OutputFormat::Jsonl => serde_json::to_string(value),
            _ => serde_json::to_string_pretty(value),
        };
        if let Ok(text) = text {
            self.line(&text);
        }
    }

    /// Prints a command's result in the chosen format.
    pub fn report<R: Report>(&self, report: &R) {
        match self.format {
            OutputFormat::Prometheus => {
                if let Some(text) = report.prometheus() {
                    self.write_data(|stdout| write!(stdout, "{text}"));
                }
            }
            OutputFormat::Json if !report.streamed() => self.json(report),
            OutputFormat::Json | OutputFormat::Jsonl => {
                for record in report.records() {
                    self.json_line(&record);
                }
            }
            OutputFormat::Table => {
                for view in report.view() {
                    match view {
                        report::View::Table(table) => self.table(&table),
                        report::View::Line(text) => self.line(&text),
                    }
                }
                for line in report.status() {
                    self.status(&line);
                }
                for line in report.warnings() {
                    self.warning(&line);
                }
            }
        }
    }

    /// A result with the backend it came from (see `OnBackend`).
    pub fn report_from<R: Report>(&self, backend: &str, report: &R) {
        self.report(&report::OnBackend {
            backend: backend.to_string(),
            report,
        });
    }

    /// One compact JSON object on its own line, whatever the format (streams of records).
    pub fn json_line<T: Serialize>(&self, value: &T) {
        if let Ok(text) = serde_json::to_string(value) {
            self.line(&text);
        }
    }

    pub fn table(&self, table: &comfy_table::Table) {
        let rendered = table.to_string();
        self.write_data(|stdout| {
            for row in rendered.lines() {
                writeln!(stdout, "{}", row.trim_end())?;
            }
            Ok(())
        });
    }

    /// Clears the terminal before a `--watch` redraw (only when stdout is a terminal).
    pub fn clear_screen(&self) {
        if std::io::stdout().is_terminal() {
            self.write_data(|stdout| write!(stdout, "\x1b[2J\x1b[H"));
        }
    }

    /// A status line on stderr; silent with --quiet.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{text}");
        }
    }

    /// A warning on stderr; silent with --quiet, which promises errors only.
    pub fn warning(&self, text: &str) {
        if self.quiet {
            return;
        }
        let label = self.paint("warning", "33");
        let _ = writeln!(std::io::stderr().lock(), "{label}: {text}");
    }

    pub fn error(&self, error: &anyhow::Error, hint: Option<&str>) {
        let text = diagnostics::render(error, hint, |label, code| self.paint(label, code));
        let _ = write!(std::io::stderr().lock(), "{text}");
    }

    pub fn progress(&self, label: &str) -> Progress {
        Progress::new(label, self.quiet)
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[1;{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Writes data to stdout and flushes it. A closed pipe (`| head`) ends fleetq at once with
/// exit 0, as in ripgrep: whoever read the output has what it wanted. Any other write error
/// (a full disk behind a redirect) is an error, never silently dropped.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let mut stdout = std::io::stdout().lock();
    let result = write(&mut stdout).and_then(|()| stdout.flush());
    match result {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(error) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "error: cannot write to stdout: {error}"
            );
            std::process::exit(1);
        }
    }
}
