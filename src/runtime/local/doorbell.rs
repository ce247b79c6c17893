//! Waking idle workers of other processes without polling: each idle worker binds a unix
//! datagram socket in a directory beside the store, named after its queue; a producer that
//! made work ready sends one byte to every socket of that queue. A socket nobody listens on
//! any more (a killed worker) is removed by the first producer that finds it dead.

use crate::runtime::backend::{BackendResult, Doorbell};
use crate::runtime::error::BackendError;
use async_trait::async_trait;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// The directory of doorbells for one store.
#[derive(Debug, Clone)]
pub struct Bells {
    directory: PathBuf,
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
        }
    }

    /// Wakes every idle worker of `queue`; failures only cost the safety-net poll.
    pub fn ring(&self, queue: &str) {
        let Ok(entries) = std::fs::read_dir(&self.directory) else {
            return;
        };
        let prefix = format!("{}-", queue_key(queue));
        let Ok(sender) = std::os::unix::net::UnixDatagram::unbound() else {
            return;
        };
        let _ = sender.set_nonblocking(true);
        for entry in entries.flatten() {
            if !entry.file_name().to_string_lossy().starts_with(&prefix) {
                continue;
            }
            let path = entry.path();
            if let Err(error) = sender.send_to(b"1", &path)
                && matches!(
                    error.kind(),
                    std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::NotFound
                )
            {
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
