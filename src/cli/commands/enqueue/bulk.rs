//! Bulk mode of `fleetq enqueue --file`: every line is validated before anything is sent, then
//! jobs go in batches with a progress bar, and any failure says exactly which lines went in.

use super::{check_payload, print_reference, queue_full};
use crate::output::Printer;
use crate::runtime::Runtime;
use crate::runtime::backend::ProgressSink;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob};
use anyhow::Context;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Jobs per enqueue call.
const BATCH: usize = 1000;

/// Where the lines come from: a file is read twice (validate, then send); stdin can be read
/// only once, so it is kept in memory.
enum Source {
    File(PathBuf),
    Stdin(String),
}

impl Source {
    fn open(path: &Path) -> anyhow::Result<Source> {
        if path == Path::new("-") {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| {
                    Classified::usage(format!("--file -: cannot read stdin: {error}"))
                })?;
            return Ok(Source::Stdin(text));
        }
        if !path.is_file() {
            return Err(
                Classified::usage(format!("--file {}: no such file", path.display())).into(),
            );
        }
        Ok(Source::File(path.to_path_buf()))
    }

    fn label(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin(_) => "stdin".to_string(),
        }
    }

    fn lines(&self) -> anyhow::Result<Box<dyn Iterator<Item = std::io::Result<String>> + '_>> {
        Ok(match self {
            Source::File(path) => {
                let file = std::fs::File::open(path)
                    .with_context(|| format!("--file {}: cannot open", path.display()))?;
                Box::new(BufReader::new(file).lines())
            }
            Source::Stdin(text) => Box::new(text.lines().map(|line| Ok(line.to_string()))),
        })
    }
}

pub async fn run(
    path: &Path,
    queue: &str,
    template: &NewJob,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let source = Source::open(path)?;
    // validate everything before anything is sent, so a bad line enqueues nothing
    let total = validate(&source)?;
    let runtime = Runtime::connect(settings).await?;
    send(&runtime, queue, &source, total, template, printer).await
}

/// First pass: every non-blank line must be a valid payload.
fn validate(source: &Source) -> anyhow::Result<usize> {
    let label = source.label();
    let mut count = 0;
    for (index, line) in source.lines()?.enumerate() {
        let line = line.map_err(|error| {
            Classified::usage(format!(
                "{label}:{}: cannot read the line: {error}",
                index + 1
            ))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        if let Err(error) = check_payload(&line, &format!("{label}:{}", index + 1)) {
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

async fn send(
    runtime: &Runtime,
    queue: &str,
    source: &Source,
    total: usize,
    template: &NewJob,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let progress = printer.progress(&format!("enqueue {queue}"));
    progress.set_total(total as u64);
    let label = source.label();
    let mut batch: Vec<(usize, NewJob)> = Vec::with_capacity(BATCH);
    let (mut enqueued, mut duplicates) = (0usize, 0usize);
    let mut lines = source.lines()?.enumerate();
    loop {
        let next = lines.next();
        if let Some((index, line)) = &next {
            let line = line
                .as_ref()
                .map_err(|error| anyhow::anyhow!("{label}: {error}"))?;
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
                        label
                    )));
                }
            };
            for ((line, _), outcome) in batch.iter().zip(&outcomes) {
                if outcome.status == EnqueueStatus::Full {
                    progress.finish();
                    let message = format!(
                        "queue `{queue}` is full: enqueued {enqueued} jobs ({duplicates} duplicates skipped); line {line} and everything after it in {} was not enqueued",
                        label
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
