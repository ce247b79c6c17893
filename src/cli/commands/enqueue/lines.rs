//! The lines of a bulk `--file` as jobs: checking a file whole before anything is sent, and
//! turning lines into batches on a thread of their own, so the next batch is read and checked
//! while the backend stores the last one.

use super::{Origin, check_payload};
use crate::runtime::error::Classified;
use crate::runtime::job::NewJob;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use tokio::sync::mpsc;

/// Jobs per enqueue call.
pub const BATCH: usize = 1000;

/// Where the lines come from.
pub enum Source {
    File(PathBuf),
    Stdin,
}

type Lines = Box<dyn Iterator<Item = std::io::Result<String>>>;

impl Source {
    fn lines(&self) -> anyhow::Result<Lines> {
        match self {
            Source::Stdin => Ok(Box::new(std::io::stdin().lock().lines())),
            Source::File(path) => {
                let file = std::fs::File::open(path).map_err(|error| {
                    Classified::usage(format!("--file {}: cannot open: {error}", path.display()))
                })?;
                Ok(Box::new(BufReader::new(file).lines()))
            }
        }
    }
}

/// How lines become jobs: what every job shares, and whether lines are envelopes.
#[derive(Clone)]
pub struct Reading {
    pub label: String,
    pub template: NewJob,
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

impl Reading {
    fn origin(&self, line: usize) -> Origin<'_> {
        Origin::Line {
            source: &self.label,
            line,
        }
    }

    /// The job one line stands for: the template with the line's payload (and, in envelope
    /// form, its own options), checked as the backend will check it.
    fn job(&self, text: &str, line: usize) -> Result<NewJob, Classified> {
        let origin = self.origin(line);
        check_payload(text, origin)?;
        let mut job = self.template.clone();
        job.id = crate::runtime::job::new_job_id();
        if !self.envelope {
            job.data = text.to_string();
            return Ok(job);
        }
        let envelope: Envelope = serde_json::from_str(text).map_err(|error| {
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or_default().to_string();
            Classified::usage(format!("{origin}:{}: not a job envelope: {message}", error.column()))
                .with_hint(r#"with --envelope each line is {"data": {...}} with optional "id", "session", "priority", "correlation_id", "unique_key""#)
        })?;
        job.data = envelope.data.to_string();
        job.id = envelope.id.unwrap_or(job.id);
        job.session = envelope.session.or(job.session);
        job.priority = envelope.priority.unwrap_or(job.priority);
        job.correlation_id = envelope.correlation_id.or(job.correlation_id);
        job.unique_key = envelope.unique_key.or(job.unique_key);
        job.validate().map_err(|error| {
            Classified::usage(format!("{origin}: {}", error.message))
                .with_hint(error.hint.unwrap_or_default())
        })?;
        Ok(job)
    }

    /// Checks one line as `job` would, without building the job where the line is a bare
    /// payload (its checks are the payload's).
    fn check(&self, text: &str, line: usize) -> Result<(), Classified> {
        if self.envelope {
            self.job(text, line).map(drop)
        } else {
            check_payload(text, self.origin(line))
        }
    }

    /// First pass over a file: every non-blank line must be a valid job. Returns how many.
    pub fn check_all(&self, source: &Source) -> anyhow::Result<usize> {
        let mut count = 0;
        for (index, line) in source.lines()?.enumerate() {
            let line = self.read(index, line)?;
            if line.trim().is_empty() {
                continue;
            }
            if let Err(error) = self.check(line.trim(), index + 1) {
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

    fn read(&self, index: usize, line: std::io::Result<String>) -> anyhow::Result<String> {
        line.map_err(|error| {
            Classified::usage(format!(
                "{}:{}: cannot read the line: {error}",
                self.label,
                index + 1
            ))
            .into()
        })
    }
}

/// What the reading thread hands over, in file order.
pub enum Piece {
    /// Up to BATCH jobs and the line each came from.
    Batch {
        lines: Vec<usize>,
        jobs: Vec<NewJob>,
    },
    /// A line that is not a job (stdin, checked as it arrives): the batch it would have
    /// joined, from line `first`, is not handed over.
    Bad { error: Classified, first: usize },
    /// The source could not be read.
    Unreadable(anyhow::Error),
}

/// Reads `source` on its own thread and hands over its jobs in batches, at most two ahead of
/// the sender. Each line is checked as it arrives (a file was also checked whole before). The
/// thread stops at the first bad line, or when the receiver is dropped.
pub fn batches(source: Source, reading: Reading) -> mpsc::Receiver<Piece> {
    let (sender, receiver) = mpsc::channel(2);
    std::thread::spawn(move || {
        let give = |piece: Piece| sender.blocking_send(piece).is_ok();
        if let Err(last) = read_batches(&source, &reading, give) {
            give(last);
        }
    });
    receiver
}

/// The reading thread's loop: `give` hands a batch over (false once nobody listens); a bad
/// line or a read error ends it as the piece to hand over last.
fn read_batches(
    source: &Source,
    reading: &Reading,
    give: impl Fn(Piece) -> bool,
) -> Result<(), Piece> {
    let (mut numbers, mut jobs) = (Vec::with_capacity(BATCH), Vec::with_capacity(BATCH));
    for (index, line) in source.lines().map_err(Piece::Unreadable)?.enumerate() {
        let line = reading.read(index, line).map_err(Piece::Unreadable)?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let job = reading.job(text, index + 1).map_err(|error| Piece::Bad {
            error,
            first: numbers.first().copied().unwrap_or(index + 1),
        })?;
        numbers.push(index + 1);
        jobs.push(job);
        if jobs.len() == BATCH {
            let batch = Piece::Batch {
                lines: std::mem::replace(&mut numbers, Vec::with_capacity(BATCH)),
                jobs: std::mem::replace(&mut jobs, Vec::with_capacity(BATCH)),
            };
            if !give(batch) {
                return Ok(());
            }
        }
    }
    if !jobs.is_empty() {
        give(Piece::Batch {
            lines: numbers,
            jobs,
        });
    }
    Ok(())
}
