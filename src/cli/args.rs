//! Every clap type: global flags and the subcommands with their arguments.

use crate::runtime::config::{ColorChoice, LogFormat, OutputFormat};
use crate::runtime::duration::parse_duration;
use crate::runtime::rate::Rate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "fleetq",
    version,
    about = "Run and operate job queues on Redis or an embedded store",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or
    /// local:PATH [default: the local store under the XDG data dir]
    #[arg(
        long,
        global = true,
        env = "FLEETQ_BACKEND",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub backend: Option<String>,
    /// Namespace for every key [default: fleetq]
    #[arg(long, global = true, env = "FLEETQ_PREFIX", hide_env_values = true)]
    pub prefix: Option<String>,
    /// Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]
    #[arg(
        long,
        global = true,
        env = "FLEETQ_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,
    /// Output format for data on stdout
    #[arg(
        long,
        short = 'o',
        global = true,
        env = "FLEETQ_OUTPUT",
        hide_env_values = true,
        value_enum
    )]
    pub output: Option<OutputArg>,
    /// Short for --output json
    #[arg(long, global = true, conflicts_with = "output")]
    pub json: bool,
    /// Only errors on stderr; no status lines or progress bars
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// More log detail (-v debug, -vv trace)
    #[arg(long = "verbose", short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to colour stderr
    #[arg(
        long,
        global = true,
        env = "FLEETQ_COLOR",
        hide_env_values = true,
        value_enum
    )]
    pub color: Option<ColorArg>,
    /// Log line format on stderr
    #[arg(
        long,
        global = true,
        env = "FLEETQ_LOG_FORMAT",
        hide_env_values = true,
        value_enum
    )]
    pub log_format: Option<LogFormatArg>,
    /// CA certificate (PEM) to trust for rediss:// instead of the public web roots
    #[arg(
        long,
        global = true,
        env = "FLEETQ_TLS_CA_FILE",
        hide_env_values = true,
        value_name = "PEM"
    )]
    pub tls_ca_file: Option<PathBuf>,
    /// Client certificate (PEM) for servers that require mutual TLS
    #[arg(
        long,
        global = true,
        env = "FLEETQ_TLS_CERT_FILE",
        hide_env_values = true,
        value_name = "PEM",
        requires = "tls_key_file"
    )]
    pub tls_cert_file: Option<PathBuf>,
    /// Client private key (PEM) for mutual TLS
    #[arg(
        long,
        global = true,
        env = "FLEETQ_TLS_KEY_FILE",
        hide_env_values = true,
        value_name = "PEM",
        requires = "tls_cert_file"
    )]
    pub tls_key_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputArg {
    Table,
    Json,
    Jsonl,
    /// The Prometheus text format (`fleetq stats` only)
    Prometheus,
}

impl From<OutputArg> for OutputFormat {
    fn from(value: OutputArg) -> Self {
        match value {
            OutputArg::Table => OutputFormat::Table,
            OutputArg::Json => OutputFormat::Json,
            OutputArg::Jsonl => OutputFormat::Jsonl,
            OutputArg::Prometheus => OutputFormat::Prometheus,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(value: ColorArg) -> Self {
        match value {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormatArg {
    Text,
    Json,
}

impl From<LogFormatArg> for LogFormat {
    fn from(value: LogFormatArg) -> Self {
        match value {
            LogFormatArg::Text => LogFormat::Text,
            LogFormatArg::Json => LogFormat::Json,
        }
    }
}

fn duration(text: &str) -> Result<Duration, String> {
    parse_duration(text)
}

fn on_off(text: &str) -> Result<bool, String> {
    match text {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err("expected on or off".to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add jobs to a queue: one from --data, or many from a JSONL --file
    Enqueue(EnqueueArgs),
    /// Run pipelines against their queues until stopped
    Worker(WorkerArgs),
    /// Queue counts, throughput, oldest pending job, workers
    Stats(StatsArgs),
    /// Inspect, cancel and retry jobs
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// List, pause, resume, purge and configure queues
    #[command(subcommand)]
    Queues(QueuesCommand),
    /// Measure enqueue and end-to-end throughput against the configured backend
    Bench(BenchArgs),
    /// The dead-letter queue: list, show, retry, drain to a file, import, purge
    #[command(subcommand)]
    Dlq(DlqCommand),
    /// Airgap on this host: status, force, release, and the spool key
    #[command(subcommand)]
    Airgap(AirgapCommand),
    /// Push jobs spooled while Redis was unreachable to Redis
    Sync(SyncArgs),
    /// Sessions: named groups of jobs in a queue (one tenant's import, one cron run)
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// What is happening: every queue's state changes as they occur
    #[command(subcommand)]
    Events(EventsCommand),
    /// The worker fleet: who is working on what
    #[command(subcommand)]
    Workers(WorkersCommand),
    /// Check pipeline files and draw their steps, with no backend
    #[command(subcommand)]
    Pipeline(PipelineCommand),
    /// Run one job through a pipeline in this process, with no queue or backend (for
    /// developing pipelines)
    Run(RunArgs),
    /// Check the backend's settings a queue depends on: version, persistence, eviction,
    /// memory headroom, latency, clock skew (or the local store's file and disk)
    Doctor,
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Pipeline file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The job's payload: JSON, @FILE, or - for stdin [default: {}]
    #[arg(long, value_name = "JSON")]
    pub data: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PipelineCommand {
    /// Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)
    Validate {
        /// Pipeline files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Draw a pipeline's steps as a tree (or its parsed form with --output json)
    Show {
        /// Pipeline file
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// Sessions with their status and job counts, most recently active first
    Ls {
        /// Queues to look in [default: all]
        queues: Vec<String>,
    },
    /// One session: counts per queue, throughput, the oldest pending job, recent errors
    Show {
        /// The session's name
        session: String,
        /// Only in this queue [default: every queue that has it]
        #[arg(long, value_name = "Q")]
        queue: Option<String>,
    },
    /// Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat
    Stop {
        /// The session's name
        session: String,
        /// Only in this queue [default: every queue that has it]
        #[arg(long, value_name = "Q")]
        queue: Option<String>,
    },
    /// Delete sessions and all their jobs: one by name, every stopped one, or idle ones
    Clean {
        /// The session's name
        #[arg(required_unless_present_any = ["all_stopped", "older_than"])]
        session: Option<String>,
        /// Every stopped session
        #[arg(long, conflicts_with = "session")]
        all_stopped: bool,
        /// Every session with no activity for this long
        #[arg(long, value_parser = duration, value_name = "DUR", conflicts_with = "session")]
        older_than: Option<Duration>,
        /// Only in this queue [default: every queue]
        #[arg(long, value_name = "Q")]
        queue: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried,
    /// dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped
    Tail {
        /// Queues to follow [default: all, including ones that appear]
        queues: Vec<String>,
        /// Only events of this session: its jobs enqueued, started, completed, retried, dead; its stop
        #[arg(long, value_name = "S")]
        session: Option<String>,
        /// Only events of this type (repeatable)
        #[arg(long = "type", value_name = "TYPE")]
        types: Vec<String>,
        /// Start this far back instead of now (e.g. 10m)
        #[arg(long, value_parser = duration, value_name = "DUR")]
        since: Option<Duration>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkersCommand {
    /// Registered workers: host, pid, queues, concurrency, in flight, labels, last beat
    Ls {
        /// Only workers serving this queue
        #[arg(long, value_name = "Q")]
        queue: Option<String>,
        /// Only workers with this label (repeatable; all must match)
        #[arg(long = "label", value_parser = label, value_name = "KEY=VALUE")]
        labels: Vec<(String, String)>,
    },
    /// Take no new jobs (in-flight ones finish); heartbeats go on
    Pause(WorkerTargets),
    /// Take jobs again
    Resume(WorkerTargets),
    /// Finish in-flight jobs, then exit
    Stop(WorkerTargets),
}

/// Which workers a control command goes to.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct WorkerTargets {
    /// Worker ids (from `fleetq workers ls`)
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    /// Every live worker
    #[arg(long)]
    pub all: bool,
    /// Every live worker serving this queue
    #[arg(long, value_name = "Q")]
    pub queue: Option<String>,
}

/// Which dead jobs: every filter given must match.
#[derive(Debug, Clone, Args)]
pub struct DeadFilterArgs {
    /// Only jobs of this session
    #[arg(long, value_name = "S")]
    pub session: Option<String>,
    /// Only jobs whose last error matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub error: Option<String>,
    /// Only jobs that died within this long (e.g. 10m)
    #[arg(long, value_parser = duration, value_name = "DUR")]
    pub since: Option<Duration>,
    /// Only jobs that died longer ago than this
    #[arg(long, value_parser = duration, value_name = "DUR")]
    pub older_than: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error
    Ls {
        /// Queue whose dead jobs to list
        queue: String,
        #[command(flatten)]
        filter: DeadFilterArgs,
        /// Most jobs to show
        #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
        limit: usize,
    },
    /// One dead job: its full error history, data and step outputs
    Show {
        /// QUEUE/ID, or an id alone
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Move dead jobs back to pending with fresh attempts
    Retry {
        /// Queue whose dead jobs to retry
        queue: String,
        /// These jobs (ids or QUEUE/ID); else --all, narrowed by the filters
        #[arg(value_name = "REF", conflicts_with = "all")]
        references: Vec<String>,
        /// Every dead job the filters select
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        filter: DeadFilterArgs,
        /// At most this many jobs
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Count what would be retried; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Retry at most this fast (50, 50/s, 3000/m), to spare what the jobs call
        #[arg(long, value_parser = rate, value_name = "N/s")]
        rate: Option<f64>,
    },
    /// Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash
    Drain {
        /// Queue whose dead jobs to drain
        queue: String,
        /// The file to append the jobs to (created 0600)
        #[arg(long, value_name = "FILE.jsonl")]
        to: PathBuf,
        #[command(flatten)]
        filter: DeadFilterArgs,
        /// At most this many jobs
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Count what would be drained; write and delete nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)
    Import {
        /// A file written by `fleetq dlq drain`
        #[arg(value_name = "FILE.jsonl")]
        file: PathBuf,
        /// Into this queue instead of each job's own
        #[arg(long, value_name = "Q")]
        queue: Option<String>,
        /// Into this session instead of each job's own (a replay of a stopped session)
        #[arg(long, value_name = "S")]
        session: Option<String>,
    },
    /// Delete dead jobs for good
    Purge {
        /// Queue whose dead jobs to delete
        queue: String,
        #[command(flatten)]
        filter: DeadFilterArgs,
        /// Confirm; purged jobs are gone
        #[arg(long)]
        yes: bool,
        /// Count what would be deleted; delete nothing
        #[arg(long)]
        dry_run: bool,
    },
}

fn rate(text: &str) -> Result<f64, String> {
    crate::runtime::dlq::parse_rate(text)
}

#[derive(Debug, Subcommand)]
pub enum AirgapCommand {
    /// Connected, airgapped, forced or recovering; spooled jobs; last probe and sync
    Status,
    /// Spool every enqueue on this host until `fleetq airgap release`
    Force {
        /// Why, shown by `fleetq airgap status`
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Clear a forced airgap; enqueues go to Redis again
    Release,
    /// Write a new random spool key to FILE (created 0600, never overwritten)
    Keygen {
        /// Where to write the key
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Report what would be pushed; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Jobs per push
    #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
}

#[derive(Debug, Args)]
pub struct EnqueueArgs {
    /// Queue to add the jobs to
    pub queue: String,
    /// Payload: JSON text, @file, or - for stdin
    #[arg(
        long,
        short = 'd',
        value_name = "JSON|@FILE|-",
        conflicts_with = "file"
    )]
    pub data: Option<String>,
    /// Bulk mode: one JSON payload per line (- reads stdin)
    #[arg(long, short = 'f', value_name = "JOBS.jsonl")]
    pub file: Option<PathBuf>,
    /// With --file: each line is {"data": …} with its own optional "id", "session",
    /// "priority", "correlation_id" and "unique_key"
    #[arg(long, requires = "file")]
    pub envelope: bool,
    /// 0 (highest) to 9 (lowest)
    #[arg(long, short = 'p', default_value_t = 5, value_parser = clap::value_parser!(u8).range(0..=9))]
    pub priority: u8,
    /// Run after this long (e.g. 30s, 5m)
    #[arg(long, value_parser = duration, value_name = "DUR", conflicts_with = "at")]
    pub delay: Option<Duration>,
    /// Run at this time (RFC 3339, e.g. 2026-11-22T09:00:00Z)
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Skip the job if another with this key exists (within --unique-ttl)
    #[arg(long, value_name = "KEY")]
    pub unique_key: Option<String>,
    /// How long the unique key blocks duplicates [default: until the job finishes]
    #[arg(long, value_parser = duration, value_name = "DUR", requires = "unique_key")]
    pub unique_ttl: Option<Duration>,
    /// Attempts before the job goes dead [default: the pipeline's retry.max_attempts]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: Option<u32>,
    /// Limit on the whole job's run time [default: the pipeline's timeout]
    #[arg(long, value_parser = duration, value_name = "DUR")]
    pub timeout: Option<Duration>,
    /// Free-form id carried into logs and the step context
    #[arg(long, value_name = "ID")]
    pub correlation_id: Option<String>,
    /// The session (a named group of jobs: one tenant's import, one cron run) the jobs join
    #[arg(long, value_name = "S")]
    pub session: Option<String>,
    /// Job id [default: a new UUID v7]; enqueueing an existing id reports a duplicate
    #[arg(long, conflicts_with = "file")]
    pub id: Option<String>,
    /// Fail (exit 5) instead of spooling when Redis is unreachable or airgap is forced
    #[arg(long)]
    pub require_online: bool,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Pipeline files; each consumes its own queue
    #[arg(required = true, value_name = "PIPELINE.yaml")]
    pub pipelines: Vec<PathBuf>,
    /// Jobs run at once per pipeline [default: the pipeline's concurrency, else 10]
    #[arg(long, short = 'c', value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub concurrency: Option<u32>,
    /// Exit 0 once nothing is ready (for cron)
    #[arg(long)]
    pub burst: bool,
    /// With --burst: once the queue runs dry, wait this long for delayed jobs and expiring
    /// leases of crashed workers that fall due, and run them
    #[arg(long, value_parser = duration, value_name = "DUR", default_value = "10s", requires = "burst")]
    pub burst_wait: Duration,
    /// Stop after leasing this many jobs
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_jobs: Option<u64>,
    /// Stop taking jobs after this long
    #[arg(long, value_parser = duration, value_name = "DUR")]
    pub max_runtime: Option<Duration>,
    /// On stop, how long in-flight jobs may finish before they are released
    #[arg(long, value_parser = duration, value_name = "DUR", default_value = "30s")]
    pub shutdown_grace: Duration,
    /// A label for `workers ls` (repeatable): --label zone=eu-1
    #[arg(long = "label", value_parser = label, value_name = "KEY=VALUE")]
    pub labels: Vec<(String, String)>,
    /// Serve Prometheus /metrics and a /healthz probe here, e.g. 127.0.0.1:9464
    #[arg(long, value_name = "ADDR:PORT")]
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// Consume this queue instead of the pipeline's own (one pipeline only)
    #[arg(long, value_name = "QUEUE")]
    pub queue: Option<String>,
}

/// `key=value`, for `--label`.
fn label(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(format!("`{text}` is not KEY=VALUE")),
    }
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Queues to show [default: all]
    pub queues: Vec<String>,
    /// Redraw every DUR (with --output jsonl: one object per tick)
    #[arg(long, value_parser = duration, value_name = "DUR")]
    pub watch: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// Everything about one job: state, attempts, timings, lease, errors, data, outputs
    Show {
        /// QUEUE/ID, or an id alone
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Why a job is not done: its state, lease holder, errors, queue and workers, and what to do
    Why {
        /// QUEUE/ID, or an id alone
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// List a queue's jobs in one state
    Ls {
        /// Queue to list
        queue: String,
        /// Which jobs: next up for pending and delayed, newest first for the others
        #[arg(long, short = 's', value_enum, default_value = "pending")]
        state: StateArg,
        /// Most jobs to show
        #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
        limit: usize,
        /// Only jobs that finished (or, retrying, last failed; else were created) within this
        /// long, e.g. 10m
        #[arg(long, value_parser = duration, value_name = "DUR")]
        since: Option<Duration>,
    },
    /// Cancel jobs that have not finished
    Cancel {
        /// QUEUE/ID, or ids alone
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
    },
    /// Run dead, cancelled or delayed jobs again now
    Retry {
        /// QUEUE/ID, or ids alone
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateArg {
    Pending,
    Delayed,
    Active,
    Done,
    Dead,
    Cancelled,
    /// Delayed after a failure, waiting out the retry backoff
    Retrying,
}

#[derive(Debug, Subcommand)]
pub enum QueuesCommand {
    /// Known queues with their main counts
    Ls,
    /// Stop handing out jobs (workers notice within a heartbeat); works before a queue's first job
    Pause {
        /// Queue to pause
        queue: String,
    },
    /// Hand out jobs again
    Resume {
        /// Queue to resume
        queue: String,
    },
    /// Delete every job of a queue (settings stay)
    Purge {
        /// Queue to empty
        queue: String,
        /// Confirm; purge deletes jobs for good
        #[arg(long)]
        yes: bool,
    },
    /// Change a queue's limits; works before a queue's first job
    Set {
        /// Queue to configure
        queue: String,
        /// Reject enqueues past this many pending+delayed jobs (0 = no limit)
        #[arg(long, value_name = "N")]
        max_len: Option<u64>,
        /// Done (and cancelled) jobs kept for inspection; older ones are trimmed (0 keeps none:
        /// each job is deleted as it is acked, the fastest setting)
        #[arg(long, value_name = "N")]
        retain_done: Option<u64>,
        /// Dead jobs kept in the dead-letter queue; the oldest past it are trimmed (0 = all)
        #[arg(long, value_name = "N")]
        retain_dead: Option<u64>,
        /// Done and dead jobs older than this are trimmed (e.g. 7d; 0 = no age limit)
        #[arg(long, value_parser = duration, value_name = "DUR")]
        retain_for: Option<Duration>,
        /// Take jobs round-robin across the queue's sessions, so a big session cannot starve
        /// a small one (costs throughput; see the README)
        #[arg(long, value_name = "on|off", value_parser = on_off)]
        fair_sessions: Option<bool>,
        /// Jobs started per unit of time across every worker of the queue (e.g. 50/s,
        /// 600/m; off removes it); held-back jobs wait without spending an attempt
        #[arg(long, value_name = "N/s|off", value_parser = rate_or_off)]
        rate: Option<RateSetting>,
        /// Most jobs of the queue running at once across every worker (0 = no limit)
        #[arg(long, value_name = "N")]
        max_inflight: Option<u64>,
    },
}

/// `--rate N/s`, or `off` to remove it (a newtype: clap reads `Option<Option<_>>` as a flag
/// whose value is optional).
#[derive(Debug, Clone, Copy)]
pub struct RateSetting(pub Option<Rate>);

fn rate_or_off(text: &str) -> Result<RateSetting, String> {
    match text {
        "off" | "none" | "0" => Ok(RateSetting(None)),
        other => Rate::parse(other).map(|rate| RateSetting(Some(rate))),
    }
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Jobs to enqueue and process
    #[arg(long, short = 'n', default_value_t = 100_000, value_name = "N")]
    pub jobs: usize,
    /// Worker concurrency
    #[arg(long, short = 'c', default_value_t = 100, value_name = "N")]
    pub concurrency: usize,
    /// Single jobs timed from enqueue to start on an idle worker
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub latency_samples: usize,
    /// Bench this pipeline instead of one no-op step
    #[arg(long, value_name = "FILE")]
    pub pipeline: Option<PathBuf>,
    /// Spread the jobs over this many sessions, in turn (0 = no sessions)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub sessions: usize,
    /// Run the bench queue with --fair-sessions on
    #[arg(long)]
    pub fair_sessions: bool,
    /// drain: fill the queue, then time the workers alone; e2e: start the workers, then time
    /// from the first enqueue to the last ack while a producer enqueues
    #[arg(long, value_enum, default_value = "drain")]
    pub mode: BenchModeArg,
    /// Run the workers as this many `fleetq worker` processes [default: one worker inside
    /// the bench process]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub workers: Option<u32>,
    /// Bench on this queue, which must hold no jobs (it is deleted afterwards) [default: a
    /// fresh bench-XXXXXXXX]; on a cluster the name picks the master
    #[arg(long, value_name = "QUEUE")]
    pub queue: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BenchModeArg {
    Drain,
    E2e,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to write the completion script for
    pub shell: clap_complete::Shell,
}
