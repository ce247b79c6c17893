//! The local store's schema and how a store is opened: WAL, a busy timeout, files 0600 in a
//! 0700 directory, and a schema version that refuses a store written by a newer fleetq.

use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// Bumped whenever the tables or their indexes change; a store with a higher version is
/// refused. 8: `jobs_finished` names its states with `=` and `OR` (see `REBUILT_INDEXES`).
pub const SCHEMA_VERSION: i64 = 8;

/// How long a write waits for another process's write lock before it fails as busy.
pub(super) const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How many compiled statements a connection keeps (see `open`).
const STATEMENTS_CACHED: usize = 128;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS queues (
  name TEXT PRIMARY KEY,
  paused INTEGER NOT NULL DEFAULT 0,
  max_len INTEGER NOT NULL DEFAULT 0,
  retain_done INTEGER,
  fence INTEGER NOT NULL DEFAULT 0,
  next_order INTEGER NOT NULL DEFAULT 0,
  head_order INTEGER NOT NULL DEFAULT 0,
  enqueued INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0,
  retried INTEGER NOT NULL DEFAULT 0,
  trimmed INTEGER NOT NULL DEFAULT 0,
  kept_done INTEGER NOT NULL DEFAULT 0,
  kept_cancelled INTEGER NOT NULL DEFAULT 0,
  reaper_until INTEGER NOT NULL DEFAULT 0,
  retain_dead INTEGER NOT NULL DEFAULT 0,
  retain_ms INTEGER NOT NULL DEFAULT 0,
  fair INTEGER NOT NULL DEFAULT 0,
  fair_cursor TEXT,
  rate_us INTEGER NOT NULL DEFAULT 0,
  rate_burst INTEGER NOT NULL DEFAULT 0,
  rate_tat INTEGER NOT NULL DEFAULT 0,
  max_inflight INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS jobs (
  queue TEXT NOT NULL,
  id TEXT NOT NULL,
  state TEXT NOT NULL,
  priority INTEGER NOT NULL,
  ready_order INTEGER,
  data TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 0,
  timeout_ms INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  run_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  token TEXT,
  owner TEXT,
  lease_deadline INTEGER,
  unique_key TEXT,
  unique_until_done INTEGER NOT NULL DEFAULT 0,
  correlation_id TEXT,
  session TEXT,
  last_error TEXT,
  errors TEXT,
  stderr TEXT,
  outputs TEXT,
  PRIMARY KEY (queue, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS jobs_pending ON jobs (queue, priority, ready_order) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS jobs_delayed ON jobs (queue, run_at) WHERE state = 'delayed';
CREATE INDEX IF NOT EXISTS jobs_active ON jobs (queue, lease_deadline) WHERE state = 'active';
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (queue, state, finished_at)
  WHERE state = 'done' OR state = 'dead' OR state = 'cancelled';
CREATE INDEX IF NOT EXISTS jobs_by_id ON jobs (id);
CREATE TABLE IF NOT EXISTS uniques (
  queue TEXT NOT NULL,
  key TEXT NOT NULL,
  id TEXT NOT NULL,
  expires_at INTEGER,
  PRIMARY KEY (queue, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workers (
  queue TEXT NOT NULL,
  worker TEXT NOT NULL,
  beat_at INTEGER NOT NULL,
  PRIMARY KEY (queue, worker)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS throughput (
  queue TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (queue, bucket)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS jobs_by_session ON jobs (queue, session) WHERE session IS NOT NULL;
CREATE INDEX IF NOT EXISTS jobs_fair ON jobs (queue, priority, session, ready_order)
  WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS sessions (
  queue TEXT NOT NULL,
  session TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  created_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (queue, session)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  queue TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ids TEXT NOT NULL,
  fields TEXT
);
CREATE INDEX IF NOT EXISTS events_by_queue ON events (queue, seq);
CREATE TABLE IF NOT EXISTS meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rates (
  queue TEXT NOT NULL,
  scope TEXT NOT NULL,
  tat INTEGER NOT NULL,
  PRIMARY KEY (queue, scope)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS registry (
  worker TEXT PRIMARY KEY,
  info TEXT NOT NULL,
  seen_at INTEGER NOT NULL
);
";

/// Indexes whose definition changed since a store may have been created, dropped before the
/// schema is applied so that it creates them anew. `jobs_finished` was `WHERE state IN ('done',
/// 'dead', 'cancelled')`: SQLite checked every row written against that list through two
/// temporary b-trees (an UPDATE of a job cost about 30% more), and no query could use the
/// index, since `state = 'done'` does not prove an IN list; it proves one term of an OR.
const REBUILT_INDEXES: &str = "DROP INDEX IF EXISTS jobs_finished;";

/// Why a store could not be opened, and what to do about it.
pub struct OpenError {
    pub detail: String,
    pub hint: Option<&'static str>,
}

impl From<String> for OpenError {
    fn from(detail: String) -> Self {
        OpenError { detail, hint: None }
    }
}

/// Opens (creating if needed) the store at `path`.
pub fn open(path: &Path) -> Result<Connection, OpenError> {
    if let Some(directory) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        create_private_directory(directory)?;
    }
    let fresh = !path.exists();
    if fresh {
        // created 0600 before SQLite opens it, so no other user can ever read the jobs
        use std::os::unix::fs::OpenOptionsExt;
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path);
        match created {
            Ok(_) => {}
            // another fleetq process created it a moment ago: open theirs
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => {
                return Err(OpenError::from(format!(
                    "cannot create {}: {error}",
                    path.display()
                )));
            }
        }
    }
    let connection = Connection::open(path)
        .map_err(|error| OpenError::from(format!("cannot open {}: {error}", path.display())))?;
    connection
        .busy_timeout(LOCK_WAIT)
        .map_err(|error| OpenError::from(error.to_string()))?;
    // a worker's lease, ack, beat and enqueue paths run dozens of distinct statements; with
    // rusqlite's default cache of 16 they evicted each other and were compiled again per call
    connection.set_prepared_statement_cache_capacity(STATEMENTS_CACHED);
    // WAL lets readers (stats) run beside a writer; NORMAL syncs at every checkpoint, so a
    // process crash loses nothing committed and a power loss at most the last transactions
    switch_to_wal(&connection).map_err(|error| OpenError {
        detail: format!("cannot open {}: {error}", path.display()),
        hint: Some("the file is damaged, not a fleetq store, or not writable here; point --backend local:PATH at another file"),
    })?;
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|error| OpenError {
            detail: format!("{} is not a fleetq store: {error}", path.display()),
            hint: Some("the file is damaged or belongs to something else; point --backend local:PATH at another file"),
        })?;
    if version > SCHEMA_VERSION {
        return Err(OpenError {
            detail: format!(
                "{} was written by a newer fleetq (store version {version}, this fleetq knows {SCHEMA_VERSION}); nothing was changed",
                path.display()
            ),
            hint: Some(
                "run the newer fleetq on this host, or point --backend local:PATH at another file",
            ),
        });
    }
    // a store already at this version needs nothing: every short-lived `fleetq enqueue`
    // saves the schema statements
    if version < SCHEMA_VERSION {
        // in one transaction, so a process that opens the store meanwhile never finds an
        // index missing
        connection
            .execute_batch(&format!(
                "BEGIN IMMEDIATE; {REBUILT_INDEXES} {SCHEMA} COMMIT;"
            ))
            .map_err(|error| {
                OpenError::from(format!("cannot set up {}: {error}", path.display()))
            })?;
        // columns added after version 1: a store that has them (created just now) refuses
        // the second ADD, which is fine
        for column in [
            "retain_dead INTEGER NOT NULL DEFAULT 0",
            "retain_ms INTEGER NOT NULL DEFAULT 0",
            "fair INTEGER NOT NULL DEFAULT 0",
            "fair_cursor TEXT",
            "rate_us INTEGER NOT NULL DEFAULT 0",
            "rate_burst INTEGER NOT NULL DEFAULT 0",
            "rate_tat INTEGER NOT NULL DEFAULT 0",
            "max_inflight INTEGER NOT NULL DEFAULT 0",
        ] {
            let _ = connection.execute_batch(&format!("ALTER TABLE queues ADD COLUMN {column}"));
        }
        connection
            .pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|error| OpenError::from(error.to_string()))?;
    }
    Ok(connection)
}

/// Sets WAL mode. Switching a new store's journal needs it to itself, and SQLite does not wait
/// for that, so processes opening a new store at once (two workers started together) retry
/// here for as long as the busy timeout, instead of one failing with `database is locked`.
fn switch_to_wal(connection: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match connection.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") {
            Err(rusqlite::Error::SqliteFailure(failure, _))
                if matches!(
                    failure.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            result => return result,
        }
    }
}

fn create_private_directory(directory: &Path) -> Result<(), OpenError> {
    if directory.is_dir() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(directory)
        .map_err(|error| OpenError::from(format!("cannot create {}: {error}", directory.display())))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A new store in a temporary directory (kept while the first value lives), its path and
    /// a connection to it.
    pub(in crate::runtime::local) fn fresh() -> (tempfile::TempDir, std::path::PathBuf, Connection)
    {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("store.db");
        let connection = open(&path).unwrap_or_else(|error| panic!("{}", error.detail));
        (directory, path, connection)
    }

    /// The opcodes SQLite compiles `sql` to.
    fn opcodes(connection: &Connection, sql: &str) -> Vec<String> {
        let mut statement = connection.prepare(&format!("EXPLAIN {sql}")).unwrap();
        let count = statement.parameter_count();
        let nulls = vec![rusqlite::types::Null; count];
        statement
            .query_map(rusqlite::params_from_iter(nulls), |row| row.get(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// SQLite's query plan for `sql` (parameters bound to NULL), its steps joined.
    pub(in crate::runtime::local) fn plan(connection: &Connection, sql: &str) -> String {
        let mut statement = connection
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let nulls = vec![rusqlite::types::Null; statement.parameter_count()];
        let steps: Vec<String> = statement
            .query_map(rusqlite::params_from_iter(nulls), |row| row.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        steps.join("; ")
    }

    /// Writing a job checks it against every partial index's condition; none may need a
    /// temporary b-tree for that (an IN list did, twice per UPDATE).
    #[test]
    fn writing_a_job_builds_no_temporary_btree() {
        let (_directory, _path, connection) = fresh();
        for sql in [
            "UPDATE jobs SET state = 'done', finished_at = ?3 WHERE queue = ?1 AND id = ?2",
            "UPDATE jobs SET state = 'active', token = ?3 WHERE queue = ?1 AND id = ?2",
            "INSERT OR IGNORE INTO jobs (queue, id, state, priority, ready_order, data,
               created_at, run_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            "DELETE FROM jobs WHERE queue = ?1 AND id = ?2",
        ] {
            let codes = opcodes(&connection, sql);
            assert!(
                !codes.iter().any(|code| code == "OpenEphemeral"),
                "{sql}: {codes:?}"
            );
        }
    }

    /// Listing or trimming the jobs of one finished state seeks the `jobs_finished` index in
    /// finish order, instead of sorting every job of the queue.
    #[test]
    fn finished_jobs_are_found_through_their_index() {
        let (_directory, _path, connection) = fresh();
        for state in ["done", "dead", "cancelled"] {
            for order in ["finished_at", "finished_at DESC"] {
                let found = plan(
                    &connection,
                    &format!(
                        "SELECT id FROM jobs WHERE queue = ?1 AND state = '{state}'
                         ORDER BY {order} LIMIT 10"
                    ),
                );
                assert!(found.contains("jobs_finished"), "{state}: {found}");
                assert!(!found.contains("TEMP B-TREE"), "{state}: {found}");
            }
        }
    }

    /// A store made by an older fleetq gets the index's new definition when it is opened.
    #[test]
    fn an_older_store_is_given_the_new_index() {
        let (_directory, path, first) = fresh();
        drop(first);
        let older = Connection::open(&path).unwrap();
        older
            .execute_batch(
                "DROP INDEX jobs_finished;
                 CREATE INDEX jobs_finished ON jobs (queue, state, finished_at)
                   WHERE state IN ('done', 'dead', 'cancelled');
                 PRAGMA user_version = 7;",
            )
            .unwrap();
        drop(older);
        let connection = open(&path).unwrap_or_else(|error| panic!("{}", error.detail));
        let definition: String = connection
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'jobs_finished'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert!(definition.contains(" OR "), "{definition}");
        let version: i64 = connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
