//! Waking idle workers of other processes without polling: each idle worker binds a unix
//! datagram socket in a directory beside the store, named after its queue; a producer that
//! made work ready sends one byte to every socket of that queue. A socket nobody listens on
//! any more (a killed worker) is removed by the first producer that finds it dead.

use crate::runtime::backend::{BackendResult, Doorbell};
use crate::runtime::error::BackendError;
use async_trait::async_trait;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// The directory of doorbells for one store.
#[derive(Debug, Clone)]
pub struct Bells {
    directory: PathBuf,
    /// Shared by the clones one backend hands out, so one producer lists the directory once.
    listing: Arc<Mutex<Listing>>,
}

/// The doorbell sockets a producer last found, kept while the directory is unchanged: listing
/// it took a one-job enqueue about 20 µs of its ~110, on every ring.
#[derive(Debug, Default)]
struct Listing {
    /// The directory's modification time when it was listed.
    modified: Option<SystemTime>,
    /// When it was listed.
    listed_at: Option<SystemTime>,
    names: Vec<std::ffi::OsString>,
    /// One unbound socket sends every ring.
    sender: Option<std::os::unix::net::UnixDatagram>,
}

/// How long after the directory's last change a listing must have been made to be trusted: a
/// file system stamps times from a clock that moves in ticks of a few milliseconds, so a
/// socket bound in the tick the listing was made could leave the time unchanged.
const SETTLED: Duration = Duration::from_millis(50);

impl Listing {
    /// Whether the names listed still hold for a directory last changed at `modified`.
    fn holds(&self, modified: SystemTime) -> bool {
        self.modified == Some(modified)
            && self
                .listed_at
                .is_some_and(|listed| listed >= modified + SETTLED)
    }
}

/// A short, fixed-length name for a queue (socket paths are limited to 108 bytes).
fn queue_key(queue: &str) -> String {
    // FNV-1a: stable across processes and versions, unlike the std hasher
    let hash = queue.bytes().fold(0xcbf29ce484222325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3)
    });
    format!("{hash:016x}")
}

impl Bells {
    pub fn beside(store: &Path) -> Bells {
        let mut name = store.as_os_str().to_owned();
        name.push(".wake");
        Bells {
            directory: PathBuf::from(name),
            listing: Arc::default(),
        }
    }

    /// Wakes every idle worker of `queue`; failures only cost the safety-net poll.
    pub fn ring(&self, queue: &str) {
        let Ok(modified) = std::fs::metadata(&self.directory).and_then(|meta| meta.modified())
        else {
            return;
        };
        let Ok(mut listing) = self.listing.lock() else {
            return;
        };
        if !listing.holds(modified) {
            // both times from before the listing: a change made while listing moves them on
            let listed_at = SystemTime::now();
            let Ok(entries) = std::fs::read_dir(&self.directory) else {
                return;
            };
            listing.names = entries.flatten().map(|entry| entry.file_name()).collect();
            listing.modified = Some(modified);
            listing.listed_at = Some(listed_at);
        }
        if listing.sender.is_none() {
            let Ok(sender) = std::os::unix::net::UnixDatagram::unbound() else {
                return;
            };
            let _ = sender.set_nonblocking(true);
            listing.sender = Some(sender);
        }
        let prefix = format!("{}-", queue_key(queue));
        let Listing { names, sender, .. } = &*listing;
        let Some(sender) = sender else { return };
        for name in names {
            if !name.to_string_lossy().starts_with(&prefix) {
                continue;
            }
            let path = self.directory.join(name);
            if let Err(error) = sender.send_to(b"1", &path)
                && matches!(
                    error.kind(),
                    std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::NotFound
                )
            {
                // the removal changes the directory, so the next ring lists it again
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    pub fn doorbell(&self, queue: &str, display: &str) -> BackendResult<LocalDoorbell> {
        use std::os::unix::fs::DirBuilderExt;
        let unavailable = |error: std::io::Error| BackendError::Unavailable {
            backend: display.to_string(),
            detail: format!(
                "cannot set up the doorbell in {}: {error}",
                self.directory.display()
            ),
            hint: Some("the directory beside the store must be writable by this user".to_string()),
        };
        if !self.directory.is_dir() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.directory)
                .map_err(unavailable)?;
        }
        let path = self.directory.join(format!(
            "{}-{}-{}",
            queue_key(queue),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_file(&path);
        let socket = std::os::unix::net::UnixDatagram::bind(&path).map_err(unavailable)?;
        socket.set_nonblocking(true).map_err(unavailable)?;
        let socket = tokio::net::UnixDatagram::from_std(socket).map_err(unavailable)?;
        Ok(LocalDoorbell { socket, path })
    }
}

pub struct LocalDoorbell {
    socket: tokio::net::UnixDatagram,
    path: PathBuf,
}

impl Drop for LocalDoorbell {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[async_trait]
impl Doorbell for LocalDoorbell {
    async fn wait(&mut self, timeout: Duration) -> BackendResult<bool> {
        let mut buffer = [0u8; 16];
        match tokio::time::timeout(timeout, self.socket.recv(&mut buffer)).await {
            Ok(Ok(_)) => {
                // several rings while busy count as one
                while self.socket.try_recv(&mut buffer).is_ok() {}
                Ok(true)
            }
            Ok(Err(_)) | Err(_) => Ok(false),
        }
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a ring is waiting on `bell`: a ring is queued on the socket before `ring`
    /// returns, so the socket is read without waiting (tokio's own try_recv would wait for the
    /// reactor to have seen it readable).
    fn rung(bell: &LocalDoorbell) -> bool {
        use std::os::fd::AsRawFd;
        let mut buffer = [0u8; 16];
        let mut any = false;
        loop {
            // SAFETY: a valid socket and a buffer of the length given
            let read = unsafe {
                libc::recv(
                    bell.socket.as_raw_fd(),
                    buffer.as_mut_ptr().cast(),
                    buffer.len(),
                    libc::MSG_DONTWAIT,
                )
            };
            if read < 0 {
                return any;
            }
            any = true;
        }
    }

    #[tokio::test]
    async fn a_ring_reaches_every_worker_of_its_queue_and_no_other() {
        let directory = tempfile::tempdir().unwrap();
        let bells = Bells::beside(&directory.path().join("store.db"));
        let first = bells.doorbell("q", "local:test").unwrap();
        bells.ring("q");
        assert!(rung(&first));
        // bound microseconds after that listing: on kernels whose file times move in ticks the
        // directory's time may not have moved (kernels from 6.13 stamp a watched directory finely)
        let second = bells.doorbell("q", "local:test").unwrap();
        let other = bells.doorbell("other", "local:test").unwrap();
        bells.ring("q");
        assert!(
            rung(&second),
            "a worker bound just after a ring missed the next one"
        );
        assert!(rung(&first));
        assert!(!rung(&other), "a ring reached another queue's worker");
        // a worker gone (its socket removed) is no longer rung, and the others still are
        drop(second);
        bells.ring("q");
        assert!(rung(&first));
        // a socket nobody listens on is removed by the ring that finds it
        let dead = directory
            .path()
            .join("store.db.wake")
            .join(format!("{}-0-dead", queue_key("q")));
        drop(std::os::unix::net::UnixDatagram::bind(&dead).unwrap());
        bells.ring("q");
        assert!(!dead.exists(), "a dead socket was left in place");
        assert!(rung(&first));
    }
}
