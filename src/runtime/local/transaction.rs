//! The local store's write path: one IMMEDIATE transaction per operation on a blocking
//! thread (or at once on the caller's, for the small writes an idle pickup waits on), and
//! SQLite's errors turned into ones an operator can act on (a full disk, a read-only file, a
//! damaged store, a lock held too long).

use super::LocalBackend;
use super::jobs::Sql;
use super::schema::LOCK_WAIT;
use crate::runtime::backend::BackendResult;
use crate::runtime::error::BackendError;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

impl LocalBackend {
    /// Runs `work` in one write transaction on a blocking thread.
    pub(super) async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Transaction) -> Sql<T> + Send + 'static,
    ) -> BackendResult<T> {
        let connection = self.connection.clone();
        let display = self.display.clone();
        tokio::task::spawn_blocking(move || {
            let mut connection = connection
                .lock()
                .map_err(|_| store_error(&display, "the store's lock was poisoned".into()))?;
            let run = |connection: &mut Connection| -> Sql<T> {
                // IMMEDIATE takes the write lock up front, so two processes never deadlock
                // upgrading a read to a write
                committed(
                    connection.transaction_with_behavior(TransactionBehavior::Immediate)?,
                    work,
                )
            };
            run(&mut connection).map_err(|error| map_error(&display, error))
        })
        .await
        .map_err(|error| store_error(&self.display, error.to_string()))?
    }

    /// Runs `work` as `write` does, except that with `soon` it runs at once on the calling
    /// thread when the store is free. For the small writes an idle pickup waits on (one job
    /// enqueued, an idle worker's lease): handing each to a blocking thread and back cost two
    /// thread wakeups, about a quarter of a local pickup. A write that would wait for another
    /// process's lock still waits on a blocking thread, never here; a batch's write stays on
    /// the blocking pool, where it runs beside this thread's other work.
    pub(super) async fn write_soon<T: Send + 'static, W>(
        &self,
        soon: bool,
        work: W,
    ) -> BackendResult<T>
    where
        W: FnOnce(&Transaction) -> Sql<T> + Send + 'static,
    {
        if !soon {
            return self.write(work).await;
        }
        match self.write_here(work) {
            Ok(done) => done,
            Err(work) => self.write(work).await,
        }
    }

    /// `work` run now when neither this process nor another holds the store's write lock;
    /// `work` handed back otherwise.
    fn write_here<T, W>(&self, work: W) -> Result<BackendResult<T>, W>
    where
        W: FnOnce(&Transaction) -> Sql<T>,
    {
        let Ok(mut connection) = self.connection.try_lock() else {
            return Err(work);
        };
        // a busy store answers at once here instead of after SQLite's wait
        if connection.busy_timeout(std::time::Duration::ZERO).is_err() {
            return Err(work);
        }
        let outcome = match connection.transaction_with_behavior(TransactionBehavior::Immediate) {
            Ok(tx) => Ok(committed(tx, work)),
            Err(error) => Err((error, work)),
        };
        // SQLite's busy_timeout cannot fail (it only sets the handler)
        let _ = connection.busy_timeout(LOCK_WAIT);
        match outcome {
            Ok(done) => Ok(done.map_err(|error| map_error(&self.display, error))),
            Err((error, work)) if busy(&error) => Err(work),
            Err((error, _)) => Ok(Err(map_error(&self.display, error))),
        }
    }
}

/// `work` done in `tx`, and `tx` committed (dropped uncommitted, it rolls back).
fn committed<T>(tx: Transaction, work: impl FnOnce(&Transaction) -> Sql<T>) -> Sql<T> {
    let value = work(&tx)?;
    tx.commit()?;
    Ok(value)
}

/// Whether SQLite refused for a lock another connection holds.
fn busy(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(failure, _)
            if matches!(failure.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

pub(super) fn store_error(display: &str, detail: String) -> BackendError {
    BackendError::Store {
        backend: display.to_string(),
        detail,
        hint: None,
    }
}

/// Turns a SQLite error into one the operator can act on.
fn map_error(display: &str, error: rusqlite::Error) -> BackendError {
    let backend = display.to_string();
    let detail = error.to_string();
    let code = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
        _ => None,
    };
    let hint = match code {
        Some(ErrorCode::DiskFull) => Some(
            "the disk holding the store is full; free space and try again (nothing stored was lost)",
        ),
        // a write the kernel refused: no space, a file-size limit, or a failing disk
        Some(ErrorCode::SystemIoFailure) => Some(
            "the store could not be written: is its disk full, the file past a size limit (ulimit -f), or the disk failing? nothing committed was lost; free space and try again",
        ),
        Some(ErrorCode::ReadOnly) => {
            Some("the store is read-only here: check the file's and its directory's permissions")
        }
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Some(
            "the store file is damaged or not a fleetq store; point --backend local:PATH at another file",
        ),
        _ => None,
    }
    .map(str::to_string);
    match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            BackendError::Busy {
                backend,
                detail,
                hint: Some(
                    "another fleetq process held the store's write lock for over 10 s; try again (workers wait it out)"
                        .to_string(),
                ),
            }
        }
        _ => BackendError::Store {
            backend,
            detail,
            hint,
        },
    }
}
