//! Running an exec step: argv without a shell, in its own process group, so a timeout or a
//! cancelled job kills the step and everything it started; the guard covers a killed worker.

use super::guard;
use super::run::StepFailure;
use super::spec::{ExecSpec, ExitAction, OutputMode};
use std::collections::HashSet;
use std::process::Stdio;
use std::sync::{LazyLock, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Most stdout a step may print; past it the step is killed and fails, so neither the step
/// (blocked on a full pipe) nor the worker's memory grows without bound.
pub const MAX_STDOUT: usize = 1024 * 1024;
/// How much of stderr is kept for the job's record.
const STDERR_TAIL: usize = 4096;

/// Process groups of running steps, so a hard exit can take them down too.
static RUNNING_GROUPS: LazyLock<Mutex<HashSet<i32>>> = LazyLock::new(Default::default);

/// Kills every running step's process group (used on a second interrupt).
pub fn kill_all_steps() {
    if let Ok(groups) = RUNNING_GROUPS.lock() {
        for group in groups.iter() {
            // SAFETY: killpg only sends a signal; a stale group id fails harmlessly with ESRCH
            unsafe {
                libc::killpg(*group, libc::SIGKILL);
            }
        }
    }
}

/// Kills the step's process group when dropped, whether the step finished, timed out or the
/// job was cancelled; dropping the future is how timeouts and cancellation reach the child.
struct GroupGuard {
    group: i32,
}

impl Drop for GroupGuard {
    fn drop(&mut self) {
        // SAFETY: as above; after a normal exit this reaps stray grandchildren
        unsafe {
            libc::killpg(self.group, libc::SIGKILL);
        }
        if let Ok(mut groups) = RUNNING_GROUPS.lock() {
            groups.remove(&self.group);
        }
        guard::forget(self.group);
    }
}

/// A started step process, killed with its whole group when this is dropped.
pub struct Spawned {
    pub child: tokio::process::Child,
    pub group: i32,
    _guard: Option<GroupGuard>,
}

/// Starts a step's program in a process group of its own, registered with the guard so it
/// dies with the worker; stdin is a pipe when `stdin` says so, else /dev/null.
pub fn spawn_step(step: &str, spec: &ExecSpec, stdin: bool) -> Result<Spawned, StepFailure> {
    let mut command = tokio::process::Command::new(&spec.argv[0]);
    command
        .args(&spec.argv[1..])
        .envs(&spec.env)
        .stdin(if stdin { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true);
    if let Some(directory) = &spec.cwd {
        command.current_dir(directory);
    }
    let worker = std::process::id() as i32;
    // SAFETY: prctl and getppid are async-signal-safe, as pre_exec requires
    unsafe {
        command.pre_exec(move || {
            // the step dies with the worker thread that started it, even before the guard
            // has heard of it; if the worker is already gone, do not start at all
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 || libc::getppid() != worker
            {
                libc::_exit(137);
            }
            Ok(())
        });
    }
    let child = command.spawn().map_err(|error| StepFailure {
        cannot_start: true,
        ..StepFailure::retry(format!(
            "step `{step}`: cannot start `{}`: {error}",
            spec.argv[0]
        ))
    })?;
    let group = child.id().map(|pid| pid as i32).unwrap_or(0);
    let guard = (group > 0).then(|| {
        if let Ok(mut groups) = RUNNING_GROUPS.lock() {
            groups.insert(group);
        }
        guard::watch(group);
        GroupGuard { group }
    });
    Ok(Spawned {
        child,
        group,
        _guard: guard,
    })
}

/// Runs the step with `input` on stdin (None: no stdin at all); its stdout becomes the output
/// as the step's `output:` says.
pub async fn run_exec(
    step: &str,
    spec: &ExecSpec,
    input: Option<Vec<u8>>,
) -> Result<serde_json::Value, StepFailure> {
    let Spawned {
        mut child,
        group,
        _guard,
    } = spawn_step(step, spec, input.is_some())?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let write_input = async {
        if let Some(pipe) = stdin.as_mut() {
            // a step that ignores stdin may close it early; that is not an error
            let _ = pipe.write_all(input.as_deref().unwrap_or_default()).await;
        }
        drop(stdin.take());
    };
    let read_stdout = async {
        let mut buffer = Vec::new();
        if let Some(pipe) = stdout.as_mut() {
            let mut chunk = [0u8; 16384];
            while let Ok(read) = pipe.read(&mut chunk).await {
                if read == 0 {
                    break;
                }
                if spec.output == OutputMode::None {
                    // read and dropped, so the step never blocks on a full pipe
                    continue;
                }
                buffer.extend_from_slice(&chunk[..read]);
                if buffer.len() > MAX_STDOUT {
                    // SAFETY: killpg only sends a signal; the group is the step's own
                    unsafe {
                        libc::killpg(group, libc::SIGKILL);
                    }
                    break;
                }
            }
        }
        buffer
    };
    let read_stderr = async {
        let mut buffer = Vec::new();
        if let Some(pipe) = stderr.as_mut() {
            let mut chunk = [0u8; 8192];
            while let Ok(read) = pipe.read(&mut chunk).await {
                if read == 0 {
                    break;
                }
                keep_tail(&mut buffer, &chunk[..read]);
            }
        }
        buffer
    };
    let ((), output, errors, status) =
        tokio::join!(write_input, read_stdout, read_stderr, child.wait());
    let stderr_text = tail(&errors);
    let status = status.map_err(|error| StepFailure {
        stderr: stderr_text.clone(),
        ..StepFailure::retry(format!(
            "step `{step}`: waiting for the process failed: {error}"
        ))
    })?;
    if output.len() > MAX_STDOUT {
        return Err(StepFailure {
            stderr: stderr_text,
            ..StepFailure::fatal(format!(
                "step `{step}`: stdout passed the {} MiB cap, so the step was killed",
                MAX_STDOUT >> 20
            ))
        });
    }
    let action = match status.code() {
        Some(0) => ExitAction::Success,
        Some(code) => spec
            .exit_codes
            .get(&code)
            .copied()
            .unwrap_or(spec.otherwise),
        None => ExitAction::Retry,
    };
    match action {
        ExitAction::Success => {
            parse_output(step, "printed output", spec.output, &output).map_err(|error| {
                StepFailure {
                    stderr: stderr_text,
                    ..StepFailure::retry(error)
                }
            })
        }
        ExitAction::Retry | ExitAction::Fatal => {
            let mut error = match status.code() {
                Some(code) => format!("step `{step}` exited with code {code}"),
                None => format!("step `{step}` was killed by a signal"),
            };
            // the last thing the step said is usually why; it belongs in `jobs ls` at a glance
            if let Some(reason) = stderr_text
                .lines()
                .rev()
                .map(str::trim)
                .find(|line| !line.is_empty())
            {
                let reason: String = reason.chars().take(200).collect();
                error.push_str(": ");
                error.push_str(&reason);
            }
            Err(StepFailure {
                stderr: stderr_text,
                fatal: action == ExitAction::Fatal,
                ..StepFailure::retry(error)
            })
        }
    }
}

/// The step's output from its stdout: JSON when it parses (`auto`), JSON or a failure
/// (`json`), the text (`text`), or nothing (`none`).
pub fn parse_output(
    step: &str,
    what: &str,
    mode: OutputMode,
    output: &[u8],
) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    let text = String::from_utf8_lossy(output);
    let trimmed = text.trim();
    Ok(match mode {
        OutputMode::None => Value::Null,
        OutputMode::Text => Value::String(trimmed.to_string()),
        OutputMode::Auto if trimmed.is_empty() => Value::Null,
        OutputMode::Auto => {
            serde_json::from_str(trimmed).unwrap_or_else(|_| Value::String(trimmed.to_string()))
        }
        OutputMode::Json => serde_json::from_str(trimmed).map_err(|error| {
            let start: String = trimmed.chars().take(80).collect();
            format!("step `{step}` {what} that is not JSON ({error}): {start:?}")
        })?,
    })
}

/// Appends stderr to a buffer that keeps about the last `STDERR_TAIL` bytes, so a chatty step
/// never grows the worker's memory.
pub fn keep_tail(buffer: &mut Vec<u8>, chunk: &[u8]) {
    buffer.extend_from_slice(chunk);
    if buffer.len() > STDERR_TAIL * 2 {
        buffer.drain(..buffer.len() - STDERR_TAIL);
    }
}

pub fn tail(bytes: &[u8]) -> String {
    let start = bytes.len().saturating_sub(STDERR_TAIL);
    String::from_utf8_lossy(&bytes[start..]).into_owned()
}
