//! `fleetq sessions ls|show|stop|clean`: named groups of jobs, seen and acted on as one.

use super::{age, timestamp};
use crate::cli::args::SessionsCommand;
use crate::output::report::{Done, records_of};
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::error::Classified;
use crate::runtime::job::{SessionInfo, now_ms, validate_session_name};
use crate::runtime::sessions::{self, SessionDetail, SessionSummary};
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    verb: SessionsCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let ttl = settings.session_ttl;
    let runtime = Runtime::connect(settings).await?;
    let backend = runtime.backend.as_ref();
    let described = backend.describe();
    match verb {
        SessionsCommand::Ls { queues } => {
            let queues = queues_or_all(&runtime, queues).await?;
            let summaries = sessions::list(backend, &queues, ttl).await?;
            printer.report_from(&described, &Listing(summaries));
        }
        SessionsCommand::Show { session, queue } => {
            let mut details = Vec::new();
            for info in find(&runtime, &session, queue).await? {
                details.push(sessions::show(backend, &info, ttl).await?);
            }
            printer.report_from(&described, &Shown(details));
        }
        SessionsCommand::Stop { session, queue } => {
            for info in find(&runtime, &session, queue).await? {
                let progress = printer.progress(&format!("stop {}", info.queue));
                let stopped = sessions::stop(backend, &info.queue, &session, &progress).await?;
                progress.finish();
                let said = format!(
                    "{}: session {session} stopped: new jobs are refused, {} waiting jobs cancelled, {} running jobs stopped at their next heartbeat",
                    info.queue, stopped.cancelled, stopped.running_stopped
                );
                printer.report_from(
                    &described,
                    &Done {
                        fields: stopped,
                        said,
                    },
                );
            }
        }
        SessionsCommand::Clean {
            session,
            all_stopped,
            older_than,
            queue,
        } => {
            let queues = queues_or_all(&runtime, queue.into_iter().collect()).await?;
            let now = now_ms();
            let chosen: Vec<SessionSummary> = sessions::list(backend, &queues, ttl)
                .await?
                .into_iter()
                .filter(|summary| match &session {
                    Some(name) => &summary.session == name,
                    None => {
                        (all_stopped && summary.status == "stopped")
                            || older_than.is_some_and(|idle| {
                                now - summary.last_activity_at > idle.as_millis() as i64
                            })
                    }
                })
                .collect();
            if let (Some(name), true) = (&session, chosen.is_empty()) {
                return Err(not_found(name).into());
            }
            let progress = printer.progress("clean");
            let mut cleaned = Vec::new();
            for summary in &chosen {
                let deleted =
                    sessions::clean(backend, &summary.queue, &summary.session, &progress).await?;
                cleaned.push(Cleaned {
                    queue: summary.queue.clone(),
                    session: summary.session.clone(),
                    deleted_jobs: deleted,
                });
            }
            progress.finish();
            let jobs: u64 = cleaned.iter().map(|clean| clean.deleted_jobs).sum();
            let said = format!("{} sessions cleaned, {jobs} jobs deleted", cleaned.len());
            printer.report_from(
                &described,
                &Done {
                    fields: CleanedAll { sessions: cleaned },
                    said,
                },
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn queues_or_all(runtime: &Runtime, queues: Vec<String>) -> anyhow::Result<Vec<String>> {
    if queues.is_empty() {
        return Ok(runtime.backend.queues().await?);
    }
    super::require_queues(runtime, &queues).await?;
    Ok(queues)
}

/// The queues' records of a session; exit 3 when none has it.
async fn find(
    runtime: &Runtime,
    session: &str,
    queue: Option<String>,
) -> anyhow::Result<Vec<SessionInfo>> {
    validate_session_name(session)?;
    let queues = queues_or_all(runtime, queue.into_iter().collect()).await?;
    let mut found = Vec::new();
    for queue in &queues {
        found.extend(
            runtime
                .backend
                .sessions(queue)
                .await?
                .into_iter()
                .filter(|info| info.session == session),
        );
    }
    if found.is_empty() {
        return Err(not_found(session).into());
    }
    Ok(found)
}

fn not_found(session: &str) -> Classified {
    Classified::not_found(format!("no session `{session}`")).with_hint(
        "`fleetq sessions ls` lists the sessions; jobs join one with enqueue --session S",
    )
}

#[derive(Serialize)]
struct Cleaned {
    queue: String,
    session: String,
    deleted_jobs: u64,
}

#[derive(Serialize)]
struct CleanedAll {
    sessions: Vec<Cleaned>,
}

#[derive(Serialize)]
#[serde(transparent)]
struct Listing(Vec<SessionSummary>);

impl Report for Listing {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.0)
    }

    fn view(&self) -> Vec<View> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(&[
            "SESSION",
            "QUEUE",
            "STATUS",
            "PENDING",
            "ACTIVE",
            "DONE",
            "DEAD",
            "CREATED",
            "LAST ACTIVITY",
        ]);
        for summary in &self.0 {
            table.add_row(vec![
                summary.session.clone(),
                summary.queue.clone(),
                summary.status.clone(),
                (summary.counts.pending + summary.counts.delayed).to_string(),
                summary.counts.active.to_string(),
                summary.counts.done.to_string(),
                summary.counts.dead.to_string(),
                timestamp(summary.created_at),
                format!("{} ago", age(summary.last_activity_at)),
            ]);
        }
        vec![View::table(table)]
    }

    fn status(&self) -> Vec<String> {
        if self.0.is_empty() {
            vec!["no sessions".to_string()]
        } else {
            Vec::new()
        }
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Shown(Vec<SessionDetail>);

impl Report for Shown {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.0)
    }

    fn view(&self) -> Vec<View> {
        let mut views = Vec::new();
        for detail in &self.0 {
            let summary = &detail.summary;
            let mut table = new_table(&["FIELD", "VALUE"]);
            let rows = [
                (
                    "session",
                    format!("{} in {}", summary.session, summary.queue),
                ),
                ("status", summary.status.clone()),
                (
                    "jobs",
                    format!(
                        "{} pending, {} delayed, {} active, {} done, {} dead, {} cancelled",
                        summary.counts.pending,
                        summary.counts.delayed,
                        summary.counts.active,
                        summary.counts.done,
                        summary.counts.dead,
                        summary.counts.cancelled
                    ),
                ),
                (
                    "throughput",
                    format!("{:.2} jobs/s over the last minute", detail.throughput_1m),
                ),
                (
                    "oldest pending",
                    or_dash(detail.oldest_pending_id.as_ref().map(|id| {
                        format!(
                            "{id} ({} ago)",
                            age(detail.oldest_pending_created_at.unwrap_or_default())
                        )
                    })),
                ),
                ("created", timestamp(summary.created_at)),
                (
                    "last activity",
                    format!("{} ago", age(summary.last_activity_at)),
                ),
            ];
            for (field, value) in rows {
                table.add_row(vec![field.to_string(), value]);
            }
            for error in &detail.recent_errors {
                table.add_row(vec![
                    format!("error ({})", error.state.as_str()),
                    format!("{}: {}", error.id, error.error),
                ]);
            }
            views.push(View::table(table));
        }
        views
    }
}
