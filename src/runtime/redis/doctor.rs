//! `fleetq doctor` on Redis: the server settings a queue depends on, each judged with what to
//! do about it.

use super::RedisBackend;
use crate::runtime::backend::{BackendResult, Check, Verdict};
use crate::runtime::job::WorkerEntry;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn field<'a>(info: &'a str, name: &str) -> Option<&'a str> {
    info.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .map(str::trim)
}

impl RedisBackend {
    pub(super) async fn run_checks(&self) -> BackendResult<Vec<Check>> {
        let mut connection = self.connection();
        // the default sections hold the server's version and its persistence
        // a cluster answers once per master: the first speaks for version and persistence,
        // the fullest for memory
        let infos = super::link::on_every_master(&mut connection, redis::cmd("INFO"))
            .await
            .map_err(|error| self.map(error))?;
        let info = infos.first().cloned().unwrap_or_default();
        let (server, persistence) = (info.as_str(), info.as_str()); // both sections are in it
        let memory = self.usage_of(&infos);
        let mut checks = Vec::new();

        let version = field(server, "redis_version").unwrap_or("unknown");
        let major: u32 = version
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        checks.push(if major >= 7 {
            Check::new(
                "server version",
                Verdict::Ok,
                format!("Redis {version}"),
                None,
            )
        } else {
            Check::new(
                "server version",
                Verdict::Warn,
                format!("Redis {version}: scripts cannot run at maxmemory before 7.0"),
                Some("upgrade to Redis 7 so workers can still ack when memory is full"),
            )
        });

        checks.push(self.library_check(&mut connection).await);

        let aof = field(persistence, "aof_enabled") == Some("1");
        // CONFIG may be denied (managed servers, ACLs): then RDB is an unknown, judged a warning
        let save: Option<Vec<String>> = redis::cmd("CONFIG")
            .arg("GET")
            .arg("save")
            .query_async(&mut connection)
            .await
            .ok();
        let rdb_saves = save
            .as_ref()
            .is_none_or(|pair| pair.get(1).is_some_and(|rules| !rules.trim().is_empty()));
        checks.push(match (aof, rdb_saves) {
            (true, _) => Check::new(
                "persistence",
                Verdict::Ok,
                "AOF on: acknowledged jobs survive a restart".into(),
                None,
            ),
            (false, true) => Check::new(
                "persistence",
                Verdict::Warn,
                "RDB snapshots only: jobs since the last snapshot are lost if Redis crashes".into(),
                Some("turn on AOF: CONFIG SET appendonly yes (and appendonly yes in redis.conf)"),
            ),
            (false, false) => Check::new(
                "persistence",
                Verdict::Fail,
                "no AOF and no RDB snapshot: a restart loses every job".into(),
                Some("turn on AOF: CONFIG SET appendonly yes (and appendonly yes in redis.conf)"),
            ),
        });

        checks.push(if memory.policy == "noeviction" {
            Check::new("eviction policy", Verdict::Ok, "noeviction".into(), None)
        } else {
            Check::new(
                "eviction policy",
                Verdict::Fail,
                format!(
                    "{}: at maxmemory Redis evicts keys, jobs included, silently",
                    memory.policy
                ),
                Some("CONFIG SET maxmemory-policy noeviction"),
            )
        });

        let mib = |bytes: u64| format!("{:.1} MiB", bytes as f64 / 1_048_576.0);
        checks.push(if memory.max_bytes == 0 {
            Check::new(
                "memory headroom",
                Verdict::Warn,
                format!("{} used, no maxmemory: Redis grows until the host runs out", mib(memory.used_bytes)),
                Some("set maxmemory so the memory guard can keep room for workers to drain"),
            )
        } else {
            let share = memory.used_bytes as f64 / memory.max_bytes as f64;
            let detail = format!(
                "{} of {} ({:.0}%); enqueues refused past {:.0}%",
                mib(memory.used_bytes),
                mib(memory.max_bytes),
                share * 100.0,
                memory.guard * 100.0
            );
            if share >= memory.guard {
                Check::new("memory headroom", Verdict::Fail, detail, Some("let workers drain, raise maxmemory, or keep fewer done jobs (fleetq queues set Q --retain-done N)"))
            } else if share >= memory.guard * 0.8 {
                Check::new("memory headroom", Verdict::Warn, detail, Some("close to the guard: raise maxmemory or keep fewer done jobs"))
            } else {
                Check::new("memory headroom", Verdict::Ok, detail, None)
            }
        });

        // the median of a few pings: one slow round trip is noise
        let mut rounds = Vec::new();
        for _ in 0..5 {
            let started = Instant::now();
            let _: String = redis::cmd("PING")
                .query_async(&mut connection)
                .await
                .map_err(|error| self.map(error))?;
            rounds.push(started.elapsed());
        }
        rounds.sort();
        let latency = rounds[rounds.len() / 2];
        let detail = format!(
            "{:.2} ms round trip (median of 5)",
            latency.as_secs_f64() * 1000.0
        );
        checks.push(if latency > Duration::from_millis(5) {
            Check::new(
                "latency",
                Verdict::Warn,
                detail,
                Some("every lease and ack is a round trip: run workers near Redis"),
            )
        } else {
            Check::new("latency", Verdict::Ok, detail, None)
        });

        let started = Instant::now();
        let (seconds, micros): (u64, u64) = redis::cmd("TIME")
            .query_async(&mut connection)
            .await
            .map_err(|error| self.map(error))?;
        let server = Duration::from_secs(seconds) + Duration::from_micros(micros);
        let local = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .saturating_sub(started.elapsed() / 2);
        let skew = server.as_secs_f64() - local.as_secs_f64();
        let detail = format!(
            "this host is {:.3} s {} the server",
            skew.abs(),
            if skew >= 0.0 { "behind" } else { "ahead of" }
        );
        checks.push(if skew.abs() > 1.0 {
            Check::new("clock skew", Verdict::Warn, detail, Some("fleetq schedules by the server's clock, so jobs run on time; fix NTP on this host so logs line up"))
        } else {
            Check::new("clock skew", Verdict::Ok, detail, None)
        });
        checks.push(worker_versions(&self.fleet().await?));
        Ok(checks)
    }

    /// Which fleetq function libraries the server holds: this version's, and any left by
    /// older versions (each keeps a few hundred KB until deleted; the README says when).
    async fn library_check(&self, connection: &mut super::link::Connection) -> Check {
        const NAME: &str = "function library";
        let own = match self.scripts.library_name() {
            Some(own) if self.functions.load(std::sync::atomic::Ordering::Relaxed) => own,
            Some(_) => {
                return Check::new(
                    NAME,
                    Verdict::Ok,
                    "scripts run through EVALSHA: the server refused the function library".into(),
                    None,
                );
            }
            None => {
                return Check::new(
                    NAME,
                    Verdict::Ok,
                    "scripts run through EVALSHA (Redis before 7)".into(),
                    None,
                );
            }
        };
        let listed: redis::RedisResult<redis::Value> = redis::cmd("FUNCTION")
            .arg("LIST")
            .arg("LIBRARYNAME")
            .arg("fleetq_*")
            .query_async(connection)
            .await;
        let names = match listed {
            Ok(value) => library_names(value),
            Err(error) => {
                return Check::new(
                    NAME,
                    Verdict::Ok,
                    format!("{own} (this version); the libraries cannot be listed here ({error})"),
                    None,
                );
            }
        };
        let others: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|name| *name != own)
            .collect();
        let this = if names.iter().any(|name| name == own) {
            format!("{own} (this version)")
        } else {
            format!("{own} (this version, not loaded yet: it loads at first use)")
        };
        if others.is_empty() {
            Check::new(NAME, Verdict::Ok, this, None)
        } else {
            Check::new(
                NAME,
                Verdict::Warn,
                format!("{this}; other fleetq versions left {}", others.join(", ")),
                Some(
                    "once no worker of another version runs, remove its library: redis-cli FUNCTION DELETE <name>",
                ),
            )
        }
    }
}

/// The library names in a `FUNCTION LIST` reply (an array of field/value lists, or of maps).
fn library_names(value: redis::Value) -> Vec<String> {
    use redis::Value;
    let text = |value: &Value| match value {
        Value::BulkString(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
        Value::SimpleString(text) => Some(text.clone()),
        _ => None,
    };
    let Value::Array(libraries) = value else {
        return Vec::new();
    };
    libraries
        .iter()
        .filter_map(|library| match library {
            Value::Array(fields) => fields
                .chunks(2)
                .find(|pair| text(&pair[0]).as_deref() == Some("library_name"))
                .and_then(|pair| pair.get(1).and_then(text)),
            Value::Map(pairs) => pairs
                .iter()
                .find(|(field, _)| text(field).as_deref() == Some("library_name"))
                .and_then(|(_, name)| text(name)),
            _ => None,
        })
        .collect()
}

/// The first version whose workers read job hashes that leave out their default fields (the
/// README's Redis section). 0.3.0 and later write such jobs, which an older worker's lease
/// cannot read.
const READS_COMPACT_JOBS: (u32, u32, u32) = (0, 2, 0);

/// A `major.minor.patch` version; anything else reads as older than every release.
fn release_of(version: &str) -> (u32, u32, u32) {
    let mut parts = version
        .split(['.', '-', '+'])
        .map(|part| part.parse().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

/// Whether every live worker on the server reads what this version writes: an older one fails
/// its lease on such a job, so the operator must know before upgrading producers.
fn worker_versions(fleet: &[WorkerEntry]) -> Check {
    const NAME: &str = "worker versions";
    let live: Vec<&WorkerEntry> = fleet.iter().filter(|entry| !entry.stale).collect();
    let (major, minor, patch) = READS_COMPACT_JOBS;
    let floor = format!("{major}.{minor}.{patch}");
    let older: Vec<String> = live
        .iter()
        .filter(|entry| release_of(&entry.info.version) < READS_COMPACT_JOBS)
        .map(|entry| {
            let info = &entry.info;
            format!("{} on {} ({})", info.id, info.host, info.version)
        })
        .collect();
    if older.is_empty() {
        let detail = match live.len() {
            0 => "no live workers".to_string(),
            count => format!("{count} live workers, all on fleetq {floor} or later"),
        };
        return Check::new(NAME, Verdict::Ok, detail, None);
    }
    Check::new(
        NAME,
        Verdict::Warn,
        format!(
            "{} of {} live workers run fleetq older than {floor}: {}",
            older.len(),
            live.len(),
            older.join(", ")
        ),
        Some(&format!(
            "upgrade them to {floor} or later: they cannot read the job hashes fleetq 0.3.0 and later write"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::job::WorkerInfo;

    fn worker(id: &str, version: &str, seen_at: i64) -> WorkerEntry {
        let info = WorkerInfo {
            id: id.to_string(),
            host: "box".to_string(),
            pid: 1,
            version: version.to_string(),
            queues: vec!["q".to_string()],
            concurrency: 1,
            in_flight: 0,
            labels: Default::default(),
            started_at: 0,
            beat_ms: 1000,
            paused: false,
        };
        WorkerEntry::new(info, seen_at, 10_000)
    }

    #[test]
    fn versions_compare_as_releases() {
        assert_eq!(release_of("0.2.0"), (0, 2, 0));
        assert_eq!(release_of("0.10.1-beta"), (0, 10, 1));
        assert!(release_of("0.1.9") < READS_COMPACT_JOBS);
        assert!(release_of("1.0") > READS_COMPACT_JOBS);
        assert!(release_of("unknown") < READS_COMPACT_JOBS);
    }

    #[test]
    fn live_workers_older_than_the_compact_reader_are_named() {
        let none = worker_versions(&[]);
        assert_eq!(
            (none.verdict, none.detail.as_str()),
            (Verdict::Ok, "no live workers")
        );
        let current = worker_versions(&[worker("a", "0.2.0", 10_000), worker("b", "0.3.1", 9_000)]);
        assert_eq!(current.verdict, Verdict::Ok, "{}", current.detail);
        // a stale worker stopped heartbeating: probably gone, and forgotten within the hour
        let mixed = worker_versions(&[
            worker("a", "0.2.0", 10_000),
            worker("old", "0.1.0", 10_000),
            worker("gone", "0.1.0", 0),
        ]);
        assert_eq!(mixed.verdict, Verdict::Warn);
        assert_eq!(
            mixed.detail,
            "1 of 2 live workers run fleetq older than 0.2.0: old on box (0.1.0)"
        );
        assert!(mixed.hint.unwrap().starts_with("upgrade them to 0.2.0"));
    }
}
