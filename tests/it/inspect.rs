//! Inspection commands' table and JSON output (insta snapshots, with ids and times filtered).

use crate::support::{Kind, TestEnv, filters, json, ok};

/// A whole run (exit code, stdout, stderr) as one snapshot, table alignment kept.
macro_rules! snapshot_run {
    ($name:expr, $outcome:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $outcome.snapshot());
        });
    };
}
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ filters => filters(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

/// Three pending jobs across two priorities and one delayed job.
fn seed(env: &TestEnv) -> Vec<String> {
    let mut ids = Vec::new();
    for (priority, delay) in [("0", None), ("5", None), ("5", None), ("7", Some("1h"))] {
        let mut arguments = vec![
            "enqueue",
            "reports",
            "--data",
            r#"{"report": "daily"}"#,
            "--priority",
            priority,
        ];
        if let Some(delay) = delay {
            arguments.extend(["--delay", delay]);
        }
        let stdout = ok(env, &arguments);
        ids.push(stdout.trim().rsplit('/').next().unwrap().to_string());
    }
    ids
}

#[test]
fn enqueue_output_table_and_json() {
    let env = TestEnv::new();
    let table = ok(
        &env,
        &[
            "enqueue",
            "emails",
            "--data",
            "{}",
            "--unique-key",
            "welcome-42",
        ],
    );
    let json = ok(&env, &["enqueue", "emails", "--data", "{}", "--json"]);
    let (code, duplicate, stderr) = env.fleetq(&[
        "enqueue",
        "emails",
        "--data",
        "{}",
        "--unique-key",
        "welcome-42",
        "--json",
    ]);
    assert_eq!(code, 0, "a duplicate exits 0");
    assert!(stderr.contains("duplicate"), "{stderr}");
    let parsed: serde_json::Value = serde_json::from_str(&duplicate).unwrap();
    assert_eq!(parsed["status"], "duplicate");
    assert_eq!(
        parsed["id"].as_str().unwrap(),
        table.trim().rsplit('/').next().unwrap(),
        "reports the existing job"
    );
    snapshot!("enqueue_output", format!("{table}{json}{duplicate}"));
}

#[test]
fn stats_table_and_json() {
    let env = TestEnv::new();
    seed(&env);
    let run = env.test(&["stats"]).stderr_has("backend: ").run();
    snapshot_run!("stats_table", run);
    let json = ok(&env, &["stats", "reports", "--output", "json"]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let queue = &parsed["queues"][0];
    assert_eq!(queue["pending"], 3);
    assert_eq!(queue["delayed"], 1);
    assert!(queue["oldest_pending_age_ms"].as_u64().is_some());
    snapshot!("stats_json", json);
}

#[test]
fn stats_watch_jsonl_prints_one_object_per_tick() {
    let env = TestEnv::new();
    seed(&env);
    let mut command = env.command();
    command
        .args(["stats", "--watch", "100ms", "--output", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for _ in 0..3 {
        let line = lines.next().expect("a tick").unwrap();
        let tick: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(tick["queues"][0]["pending"], 3);
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn jobs_show_a_dead_job_table_and_json() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "reject.yaml",
        "pipeline: reject\nqueue: inbox\nsteps:\n  - name: parse\n    noop: {}\n  - name: check\n    fail: { message: schema mismatch, fatal: true }\n",
    );
    let stdout = ok(
        &env,
        &[
            "enqueue",
            "inbox",
            "--data",
            r#"{"doc": 7}"#,
            "--correlation-id",
            "req-9",
        ],
    );
    let reference = stdout.trim().to_string();
    ok(&env, &["worker", pipeline.to_str().unwrap(), "--burst"]);
    let run = env
        .test(&["jobs", "show", &reference])
        .stdout_has("step `check` failed: schema mismatch")
        .stderr_is(&format!("backend: {}\n", env.backend_url()))
        .run();
    snapshot_run!("jobs_show_table", run);
    let id = reference.rsplit('/').next().unwrap();
    let json = ok(&env, &["jobs", "show", id, "--json"]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["state"], "dead");
    assert_eq!(
        parsed["errors"][0]["error"],
        "step `check` failed: schema mismatch"
    );
    snapshot!("jobs_show_json", json);
}

#[test]
fn jobs_ls_and_queues_ls() {
    let env = TestEnv::new();
    seed(&env);
    let run = env
        .test(&["jobs", "ls", "reports"])
        .stderr_is(&format!("backend: {}\n", env.backend_url()))
        .run();
    snapshot_run!("jobs_ls_pending", run);
    snapshot!(
        "jobs_ls_delayed_json",
        ok(
            &env,
            &["jobs", "ls", "reports", "--state", "delayed", "--json"]
        )
    );
    ok(&env, &["queues", "set", "reports", "--max-len", "100"]);
    ok(&env, &["queues", "pause", "reports"]);
    let run = env.test(&["queues", "ls"]).stdout_has("reports").run();
    snapshot_run!("queues_ls", run);
    snapshot!("queues_ls_json", ok(&env, &["queues", "ls", "--json"]));
}

#[test]
fn cancel_and_retry_report_every_job() {
    let env = TestEnv::new();
    let ids = seed(&env);
    let first = format!("reports/{}", ids[0]);
    let run = env.test(&["jobs", "cancel", &first, &ids[3]]).run();
    snapshot_run!("jobs_cancel", run);
    let again = ok(&env, &["jobs", "cancel", &first]);
    assert!(again.contains("unchanged (already cancelled)"), "{again}");
    let retried = ok(&env, &["jobs", "retry", &first, "--json"]);
    snapshot!("jobs_retry_json", retried);
    let stats: serde_json::Value = serde_json::from_str(&ok(&env, &["stats", "--json"])).unwrap();
    assert_eq!(
        stats["queues"][0]["pending"], 3,
        "the retried job is pending again"
    );
    assert_eq!(
        stats["queues"][0]["delayed"], 0,
        "the delayed job was cancelled"
    );
}

#[test]
fn purge_removes_jobs_but_keeps_settings() {
    let env = TestEnv::new();
    seed(&env);
    ok(&env, &["queues", "set", "reports", "--max-len", "10"]);
    let (code, _, stderr) = env.fleetq(&["queues", "purge", "reports"]);
    assert_eq!(code, 2, "purge needs --yes");
    assert!(stderr.contains("--yes"), "{stderr}");
    ok(&env, &["queues", "purge", "reports", "--yes"]);
    let stats: serde_json::Value =
        serde_json::from_str(&ok(&env, &["stats", "reports", "--json"])).unwrap();
    let queue = &stats["queues"][0];
    assert_eq!(
        (queue["pending"].as_u64(), queue["delayed"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(queue["max_len"], 10, "settings survive a purge");
}

#[test]
fn bench_reports_every_metric_as_json() {
    let env = TestEnv::new();
    let json = ok(
        &env,
        &[
            "bench",
            "--jobs",
            "300",
            "--concurrency",
            "10",
            "--latency-samples",
            "5",
            "--json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["jobs"], 300);
    for field in [
        "enqueue_jobs_per_sec",
        "end_to_end_jobs_per_sec",
        "pickup_p50_ms",
        "pickup_p99_ms",
        "client_peak_rss_bytes",
        "server_cpu_us_per_job",
        "server_commands_per_job",
    ] {
        assert!(
            report[field].as_f64().is_some_and(|value| value > 0.0),
            "{field} in {json}"
        );
    }
    assert_eq!(report["latency_samples"], 5);
    let queues: serde_json::Value =
        serde_json::from_str(&ok(&env, &["queues", "ls", "--json"])).unwrap();
    assert_eq!(
        queues["queues"],
        serde_json::json!([]),
        "the bench queue is removed afterwards"
    );
    let _ = Duration::ZERO;
}

#[test]
fn queue_verbs_print_what_changed() {
    let env = TestEnv::new();
    seed(&env);
    let mut text = String::new();
    for arguments in [
        vec!["queues", "pause", "reports", "--json"],
        vec!["queues", "resume", "reports", "--json"],
        vec![
            "queues",
            "set",
            "reports",
            "--max-len",
            "50",
            "--retain-done",
            "1000",
            "--json",
        ],
        vec!["queues", "purge", "reports", "--yes", "--json"],
    ] {
        text.push_str(&ok(&env, &arguments));
    }
    snapshot!("queue_verbs_json", text);
    let (code, _, stderr) = env.fleetq(&["queues", "set", "reports"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nothing to set"), "{stderr}");
}

#[test]
fn bench_runs_a_real_pipeline_file() {
    let env = TestEnv::new();
    let pipeline = concat!(env!("CARGO_MANIFEST_DIR"), "/config-examples/hello.yaml");
    let json = ok(
        &env,
        &[
            "bench",
            "--pipeline",
            pipeline,
            "--jobs",
            "20",
            "--concurrency",
            "4",
            "--latency-samples",
            "2",
            "--json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["pipeline"], "hello");
    assert_eq!(report["jobs"], 20);
}

#[test]
fn logs_can_be_json_and_quiet_silences_status() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: logs\nsteps:\n  - noop: {}\n",
    );
    ok(&env, &["enqueue", "logs", "--data", "{}"]);
    let (code, _, stderr) = env.fleetq(&[
        "worker",
        pipeline.to_str().unwrap(),
        "--burst",
        "--log-format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    assert!(
        lines
            .iter()
            .any(|line| line["message"] == "worker stopped" && line["done"] == 1),
        "{stderr}"
    );
    let (code, stdout, stderr) = env.fleetq(&[
        "enqueue", "logs", "--data", "{}", "--id", "fixed-id", "--quiet",
    ]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "logs/fixed-id");
    let (code, _, stderr_again) =
        env.fleetq(&["enqueue", "logs", "--data", "{}", "--id", "fixed-id", "-q"]);
    assert_eq!(code, 0);
    assert!(
        stderr.is_empty() && stderr_again.is_empty(),
        "quiet: {stderr} {stderr_again}"
    );
    let (_, _, loud) = env.fleetq(&["enqueue", "logs", "--data", "{}", "--id", "fixed-id"]);
    assert!(loud.contains("duplicate"), "{loud}");
}

#[test]
fn bench_table_and_worker_report_shapes() {
    let env = TestEnv::new();
    let table = ok(
        &env,
        &[
            "bench",
            "--jobs",
            "100",
            "--concurrency",
            "5",
            "--latency-samples",
            "3",
        ],
    );
    let numbers = vec![(r"\b\d[\d.,]*\b", "[N]"), (r"(\S) {2,}", "$1  ")];
    insta::with_settings!({ filters => numbers, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("bench_table", table);
    });
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: reported\nsteps:\n  - noop: {}\n",
    );
    ok(&env, &["enqueue", "reported", "--data", "{}"]);
    let report = ok(
        &env,
        &["worker", pipeline.to_str().unwrap(), "--burst", "--json"],
    );
    let mut filters = filters();
    filters.push((r#""worker_id": "[^"]+""#, r#""worker_id": "[WORKER]""#));
    insta::with_settings!({ filters => filters, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("worker_report_json", report);
    });
}

#[test]
fn bench_on_the_local_store_reports_no_server_cpu_rather_than_zero() {
    let env = TestEnv::on(Kind::Local);
    let json = ok(
        &env,
        &[
            "bench",
            "-n",
            "200",
            "-c",
            "10",
            "--latency-samples",
            "3",
            "--json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        report["backend"].as_str().unwrap().starts_with("local:"),
        "{json}"
    );
    assert!(
        report["end_to_end_jobs_per_sec"].as_f64().unwrap() > 0.0,
        "{json}"
    );
    assert!(report["server_cpu_us_per_job"].is_null(), "{json}");
    assert!(report["server_commands_per_job"].is_null(), "{json}");
}

/// The check called `name` in `doctor --json`'s output.
fn doctor_check(stdout: &str, name: &str) -> serde_json::Value {
    json(stdout)
        .as_array()
        .unwrap()
        .iter()
        .find(|check| check["check"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("no {name} check: {stdout}"))
}

#[test]
fn doctor_judges_the_redis_settings_a_queue_depends_on() {
    let env = TestEnv::new();
    // the test server keeps nothing on disk: a restart would lose every job
    env.redis.config_set("maxmemory-policy", "allkeys-lru");
    let (code, stdout, stderr) = env.fleetq(&["doctor", "--json"]);
    assert_eq!(code, 1, "a failed check exits 1: {stderr}");
    let verdict = |name: &str| doctor_check(&stdout, name)["verdict"].clone();
    assert_eq!(verdict("persistence"), "fail");
    assert_eq!(verdict("eviction policy"), "fail");
    assert_eq!(verdict("server version"), "ok");
    assert_eq!(verdict("clock skew"), "ok");
    for name in ["memory headroom", "latency"] {
        verdict(name);
    }
    assert!(
        stderr.contains("CONFIG SET maxmemory-policy noeviction"),
        "{stderr}"
    );
    // the same warning comes at every connect while the policy can evict jobs
    let (_, _, stderr) = env.fleetq(&["stats"]);
    assert!(stderr.contains("may evict jobs silently"), "{stderr}");
    env.redis.config_set("maxmemory-policy", "noeviction");
    env.redis.config_set("appendonly", "yes");
    let (code, stdout, stderr) = env.fleetq(&["doctor", "--json"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let check = |stdout: &str| doctor_check(stdout, "function library");
    let not_yet = check(&stdout);
    assert!(
        not_yet["detail"]
            .as_str()
            .unwrap()
            .contains("not loaded yet"),
        "{not_yet}"
    );
    // the first script call loads this version's library
    crate::support::enqueue(&env, "q");
    let (_, stdout, _) = env.fleetq(&["doctor", "--json"]);
    let own = check(&stdout);
    assert_eq!(own["verdict"], "ok", "{own}");
    assert!(
        own["detail"].as_str().unwrap().ends_with("(this version)"),
        "{own}"
    );
    // a library an older fleetq left behind is named, with how to remove it
    redis::cmd("FUNCTION")
        .arg("LOAD")
        .arg("#!lua name=fleetq_0123456789abcdef\nredis.register_function('fleetq_0123456789abcdef_stats', function() return 1 end)")
        .query::<String>(&mut env.redis.connection())
        .unwrap();
    let (code, stdout, stderr) = env.fleetq(&["doctor", "--json"]);
    assert_eq!(code, 0, "a leftover library is a warning: {stderr}");
    let leftover = check(&stdout);
    assert_eq!(leftover["verdict"], "warn", "{leftover}");
    assert!(
        leftover["detail"]
            .as_str()
            .unwrap()
            .contains("other fleetq versions left fleetq_0123456789abcdef"),
        "{leftover}"
    );
    assert!(
        leftover["hint"]
            .as_str()
            .unwrap()
            .contains("redis-cli FUNCTION DELETE <name>"),
        "{leftover}"
    );
}

#[test]
fn doctor_checks_the_local_store_and_its_disk() {
    let env = TestEnv::on(crate::support::Kind::Local);
    crate::support::enqueue(&env, "q");
    let (code, stdout, stderr) = env.fleetq(&["doctor", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let checks = json(&stdout);
    let names: Vec<&str> = checks
        .as_array()
        .unwrap()
        .iter()
        .map(|check| check["check"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["store", "permissions", "journal", "disk space"]);
    assert!(
        checks[0]["detail"].as_str().unwrap().contains("1 jobs"),
        "{checks}"
    );
    assert_eq!(checks[1]["verdict"], "ok", "the store is 0600: {checks}");
}

fn bench_modes_time_drain_and_e2e_with_worker_processes(kind: Kind) {
    let env = TestEnv::on(kind);
    for (mode, workers) in [("drain", "2"), ("e2e", "2"), ("e2e", "")] {
        let mut arguments = vec![
            "bench",
            "--mode",
            mode,
            "-n",
            "300",
            "-c",
            "8",
            "--latency-samples",
            "2",
            "--json",
        ];
        if !workers.is_empty() {
            arguments.extend(["--workers", workers]);
        }
        let report = json(&ok(&env, &arguments));
        assert_eq!(report["mode"], mode, "{report}");
        assert_eq!(report["jobs"], 300);
        assert!(report["end_to_end_jobs_per_sec"].as_f64().unwrap() > 0.0);
        if workers.is_empty() {
            assert_eq!(report["workers"], 0);
            assert!(report["worker_peak_rss_bytes"].is_null());
        } else {
            assert_eq!(report["workers"], 2);
            assert!(
                report["worker_peak_rss_bytes"].as_u64().unwrap() > 0,
                "{report}"
            );
        }
    }
    // the bench queues are gone afterwards
    let (_, listed, _) = env.fleetq(&["queues", "ls", "--json"]);
    assert_eq!(json(&listed)["queues"], serde_json::json!([]), "{listed}");
}

crate::support::on_every_backend_sync!(bench_modes_time_drain_and_e2e_with_worker_processes);

/// Before a version that writes compact job hashes runs, every worker must read them: doctor
/// names the live workers of an older fleetq.
#[tokio::test]
async fn doctor_names_workers_of_an_older_fleetq() {
    let env = TestEnv::new();
    let version_check = |stdout: &str| doctor_check(stdout, "worker versions");
    let (_, stdout, _) = env.fleetq(&["doctor", "--json"]);
    let empty = version_check(&stdout);
    assert_eq!(
        (empty["verdict"].as_str(), empty["detail"].as_str()),
        (Some("ok"), Some("no live workers"))
    );
    let backend = env.backend().await;
    let info = fleetq::runtime::job::WorkerInfo {
        id: "old-worker".to_string(),
        host: "old-host".to_string(),
        pid: 4242,
        version: "0.1.0".to_string(),
        queues: vec!["q".to_string()],
        concurrency: 1,
        in_flight: 0,
        labels: Default::default(),
        started_at: fleetq::runtime::job::now_ms(),
        beat_ms: 30_000,
        paused: false,
    };
    backend
        .register_worker(&info, Duration::from_secs(60))
        .await
        .unwrap();
    let (_, stdout, _) = env.fleetq(&["doctor", "--json"]);
    let older = version_check(&stdout);
    assert_eq!(older["verdict"], "warn", "{older}");
    assert_eq!(
        older["detail"],
        "1 of 1 live workers run fleetq older than 0.2.0: old-worker on old-host (0.1.0)"
    );
    assert!(
        older["hint"]
            .as_str()
            .unwrap()
            .starts_with("upgrade them to 0.2.0 or later"),
        "{older}"
    );
    // the table says it too, with the hint on stderr
    let (_, stdout, stderr) = env.fleetq(&["doctor"]);
    assert!(
        stdout.contains("old-worker on old-host (0.1.0)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("worker versions: upgrade them to 0.2.0"),
        "{stderr}"
    );
    backend.unregister_worker(&info).await.unwrap();
    let (_, stdout, _) = env.fleetq(&["doctor", "--json"]);
    assert_eq!(version_check(&stdout)["verdict"], "ok");
}
