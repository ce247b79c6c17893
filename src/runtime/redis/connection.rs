//! Connecting to Redis with explicit timeouts, the doorbell connection, and error mapping.

use super::link::Connection;
use crate::runtime::backend::{BackendResult, Doorbell, MemoryUsage};
use crate::runtime::config::TlsFiles;
use crate::runtime::error::BackendError;
use async_trait::async_trait;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, RedisError};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Which server and key prefix errors speak of; every redis-rs error goes through here.
#[derive(Debug, Clone)]
pub struct Target {
    /// The address with secrets removed.
    pub display: String,
    pub prefix: String,
}

impl Target {
    pub fn map(&self, error: RedisError) -> BackendError {
        self.hinted(map_error(self, error))
    }

    /// The error with its Redis hint.
    pub fn hinted(&self, error: BackendError) -> BackendError {
        super::hints::with_hint(error, &self.prefix)
    }

    /// Classifies an error reply that came back inside a pipeline's answers.
    pub fn map_reply(&self, error: &redis::ServerError) -> BackendError {
        let detail = format!("{} {}", error.code(), error.details().unwrap_or_default());
        self.map_server(error.code(), detail)
    }

    /// Classifies an error reply by its code (OOM, READONLY, LOADING, …).
    pub fn map_server(&self, code: &str, detail: String) -> BackendError {
        let backend = self.display.clone();
        let error = match code {
            "OOM" => BackendError::OutOfMemory {
                backend,
                detail,
                hint: None,
            },
            "READONLY" => BackendError::ReadOnly {
                backend,
                detail,
                hint: None,
            },
            "WRONGPASS" | "NOAUTH" => BackendError::Authentication {
                backend,
                detail,
                hint: None,
            },
            "NOPERM" => BackendError::Permission {
                backend,
                detail,
                hint: None,
            },
            "LOADING" | "BUSY" | "TRYAGAIN" | "MASTERDOWN" | "CLUSTERDOWN" => BackendError::Busy {
                backend,
                detail,
                hint: None,
            },
            _ => BackendError::Server { backend, detail },
        };
        self.hinted(error)
    }

    /// Classifies an error reply's text that a script caught and passed on (`OOM command not
    /// allowed…`): by its leading code, as if Redis had replied it.
    pub fn server_error(&self, reply: String) -> BackendError {
        let code = reply
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        self.map_server(&code, reply)
    }

    pub fn protocol(&self, detail: String) -> BackendError {
        BackendError::Protocol {
            backend: self.display.clone(),
            detail,
        }
    }
}

/// Error codes whose meaning fleetq acts on.
const KNOWN_CODES: [&str; 10] = [
    "OOM",
    "READONLY",
    "WRONGPASS",
    "NOAUTH",
    "NOPERM",
    "LOADING",
    "BUSY",
    "TRYAGAIN",
    "MASTERDOWN",
    "CLUSTERDOWN",
];

/// Builds the client; with TLS files it trusts that CA (and presents that certificate)
/// instead of the public web roots.
pub fn client(url: &str, target: &Target, tls: &TlsFiles) -> BackendResult<Client> {
    if url.starts_with("rediss://") {
        // rustls needs one process-wide crypto provider; without it the first handshake panics
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    let Some(certificates) = certificates(target, tls)? else {
        return Client::open(url).map_err(|error| target.map(error));
    };
    if !url.starts_with("rediss://") {
        return Err(BackendError::Tls {
            backend: target.display.clone(),
            detail: "TLS files are set but the backend URL is not rediss://".to_string(),
            hint: None,
        });
    }
    Client::build_with_tls(url, certificates).map_err(|error| target.map(error))
}

/// The CA, client certificate and key the TLS files name, read; none when no file is set.
pub fn certificates(
    target: &Target,
    tls: &TlsFiles,
) -> BackendResult<Option<redis::TlsCertificates>> {
    if tls.ca.is_none() && tls.cert.is_none() && tls.key.is_none() {
        return Ok(None);
    }
    let display = target.display.as_str();
    // the files' contents are secrets: errors name the path, never the bytes
    let read = |path: &std::path::PathBuf, what: &str| {
        std::fs::read(path).map_err(|error| BackendError::Tls {
            backend: display.to_string(),
            detail: format!("cannot read the {what} {}: {error}", path.display()),
            hint: None,
        })
    };
    let root_cert = tls
        .ca
        .as_ref()
        .map(|path| read(path, "CA file"))
        .transpose()?;
    let client_tls = match (&tls.cert, &tls.key) {
        (Some(cert), Some(key)) => Some(redis::ClientTlsConfig {
            client_cert: read(cert, "client certificate")?,
            client_key: read(key, "client key")?,
        }),
        (None, None) => None,
        _ => {
            return Err(BackendError::Tls {
                backend: display.to_string(),
                detail: "tls_cert_file and tls_key_file go together".to_string(),
                hint: None,
            });
        }
    };
    Ok(Some(redis::TlsCertificates {
        client_tls,
        root_cert,
    }))
}

/// Opens the shared multiplexed connection. Every timeout is set explicitly: redis-rs's async
/// default (500 ms) is too short for large batches and would fail them spuriously.
pub async fn connect(
    client: &Client,
    target: &Target,
    tls: bool,
    connect_timeout: Duration,
    command_timeout: Duration,
) -> BackendResult<ConnectionManager> {
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(connect_timeout))
        .set_response_timeout(Some(command_timeout))
        .set_number_of_retries(1)
        .set_max_delay(Duration::from_secs(2));
    let attempt = ConnectionManager::new_with_config(client.clone(), config);
    // the outer bound is the promised connect timeout, whatever the manager does inside
    match tokio::time::timeout(connect_timeout, attempt).await {
        Ok(Ok(connection)) => Ok(connection),
        Ok(Err(error)) => Err(target.map(error)),
        // a TLS client talking to a plain port waits for a handshake that never comes
        Err(_) if tls => Err(BackendError::Tls {
            backend: target.display.clone(),
            detail: format!(
                "the TLS handshake did not complete within {}",
                crate::runtime::duration::format_duration(connect_timeout)
            ),
            hint: None,
        }),
        Err(_) => Err(BackendError::Unavailable {
            backend: target.display.clone(),
            detail: format!(
                "no answer within {}",
                crate::runtime::duration::format_duration(connect_timeout)
            ),
            hint: None,
        }),
    }
}

/// The oldest Redis the scripts run on: they use LPOP with a count and variadic ZADD.
pub const MINIMUM_VERSION: (u32, u32) = (6, 2);

/// Reads `redis_version` (or a compatible server's) from `INFO server` text.
pub fn server_version(info: &str) -> Option<(u32, u32)> {
    let version = info
        .lines()
        .find_map(|line| line.strip_prefix("redis_version:"))?
        .trim();
    let mut parts = version.split('.').map(|part| part.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

/// Refuses a server too old for the scripts, with a clear message instead of a script error,
/// and warns when its eviction policy can lose jobs (one round trip for both). Returns the
/// version, so the caller can pick the scripts that server understands, and the memory it
/// read, so the memory guard's first check needs no second round trip.
pub async fn check_server(
    connection: &mut Connection,
    target: &Target,
) -> BackendResult<(Option<(u32, u32)>, MemoryUsage)> {
    // the default sections hold both the server's version and its memory settings; one
    // command, not a pipeline, so a BUSY or LOADING reply maps as itself (a cluster answers
    // once per master: the oldest version and the fullest memory speak for it)
    let infos = super::link::on_every_master(connection, redis::cmd("INFO"))
        .await
        .map_err(|error| target.map(error))?;
    let memory = super::memory::fullest(&infos);
    super::memory::warn_on_eviction(&memory, &target.display);
    let oldest = infos.iter().filter_map(|info| server_version(info)).min();
    match oldest {
        Some(version) if version < MINIMUM_VERSION => Err(BackendError::Server {
            backend: target.display.clone(),
            detail: format!(
                "fleetq needs Redis {}.{} or newer, this server runs {}.{}",
                MINIMUM_VERSION.0, MINIMUM_VERSION.1, version.0, version.1
            ),
        }),
        // a server that does not report a version (a proxy, a compatible store) is given a chance
        version => Ok((version, memory)),
    }
}

/// Turns a redis-rs error into one the operator can act on.
fn map_error(target: &Target, error: RedisError) -> BackendError {
    let backend = target.display.clone();
    let detail = error.to_string();
    if let Some(code) = error.code().filter(|code| KNOWN_CODES.contains(code)) {
        // map_server attaches the hint; map adds it again only where none is set
        return target.map_server(code, detail);
    }
    if error.kind() == redis::ErrorKind::InvalidClientConfig {
        return BackendError::Config {
            backend,
            detail,
            hint: None,
        };
    }
    if error.kind() == redis::ErrorKind::AuthenticationFailed {
        return BackendError::Authentication {
            backend,
            detail,
            hint: None,
        };
    }
    let lower = detail.to_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        return BackendError::Tls {
            backend,
            detail,
            hint: None,
        };
    }
    if error.is_io_error()
        || error.is_timeout()
        || error.is_connection_refusal()
        || error.is_connection_dropped()
    {
        return BackendError::Unavailable {
            backend,
            detail,
            hint: None,
        };
    }
    if error.code().is_some() {
        BackendError::Server { backend, detail }
    } else {
        BackendError::Protocol { backend, detail }
    }
}

/// Idle workers block on the queue's wake set here, never on the shared connection.
pub struct RedisDoorbell {
    /// The backend's current server: after a Sentinel failover it names the new master.
    link: std::sync::Arc<std::sync::RwLock<super::link::Link>>,
    target: Target,
    key: String,
    /// This doorbell's own wake set, which only an interrupted wait writes to.
    poke: String,
    connect_timeout: Duration,
    connection: Option<Connection>,
}

impl RedisDoorbell {
    pub fn new(
        link: std::sync::Arc<std::sync::RwLock<super::link::Link>>,
        target: Target,
        keys: &super::keys::QueueKeys,
        connect_timeout: Duration,
    ) -> Self {
        let name = uuid::Uuid::new_v4().simple().to_string();
        RedisDoorbell {
            link,
            target,
            key: keys.wake(),
            poke: keys.poke(&name),
            connect_timeout,
            connection: None,
        }
    }

    async fn connection(&mut self) -> BackendResult<Connection> {
        if let Some(connection) = &self.connection {
            return Ok(connection.clone());
        }
        let opener = super::link::read(&self.link, |link| link.opener.clone());
        // no response timeout here: the watchdog in `run` bounds each blocking call instead
        let connection = opener
            .dedicated(self.connect_timeout, None)
            .await
            .map_err(|error| self.target.map(error))?;
        self.connection = Some(connection.clone());
        Ok(connection)
    }

    /// The blocking wait: the queue's wake set, then this doorbell's poke set (one slot).
    pub fn wait_command(&self, timeout: Duration) -> redis::Cmd {
        // BZPOPMIN takes seconds; 0 would block forever, so never ask for less than 1 ms
        let seconds = timeout.as_secs_f64().max(0.001);
        redis::cmd("BZPOPMIN")
            .arg(&self.key)
            .arg(&self.poke)
            .arg(seconds)
            .clone()
    }

    /// Sends `pipeline`, which starts with `wait_command(timeout)`, and returns its replies:
    /// Redis holds the calls behind a blocking command until it returns, then runs them at
    /// once, so whatever follows the wait takes no round trip of its own. None when the
    /// connection went silent. `interrupt` ends the wait early by writing to the poke set;
    /// the replies are still read, since a call behind the wait may have leased jobs.
    pub async fn run(
        &mut self,
        pipeline: &redis::Pipeline,
        timeout: Duration,
        interrupt: &CancellationToken,
    ) -> BackendResult<Option<Vec<redis::Value>>> {
        let mut connection = self.connection().await?;
        let poke = self.poke.clone();
        let link = self.link.clone();
        let watchdog = timeout + Duration::from_secs(3);
        let answer = tokio::time::timeout(watchdog, async {
            let query = pipeline.query_async::<Vec<redis::Value>>(&mut connection);
            tokio::pin!(query);
            tokio::select! {
                values = &mut query => return values.map(|values| (values, false)),
                _ = interrupt.cancelled() => {}
            }
            // the shared connection, read only now: most waits end without an interrupt
            let mut shared = super::link::read(&link, |link| link.connection.clone());
            redis::cmd("ZADD")
                .arg(&poke)
                .arg(0)
                .arg("poke")
                .query_async::<redis::Value>(&mut shared)
                .await?;
            query.await.map(|values| (values, true))
        })
        .await;
        match answer {
            Ok(Ok((values, poked))) => {
                if matches!(values.first(), Some(redis::Value::ServerError(_))) {
                    // a refused wait (a demoted master answers READONLY, a moved slot MOVED):
                    // the next one reconnects to the server the link names by then
                    self.connection = None;
                }
                if poked {
                    // the wait may have ended by a ring just before the poke landed
                    let _: redis::RedisResult<redis::Value> = redis::cmd("DEL")
                        .arg(&self.poke)
                        .query_async(&mut connection)
                        .await;
                }
                Ok(Some(values))
            }
            Ok(Err(error)) => {
                self.connection = None;
                Err(self.target.map(error))
            }
            Err(_) => {
                // a silent connection: drop it so the next wait reconnects
                self.connection = None;
                Ok(None)
            }
        }
    }
}

#[async_trait]
impl Doorbell for RedisDoorbell {
    async fn wait(&mut self, timeout: Duration) -> BackendResult<bool> {
        let mut pipeline = redis::pipe();
        pipeline.add_command(self.wait_command(timeout));
        let values = self
            .run(&pipeline, timeout, &CancellationToken::new())
            .await?;
        Ok(values.is_some_and(|values| {
            values
                .first()
                .is_some_and(|value| *value != redis::Value::Nil)
        }))
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_info() {
        let info = "# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n";
        assert_eq!(server_version(info), Some((7, 0)));
        assert_eq!(server_version("redis_version:6.0.9"), Some((6, 0)));
        assert!(server_version("redis_version:6.0.9").unwrap() < MINIMUM_VERSION);
        assert_eq!(server_version("# Server\n"), None);
    }
}
