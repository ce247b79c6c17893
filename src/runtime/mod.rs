//! The shared runtime: configuration, the backend behind one trait, pipelines, the worker loop
//! and the benchmark. Nothing here prints or knows about clap.

pub mod airgap;
pub mod backend;
pub mod bench;
pub mod config;
pub mod dlq;
pub mod duration;
pub mod error;
pub mod job;
pub mod local;
pub mod metrics;
pub mod pipeline;
pub mod rate;
pub mod redis;
pub mod sessions;
pub mod why;
pub mod worker;
pub mod yaml;

use backend::Backend;
use config::{BackendAddress, Settings};
use error::{BackendError, Classified};
use std::sync::Arc;

/// What every command gets: its settings and a connected backend.
pub struct Runtime {
    pub settings: Settings,
    pub backend: Arc<dyn Backend>,
}

impl Runtime {
    /// Connects to the configured backend; the one constructor all commands use.
    pub async fn connect(settings: Settings) -> anyhow::Result<Runtime> {
        let address = BackendAddress::from_settings(&settings)?;
        let backend = open_backend(&address, &settings).await?;
        Ok(Runtime { settings, backend })
    }
}

/// Opens the configured backend, with errors a caller can branch on (airgap spools on an
/// unreachable Redis).
pub async fn open_backend(
    address: &BackendAddress,
    settings: &Settings,
) -> Result<Arc<dyn Backend>, BackendError> {
    let redis = |backend: redis::RedisBackend| -> Arc<dyn Backend> {
        Arc::new(
            backend
                .with_events_recorded(settings.events)
                .with_memory_guard(settings.memory_guard),
        )
    };
    let options = redis::ConnectOptions {
        prefix: &settings.prefix,
        connect_timeout: settings.connect_timeout,
        command_timeout: settings.command_timeout,
        tls: &settings.tls,
    };
    let backend: Arc<dyn Backend> = match address {
        BackendAddress::Redis { url, display } => {
            redis(redis::RedisBackend::connect(url, display, &options).await?)
        }
        BackendAddress::Sentinel { url, .. } => {
            redis(redis::RedisBackend::connect_sentinel(url, &options).await?)
        }
        BackendAddress::Cluster { url, .. } => {
            redis(redis::RedisBackend::connect_cluster(url, &options).await?)
        }
        BackendAddress::Local { path } => Arc::new(
            local::LocalBackend::open(path)
                .await?
                .with_events_recorded(settings.events),
        ),
    };
    Ok(backend)
}

/// Queue names become part of Redis keys and SCAN patterns, so they are kept to a safe set.
pub fn validate_queue_name(name: &str) -> Result<(), Classified> {
    let valid = !name.is_empty()
        && name.len() <= 200
        && name
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || "-_.:".contains(character));
    if valid {
        Ok(())
    } else {
        Err(Classified::usage(format!("invalid queue name `{name}`"))
            .with_hint("queue names use letters, digits and - _ . : (at most 200 characters)"))
    }
}

/// Peak resident memory of this process in bytes (Linux), for `bench` and the worker report.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_names_exclude_glob_and_tag_characters() {
        assert!(validate_queue_name("emails.high-1").is_ok());
        for bad in ["", "a*b", "a{b}", "a b", "a[1]"] {
            assert!(validate_queue_name(bad).is_err(), "{bad}");
        }
    }
}
