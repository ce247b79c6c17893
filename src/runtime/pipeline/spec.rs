//! The pipeline format as the engine runs it: steps, their kinds and the retry policy. The
//! YAML it is read from, and every check, live in `parse`.

use super::template;
use crate::runtime::duration::HumanDuration;
use crate::runtime::rate::Rate;
use rand::Rng;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// One pipeline: the queue it consumes and the steps each job runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "super::parse::RawPipeline")]
pub struct Pipeline {
    pub name: String,
    pub queue: String,
    pub concurrency: Option<usize>,
    pub lease: Duration,
    pub timeout: Option<Duration>,
    pub retry: RetryPolicy,
    pub steps: Vec<Step>,
    /// Steps run once when a job goes dead.
    pub on_failure: Vec<Step>,
    /// Environment variables templates may read as `env.NAME`; no other is visible.
    pub env_allow: Vec<String>,
    /// Whether any step has a template or a `when:`, so a pipeline without them never builds
    /// a template context.
    pub templated: bool,
    /// Whether a step reads the job's data or fields (templates, exec stdin), so a pipeline of
    /// builtins never parses them.
    pub needs_context: bool,
    /// Completed steps' outputs are kept with the job, so another attempt resumes after them.
    pub resume: bool,
    /// Jobs started per unit of time, across every worker of the queue.
    pub rate: Option<Rate>,
    /// Most jobs of the queue running at once, across every worker.
    pub max_inflight: Option<u32>,
    /// Jobs a worker may lease ahead of its free slots. They wait in the worker, shown as
    /// active, and start as slots free: the next lease's round trip overlaps the running jobs.
    pub lookahead: Lookahead,
}

/// How a worker leases ahead of its free slots (see `worker/lookahead.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Lookahead {
    /// The default: a few jobs, only while the pipeline's jobs are short, and a held job that
    /// waits too long goes back to the queue for any worker.
    #[serde(serialize_with = "auto_text")]
    Auto,
    /// Exactly this many (0: none), whatever the jobs' length, held until a slot frees.
    Fixed(u32),
}

fn auto_text<S: serde::Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("auto")
}

impl Pipeline {
    /// Every step, nested ones included, depth first.
    pub fn all_steps(&self) -> Vec<&Step> {
        let mut found = Vec::new();
        for step in self.steps.iter().chain(&self.on_failure) {
            step.walk(&mut |step| found.push(step));
        }
        found
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

/// When and how a failed job (or step) is tried again.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryPolicy {
    #[serde(deserialize_with = "super::parse::at_least_one")]
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

/// What an exec step reads on stdin (a coprocess: what each request line holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum StdinMode {
    /// `{"job", "data", "steps"}`.
    #[default]
    Context,
    /// The job's payload alone.
    Data,
    None,
}

/// What an exec step's stdout (or an http response body) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OutputMode {
    /// JSON when it parses, else the text.
    #[default]
    Auto,
    /// Must be JSON; anything else fails the step.
    Json,
    Text,
    /// Discarded as it is read.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExecSpec {
    /// argv, run without a shell; or `["/bin/sh", "-c", script]` when `shell:` was written.
    pub argv: Vec<String>,
    pub env: BTreeMap<String, String>,
    pub cwd: Option<PathBuf>,
    pub exit_codes: BTreeMap<i32, ExitAction>,
    /// What a non-zero code not in `exit_codes` means: retry, or fatal once `retry_on` lists
    /// the codes worth retrying.
    pub otherwise: ExitAction,
    pub stdin: StdinMode,
    pub output: OutputMode,
    /// One long-lived process per worker slot, answering one JSON line per job.
    pub persistent: bool,
}

/// A `chaos` step: waits a latency drawn uniformly from `min..=max`, then fails with
/// probability `failure_rate`, for drills and for testing how pipelines cope.
#[derive(Debug, Clone, PartialEq)]
pub struct ChaosSpec {
    pub min: Duration,
    pub max: Duration,
    pub failure_rate: f64,
    pub fatal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    #[default]
    Info,
    Warn,
}

/// What an http step sends.
#[derive(Debug, Clone, PartialEq)]
pub enum HttpBody {
    None,
    /// A JSON document; its strings are templates, and a string that is one `{{ expression }}`
    /// becomes the expression's value, not its text.
    Json(serde_json::Value),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpSpec {
    pub method: String,
    pub url: String,
    pub headers: BTreeMap<String, String>,
    pub body: HttpBody,
    /// Per request; a step `timeout` still bounds the whole step.
    pub timeout: Duration,
    pub output: OutputMode,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnqueueSpec {
    pub queue: String,
    /// Rendered like an http `json:` body.
    pub data: serde_json::Value,
    pub priority: Option<u8>,
    pub delay: Option<Duration>,
    pub unique_key: Option<String>,
}

/// One `route:` case: the value of `on:` it matches, and what runs.
#[derive(Debug, Clone)]
pub struct Case {
    pub value: String,
    pub step: Step,
}

#[derive(Debug, Clone)]
pub enum Action {
    Exec(ExecSpec),
    Http(HttpSpec),
    Enqueue(EnqueueSpec),
    Noop,
    Sleep(Duration),
    Fail {
        message: String,
        fatal: bool,
    },
    Log {
        message: String,
        level: LogLevel,
    },
    Chaos(ChaosSpec),
    /// `steps:` in order; a graph when any of them `needs:` another.
    Sequence(Vec<Step>),
    Parallel {
        steps: Vec<Step>,
        fail_fast: bool,
    },
    Route {
        on: String,
        cases: Vec<Case>,
        default: Option<Box<Step>>,
    },
    /// Runs `body` once per element of the array `items` evaluates to.
    Foreach {
        items: String,
        max_parallel: usize,
        body: Box<Step>,
    },
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Exec(spec) if spec.persistent => "coprocess",
            Action::Exec(_) => "exec",
            Action::Http(_) => "http",
            Action::Enqueue(_) => "enqueue",
            Action::Noop => "noop",
            Action::Sleep(_) => "sleep",
            Action::Fail { .. } => "fail",
            Action::Log { .. } => "log",
            Action::Chaos(_) => "chaos",
            Action::Sequence(_) => "steps",
            Action::Parallel { .. } => "parallel",
            Action::Route { .. } => "route",
            Action::Foreach { .. } => "foreach",
        }
    }

    /// The steps this one holds, in order.
    pub fn children(&self) -> Vec<&Step> {
        match self {
            Action::Sequence(steps) | Action::Parallel { steps, .. } => steps.iter().collect(),
            Action::Route { cases, default, .. } => cases
                .iter()
                .map(|case| &case.step)
                .chain(default.as_deref())
                .collect(),
            Action::Foreach { body, .. } => vec![body],
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    pub timeout: Option<Duration>,
    /// A condition (a template expression); the step is skipped when it does not hold.
    pub when: Option<String>,
    /// Tries in place before the failure reaches the job's retry policy.
    pub retry: Option<RetryPolicy>,
    /// Steps of the same list this one waits for.
    pub needs: Vec<String>,
    /// Starts of this step per unit of time, across the whole fleet.
    pub rate: Option<Rate>,
    pub action: Action,
}

impl Step {
    /// Visits this step and every step inside it, depth first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Step)) {
        visit(self);
        for child in self.action.children() {
            child.walk(visit);
        }
    }

    /// Whether running it needs a template context.
    pub fn templated(&self) -> bool {
        let json_templated = |value: &serde_json::Value| template::value_is_template(value);
        self.when.is_some()
            || match &self.action {
                Action::Exec(spec) => spec.argv.iter().any(|part| template::is_template(part)),
                Action::Log { message, .. } => template::is_template(message),
                Action::Http(spec) => {
                    template::is_template(&spec.url)
                        || spec
                            .headers
                            .values()
                            .any(|value| template::is_template(value))
                        || match &spec.body {
                            HttpBody::Json(value) => json_templated(value),
                            HttpBody::Text(text) => template::is_template(text),
                            HttpBody::None => false,
                        }
                }
                Action::Enqueue(spec) => {
                    json_templated(&spec.data)
                        || spec
                            .unique_key
                            .as_deref()
                            .is_some_and(template::is_template)
                }
                Action::Route { .. } | Action::Foreach { .. } => true,
                _ => false,
            }
    }
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
