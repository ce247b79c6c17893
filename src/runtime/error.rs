//! Error types that callers branch on, and the exit code each one maps to.

use std::fmt;

/// The process exit codes fleetq promises (documented in the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    Failure,
    Usage,
    NotFound,
    Rejected,
    Unavailable,
    Interrupted,
}

impl ExitKind {
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Failure => 1,
            ExitKind::Usage => 2,
            ExitKind::NotFound => 3,
            ExitKind::Rejected => 4,
            ExitKind::Unavailable => 5,
            ExitKind::Interrupted => 130,
        }
    }
}

/// An error with a known exit code and an optional hint for the operator.
#[derive(Debug)]
pub struct Classified {
    pub kind: ExitKind,
    pub message: String,
    pub hint: Option<String>,
}

impl Classified {
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        Classified {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Usage, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ExitKind::NotFound, message)
    }

    pub fn rejected(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Rejected, message)
    }
}

impl fmt::Display for Classified {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for Classified {}

/// Failures of a backend, split by what the operator has to do about them.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackendError {
    #[error("cannot reach {backend}: {detail}")]
    Unavailable { backend: String, detail: String },
    /// Up but not serving yet: loading its data after a restart, running a long script, or
    /// mid-failover. Worth waiting out, like an unreachable server.
    #[error("{backend} cannot serve yet: {detail}")]
    Busy { backend: String, detail: String },
    #[error("{backend} is out of memory: {detail}")]
    OutOfMemory { backend: String, detail: String },
    #[error("{backend} is read-only: {detail}")]
    ReadOnly { backend: String, detail: String },
    #[error("{backend} refused the credentials: {detail}")]
    Authentication { backend: String, detail: String },
    #[error("{backend} denied a command to this user: {detail}")]
    Permission {
        backend: String,
        detail: String,
        /// The key prefix in use, so the hint names the keys to grant.
        prefix: String,
    },
    /// The address or client settings are wrong (a bad database number, say).
    #[error("cannot use {backend}: {detail}")]
    Config { backend: String, detail: String },
    #[error("TLS with {backend} failed: {detail}")]
    Tls { backend: String, detail: String },
    #[error("{backend} answered with an error: {detail}")]
    Server { backend: String, detail: String },
    /// The local store failed (a full disk, a read-only or damaged file); the hint, when
    /// there is one, is the store's own.
    #[error("{backend}: {detail}")]
    Store {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    /// The airgap spool's key does not open it, or none is configured.
    #[error("spool {spool}: {detail}")]
    SpoolKey { spool: String, detail: String },
    /// The airgap spool holds `max_spooled` jobs already.
    #[error("spool {spool} is full: it holds its limit of {limit} jobs; nothing was spooled")]
    SpoolFull { spool: String, limit: u64 },
    /// The caller passed something no backend may store (a priority of 12, an empty id).
    #[error("{detail}")]
    Invalid { detail: String },
    #[error("{backend} sent a reply fleetq does not understand: {detail}")]
    Protocol { backend: String, detail: String },
}

impl BackendError {
    pub fn exit_kind(&self) -> ExitKind {
        match self {
            BackendError::Unavailable { .. }
            | BackendError::Busy { .. }
            | BackendError::Tls { .. } => ExitKind::Unavailable,
            // a configuration problem, never a reason to treat Redis as down
            BackendError::SpoolFull { .. } => ExitKind::Rejected,
            BackendError::Authentication { .. }
            | BackendError::SpoolKey { .. }
            | BackendError::Config { .. }
            | BackendError::Invalid { .. } => ExitKind::Usage,
            _ => ExitKind::Failure,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            BackendError::Unavailable { .. } => Some(
                "is redis-server running? point fleetq at it with --backend or FLEETQ_BACKEND=redis://host:6379"
                    .to_string(),
            ),
            BackendError::Store { hint, .. } => hint.clone(),
            BackendError::SpoolKey { .. } => Some(
                "set the key the spool was written with: airgap.key_file (FLEETQ_AIRGAP_KEY_FILE) or FLEETQ_SPOOL_KEY"
                    .to_string(),
            ),
            BackendError::SpoolFull { .. } => Some(
                "bring Redis back and run fleetq sync, or raise airgap.max_spooled (FLEETQ_AIRGAP_MAX_SPOOLED)"
                    .to_string(),
            ),
            BackendError::Busy { .. } => Some(
                "Redis is loading its data, running a long script or failing over; try again in a few seconds (workers wait it out)"
                    .to_string(),
            ),
            BackendError::OutOfMemory { .. } => Some(
                "Redis is at maxmemory: new jobs are refused, but running workers still finish and drain jobs (Redis 7+); free room with CONFIG SET maxmemory, fewer kept done jobs (fleetq queues set Q --retain-done N) or fleetq queues purge"
                    .to_string(),
            ),
            BackendError::Authentication { .. } => Some(
                "check the user and password in the backend URL (redis://user:pass@host or redis+unix:///path?user=u&pass=p)"
                    .to_string(),
            ),
            BackendError::Permission { prefix, .. } => Some(format!(
                "grant the ACL user fleetq's commands and keys, e.g. ACL SETUSER app +@all ~{prefix}:* &*"
            )),
            BackendError::Tls { detail, .. } if detail.contains("handshake") => Some(
                "is the server speaking TLS on that port? use redis:// for a plain port and rediss:// for a TLS one"
                    .to_string(),
            ),
            BackendError::Tls { .. } => Some(
                "for a private CA set tls_ca_file (FLEETQ_TLS_CA_FILE); if the server wants client certificates set tls_cert_file and tls_key_file"
                    .to_string(),
            ),
            BackendError::Config { .. } => Some(
                "backend URLs look like redis://[user:pass@]host:6379[/DB] with DB a number, or redis+unix:///path.sock?db=N"
                    .to_string(),
            ),
            BackendError::ReadOnly { .. } => Some(
                "this node is a replica; point fleetq at the primary (after a failover the address changes)"
                    .to_string(),
            ),
            _ => None,
        }
    }
}

/// Finds the exit code and hint for any error, looking through its causes.
pub fn classify(error: &anyhow::Error) -> (ExitKind, Option<String>) {
    for cause in error.chain() {
        if let Some(classified) = cause.downcast_ref::<Classified>() {
            return (classified.kind, classified.hint.clone());
        }
        if let Some(backend) = cause.downcast_ref::<BackendError>() {
            return (backend.exit_kind(), backend.hint());
        }
    }
    (ExitKind::Failure, None)
}
