//! `fleetq enqueue`: one job from --data (JSON, @file or stdin); `bulk` handles a JSONL --file.

mod bulk;
mod lines;

use crate::cli::args::EnqueueArgs;
use crate::output::{Printer, Report, View};
use crate::runtime::airgap::Producer;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob, Schedule};
use crate::runtime::validate_queue_name;
use anyhow::Context;
use std::io::Read;
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

/// Largest payload accepted, so one job cannot swamp Redis memory.
pub const MAX_PAYLOAD: usize = 8 * 1024 * 1024;

pub async fn run(
    arguments: EnqueueArgs,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    validate_queue_name(&arguments.queue)?;
    let template = job_template(&arguments)?;
    if let Some(path) = arguments.file.clone() {
        let options = bulk::Options {
            queue: &arguments.queue,
            template: &template,
            require_online: arguments.require_online,
            envelope: arguments.envelope,
        };
        return bulk::run(&path, options, settings, printer).await;
    }
    let data = read_payload(arguments.data.as_deref())?;
    let mut job = template;
    job.data = data;
    if let Some(id) = &arguments.id {
        job.id = id.clone();
    }
    job.validate()?;
    let mut producer = Producer::connect(&settings, arguments.require_online).await?;
    let outcomes = producer
        .enqueue(&arguments.queue, std::slice::from_ref(&job))
        .await?;
    let outcome = outcomes
        .into_iter()
        .next()
        .context("the backend returned no outcome")?;
    if let Some(refusal) = refusal(&arguments.queue, &job, outcome.status) {
        return Err(refusal.into());
    }
    report(printer, &arguments.queue, &outcome, &producer);
    Ok(ExitCode::SUCCESS)
}

/// Why the backend refused a job (exit 4), if it did.
fn refusal(queue: &str, job: &NewJob, status: EnqueueStatus) -> Option<Classified> {
    match status {
        EnqueueStatus::Full => Some(queue_full(queue)),
        EnqueueStatus::Stopped => {
            let session = job.session.as_deref().unwrap_or_default();
            Some(
                Classified::rejected(format!(
                    "session `{session}` of queue `{queue}` is stopped; the job was not enqueued"
                ))
                .with_hint(format!(
                    "a stopped session takes no new jobs: use another session name, or remove this one with fleetq sessions clean {session} --queue {queue}"
                )),
            )
        }
        _ => None,
    }
}

fn queue_full(queue: &str) -> Classified {
    Classified::rejected(format!(
        "queue `{queue}` is full (max_len reached); the job was not enqueued"
    ))
    .with_hint(format!(
        "start more workers, or raise the limit: fleetq queues set {queue} --max-len N"
    ))
}

/// One enqueued job: `QUEUE/ID` for people, `{"id","queue","status","backend"}` per line for
/// scripts; `backend` is where the job is (a spool while Redis is unreachable).
#[derive(serde::Serialize)]
struct Reference<'a> {
    id: &'a str,
    queue: &'a str,
    status: EnqueueStatus,
    backend: &'a str,
}

impl Report for Reference<'_> {
    fn streamed(&self) -> bool {
        true
    }

    fn view(&self) -> Vec<View> {
        vec![View::Line(format!("{}/{}", self.queue, self.id))]
    }
}

fn print_reference(printer: &Printer, queue: &str, outcome: &EnqueueOutcome, backend: &str) {
    printer.report(&Reference {
        id: &outcome.id,
        queue,
        status: outcome.status,
        backend,
    });
}

fn report(printer: &Printer, queue: &str, outcome: &EnqueueOutcome, producer: &Producer) {
    let backend = producer.destination();
    print_reference(printer, queue, outcome, &backend);
    match outcome.status {
        EnqueueStatus::Duplicate => printer.status(&format!(
            "duplicate: {queue}/{} already exists on {backend}; nothing was added",
            outcome.id
        )),
        EnqueueStatus::Spooled => printer.status(&format!(
            "spooled: {queue}/{} waits in {backend} until `fleetq sync` ({})",
            outcome.id,
            producer.spooling.as_deref().unwrap_or("Redis unreachable")
        )),
        EnqueueStatus::Enqueued => {
            printer.status(&format!("enqueued {queue}/{} on {backend}", outcome.id));
        }
        EnqueueStatus::Full | EnqueueStatus::Stopped => {}
    }
}

/// The options every job of this call shares.
fn job_template(arguments: &EnqueueArgs) -> anyhow::Result<NewJob> {
    let mut job = NewJob::new(String::new());
    job.priority = arguments.priority;
    job.max_attempts = arguments.max_attempts;
    job.timeout = arguments.timeout;
    job.unique_key = arguments.unique_key.clone();
    job.unique_ttl = arguments.unique_ttl;
    job.correlation_id = arguments.correlation_id.clone();
    job.session = arguments.session.clone();
    // an absolute time stays absolute: the backend compares it with its own clock
    job.schedule = match (&arguments.delay, &arguments.at) {
        (Some(delay), _) => Schedule::In(*delay),
        (None, Some(at)) => {
            let when = humantime::parse_rfc3339_weak(at).map_err(|error| {
                Classified::usage(format!("--at `{at}` is not an RFC 3339 time: {error}"))
                    .with_hint("write it like 2026-11-22T09:00:00Z")
            })?;
            let ms = when
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| since.as_millis() as i64);
            Schedule::At(ms)
        }
        (None, None) => Schedule::Now,
    };
    Ok(job)
}

/// `--data` as JSON text, `@file` or `-` (stdin); absent means `{}`.
pub fn read_payload(data: Option<&str>) -> anyhow::Result<String> {
    let (text, origin) = match data {
        None => return Ok("{}".to_string()),
        Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .take(MAX_PAYLOAD as u64 + 1)
                .read_to_string(&mut text)
                .context("cannot read --data from stdin")?;
            (text, "--data - (stdin)".to_string())
        }
        Some(reference) if reference.starts_with('@') => {
            let path = &reference[1..];
            let text = std::fs::read_to_string(path).map_err(|error| {
                Classified::usage(format!("--data @{path}: cannot read the file: {error}"))
            })?;
            (text, format!("--data {reference}"))
        }
        Some(text) => (text.to_string(), "--data".to_string()),
    };
    check_payload(&text, Origin::Flag(&origin))?;
    Ok(text.trim().to_string())
}

/// Where a payload came from, for error messages.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A flag such as `--data`, or `--data @file`.
    Flag(&'a str),
    /// Line `line` of a JSONL source: errors read `SOURCE:LINE:COLUMN`.
    Line { source: &'a str, line: usize },
}

impl std::fmt::Display for Origin<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => formatter.write_str(flag),
            Origin::Line { source, line } => write!(formatter, "{source}:{line}"),
        }
    }
}

/// `at` is formatted only in errors: formatting it for every good line of a bulk file cost
/// more than checking the line.
fn check_payload(text: &str, at: Origin) -> Result<(), Classified> {
    if text.len() > MAX_PAYLOAD {
        return Err(Classified::usage(format!(
            "{at}: the payload is {} bytes, more than the {} MiB limit",
            text.len(),
            MAX_PAYLOAD >> 20
        ))
        .with_hint(
            "store large data elsewhere (a file or object store) and enqueue a reference to it",
        ));
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|error| {
        // serde_json's message ends with its own " at line L column C"; say it once, up front
        let message = error.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        let located = match at {
            Origin::Flag(_) => format!(
                "{at}: invalid JSON at line {} column {}: {message}",
                error.line(),
                error.column()
            ),
            Origin::Line { .. } => format!("{at}:{}: invalid JSON: {message}", error.column()),
        };
        Classified::usage(located).with_hint("payloads are JSON, e.g. --data '{\"user\": 42}'")
    })?;
    Ok(())
}
