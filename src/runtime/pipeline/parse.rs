//! Reading a pipeline file: the YAML as written, turned into `spec` types with every check made
//! inside a serde visitor, so each error carries the file, line and column of its own value.

use super::spec::{
    Action, Case, ChaosSpec, EnqueueSpec, ExecSpec, ExitAction, HttpBody, HttpSpec, LogLevel,
    OutputMode, Pipeline, RetryPolicy, StdinMode, Step,
};
use super::template;
use crate::runtime::duration::HumanDuration;
use crate::runtime::rate::Rate;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

thread_local! {
    /// Every step name of the pipeline being parsed: names are unique across the whole file,
    /// because outputs and templates (`steps.<name>.output`) address steps by name alone.
    static STEP_NAMES: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Forgets the names of the last pipeline parsed on this thread.
pub fn reset() {
    STEP_NAMES.with(|names| names.borrow_mut().clear());
}

/// Claims a step name. A name written out must be free; a default one (the kind, or a case's
/// value) takes the next free `-2`, `-3`… so unnamed steps never clash.
fn claim(name: &str, written: bool) -> Result<String, String> {
    STEP_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if names.insert(name.to_string()) {
            return Ok(name.to_string());
        }
        if written {
            return Err(format!(
                "two steps are named `{name}`; step names must be unique in a pipeline because outputs are keyed by them"
            ));
        }
        let free = (2..)
            .map(|suffix| format!("{name}-{suffix}"))
            .find(|candidate| !names.contains(candidate))
            .expect("some suffix is free");
        names.insert(free.clone());
        Ok(free)
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPipeline {
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
    on_failure: Option<Steps>,
    #[serde(default)]
    env_allow: Vec<String>,
    #[serde(default = "yes")]
    resume: bool,
    rate: Option<Rate>,
    #[serde(default, deserialize_with = "optional_at_least_one")]
    max_inflight: Option<usize>,
}

fn yes() -> bool {
    true
}

impl TryFrom<RawPipeline> for Pipeline {
    type Error = String;

    fn try_from(raw: RawPipeline) -> Result<Self, String> {
        let mut pipeline = Pipeline {
            name: raw.pipeline,
            queue: raw.queue.0,
            concurrency: raw.concurrency,
            lease: raw.lease.map_or(Duration::from_secs(30), |lease| lease.0),
            timeout: raw.timeout.map(|timeout| timeout.0),
            retry: raw.retry,
            steps: raw.steps.0,
            on_failure: raw.on_failure.map(|steps| steps.0).unwrap_or_default(),
            env_allow: raw.env_allow,
            templated: false,
            resume: raw.resume,
            rate: raw.rate,
            max_inflight: raw.max_inflight.map(|count| count as u32),
        };
        pipeline.templated = pipeline.all_steps().iter().any(|step| step.templated());
        Ok(pipeline)
    }
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

/// A count that must be at least 1 (`concurrency`, `retry.max_attempts`, `max_parallel`).
pub fn at_least_one<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
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

/// A list of steps: not empty, and its `needs:` form a graph with no unknown name and no cycle.
#[derive(Debug)]
struct Steps(Vec<Step>);

impl<'de> Deserialize<'de> for Steps {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(StepsVisitor)
    }
}

struct StepsVisitor;

impl<'de> Visitor<'de> for StepsVisitor {
    type Value = Steps;
    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a list of steps")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Steps, A::Error> {
        let mut steps = Vec::new();
        while let Some(step) = items.next_element::<Step>()? {
            steps.push(step);
        }
        if steps.is_empty() {
            return Err(A::Error::custom(
                "`steps` is empty: a list of steps needs at least one step",
            ));
        }
        check_graph(&steps).map_err(A::Error::custom)?;
        Ok(Steps(steps))
    }
}

/// `needs:` may name only steps of the same list, and may not loop.
fn check_graph(steps: &[Step]) -> Result<(), String> {
    let names: HashSet<&str> = steps.iter().map(|step| step.name.as_str()).collect();
    for step in steps {
        for need in &step.needs {
            if need == &step.name {
                return Err(format!("step `{}` needs itself", step.name));
            }
            if !names.contains(need.as_str()) {
                return Err(format!(
                    "step `{}` needs `{need}`, which is not a step of the same list",
                    step.name
                ));
            }
        }
    }
    // Kahn: whatever never becomes free sits on a cycle
    let mut done: HashSet<&str> = HashSet::new();
    loop {
        let free: Vec<&str> = steps
            .iter()
            .filter(|step| !done.contains(step.name.as_str()))
            .filter(|step| step.needs.iter().all(|need| done.contains(need.as_str())))
            .map(|step| step.name.as_str())
            .collect();
        if free.is_empty() {
            break;
        }
        done.extend(free);
    }
    let stuck: Vec<String> = steps
        .iter()
        .filter(|step| !done.contains(step.name.as_str()))
        .map(|step| format!("`{}`", step.name))
        .collect();
    if stuck.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "`needs` forms a cycle among steps {}",
            stuck.join(", ")
        ))
    }
}

/// One step written as a mapping, or a list written in its place (run in order).
struct StepOrList(Step);

impl<'de> Deserialize<'de> for StepOrList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = StepOrList;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a step, or a list of steps")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StepOrList, A::Error> {
                Step::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(StepOrList)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<StepOrList, A::Error> {
                let steps = StepsVisitor.visit_seq(items)?;
                let name = claim("steps", false).map_err(A::Error::custom)?;
                Ok(StepOrList(plain_step(name, Action::Sequence(steps.0))))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

fn plain_step(name: String, action: Action) -> Step {
    Step {
        name,
        timeout: None,
        when: None,
        retry: None,
        needs: Vec::new(),
        rate: None,
        action,
    }
}

/// `parallel:` as a bare list, or `{ steps: [...], fail_fast: false }`.
struct RawParallel {
    steps: Vec<Step>,
    fail_fast: bool,
}

impl<'de> Deserialize<'de> for RawParallel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Detailed {
            steps: Steps,
            #[serde(default = "yes")]
            fail_fast: bool,
        }
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = RawParallel;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a list of steps, or a mapping with `steps` and `fail_fast`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<RawParallel, A::Error> {
                Ok(RawParallel {
                    steps: StepsVisitor.visit_seq(items)?.0,
                    fail_fast: true,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawParallel, A::Error> {
                let detailed =
                    Detailed::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawParallel {
                    steps: detailed.steps.0,
                    fail_fast: detailed.fail_fast,
                })
            }
        }
        deserializer.deserialize_any(Either)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute {
    on: String,
    cases: Cases,
    default: Option<StepOrList>,
}

/// `cases:`: each value of `on:` and what runs for it.
struct Cases(Vec<Case>);

impl<'de> Deserialize<'de> for Cases {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Map;
        impl<'de> Visitor<'de> for Map {
            type Value = Cases;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a mapping from each value of `on` to a step")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cases, A::Error> {
                let mut cases = Vec::new();
                while let Some(key) = map.next_key::<serde_yaml::Value>()? {
                    let value = match key {
                        serde_yaml::Value::String(text) => text,
                        serde_yaml::Value::Number(number) => number.to_string(),
                        serde_yaml::Value::Bool(flag) => flag.to_string(),
                        _ => return Err(A::Error::custom("a case is a plain value")),
                    };
                    let step = map.next_value::<StepOrList>()?.0;
                    cases.push(Case { value, step });
                }
                if cases.is_empty() {
                    return Err(A::Error::custom("`cases` is empty"));
                }
                Ok(Cases(cases))
            }
        }
        deserializer.deserialize_map(Map)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForeach {
    /// An expression for an array: `data.rows`, or `{{ data.rows }}`.
    items: String,
    #[serde(default = "one", deserialize_with = "at_least_one")]
    max_parallel: usize,
    #[serde(rename = "do")]
    body: StepOrList,
}

fn one() -> usize {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHttp {
    #[serde(default = "get")]
    method: String,
    url: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    json: Option<serde_json::Value>,
    body: Option<String>,
    timeout: Option<HumanDuration>,
    #[serde(default)]
    output: OutputMode,
}

fn get() -> String {
    "GET".to_string()
}

impl RawHttp {
    fn check(self) -> Result<HttpSpec, String> {
        let method = self.method.to_uppercase();
        if !["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(&method.as_str())
        {
            return Err(format!(
                "`http.method` `{}` is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
                self.method
            ));
        }
        if template::is_template(&self.url) {
            template::check(&self.url).map_err(|error| format!("`http.url`: {error}"))?;
        } else {
            let url = url::Url::parse(&self.url)
                .map_err(|error| format!("`http.url` is not a URL: {error}"))?;
            if !["http", "https"].contains(&url.scheme()) {
                return Err("`http.url` must be http:// or https://".into());
            }
        }
        for (name, value) in &self.headers {
            template::check(value).map_err(|error| format!("`http.headers.{name}`: {error}"))?;
        }
        let body = match (self.json, self.body) {
            (Some(_), Some(_)) => {
                return Err("an http step sends `json:` or `body:`, not both".into());
            }
            (Some(json), None) => {
                template::check_value(&json).map_err(|error| format!("`http.json`: {error}"))?;
                HttpBody::Json(json)
            }
            (None, Some(text)) => {
                template::check(&text).map_err(|error| format!("`http.body`: {error}"))?;
                HttpBody::Text(text)
            }
            (None, None) => HttpBody::None,
        };
        Ok(HttpSpec {
            method,
            url: self.url,
            headers: self.headers,
            body,
            timeout: self
                .timeout
                .map_or(Duration::from_secs(30), |limit| limit.0),
            output: self.output,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnqueue {
    queue: QueueName,
    data: Option<serde_json::Value>,
    priority: Option<u8>,
    delay: Option<HumanDuration>,
    unique_key: Option<String>,
}

impl RawEnqueue {
    fn check(self) -> Result<EnqueueSpec, String> {
        if let Some(priority) = self.priority
            && priority > crate::runtime::job::LOWEST_PRIORITY
        {
            return Err(format!(
                "`enqueue.priority` is 0 (highest) to {}",
                crate::runtime::job::LOWEST_PRIORITY
            ));
        }
        // by default the new job carries this job's data on
        let data = self
            .data
            .unwrap_or_else(|| serde_json::Value::String("{{ data }}".into()));
        template::check_value(&data).map_err(|error| format!("`enqueue.data`: {error}"))?;
        if let Some(key) = &self.unique_key {
            template::check(key).map_err(|error| format!("`enqueue.unique_key`: {error}"))?;
        }
        Ok(EnqueueSpec {
            queue: self.queue.0,
            data,
            priority: self.priority,
            delay: self.delay.map(|delay| delay.0),
            unique_key: self.unique_key,
        })
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
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: Option<String>,
    timeout: Option<HumanDuration>,
    when: Option<String>,
    retry: Option<RetryPolicy>,
    #[serde(default)]
    needs: Vec<String>,
    rate: Option<Rate>,
    exec: Option<Vec<String>>,
    shell: Option<String>,
    http: Option<RawHttp>,
    enqueue: Option<RawEnqueue>,
    noop: Option<serde_yaml::Value>,
    sleep: Option<HumanDuration>,
    fail: Option<FailSpec>,
    log: Option<LogSpec>,
    chaos: Option<RawChaos>,
    steps: Option<Steps>,
    parallel: Option<RawParallel>,
    route: Option<RawRoute>,
    foreach: Option<RawForeach>,
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
    persistent: Option<bool>,
}

impl RawStep {
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
        for (index, part) in argv.iter().enumerate() {
            template::check(part).map_err(|error| format!("`exec[{index}]`: {error}"))?;
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
            persistent: self.persistent.unwrap_or(false),
        })
    }

    fn exec_only_fields(&self) -> bool {
        !self.env.is_empty()
            || self.cwd.is_some()
            || !self.exit_codes.is_empty()
            || !self.retry_on.is_empty()
            || !self.fatal_on.is_empty()
            || self.stdin.is_some()
            || self.persistent.is_some()
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
                step_from_raw(raw).map_err(A::Error::custom)
            }
        }
        deserializer.deserialize_map(One)
    }
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

const KINDS: &str =
    "exec, shell, http, enqueue, noop, sleep, fail, log, chaos, steps, parallel, route or foreach";

fn step_from_raw(mut raw: RawStep) -> Result<Step, String> {
    let mut kinds = Vec::new();
    let mut action = None;
    let exec_only = raw.exec_only_fields();
    let output_field = raw.output.is_some();
    let mut found = |kind: &'static str, made: Action| {
        kinds.push(kind);
        action = Some(made);
    };
    if let Some(argv) = raw.exec.take() {
        if argv.is_empty() || argv[0].is_empty() {
            return Err("`exec` needs a program: exec: [program, arg, ...]".into());
        }
        found("exec", Action::Exec(raw.exec_spec(argv)?));
    }
    if let Some(script) = raw.shell.take() {
        if template::is_template(&script) {
            return Err("templates are not rendered in `shell:` scripts, so nothing is ever interpolated into a shell; pass values as `exec:` arguments, or read the job context on stdin".into());
        }
        let argv = vec!["/bin/sh".into(), "-c".into(), script];
        found("shell", Action::Exec(raw.exec_spec(argv)?));
    }
    if let Some(http) = raw.http.take() {
        let mut spec = http.check()?;
        if let Some(output) = raw.output {
            spec.output = output;
        }
        found("http", Action::Http(spec));
    }
    if let Some(enqueue) = raw.enqueue.take() {
        found("enqueue", Action::Enqueue(enqueue.check()?));
    }
    if raw.noop.is_some() {
        found("noop", Action::Noop);
    }
    if let Some(duration) = raw.sleep {
        found("sleep", Action::Sleep(duration.0));
    }
    if let Some(fail) = raw.fail.take() {
        found(
            "fail",
            match fail {
                FailSpec::Message(message) => Action::Fail {
                    message,
                    fatal: false,
                },
                FailSpec::Detailed { message, fatal } => Action::Fail { message, fatal },
            },
        );
    }
    if let Some(log) = raw.log.take() {
        let (message, level) = match log {
            LogSpec::Message(message) => (message, LogLevel::Info),
            LogSpec::Detailed { message, level } => (message, level),
        };
        template::check(&message).map_err(|error| format!("`log`: {error}"))?;
        found("log", Action::Log { message, level });
    }
    if let Some(chaos) = raw.chaos.take() {
        found("chaos", Action::Chaos(chaos.check()?));
    }
    if let Some(steps) = raw.steps.take() {
        found("steps", Action::Sequence(steps.0));
    }
    if let Some(parallel) = raw.parallel.take() {
        found(
            "parallel",
            Action::Parallel {
                steps: parallel.steps,
                fail_fast: parallel.fail_fast,
            },
        );
    }
    if let Some(route) = raw.route.take() {
        template::check(&route.on).map_err(|error| format!("`route.on`: {error}"))?;
        found(
            "route",
            Action::Route {
                on: route.on,
                cases: route.cases.0,
                default: route.default.map(|step| Box::new(step.0)),
            },
        );
    }
    if let Some(foreach) = raw.foreach.take() {
        let items = template::expression_of(&foreach.items)
            .unwrap_or(&foreach.items)
            .to_string();
        template::check_condition(&items).map_err(|error| format!("`foreach.items`: {error}"))?;
        found(
            "foreach",
            Action::Foreach {
                items,
                max_parallel: foreach.max_parallel,
                body: Box::new(foreach.body.0),
            },
        );
    }
    if kinds.len() > 1 {
        return Err(format!(
            "a step has one kind, this one has {}",
            kinds.join(" and ")
        ));
    }
    let Some(action) = action else {
        return Err(format!("a step needs a kind: {KINDS}"));
    };
    let execs = matches!(action, Action::Exec(_));
    if !execs && exec_only {
        return Err(
            "`env`, `cwd`, `exit_codes`, `retry_on`, `fatal_on`, `stdin` and `persistent` apply only to exec and shell steps"
                .into(),
        );
    }
    if output_field && !execs && !matches!(action, Action::Http(_)) {
        return Err("`output` applies only to exec, shell and http steps".into());
    }
    if let Some(condition) = &raw.when {
        template::check_condition(condition).map_err(|error| format!("`when`: {error}"))?;
    }
    let written = raw.name.is_some();
    let name = claim(
        raw.name.as_deref().unwrap_or_else(|| action.kind()),
        written,
    )?;
    // a typo or a missing install is caught when the worker starts, not by dead-lettering
    // the backlog; a program named by a template is only known per job
    if let Action::Exec(spec) = &action
        && !template::is_template(&spec.argv[0])
    {
        resolve_program(spec).map_err(|error| format!("step `{name}`: {error}"))?;
    }
    Ok(Step {
        name,
        timeout: raw.timeout.map(|timeout| timeout.0),
        when: raw.when,
        retry: raw.retry,
        needs: raw.needs,
        rate: raw.rate,
        action,
    })
}
