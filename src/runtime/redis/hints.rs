//! What an operator can do about each Redis failure: the hints the Redis backend attaches to
//! the errors it builds.

use crate::runtime::error::BackendError;

/// Fills in the Redis hint of an error that has none yet; `prefix` names the keys to grant.
pub fn with_hint(mut error: BackendError, prefix: &str) -> BackendError {
    let text = hint_for(&error, prefix);
    match &mut error {
        BackendError::Unavailable { hint, .. }
        | BackendError::Busy { hint, .. }
        | BackendError::OutOfMemory { hint, .. }
        | BackendError::ReadOnly { hint, .. }
        | BackendError::Authentication { hint, .. }
        | BackendError::Permission { hint, .. }
        | BackendError::Config { hint, .. }
        | BackendError::Tls { hint, .. }
            if hint.is_none() =>
        {
            *hint = text
        }
        _ => {}
    }
    error
}

fn hint_for(error: &BackendError, prefix: &str) -> Option<String> {
    let text = match error {
        BackendError::Unavailable { backend, .. } if backend.starts_with("redis+cluster") => {
            "are the cluster's nodes up? name a few of them, so any live one can show the way: redis+cluster://h1:7000,h2:7001,h3:7002"
        }
        BackendError::Unavailable { .. } => {
            "is redis-server running? point fleetq at it with --backend or FLEETQ_BACKEND=redis://host:6379"
        }
        BackendError::Busy { .. } => {
            "Redis is loading its data, running a long script, failing over, or moving this queue's slot to another cluster node; try again in a few seconds (workers wait it out)"
        }
        BackendError::OutOfMemory { .. } => {
            "Redis is at maxmemory: new jobs are refused, but running workers still finish and drain jobs (Redis 7+); free room with CONFIG SET maxmemory, fewer kept done jobs (fleetq queues set Q --retain-done N) or fleetq queues purge"
        }
        BackendError::Authentication { .. } => {
            "check the user and password in the backend URL (redis://user:pass@host or redis+unix:///path?user=u&pass=p)"
        }
        BackendError::Permission { .. } => {
            return Some(format!(
                "grant the ACL user fleetq's commands and keys, e.g. ACL SETUSER app +@all ~{prefix}:* &*"
            ));
        }
        BackendError::Tls { detail, .. } if detail.contains("handshake") => {
            "is the server speaking TLS on that port? use redis:// for a plain port and rediss:// for a TLS one"
        }
        BackendError::Tls { .. } => {
            "for a private CA set tls_ca_file (FLEETQ_TLS_CA_FILE); if the server wants client certificates set tls_cert_file and tls_key_file"
        }
        BackendError::Config { .. } => {
            "backend URLs look like redis://[user:pass@]host:6379[/DB] with DB a number, or redis+unix:///path.sock?db=N"
        }
        BackendError::ReadOnly { .. } => {
            "this node is a replica; point fleetq at the primary (after a failover the address changes)"
        }
        _ => return None,
    };
    Some(text.to_string())
}
