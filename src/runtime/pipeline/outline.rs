//! A pipeline's parsed form as data: what `fleetq pipeline show` draws and prints as JSON.

use super::spec::{Action, ExitAction, Pipeline, Step};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct PipelineOutline {
    pub pipeline: String,
    pub queue: String,
    pub concurrency: Option<usize>,
    pub lease_ms: u64,
    pub timeout_ms: Option<u64>,
    pub retry: RetryOutline,
    pub env_allow: Vec<String>,
    pub steps: Vec<StepOutline>,
}

#[derive(Debug, Serialize)]
pub struct RetryOutline {
    pub max_attempts: u32,
    pub backoff: String,
    pub base_ms: u64,
    pub max_ms: u64,
    pub jitter: String,
}

/// One step: its name and kind, then only the fields its kind has.
#[derive(Debug, Serialize)]
pub struct StepOutline {
    pub name: String,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argv: Option<Vec<String>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cwd: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub exit_codes: BTreeMap<i32, String>,
    /// What other non-zero exit codes mean (exec steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_exit_codes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdin: Option<super::spec::StdinMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<super::spec::OutputMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<super::spec::LogLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<[u64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_rate: Option<f64>,
}

impl StepOutline {
    /// What a person reads after the step's name and kind: the command, the message, the
    /// latency, and the timeout.
    pub fn detail(&self) -> String {
        let mut parts = Vec::new();
        if let Some(argv) = &self.argv {
            parts.push(argv.join(" "));
        }
        if let Some(duration) = self.duration_ms {
            parts.push(human(duration));
        }
        if let Some(message) = &self.message {
            parts.push(format!("{message:?}"));
        }
        if let Some([low, high]) = self.latency_ms {
            parts.push(format!("latency {}..{}", human(low), human(high)));
        }
        if let Some(rate) = self.failure_rate {
            parts.push(format!("failure rate {rate}"));
        }
        if self.fatal == Some(true) {
            parts.push("fatal".to_string());
        }
        if let Some(timeout) = self.timeout_ms {
            parts.push(format!("timeout {}", human(timeout)));
        }
        if let Some(condition) = &self.when {
            parts.push(format!("when {condition}"));
        }
        parts.join("  ")
    }
}

/// Milliseconds as a person writes them in a pipeline (`30s`, `250ms`).
pub fn human(millis: u64) -> String {
    crate::runtime::duration::format_duration(std::time::Duration::from_millis(millis))
}

fn meaning(action: ExitAction) -> String {
    match action {
        ExitAction::Retry => "retry",
        ExitAction::Fatal => "fatal",
        ExitAction::Success => "success",
    }
    .to_string()
}

fn millis(duration: std::time::Duration) -> u64 {
    duration.as_millis() as u64
}

fn step(step: &Step) -> StepOutline {
    let mut outline = StepOutline {
        name: step.name.clone(),
        kind: step.action.kind(),
        timeout_ms: step.timeout.map(millis),
        when: step.when.clone(),
        argv: None,
        env: BTreeMap::new(),
        cwd: None,
        exit_codes: BTreeMap::new(),
        other_exit_codes: None,
        stdin: None,
        output: None,
        duration_ms: None,
        message: None,
        fatal: None,
        level: None,
        latency_ms: None,
        failure_rate: None,
    };
    match &step.action {
        Action::Exec(spec) => {
            outline.argv = Some(spec.argv.clone());
            outline.env = spec.env.clone();
            outline.cwd = spec.cwd.as_ref().map(|cwd| cwd.display().to_string());
            outline.exit_codes = spec
                .exit_codes
                .iter()
                .map(|(code, action)| (*code, meaning(*action)))
                .collect();
            outline.other_exit_codes = Some(meaning(spec.otherwise));
            outline.stdin = Some(spec.stdin);
            outline.output = Some(spec.output);
        }
        Action::Noop => {}
        Action::Sleep(duration) => outline.duration_ms = Some(millis(*duration)),
        Action::Fail { message, fatal } => {
            outline.message = Some(message.clone());
            outline.fatal = Some(*fatal);
        }
        Action::Log { message, level } => {
            outline.message = Some(message.clone());
            outline.level = Some(*level);
        }
        Action::Chaos(chaos) => {
            outline.latency_ms = Some([millis(chaos.min), millis(chaos.max)]);
            outline.failure_rate = Some(chaos.failure_rate);
            outline.fatal = Some(chaos.fatal);
        }
    }
    outline
}

pub fn outline(pipeline: &Pipeline) -> PipelineOutline {
    let lowercase = |text: String| text.to_lowercase();
    PipelineOutline {
        pipeline: pipeline.name.clone(),
        queue: pipeline.queue.clone(),
        concurrency: pipeline.concurrency,
        lease_ms: millis(pipeline.lease),
        timeout_ms: pipeline.timeout.map(millis),
        retry: RetryOutline {
            max_attempts: pipeline.retry.max_attempts,
            backoff: lowercase(format!("{:?}", pipeline.retry.backoff)),
            base_ms: millis(pipeline.retry.base.0),
            max_ms: millis(pipeline.retry.max.0),
            jitter: lowercase(format!("{:?}", pipeline.retry.jitter)),
        },
        env_allow: pipeline.env_allow.clone(),
        steps: pipeline.steps.iter().map(step).collect(),
    }
}
