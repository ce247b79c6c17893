//! The dead-letter queue: choosing dead jobs by filters, and what the `dlq` commands do with
//! them: retry at a bounded rate, drain to a file (crash-safe, see `drain.rs`), import a drained
//! file again, purge.

pub mod drain;

use crate::runtime::backend::{Backend, ProgressSink};
use crate::runtime::error::Classified;
use crate::runtime::job::{JobRecord, now_ms};
use regex::Regex;
use std::time::Duration;

/// Jobs fetched from the backend per round trip.
pub const PAGE: usize = 500;

/// Which dead jobs a command acts on; every filter given must match.
#[derive(Debug, Clone, Default)]
pub struct DeadFilter {
    pub session: Option<String>,
    /// Matched against the last error.
    pub error: Option<Regex>,
    /// Died within this long.
    pub since: Option<Duration>,
    /// Died longer ago than this.
    pub older_than: Option<Duration>,
    pub limit: Option<usize>,
}

impl DeadFilter {
    /// `--error REGEX`, with the flag named when it does not compile.
    pub fn error_pattern(text: &str) -> Result<Regex, Classified> {
        Regex::new(text).map_err(|error| {
            Classified::usage(format!(
                "--error `{text}` is not a regular expression: {error}"
            ))
            .with_hint(
                "for a plain substring, escape regex characters, e.g. --error 'timeout \\(30s\\)'",
            )
        })
    }

    /// No filter at all: every dead job.
    pub fn is_empty(&self) -> bool {
        self.session.is_none()
            && self.error.is_none()
            && self.since.is_none()
            && self.older_than.is_none()
            && self.limit.is_none()
    }

    fn died_in_window(&self, died_at: i64, now: i64) -> bool {
        let since = self
            .since
            .is_none_or(|since| died_at >= now - since.as_millis() as i64);
        let older = self
            .older_than
            .is_none_or(|older| died_at < now - older.as_millis() as i64);
        since && older
    }

    fn matches(&self, job: &JobRecord) -> bool {
        let session = self
            .session
            .as_ref()
            .is_none_or(|session| job.session.as_deref() == Some(session.as_str()));
        let error = self
            .error
            .as_ref()
            .is_none_or(|pattern| pattern.is_match(job.last_error.as_deref().unwrap_or_default()));
        session && error
    }
}

/// The dead jobs of one queue that a filter selects, oldest first, a page at a time. The ids
/// are read once up front, so jobs that die meanwhile wait for the next run.
pub struct DeadJobs<'a> {
    backend: &'a dyn Backend,
    queue: String,
    filter: DeadFilter,
    ids: std::vec::IntoIter<String>,
    taken: usize,
}

impl<'a> DeadJobs<'a> {
    pub async fn select(
        backend: &'a dyn Backend,
        queue: &str,
        filter: DeadFilter,
    ) -> anyhow::Result<DeadJobs<'a>> {
        let now = now_ms();
        let ids: Vec<String> = backend
            .dead_ids(queue)
            .await?
            .into_iter()
            .filter(|(_, died_at)| filter.died_in_window(*died_at, now))
            .map(|(id, _)| id)
            .collect();
        Ok(DeadJobs {
            backend,
            queue: queue.to_string(),
            filter,
            ids: ids.into_iter(),
            taken: 0,
        })
    }

    /// How many jobs the time filters leave (the other filters are applied per page).
    pub fn candidates(&self) -> usize {
        self.ids.len()
    }

    /// The next page of matching jobs, or None when there are no more.
    pub async fn next_page(&mut self) -> anyhow::Result<Option<Vec<JobRecord>>> {
        let limit = self.filter.limit.unwrap_or(usize::MAX);
        loop {
            if self.taken >= limit {
                return Ok(None);
            }
            let ids: Vec<String> = self.ids.by_ref().take(PAGE).collect();
            if ids.is_empty() {
                return Ok(None);
            }
            let mut page: Vec<JobRecord> = self
                .backend
                .records(&self.queue, &ids)
                .await?
                .into_iter()
                .flatten()
                .filter(|job| job.state == crate::runtime::job::JobState::Dead)
                .filter(|job| self.filter.matches(job))
                .collect();
            page.truncate(limit - self.taken);
            self.taken += page.len();
            if !page.is_empty() {
                return Ok(Some(page));
            }
        }
    }

    /// Every matching job (for listings, which a limit keeps short).
    pub async fn all(mut self) -> anyhow::Result<Vec<JobRecord>> {
        let mut jobs = Vec::new();
        while let Some(page) = self.next_page().await? {
            jobs.extend(page);
        }
        Ok(jobs)
    }
}

/// What a retry or purge did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DeadOutcome {
    pub queue: String,
    /// Jobs the filters selected.
    pub selected: u64,
    /// Jobs retried or deleted (0 with --dry-run).
    pub changed: u64,
    /// Selected jobs that had left the dead set meanwhile.
    pub skipped: u64,
    pub dry_run: bool,
}

/// What `dlq retry` and `dlq purge` do to each selected job.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    /// Back to pending with fresh attempts, at most `rate` jobs a second.
    Retry { rate: Option<f64> },
    /// Deleted for good.
    Delete,
}

impl Change {
    /// The past participle for reports: `retried`, `deleted`.
    pub fn done(self) -> &'static str {
        match self {
            Change::Retry { .. } => "retried",
            Change::Delete => "deleted",
        }
    }
}

/// Applies `change` to every selected job, page by page; with `dry_run` only counts them.
pub async fn apply(
    backend: &dyn Backend,
    mut jobs: DeadJobs<'_>,
    change: Change,
    dry_run: bool,
    progress: &dyn ProgressSink,
) -> anyhow::Result<DeadOutcome> {
    let rate = match change {
        Change::Retry { rate } => rate,
        Change::Delete => None,
    };
    let mut outcome = DeadOutcome {
        queue: jobs.queue.clone(),
        dry_run,
        ..DeadOutcome::default()
    };
    progress.set_total(jobs.candidates() as u64);
    let started = tokio::time::Instant::now();
    while let Some(page) = jobs.next_page().await? {
        // a rate splits a page into slices of about a tenth of a second's worth
        let slice = rate.map_or(PAGE, |rate| ((rate / 10.0).ceil() as usize).clamp(1, PAGE));
        for chunk in page.chunks(slice) {
            outcome.selected += chunk.len() as u64;
            if !dry_run {
                let ids: Vec<String> = chunk.iter().map(|job| job.id.clone()).collect();
                let results = match change {
                    Change::Retry { .. } => backend.retry(&jobs.queue, &ids).await?,
                    Change::Delete => backend.delete_dead(&jobs.queue, &ids).await?,
                };
                let changed = results.iter().filter(|result| result.changed).count() as u64;
                outcome.changed += changed;
                outcome.skipped += results.len() as u64 - changed;
                if let Some(rate) = rate {
                    let due = started + Duration::from_secs_f64(outcome.selected as f64 / rate);
                    tokio::time::sleep_until(due).await;
                }
            }
            progress.advance(chunk.len() as u64);
        }
    }
    Ok(outcome)
}

/// `--rate 50`, `--rate 50/s` or `--rate 3000/m`: jobs per second.
pub fn parse_rate(text: &str) -> Result<f64, String> {
    let (number, per) = match text.split_once('/') {
        Some((number, unit)) => (number, unit.trim()),
        None => (text, "s"),
    };
    let seconds = match per {
        "s" | "sec" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        _ => return Err(format!("`{text}`: the unit after / is s, m or h")),
    };
    let count: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a rate like 50/s"))?;
    if !(count.is_finite() && count > 0.0) {
        return Err(format!("`{text}`: a rate is more than zero"));
    }
    Ok(count / seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_per_second_minute_or_hour() {
        assert_eq!(parse_rate("50").unwrap(), 50.0);
        assert_eq!(parse_rate("50/s").unwrap(), 50.0);
        assert_eq!(parse_rate("120/m").unwrap(), 2.0);
        assert!(parse_rate("0/s").is_err());
        assert!(parse_rate("5/week").is_err());
    }

    #[test]
    fn time_filters_bound_both_ways() {
        let filter = DeadFilter {
            since: Some(Duration::from_secs(600)),
            older_than: Some(Duration::from_secs(60)),
            ..DeadFilter::default()
        };
        let now = 1_000_000_000;
        assert!(filter.died_in_window(now - 120_000, now));
        assert!(!filter.died_in_window(now - 30_000, now));
        assert!(!filter.died_in_window(now - 900_000, now));
    }
}
