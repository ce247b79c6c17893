//! The local store's WAL checkpoints in a process that leases jobs: a thread of its own copies
//! the write-ahead log into the store, so a lease or an ack never waits for it.
//!
//! SQLite checkpoints on its own once the log reaches 1,000 pages, in whichever commit crosses
//! that line, and a checkpoint syncs the disk: with the store's connection locked for it, one
//! pickup in a hundred took 4-5 ms instead of 0.2. Kept below that line from here, the log
//! rarely reaches it; SQLite's own checkpoint stays as the fallback.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

/// How soon after a write the log is copied: short enough that a busy worker's log stays far
/// below SQLite's own threshold.
const BUSY_INTERVAL: Duration = Duration::from_millis(20);

/// The longest pause while nothing is written, so an idle worker wakes once a second.
const IDLE_INTERVAL: Duration = Duration::from_secs(1);

/// Runs checkpoints until dropped.
pub struct Checkpointer {
    /// Dropping it ends the thread.
    _stop: Sender<()>,
}

impl Checkpointer {
    /// Starts the thread on a connection of its own to the store at `path`; None when that
    /// connection cannot be opened (SQLite's own checkpoints then carry on alone).
    pub fn start(path: &Path) -> Option<Checkpointer> {
        // never creates the file: the store's own open made it 0600, and a store removed
        // meanwhile must not come back with default permissions
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        // a checkpoint never waits long for a lock: the next one comes soon
        connection.busy_timeout(Duration::from_millis(50)).ok()?;
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("fleetq-checkpoint".into())
            .spawn(move || {
                let mut interval = BUSY_INTERVAL;
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(interval) {
                    interval = match checkpoint(&connection) {
                        Some(pages) if pages > 0 => BUSY_INTERVAL,
                        // nothing new (or the store was busy): back off toward a second
                        _ => (interval * 2).min(IDLE_INTERVAL),
                    };
                }
            })
            .ok()?;
        Some(Checkpointer { _stop: stop })
    }
}

/// One passive checkpoint (it never blocks writers or readers): the pages it copied, or None
/// when it failed.
fn checkpoint(connection: &Connection) -> Option<i64> {
    // its row: busy, pages in the log, pages copied
    connection
        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
            row.get::<_, i64>(2)
        })
        .ok()
        .map(|copied| copied.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store that is not there is left not there: no file appears with default permissions.
    #[test]
    fn a_missing_store_is_not_created() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("gone.db");
        assert!(Checkpointer::start(&path).is_none());
        assert!(!path.exists());
    }

    /// Pages a process writes reach the store file through the thread: with SQLite's own
    /// checkpoints turned off, nothing else writes that file (WAL mode writes the log).
    #[test]
    fn written_pages_are_checkpointed_by_the_thread() {
        let (_directory, path, writer) = super::super::schema::tests::fresh();
        writer
            .execute_batch("PRAGMA wal_autocheckpoint = 0; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        let _checkpointer = Checkpointer::start(&path).expect("the thread starts");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut written = 0;
        while std::fs::metadata(&path).unwrap().len() == before {
            assert!(
                std::time::Instant::now() < deadline,
                "the store file did not grow within 10 s"
            );
            written += 1;
            writer
                .execute(
                    "INSERT INTO meta (name, value) VALUES (?1, ?2)",
                    (format!("row-{written}"), "x".repeat(4096)),
                )
                .unwrap();
        }
    }
}
