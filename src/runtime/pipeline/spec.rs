//! The pipeline file format: what a worker runs for each job, validated while it is parsed so
//! every error carries the file, line and column.

use crate::runtime::duration::HumanDuration;
use rand::Rng;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

/// One pipeline: the queue it consumes and the steps each job runs, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawPipeline")]
pub struct Pipeline {
    pub name: String,
    pub queue: String,
    pub concurrency: Option<usize>,
    pub lease: Duration,
    pub timeout: Option<Duration>,
    pub retry: RetryPolicy,
    pub steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    pipeline: String,
    queue: String,
    concurrency: Option<usize>,
    lease: Option<HumanDuration>,
    timeout: Option<HumanDuration>,
    #[serde(default)]
    retry: RetryPolicy,
    steps: Vec<Step>,
}

impl TryFrom<RawPipeline> for Pipeline {
    type Error = String;

    fn try_from(raw: RawPipeline) -> Result<Self, String> {
        crate::runtime::validate_queue_name(&raw.queue).map_err(|error| error.message)?;
        if raw.steps.is_empty() {
            return Err("`steps` is empty: a pipeline needs at least one step".into());
        }
        if raw.concurrency == Some(0) {
            return Err("`concurrency` must be at least 1".into());
        }
        let mut seen = HashSet::new();
        for step in &raw.steps {
            if !seen.insert(step.name.as_str()) {
                return Err(format!(
                    "two steps are named `{}`; step names must be unique because outputs are keyed by them",
                    step.name
                ));
            }
        }
        let lease = raw.lease.map_or(Duration::from_secs(30), |lease| lease.0);
        if lease < Duration::from_millis(300) {
            return Err("`lease` must be at least 300ms so heartbeats can keep it".into());
        }
        Ok(Pipeline {
            name: raw.pipeline,
            queue: raw.queue,
            concurrency: raw.concurrency,
            lease,
            timeout: raw.timeout.map(|timeout| timeout.0),
            retry: raw.retry,
            steps: raw.steps,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Backoff {
    #[default]
    Exponential,
    Fixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Jitter {
    #[default]
    Full,
    None,
}

/// When and how a failed job is tried again.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub backoff: Backoff,
    pub base: HumanDuration,
    pub max: HumanDuration,
    pub jitter: Jitter,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            backoff: Backoff::Exponential,
            base: HumanDuration(Duration::from_secs(1)),
            max: HumanDuration(Duration::from_secs(300)),
            jitter: Jitter::Full,
        }
    }
}

impl RetryPolicy {
    /// The wait before the attempt after `attempt` (1-based): exponential with full jitter
    /// by default, so a burst of failures does not retry in lockstep.
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = match self.backoff {
            Backoff::Fixed => self.base.0,
            Backoff::Exponential => {
                let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(30));
                self.base.0.saturating_mul(factor)
            }
        }
        .min(self.max.0);
        match self.jitter {
            Jitter::None => ceiling,
            Jitter::Full => {
                let millis = ceiling.as_millis() as u64;
                Duration::from_millis(rand::rng().random_range(0..=millis))
            }
        }
    }
}

/// What a non-zero exit code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExitAction {
    Retry,
    Fatal,
    Success,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExecSpec {
    /// argv, run without a shell; or `["/bin/sh", "-c", script]` when `shell:` was written.
    pub argv: Vec<String>,
    pub env: BTreeMap<String, String>,
    pub cwd: Option<PathBuf>,
    pub exit_codes: BTreeMap<i32, ExitAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Exec(ExecSpec),
    Noop,
    Sleep(Duration),
    Fail { message: String, fatal: bool },
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Exec(_) => "exec",
            Action::Noop => "noop",
            Action::Sleep(_) => "sleep",
            Action::Fail { .. } => "fail",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    pub timeout: Option<Duration>,
    pub action: Action,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum FailSpec {
    Message(String),
    Detailed {
        message: String,
        #[serde(default)]
        fatal: bool,
    },
}

/// The step as written; `Step::deserialize` checks that exactly one kind is given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: Option<String>,
    timeout: Option<HumanDuration>,
    exec: Option<Vec<String>>,
    shell: Option<String>,
    noop: Option<serde_yaml::Value>,
    sleep: Option<HumanDuration>,
    fail: Option<FailSpec>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    cwd: Option<PathBuf>,
    #[serde(default)]
    exit_codes: BTreeMap<i32, ExitAction>,
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawStep::deserialize(deserializer)?;
        step_from_raw(raw).map_err(serde::de::Error::custom)
    }
}

fn step_from_raw(raw: RawStep) -> Result<Step, String> {
    let mut kinds = Vec::new();
    let mut action = None;
    let is_exec = raw.exec.is_some() || raw.shell.is_some();
    if let Some(argv) = raw.exec {
        kinds.push("exec");
        if argv.is_empty() || argv[0].is_empty() {
            return Err("`exec` needs a program: exec: [program, arg, ...]".into());
        }
        action = Some(Action::Exec(ExecSpec {
            argv,
            env: raw.env.clone(),
            cwd: raw.cwd.clone(),
            exit_codes: raw.exit_codes.clone(),
        }));
    }
    if let Some(script) = raw.shell {
        kinds.push("shell");
        action = Some(Action::Exec(ExecSpec {
            argv: vec!["/bin/sh".into(), "-c".into(), script],
            env: raw.env.clone(),
            cwd: raw.cwd.clone(),
            exit_codes: raw.exit_codes.clone(),
        }));
    }
    if raw.noop.is_some() {
        kinds.push("noop");
        action = Some(Action::Noop);
    }
    if let Some(duration) = raw.sleep {
        kinds.push("sleep");
        action = Some(Action::Sleep(duration.0));
    }
    if let Some(fail) = raw.fail {
        kinds.push("fail");
        action = Some(match fail {
            FailSpec::Message(message) => Action::Fail {
                message,
                fatal: false,
            },
            FailSpec::Detailed { message, fatal } => Action::Fail { message, fatal },
        });
    }
    if kinds.len() > 1 {
        return Err(format!(
            "a step has one kind, this one has {}",
            kinds.join(" and ")
        ));
    }
    let Some(action) = action else {
        return Err("a step needs a kind: exec, shell, noop, sleep or fail".into());
    };
    if !is_exec && (!raw.env.is_empty() || raw.cwd.is_some() || !raw.exit_codes.is_empty()) {
        return Err("`env`, `cwd` and `exit_codes` apply only to exec and shell steps".into());
    }
    Ok(Step {
        name: raw.name.unwrap_or_else(|| action.kind().to_string()),
        timeout: raw.timeout.map(|timeout| timeout.0),
        action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponential_backoff_is_capped_and_jittered_below_the_cap() {
        let policy = RetryPolicy {
            jitter: Jitter::None,
            ..RetryPolicy::default()
        };
        assert_eq!(policy.delay(1), Duration::from_secs(1));
        assert_eq!(policy.delay(4), Duration::from_secs(8));
        assert_eq!(policy.delay(40), Duration::from_secs(300));
        let jittered = RetryPolicy::default();
        for attempt in 1..10 {
            assert!(jittered.delay(attempt) <= policy.delay(attempt));
        }
    }
}
