//! The `airgap:` section of the config file and its `FLEETQ_AIRGAP_*` env twins.

use crate::runtime::duration::{deserialize_optional, parse_duration};
use crate::runtime::error::Classified;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// `airgap:` as written in the config file; unknown keys are rejected with their position.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirgapFile {
    pub enabled: Option<bool>,
    pub spool: Option<PathBuf>,
    pub max_spooled: Option<u64>,
    pub key_file: Option<PathBuf>,
    #[serde(default, deserialize_with = "deserialize_optional")]
    pub probe_interval: Option<Duration>,
    pub auto_sync: Option<bool>,
    pub process_locally: Option<bool>,
}

/// The settled airgap configuration.
#[derive(Debug, Clone)]
pub struct AirgapSettings {
    pub enabled: bool,
    /// The spool store; its state file sits beside it.
    pub spool: PathBuf,
    pub max_spooled: u64,
    /// None when the key comes from `FLEETQ_SPOOL_KEY`, or when none is configured.
    pub key_file: Option<PathBuf>,
    pub probe_interval: Duration,
    pub auto_sync: bool,
    pub process_locally: bool,
}

pub const DEFAULT_MAX_SPOOLED: u64 = 1_000_000;
pub const DEFAULT_PROBE_INTERVAL: Duration = Duration::from_secs(5);

impl AirgapSettings {
    /// Env over file over defaults; `env` is how variables are read (the process env in use).
    pub fn resolve(
        file: AirgapFile,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<AirgapSettings, Classified> {
        let read = |key: &str| env(&format!("FLEETQ_AIRGAP_{key}"));
        let flag = |key: &str, fallback: Option<bool>| -> Result<bool, Classified> {
            match read(key) {
                Some(text) => parse_bool(&text).ok_or_else(|| {
                    Classified::usage(format!("FLEETQ_AIRGAP_{key}=`{text}` is not a boolean"))
                        .with_hint("write true or false")
                }),
                None => Ok(fallback.unwrap_or(false)),
            }
        };
        let max_spooled = match read("MAX_SPOOLED") {
            Some(text) => text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|max| *max > 0)
                .ok_or_else(|| {
                    Classified::usage(format!(
                        "FLEETQ_AIRGAP_MAX_SPOOLED=`{text}` is not a positive number"
                    ))
                })?,
            None => file.max_spooled.unwrap_or(DEFAULT_MAX_SPOOLED),
        };
        let probe_interval = match read("PROBE_INTERVAL") {
            Some(text) => parse_duration(&text).map_err(|error| {
                Classified::usage(format!("FLEETQ_AIRGAP_PROBE_INTERVAL: {error}"))
            })?,
            None => file.probe_interval.unwrap_or(DEFAULT_PROBE_INTERVAL),
        };
        let spool = match read("SPOOL").map(PathBuf::from).or(file.spool) {
            Some(path) => path,
            None => dirs::data_dir()
                .ok_or_else(|| {
                    Classified::usage("no data directory to keep the airgap spool in")
                        .with_hint("set airgap.spool (FLEETQ_AIRGAP_SPOOL) to a file path")
                })?
                .join("fleetq")
                .join("spool.db"),
        };
        Ok(AirgapSettings {
            enabled: flag("ENABLED", file.enabled)?,
            spool,
            max_spooled,
            key_file: read("KEY_FILE").map(PathBuf::from).or(file.key_file),
            probe_interval,
            auto_sync: flag("AUTO_SYNC", file.auto_sync)?,
            process_locally: flag("PROCESS_LOCALLY", file.process_locally)?,
        })
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_wins_over_the_file_and_bad_values_name_their_variable() {
        let file = AirgapFile {
            enabled: Some(false),
            max_spooled: Some(10),
            ..AirgapFile::default()
        };
        let settings = AirgapSettings::resolve(file.clone(), |name| {
            (name == "FLEETQ_AIRGAP_ENABLED").then(|| "true".to_string())
        })
        .unwrap();
        assert!(settings.enabled);
        assert_eq!(settings.max_spooled, 10);
        let error = AirgapSettings::resolve(file, |name| {
            (name == "FLEETQ_AIRGAP_AUTO_SYNC").then(|| "maybe".to_string())
        })
        .unwrap_err();
        assert!(
            error.message.contains("FLEETQ_AIRGAP_AUTO_SYNC"),
            "{}",
            error.message
        );
    }
}
