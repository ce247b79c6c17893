//! Real faults against real processes: a SIGKILLed worker and its steps, Redis frozen with
//! SIGSTOP, Redis at maxmemory, Redis loading or busy, burst runs after a crash, steps that
//! print too much or cannot start.

use crate::support::{
    Kind, TestEnv, alive, assert_consistent, binary, configure, enqueue, lines_of,
    on_every_backend_sync, run, signal, start_logged_worker, start_worker, stat, wait_exit,
    wait_for_stderr, wait_until, which,
};
use redis::Commands;
use std::process::Stdio;
use std::time::Duration;

// the process tests that need no Redis internals run against every backend
on_every_backend_sync!(
    no_step_outlives_a_killed_worker,
    a_burst_worker_waits_for_a_retry_in_backoff_and_reports_what_is_left,
    a_burst_worker_recovers_a_crashed_workers_jobs,
    a_step_that_prints_too_much_is_killed_and_fails,
);

/// Enqueues `count` jobs in one bulk call; returns their ids.
fn enqueue_many(env: &TestEnv, queue: &str, count: usize) -> Vec<String> {
    let file = env.write(
        &format!("{queue}-{count}.jsonl"),
        &"{\"n\": 1}\n".repeat(count),
    );
    let (code, stdout, stderr) = env.fleetq(&["enqueue", queue, "--file", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .map(|line| line.rsplit('/').next().unwrap().to_string())
        .collect()
}

/// Runs a burst worker to completion: (exit code, report JSON, stderr).
fn burst(env: &TestEnv, pipeline: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let mut command = env.command();
    command
        .arg("worker")
        .arg(pipeline)
        .args(["--burst", "--output", "json"])
        .args(extra);
    run(command)
}

fn report(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|error| panic!("{error}: {stdout}"))
}

fn no_step_outlives_a_killed_worker(kind: Kind) {
    let env = TestEnv::on(kind);
    let pids = env.path("pids");
    // each step starts a grandchild and waits for it, like a shell script calling a tool
    let pipeline = env.write(
        "orphans.yaml",
        &format!(
            r#"pipeline: orphans
queue: orphans
concurrency: 5
lease: 3s
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; sleep 60 & echo "$$ $!" >> "{pids}"; wait']
"#,
            pids = pids.display()
        ),
    );
    enqueue_many(&env, "orphans", 5);
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("five steps run", Duration::from_secs(20), || {
        lines_of(&pids).len() == 5
    });
    worker.kill().unwrap(); // SIGKILL: the worker cannot clean up after itself
    worker.wait().unwrap();
    let processes: Vec<i32> = lines_of(&pids)
        .iter()
        .flat_map(|line| {
            line.split_whitespace()
                .map(|pid| pid.parse::<i32>().unwrap())
        })
        .collect();
    assert_eq!(processes.len(), 10, "five steps and their five children");
    wait_until(
        "every step and every child of a step is gone",
        Duration::from_secs(10),
        || processes.iter().all(|pid| !alive(*pid)),
    );
}

#[test]
fn a_redis_stall_longer_than_the_lease_runs_no_job_twice() {
    let env = TestEnv::new();
    let runs = env.path("runs");
    let pipeline = env.write(
        "stall.yaml",
        &format!(
            r#"pipeline: stall
queue: stall
concurrency: 5
lease: 1500ms
steps:
  - name: work
    exec: [sh, -c, 'cat | tr , "\n" | grep "\"id\"" | head -1 >> "{runs}"; sleep 4']
"#,
            runs = runs.display()
        ),
    );
    let ids = enqueue_many(&env, "stall", 5);
    let log = env.path("worker.log");
    let mut worker = start_logged_worker(&env, &pipeline, &["--output", "json"], &log);
    wait_until("five jobs run", Duration::from_secs(20), || {
        lines_of(&runs).len() == 5
    });
    // frozen for twice the lease: every lease expires in server time meanwhile
    env.redis.freeze();
    std::thread::sleep(Duration::from_secs(3));
    env.redis.thaw();
    wait_until("all five jobs are done", Duration::from_secs(30), || {
        stat(&env, "stall", "done") == 5
    });
    let started = lines_of(&runs);
    assert_eq!(
        started.len(),
        5,
        "each job ran once, none was re-queued under its live worker: {started:?}\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    for id in &ids {
        assert_eq!(
            started
                .iter()
                .filter(|line| line.contains(id.as_str()))
                .count(),
            1,
            "{id} ran once"
        );
    }
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut worker.stdout.take().unwrap(), &mut stdout).unwrap();
    let report = report(&stdout);
    assert_eq!(report["done"], 5, "{report}");
    assert_eq!(report["lost"], 0, "{report}");
    assert_consistent(&env, "stall");
}

#[test]
fn a_worker_drains_a_redis_at_maxmemory_and_reports_what_redis_holds() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "drain.yaml",
        "pipeline: drain\nqueue: full\nconcurrency: 4\nsteps:\n  - sleep: 2ms\n",
    );
    env.redis.limit_memory(4_000_000);
    let log = env.path("worker.log");
    let mut worker = start_logged_worker(&env, &pipeline, &["--output", "json"], &log);
    // producers fill Redis while the worker drains, until Redis refuses a batch
    let line = format!("{{\"pad\": \"{}\"}}\n", "x".repeat(1000));
    let batch = env.write("batch.jsonl", &line.repeat(500));
    let mut enqueued = 0usize;
    let mut refused = false;
    for _ in 0..200 {
        // the guard off: this drill is about Redis's own refusal at maxmemory
        let (code, stdout, stderr) = run({
            let mut command = env.command();
            command.env("FLEETQ_MEMORY_GUARD", "off").args([
                "enqueue",
                "full",
                "--file",
                batch.to_str().unwrap(),
            ]);
            command
        });
        enqueued += stdout.lines().count();
        if code != 0 {
            assert_eq!(code, 1, "{stderr}");
            assert!(stderr.contains("out of memory"), "{stderr}");
            assert!(stderr.contains("workers still finish"), "{stderr}");
            refused = true;
            break;
        }
    }
    assert!(refused, "Redis reached maxmemory");
    wait_until(
        "the worker drains the full Redis",
        Duration::from_secs(60),
        || stat(&env, "full", "pending") == 0 && stat(&env, "full", "active") == 0,
    );
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(30)), 0);
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut worker.stdout.take().unwrap(), &mut stdout).unwrap();
    let report = report(&stdout);
    let done = stat(&env, "full", "done");
    assert_eq!(done as usize, enqueued, "every acknowledged job is done");
    assert_eq!(report["done"], done, "the report matches Redis: {report}");
    assert_eq!(report["unconfirmed"], 0, "{report}");
    assert_consistent(&env, "full");
    // a burst worker started at maxmemory finishes instead of hanging
    let (code, stdout, stderr) = burst(&env, &pipeline, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(self::report(&stdout)["stopped_by"], "drained");
}

fn a_burst_worker_waits_for_a_retry_in_backoff_and_reports_what_is_left(kind: Kind) {
    let env = TestEnv::on(kind);
    let marker = env.path("failed-once");
    let pipeline = env.write(
        "flaky.yaml",
        &format!(
            r#"pipeline: flaky
queue: flaky
retry: {{ max_attempts: 3, backoff: fixed, base: 300ms, jitter: none }}
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; if [ -e "{marker}" ]; then exit 0; fi; touch "{marker}"; exit 1']
"#,
            marker = marker.display()
        ),
    );
    enqueue(&env, "flaky");
    let (code, stdout, stderr) = burst(&env, &pipeline, &[]);
    assert_eq!(code, 0, "{stderr}");
    let first = report(&stdout);
    assert_eq!(
        (first["done"].as_u64(), first["failed"].as_u64()),
        (Some(1), Some(1)),
        "{first}"
    );
    assert_eq!(stat(&env, "flaky", "delayed"), 0);

    // a job due after the window stays for the next run, and the report says when
    let (code, _, stderr) = env.fleetq(&["enqueue", "flaky", "--delay", "1h"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = burst(&env, &pipeline, &["--burst-wait", "1s"]);
    assert_eq!(code, 0, "{stderr}");
    let second = report(&stdout);
    assert_eq!(second["remaining"][0]["delayed"], 1, "{second}");
    assert!(
        second["remaining"][0]["next_due_at"].as_i64().unwrap() > 0,
        "{second}"
    );
}

fn a_burst_worker_recovers_a_crashed_workers_jobs(kind: Kind) {
    let env = TestEnv::on(kind);
    let pids = env.path("pids");
    let crashing = env.write(
        "crashing.yaml",
        &format!(
            r#"pipeline: crashing
queue: cron
lease: 1s
concurrency: 3
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; echo $$ >> "{pids}"; exec sleep 60']
"#,
            pids = pids.display()
        ),
    );
    let quick = env.write(
        "quick.yaml",
        "pipeline: quick\nqueue: cron\nlease: 1s\nsteps:\n  - noop: {}\n",
    );
    enqueue_many(&env, "cron", 3);
    let mut crashed = start_worker(&env, &crashing, &[]);
    wait_until("three jobs run", Duration::from_secs(20), || {
        lines_of(&pids).len() == 3
    });
    crashed.kill().unwrap();
    crashed.wait().unwrap();
    // started at once: the crashed worker's leases are still valid, and expire in the window
    let (code, stdout, stderr) = burst(&env, &quick, &[]);
    assert_eq!(code, 0, "{stderr}");
    let report = report(&stdout);
    assert_eq!(report["done"], 3, "{report}\n{stderr}");
    assert_eq!(stat(&env, "cron", "active"), 0);
    assert_eq!(stat(&env, "cron", "done"), 3);
    assert_consistent(&env, "cron");
}

fn a_step_that_prints_too_much_is_killed_and_fails(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "chatty.yaml",
        r#"pipeline: chatty
queue: chatty
steps:
  - name: flood
    exec: [sh, -c, 'head -c 20000000 /dev/zero | tr "\0" a']
"#,
    );
    let id = enqueue(&env, "chatty");
    let (code, _, stderr) = burst(&env, &pipeline, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (_, show, _) = env.fleetq(&["jobs", "show", &format!("chatty/{id}"), "--json"]);
    let job: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(job["state"], "dead");
    assert!(
        job["last_error"]
            .as_str()
            .unwrap()
            .contains("passed the 1 MiB cap"),
        "{job}"
    );
}

#[test]
fn a_step_program_missing_at_start_is_refused_with_its_position() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "typo.yaml",
        "pipeline: typo\nqueue: typo\nsteps:\n  - name: ok\n    noop: {}\n  - name: resize\n    exec: [convertt, in.jpg]\n",
    );
    let (code, _, stderr) = env.fleetq(&["worker", pipeline.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr
            .contains("typo.yaml:6:5: steps[1]: step `resize`: program `convertt` is not on PATH"),
        "{stderr}"
    );
}

#[test]
fn a_step_that_cannot_start_at_run_time_keeps_its_job() {
    let env = TestEnv::new();
    let tool = env.path("tool.sh");
    let script = "#!/bin/sh\ncat >/dev/null\necho '{\"ok\": true}'\n";
    let install = || {
        std::fs::write(&tool, script).unwrap();
        let mut permissions = std::fs::metadata(&tool).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&tool, permissions).unwrap();
    };
    install();
    let pipeline = env.write(
        "deploy.yaml",
        &format!(
            "pipeline: deploy\nqueue: deploy\nsteps:\n  - name: run\n    exec: [{}]\n",
            tool.display()
        ),
    );
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_for_stderr(&mut worker, "worker started");
    // a bad deploy removes the program under a running worker
    std::fs::remove_file(&tool).unwrap();
    let id = enqueue(&env, "deploy");
    wait_until(
        "the worker notices and gives the job back",
        Duration::from_secs(20),
        || {
            let record: std::collections::HashMap<String, String> = env
                .redis
                .connection()
                .hgetall(env.key("deploy", &format!("job:{id}")))
                .unwrap();
            record.contains_key("started_at")
                && record.get("state").map(String::as_str) == Some("pending")
        },
    );
    assert_eq!(
        stat(&env, "deploy", "dead"),
        0,
        "the backlog is not dead-lettered"
    );
    let attempts: u32 = env
        .redis
        .connection()
        .hget(env.key("deploy", &format!("job:{id}")), "attempts")
        .unwrap();
    assert_eq!(attempts, 0, "no attempt was spent");
    install();
    wait_until(
        "the job runs once the program is back",
        Duration::from_secs(30),
        || stat(&env, "deploy", "done") == 1,
    );
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
}

#[test]
fn redis_loading_its_data_is_waited_out() {
    let mut env = TestEnv::new();
    let pipeline = env.write(
        "loading.yaml",
        "pipeline: loading\nqueue: loading\nsteps:\n  - noop: {}\n",
    );
    enqueue(&env, "loading");
    let mut connection = env.redis.connection();
    redis::cmd("EVAL")
        .arg("for i = 1, 40000 do redis.call('SET', 'filler:' .. i, 'x') end")
        .arg(0)
        .query::<()>(&mut connection)
        .unwrap();
    redis::cmd("SAVE").query::<()>(&mut connection).unwrap();
    drop(connection);
    env.redis.stop();
    // 100 µs per key: a few seconds of LOADING replies, answered every kilobyte loaded
    env.redis.start_again(&[
        "--key-load-delay".to_string(),
        "100".to_string(),
        "--loading-process-events-interval-bytes".to_string(),
        "1024".to_string(),
    ]);
    let (code, _, stderr) = env.fleetq(&["enqueue", "loading", "--data", "{}"]);
    assert_eq!(
        code, 5,
        "a script that retries on exit 5 keeps its job: {stderr}"
    );
    assert!(stderr.contains("cannot serve yet"), "{stderr}");
    assert!(
        stderr.contains("hint: Redis is loading its data"),
        "{stderr}"
    );
    let mut worker = env.command();
    worker
        .arg("worker")
        .arg(&pipeline)
        .args(["--burst", "--output", "json"])
        .stderr(Stdio::piped());
    let (code, stdout, stderr) = run(worker);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report(&stdout)["done"], 1, "{stderr}");
}

#[test]
fn a_busy_redis_is_unavailable_not_a_failure() {
    let env = TestEnv::new();
    env.redis.config_set("busy-reply-threshold", "100");
    let url = env.redis.url();
    let busy = std::thread::spawn(move || {
        let mut connection = redis::Client::open(url).unwrap().get_connection().unwrap();
        redis::cmd("EVAL")
            .arg("while true do end")
            .arg(0)
            .query::<()>(&mut connection)
    });
    let (mut code, mut stderr) = (0, String::new());
    wait_until("Redis answers BUSY", Duration::from_secs(10), || {
        (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", "{}"]);
        code != 0
    });
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("BUSY"), "{stderr}");
    let mut connection = redis::Client::open(env.redis.url())
        .unwrap()
        .get_connection()
        .unwrap();
    redis::cmd("SCRIPT")
        .arg("KILL")
        .query::<()>(&mut connection)
        .unwrap();
    assert!(
        busy.join().unwrap().is_err(),
        "the endless script was killed"
    );
}

#[test]
fn a_worker_says_once_that_redis_is_down_and_again_when_it_is_back() {
    let mut env = TestEnv::new();
    let pipeline = env.write(
        "patient.yaml",
        "pipeline: patient\nqueue: patient\nlease: 1s\nsteps:\n  - noop: {}\n",
    );
    enqueue(&env, "patient");
    let log = env.path("worker.log");
    let mut worker = start_logged_worker(&env, &pipeline, &[], &log);
    wait_until("the worker runs the job", Duration::from_secs(20), || {
        stat(&env, "patient", "done") == 1
    });
    env.redis.stop();
    let down = std::time::Instant::now();
    wait_until("the worker notices", Duration::from_secs(10), || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("retrying until")
    });
    // the injected fault: Redis stays down a few seconds, long enough for an unthrottled
    // worker to log dozens of warnings
    std::thread::sleep(Duration::from_secs(3).saturating_sub(down.elapsed()));
    env.redis.start_again(&[]);
    wait_until(
        "the worker logs its recovery",
        Duration::from_secs(20),
        || {
            std::fs::read_to_string(&log)
                .unwrap_or_default()
                .contains("the backend answers again")
        },
    );
    let text = std::fs::read_to_string(&log).unwrap();
    let warnings = text.lines().filter(|line| line.contains("WARN")).count();
    assert!(warnings <= 6, "{warnings} warnings for one outage:\n{text}");
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
}

#[test]
fn a_client_clock_an_hour_behind_still_schedules_at_the_right_time() {
    let env = TestEnv::new();
    let faketime = which("faketime").unwrap_or_else(|| {
        panic!(
            "faketime is not installed: this test skews the client's clock with it. \
             Install it (apt-get install faketime; .ci/run does this) and run the tests again."
        )
    });
    let (seconds, micros): (i64, i64) = redis::cmd("TIME")
        .query(&mut env.redis.connection())
        .unwrap();
    let due_ms = seconds * 1000 + micros / 1000 + 2000;
    let due = std::time::UNIX_EPOCH + Duration::from_millis(due_ms as u64);
    let at = humantime::format_rfc3339_millis(due).to_string();
    // the producer's clock is an hour behind the server's
    let mut skewed = std::process::Command::new(faketime);
    configure(&mut skewed, env.dir.path(), &env.redis.url(), &env.prefix);
    skewed
        .args(["-f", "-1h"])
        .arg(binary())
        .args(["enqueue", "clocks", "--at", &at]);
    let (code, stdout, stderr) = run(skewed);
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().rsplit('/').next().unwrap().to_string();
    let run_at: i64 = env
        .redis
        .connection()
        .hget(env.key("clocks", &format!("job:{id}")), "run_at")
        .unwrap();
    assert!(
        (run_at - due_ms).abs() < 1000,
        "due at {due_ms} by the server's clock, stored for {run_at}"
    );
    let pipeline = env.write(
        "clocks.yaml",
        "pipeline: clocks\nqueue: clocks\nsteps:\n  - noop: {}\n",
    );
    let (code, stdout, stderr) = burst(&env, &pipeline, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report(&stdout)["done"], 1, "it ran within the burst window");
}
