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
    Unavailable {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    /// Up but not serving yet: loading its data after a restart, running a long script, or
    /// mid-failover. Worth waiting out, like an unreachable server.
    #[error("{backend} cannot serve yet: {detail}")]
    Busy {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    #[error("{backend} is out of memory: {detail}")]
    OutOfMemory {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    /// Past the memory guard: refused before Redis itself would refuse writes.
    #[error("{backend} is nearly full: {detail}")]
    MemoryGuard {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    #[error("{backend} is read-only: {detail}")]
    ReadOnly {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    #[error("{backend} refused the credentials: {detail}")]
    Authentication {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    #[error("{backend} denied a command to this user: {detail}")]
    Permission {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    /// The address or client settings are wrong (a bad database number, say).
    #[error("cannot use {backend}: {detail}")]
    Config {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
    #[error("TLS with {backend} failed: {detail}")]
    Tls {
        backend: String,
        detail: String,
        hint: Option<String>,
    },
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
            BackendError::SpoolFull { .. } | BackendError::MemoryGuard { .. } => ExitKind::Rejected,
            BackendError::Authentication { .. }
            | BackendError::SpoolKey { .. }
            | BackendError::Config { .. }
            | BackendError::Invalid { .. } => ExitKind::Usage,
            _ => ExitKind::Failure,
        }
    }

    /// What the operator can do; each backend words its own hints when it builds the error
    /// (Redis's are in `redis/hints.rs`, the local store's in `local/mod.rs`).
    pub fn hint(&self) -> Option<String> {
        match self {
            BackendError::Unavailable { hint, .. }
            | BackendError::Busy { hint, .. }
            | BackendError::OutOfMemory { hint, .. }
            | BackendError::MemoryGuard { hint, .. }
            | BackendError::ReadOnly { hint, .. }
            | BackendError::Authentication { hint, .. }
            | BackendError::Permission { hint, .. }
            | BackendError::Config { hint, .. }
            | BackendError::Tls { hint, .. }
            | BackendError::Store { hint, .. } => hint.clone(),
            BackendError::SpoolKey { .. } => Some(
                "set the key the spool was written with: airgap.key_file (FLEETQ_AIRGAP_KEY_FILE) or FLEETQ_SPOOL_KEY"
                    .to_string(),
            ),
            BackendError::SpoolFull { .. } => Some(
                "bring Redis back and run fleetq sync, or raise airgap.max_spooled (FLEETQ_AIRGAP_MAX_SPOOLED)"
                    .to_string(),
            ),
            BackendError::Server { .. }
            | BackendError::Invalid { .. }
            | BackendError::Protocol { .. } => None,
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
