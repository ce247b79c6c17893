//! Redis Cluster: `redis+cluster://[user:pass@]h1:7000,h2:7001[?tls=true]`. Every key of a
//! queue carries the hash tag `{queue}`, so a queue lives in one slot and its scripts run on
//! one node; redis-rs follows MOVED and ASK and finds a promoted replica after a failover.

use super::connection::Target;
use super::link::{Connection, Link, Opener};
use super::sentinel::{Authority, shown_credentials, url_credentials};
use crate::runtime::backend::BackendResult;
use crate::runtime::config::TlsFiles;
use crate::runtime::error::BackendError;
use redis::cluster::ClusterClientBuilder;
use std::time::Duration;

/// How many times one call is retried through redirections, resharding (TRYAGAIN) and a
/// failover (CLUSTERDOWN, lost nodes) before its error reaches the caller, and the shortest
/// and longest pause between tries (doubling from 20 ms): together, about 4 s of waiting, they
/// span a failover of a few seconds and stay inside the default 10 s command timeout, so the
/// caller sees the cause, not a timeout. redis-rs's own shortest pause is 1.28 s, which would
/// stall every call met by a moving slot for seconds.
const RETRIES: u32 = 12;
const SHORTEST_RETRY_WAIT_MS: u64 = 10;
const LONGEST_RETRY_WAIT_MS: u64 = 500;

/// A parsed cluster URL; secrets stay here and in the node URLs built from it.
pub struct ClusterSpec {
    pub nodes: Vec<(String, u16)>,
    username: Option<String>,
    password: Option<String>,
    pub tls: bool,
    pub display: String,
}

impl ClusterSpec {
    pub fn parse(text: &str) -> Result<ClusterSpec, String> {
        let rest = text
            .strip_prefix("redis+cluster://")
            .ok_or("a cluster URL starts with redis+cluster://")?;
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        if !path.trim_matches('/').is_empty() && path.trim_matches('/') != "0" {
            return Err("a cluster has only database 0".into());
        }
        let authority = Authority::parse(authority, 6379, "node")?;
        if authority.hosts.is_empty() {
            return Err("name at least one node: redis+cluster://host:7000,host:7001".into());
        }
        let mut tls = false;
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "tls" => tls = matches!(value, "true" | "1" | "yes" | "on"),
                other => return Err(format!("unknown cluster option `{other}` (tls)")),
            }
        }
        let display = format!(
            "redis+cluster://{}{}",
            shown_credentials(&authority.username, &authority.password),
            authority.listed
        );
        Ok(ClusterSpec {
            nodes: authority.hosts,
            username: authority.username,
            password: authority.password,
            tls,
            display,
        })
    }

    /// The URL of one node, with the cluster's credentials.
    pub fn node_url(&self, host: &str, port: u16) -> String {
        let scheme = if self.tls { "rediss" } else { "redis" };
        let credentials = url_credentials(&self.username, &self.password);
        format!("{scheme}://{credentials}{host}:{port}")
    }
}

/// Connects to the cluster through its seed nodes (any live one will do).
pub async fn open_cluster(
    spec: &ClusterSpec,
    target: &Target,
    tls: &TlsFiles,
    connect_timeout: Duration,
    command_timeout: Duration,
) -> BackendResult<Link> {
    let urls: Vec<String> = spec
        .nodes
        .iter()
        .map(|(host, port)| spec.node_url(host, port.to_owned()))
        .collect();
    let mut seeds = Vec::new();
    for url in &urls {
        seeds.push(super::connection::client(url, target, tls)?);
    }
    let mut builder = ClusterClientBuilder::new(urls.clone())
        .connection_timeout(connect_timeout)
        .response_timeout(command_timeout)
        .retries(RETRIES)
        .min_retry_wait(SHORTEST_RETRY_WAIT_MS)
        .max_retry_wait(LONGEST_RETRY_WAIT_MS);
    if spec.tls {
        let _ = rustls::crypto::ring::default_provider().install_default();
        if let Some(certificates) = super::connection::certificates(target, tls)? {
            builder = builder.certs(certificates);
        }
    }
    let client = builder.build().map_err(|error| target.map(error))?;
    let attempt = client.get_async_connection();
    let connection = match tokio::time::timeout(connect_timeout, attempt).await {
        Ok(Ok(connection)) => connection,
        Ok(Err(error)) => return Err(target.hinted(target.map(error))),
        Err(_) => {
            return Err(target.hinted(BackendError::Unavailable {
                backend: target.display.clone(),
                detail: format!(
                    "no cluster node answered within {}",
                    crate::runtime::duration::format_duration(connect_timeout)
                ),
                hint: None,
            }));
        }
    };
    Ok(Link {
        connection: Connection::Cluster(connection),
        opener: Opener::Cluster {
            client: Box::new(client),
            seeds,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_urls_parse_and_never_show_passwords() {
        let spec =
            ClusterSpec::parse("redis+cluster://app:s3cret@h1:7000,h2:7001?tls=true").unwrap();
        assert_eq!(spec.nodes, vec![("h1".into(), 7000), ("h2".into(), 7001)]);
        assert!(spec.tls);
        assert_eq!(spec.display, "redis+cluster://app:***@h1:7000,h2:7001");
        assert_eq!(spec.node_url("h1", 7000), "rediss://app:s3cret@h1:7000");
        assert_eq!(
            ClusterSpec::parse("redis+cluster://h1").unwrap().nodes,
            vec![("h1".into(), 6379)]
        );
        assert!(ClusterSpec::parse("redis+cluster://").is_err());
        assert!(ClusterSpec::parse("redis+cluster://h1:x").is_err());
        assert!(ClusterSpec::parse("redis+cluster://h1:7000/3").is_err());
        assert!(ClusterSpec::parse("redis+cluster://h1:7000?db=1").is_err());
    }
}
