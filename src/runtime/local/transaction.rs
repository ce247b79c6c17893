//! The local store's write path: one IMMEDIATE transaction per operation on a blocking
//! thread, and SQLite's errors turned into ones an operator can act on (a full disk, a
//! read-only file, a damaged store, a lock held too long).

use super::LocalBackend;
use super::jobs::Sql;
use crate::runtime::backend::BackendResult;
use crate::runtime::error::BackendError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

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
                let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = work(&tx)?;
                tx.commit()?;
                Ok(value)
            };
            run(&mut connection).map_err(|error| map_error(&display, error))
        })
        .await
        .map_err(|error| store_error(&self.display, error.to_string()))?
    }
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
    use rusqlite::ErrorCode;
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
