//! Redis Sentinel: `redis+sentinel://[user:pass@]h1:26379,h2:26379/MASTER[/DB][?sentinel_password=…&tls=true]`.
//! fleetq asks the sentinels (in the order given) for the master's address and connects to it;
//! after an I/O error, `READONLY` or a changed address it asks again (see `RedisBackend::heal`).

use super::RedisBackend;
use super::open::open_link;
use crate::runtime::backend::BackendResult;
use crate::runtime::config::TlsFiles;
use crate::runtime::error::BackendError;
use std::time::{Duration, Instant};

/// Never ask the sentinels more often than this, however many calls fail at once.
const HEAL_INTERVAL: Duration = Duration::from_millis(500);
/// Ask them at least this often anyway: a failover that left the old master up (demoted to a
/// replica) shows in reads as nothing at all, and in writes only as `READONLY`.
const CHECK_INTERVAL: Duration = Duration::from_secs(5);

/// A Sentinel-backed connection's state: how to find the master and where it was last.
pub struct Sentinel {
    spec: SentinelSpec,
    address: std::sync::Mutex<(String, u16)>,
    command_timeout: Duration,
    tls: TlsFiles,
    last_asked: tokio::sync::Mutex<Option<Instant>>,
}

impl Sentinel {
    pub fn new(
        spec: SentinelSpec,
        address: (String, u16),
        command_timeout: Duration,
        tls: TlsFiles,
    ) -> Sentinel {
        Sentinel {
            spec,
            address: std::sync::Mutex::new(address),
            command_timeout,
            tls,
            last_asked: tokio::sync::Mutex::new(None),
        }
    }
}

impl RedisBackend {
    /// After an error that may mean a failover (the server gone, `READONLY`, `MASTERDOWN`):
    /// asks the sentinels for the master again and, when it moved, switches every later call
    /// (and the doorbell's next reconnect) to it. Callers retry as they would after any
    /// outage; redis-rs does not follow Sentinel by itself.
    pub(super) async fn heal(&self, error: &BackendError) {
        if matches!(
            error,
            BackendError::Unavailable { .. }
                | BackendError::ReadOnly { .. }
                | BackendError::Busy { .. }
        ) {
            self.ask_sentinels(HEAL_INTERVAL).await;
        }
    }

    /// After a call that went well: every few seconds, checks the master has not moved.
    pub(super) async fn check_master(&self) {
        self.ask_sentinels(CHECK_INTERVAL).await;
    }

    /// Asks the sentinels where the master is, unless they were asked within `interval`, and
    /// switches to it if it moved.
    async fn ask_sentinels(&self, interval: Duration) {
        let Some(sentinel) = &self.sentinel else {
            return;
        };
        let Ok(mut last) = sentinel.last_asked.try_lock() else {
            // another call is asking right now
            return;
        };
        if last.is_some_and(|at| at.elapsed() < interval) {
            return;
        }
        *last = Some(Instant::now());
        let Ok((host, port)) = sentinel.spec.resolve(self.connect_timeout).await else {
            return;
        };
        let current = sentinel.address.lock().map(|address| address.clone()).ok();
        if current.as_ref() == Some(&(host.clone(), port)) {
            // the same master: the connection reconnects to it by itself
            return;
        }
        match open_link(
            &sentinel.spec.master_url(&host, port),
            &self.target,
            &sentinel.tls,
            self.connect_timeout,
            sentinel.command_timeout,
        )
        .await
        {
            Ok((link, _)) => {
                if let Ok(mut current) = self.link.write() {
                    *current = link;
                }
                if let Ok(mut address) = sentinel.address.lock() {
                    *address = (host.clone(), port);
                }
                tracing::warn!(backend = %self.target.display, master = %format!("{host}:{port}"), "Sentinel names a new master; switched to it");
            }
            Err(error) => {
                tracing::debug!(%error, "the master Sentinel named does not answer yet");
            }
        }
    }
}

/// A parsed sentinel URL. Its secrets (the master's password, the sentinels') stay here and in
/// the URLs built from it, never in `display`.
#[derive(Clone)]
pub struct SentinelSpec {
    pub sentinels: Vec<(String, u16)>,
    pub master: String,
    pub username: Option<String>,
    pub password: Option<String>,
    pub sentinel_password: Option<String>,
    pub tls: bool,
    pub database: u16,
    pub display: String,
}

impl SentinelSpec {
    pub fn parse(text: &str) -> Result<SentinelSpec, String> {
        let rest = text
            .strip_prefix("redis+sentinel://")
            .ok_or("a sentinel URL starts with redis+sentinel://")?;
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let Authority {
            username,
            password,
            hosts: sentinels,
            listed: hosts,
        } = Authority::parse(authority, 26379, "sentinel")?;
        if sentinels.is_empty() {
            return Err("name at least one sentinel: redis+sentinel://host:26379/MASTER".into());
        }
        let mut parts = path.split('/').filter(|part| !part.is_empty());
        let master = parts
            .next()
            .ok_or("name the master after the sentinels: redis+sentinel://host:26379/MASTER")?
            .to_string();
        let database = match parts.next() {
            Some(number) => number
                .parse()
                .map_err(|_| format!("the database `{number}` is not a number"))?,
            None => 0,
        };
        let mut sentinel_password = None;
        let mut tls = false;
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sentinel_password" => sentinel_password = Some(decode(value)),
                "tls" => tls = matches!(value, "true" | "1" | "yes" | "on"),
                other => {
                    return Err(format!(
                        "unknown sentinel option `{other}` (sentinel_password, tls)"
                    ));
                }
            }
        }
        let display = format!(
            "redis+sentinel://{}{hosts}/{master}",
            shown_credentials(&username, &password)
        );
        Ok(SentinelSpec {
            sentinels,
            master,
            username,
            password,
            sentinel_password,
            tls,
            database,
            display,
        })
    }

    /// The URL of the master at this address, with the master's credentials.
    pub fn master_url(&self, host: &str, port: u16) -> String {
        let scheme = if self.tls { "rediss" } else { "redis" };
        let credentials = url_credentials(&self.username, &self.password);
        format!("{scheme}://{credentials}{host}:{port}/{}", self.database)
    }

    /// Asks each sentinel in turn for the master's address; the first that knows answers.
    pub async fn resolve(&self, timeout: Duration) -> BackendResult<(String, u16)> {
        let mut failures = Vec::new();
        for (host, port) in &self.sentinels {
            match self.ask(host, *port, timeout).await {
                Ok(Some(address)) => return Ok(address),
                Ok(None) => failures.push(format!("{host}:{port} does not know `{}`", self.master)),
                Err(error) => failures.push(format!("{host}:{port}: {error}")),
            }
        }
        Err(BackendError::Unavailable {
            backend: self.display.clone(),
            detail: format!("no sentinel named the master ({})", failures.join("; ")),
            hint: Some(format!(
                "check the sentinels are up and monitor `{}` (SENTINEL get-master-addr-by-name {})",
                self.master, self.master
            )),
        })
    }

    async fn ask(
        &self,
        host: &str,
        port: u16,
        timeout: Duration,
    ) -> Result<Option<(String, u16)>, String> {
        let scheme = if self.tls { "rediss" } else { "redis" };
        let credentials = self
            .sentinel_password
            .as_ref()
            .map(|password| format!(":{}@", encode(password)))
            .unwrap_or_default();
        let client = redis::Client::open(format!("{scheme}://{credentials}{host}:{port}"))
            .map_err(|error| error.to_string())?;
        let query = async {
            let mut connection = client.get_multiplexed_async_connection().await?;
            redis::cmd("SENTINEL")
                .arg("get-master-addr-by-name")
                .arg(&self.master)
                .query_async::<Option<(String, String)>>(&mut connection)
                .await
        };
        match tokio::time::timeout(timeout, query).await {
            Err(_) => Err(format!("no answer within {timeout:?}")),
            Ok(Err(error)) => Err(error.to_string()),
            Ok(Ok(None)) => Ok(None),
            Ok(Ok(Some((host, port)))) => Ok(port.parse().ok().map(|port| (host, port))),
        }
    }
}

/// The `user:password@host:port,…` part of a Sentinel or Cluster URL.
pub struct Authority {
    pub username: Option<String>,
    pub password: Option<String>,
    pub hosts: Vec<(String, u16)>,
    /// The hosts as written, for display (they hold no secrets).
    pub listed: String,
}

impl Authority {
    pub fn parse(authority: &str, default_port: u16, what: &str) -> Result<Authority, String> {
        let (credentials, listed) = match authority.rsplit_once('@') {
            Some((credentials, hosts)) => (Some(credentials), hosts),
            None => (None, authority),
        };
        let (username, password) = match credentials {
            None => (None, None),
            Some(credentials) => match credentials.split_once(':') {
                Some((user, password)) => (
                    (!user.is_empty()).then(|| decode(user)),
                    Some(decode(password)),
                ),
                None => (Some(decode(credentials)), None),
            },
        };
        let mut hosts = Vec::new();
        for host in listed.split(',').filter(|host| !host.is_empty()) {
            let (name, port) = match host.rsplit_once(':') {
                Some((name, port)) => (
                    name,
                    port.parse::<u16>()
                        .map_err(|_| format!("{what} `{host}` has no valid port"))?,
                ),
                None => (host, default_port),
            };
            hosts.push((name.trim_matches(['[', ']']).to_string(), port));
        }
        Ok(Authority {
            username,
            password,
            hosts,
            listed: listed.to_string(),
        })
    }
}

/// Credentials as a URL carries them (`user:password@`), encoded.
pub fn url_credentials(username: &Option<String>, password: &Option<String>) -> String {
    match (username, password) {
        (user, Some(password)) => format!(
            "{}:{}@",
            encode(user.as_deref().unwrap_or("")),
            encode(password)
        ),
        (Some(user), None) => format!("{}@", encode(user)),
        (None, None) => String::new(),
    }
}

/// Credentials as output shows them: the password never.
pub fn shown_credentials(username: &Option<String>, password: &Option<String>) -> String {
    match (username, password) {
        (_, Some(_)) => format!("{}:***@", username.as_deref().unwrap_or("")),
        (Some(user), None) => format!("{user}@"),
        (None, None) => String::new(),
    }
}

fn decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_else(|| text.to_string())
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinel_urls_parse_and_never_show_passwords() {
        let spec = SentinelSpec::parse(
            "redis+sentinel://app:s3cret@h1:26379,h2:26380/mymaster/2?sentinel_password=sp&tls=true",
        )
        .unwrap();
        assert_eq!(
            spec.sentinels,
            vec![("h1".into(), 26379), ("h2".into(), 26380)]
        );
        assert_eq!(spec.master, "mymaster");
        assert_eq!(spec.database, 2);
        assert_eq!(spec.sentinel_password.as_deref(), Some("sp"));
        assert!(spec.tls);
        assert_eq!(
            spec.display,
            "redis+sentinel://app:***@h1:26379,h2:26380/mymaster"
        );
        assert_eq!(
            spec.master_url("10.0.0.5", 6379),
            "rediss://app:s3cret@10.0.0.5:6379/2"
        );
        assert!(SentinelSpec::parse("redis+sentinel://h1:26379").is_err());
        assert!(SentinelSpec::parse("redis+sentinel://h1:x/m").is_err());
    }
}
