//! `fleetq enqueue`: one job from --data (JSON, @file or stdin), or many from a JSONL --file.

use crate::cli::args::EnqueueArgs;
use crate::output::Printer;
use crate::runtime::backend::ProgressSink;
use crate::runtime::config::{OutputFormat, Settings};
use crate::runtime::error::Classified;
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob};
use crate::runtime::{Runtime, validate_queue_name};
use anyhow::Context;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

/// Jobs per enqueue call in bulk mode.
const BATCH: usize = 1000;
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
        // validate the whole file before anything is sent, so a bad line enqueues nothing
        let lines = validate_file(&path)?;
        let runtime = Runtime::connect(settings).await?;
        return enqueue_file(&runtime, &arguments.queue, &path, lines, &template, printer).await;
    }
    let data = read_payload(arguments.data.as_deref())?;
    let mut job = template;
    job.data = data;
    if let Some(id) = &arguments.id {
        job.id = id.clone();
    }
    let runtime = Runtime::connect(settings).await?;
    let outcomes = runtime
        .backend
        .enqueue(&arguments.queue, std::slice::from_ref(&job))
        .await?;
    let outcome = outcomes
        .into_iter()
        .next()
        .context("the backend returned no outcome")?;
    if outcome.status == EnqueueStatus::Full {
        return Err(queue_full(&arguments.queue).into());
    }
    report(printer, &arguments.queue, &outcome);
    Ok(ExitCode::SUCCESS)
}

fn queue_full(queue: &str) -> Classified {
    Classified::rejected(format!(
        "queue `{queue}` is full (max_len reached); the job was not enqueued"
    ))
    .with_hint(format!(
        "start more workers, or raise the limit: fleetq queues set {queue} --max-len N"
    ))
}

/// One job reference on stdout: `QUEUE/ID`, or `{"id","queue","status"}` for json/jsonl.
fn print_reference(printer: &Printer, queue: &str, outcome: &EnqueueOutcome) {
    match printer.format() {
        OutputFormat::Table => printer.line(&format!("{queue}/{}", outcome.id)),
        _ => printer.json_line(&serde_json::json!({
            "id": outcome.id,
            "queue": queue,
            "status": outcome.status,
        })),
    }
}

fn report(printer: &Printer, queue: &str, outcome: &EnqueueOutcome) {
    print_reference(printer, queue, outcome);
    if outcome.status == EnqueueStatus::Duplicate {
        printer.status(&format!(
            "duplicate: {queue}/{} already exists; nothing was added",
            outcome.id
        ));
    }
}

/// After a batch failed, asks the backend which of its jobs exist (a script can be cut off
/// midway, e.g. by OOM), prints those, and says how many went in.
async fn account_for_failed_batch(
    runtime: &Runtime,
    queue: &str,
    jobs: &[NewJob],
    printer: &Printer,
) -> String {
    let ids: Vec<String> = jobs.iter().map(|job| job.id.clone()).collect();
    match runtime.backend.existing(queue, &ids).await {
        Ok(present) => {
            let mut count = 0;
            for (id, there) in ids.iter().zip(present) {
                if there {
                    count += 1;
                    let outcome = EnqueueOutcome {
                        id: id.clone(),
                        status: EnqueueStatus::Enqueued,
                    };
                    print_reference(printer, queue, &outcome);
                }
            }
            format!(
                "{count} were enqueued (their references are on stdout) and {} were not",
                ids.len() - count
            )
        }
        Err(_) => "none can be confirmed: they may or may not have been enqueued".to_string(),
    }
}

/// The options every job of this call shares.
fn job_template(arguments: &EnqueueArgs) -> anyhow::Result<NewJob> {
    let mut job = NewJob::new(String::new());
    job.priority = arguments.priority;
    job.max_attempts = arguments.max_attempts.unwrap_or(0);
    job.timeout = arguments.timeout;
    job.unique_key = arguments.unique_key.clone();
    job.unique_ttl = arguments.unique_ttl;
    job.correlation_id = arguments.correlation_id.clone();
    job.delay = match (&arguments.delay, &arguments.at) {
        (Some(delay), _) => *delay,
        (None, Some(at)) => {
            let when = humantime::parse_rfc3339_weak(at).map_err(|error| {
                Classified::usage(format!("--at `{at}` is not an RFC 3339 time: {error}"))
                    .with_hint("write it like 2026-11-22T09:00:00Z")
            })?;
            when.duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        }
        (None, None) => Duration::ZERO,
    };
    Ok(job)
}

/// `--data` as JSON text, `@file` or `-` (stdin); absent means `{}`.
fn read_payload(data: Option<&str>) -> anyhow::Result<String> {
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
            (text, format!("--data @{path}"))
        }
        Some(text) => (text.to_string(), "--data".to_string()),
    };
    check_payload(&text, &origin)?;
    Ok(text.trim().to_string())
}

fn check_payload(text: &str, origin: &str) -> Result<(), Classified> {
    if text.len() > MAX_PAYLOAD {
        return Err(Classified::usage(format!(
            "{origin}: the payload is {} bytes, more than the {} MiB limit",
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
        Classified::usage(format!(
            "{origin}: invalid JSON at line {} column {}: {message}",
            error.line(),
            error.column()
        ))
        .with_hint("payloads are JSON, e.g. --data '{\"user\": 42}'")
    })?;
    Ok(())
}

/// First pass over a JSONL file: every non-blank line must be a valid payload.
fn validate_file(path: &Path) -> anyhow::Result<usize> {
    let file = std::fs::File::open(path)
        .map_err(|error| Classified::usage(format!("--file {}: {error}", path.display())))?;
    let mut count = 0;
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|error| {
            Classified::usage(format!(
                "{}:{}: cannot read the line: {error}",
                path.display(),
                index + 1
            ))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        if let Err(error) = check_payload(&line, &format!("{}:{}", path.display(), index + 1)) {
            return Err(
                Classified::usage(format!("{}; nothing was enqueued", error.message))
                    .with_hint(error.hint.unwrap_or_default())
                    .into(),
            );
        }
        count += 1;
    }
    Ok(count)
}

async fn enqueue_file(
    runtime: &Runtime,
    queue: &str,
    path: &Path,
    total: usize,
    template: &NewJob,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let progress = printer.progress(&format!("enqueue {queue}"));
    progress.set_total(total as u64);
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot reopen {}", path.display()))?;
    let mut batch: Vec<(usize, NewJob)> = Vec::with_capacity(BATCH);
    let (mut enqueued, mut duplicates) = (0usize, 0usize);
    let mut lines = BufReader::new(file).lines().enumerate();
    loop {
        let next = lines.next();
        if let Some((index, line)) = &next {
            let line = line
                .as_ref()
                .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
            if !line.trim().is_empty() {
                let mut job = template.clone();
                job.id = crate::runtime::job::new_job_id();
                job.data = line.trim().to_string();
                batch.push((index + 1, job));
            }
        }
        if batch.len() < BATCH && next.is_some() {
            continue;
        }
        if !batch.is_empty() {
            let jobs: Vec<NewJob> = batch.iter().map(|(_, job)| job.clone()).collect();
            let outcomes = match runtime.backend.enqueue(queue, &jobs).await {
                Ok(outcomes) => outcomes,
                Err(error) => {
                    progress.finish();
                    let (first, last) = (batch[0].0, batch[batch.len() - 1].0);
                    let this_batch = account_for_failed_batch(runtime, queue, &jobs, printer).await;
                    return Err(anyhow::Error::new(error).context(format!(
                        "{}: lines before {first} are in ({enqueued} enqueued, {duplicates} duplicates); of lines {first}-{last}, {this_batch}; nothing after line {last} was sent",
                        path.display()
                    )));
                }
            };
            for ((line, _), outcome) in batch.iter().zip(&outcomes) {
                if outcome.status == EnqueueStatus::Full {
                    progress.finish();
                    let message = format!(
                        "queue `{queue}` is full: enqueued {enqueued} jobs ({duplicates} duplicates skipped); line {line} and everything after it in {} was not enqueued",
                        path.display()
                    );
                    let hint = queue_full(queue).hint.unwrap_or_default();
                    return Err(Classified::rejected(message).with_hint(hint).into());
                }
                match outcome.status {
                    EnqueueStatus::Duplicate => duplicates += 1,
                    _ => enqueued += 1,
                }
                print_reference(printer, queue, outcome);
            }
            progress.advance(batch.len() as u64);
            batch.clear();
        }
        if next.is_none() {
            break;
        }
    }
    progress.finish();
    printer.status(&format!(
        "enqueued {enqueued} jobs to {queue} ({duplicates} duplicates skipped)"
    ));
    Ok(ExitCode::SUCCESS)
}
