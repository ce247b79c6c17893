//! The host's airgap state, a small JSON file beside the spool: whether an operator forced
//! airgap, whether Redis was last found unreachable, the last probe and the last sync. A file
//! and not a table, so an enqueue with Redis up reads it without opening the spool.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AirgapState {
    /// Set by `fleetq airgap force`, cleared by `fleetq airgap release`.
    pub forced: Option<Forced>,
    /// Set when Redis was found unreachable, cleared when it answers again.
    pub outage: Option<Outage>,
    pub last_probe: Option<Probe>,
    pub last_sync: Option<SyncSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forced {
    pub reason: Option<String>,
    /// Unix milliseconds.
    pub since: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outage {
    pub reason: String,
    pub since: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    pub at: i64,
    pub reachable: bool,
}

/// The four counts of a sync, plus the records that failed authentication.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSummary {
    pub at: i64,
    pub pushed: u64,
    pub already_present: u64,
    pub conflicts: u64,
    pub failed: u64,
    pub tampered: u64,
}

/// The state file of the spool at `spool`.
pub fn state_path(spool: &Path) -> PathBuf {
    let mut name = spool.as_os_str().to_owned();
    name.push(".state.json");
    PathBuf::from(name)
}

/// The state as last written; a missing file is the default (connected, nothing forced).
pub fn load(spool: &Path) -> std::io::Result<AirgapState> {
    match std::fs::read(state_path(spool)) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(std::io::Error::other),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(AirgapState::default()),
        Err(error) => Err(error),
    }
}

/// Read, change and write the state under an exclusive lock, so two processes never undo
/// each other's change. The file is replaced whole (write, fsync, rename), created 0600.
pub fn update<T>(spool: &Path, change: impl FnOnce(&mut AirgapState) -> T) -> std::io::Result<T> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let path = state_path(spool);
    if let Some(directory) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(directory)?;
    }
    let mut lock_name = path.as_os_str().to_owned();
    lock_name.push(".lock");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(PathBuf::from(lock_name))?;
    // SAFETY: flock on a descriptor this function owns; released when `lock` is dropped
    if unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut state = load(spool)?;
    let before = state.clone();
    let value = change(&mut state);
    if state != before {
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)?;
        file.write_all(&serde_json::to_vec_pretty(&state).map_err(std::io::Error::other)?)?;
        file.sync_all()?;
        std::fs::rename(&temporary, &path)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_a_round_trip_and_is_private() {
        let directory = tempfile::tempdir().unwrap();
        let spool = directory.path().join("spool.db");
        assert_eq!(load(&spool).unwrap(), AirgapState::default());
        update(&spool, |state| {
            state.forced = Some(Forced {
                reason: Some("maintenance".into()),
                since: 5,
            })
        })
        .unwrap();
        assert_eq!(load(&spool).unwrap().forced.unwrap().since, 5);
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(state_path(&spool))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
