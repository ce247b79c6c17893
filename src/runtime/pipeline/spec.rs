//! The pipeline file format: what a worker runs for each job, validated while it is parsed so
//! every error carries the file, line and column.

use super::template;
use crate::runtime::duration::HumanDuration;
use rand::Rng;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
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
    /// Environment variables templates may read as `env.NAME`; no other is visible.
    pub env_allow: Vec<String>,
    /// Whether any step has a template or a `when:`, so a pipeline without them never builds
    /// a template context.
    pub templated: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    pipeline: String,
    queue: QueueName,
    #[serde(default, deserialize_with = "optional_at_least_one")]
    concurrency: Option<usize>,
    lease: Option<Lease>,
    timeout: Option<HumanDuration>,
    #[serde(default)]
    retry: RetryPolicy,
    steps: Steps,
    #[serde(default)]
    env_allow: Vec<String>,
}

impl TryFrom<RawPipeline> for Pipeline {
    type Error = String;

    fn try_from(raw: RawPipeline) -> Result<Self, String> {
        Ok(Pipeline {
            name: raw.pipeline,
            queue: raw.queue.0,
            concurrency: raw.concurrency,
            lease: raw.lease.map_or(Duration::from_secs(30), |lease| lease.0),
            timeout: raw.timeout.map(|timeout| timeout.0),
            retry: raw.retry,
            templated: raw.steps.0.iter().any(Step::templated),
            steps: raw.steps.0,
            env_allow: raw.env_allow,
        })
    }
}

// Every check runs inside a serde visitor: yaml_serde gives an error raised there the position
// of the value being read, so each message points at its own line and column.

thread_local! {
    /// Step names seen in each list being parsed (lists nest once composition lands).
    static STEP_NAMES: RefCell<Vec<HashSet<String>>> = const { RefCell::new(Vec::new()) };
}

/// A queue name, checked where it is written.
#[derive(Debug)]
struct QueueName(String);

impl<'de> Deserialize<'de> for QueueName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = QueueName;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a queue name")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<QueueName, E> {
                crate::runtime::validate_queue_name(text)
                    .map_err(|error| E::custom(error.message))?;
                Ok(QueueName(text.to_string()))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

/// A lease, long enough for heartbeats (three per lease) to keep it.
#[derive(Debug)]
struct Lease(Duration);

impl<'de> Deserialize<'de> for Lease {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::runtime::duration::deserialize_checked(deserializer, |lease| {
            if lease < Duration::from_millis(300) {
                return Err("`lease` must be at least 300ms so heartbeats can keep it".into());
            }
            Ok(())
        })
        .map(Lease)
    }
}

/// A count that must be at least 1 (`concurrency`, `retry.max_attempts`).
fn at_least_one<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct Count<T>(std::marker::PhantomData<T>);
    impl<T: TryFrom<u64>> Visitor<'_> for Count<T> {
        type Value = T;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a whole number of at least 1")
        }
        fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<T, E> {
            if number == 0 {
                return Err(E::custom("must be at least 1"));
            }
            T::try_from(number).map_err(|_| E::custom("is too large"))
        }
        fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<T, E> {
            self.visit_u64(u64::try_from(number).unwrap_or(0))
        }
    }
    deserializer.deserialize_u64(Count(std::marker::PhantomData))
}

fn optional_at_least_one<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<usize>, D::Error> {
    at_least_one(deserializer).map(Some)
}

/// A list of steps: not empty, names unique within it.
#[derive(Debug)]
struct Steps(Vec<Step>);

impl<'de> Deserialize<'de> for Steps {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Steps;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a list of steps")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Steps, A::Error> {
                STEP_NAMES.with(|names| names.borrow_mut().push(HashSet::new()));
                let mut steps = Vec::new();
                let result = loop {
                    match items.next_element::<Step>() {
                        Ok(Some(step)) => steps.push(step),
                        Ok(None) => break Ok(()),
                        Err(error) => break Err(error),
                    }
                };
                STEP_NAMES.with(|names| names.borrow_mut().pop());
                result?;
                if steps.is_empty() {
                    return Err(A::Error::custom(
                        "`steps` is empty: a pipeline needs at least one step",
                    ));
                }
                Ok(Steps(steps))
            }
        }
        deserializer.deserialize_seq(List)
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
    #[serde(deserialize_with = "at_least_one")]
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

/// What an exec step reads on stdin.
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

/// What an exec step's stdout becomes.
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

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Exec(ExecSpec),
    Noop,
    Sleep(Duration),
    Fail { message: String, fatal: bool },
    Log { message: String, level: LogLevel },
    Chaos(ChaosSpec),
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Exec(_) => "exec",
            Action::Noop => "noop",
            Action::Sleep(_) => "sleep",
            Action::Fail { .. } => "fail",
            Action::Log { .. } => "log",
            Action::Chaos(_) => "chaos",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    pub timeout: Option<Duration>,
    /// A condition (a template expression); the step is skipped when it does not hold.
    pub when: Option<String>,
    pub action: Action,
}

impl Step {
    fn templated(&self) -> bool {
        self.when.is_some()
            || match &self.action {
                Action::Exec(spec) => spec.argv.iter().any(|part| template::is_template(part)),
                Action::Log { message, .. } => template::is_template(message),
                _ => false,
            }
    }
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

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum LogSpec {
    Message(String),
    Detailed {
        message: String,
        #[serde(default)]
        level: LogLevel,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChaos {
    /// `50ms`, or a range `10ms..200ms`.
    #[serde(default)]
    latency: Option<String>,
    #[serde(default)]
    failure_rate: f64,
    #[serde(default)]
    fatal: bool,
}

impl RawChaos {
    fn check(self) -> Result<ChaosSpec, String> {
        let parse = |text: &str| {
            crate::runtime::duration::parse_duration(text.trim())
                .map_err(|error| format!("`chaos.latency`: {error}"))
        };
        let (min, max) = match self.latency.as_deref() {
            None => (Duration::ZERO, Duration::ZERO),
            Some(text) => match text.split_once("..") {
                Some((low, high)) => (parse(low)?, parse(high)?),
                None => {
                    let exact = parse(text)?;
                    (exact, exact)
                }
            },
        };
        if min > max {
            return Err("`chaos.latency`: the range's low end is above its high end".into());
        }
        if !(0.0..=1.0).contains(&self.failure_rate) {
            return Err("`chaos.failure_rate` must be between 0 and 1".into());
        }
        Ok(ChaosSpec {
            min,
            max,
            failure_rate: self.failure_rate,
            fatal: self.fatal,
        })
    }
}

/// The step as written; `Step::deserialize` checks that exactly one kind is given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: Option<String>,
    timeout: Option<HumanDuration>,
    when: Option<String>,
    exec: Option<Vec<String>>,
    shell: Option<String>,
    noop: Option<serde_yaml::Value>,
    sleep: Option<HumanDuration>,
    fail: Option<FailSpec>,
    log: Option<LogSpec>,
    chaos: Option<RawChaos>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    cwd: Option<PathBuf>,
    #[serde(default)]
    exit_codes: BTreeMap<i32, ExitAction>,
    #[serde(default)]
    retry_on: Vec<i32>,
    #[serde(default)]
    fatal_on: Vec<i32>,
    stdin: Option<StdinMode>,
    output: Option<OutputMode>,
}

impl RawStep {
    fn execs(&self) -> bool {
        self.exec.is_some() || self.shell.is_some()
    }

    /// An exec step's settings: `retry_on` and `fatal_on` fold into the exit-code map, and a
    /// code may mean only one thing.
    fn exec_spec(&self, argv: Vec<String>) -> Result<ExecSpec, String> {
        let mut exit_codes = self.exit_codes.clone();
        for (codes, action) in [
            (&self.retry_on, ExitAction::Retry),
            (&self.fatal_on, ExitAction::Fatal),
        ] {
            for code in codes {
                if let Some(earlier) = exit_codes.insert(*code, action)
                    && earlier != action
                {
                    return Err(format!(
                        "exit code {code} is given two meanings (in `exit_codes`, `retry_on` or `fatal_on`)"
                    ));
                }
            }
        }
        Ok(ExecSpec {
            argv,
            env: self.env.clone(),
            cwd: self.cwd.clone(),
            exit_codes,
            otherwise: if self.retry_on.is_empty() {
                ExitAction::Retry
            } else {
                ExitAction::Fatal
            },
            stdin: self.stdin.unwrap_or_default(),
            output: self.output.unwrap_or_default(),
        })
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct One;
        impl<'de> Visitor<'de> for One {
            type Value = Step;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a step: a mapping with a name and one kind")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Step, A::Error> {
                let raw = RawStep::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                let step = step_from_raw(raw).map_err(A::Error::custom)?;
                check_step(&step).map_err(A::Error::custom)?;
                Ok(step)
            }
        }
        deserializer.deserialize_map(One)
    }
}

/// A step's name is unique in its list, and its program can be started from here: a typo or
/// a missing install is caught when the worker starts, not by dead-lettering the backlog.
fn check_step(step: &Step) -> Result<(), String> {
    let fresh = STEP_NAMES.with(|names| {
        names
            .borrow_mut()
            .last_mut()
            .is_none_or(|seen| seen.insert(step.name.clone()))
    });
    if !fresh {
        return Err(format!(
            "two steps are named `{}`; step names must be unique because outputs are keyed by them",
            step.name
        ));
    }
    // a program named by a template is only known per job
    if let Action::Exec(spec) = &step.action
        && !template::is_template(&spec.argv[0])
    {
        resolve_program(spec).map_err(|error| format!("step `{}`: {error}", step.name))?;
    }
    Ok(())
}

/// Finds the program an exec step names, as the step would: a path with a `/` relative to
/// the step's `cwd`, else a search of the step's PATH.
pub fn resolve_program(spec: &ExecSpec) -> Result<PathBuf, String> {
    let program = &spec.argv[0];
    let executable = |path: &Path| {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        let path = match &spec.cwd {
            Some(directory) if Path::new(program).is_relative() => directory.join(program),
            _ => PathBuf::from(program),
        };
        return if executable(&path) {
            Ok(path)
        } else {
            Err(format!(
                "program `{program}` does not exist or is not executable"
            ))
        };
    }
    let search = spec
        .env
        .get("PATH")
        .cloned()
        .or_else(|| std::env::var("PATH").ok())
        .unwrap_or_default();
    std::env::split_paths(&search)
        .map(|directory| directory.join(program))
        .find(|candidate| executable(candidate))
        .ok_or_else(|| {
            format!("program `{program}` is not on PATH (install it, or write its full path)")
        })
}

fn step_from_raw(raw: RawStep) -> Result<Step, String> {
    let mut kinds = Vec::new();
    let mut action = None;
    let is_exec = raw.execs();
    if let Some(argv) = raw.exec.clone() {
        kinds.push("exec");
        if argv.is_empty() || argv[0].is_empty() {
            return Err("`exec` needs a program: exec: [program, arg, ...]".into());
        }
        action = Some(Action::Exec(raw.exec_spec(argv)?));
    }
    if let Some(script) = raw.shell.clone() {
        kinds.push("shell");
        if template::is_template(&script) {
            return Err("templates are not rendered in `shell:` scripts, so nothing is ever interpolated into a shell; pass values as `exec:` arguments, or read the job context on stdin".into());
        }
        let argv = vec!["/bin/sh".into(), "-c".into(), script];
        action = Some(Action::Exec(raw.exec_spec(argv)?));
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
    if let Some(log) = raw.log {
        kinds.push("log");
        action = Some(match log {
            LogSpec::Message(message) => Action::Log {
                message,
                level: LogLevel::Info,
            },
            LogSpec::Detailed { message, level } => Action::Log { message, level },
        });
    }
    if let Some(chaos) = raw.chaos {
        kinds.push("chaos");
        action = Some(Action::Chaos(chaos.check()?));
    }
    if kinds.len() > 1 {
        return Err(format!(
            "a step has one kind, this one has {}",
            kinds.join(" and ")
        ));
    }
    let Some(action) = action else {
        return Err("a step needs a kind: exec, shell, noop, sleep, fail, log or chaos".into());
    };
    let exec_only = !raw.env.is_empty()
        || raw.cwd.is_some()
        || !raw.exit_codes.is_empty()
        || !raw.retry_on.is_empty()
        || !raw.fatal_on.is_empty()
        || raw.stdin.is_some()
        || raw.output.is_some();
    if !is_exec && exec_only {
        return Err(
            "`env`, `cwd`, `exit_codes`, `retry_on`, `fatal_on`, `stdin` and `output` apply only to exec and shell steps"
                .into(),
        );
    }
    match &action {
        Action::Exec(spec) => {
            for (index, part) in spec.argv.iter().enumerate() {
                template::check(part).map_err(|error| format!("`exec[{index}]`: {error}"))?;
            }
        }
        Action::Log { message, .. } => {
            template::check(message).map_err(|error| format!("`log`: {error}"))?;
        }
        _ => {}
    }
    if let Some(condition) = &raw.when {
        template::check_condition(condition).map_err(|error| format!("`when`: {error}"))?;
    }
    Ok(Step {
        name: raw.name.unwrap_or_else(|| action.kind().to_string()),
        timeout: raw.timeout.map(|timeout| timeout.0),
        when: raw.when,
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
