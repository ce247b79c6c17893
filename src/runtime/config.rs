//! Configuration: flags > `FLEETQ_*` env > config file > defaults, and backend address parsing.

use crate::runtime::airgap::settings::{AirgapFile, AirgapSettings};
use crate::runtime::duration::deserialize_optional;
use crate::runtime::error::Classified;
use crate::runtime::yaml::load_yaml;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const DEFAULT_PREFIX: &str = "fleetq";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
    Jsonl,
    /// The Prometheus text format (`fleetq stats` only, for a textfile collector).
    Prometheus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The config file's shape; unknown keys are rejected with their line and column.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub backend: Option<String>,
    pub prefix: Option<String>,
    pub output: Option<OutputFormat>,
    pub color: Option<ColorChoice>,
    pub log_format: Option<LogFormat>,
    #[serde(default, deserialize_with = "deserialize_optional")]
    pub connect_timeout: Option<Duration>,
    #[serde(default, deserialize_with = "deserialize_optional")]
    pub command_timeout: Option<Duration>,
    pub tls_ca_file: Option<PathBuf>,
    pub tls_cert_file: Option<PathBuf>,
    pub tls_key_file: Option<PathBuf>,
    /// Every state change appends to the queue's event stream (`fleetq events tail`).
    pub events: Option<bool>,
    /// A session with no activity for this long is listed as expired.
    #[serde(default, deserialize_with = "deserialize_optional")]
    pub session_ttl: Option<Duration>,
    pub airgap: Option<AirgapFile>,
    /// Share of Redis maxmemory past which enqueues are refused: `90%`, `0.9`, or `off`.
    pub memory_guard: Option<String>,
}

/// Certificate files for TLS: a private CA, and a client certificate and key for mutual TLS.
/// Paths only: a backend that speaks TLS reads them.
#[derive(Debug, Clone, Default)]
pub struct TlsFiles {
    pub ca: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

/// What the command line (flags, or their `FLEETQ_*` env twins) said.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub backend: Option<String>,
    pub prefix: Option<String>,
    pub output: Option<OutputFormat>,
    pub color: Option<ColorChoice>,
    pub log_format: Option<LogFormat>,
    pub tls_ca_file: Option<PathBuf>,
    pub tls_cert_file: Option<PathBuf>,
    pub tls_key_file: Option<PathBuf>,
}

/// The settled configuration every command runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub backend: Option<String>,
    pub prefix: String,
    pub output: OutputFormat,
    pub color: ColorChoice,
    pub log_format: LogFormat,
    pub connect_timeout: Duration,
    pub command_timeout: Duration,
    pub tls: TlsFiles,
    pub session_ttl: Duration,
    pub events: bool,
    pub airgap: AirgapSettings,
    pub config_file: Option<PathBuf>,
    /// Share of Redis maxmemory past which enqueues are refused (1 = off).
    pub memory_guard: f64,
}

impl Settings {
    /// Merges the layers in precedence order.
    pub fn resolve(overrides: Overrides) -> Result<Settings, Classified> {
        let (config_file, file) = match find_config_file(overrides.config.as_deref())? {
            Some(path) => {
                let file: ConfigFile = load_yaml(&path)?;
                (Some(path), file)
            }
            None => (None, ConfigFile::default()),
        };
        let prefix = overrides
            .prefix
            .or(file.prefix)
            .unwrap_or_else(|| DEFAULT_PREFIX.to_string());
        validate_prefix(&prefix)?;
        Ok(Settings {
            backend: overrides.backend.or(file.backend),
            prefix,
            output: overrides.output.or(file.output).unwrap_or_default(),
            color: overrides.color.or(file.color).unwrap_or_default(),
            log_format: overrides.log_format.or(file.log_format).unwrap_or_default(),
            connect_timeout: file.connect_timeout.unwrap_or(Duration::from_secs(5)),
            command_timeout: file.command_timeout.unwrap_or(Duration::from_secs(10)),
            tls: TlsFiles {
                ca: overrides.tls_ca_file.or(file.tls_ca_file),
                cert: overrides.tls_cert_file.or(file.tls_cert_file),
                key: overrides.tls_key_file.or(file.tls_key_file),
            },
            events: match std::env::var("FLEETQ_EVENTS").ok().as_deref() {
                None => file.events.unwrap_or(true),
                Some("on" | "true" | "1") => true,
                Some("off" | "false" | "0") => false,
                Some(other) => {
                    return Err(Classified::usage(format!(
                        "FLEETQ_EVENTS=`{other}` is neither on nor off"
                    )));
                }
            },
            session_ttl: match std::env::var("FLEETQ_SESSION_TTL") {
                Ok(text) => crate::runtime::duration::parse_duration(&text)
                    .map_err(|error| Classified::usage(format!("FLEETQ_SESSION_TTL: {error}")))?,
                Err(_) => file
                    .session_ttl
                    .unwrap_or(crate::runtime::sessions::DEFAULT_TTL),
            },
            memory_guard: match std::env::var("FLEETQ_MEMORY_GUARD") {
                Ok(text) => parse_share(&text)
                    .map_err(|error| Classified::usage(format!("FLEETQ_MEMORY_GUARD: {error}")))?,
                Err(_) => match file.memory_guard.as_deref() {
                    Some(text) => parse_share(text)
                        .map_err(|error| Classified::usage(format!("memory_guard: {error}")))?,
                    None => crate::runtime::redis::DEFAULT_MEMORY_GUARD,
                },
            },
            airgap: AirgapSettings::resolve(file.airgap.unwrap_or_default(), |name| {
                std::env::var(name).ok()
            })?,
            config_file,
        })
    }
}

fn validate_prefix(prefix: &str) -> Result<(), Classified> {
    if prefix.is_empty() || prefix.contains(['{', '}', ' ']) {
        return Err(Classified::usage(format!(
            "invalid --prefix `{prefix}`: it must be non-empty, without spaces or braces"
        )));
    }
    Ok(())
}

/// `--config`, else `./fleetq.yaml`, else the XDG config dir, else `/etc/fleetq/config.yaml`.
fn find_config_file(explicit: Option<&Path>) -> Result<Option<PathBuf>, Classified> {
    if let Some(path) = explicit {
        if !path.exists() {
            return Err(Classified::usage(format!(
                "config file {} does not exist",
                path.display()
            ))
            .with_hint("pass an existing file to --config or unset FLEETQ_CONFIG"));
        }
        return Ok(Some(path.to_path_buf()));
    }
    let mut candidates = vec![PathBuf::from("fleetq.yaml")];
    if let Some(directory) = dirs::config_dir() {
        candidates.push(directory.join("fleetq").join("config.yaml"));
    }
    candidates.push(PathBuf::from("/etc/fleetq/config.yaml"));
    Ok(candidates.into_iter().find(|candidate| candidate.is_file()))
}

/// A parsed backend address.
#[derive(Clone)]
pub enum BackendAddress {
    /// redis://, rediss:// or redis+unix://; `url` carries secrets, `display` does not.
    Redis {
        url: String,
        display: String,
    },
    /// redis+sentinel://: the master the sentinels name; `url` carries secrets.
    Sentinel {
        url: String,
        display: String,
    },
    Cluster {
        url: String,
        display: String,
    },
    /// `local:PATH`: the embedded SQLite store.
    Local {
        path: PathBuf,
    },
}

impl std::fmt::Debug for BackendAddress {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Debug output must never leak the password either
        formatter.write_str(&self.display())
    }
}

impl BackendAddress {
    pub fn parse(text: &str) -> Result<BackendAddress, Classified> {
        let scheme = text.split_once("://").map(|(scheme, _)| scheme);
        let scheme = scheme.or_else(|| text.split_once(':').map(|(scheme, _)| scheme));
        match scheme {
            Some("redis" | "rediss" | "redis+unix" | "unix") => {
                let parsed = url::Url::parse(text).map_err(|error| {
                    Classified::usage(format!(
                        "invalid --backend `{}`: {error}",
                        redact_url(text)
                    ))
                })?;
                let database = parsed.path().trim_start_matches('/').to_string();
                if matches!(scheme, Some("redis" | "rediss"))
                    && !database.is_empty()
                    && database.parse::<u16>().is_err()
                {
                    return Err(Classified::usage(format!(
                        "invalid --backend `{}`: the database `{database}` is not a number",
                        redact_parsed(parsed)
                    ))
                    .with_hint("write the database as a number: redis://host:6379/0"));
                }
                Ok(BackendAddress::Redis {
                    url: text.to_string(),
                    display: redact_parsed(parsed),
                })
            }
            Some("redis+sentinel") => {
                let spec = crate::runtime::redis::sentinel::SentinelSpec::parse(text).map_err(
                    |error| {
                        Classified::usage(format!(
                            "invalid --backend `{}`: {error}",
                            redact_url(text)
                        ))
                        .with_hint("write it like redis+sentinel://h1:26379,h2:26379/mymaster")
                    },
                )?;
                Ok(BackendAddress::Sentinel {
                    url: text.to_string(),
                    display: spec.display,
                })
            }
            Some("redis+cluster") => {
                let spec = crate::runtime::redis::ClusterSpec::parse(text).map_err(|error| {
                    Classified::usage(format!(
                        "invalid --backend `{}`: {error}",
                        redact_url(text)
                    ))
                    .with_hint("write it like redis+cluster://h1:7000,h2:7001,h3:7002")
                })?;
                Ok(BackendAddress::Cluster {
                    url: text.to_string(),
                    display: spec.display,
                })
            }
            Some("local") => {
                let path = text.trim_start_matches("local:").trim_start_matches("//");
                if path.is_empty() {
                    return Err(Classified::usage("`local:` needs a path")
                        .with_hint("write it like local:/var/lib/fleetq/jobs.db"));
                }
                Ok(BackendAddress::Local {
                    path: PathBuf::from(path),
                })
            }
            _ => Err(Classified::usage(format!(
                "unknown backend `{}`",
                redact_url(text)
            ))
            .with_hint("backends look like redis://host:6379, rediss://host:6380 or redis+unix:///run/redis.sock")),
        }
    }

    /// The default when nothing is configured: the embedded store under the XDG data dir
    /// (`~/.local/share/fleetq/fleetq.db`), so fleetq works with no setup at all.
    pub fn from_settings(settings: &Settings) -> Result<BackendAddress, Classified> {
        match &settings.backend {
            Some(text) => BackendAddress::parse(text),
            None => {
                let directory = dirs::data_dir().ok_or_else(|| {
                    Classified::usage("no backend configured, and no data directory to keep a local store in")
                        .with_hint("set FLEETQ_BACKEND=local:/path/to/jobs.db or FLEETQ_BACKEND=redis://127.0.0.1:6379")
                })?;
                Ok(BackendAddress::Local {
                    path: directory.join("fleetq").join("fleetq.db"),
                })
            }
        }
    }

    /// Whether the backend is Redis (standalone, through Sentinel, or a cluster).
    pub fn is_redis(&self) -> bool {
        matches!(
            self,
            BackendAddress::Redis { .. }
                | BackendAddress::Sentinel { .. }
                | BackendAddress::Cluster { .. }
        )
    }

    pub fn display(&self) -> String {
        match self {
            BackendAddress::Redis { display, .. }
            | BackendAddress::Sentinel { display, .. }
            | BackendAddress::Cluster { display, .. } => display.clone(),
            BackendAddress::Local { path } => format!("local:{}", path.display()),
        }
    }
}

/// Removes passwords from a URL, whether it parses or not. The host follows the last `@`, so
/// everything between the scheme and that `@` goes, whatever characters the password holds.
pub fn redact_url(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(parsed) => redact_parsed(parsed),
        Err(_) => match text.rsplit_once('@') {
            Some((credentials, rest)) => {
                let scheme = credentials
                    .split_once("://")
                    .map_or(String::new(), |(scheme, _)| format!("{scheme}://"));
                format!("{scheme}***@{rest}")
            }
            None => text.to_string(),
        },
    }
}

fn redact_parsed(mut parsed: url::Url) -> String {
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("***"));
    }
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(key, value)| {
            let secret = matches!(key.as_ref(), "pass" | "password");
            let value = if secret {
                "***".to_string()
            } else {
                value.into_owned()
            };
            (key.into_owned(), value)
        })
        .collect();
    if !pairs.is_empty() {
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

/// A share written `90%`, `0.9` or `off` (the same as 100%).
fn parse_share(text: &str) -> Result<f64, String> {
    let text = text.trim();
    if text == "off" {
        return Ok(1.0);
    }
    let share = match text.strip_suffix('%') {
        Some(percent) => percent.trim().parse::<f64>().map(|value| value / 100.0),
        None => text.parse::<f64>(),
    }
    .map_err(|_| format!("`{text}` is not a share (try 90%, 0.9 or off)"))?;
    if !(0.0..=1.0).contains(&share) || share == 0.0 {
        return Err(format!("`{text}` must be above 0% and at most 100%"));
    }
    Ok(share)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_survive_redaction() {
        assert_eq!(
            redact_url("redis://app:s3cret@cache:6379/0"),
            "redis://app:***@cache:6379/0"
        );
        let unix = redact_url("redis+unix:///run/redis.sock?user=app&pass=s3cret");
        assert!(!unix.contains("s3cret"), "{unix}");
        assert!(!redact_url("redis://:s3cret@[bad").contains("s3cret"));
        // a password with `@`, `:`, `/` or an encoded `@`, in URLs that parse and that do not
        for password in [
            "Xy@secret",
            "Xy:secret@z",
            "Xy/secret@z",
            "Xy%40secret",
            "Xy@secret:z/w",
        ] {
            for url in [
                format!("redis://fq:{password}@host:6379/0"),
                format!("redis://fq:{password}@host:notaport"),
                format!("rediss://fq:{password}@[::1"),
            ] {
                let shown = redact_url(&url);
                assert!(
                    !shown.contains("secret") && !shown.contains("Xy"),
                    "{url} shown as {shown}"
                );
            }
        }
        assert_eq!(
            redact_url("redis://fq:p@ss@host:notaport"),
            "redis://***@host:notaport"
        );
    }

    #[test]
    fn a_database_that_is_not_a_number_is_a_usage_error() {
        let error = BackendAddress::parse("redis://fq:s3cret@host:6379/notadb").unwrap_err();
        assert!(
            error.message.contains("`notadb` is not a number"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("s3cret"));
        assert!(BackendAddress::parse("redis://host:6379/3").is_ok());
    }

    #[test]
    fn every_backend_scheme_parses_and_hides_its_password() {
        match BackendAddress::parse("redis+cluster://:s3cret@h1:7000,h2:7001").unwrap() {
            BackendAddress::Cluster { display, .. } => {
                assert_eq!(display, "redis+cluster://:***@h1:7000,h2:7001")
            }
            _ => panic!("not a cluster address"),
        }
        let error = BackendAddress::parse("redis+cluster://s3cret@h1:x").unwrap_err();
        assert!(error.message.contains("no valid port"), "{}", error.message);
        assert!(BackendAddress::parse("local:/tmp/x").is_ok());
        assert!(BackendAddress::parse("local:").is_err());
        assert!(BackendAddress::parse("ftp://x").is_err());
    }
}
