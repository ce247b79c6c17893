//! `fleetq doctor` on the local store: the file, who can read it, its journal, and the disk
//! it lives on.

use super::jobs::{Sql, query_row};
use crate::runtime::backend::{Check, Verdict};
use rusqlite::Transaction;
use std::path::Path;

pub fn checks(tx: &Transaction, path: &Path) -> Sql<Vec<Check>> {
    let mut checks = Vec::new();
    let version: i64 = query_row(tx, "PRAGMA user_version", [], |row| row.get(0))?;
    let jobs: i64 = query_row(tx, "SELECT COUNT(*) FROM jobs", [], |row| row.get(0))?;
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|meta| meta.len())
        .sum();
    checks.push(Check::new(
        "store",
        Verdict::Ok,
        format!(
            "{} (store version {version}, {jobs} jobs, {:.1} MiB)",
            path.display(),
            size as f64 / 1_048_576.0
        ),
        None,
    ));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0, |meta| meta.permissions().mode() & 0o777);
    checks.push(if mode & 0o077 == 0 {
        Check::new(
            "permissions",
            Verdict::Ok,
            format!("{mode:o}: this user only"),
            None,
        )
    } else {
        Check::new(
            "permissions",
            Verdict::Warn,
            format!("{mode:o}: other users can read the jobs"),
            Some("chmod 600 the store file"),
        )
    });
    let journal: String = query_row(tx, "PRAGMA journal_mode", [], |row| row.get(0))?;
    checks.push(if journal.eq_ignore_ascii_case("wal") {
        Check::new(
            "journal",
            Verdict::Ok,
            "WAL: readers never block the writer".into(),
            None,
        )
    } else {
        Check::new(
            "journal",
            Verdict::Warn,
            format!("{journal}: stats and workers wait on each other"),
            Some("the store switches to WAL when it can write; check the directory is writable"),
        )
    });
    let directory = path.parent().unwrap_or(Path::new("/"));
    let free = free_bytes(directory);
    let detail = format!(
        "{:.1} GiB free on {}",
        free as f64 / 1_073_741_824.0,
        directory.display()
    );
    checks.push(match free {
        free if free < 64 << 20 => Check::new(
            "disk space",
            Verdict::Fail,
            detail,
            Some("a full disk refuses every write: free space or move the store"),
        ),
        free if free < 512 << 20 => Check::new(
            "disk space",
            Verdict::Warn,
            detail,
            Some("free space before the disk fills"),
        ),
        _ => Check::new("disk space", Verdict::Ok, detail, None),
    });
    Ok(checks)
}

fn free_bytes(directory: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let Ok(name) = std::ffi::CString::new(directory.as_os_str().as_bytes()) else {
        return 0;
    };
    // SAFETY: statvfs fills the struct or fails; the name is a valid C string
    unsafe {
        let mut stats: libc::statvfs = std::mem::zeroed();
        if libc::statvfs(name.as_ptr(), &mut stats) != 0 {
            return 0;
        }
        stats.f_bavail as u64 * stats.f_frsize as u64
    }
}
