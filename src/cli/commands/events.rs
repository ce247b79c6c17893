//! `fleetq events tail [QUEUE…] [--session S] [--type T] [--since DUR]`: what is happening,
//! as it happens; a line per event for people, an object per line for scripts.

use super::timestamp;
use crate::cli::args::EventsCommand;
use crate::output::{Printer, Report, View};
use crate::runtime::Runtime;
use crate::runtime::config::Settings;
use crate::runtime::job::{Event, now_ms};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

/// How long one read waits for events before looking for new queues again.
const WAIT: Duration = Duration::from_secs(1);

pub async fn run(
    verb: EventsCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    let backend = runtime.backend.as_ref();
    let EventsCommand::Tail {
        queues,
        session,
        types,
        since,
    } = verb;
    let every_queue = queues.is_empty();
    if !every_queue {
        super::require_queues(&runtime, &queues).await?;
    }
    let start = now_ms() - since.map_or(0, |since| since.as_millis() as i64);
    let mut cursors: BTreeMap<String, String> = BTreeMap::new();
    printer.status(&format!(
        "following events on {} (Ctrl-C stops)",
        backend.describe()
    ));
    let interrupted = tokio::signal::ctrl_c();
    tokio::pin!(interrupted);
    loop {
        // following every queue includes the ones created while following
        let wanted = if every_queue {
            backend.queues().await?
        } else {
            queues.clone()
        };
        let new: Vec<String> = wanted
            .into_iter()
            .filter(|queue| !cursors.contains_key(queue))
            .collect();
        if !new.is_empty() {
            cursors.extend(backend.event_cursors(&new, start).await?);
        }
        let events = tokio::select! {
            _ = &mut interrupted => return Ok(ExitCode::from(130)),
            events = backend.read_events(&cursors, WAIT) => events?,
        };
        for event in events {
            cursors.insert(event.queue.clone(), event.cursor.clone());
            let kind_ok = types.is_empty() || types.contains(&event.kind);
            let session_ok = session
                .as_ref()
                .is_none_or(|session| event.fields.get("session") == Some(session));
            if kind_ok && session_ok {
                printer.report(&Shown(event));
            }
        }
    }
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct Shown(Event);

impl Report for Shown {
    fn streamed(&self) -> bool {
        true
    }

    fn view(&self) -> Vec<View> {
        let event = &self.0;
        let mut line = format!("{}  {}  {}", timestamp(event.at), event.queue, event.kind);
        match event.ids.len() {
            0 => {}
            1 => line.push_str(&format!("  {}", event.ids[0])),
            count => line.push_str(&format!(
                "  {count} jobs: {}{}",
                event.ids[..count.min(3)].join(" "),
                if count > 3 { " …" } else { "" }
            )),
        }
        for (name, value) in &event.fields {
            line.push_str(&format!("  {name}={value}"));
        }
        vec![View::Line(line)]
    }
}
