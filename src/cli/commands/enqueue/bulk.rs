//! Bulk mode of `fleetq enqueue --file`: jobs go in batches with a progress bar, and any
//! failure says exactly which lines went in. A file is validated whole before anything is
//! sent; stdin is read once, in bounded memory, each batch validated before it is sent.

use super::lines::{self, Piece, Reading, Source};
use super::{print_reference, refusal};
use crate::output::Printer;
use crate::runtime::airgap::Producer;
use crate::runtime::backend::ProgressSink;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob};
use std::path::Path;
use std::process::ExitCode;

/// What every job of a bulk run shares.
pub struct Options<'a> {
    pub queue: &'a str,
    pub template: &'a NewJob,
    pub require_online: bool,
    /// Lines are `{"data": …, "session": …, …}` envelopes rather than bare payloads.
    pub envelope: bool,
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
    let stdin = path == Path::new("-");
    let label = if stdin {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let reading = Reading {
        label: label.clone(),
        template: template.clone(),
        envelope,
    };
    let (source, total) = if stdin {
        (Source::Stdin, None)
    } else {
        if !path.is_file() {
            return Err(
                Classified::usage(format!("--file {}: no such file", path.display())).into(),
            );
        }
        // check everything before anything is sent, so a bad line enqueues nothing
        let source = Source::File(path.to_path_buf());
        let total = reading.check_all(&source)?;
        (source, Some(total))
    };
    let producer = Producer::connect(&settings, require_online).await?;
    let mut sender = Sender::new(producer, queue, &label, printer, total);
    sender.send(lines::batches(source, reading), stdin).await
}

/// Sends batches and keeps the count of what went in, for every way the run can end.
struct Sender<'a> {
    producer: Producer,
    queue: &'a str,
    label: &'a str,
    printer: &'a Printer,
    progress: crate::output::Progress,
    enqueued: usize,
    spooled: usize,
    duplicates: usize,
}

impl<'a> Sender<'a> {
    fn new(
        producer: Producer,
        queue: &'a str,
        label: &'a str,
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
            printer,
            progress,
            enqueued: 0,
            spooled: 0,
            duplicates: 0,
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

    /// Sends every batch as it arrives; with `check` (stdin) a bad line ends the run with what
    /// went in before it.
    async fn send(
        &mut self,
        mut pieces: tokio::sync::mpsc::Receiver<Piece>,
        check: bool,
    ) -> anyhow::Result<ExitCode> {
        while let Some(piece) = pieces.recv().await {
            match piece {
                Piece::Batch { lines, jobs } => self.send_batch(&lines, &jobs).await?,
                Piece::Bad { error, first } if check => {
                    self.progress.finish();
                    return Err(Classified::usage(format!(
                        "{}; lines before {first} are in ({}; references on stdout); line {first} and everything after it was not enqueued",
                        error.message,
                        self.so_far()
                    ))
                    .with_hint(error.hint.unwrap_or_default())
                    .into());
                }
                // a file was checked whole before anything was sent
                Piece::Bad { error, .. } => return Err(error.into()),
                Piece::Unreadable(error) => return Err(error),
            }
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

    async fn send_batch(&mut self, lines: &[usize], jobs: &[NewJob]) -> anyhow::Result<()> {
        let (first, last) = (lines[0], lines[lines.len() - 1]);
        let outcomes = match self.producer.enqueue(self.queue, jobs).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                self.progress.finish();
                let this_batch = self.account_for_failed_batch(jobs).await;
                return Err(error.context(format!(
                    "{}: lines before {first} are in ({}); of lines {first}-{last}, {this_batch}; nothing after line {last} was sent",
                    self.label,
                    self.so_far()
                )));
            }
        };
        let printer = self.printer;
        printer.batch(|| self.take_outcomes(lines, jobs, &outcomes))?;
        self.progress.advance(jobs.len() as u64);
        Ok(())
    }

    /// Counts a sent batch's outcomes and prints their references, up to the first refusal.
    fn take_outcomes(
        &mut self,
        lines: &[usize],
        jobs: &[NewJob],
        outcomes: &[EnqueueOutcome],
    ) -> anyhow::Result<()> {
        let destination = self.producer.destination();
        for ((line, job), outcome) in lines.iter().zip(jobs).zip(outcomes) {
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
