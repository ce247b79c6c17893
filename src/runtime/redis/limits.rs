//! Checkpoints and step rates on Redis: each one script on one key of the queue's slot.

use super::RedisBackend;
use crate::runtime::backend::BackendResult;
use crate::runtime::job::LeaseRef;
use serde::Serialize;
use std::time::Duration;

impl RedisBackend {
    pub(super) async fn save_checkpoint(
        &self,
        queue: &str,
        lease: &LeaseRef,
        outputs: &str,
    ) -> BackendResult<bool> {
        #[derive(Serialize)]
        struct Args<'a> {
            token: &'a str,
            outputs: &'a str,
        }
        #[derive(serde::Deserialize)]
        struct Saved {
            saved: bool,
        }
        let keys = self.keys(queue);
        let reply: Saved = self
            .run(
                &self.scripts.checkpoint,
                vec![keys.job(&lease.id)],
                &Args {
                    token: &lease.token,
                    outputs,
                },
            )
            .await?;
        Ok(reply.saved)
    }

    pub(super) async fn take_from_rate(
        &self,
        queue: &str,
        scope: &str,
        rate: &crate::runtime::rate::Rate,
        wanted: u64,
    ) -> BackendResult<(u64, Duration)> {
        #[derive(Serialize)]
        struct Args<'a> {
            scope: &'a str,
            interval_us: u64,
            burst: u64,
            wanted: u64,
        }
        #[derive(serde::Deserialize)]
        struct Taken {
            granted: u64,
            wait_us: u64,
        }
        let keys = self.keys(queue);
        let reply: Taken = self
            .run(
                &self.scripts.rate,
                vec![keys.rates()],
                &Args {
                    scope,
                    interval_us: rate.interval_us(),
                    burst: rate.burst(),
                    wanted,
                },
            )
            .await?;
        Ok((reply.granted, Duration::from_micros(reply.wait_us)))
    }
}
