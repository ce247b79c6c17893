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
//!   mod.rs                Runtime (settings + backend, one constructor), queue-name rules
//!   config.rs             flags > FLEETQ_* env > config file > defaults; backend URLs, redaction
//!   error.rs              BackendError / Classified → exit codes and hints
//!   job.rs                the job model, stats shape, job references
//!   backend.rs            the Backend trait every command and the worker go through
//!   redis/                Redis backend: mod.rs (hot path), keys.rs (the only key builder),
//!                         scripts/*.lua loaded by scripts.rs, connection.rs (timeouts, TLS,
//!                         doorbell, error mapping), admin.rs (inspection), reply.rs (decoding)
//!   pipeline/             pipeline YAML (spec.rs), the step runner (run.rs), exec steps (exec.rs)
//!   worker/               mod.rs (run, shutdown), consumer.rs (batched leases, buffered acks),
//!                         heartbeat.rs (lease extension, reaper, registry), budget.rs (--max-jobs)
//!   bench.rs              the benchmark behind `fleetq bench`
//!   duration.rs, yaml.rs  human durations; YAML with file:line:column errors
//! ```
//!
//! # Where the Redis layout differs from DESIGN.md, and why
//!
//! - A lease deadline lives only in `P:leased` (its score), not in the job hash: one write less
//!   per lease and per heartbeat, and no second copy to drift.
//! - Fencing tokens are a per-queue counter (`fence` in `P:meta`), bumped once per dequeue batch.
//! - Acks and the next dequeue are two scripts pipelined in one round trip, so each stays small
//!   and an ack can also be sent alone by the flusher.
//! - `P:stats:m` holds 10-second buckets, so the 1-minute throughput is accurate to 10 s.
//! - `P:workers` (per queue, scored by heartbeat) counts live workers for `stats`, next to the
//!   global registry; `P:reaper` is the single-reaper lock.
//! - A unique key without a TTL is held until its job finishes (`unique_until_done`), so it
//!   never blocks a queue forever.

pub mod cli;
pub mod output;
pub mod runtime;

pub use cli::run;
