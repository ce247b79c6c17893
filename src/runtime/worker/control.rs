//! What an operator's `workers pause|resume|stop` does to this worker: a pause gate every
//! consumer checks before it leases, and a stop that drains like SIGTERM. Commands arrive
//! live (Redis pub/sub) and with every heartbeat (the stored command), whichever is first.

use crate::runtime::backend::Backend;
use crate::runtime::job::WorkerControl;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

pub struct Control {
    paused: watch::Sender<bool>,
    /// Cancelled by a stop: the consumers stop taking jobs and the run drains.
    taking: CancellationToken,
    stopped: AtomicBool,
}

impl Control {
    pub fn new(taking: CancellationToken) -> Arc<Control> {
        Arc::new(Control {
            paused: watch::Sender::new(false),
            taking,
            stopped: AtomicBool::new(false),
        })
    }

    /// What a consumer watches: true while paused.
    pub fn gate(&self) -> watch::Receiver<bool> {
        self.paused.subscribe()
    }

    pub fn paused(&self) -> bool {
        *self.paused.borrow()
    }

    /// Whether `workers stop` ended the run.
    pub fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }

    /// Applies a command; applying the state the worker is already in does nothing.
    pub fn apply(&self, command: WorkerControl) {
        match command {
            WorkerControl::Pause => {
                if !self.paused.send_replace(true) {
                    tracing::warn!("paused by fleetq workers pause: taking no new jobs");
                }
            }
            WorkerControl::Resume => {
                if self.paused.send_replace(false) {
                    tracing::info!("resumed by fleetq workers resume");
                }
            }
            WorkerControl::Stop => {
                if !self.stopped.swap(true, Ordering::Relaxed) {
                    tracing::warn!("stopped by fleetq workers stop: finishing in-flight jobs");
                    // a paused worker must not wait at the gate instead of draining
                    self.paused.send_replace(false);
                    self.taking.cancel();
                }
            }
        }
    }
}

/// Follows the backend's live feed until `done`, subscribing again when it breaks.
pub async fn listen(
    backend: Arc<dyn Backend>,
    worker: String,
    control: Arc<Control>,
    done: CancellationToken,
) {
    loop {
        let feed = tokio::select! {
            feed = backend.control_feed(&worker) => feed,
            _ = done.cancelled() => return,
        };
        match feed {
            // no live feed on this backend: the heartbeat brings commands
            Ok(None) => return,
            Ok(Some(mut feed)) => loop {
                tokio::select! {
                    command = feed.next() => match command {
                        Some(command) => control.apply(command),
                        None => break,
                    },
                    _ = done.cancelled() => return,
                }
            },
            Err(error) => {
                tracing::debug!(%error, "control feed unavailable; the heartbeat carries commands")
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = done.cancelled() => return,
        }
    }
}
