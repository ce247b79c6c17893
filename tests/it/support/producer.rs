//! A producer thread for the failover drills: `fleetq enqueue` processes in a loop against a
//! Redis that may vanish, keeping every id it was acknowledged and counting refused calls.

use super::{configure, run, wait_until};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Enqueues `batch` jobs per call until stopped; returns every acknowledged id and how many
/// calls were refused.
pub struct Producer {
    acknowledged: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    /// Set to hold the producer between calls; `paused` says it is holding.
    pause: Arc<AtomicBool>,
    paused: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<u32>,
}

impl Producer {
    /// `prefix` is the key prefix the fleetq processes use (as `configure` takes it).
    pub fn start(
        directory: &Path,
        backend: &str,
        prefix: &str,
        queue: &str,
        batch: usize,
    ) -> Producer {
        let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (pause, paused) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(AtomicBool::new(false)),
        );
        let lines: String = (0..batch).map(|n| format!("{{\"n\":{n}}}\n")).collect();
        let file = directory.join(format!("{queue}-batch.jsonl"));
        std::fs::write(&file, lines).unwrap();
        let thread = {
            let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
            let (pause, paused) = (pause.clone(), paused.clone());
            let (directory, backend, prefix, queue) = (
                directory.to_path_buf(),
                backend.to_string(),
                prefix.to_string(),
                queue.to_string(),
            );
            std::thread::spawn(move || {
                let mut refused = 0;
                while !stop.load(Ordering::SeqCst) {
                    if pause.load(Ordering::SeqCst) {
                        paused.store(true, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    }
                    paused.store(false, Ordering::SeqCst);
                    let mut command = Command::new(super::binary());
                    configure(&mut command, &directory, &backend, &prefix);
                    command.args([
                        "enqueue",
                        &queue,
                        "--file",
                        file.to_str().unwrap(),
                        "--quiet",
                    ]);
                    let (code, stdout, _) = run(command);
                    if code == 0 {
                        acknowledged.lock().unwrap().extend(
                            stdout
                                .lines()
                                .filter_map(|line| line.rsplit('/').next())
                                .map(str::to_string),
                        );
                    } else {
                        refused += 1;
                        std::thread::sleep(Duration::from_millis(50));
                    }
                }
                refused
            })
        };
        Producer {
            acknowledged,
            stop,
            pause,
            paused,
            thread,
        }
    }

    /// Holds the producer between two calls, so nothing is in flight.
    pub fn hold(&self) {
        self.pause.store(true, Ordering::SeqCst);
        wait_until("the producer holds", Duration::from_secs(20), || {
            self.paused.load(Ordering::SeqCst)
        });
    }

    pub fn resume(&self) {
        self.pause.store(false, Ordering::SeqCst);
    }

    pub fn count(&self) -> usize {
        self.acknowledged.lock().unwrap().len()
    }

    pub fn finish(self) -> (Vec<String>, u32) {
        self.stop.store(true, Ordering::SeqCst);
        let refused = self.thread.join().unwrap();
        let acknowledged = self.acknowledged.lock().unwrap().clone();
        (acknowledged, refused)
    }
}
