//! The YAML of the step kinds and combinators that take more than a value: `parallel`,
//! `route`, `foreach`, `http`, `enqueue`, `fail`, `log` and `chaos`, each checked as it is read.

use super::{QueueName, StepOrList, Steps, StepsVisitor, at_least_one, yes};
use crate::runtime::duration::HumanDuration;
use crate::runtime::pipeline::spec::{
    Case, ChaosSpec, EnqueueSpec, HttpBody, HttpSpec, LogLevel, OutputMode, Step,
};
use crate::runtime::pipeline::template;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::time::Duration;

/// `parallel:` as a bare list, or `{ steps: [...], fail_fast: false }`.
pub(super) struct RawParallel {
    pub(super) steps: Vec<Step>,
    pub(super) fail_fast: bool,
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
pub(super) struct RawRoute {
    pub(super) on: String,
    pub(super) cases: Cases,
    pub(super) default: Option<StepOrList>,
}

/// `cases:`: each value of `on:` and what runs for it.
pub(super) struct Cases(pub(super) Vec<Case>);

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
pub(super) struct RawForeach {
    /// An expression for an array: `data.rows`, or `{{ data.rows }}`.
    pub(super) items: String,
    #[serde(default = "one", deserialize_with = "at_least_one")]
    pub(super) max_parallel: usize,
    #[serde(rename = "do")]
    pub(super) body: StepOrList,
}

fn one() -> usize {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHttp {
    #[serde(default = "get")]
    method: String,
    url: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    json: Option<serde_json::Value>,
    body: Option<String>,
    timeout: Option<HumanDuration>,
    #[serde(default)]
    pub(super) output: OutputMode,
}

fn get() -> String {
    "GET".to_string()
}

impl RawHttp {
    pub(super) fn check(self) -> Result<HttpSpec, String> {
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
pub(super) struct RawEnqueue {
    queue: QueueName,
    data: Option<serde_json::Value>,
    priority: Option<u8>,
    delay: Option<HumanDuration>,
    unique_key: Option<String>,
}

impl RawEnqueue {
    pub(super) fn check(self) -> Result<EnqueueSpec, String> {
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
pub(super) enum FailSpec {
    Message(String),
    Detailed {
        message: String,
        #[serde(default)]
        fatal: bool,
    },
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum LogSpec {
    Message(String),
    Detailed {
        message: String,
        #[serde(default)]
        level: LogLevel,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChaos {
    /// `50ms`, or a range `10ms..200ms`.
    #[serde(default)]
    latency: Option<String>,
    #[serde(default)]
    failure_rate: f64,
    #[serde(default)]
    fatal: bool,
}

impl RawChaos {
    pub(super) fn check(self) -> Result<ChaosSpec, String> {
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
