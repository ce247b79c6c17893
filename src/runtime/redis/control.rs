//! Worker control on Redis: each command is stored under the worker's control key (read back
//! at every heartbeat) and announced on the control channel, which a worker follows over a
//! pub/sub connection of its own, so it acts at once and never misses a command for good.

use super::RedisBackend;
use super::keys;
use crate::runtime::backend::{BackendResult, ControlFeed};
use crate::runtime::job::{WORKER_FORGOTTEN_AFTER_MS, WorkerControl};
use async_trait::async_trait;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

/// A control command as announced on the channel.
#[derive(Serialize, Deserialize)]
struct Announcement {
    worker: String,
    command: WorkerControl,
}

impl RedisBackend {
    pub(super) async fn store_control(
        &self,
        workers: &[String],
        command: WorkerControl,
    ) -> BackendResult<()> {
        let text = serde_json::to_string(&command).unwrap_or_default();
        let mut pipeline = redis::pipe();
        for worker in workers {
            pipeline
                .pset_ex(
                    keys::control(&self.prefix, worker),
                    &text,
                    WORKER_FORGOTTEN_AFTER_MS as u64,
                )
                .ignore();
            let announcement = Announcement {
                worker: worker.clone(),
                command,
            };
            pipeline
                .publish(
                    keys::control_channel(&self.prefix),
                    serde_json::to_string(&announcement).unwrap_or_default(),
                )
                .ignore();
        }
        let mut connection = self.connection();
        pipeline
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| self.target.map(error))
    }

    pub(super) async fn subscribe_control(
        &self,
        worker: &str,
    ) -> BackendResult<Box<dyn ControlFeed>> {
        let mut pubsub = self
            .opener()
            .pubsub()
            .await
            .map_err(|error| self.target.map(error))?;
        pubsub
            .subscribe(keys::control_channel(&self.prefix))
            .await
            .map_err(|error| self.target.map(error))?;
        Ok(Box::new(RedisControlFeed {
            messages: Box::pin(pubsub.into_on_message()),
            worker: worker.to_string(),
        }))
    }
}

struct RedisControlFeed {
    messages: std::pin::Pin<Box<dyn futures_util::Stream<Item = redis::Msg> + Send>>,
    worker: String,
}

#[async_trait]
impl ControlFeed for RedisControlFeed {
    async fn next(&mut self) -> Option<WorkerControl> {
        loop {
            let message = self.messages.next().await?;
            let Ok(text) = message.get_payload::<String>() else {
                continue;
            };
            if let Ok(announcement) = serde_json::from_str::<Announcement>(&text)
                && announcement.worker == self.worker
            {
                return Some(announcement.command);
            }
        }
    }
}
