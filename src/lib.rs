//! fleetq: run and operate job queues on Redis or an embedded store, from one binary.
//!
//! # Layout
//!
//! ```text
//! main.rs                 parse → fleetq::run → ExitCode
//! cli/args.rs             every clap type (global flags, subcommands)
//! cli/mod.rs              dispatch: settings → Runtime → command → exit code
//! cli/commands/*.rs       one file per command; a command with verbs is a folder (jobs/, queues/,
//!                         dlq/) or one file when its verbs are small (airgap.rs, sessions.rs,
//!                         workers.rs, events.rs, pipeline.rs, run.rs, doctor.rs); enqueue/ keeps bulk
//!                         mode apart: bulk.rs sends batches, lines.rs reads and checks the
//!                         lines on a thread of its own
//! output/                 the only code that prints: Printer (stdout data, stderr status; a
//!                         closed pipe exits 0), report.rs (the Report trait every command's
//!                         result implements: JSON, JSONL records, a view for people), tables,
//!                         progress bars, error diagnostics, log setup
//! runtime/                the shared runtime; never prints, never imports clap
//!   mod.rs                Runtime (settings + backend, one constructor), open_backend,
//!                         queue-name rules
//!   config.rs             flags > FLEETQ_* env > config file > defaults; backend URLs, redaction
//!   error.rs              BackendError / Classified → exit codes and hints
//!   job.rs                the job model (NewJob with its validation, Schedule), stats shape,
//!                         job references
//!   backend.rs            the Backend trait every command and the worker go through
//!   redis/                Redis backend: mod.rs (the trait, handing each call to a file
//!                         below), jobs.rs (the job path: enqueue, lease and ack in one
//!                         dequeue call, fail, beat, release, cancel, retry), calls.rs (scripts with
//!                         JSON arguments sent in pipelines as FCALL, or EVALSHA where the
//!                         function library is refused, each reply read on its own; loading
//!                         what the server lost),
//!                         keys.rs (the only key builder), limits.rs (checkpoints, step
//!                         rates), memory.rs (the memory guard, the eviction warning),
//!                         doctor.rs (`fleetq doctor`'s checks, the function libraries
//!                         on the server), sentinel.rs (finding the
//!                         master, and `heal`: re-resolving after a failover), sessions.rs (session reads, stop,
//!                         clean), control.rs (worker commands: stored, and announced over
//!                         pub/sub), events.rs (queue events, tail reads), hints.rs (what to do
//!                         about each error), scripts.rs + scripts/*.lua (on Redis 7 one
//!                         function library: scripts/prelude.lua once, then each script as a
//!                         function with its `#!lua` flags; elsewhere each script joined with
//!                         the prelude; on a cluster scripts/cluster.lua opens each, refusing
//!                         to run while the queue's slot is resharded), connection.rs (timeouts, TLS,
//!                         doorbell, error mapping via Target), link.rs (the shared connection:
//!                         standalone, or a cluster's with pipelines split by hash slot;
//!                         dedicated connections for blocking reads and pub/sub), cluster.rs
//!                         (redis+cluster:// and connecting through seed nodes), open.rs
//!                         (connecting: standalone, Sentinel, cluster), admin.rs
//!                         (inspection and the fleet registry), reply.rs
//!                         (serde reply types); a fair queue's per-session lists and turn
//!                         rotations are kept by prelude.lua's push_ready and dequeue.lua
//!   local/                the embedded store (the default backend): mod.rs (the trait),
//!                         transaction.rs (one write transaction per call on a blocking
//!                         thread, or at once on the caller's for an idle pickup's small
//!                         writes; SQLite errors → ones with a hint), leasing.rs (a worker's
//!                         acks and lease in one transaction, with their events), schema.rs (tables,
//!                         version check, 0600/0700 files), jobs.rs (enqueue, lease, ack, fail,
//!                         the scripts' counterparts), limits.rs (queue rate and max_inflight
//!                         at lease time, step rates, checkpoints), doctor.rs (file, journal,
//!                         disk checks), fair.rs (which jobs a fair queue's
//!                         lease takes: sessions in turn), retention.rs (trimming by count and
//!                         age), recovery.rs (heartbeats,
//!                         recovery, release), admin.rs (inspection, cancel/retry, settings,
//!                         registry), sessions.rs (sessions rows, clean), events.rs (the event
//!                         rows each operation appends, tail reads), spool.rs (the store as the
//!                         airgap spool: sealed payloads, the bound, the key check, sync's
//!                         claims), doorbell.rs (unix datagram wake-ups beside the store),
//!                         checkpoint.rs (a leasing process's WAL checkpoints on a thread of
//!                         their own)
//!   airgap/               mod.rs (Producer: Redis while it answers, else the spool; probes),
//!                         settings.rs (`airgap:` and FLEETQ_AIRGAP_*), key.rs (the spool key,
//!                         keygen), seal.rs (XChaCha20-Poly1305 + SHA-256 checksums), state.rs
//!                         (forced/outage/probe/sync state file), sync.rs (claim, push, settle),
//!                         control.rs (status, force, release, sync for the commands),
//!                         worker.rs (a worker that switches between Redis and the spool)
//!   pipeline/             the engine a worker runs per job: spec.rs (the types), parse/ (the
//!                         YAML, every check inside a serde visitor so errors carry line and
//!                         column: mod.rs the pipeline, lists, unique names and `needs:`
//!                         graphs; kinds.rs the kinds with settings; step.rs one step and its
//!                         program, resolved at load), run.rs (one job: when, rate, timeout,
//!                         in-place retry, checkpoints), compose.rs (sequence, needs graphs,
//!                         parallel, route, foreach), kinds.rs (what each kind does),
//!                         template.rs (minijinja), exec.rs (a process per job, own process
//!                         group), coprocess.rs (persistent steps: one process per slot, a JSON
//!                         line each way, restarted with backoff), http.rs (reqwest + rustls,
//!                         Retry-After), services.rs (backend, http client, coprocesses and
//!                         secret redaction shared by a run), guard.rs (steps die with a
//!                         SIGKILLed worker), outline.rs (the parsed form `pipeline show` draws)
//!   metrics.rs            Prometheus: a worker's metrics, the queue gauges of `stats --output
//!                         prometheus`
//!   rate.rs               fleet-wide rates (`50/s`) and the GCRA arithmetic both backends apply
//!   worker/               mod.rs (run, shutdown, report), consumer.rs (batched leases,
//!                         burst-wait, unstartable steps, waits while limited, the idle wait
//!                         with the next lease behind it), running.rs (a leased job run in its
//!                         slot, then the held jobs; its outcome), acks.rs (acks
//!                         buffered for the next lease, counted only when confirmed),
//!                         lanes.rs (two lease loops in alternation on Redis),
//!                         failure.rs (failed attempts, `on_failure:`),
//!                         exporter.rs (`--metrics-addr`: /metrics, /healthz),
//!                         heartbeat.rs (one beat script per queue; the stored control command
//!                         comes back with the registration), control.rs (pause gate, stop,
//!                         the live control feed), pacing.rs (idle waits, burst-wait, the pause
//!                         after an unstartable step), trouble.rs (throttled outage logging),
//!                         budget.rs (--max-jobs), lookahead.rs (`lookahead:`: jobs leased
//!                         ahead of free slots, held in lease order; `auto` and its hold
//!                         limit), stopping.rs (grace, release, last acks)
//!   dlq/                  dead-letter queue: mod.rs (filters, selection in pages, retry at a
//!                         rate, purge), drain.rs (crash-safe drain to JSONL, import)
//!   sessions.rs           sessions: counts, show, stop (refuse, cancel, kill), clean
//!   why.rs                `jobs why`: a job's reason and next step from the job, queue and fleet
//!   bench/                the benchmark behind `fleetq bench`: mod.rs (drain and e2e modes,
//!                         pickup latency), processes.rs (`--workers N` worker processes)
//!   duration.rs, yaml.rs  human durations; YAML with file:line:column errors
//! build.rs                the build script (no module): packed relocations where glibc reads them,
//!                         and with rust-lld the functions in link-order.txt placed side by side
//!                         (.ci/link-order regenerates the list from profiled workloads)
//! ```
//!
//! # Where the Redis layout differs from DESIGN.md, and why
//!
//! - A lease deadline lives only in `P:leased` (its score), not in the job hash: one write less
//!   per lease and per heartbeat, and no second copy to drift.
//! - Extending and reaping are one `beat` script per worker and queue, not `extend` + `reap`:
//!   a worker extends its own leases before it recovers anyone's, and a lease counts as
//!   abandoned only if the reaper itself beat (server time, `P:workers`) after its deadline,
//!   which is what makes a Redis stall harmless.
//! - Job payloads and step outputs travel beside the JSON arguments and replies as raw
//!   elements: escaping them into JSON and out again cost Redis CPU for nothing.
//! - Done jobs keep their lease token (their state fences them), so a re-sent ack is
//!   recognised; cancelled jobs have an index, `P:cancelled`, trimmed like `P:done`.
//! - Fencing tokens are a per-queue counter (`fence` in `P:meta`), bumped once per dequeue batch.
//! - Acks and the next dequeue are two scripts pipelined in one round trip, so each stays small
//!   and an ack can also be sent alone by the flusher.
//! - `P:stats:m` holds 10-second buckets, so the 1-minute throughput is accurate to 10 s.
//! - `P:workers` (per queue, scored by the beat script with server time) counts live workers
//!   for `stats` and judges lease owners, next to the global registry; `P:reaper` is the
//!   single-reaper lock.
//! - Sessions: `P:sessions` (by last activity), `P:session:<s>` (status, times) and
//!   `P:session:<s>:jobs` (ids), written by the enqueue script; counts are read from the jobs'
//!   states when asked, so no other script pays for sessions.
//! - Events: one `XADD` per batch (ids space-separated, `MAXLEN ~ 10000`), not one per job; a
//!   client with events off leaves the stream out of the scripts' KEYS.
//! - Worker control: `<prefix>:control:<id>` (the stored command, read back with every
//!   registration) and the `<prefix>:control` pub/sub channel.
//! - A unique key without a TTL is held until its job finishes (`unique_until_done`), so it
//!   never blocks a queue forever.

pub mod cli;
pub mod output;
pub mod runtime;

pub use cli::run;
