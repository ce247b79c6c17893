//! Bulk mode of `fleetq enqueue --file`: jobs go in batches with a progress bar, and any
//! failure says exactly which lines went in. A file is validated whole before anything is
//! sent; stdin is read once, in bounded memory, each batch validated before it is sent.

use super::{Origin, check_payload, print_reference, refusal};
use crate::output::Printer;
use crate::runtime::airgap::Producer;
use crate::runtime::backend::ProgressSink;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::ExitCode;

/// Jobs per enqueue call.
const BATCH: usize = 1000;

type Lines = Box<dyn Iterator<Item = std::io::Result<String>>>;

fn open_file(path: &Path) -> anyhow::Result<Lines> {
    let file = std::fs::File::open(path).map_err(|error| {
        Classified::usage(format!("--file {}: cannot open: {error}", path.display()))
    })?;
    Ok(Box::new(BufReader::new(file).lines()))
}

/// What every job of a bulk run shares.
pub struct Options<'a> {
    pub queue: &'a str,
    pub template: &'a NewJob,
    pub require_online: bool,
    /// Lines are `{"data": …, "session": …, …}` envelopes rather than bare payloads.
    pub envelope: bool,
}

/// A JSONL line in envelope form: the payload and the options that may differ per job.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    data: serde_json::Value,
    id: Option<String>,
    session: Option<String>,
    priority: Option<u8>,
    correlation_id: Option<String>,
    unique_key: Option<String>,
}

/// The job one line stands for: the template with the line's payload (and, in envelope form,
/// its own options), checked as the backend will check it.
fn line_job(
    template: &NewJob,
    text: &str,
    origin: Origin,
    envelope: bool,
) -> Result<NewJob, Classified> {
    check_payload(text, origin)?;
    let mut job = template.clone();
    job.id = crate::runtime::job::new_job_id();
    if !envelope {
        job.data = text.to_string();
        return Ok(job);
    }
    let at = match origin {
        Origin::Line { source, line } => format!("{source}:{line}"),
        Origin::Flag(flag) => flag.to_string(),
    };
    let line: Envelope = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or_default().to_string();
        Classified::usage(format!("{at}:{}: not a job envelope: {message}", error.column()))
            .with_hint(r#"with --envelope each line is {"data": {...}} with optional "id", "session", "priority", "correlation_id", "unique_key""#)
    })?;
    job.data = line.data.to_string();
    job.id = line.id.unwrap_or(job.id);
    job.session = line.session.or(job.session);
    job.priority = line.priority.unwrap_or(job.priority);
    job.correlation_id = line.correlation_id.or(job.correlation_id);
    job.unique_key = line.unique_key.or(job.unique_key);
    job.validate().map_err(|error| {
        Classified::usage(format!("{at}: {}", error.message))
            .with_hint(error.hint.unwrap_or_default())
    })?;
    Ok(job)
}

pub async fn run(
    path: &Path,
    options: Options<'_>,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let Options {
        queue,
        template,
        require_online,
        envelope,
    } = options;
    if path == Path::new("-") {
        let producer = Producer::connect(&settings, require_online).await?;
        let stdin: Lines = Box::new(std::io::stdin().lock().lines());
        let mut sender = Sender::new(producer, queue, "stdin", template, printer, None);
        sender.envelope = envelope;
        return sender.send(stdin, true).await;
    }
    if !path.is_file() {
        return Err(Classified::usage(format!("--file {}: no such file", path.display())).into());
    }
    let label = path.display().to_string();
    // validate everything before anything is sent, so a bad line enqueues nothing
    let total = validate(&label, open_file(path)?, template, envelope)?;
    let producer = Producer::connect(&settings, require_online).await?;
    let mut sender = Sender::new(producer, queue, &label, template, printer, Some(total));
    sender.envelope = envelope;
    sender.send(open_file(path)?, false).await
}

/// First pass over a file: every non-blank line must be a valid payload.
fn validate(label: &str, lines: Lines, template: &NewJob, envelope: bool) -> anyhow::Result<usize> {
    let mut count = 0;
    for (index, line) in lines.enumerate() {
        let line = read_line(label, index, line)?;
        if line.trim().is_empty() {
            continue;
        }
        let origin = Origin::Line {
            source: label,
            line: index + 1,
        };
        if let Err(error) = line_job(template, line.trim(), origin, envelope) {
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

fn read_line(label: &str, index: usize, line: std::io::Result<String>) -> anyhow::Result<String> {
    line.map_err(|error| {
        Classified::usage(format!(
            "{label}:{}: cannot read the line: {error}",
            index + 1
        ))
        .into()
    })
}

/// Sends batches and keeps the count of what went in, for every way the run can end.
struct Sender<'a> {
    producer: Producer,
    queue: &'a str,
    label: &'a str,
    template: &'a NewJob,
    printer: &'a Printer,
    progress: crate::output::Progress,
    enqueued: usize,
    spooled: usize,
    duplicates: usize,
    envelope: bool,
}

impl<'a> Sender<'a> {
    fn new(
        producer: Producer,
        queue: &'a str,
        label: &'a str,
        template: &'a NewJob,
        printer: &'a Printer,
        total: Option<usize>,
    ) -> Sender<'a> {
        let progress = printer.progress(&format!("enqueue {queue}"));
        if let Some(total) = total {
            progress.set_total(total as u64);
        }
        Sender {
            producer,
            queue,
            label,
            template,
            printer,
            progress,
            enqueued: 0,
            spooled: 0,
            duplicates: 0,
            envelope: false,
        }
    }

    /// What is in so far, for error messages.
    fn so_far(&self) -> String {
        let spooled = match self.spooled {
            0 => String::new(),
            count => format!(", {count} spooled"),
        };
        format!(
            "{} enqueued{spooled}, {} duplicates",
            self.enqueued, self.duplicates
        )
    }

    /// Sends every line; with `check`, each line is validated as it arrives (stdin).
    async fn send(&mut self, lines: Lines, check: bool) -> anyhow::Result<ExitCode> {
        let mut batch: Vec<(usize, NewJob)> = Vec::with_capacity(BATCH);
        for (index, line) in lines.enumerate() {
            let line = read_line(self.label, index, line)?;
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            let origin = Origin::Line {
                source: self.label,
                line: index + 1,
            };
            let job = match line_job(self.template, text, origin, self.envelope) {
                Ok(job) => job,
                // a file was checked whole before anything was sent; stdin is checked here
                Err(error) if check => {
                    self.progress.finish();
                    let first = batch.first().map_or(index + 1, |(line, _)| *line);
                    return Err(Classified::usage(format!(
                        "{}; lines before {first} are in ({}; references on stdout); line {first} and everything after it was not enqueued",
                        error.message,
                        self.so_far()
                    ))
                    .with_hint(error.hint.unwrap_or_default())
                    .into());
                }
                Err(error) => return Err(error.into()),
            };
            batch.push((index + 1, job));
            if batch.len() == BATCH {
                self.send_batch(&batch).await?;
                batch.clear();
            }
        }
        if !batch.is_empty() {
            self.send_batch(&batch).await?;
        }
        self.progress.finish();
        if self.spooled > 0 {
            self.printer.status(&format!(
                "spooled {} jobs to {} in {} ({}); `fleetq sync` pushes them to Redis",
                self.spooled,
                self.queue,
                self.producer.destination(),
                self.producer
                    .spooling
                    .as_deref()
                    .unwrap_or("Redis unreachable"),
            ));
        }
        if self.enqueued > 0 || self.spooled == 0 {
            self.printer.status(&format!(
                "enqueued {} jobs to {} on {} ({} duplicates skipped)",
                self.enqueued,
                self.queue,
                self.online_name(),
                self.duplicates
            ));
        }
        Ok(ExitCode::SUCCESS)
    }

    async fn send_batch(&mut self, batch: &[(usize, NewJob)]) -> anyhow::Result<()> {
        let jobs: Vec<NewJob> = batch.iter().map(|(_, job)| job.clone()).collect();
        let (first, last) = (batch[0].0, batch[batch.len() - 1].0);
        let outcomes = match self.producer.enqueue(self.queue, &jobs).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                self.progress.finish();
                let this_batch = self.account_for_failed_batch(&jobs).await;
                return Err(error.context(format!(
                    "{}: lines before {first} are in ({}); of lines {first}-{last}, {this_batch}; nothing after line {last} was sent",
                    self.label,
                    self.so_far()
                )));
            }
        };
        let printer = self.printer;
        printer.batch(|| self.take_outcomes(batch, &outcomes))?;
        self.progress.advance(batch.len() as u64);
        Ok(())
    }

    /// Counts a sent batch's outcomes and prints their references, up to the first refusal.
    fn take_outcomes(
        &mut self,
        batch: &[(usize, NewJob)],
        outcomes: &[EnqueueOutcome],
    ) -> anyhow::Result<()> {
        let destination = self.producer.destination();
        for ((line, job), outcome) in batch.iter().zip(outcomes) {
            if let Some(refusal) = refusal(self.queue, job, outcome.status) {
                self.progress.finish();
                let message = format!(
                    "{}: enqueued {} jobs ({} duplicates skipped); line {line} and everything after it in {} was not enqueued",
                    refusal.message.split(';').next().unwrap_or_default(),
                    self.enqueued,
                    self.duplicates,
                    self.label
                );
                let hint = refusal.hint.unwrap_or_default();
                return Err(Classified::rejected(message).with_hint(hint).into());
            }
            match outcome.status {
                EnqueueStatus::Duplicate => self.duplicates += 1,
                EnqueueStatus::Spooled => self.spooled += 1,
                _ => self.enqueued += 1,
            }
            print_reference(self.printer, self.queue, outcome, &destination);
        }
        Ok(())
    }

    /// Where the jobs that were not spooled went.
    fn online_name(&self) -> String {
        self.producer
            .online()
            .map(|backend| backend.describe())
            .unwrap_or_else(|| self.producer.destination())
    }

    /// After a batch failed, asks the backend which of its jobs exist (a script can be cut
    /// off midway), prints those, and says how many went in.
    async fn account_for_failed_batch(&mut self, jobs: &[NewJob]) -> String {
        let ids: Vec<String> = jobs.iter().map(|job| job.id.clone()).collect();
        let Some(backend) = self.producer.online() else {
            return "none was spooled".to_string();
        };
        let destination = backend.describe();
        match backend.existing(self.queue, &ids).await {
            Ok(present) => {
                let mut count = 0;
                self.printer.batch(|| {
                    for (id, there) in ids.iter().zip(present) {
                        if there {
                            count += 1;
                            let outcome = EnqueueOutcome {
                                id: id.clone(),
                                status: EnqueueStatus::Enqueued,
                            };
                            print_reference(self.printer, self.queue, &outcome, &destination);
                        }
                    }
                });
                format!(
                    "{count} were enqueued (their references are on stdout) and {} were not",
                    ids.len() - count
                )
            }
            Err(_) => "none can be confirmed: they may or may not have been enqueued".to_string(),
        }
    }
}
