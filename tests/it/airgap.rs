//! Airgap and sync against a real redis-server that the tests stop, restart and freeze: jobs
//! spool sealed while Redis is away, and `sync` puts every one into Redis exactly once.

use crate::support::{Kind, TestEnv, TestRedis, assert_consistent, json, wait_until};
use std::time::Duration;

/// Redis with an append-only file synced on every write, so a restart keeps every job it
/// acknowledged (what a production Redis that must lose nothing runs with).
fn durable_redis_arguments() -> Vec<String> {
    ["--appendonly", "yes", "--appendfsync", "always"]
        .map(str::to_string)
        .to_vec()
}

/// A host with airgap enabled, a fresh spool key, and short Redis timeouts.
fn airgapped_host(probe_interval: &str) -> TestEnv {
    let env = TestEnv::with_redis(
        TestRedis::start_with(&durable_redis_arguments()),
        Kind::Redis,
    );
    let (code, _, stderr) = env.fleetq(&["airgap", "keygen", "spool.key"]);
    assert_eq!(code, 0, "{stderr}");
    env.write(
        "fleetq.yaml",
        &format!(
            "connect_timeout: 500ms\ncommand_timeout: 1s\nairgap:\n  enabled: true\n  key_file: spool.key\n  probe_interval: {probe_interval}\n"
        ),
    );
    env
}

/// Pending jobs of a queue in Redis; a queue Redis has never seen holds none.
fn pending(env: &TestEnv, queue: &str) -> u64 {
    let mut command = env.command();
    command.args(["stats", queue, "--json", "--backend", &env.redis.url()]);
    let (code, stdout, stderr) = crate::support::run(command);
    match code {
        3 => 0,
        0 => json(&stdout)["queues"][0]["pending"]
            .as_u64()
            .unwrap_or_default(),
        _ => panic!("stats failed: {stderr}"),
    }
}

fn airgap_status(env: &TestEnv) -> serde_json::Value {
    let (code, stdout, stderr) = env.fleetq(&["airgap", "status", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    json(&stdout)
}

fn sync(env: &TestEnv, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let mut arguments = vec!["sync", "--json"];
    arguments.extend_from_slice(extra);
    let (code, stdout, stderr) = env.fleetq(&arguments);
    (code, json(&stdout), stderr)
}

/// Every file of the spool (the store, its WAL, the state file) as one byte string.
fn spool_bytes(env: &TestEnv) -> Vec<u8> {
    let directory = env.path(".local/share/fleetq");
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(&directory).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            bytes.extend(std::fs::read(path).unwrap());
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn jobs_spool_sealed_while_redis_is_down_and_sync_delivers_each_once() {
    let mut env = airgapped_host("5s");
    env.redis.stop();
    let (code, stdout, stderr) = env.fleetq(&[
        "enqueue",
        "mail",
        "--data",
        r#"{"card":"4111-SECRET-PAYLOAD"}"#,
        "--output",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let reference = json(&stdout);
    assert_eq!(reference["status"], "spooled", "{stdout}");
    assert!(
        reference["backend"].as_str().unwrap().starts_with("spool:"),
        "{stdout}"
    );
    assert!(stderr.contains("spooled: mail/"), "{stderr}");
    let lines: String = (0..20).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    env.write("jobs.jsonl", &lines);
    let (code, stdout, stderr) = env.fleetq(&[
        "enqueue",
        "mail",
        "--file",
        "jobs.jsonl",
        "--output",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout
            .lines()
            .filter(|line| line.contains("\"spooled\""))
            .count(),
        20
    );
    assert!(stderr.contains("spooled 20 jobs to mail"), "{stderr}");
    // --require-online refuses instead of spooling, and adds nothing
    let (code, _, stderr) = env.fleetq(&["enqueue", "mail", "--require-online"]);
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("--require-online"), "{stderr}");

    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(env.path(".local/share/fleetq")).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is not private", path.display());
    }
    let bytes = spool_bytes(&env);
    assert!(
        !contains(&bytes, "4111-SECRET-PAYLOAD"),
        "the payload is on disk in clear"
    );
    assert!(
        !contains(&bytes, "\"n\":7"),
        "a bulk payload is on disk in clear"
    );
    let status = airgap_status(&env);
    assert_eq!(status["state"], "airgapped", "{status}");
    assert_eq!(status["spooled"], 21, "{status}");
    assert_eq!(status["last_probe"]["reachable"], false, "{status}");

    env.redis.start_again(&durable_redis_arguments());
    let status = airgap_status(&env);
    assert_eq!(status["state"], "recovering", "{status}");
    let (code, preview, stderr) = sync(&env, &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(preview["pushed"], 21, "{preview}");
    assert_eq!(pending(&env, "mail"), 0, "a dry run pushed jobs");
    let (code, report, stderr) = sync(&env, &["--batch", "8"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["pushed"], 21, "{report}");
    assert_eq!(report["failed"], 0, "{report}");
    assert_eq!(pending(&env, "mail"), 21);
    assert_consistent(&env, "mail");
    let status = airgap_status(&env);
    assert_eq!(status["state"], "connected", "{status}");
    assert_eq!(status["spooled"], 0, "{status}");
    assert_eq!(status["last_sync"]["pushed"], 21, "{status}");
    // the payload arrives as it was written
    let id = reference["id"].as_str().unwrap();
    let (code, stdout, _) = env.fleetq(&["jobs", "show", &format!("mail/{id}"), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json(&stdout)["data"]["card"], "4111-SECRET-PAYLOAD");
    let (code, again, _) = sync(&env, &[]);
    assert_eq!((code, again["pushed"].clone()), (0, 0.into()), "{again}");
}

#[test]
fn a_wrong_or_missing_key_is_refused_and_destroys_nothing() {
    let mut env = airgapped_host("5s");
    env.redis.stop();
    for n in 0..3 {
        let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", &format!("{{\"n\":{n}}}")]);
        assert_eq!(code, 0, "{stderr}");
    }
    env.redis.start_again(&durable_redis_arguments());
    let (code, _, stderr) = env.fleetq(&["airgap", "keygen", "other.key"]);
    assert_eq!(code, 0, "{stderr}");
    let other = std::fs::read_to_string(env.path("other.key")).unwrap();
    let mut command = env.command();
    command.args(["sync"]).env("FLEETQ_SPOOL_KEY", other.trim());
    let (code, stdout, stderr) = crate::support::run(command);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("not the one this spool was written with"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
    assert!(!stderr.contains(other.trim()), "the key was printed");
    let (code, _, stderr) = env.fleetq(&["sync", "--backend", &env.redis.url()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(pending(&env, "q"), 3, "the wrong key cost jobs");

    // no key at all: spooling is refused with a hint, the job is reported not enqueued
    env.write("fleetq.yaml", "airgap:\n  enabled: true\n");
    env.redis.stop();
    let (code, _, stderr) = env.fleetq(&["enqueue", "q"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no spool key is configured"), "{stderr}");
    assert!(stderr.contains("fleetq airgap keygen"), "{stderr}");
    // a key file others can read is refused
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        env.path("other.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let mut command = env.command();
    command
        .args(["enqueue", "q"])
        .env("FLEETQ_AIRGAP_KEY_FILE", env.path("other.key"));
    let (code, _, stderr) = crate::support::run(command);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("readable by others"), "{stderr}");
}

#[test]
fn a_tampered_record_is_reported_by_id_and_the_rest_still_sync() {
    let mut env = airgapped_host("5s");
    env.redis.stop();
    let mut ids = Vec::new();
    for n in 0..4 {
        let (code, stdout, stderr) = env.fleetq(&[
            "enqueue",
            "q",
            "--data",
            &format!("{{\"n\":{n}}}"),
            "--json",
        ]);
        assert_eq!(code, 0, "{stderr}");
        ids.push(json(&stdout)["id"].as_str().unwrap().to_string());
    }
    // flip one character in the middle of one sealed record, as a disk or an attacker might
    let store = rusqlite::Connection::open(env.path(".local/share/fleetq/spool.db")).unwrap();
    let sealed: String = store
        .query_row("SELECT data FROM jobs WHERE id = ?1", [&ids[2]], |row| {
            row.get(0)
        })
        .unwrap();
    let mut bytes = sealed.into_bytes();
    let middle = bytes.len() / 2;
    bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
    store
        .execute(
            "UPDATE jobs SET data = ?1 WHERE id = ?2",
            rusqlite::params![String::from_utf8(bytes).unwrap(), ids[2]],
        )
        .unwrap();
    drop(store);
    env.redis.start_again(&durable_redis_arguments());
    let (code, report, stderr) = sync(&env, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["pushed"], 3, "{report}");
    assert_eq!(report["tampered"][0]["id"], ids[2].as_str(), "{report}");
    assert!(stderr.contains("tampered"), "{stderr}");
    assert_eq!(pending(&env, "q"), 3);
    // the tampered record stays where it was, for a person to look at
    assert_eq!(airgap_status(&env)["spooled"], 1);
}

#[test]
fn force_and_release_and_a_lost_reply_or_a_conflict_never_duplicates() {
    let env = airgapped_host("5s");
    // a job Redis stored although its producer never heard back, and one whose id Redis
    // holds with other content
    for (id, data) in [("lost-reply", r#"{"v":1}"#), ("clash", r#"{"v":"redis"}"#)] {
        let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--id", id, "--data", data]);
        assert_eq!(code, 0, "{stderr}");
    }
    let (code, _, stderr) = env.fleetq(&["airgap", "force", "--reason", "network maintenance"]);
    assert_eq!(code, 0, "{stderr}");
    let status = airgap_status(&env);
    assert_eq!(status["state"], "forced", "{status}");
    assert_eq!(status["reason"], "network maintenance", "{status}");
    for (id, data) in [
        ("lost-reply", r#"{"v": 1}"#),
        ("clash", r#"{"v":"spool"}"#),
        ("fresh", "{}"),
    ] {
        let (code, stdout, stderr) =
            env.fleetq(&["enqueue", "q", "--id", id, "--data", data, "--json"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(json(&stdout)["status"], "spooled", "{stdout}");
    }
    let (code, _, stderr) = env.fleetq(&["sync"]);
    assert_eq!(code, 2, "a forced host synced: {stderr}");
    assert!(stderr.contains("fleetq airgap release"), "{stderr}");
    let (code, _, stderr) = env.fleetq(&["airgap", "release"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("3 jobs wait in the spool"), "{stderr}");
    let (code, stdout, stderr) = env.fleetq(&["enqueue", "q", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&stdout)["status"], "enqueued", "{stdout}");

    let (code, report, stderr) = sync(&env, &[]);
    assert_eq!(code, 1, "a conflict must not pass silently: {stderr}");
    assert_eq!(report["pushed"], 1, "{report}");
    assert_eq!(report["already_present"], 1, "{report}");
    assert_eq!(report["conflicts"][0]["id"], "clash", "{report}");
    assert!(stderr.contains("conflicts"), "{stderr}");
    // Redis kept its own copy of the clash, and every job is there once
    let (_, stdout, _) = env.fleetq(&["jobs", "show", "q/clash", "--json"]);
    assert_eq!(json(&stdout)["data"]["v"], "redis");
    assert_eq!(pending(&env, "q"), 4);
    assert_consistent(&env, "q");
    let status = airgap_status(&env);
    assert_eq!(
        (status["spooled"].clone(), status["conflicts"].clone()),
        (1.into(), 1.into()),
        "{status}"
    );
}

#[test]
fn a_full_spool_rejects_with_exit_4_and_says_what_went_in() {
    let mut env = airgapped_host("5s");
    env.redis.stop();
    let mut command = env.command();
    command.args(["enqueue", "q", "--file", "-"]);
    let lines: String = (0..5).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    let input = env.write("five.jsonl", &lines);
    command
        .env("FLEETQ_AIRGAP_MAX_SPOOLED", "3")
        .stdin(std::fs::File::open(&input).unwrap());
    let (code, _, stderr) = crate::support::run(command);
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("is full"), "{stderr}");
    assert!(stderr.contains("max_spooled"), "{stderr}");
    assert!(stderr.contains("0 enqueued"), "{stderr}");
    let mut command = env.command();
    command
        .args(["enqueue", "q"])
        .env("FLEETQ_AIRGAP_MAX_SPOOLED", "3");
    let (code, _, stderr) = crate::support::run(command);
    assert_eq!(code, 0, "{stderr}");
}

/// Enqueues `count` jobs with ids `job-N` from separate processes, calling `at(n)` before
/// the n-th, and returns how many reported spooled.
/// Each job's reported status, in order, with how long its `fleetq enqueue` took (so a
/// surprising count can be read job by job).
struct Stream(Vec<(String, Duration)>);

impl Stream {
    fn spooled(&self) -> usize {
        self.0
            .iter()
            .filter(|(status, _)| status == "spooled")
            .count()
    }
}

impl std::fmt::Display for Stream {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        for (n, (status, took)) in self.0.iter().enumerate() {
            write!(formatter, "{n}:{status}:{}ms ", took.as_millis())?;
        }
        Ok(())
    }
}

fn enqueue_stream(env: &mut TestEnv, count: usize, at: impl Fn(usize, &mut TestRedis)) -> Stream {
    let mut statuses = Vec::with_capacity(count);
    for n in 0..count {
        at(n, &mut env.redis);
        let id = format!("job-{n}");
        let started = std::time::Instant::now();
        let (code, stdout, stderr) = env.fleetq(&["enqueue", "s", "--id", &id, "--json"]);
        assert_eq!(code, 0, "job {n}: {stderr}");
        let status = json(&stdout)["status"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        statuses.push((status, started.elapsed()));
    }
    Stream(statuses)
}

/// After the stream and a sync, Redis holds each of the `count` jobs once and the spool none.
fn assert_each_job_once(env: &TestEnv, count: usize) {
    let (code, report, stderr) = sync(env, &[]);
    assert_eq!(code, 0, "{report} {stderr}");
    assert_eq!(pending(env, "s"), count as u64, "{report}");
    assert_consistent(env, "s");
    let mut connection = env.redis.connection();
    for n in 0..count {
        let exists: bool = redis::cmd("EXISTS")
            .arg(env.key("s", &format!("job:job-{n}")))
            .query(&mut connection)
            .unwrap();
        assert!(exists, "job-{n} is missing from Redis");
    }
    assert_eq!(airgap_status(env)["spooled"], 0);
}

#[test]
fn a_redis_stopped_and_restarted_mid_stream_loses_and_duplicates_nothing() {
    let mut env = airgapped_host("0s");
    let stream = enqueue_stream(&mut env, 60, |n, redis| match n {
        20 => redis.stop(),
        40 => redis.start_again(&durable_redis_arguments()),
        _ => {}
    });
    assert_eq!(
        stream.spooled(),
        20,
        "the jobs sent while Redis was down: {stream}"
    );
    assert_each_job_once(&env, 60);
}

#[test]
fn a_frozen_redis_mid_stream_loses_and_duplicates_nothing() {
    let mut env = airgapped_host("0s");
    // SIGSTOP: connections open, nothing answers; an enqueue sent then times out and its
    // outcome is unknown until Redis wakes (and runs it)
    let stream = enqueue_stream(&mut env, 40, |n, redis| match n {
        15 => redis.freeze(),
        25 => redis.thaw(),
        _ => {}
    });
    assert!(
        stream.spooled() >= 10,
        "{} spooled while frozen: {stream}",
        stream.spooled()
    );
    assert_each_job_once(&env, 40);
}

#[test]
fn a_sync_killed_midway_is_finished_by_the_next_with_no_duplicate() {
    let mut env = airgapped_host("5s");
    env.redis.stop();
    let lines: String = (0..20_000).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    env.write("many.jsonl", &lines);
    let (code, _, stderr) = env.fleetq(&["enqueue", "s", "--file", "many.jsonl", "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    env.redis.start_again(&durable_redis_arguments());
    let mut command = env.command();
    command
        .args(["sync", "--batch", "50"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = command.spawn().unwrap();
    wait_until(
        "the sync has pushed some jobs",
        Duration::from_secs(30),
        || pending(&env, "s") >= 500,
    );
    crate::support::signal(&mut child, libc::SIGKILL);
    child.wait().unwrap();
    let before = pending(&env, "s");
    assert!(before < 20_000, "the sync finished before it was killed");
    let (code, report, stderr) = sync(&env, &[]);
    assert_eq!(code, 0, "{stderr}");
    let delivered =
        report["pushed"].as_u64().unwrap() + report["already_present"].as_u64().unwrap();
    assert!(delivered >= 20_000 - before, "{report}");
    assert_eq!(pending(&env, "s"), 20_000);
    assert_consistent(&env, "s");
    assert_eq!(airgap_status(&env)["spooled"], 0);
}

/// A pipeline that appends each job's payload to `done.log`, one line per run.
fn logging_pipeline(env: &TestEnv) -> std::path::PathBuf {
    let log = env.path("done.log");
    env.write(
        "log.yaml",
        &format!(
            "pipeline: log\nqueue: w\nsteps:\n  - name: log\n    exec: [sh, -c, 'payload=$(cat); echo \"$payload\" >> \"{}\"']\n",
            log.display()
        ),
    )
}

/// Enqueues `{"n": N}` for each N, expecting `status` from every one.
fn enqueue_numbers(env: &TestEnv, numbers: std::ops::Range<u32>, status: &str) {
    for n in numbers {
        let (code, stdout, stderr) = env.fleetq(&[
            "enqueue",
            "w",
            "--data",
            &format!("{{\"n\":{n}}}"),
            "--json",
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(json(&stdout)["status"], status, "{stdout}");
    }
}

/// Waits until `done.log` holds `count` lines, then checks each of `0..count` ran once.
fn assert_ran_once(env: &TestEnv, count: usize) {
    let log = env.path("done.log");
    wait_until(
        &format!("{count} jobs ran"),
        Duration::from_secs(30),
        || crate::support::lines_of(&log).len() >= count,
    );
    let mut seen: Vec<u64> = crate::support::lines_of(&log)
        .iter()
        .map(|line| json(line)["data"]["n"].as_u64().unwrap())
        .collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..count as u64).collect::<Vec<_>>(),
        "a job ran twice or not at all"
    );
}

#[test]
fn a_worker_processes_spooled_jobs_locally_and_resumes_on_redis_by_itself() {
    let mut env = airgapped_host("200ms");
    let config = std::fs::read_to_string(env.path("fleetq.yaml")).unwrap();
    env.write(
        "fleetq.yaml",
        &format!("{config}  process_locally: true\n  auto_sync: true\n"),
    );
    env.redis.stop();
    enqueue_numbers(&env, 0..10, "spooled");
    let pipeline = logging_pipeline(&env);
    let log = env.path("worker.log");
    let mut worker = crate::support::start_logged_worker(&env, &pipeline, &[], &log);
    assert_ran_once(&env, 10);
    env.redis.start_again(&durable_redis_arguments());
    wait_until(
        "the worker is back on Redis",
        Duration::from_secs(30),
        || {
            std::fs::read_to_string(&log)
                .unwrap_or_default()
                .contains("switching to Redis")
        },
    );
    enqueue_numbers(&env, 10..20, "enqueued");
    assert_ran_once(&env, 20);
    // and back to the spool when Redis goes away again
    env.redis.stop();
    enqueue_numbers(&env, 20..25, "spooled");
    assert_ran_once(&env, 25);
    env.redis.start_again(&durable_redis_arguments());
    crate::support::signal(&mut worker, libc::SIGTERM);
    crate::support::wait_exit(&mut worker, Duration::from_secs(30));
    assert_eq!(airgap_status(&env)["spooled"], 0);
    assert_consistent(&env, "w");
}

#[test]
fn a_worker_without_process_locally_waits_then_auto_syncs_and_runs_each_job_once() {
    let mut env = airgapped_host("200ms");
    let config = std::fs::read_to_string(env.path("fleetq.yaml")).unwrap();
    env.write("fleetq.yaml", &format!("{config}  auto_sync: true\n"));
    env.redis.stop();
    enqueue_numbers(&env, 0..8, "spooled");
    let pipeline = logging_pipeline(&env);
    let log = env.path("worker.log");
    let mut worker = crate::support::start_logged_worker(&env, &pipeline, &[], &log);
    wait_until("the worker says it waits", Duration::from_secs(30), || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("waiting for it")
    });
    assert!(
        crate::support::lines_of(&env.path("done.log")).is_empty(),
        "a job ran while Redis was away"
    );
    env.redis.start_again(&durable_redis_arguments());
    assert_ran_once(&env, 8);
    crate::support::signal(&mut worker, libc::SIGTERM);
    crate::support::wait_exit(&mut worker, Duration::from_secs(30));
    assert_eq!(airgap_status(&env)["spooled"], 0);
    assert_eq!(airgap_status(&env)["last_sync"]["pushed"], 8);
}

#[test]
fn a_bulk_enqueue_that_loses_redis_midway_spools_the_rest_and_accounts_for_every_line() {
    use std::io::BufRead;
    let mut env = airgapped_host("5s");
    let lines: String = (0..20_000).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    env.write("many.jsonl", &lines);
    let mut command = env.command();
    command
        .args(["enqueue", "b", "--file", "-", "--output", "jsonl"])
        .stdin(std::fs::File::open(env.path("many.jsonl")).unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut statuses: Vec<String> = Vec::new();
    let mut line = String::new();
    // Redis dies once the first jobs are in, with the rest of the stream still to come
    while statuses.len() < 1000 {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the run ended early"
        );
        statuses.push(json(&line)["status"].as_str().unwrap().to_string());
    }
    env.redis.stop();
    for line in stdout.lines() {
        statuses.push(json(&line.unwrap())["status"].as_str().unwrap().to_string());
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let enqueued = statuses
        .iter()
        .filter(|status| *status == "enqueued")
        .count();
    let spooled = statuses
        .iter()
        .filter(|status| *status == "spooled")
        .count();
    assert_eq!(
        enqueued + spooled,
        20_000,
        "every line is accounted for once"
    );
    assert!(
        enqueued >= 1000 && spooled > 0,
        "{enqueued} enqueued, {spooled} spooled"
    );
    assert!(
        stderr.contains(&format!("spooled {spooled} jobs")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("enqueued {enqueued} jobs")),
        "{stderr}"
    );
    env.redis.start_again(&durable_redis_arguments());
    let (code, report, stderr) = sync(&env, &[]);
    assert_eq!(code, 0, "{stderr}");
    // a batch cut off by the outage may have reached Redis: its jobs count as already present
    let delivered =
        report["pushed"].as_u64().unwrap() + report["already_present"].as_u64().unwrap();
    assert_eq!(delivered, spooled as u64, "{report}");
    assert_eq!(pending(&env, "b"), 20_000);
    assert_consistent(&env, "b");
}
