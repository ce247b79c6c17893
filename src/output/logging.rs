//! Structured logs on stderr: text for people, JSON for collectors.

use crate::runtime::config::LogFormat;
use tracing_subscriber::EnvFilter;

/// `-v` raises the level (info → debug → trace); `FLEETQ_LOG` (a tracing filter) wins.
pub fn init(format: LogFormat, verbosity: u8, quiet: bool, color: bool) {
    // redis-rs logs each node it fails to reach, and fleetq's own error already says that once
    // with a hint; its messages show from -v on
    let default = match (quiet, verbosity) {
        (true, _) => "error",
        (false, 0) => "info,redis=error",
        (false, 1) => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_env("FLEETQ_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // its own write errors are reported with eprintln!, which panics on a closed stderr
        // (a worker piped into a log shipper that died) and would take the task with it
        .log_internal_errors(false)
        .with_target(false);
    let result = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.with_ansi(color).try_init(),
    };
    // a second init (tests running commands in-process) keeps the first subscriber
    drop(result);
}
