//! `dlq drain` and `dlq import`. A drain appends each page's records to the file, fsyncs it,
//! and only then deletes those jobs. A rerun after a crash reads the ids already in the file,
//! drops a half-written last line, writes only jobs not yet there and deletes the rest: the
//! file ends with every drained job exactly once, and no job is lost at any moment.

use super::DeadJobs;
use crate::runtime::backend::{Backend, ProgressSink};
use crate::runtime::error::Classified;
use crate::runtime::job::{NewJob, Schedule};
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Clone, Default, Serialize)]
pub struct DrainReport {
    pub queue: String,
    pub file: String,
    /// Jobs written to the file by this run (with --dry-run: that would be).
    pub written: u64,
    /// Jobs an earlier, interrupted run had already written: deleted now, not written twice.
    pub already_in_file: u64,
    /// Jobs deleted from the queue.
    pub deleted: u64,
    pub dry_run: bool,
}

/// The fields of a drained record that `import` needs; the rest (errors, outputs, times) is
/// there for people and tools.
#[derive(Debug, Clone, Deserialize)]
pub struct Drained {
    pub id: String,
    pub queue: String,
    pub data: serde_json::Value,
    #[serde(default = "default_priority")]
    pub priority: u8,
    #[serde(default)]
    pub max_attempts: Option<u32>,
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    #[serde(default)]
    pub session: Option<String>,
    #[serde(default)]
    pub correlation_id: Option<String>,
}

fn default_priority() -> u8 {
    crate::runtime::job::DEFAULT_PRIORITY
}

pub async fn drain(
    backend: &dyn Backend,
    mut jobs: DeadJobs<'_>,
    path: &Path,
    dry_run: bool,
    progress: &dyn ProgressSink,
) -> anyhow::Result<DrainReport> {
    let mut report = DrainReport {
        queue: jobs.queue.clone(),
        file: path.display().to_string(),
        dry_run,
        ..DrainReport::default()
    };
    progress.set_total(jobs.candidates() as u64);
    let (mut file, mut seen) = if dry_run {
        (None, HashSet::new())
    } else {
        let (file, seen) = open_drain_file(path)?;
        (Some(file), seen)
    };
    while let Some(page) = jobs.next_page().await? {
        let Some(file) = file.as_mut() else {
            report.written += page.len() as u64;
            progress.advance(page.len() as u64);
            continue;
        };
        let mut lines = Vec::new();
        for job in &page {
            if seen.contains(&(job.queue.clone(), job.id.clone())) {
                report.already_in_file += 1;
                continue;
            }
            serde_json::to_writer(&mut lines, job)?;
            lines.push(b'\n');
            report.written += 1;
        }
        file.write_all(&lines)
            .and_then(|()| file.sync_data())
            .with_context(|| {
                format!("cannot write {}; nothing more was deleted", path.display())
            })?;
        seen.extend(page.iter().map(|job| (job.queue.clone(), job.id.clone())));
        let ids: Vec<String> = page.iter().map(|job| job.id.clone()).collect();
        let results = backend.delete_dead(&jobs.queue, &ids).await?;
        report.deleted += results.iter().filter(|result| result.changed).count() as u64;
        progress.advance(page.len() as u64);
    }
    Ok(report)
}

/// Opens the file for appending (created 0600: it holds job payloads) and reads which jobs it
/// already holds. A last line without its newline is a write cut short: it is dropped, and its
/// job, still in the queue, is written again.
fn open_drain_file(path: &Path) -> anyhow::Result<(std::fs::File, HashSet<(String, String)>)> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut seen = HashSet::new();
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(error) => {
            return Err(Classified::usage(format!(
                "--to {}: cannot read: {error}",
                path.display()
            ))
            .into());
        }
    };
    let complete = text
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |end| end + 1);
    for (index, line) in text[..complete].split(|byte| *byte == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record: Drained = serde_json::from_slice(line).map_err(|error| {
            Classified::usage(format!(
                "--to {}:{}:{}: not a drained job: {error}",
                path.display(),
                index + 1,
                error.column()
            ))
            .with_hint("drain into a new file, or into one an earlier drain wrote")
        })?;
        seen.insert((record.queue, record.id));
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|error| {
            Classified::usage(format!("--to {}: cannot open: {error}", path.display()))
        })?;
    if complete < text.len() {
        file.set_len(complete as u64)
            .with_context(|| format!("cannot trim the cut-off last line of {}", path.display()))?;
    }
    Ok((file, seen))
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub file: String,
    pub imported: u64,
    /// Jobs whose id the queue already holds: skipped.
    pub duplicates: u64,
    pub queues: Vec<String>,
}

/// Reads a drained file whole (so a bad line enqueues nothing), then enqueues its jobs with
/// their ids, into `queue` if given, else each into the queue it came from.
pub async fn import(
    backend: &dyn Backend,
    path: &Path,
    (queue, session): (Option<&str>, Option<&str>),
    progress: &dyn ProgressSink,
) -> anyhow::Result<ImportReport> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Classified::usage(format!("{}: cannot read: {error}", path.display())))?;
    let mut jobs: Vec<(String, NewJob)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |column: usize| format!("{}:{}:{column}", path.display(), index + 1);
        let record: Drained = serde_json::from_str(line).map_err(|error| {
            Classified::usage(format!(
                "{}: not a drained job: {error}; nothing was imported",
                at(error.column())
            ))
            .with_hint("import reads files written by `fleetq dlq drain`")
        })?;
        let target = queue.unwrap_or(&record.queue).to_string();
        crate::runtime::validate_queue_name(&target)?;
        let mut job = NewJob::new(record.data.to_string());
        job.id = record.id;
        job.priority = record.priority;
        job.max_attempts = record.max_attempts;
        job.timeout = record.timeout_ms.map(Duration::from_millis);
        job.schedule = Schedule::Now;
        job.session = session.map(str::to_string).or(record.session);
        job.correlation_id = record.correlation_id;
        job.validate().map_err(|error| {
            Classified::usage(format!(
                "{}: {}; nothing was imported",
                at(1),
                error.message
            ))
        })?;
        jobs.push((target, job));
    }
    let mut report = ImportReport {
        file: path.display().to_string(),
        ..ImportReport::default()
    };
    progress.set_total(jobs.len() as u64);
    let mut start = 0;
    while start < jobs.len() {
        let target = jobs[start].0.clone();
        let end = start
            + jobs[start..]
                .iter()
                .take(super::PAGE)
                .take_while(|(queue, _)| *queue == target)
                .count();
        let batch: Vec<NewJob> = jobs[start..end]
            .iter()
            .map(|(_, job)| job.clone())
            .collect();
        let outcomes = backend.enqueue(&target, &batch).await.with_context(|| {
            format!(
                "importing {}: the first {start} jobs of the file are in ({} imported, {} duplicates); import again to finish (imported jobs are skipped)",
                path.display(),
                report.imported,
                report.duplicates
            )
        })?;
        for outcome in &outcomes {
            match outcome.status {
                crate::runtime::job::EnqueueStatus::Duplicate => report.duplicates += 1,
                crate::runtime::job::EnqueueStatus::Full => {
                    return Err(Classified::rejected(format!(
                        "queue `{target}` is full (max_len): {} jobs were imported before that",
                        report.imported
                    ))
                    .with_hint("start workers or raise the limit, then import again: imported jobs are skipped as duplicates")
                    .into());
                }
                crate::runtime::job::EnqueueStatus::Stopped => {
                    let session = batch
                        .iter()
                        .find(|job| job.id == outcome.id)
                        .and_then(|job| job.session.clone())
                        .unwrap_or_default();
                    return Err(Classified::rejected(format!(
                        "session `{session}` of queue `{target}` is stopped: {} jobs were imported before that",
                        report.imported
                    ))
                    .with_hint(format!("a stopped session takes no jobs: import into a new one with --session {session}-replay, or remove it first with fleetq sessions clean {session} --queue {target}"))
                    .into());
                }
                _ => report.imported += 1,
            }
        }
        if !report.queues.contains(&target) {
            report.queues.push(target);
        }
        progress.advance((end - start) as u64);
        start = end;
    }
    Ok(report)
}
