//! Talking to Redis: scripts with JSON arguments and named replies, sent in pipelines whose
//! replies are read one by one.

use super::RedisBackend;
use super::keys::QueueKeys;
use super::link::Connection;
use super::reply::decode;
use super::scripts::NamedScript;
use crate::runtime::backend::BackendResult;
use crate::runtime::error::BackendError;
use crate::runtime::job::{NewJob, Schedule};
use redis::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::atomic::Ordering;

/// One command of a pipeline: a script with its keys and JSON arguments, or a plain command.
pub enum Call<'a> {
    Script {
        script: &'a NamedScript,
        keys: Vec<String>,
        args: String,
        /// Payloads passed as raw arguments after the JSON (ARGV[2..]), so job data is never
        /// escaped into JSON and out again.
        payloads: Vec<&'a str>,
    },
    Command(redis::Cmd),
}

pub fn is_none<T>(value: &Option<T>) -> bool {
    value.is_none()
}

/// One job's settings as `enqueue.lua` reads them (its id and data travel as raw arguments);
/// absent fields are nil in Lua, where a JSON null would not be.
#[derive(Serialize, PartialEq)]
pub struct EnqueueSettings<'a> {
    priority: u8,
    #[serde(skip_serializing_if = "is_none")]
    max_attempts: Option<u32>,
    timeout_ms: u64,
    #[serde(skip_serializing_if = "is_none")]
    delay_ms: Option<u64>,
    #[serde(skip_serializing_if = "is_none")]
    at_ms: Option<i64>,
    #[serde(skip_serializing_if = "is_none")]
    unique_key: Option<&'a str>,
    #[serde(skip_serializing_if = "is_none")]
    unique_ttl_ms: Option<u64>,
    #[serde(skip_serializing_if = "is_none")]
    correlation_id: Option<&'a str>,
    #[serde(skip_serializing_if = "is_none")]
    session: Option<&'a str>,
}

impl<'a> Call<'a> {
    /// Adds raw payload arguments after the JSON ones.
    pub fn with_payloads(mut self, more: impl IntoIterator<Item = &'a str>) -> Call<'a> {
        if let Call::Script { payloads, .. } = &mut self {
            payloads.extend(more);
        }
        self
    }
}

/// A batch's settings for `enqueue.lua`: once when every job shares them (a bulk file, a
/// bench), else one per job.
pub fn enqueue_settings(
    jobs: &[NewJob],
) -> (
    Option<EnqueueSettings<'_>>,
    Option<Vec<EnqueueSettings<'_>>>,
) {
    let each: Vec<EnqueueSettings> = jobs.iter().map(EnqueueSettings::new).collect();
    match each.split_first() {
        Some((first, rest)) if rest.iter().all(|job| job == first) => {
            (each.into_iter().next(), None)
        }
        _ => (None, Some(each)),
    }
}

impl<'a> EnqueueSettings<'a> {
    pub fn new(job: &'a NewJob) -> Self {
        let (delay_ms, at_ms) = match job.schedule {
            Schedule::Now => (None, None),
            Schedule::In(delay) => (Some(delay.as_millis() as u64), None),
            Schedule::At(at) => (None, Some(at)),
        };
        EnqueueSettings {
            priority: job.priority,
            max_attempts: job.max_attempts,
            timeout_ms: job.timeout.map_or(0, |timeout| timeout.as_millis() as u64),
            delay_ms,
            at_ms,
            unique_key: job.unique_key.as_deref(),
            unique_ttl_ms: job.unique_ttl.map(|ttl| ttl.as_millis().max(1) as u64),
            correlation_id: job.correlation_id.as_deref(),
            session: job.session.as_deref(),
        }
    }
}

/// The key prefixes a script builds job, list and unique keys from; flattened into the
/// arguments of the scripts that take all four (not the hot path's dequeue, which spells out
/// the ones it needs).
#[derive(Serialize)]
pub struct Prefixes {
    job_prefix: String,
    ready_prefix: String,
    fair_prefix: String,
    unique_prefix: String,
}

impl Prefixes {
    pub fn of(keys: &QueueKeys) -> Prefixes {
        Prefixes {
            job_prefix: keys.job_prefix(),
            ready_prefix: keys.ready_prefix(),
            fair_prefix: keys.fair_prefix(),
            unique_prefix: keys.unique_prefix(),
        }
    }
}

impl RedisBackend {
    pub(super) fn script_call<'a>(
        &self,
        script: &'a NamedScript,
        keys: Vec<String>,
        args: &impl Serialize,
    ) -> BackendResult<Call<'a>> {
        let args = serde_json::to_string(args).map_err(|error| {
            self.target.protocol(format!(
                "cannot encode the {} arguments: {error}",
                script.name
            ))
        })?;
        Ok(Call::Script {
            script,
            keys,
            args,
            payloads: Vec::new(),
        })
    }

    /// Appends a call to a pipeline: a script as `FCALL` to the function library on Redis 7,
    /// as `EVALSHA` elsewhere.
    pub(super) fn add_call(&self, pipeline: &mut redis::Pipeline, call: &Call<'_>) {
        match call {
            Call::Script {
                script,
                keys,
                args,
                payloads,
            } if self.functions.load(Ordering::Relaxed) => {
                let mut command = redis::cmd("FCALL");
                command.arg(&script.function).arg(keys.len()).arg(keys);
                command.arg(args).arg(payloads);
                pipeline.add_command(command);
            }
            Call::Script {
                script,
                keys,
                args,
                payloads,
            } => {
                let mut invocation = script.script.prepare_invoke();
                for key in keys {
                    invocation.key(key);
                }
                invocation.arg(args);
                for payload in payloads {
                    invocation.arg(*payload);
                }
                pipeline.invoke_script(&invocation);
            }
            Call::Command(command) => {
                pipeline.add_command(command.clone());
            }
        }
    }

    /// Sends calls in one pipeline and reads every reply on its own, so one error reply never
    /// hides another call's success. Scripts go as `FCALL` to the function library on Redis 7,
    /// as `EVALSHA` elsewhere. A library or script the server lost (first use, a restart, a
    /// flush) is loaded and only the calls that found it missing run again: they did not run.
    pub(super) async fn send(
        &self,
        calls: &[Call<'_>],
    ) -> BackendResult<Vec<BackendResult<Value>>> {
        let mut results: Vec<Option<BackendResult<Value>>> = vec![None; calls.len()];
        let mut pending: Vec<usize> = (0..calls.len()).collect();
        let mut connection = self.connection();
        let mut loaded = false;
        while !pending.is_empty() {
            let mut pipeline = redis::pipe();
            pipeline.ignore_errors();
            for &index in &pending {
                self.add_call(&mut pipeline, &calls[index]);
            }
            let values: Vec<Value> = match pipeline.query_async(&mut connection).await {
                Ok(values) => values,
                Err(error) => {
                    let error = self.target.map(error);
                    self.heal(&error).await;
                    return Err(error);
                }
            };
            let mut again = Vec::new();
            let functions = self.functions.load(Ordering::Relaxed);
            for (&index, value) in pending.iter().zip(values) {
                let script = matches!(calls[index], Call::Script { .. });
                match value {
                    Value::ServerError(error) if !loaded && lost_script(&error) => {
                        again.push(index)
                    }
                    // an ACL that grants the scripts but not FCALL: they run as EVALSHA (a
                    // refusal about keys comes back from EVALSHA just the same)
                    Value::ServerError(error)
                        if !loaded && functions && script && error.code() == "NOPERM" =>
                    {
                        self.functions.store(false, Ordering::Relaxed);
                        again.push(index)
                    }
                    Value::ServerError(error) => {
                        results[index] = Some(Err(self.target.map_reply(&error)));
                    }
                    other => results[index] = Some(Ok(other)),
                }
            }
            if !again.is_empty() {
                self.load_scripts(&mut connection).await?;
                loaded = true;
            }
            pending = again;
        }
        let results: Vec<BackendResult<Value>> = results
            .into_iter()
            .map(|result| result.unwrap_or_else(|| Err(self.target.protocol("no reply".into()))))
            .collect();
        // a demoted master answers READONLY: that too sends us to the sentinels
        match results
            .iter()
            .find(|result| matches!(result, Err(BackendError::ReadOnly { .. })))
        {
            Some(Err(error)) => self.heal(error).await,
            _ => self.check_master().await,
        }
        Ok(results)
    }

    /// Loads the function library (Redis 7), or every script for `EVALSHA`: on first use,
    /// and again after a restart or a flush. A server that refuses the library (an ACL without
    /// `FUNCTION`, a proxy that does not know it) gets the scripts from then on.
    async fn load_scripts(&self, connection: &mut Connection) -> BackendResult<()> {
        if let Some(library) = &self.scripts.library
            && self.functions.load(Ordering::Relaxed)
        {
            // REPLACE: another worker may load the same library at the same moment, and the
            // name's hash means a library of that name is this very text
            let loaded = redis::cmd("FUNCTION")
                .arg("LOAD")
                .arg("REPLACE")
                .arg(library)
                .query_async::<Value>(connection)
                .await;
            match loaded {
                Ok(_) => return Ok(()),
                // refusals that scripts get past: no such command (older server, a proxy), an
                // ACL without FUNCTION, or maxmemory (FUNCTION LOAD is a write; SCRIPT LOAD is
                // not, and the scripts may run at maxmemory). LOADING, BUSY, READONLY and the
                // like would stop the scripts too, and go back to the caller.
                Err(error) if matches!(error.code(), Some("ERR" | "NOPERM" | "OOM")) => {
                    tracing::debug!(%error, "the server refused the function library; using scripts");
                    self.functions.store(false, Ordering::Relaxed);
                }
                Err(error) => return Err(self.target.map(error)),
            }
        }
        for named in self.scripts.all() {
            named
                .script
                .load_async(connection)
                .await
                .map_err(|error| self.target.map(error))?;
        }
        Ok(())
    }

    pub(super) fn decode_reply<T: DeserializeOwned>(
        &self,
        script: &NamedScript,
        value: BackendResult<Value>,
    ) -> BackendResult<T> {
        decode(script.name, &value?).map_err(|detail| self.target.protocol(detail))
    }

    /// Runs one script and decodes its named reply.
    pub(super) async fn run<T: DeserializeOwned>(
        &self,
        script: &NamedScript,
        keys: Vec<String>,
        args: &impl Serialize,
    ) -> BackendResult<T> {
        let call = self.script_call(script, keys, args)?;
        let value = self.send(std::slice::from_ref(&call)).await?.pop();
        let value = value.unwrap_or_else(|| Err(self.target.protocol("no reply".into())));
        self.decode_reply(script, value)
    }
}

/// A script or function call that did not run because the server does not hold it.
fn lost_script(error: &redis::ServerError) -> bool {
    error.kind() == Some(redis::ServerErrorKind::NoScript)
        || (error.code() == "ERR"
            && error
                .details()
                .is_some_and(|details| details.starts_with("Function not found")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_sends_its_settings_once_only_when_every_job_shares_them() {
        let alike: Vec<NewJob> = (0..3).map(|_| NewJob::new("{}".into())).collect();
        let (shared, own) = enqueue_settings(&alike);
        assert!(shared.is_some() && own.is_none());
        let mut mixed = alike.clone();
        mixed[2].session = Some("tenant-a".into());
        let (shared, own) = enqueue_settings(&mixed);
        assert!(shared.is_none());
        let own = own.unwrap();
        assert_eq!(own.len(), 3);
        assert_eq!(own[2].session, Some("tenant-a"));
        assert_eq!(own[0].session, None);
    }
}
