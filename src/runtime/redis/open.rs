//! Opening the Redis backend: a standalone server, the master Sentinel names, or a cluster;
//! each checked (version, memory) before its first call.

use super::connection::{self, Target};
use super::link::{Connection, Link, Opener};
use super::scripts::Scripts;
use super::{DEFAULT_MEMORY_GUARD, RedisBackend, cluster, sentinel};
use crate::runtime::backend::{BackendResult, MemoryUsage};
use crate::runtime::config::TlsFiles;
use crate::runtime::error::BackendError;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// What connecting learned of the server: its version, and its memory then.
pub(super) struct Server {
    version: Option<(u32, u32)>,
    memory: MemoryUsage,
}

/// Opens a client and its shared connection, and checks the server.
pub(super) async fn open_link(
    url: &str,
    target: &Target,
    tls: &TlsFiles,
    connect_timeout: Duration,
    command_timeout: Duration,
) -> BackendResult<(Link, Server)> {
    let client = connection::client(url, target, tls).map_err(|error| target.hinted(error))?;
    let connection = connection::connect(
        &client,
        target,
        url.starts_with("rediss://"),
        connect_timeout,
        command_timeout,
    )
    .await
    .map_err(|error| target.hinted(error))?;
    let mut connection = Connection::Managed(connection);
    let (version, memory) = connection::check_server(&mut connection, target).await?;
    Ok((
        Link {
            connection,
            opener: Opener::Single(Box::new(client)),
        },
        Server { version, memory },
    ))
}

/// The settings every kind of Redis URL is opened with.
#[derive(Clone, Copy)]
pub struct ConnectOptions<'a> {
    /// The key prefix (`fleetq` unless configured).
    pub prefix: &'a str,
    pub connect_timeout: Duration,
    pub command_timeout: Duration,
    pub tls: &'a TlsFiles,
}

impl ConnectOptions<'_> {
    /// How errors name the server (`display`, its URL without secrets) and key prefix.
    fn target(&self, display: String) -> Target {
        Target {
            display,
            prefix: self.prefix.to_string(),
        }
    }
}

/// A Sentinel or Cluster URL that does not parse (config parsing has usually said so first).
fn invalid_url(scheme: &str, detail: String) -> BackendError {
    BackendError::Config {
        backend: scheme.into(),
        detail,
        hint: None,
    }
}

impl RedisBackend {
    pub async fn connect(
        url: &str,
        display: &str,
        options: &ConnectOptions<'_>,
    ) -> BackendResult<RedisBackend> {
        let target = options.target(display.to_string());
        let (link, server) = open_link(
            url,
            &target,
            options.tls,
            options.connect_timeout,
            options.command_timeout,
        )
        .await?;
        Ok(RedisBackend::with_link(link, None, target, options, server))
    }

    /// Connects to the master the sentinels name (`redis+sentinel://`).
    pub async fn connect_sentinel(
        url: &str,
        options: &ConnectOptions<'_>,
    ) -> BackendResult<RedisBackend> {
        let spec = sentinel::SentinelSpec::parse(url)
            .map_err(|detail| invalid_url("redis+sentinel", detail))?;
        let target = options.target(spec.display.clone());
        let (host, port) = spec.resolve(options.connect_timeout).await?;
        let (link, server) = open_link(
            &spec.master_url(&host, port),
            &target,
            options.tls,
            options.connect_timeout,
            options.command_timeout,
        )
        .await?;
        let state = sentinel::Sentinel::new(
            spec,
            (host, port),
            options.command_timeout,
            options.tls.clone(),
        );
        Ok(RedisBackend::with_link(
            link,
            Some(state),
            target,
            options,
            server,
        ))
    }

    /// Connects to a Redis Cluster through its seed nodes (`redis+cluster://`).
    pub async fn connect_cluster(
        url: &str,
        options: &ConnectOptions<'_>,
    ) -> BackendResult<RedisBackend> {
        let spec = cluster::ClusterSpec::parse(url)
            .map_err(|detail| invalid_url("redis+cluster", detail))?;
        let target = options.target(spec.display.clone());
        let mut link = cluster::open_cluster(
            &spec,
            &target,
            options.tls,
            options.connect_timeout,
            options.command_timeout,
        )
        .await?;
        let (version, memory) = connection::check_server(&mut link.connection, &target).await?;
        Ok(RedisBackend::with_link(
            link,
            None,
            target,
            options,
            Server { version, memory },
        ))
    }

    fn with_link(
        link: Link,
        sentinel: Option<sentinel::Sentinel>,
        target: Target,
        options: &ConnectOptions<'_>,
        server: Server,
    ) -> RedisBackend {
        let cluster = link.is_cluster();
        let scripts = Scripts::for_server(server.version, cluster);
        RedisBackend {
            link: Arc::new(RwLock::new(link)),
            sentinel,
            target,
            prefix: options.prefix.to_string(),
            connect_timeout: options.connect_timeout,
            scripts,
            functions: std::sync::atomic::AtomicBool::new(scripts.library.is_some()),
            multi_pop: !matches!(server.version, Some(version) if version < (7, 0)),
            events: true,
            memory_guard: DEFAULT_MEMORY_GUARD,
            memory: std::sync::Mutex::new(Some((std::time::Instant::now(), server.memory))),
        }
    }
}
