//! A pipeline's parsed form as data: what `fleetq pipeline show` draws and prints as JSON.

use super::spec::{Action, ExitAction, HttpBody, Lookahead, Pipeline, Step};
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
    pub resume: bool,
    pub rate: Option<String>,
    pub max_inflight: Option<u32>,
    pub lookahead: Lookahead,
    pub steps: Vec<StepOutline>,
    pub on_failure: Vec<StepOutline>,
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
    /// The `route:` case this step runs for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// Tries in place (`retry.max_attempts`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tries: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Header names only: their values may carry secrets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_parallel: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_fast: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepOutline>,
}

impl StepOutline {
    /// What a person reads after the step's name and kind: the command, the message, the
    /// latency, and the timeout.
    pub fn detail(&self) -> String {
        let mut parts = Vec::new();
        if let Some(argv) = &self.argv {
            parts.push(argv.join(" "));
        }
        if let (Some(method), Some(url)) = (&self.method, &self.url) {
            parts.push(format!("{method} {url}"));
        }
        if let Some(queue) = &self.queue {
            parts.push(format!("→ {queue}"));
        }
        if let Some(on) = &self.on {
            parts.push(format!("on {on}"));
        }
        if let Some(items) = &self.items {
            parts.push(format!(
                "each of {items}, {} at a time",
                self.max_parallel.unwrap_or(1)
            ));
        }
        if self.fail_fast == Some(false) {
            parts.push("all finish".to_string());
        }
        if !self.needs.is_empty() {
            parts.push(format!("needs {}", self.needs.join(", ")));
        }
        if let Some(tries) = self.tries {
            parts.push(format!("{tries} tries"));
        }
        if let Some(rate) = &self.rate {
            parts.push(format!("rate {rate}"));
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

fn step_outline(step: &Step) -> StepOutline {
    let mut outline = StepOutline {
        name: step.name.clone(),
        kind: step.action.kind(),
        case: None,
        needs: step.needs.clone(),
        tries: step.retry.as_ref().map(|retry| retry.max_attempts),
        rate: step.rate.map(|rate| rate.describe()),
        method: None,
        url: None,
        headers: Vec::new(),
        body: None,
        queue: None,
        priority: None,
        on: None,
        items: None,
        max_parallel: None,
        fail_fast: None,
        steps: Vec::new(),
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
        Action::Http(spec) => {
            outline.method = Some(spec.method.clone());
            outline.url = Some(spec.url.clone());
            outline.headers = spec.headers.keys().cloned().collect();
            outline.body = match spec.body {
                HttpBody::None => None,
                HttpBody::Json(_) => Some("json"),
                HttpBody::Text(_) => Some("text"),
            };
            outline.output = Some(spec.output);
        }
        Action::Enqueue(spec) => {
            outline.queue = Some(spec.queue.clone());
            outline.priority = spec.priority;
            outline.duration_ms = spec.delay.map(millis);
        }
        Action::Sequence(steps) => outline.steps = steps.iter().map(step_outline).collect(),
        Action::Parallel { steps, fail_fast } => {
            outline.steps = steps.iter().map(step_outline).collect();
            outline.fail_fast = Some(*fail_fast);
        }
        Action::Route { on, cases, default } => {
            outline.on = Some(on.clone());
            outline.steps = cases
                .iter()
                .map(|case| (Some(case.value.clone()), &case.step))
                .chain(
                    default
                        .iter()
                        .map(|step| (Some("default".to_string()), &**step)),
                )
                .map(|(case, child)| StepOutline {
                    case,
                    ..step_outline(child)
                })
                .collect();
        }
        Action::Foreach {
            items,
            max_parallel,
            body,
        } => {
            outline.items = Some(items.clone());
            outline.max_parallel = Some(*max_parallel);
            outline.steps = vec![step_outline(body)];
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
        resume: pipeline.resume,
        rate: pipeline.rate.map(|rate| rate.describe()),
        max_inflight: pipeline.max_inflight,
        lookahead: pipeline.lookahead,
        steps: pipeline.steps.iter().map(step_outline).collect(),
        on_failure: pipeline.on_failure.iter().map(step_outline).collect(),
    }
}
