//! The local store's schema and how a store is opened: WAL, a busy timeout, files 0600 in a
//! 0700 directory, and a schema version that refuses a store written by a newer fleetq.

use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// Bumped whenever the tables change; a store with a higher version is refused.
pub const SCHEMA_VERSION: i64 = 7;

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
  WHERE state IN ('done', 'dead', 'cancelled');
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
        .busy_timeout(Duration::from_secs(10))
        .map_err(|error| OpenError::from(error.to_string()))?;
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
        connection.execute_batch(SCHEMA).map_err(|error| {
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
