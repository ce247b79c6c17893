//! Reading a pipeline file: the YAML as written, turned into `spec` types with every check made
//! inside a serde visitor, so each error carries the file, line and column of its own value.

mod kinds;
mod step;

pub use step::resolve_program;

use super::spec::{Action, Lookahead, Pipeline, RetryPolicy, Step};
use crate::runtime::duration::HumanDuration;
use crate::runtime::rate::Rate;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::HashSet;
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
pub(super) fn claim(name: &str, written: bool) -> Result<String, String> {
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
    #[serde(default)]
    lookahead: LookaheadSetting,
}

/// Most jobs a worker may hold ahead of its free slots.
const MAX_LOOKAHEAD: u32 = 256;

pub(super) fn yes() -> bool {
    true
}

impl TryFrom<RawPipeline> for Pipeline {
    type Error = String;

    fn try_from(raw: RawPipeline) -> Result<Self, String> {
        let lookahead = raw.lookahead.0;
        if matches!(lookahead, Lookahead::Fixed(count) if count > 0)
            && (raw.rate.is_some() || raw.max_inflight.is_some())
        {
            return Err("lookahead cannot go with rate or max_inflight: a job leased ahead starts later than the limit timed it, and counts as in flight while it waits".into());
        }
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
            needs_context: false,
            resume: raw.resume,
            rate: raw.rate,
            max_inflight: raw.max_inflight.map(|count| count as u32),
            lookahead,
        };
        pipeline.templated = pipeline.all_steps().iter().any(|step| step.templated());
        pipeline.needs_context = pipeline.templated
            || pipeline
                .all_steps()
                .iter()
                .any(|step| matches!(step.action, Action::Exec(_)));
        Ok(pipeline)
    }
}

/// A queue name, checked where it is written.
#[derive(Debug)]
pub(super) struct QueueName(pub(super) String);

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

/// `lookahead:`: `auto` (the default) or a number of jobs from 0 (none) to 256.
#[derive(Debug)]
struct LookaheadSetting(Lookahead);

impl Default for LookaheadSetting {
    fn default() -> Self {
        LookaheadSetting(Lookahead::Auto)
    }
}

impl<'de> Deserialize<'de> for LookaheadSetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Setting;
        impl Visitor<'_> for Setting {
            type Value = LookaheadSetting;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(
                    formatter,
                    "`auto` or a number of jobs up to {MAX_LOOKAHEAD}"
                )
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<LookaheadSetting, E> {
                match text {
                    "auto" => Ok(LookaheadSetting(Lookahead::Auto)),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(text), &self)),
                }
            }
            fn visit_u64<E: serde::de::Error>(self, count: u64) -> Result<LookaheadSetting, E> {
                match u32::try_from(count) {
                    Ok(count) if count <= MAX_LOOKAHEAD => {
                        Ok(LookaheadSetting(Lookahead::Fixed(count)))
                    }
                    _ => Err(E::custom(format!(
                        "lookahead is at most {MAX_LOOKAHEAD}, not {count}"
                    ))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, count: i64) -> Result<LookaheadSetting, E> {
                match u64::try_from(count) {
                    Ok(count) => self.visit_u64(count),
                    Err(_) => Err(E::invalid_value(
                        serde::de::Unexpected::Signed(count),
                        &self,
                    )),
                }
            }
        }
        deserializer.deserialize_any(Setting)
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
pub(super) struct Steps(pub(super) Vec<Step>);

impl<'de> Deserialize<'de> for Steps {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(StepsVisitor)
    }
}

pub(super) struct StepsVisitor;

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
pub(super) struct StepOrList(pub(super) Step);

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
