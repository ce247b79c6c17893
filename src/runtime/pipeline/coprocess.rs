//! Persistent exec steps: a long-lived process per worker slot that reads one JSON line per job
//! on stdin and answers one JSON line on stdout, `{"output": …}` or `{"error": "…", "fatal":
//! false}`. A process that dies (or answers out of protocol) fails the job it held, which is
//! retried, and the next job starts a new one after a backoff that grows while it keeps dying.

use super::exec::{MAX_STDOUT, Spawned, keep_tail, spawn_step, tail};
use super::run::StepFailure;
use super::spec::ExecSpec;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{ChildStdin, ChildStdout};
use tokio::time::Instant;

/// Longest wait before starting a coprocess again after it died.
const MAX_RESTART_DELAY: Duration = Duration::from_secs(5);

struct Coprocess {
    process: Spawned,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    stderr: Arc<Mutex<Vec<u8>>>,
    /// The task reading stderr; it ends when the process (and what it started) is gone.
    stderr_reader: Option<tokio::task::JoinHandle<()>>,
}

/// How a step's coprocesses have been dying: consecutive deaths and the last one.
#[derive(Default, Clone, Copy)]
struct Deaths {
    streak: u32,
    last: Option<Instant>,
}

#[derive(Default)]
pub struct Pool {
    /// Idle coprocesses by step; a running job holds its own, so there are never more than
    /// the worker's concurrency.
    idle: Mutex<HashMap<String, Vec<Coprocess>>>,
    deaths: Mutex<HashMap<String, Deaths>>,
}

impl Pool {
    /// Sends one request line to an idle coprocess of the step (starting one if none is
    /// idle) and reads its answer.
    pub async fn call(
        &self,
        step: &str,
        spec: &ExecSpec,
        request: Vec<u8>,
    ) -> Result<Value, StepFailure> {
        let idle = self
            .idle
            .lock()
            .ok()
            .and_then(|mut idle| idle.get_mut(step)?.pop());
        let mut coprocess = match idle {
            Some(coprocess) => coprocess,
            None => self.start(step, spec).await?,
        };
        match exchange(&mut coprocess, &request).await {
            Ok(line) => {
                let answer = parse_answer(step, &line);
                // an answer outside the protocol means the stream is out of step: start afresh
                if answer
                    .as_ref()
                    .err()
                    .is_none_or(|failure| !failure.cannot_start)
                {
                    if let Ok(mut deaths) = self.deaths.lock() {
                        deaths.remove(step);
                    }
                    if let Ok(mut idle) = self.idle.lock() {
                        idle.entry(step.to_string()).or_default().push(coprocess);
                    }
                    return answer;
                }
                answer.map_err(|failure| StepFailure {
                    cannot_start: false,
                    ..failure
                })
            }
            Err(reason) => {
                let status = tokio::time::timeout(
                    Duration::from_millis(200),
                    coprocess.process.child.wait(),
                )
                .await;
                let how = match status {
                    Ok(Ok(status)) => match status.code() {
                        Some(code) => format!("exited with code {code}"),
                        None => "was killed by a signal".to_string(),
                    },
                    _ => reason,
                };
                // the last words are usually why; let the reader catch up with them
                if let Some(reader) = coprocess.stderr_reader.take() {
                    let _ = tokio::time::timeout(Duration::from_millis(200), reader).await;
                }
                let stderr = coprocess
                    .stderr
                    .lock()
                    .map(|buffer| tail(&buffer))
                    .unwrap_or_default();
                self.died(step);
                let mut error = format!(
                    "step `{step}`: its coprocess {how} while holding this job; it is restarted"
                );
                if let Some(reason) = stderr.lines().rev().find(|line| !line.trim().is_empty()) {
                    error.push_str(": ");
                    error.push_str(&reason.chars().take(200).collect::<String>());
                }
                Err(StepFailure {
                    stderr,
                    ..StepFailure::retry(error)
                })
            }
        }
    }

    fn died(&self, step: &str) {
        if let Ok(mut deaths) = self.deaths.lock() {
            let entry = deaths.entry(step.to_string()).or_default();
            entry.streak += 1;
            entry.last = Some(Instant::now());
        }
    }

    /// Starts a coprocess, first waiting out the backoff if the step's last ones died.
    async fn start(&self, step: &str, spec: &ExecSpec) -> Result<Coprocess, StepFailure> {
        let deaths = self
            .deaths
            .lock()
            .ok()
            .and_then(|deaths| deaths.get(step).copied())
            .unwrap_or_default();
        if let Some(last) = deaths.last {
            let delay = Duration::from_millis(100)
                .saturating_mul(1 << deaths.streak.saturating_sub(1).min(10))
                .min(MAX_RESTART_DELAY);
            tokio::time::sleep_until(last + delay).await;
        }
        let mut process = spawn_step(step, spec, true)?;
        let stdin = process.child.stdin.take().expect("stdin is piped");
        let stdout = BufReader::new(process.child.stdout.take().expect("stdout is piped"));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stderr_reader = process.child.stderr.take().map(|mut pipe| {
            let buffer = stderr.clone();
            tokio::spawn(async move {
                let mut chunk = [0u8; 4096];
                while let Ok(read) = pipe.read(&mut chunk).await {
                    if read == 0 {
                        break;
                    }
                    if let Ok(mut buffer) = buffer.lock() {
                        keep_tail(&mut buffer, &chunk[..read]);
                    }
                }
            })
        });
        tracing::debug!(step, program = %spec.argv[0], "started a coprocess");
        Ok(Coprocess {
            process,
            stdin,
            stdout,
            stderr,
            stderr_reader,
        })
    }
}

/// Writes the request line and reads the answer line; an error means the process is gone.
async fn exchange(coprocess: &mut Coprocess, request: &[u8]) -> Result<Vec<u8>, String> {
    let mut line = Vec::with_capacity(request.len() + 1);
    line.extend_from_slice(request);
    line.push(b'\n');
    coprocess
        .stdin
        .write_all(&line)
        .await
        .map_err(|error| format!("could not be written to ({error})"))?;
    let mut answer = Vec::new();
    let read = (&mut coprocess.stdout)
        .take(MAX_STDOUT as u64 + 1)
        .read_until(b'\n', &mut answer)
        .await
        .map_err(|error| format!("could not be read ({error})"))?;
    if read == 0 {
        return Err("closed its stdout".to_string());
    }
    if !answer.ends_with(b"\n") {
        return Err(format!(
            "answered more than {} MiB on one line",
            MAX_STDOUT >> 20
        ));
    }
    Ok(answer)
}

/// `{"output": …}` is success; `{"error": "…"}` a failure, fatal with `"fatal": true`.
/// `cannot_start` marks an answer outside the protocol, so the caller drops the process.
fn parse_answer(step: &str, line: &[u8]) -> Result<Value, StepFailure> {
    let text = String::from_utf8_lossy(line);
    let parsed: Option<serde_json::Map<String, Value>> = serde_json::from_str(text.trim()).ok();
    match parsed {
        Some(mut answer) if answer.contains_key("output") => {
            Ok(answer.remove("output").unwrap_or(Value::Null))
        }
        Some(answer) if answer.contains_key("error") => {
            let message = match answer.get("error") {
                Some(Value::String(message)) => message.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            Err(StepFailure {
                fatal: answer.get("fatal") == Some(&Value::Bool(true)),
                ..StepFailure::retry(format!("step `{step}` failed: {message}"))
            })
        }
        _ => {
            let start: String = text.trim().chars().take(80).collect();
            Err(StepFailure {
                cannot_start: true,
                ..StepFailure::retry(format!(
                    "step `{step}`: its coprocess answered {start:?}, which is not {{\"output\": …}} or {{\"error\": …}}; it is restarted"
                ))
            })
        }
    }
}
