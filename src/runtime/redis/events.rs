//! Reading and writing the queues' event streams (`P:events`). The scripts append the job
//! events themselves; this adds the queue-level ones and reads for `events tail`, blocking on
//! a connection of its own, never on the shared one.

use super::RedisBackend;
use crate::runtime::backend::BackendResult;
use crate::runtime::job::{EVENTS_KEPT, Event};
use redis::AsyncCommands;
use redis::streams::{StreamReadOptions, StreamReadReply};
use std::collections::BTreeMap;
use std::time::Duration;

impl RedisBackend {
    pub(super) async fn append_event(
        &self,
        queue: &str,
        kind: &str,
        fields: &[(&str, String)],
    ) -> BackendResult<()> {
        if !self.events {
            return Ok(());
        }
        let mut items: Vec<(&str, String)> =
            vec![("type", kind.to_string()), ("ids", String::new())];
        items.extend(fields.iter().cloned());
        let mut connection = self.connection();
        let _: String = connection
            .xadd_maxlen(
                self.keys(queue).events(),
                redis::streams::StreamMaxlen::Approx(EVENTS_KEPT as usize),
                "*",
                &items,
            )
            .await
            .map_err(|error| self.target.map(error))?;
        Ok(())
    }

    pub(super) async fn read_streams(
        &self,
        cursors: &BTreeMap<String, String>,
        wait: Duration,
    ) -> BackendResult<Vec<Event>> {
        if cursors.is_empty() {
            tokio::time::sleep(wait).await;
            return Ok(Vec::new());
        }
        let keys: Vec<String> = cursors
            .keys()
            .map(|queue| self.keys(queue).events())
            .collect();
        let ids: Vec<&String> = cursors.values().collect();
        let replies = if self.opener().is_cluster() {
            self.poll_streams(&keys, &ids, wait).await?
        } else {
            let mut connection = self
                .opener()
                .dedicated(self.connect_timeout, Some(wait + Duration::from_secs(5)))
                .await
                .map_err(|error| self.target.map(error))?;
            let options = StreamReadOptions::default()
                .count(1000)
                .block(wait.as_millis().max(1) as usize);
            let reply: Option<StreamReadReply> = connection
                .xread_options(&keys, &ids, &options)
                .await
                .map_err(|error| self.target.map(error))?;
            reply.into_iter().collect()
        };
        let mut events = Vec::new();
        for stream in replies.into_iter().flat_map(|reply| reply.keys) {
            let Some(queue) = cursors
                .keys()
                .find(|queue| self.keys(queue).events() == stream.key)
            else {
                continue;
            };
            for entry in stream.ids {
                let mut fields: BTreeMap<String, String> = entry
                    .map
                    .iter()
                    .filter_map(|(name, value)| {
                        redis::from_redis_value::<String>(value.clone())
                            .ok()
                            .map(|text| (name.clone(), text))
                    })
                    .collect();
                let kind = fields.remove("type").unwrap_or_default();
                let ids = fields
                    .remove("ids")
                    .map(|text| {
                        text.split(' ')
                            .filter(|id| !id.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                let at = entry
                    .id
                    .split('-')
                    .next()
                    .and_then(|ms| ms.parse().ok())
                    .unwrap_or(0);
                events.push(Event {
                    queue: queue.clone(),
                    cursor: entry.id.clone(),
                    at,
                    kind,
                    ids,
                    fields,
                });
            }
        }
        events.sort_by_key(|event| event.at);
        Ok(events)
    }

    /// A cluster's streams live on as many nodes as their queues do, and one XREAD cannot
    /// span slots: so each stream is read without blocking, one call per queue in one
    /// pipeline (split by slot), until something arrives or `wait` passes.
    async fn poll_streams(
        &self,
        keys: &[String],
        ids: &[&String],
        wait: Duration,
    ) -> BackendResult<Vec<StreamReadReply>> {
        let deadline = tokio::time::Instant::now() + wait;
        let options = StreamReadOptions::default().count(1000);
        loop {
            let mut pipeline = redis::pipe();
            for (key, id) in keys.iter().zip(ids) {
                pipeline.xread_options(&[key], &[id], &options);
            }
            let replies: Vec<Option<StreamReadReply>> = pipeline
                .query_async(&mut self.connection())
                .await
                .map_err(|error| self.target.map(error))?;
            let replies: Vec<StreamReadReply> = replies.into_iter().flatten().collect();
            let now = tokio::time::Instant::now();
            if !replies.is_empty() || now >= deadline {
                return Ok(replies);
            }
            tokio::time::sleep((deadline - now).min(STREAM_POLL)).await;
        }
    }
}

/// How often a cluster's streams are read while `events tail` waits.
const STREAM_POLL: Duration = Duration::from_millis(50);
