//! fleetq: run and operate job queues on Redis, from one binary.
//!
//! # Layout
//!
//! ```text
//! main.rs                 parse → fleetq::run → ExitCode
//! cli/args.rs             every clap type (global flags, subcommands)
//! cli/mod.rs              dispatch: settings → Runtime → command → exit code
//! cli/commands/*.rs       one file per command; a command with verbs is a folder (jobs/, queues/);
//!                         enqueue/ keeps bulk mode (bulk.rs) apart from single jobs
//! output/                 the only code that prints: Printer (stdout data, stderr status),
//!                         tables, progress bars, error diagnostics, log setup
//! runtime/                the shared runtime; never prints, never imports clap
//!   config.rs             flags > FLEETQ_* env > config file > defaults; backend URLs, redaction
//!   error.rs              BackendError / Classified → exit codes and hints
//!   job.rs                the job model, stats shape, job references
//!   backend.rs            the Backend trait every command and the worker go through
//!   redis/                Redis backend: keys.rs (the only key builder), scripts/*.lua,
//!                         connection.rs (timeouts, doorbell), admin.rs, reply.rs
//!   pipeline/             pipeline YAML (spec.rs), the step runner (run.rs), exec steps (exec.rs)
//!   worker/               consumer loop (batched leases, buffered acks), heartbeat + reaper,
//!                         the shared --max-jobs budget
//!   bench.rs              the benchmark behind `fleetq bench`
//!   duration.rs, yaml.rs  human durations; YAML with file:line:column errors
//! ```

pub mod cli;
pub mod output;
pub mod runtime;

pub use cli::run;
