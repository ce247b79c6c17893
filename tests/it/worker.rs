//! The worker process: graceful SIGTERM, release past the grace period, a second signal,
//! retries into the dead-letter set, timeouts that kill the step's process group, pause.

use crate::support::{
    Kind, TestEnv, alive, assert_consistent_on, enqueue, on_every_backend_sync, run, signal,
    start_worker, stat, wait_exit, wait_for_stderr, wait_until,
};

use crate::support::Spawned;
use std::time::Duration;

// every behaviour here runs against every backend; the Redis restart test is Redis's own
on_every_backend_sync!(
    sigterm_lets_the_running_job_finish,
    past_the_grace_period_the_job_is_released_not_lost,
    a_second_signal_exits_at_once_and_the_lease_is_left_to_expire,
    failures_retry_with_backoff_then_go_dead_with_stderr,
    mapped_exit_codes_make_a_failure_fatal,
    a_step_timeout_kills_the_whole_process_group,
    burst_skips_a_paused_queue_and_drains_it_once_resumed,
    max_jobs_stops_after_that_many,
    cancelling_a_running_job_stops_its_step_at_the_next_heartbeat,
    at_schedules_a_job_for_a_wall_clock_time,
    one_worker_serves_several_pipelines_with_one_job_budget,
    max_runtime_stops_an_idle_worker_and_says_why,
    exec_steps_read_the_job_context_and_earlier_outputs_on_stdin,
    an_idle_worker_stopped_or_killed_leases_nothing_afterwards,
);

/// One field of `jobs show QUEUE/ID --json`, as text (None when absent or null).
fn job_field(env: &TestEnv, queue: &str, id: &str, field: &str) -> Option<String> {
    let (code, stdout, stderr) = env.fleetq(&["jobs", "show", &format!("{queue}/{id}"), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let job: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let name = if field == "stderr" {
        "stderr_tail"
    } else {
        field
    };
    match &job[name] {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

fn long_step(env: &TestEnv, seconds: u32, lease: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let marker = env.path("started.pid");
    let pipeline = env.write(
        "long.yaml",
        &format!(
            r#"pipeline: long
queue: slow
lease: {lease}
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; echo $$ > "{marker}.tmp"; mv "{marker}.tmp" "{marker}"; sleep {seconds}; echo "{{\"slept\": {seconds}}}"']
"#,
            marker = marker.display()
        ),
    );
    (pipeline, marker)
}

/// Enqueues one job, starts a worker on a step that sleeps `seconds`, and waits until the step
/// runs: (worker, job id, the step's pid, its marker file).
fn start_long_job(
    env: &TestEnv,
    seconds: u32,
    lease: &str,
    extra: &[&str],
) -> (Spawned, String, i32, std::path::PathBuf) {
    let (pipeline, marker) = long_step(env, seconds, lease);
    let id = enqueue(env, "slow");
    let worker = start_worker(env, &pipeline, extra);
    wait_until("the step starts", Duration::from_secs(20), || {
        marker.exists()
    });
    let step: i32 = std::fs::read_to_string(&marker)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (worker, id, step, marker)
}

fn sigterm_lets_the_running_job_finish(kind: Kind) {
    let env = TestEnv::on(kind);
    let (pipeline, marker) = long_step(&env, 2, "30s");
    let id = enqueue(&env, "slow");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the step starts", Duration::from_secs(20), || {
        marker.exists()
    });
    let (_, stats, _) = env.fleetq(&["stats", "slow", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(
        stats["queues"][0]["workers"], 1,
        "the running worker is counted"
    );
    assert_eq!(stats["queues"][0]["active"], 1);
    let (_, shown, _) = env.fleetq(&["jobs", "show", &id, "--json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert!(
        shown["lease_owner"]
            .as_str()
            .is_some_and(|owner| !owner.is_empty()),
        "{shown}"
    );
    assert!(shown["lease_deadline"].as_i64().is_some(), "{shown}");
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(30)), 0);
    assert_eq!(
        job_field(&env, "slow", &id, "state").as_deref(),
        Some("done"),
        "finished within the grace period"
    );
    assert!(
        job_field(&env, "slow", &id, "outputs")
            .unwrap()
            .contains("slept")
    );
}

fn past_the_grace_period_the_job_is_released_not_lost(kind: Kind) {
    let env = TestEnv::on(kind);
    let (mut worker, id, step, _) = start_long_job(&env, 60, "30s", &["--shutdown-grace", "200ms"]);
    signal(&mut worker, libc::SIGINT);
    assert_eq!(
        wait_exit(&mut worker, Duration::from_secs(30)),
        130,
        "stopped by SIGINT"
    );
    assert_eq!(
        job_field(&env, "slow", &id, "state").as_deref(),
        Some("pending"),
        "released back to the queue"
    );
    assert_eq!(
        job_field(&env, "slow", &id, "attempts").as_deref(),
        Some("0"),
        "the interrupted attempt is not counted"
    );
    assert_eq!(stat(&env, "slow", "active"), 0);
    assert_consistent_on(&env, env.kind, "slow");
    wait_until(
        "the step's process is killed",
        Duration::from_secs(5),
        || !alive(step),
    );
}

fn a_second_signal_exits_at_once_and_the_lease_is_left_to_expire(kind: Kind) {
    let env = TestEnv::on(kind);
    let (mut worker, id, step, _) = start_long_job(&env, 60, "30s", &[]);
    signal(&mut worker, libc::SIGTERM);
    // the first signal starts a 30 s drain; wait until the worker says so, then signal again
    wait_for_stderr(&mut worker, "finishing in-flight jobs");
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(5)), 130);
    assert_eq!(
        job_field(&env, "slow", &id, "state").as_deref(),
        Some("active"),
        "the lease is held until it expires"
    );
    wait_until(
        "the step's process group is killed",
        Duration::from_secs(5),
        || !alive(step),
    );
}

fn failures_retry_with_backoff_then_go_dead_with_stderr(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "failing.yaml",
        r#"pipeline: failing
queue: flaky
retry: { max_attempts: 3, base: 10ms, max: 50ms }
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; echo "disk on fire" >&2; exit 1']
"#,
    );
    let id = enqueue(&env, "flaky");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the job goes dead", Duration::from_secs(30), || {
        job_field(&env, "flaky", &id, "state").as_deref() == Some("dead")
    });
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(30)), 0);
    assert_eq!(
        job_field(&env, "flaky", &id, "attempts").as_deref(),
        Some("3")
    );
    assert!(
        job_field(&env, "flaky", &id, "stderr")
            .unwrap()
            .contains("disk on fire")
    );
    assert!(
        job_field(&env, "flaky", &id, "last_error")
            .unwrap()
            .contains("exited with code 1: disk on fire")
    );
    assert_eq!(stat(&env, "flaky", "retried"), 2);
}

fn mapped_exit_codes_make_a_failure_fatal(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "fatal.yaml",
        r#"pipeline: fatal
queue: strict
steps:
  - name: validate
    exec: [sh, -c, 'cat >/dev/null; exit 3']
    exit_codes: { 3: fatal }
"#,
    );
    let id = enqueue(&env, "strict");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the job goes dead", Duration::from_secs(30), || {
        job_field(&env, "strict", &id, "state").as_deref() == Some("dead")
    });
    signal(&mut worker, libc::SIGTERM);
    wait_exit(&mut worker, Duration::from_secs(30));
    assert_eq!(
        job_field(&env, "strict", &id, "attempts").as_deref(),
        Some("1"),
        "fatal skips the retries"
    );
}

fn a_step_timeout_kills_the_whole_process_group(kind: Kind) {
    let env = TestEnv::on(kind);
    let background = env.path("background.pid");
    let pipeline = env.write(
        "timeout.yaml",
        &format!(
            r#"pipeline: timeouts
queue: hangs
retry: {{ max_attempts: 1 }}
steps:
  - name: hang
    timeout: 300ms
    exec: [sh, -c, 'cat >/dev/null; sleep 60 & echo $! > "{path}.tmp"; mv "{path}.tmp" "{path}"; wait']
"#,
            path = background.display()
        ),
    );
    let id = enqueue(&env, "hangs");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until(
        "the job times out and goes dead",
        Duration::from_secs(30),
        || job_field(&env, "hangs", &id, "state").as_deref() == Some("dead"),
    );
    signal(&mut worker, libc::SIGTERM);
    wait_exit(&mut worker, Duration::from_secs(30));
    assert!(
        job_field(&env, "hangs", &id, "last_error")
            .unwrap()
            .contains("timed out")
    );
    let grandchild: i32 = std::fs::read_to_string(&background)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    wait_until(
        "the step's background child is killed too",
        Duration::from_secs(5),
        || !alive(grandchild),
    );
}

fn burst_skips_a_paused_queue_and_drains_it_once_resumed(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: gated\nsteps:\n  - noop: {}\n",
    );
    let id = enqueue(&env, "gated");
    let (code, _, stderr) = env.fleetq(&["queues", "pause", "gated"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run({
        let mut command = env.command();
        command.arg("worker").arg(&pipeline).arg("--burst");
        command
    });
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        job_field(&env, "gated", &id, "state").as_deref(),
        Some("pending"),
        "a paused queue hands out nothing"
    );
    let (code, _, _) = env.fleetq(&["queues", "resume", "gated"]);
    assert_eq!(code, 0);
    let (code, _, stderr) = run({
        let mut command = env.command();
        command.arg("worker").arg(&pipeline).arg("--burst");
        command
    });
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        job_field(&env, "gated", &id, "state").as_deref(),
        Some("done")
    );
}

fn max_jobs_stops_after_that_many(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: counted\nsteps:\n  - noop: {}\n",
    );
    for _ in 0..5 {
        enqueue(&env, "counted");
    }
    let (code, stdout, stderr) = run({
        let mut command = env.command();
        command
            .arg("worker")
            .arg(&pipeline)
            .args(["--max-jobs", "2", "--json"]);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["done"], 2);
    assert_eq!(stat(&env, "counted", "pending"), 3);
}

fn cancelling_a_running_job_stops_its_step_at_the_next_heartbeat(kind: Kind) {
    let env = TestEnv::on(kind);
    let (mut worker, id, step, marker) = start_long_job(&env, 60, "900ms", &[]);
    std::fs::remove_file(&marker).unwrap();
    let (code, stdout, stderr) = env.fleetq(&["jobs", "cancel", &format!("slow/{id}")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("cancelled"), "{stdout}");
    wait_until(
        "the worker kills the cancelled step",
        Duration::from_secs(10),
        || !alive(step),
    );
    assert_eq!(
        job_field(&env, "slow", &id, "state").as_deref(),
        Some("cancelled")
    );
    // the worker keeps serving the queue afterwards
    let next = enqueue(&env, "slow");
    wait_until("the next job starts", Duration::from_secs(20), || {
        marker.exists()
    });
    assert_eq!(
        job_field(&env, "slow", &next, "state").as_deref(),
        Some("active")
    );
    signal(&mut worker, libc::SIGTERM);
    wait_for_stderr(&mut worker, "finishing in-flight jobs");
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(10)), 130);
}

fn at_schedules_a_job_for_a_wall_clock_time(kind: Kind) {
    let env = TestEnv::on(kind);
    let later = std::time::SystemTime::now() + Duration::from_secs(3600);
    let at = humantime::format_rfc3339_seconds(later).to_string();
    let (code, stdout, stderr) = env.fleetq(&["enqueue", "scheduled", "--data", "{}", "--at", &at]);
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().rsplit('/').next().unwrap().to_string();
    assert_eq!(
        job_field(&env, "scheduled", &id, "state").as_deref(),
        Some("delayed")
    );
    let run_at: i64 = job_field(&env, "scheduled", &id, "run_at")
        .unwrap()
        .parse()
        .unwrap();
    let expected = later
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!(
        (run_at - expected).abs() < 60_000,
        "run_at {run_at} is about {expected}"
    );
    let (code, _, stderr) = env.fleetq(&[
        "enqueue",
        "scheduled",
        "--data",
        "{}",
        "--at",
        "tomorrow-ish",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--at `tomorrow-ish` is not an RFC 3339 time"),
        "{stderr}"
    );
}

#[test]
fn a_worker_rides_out_a_redis_restart() {
    let mut env = TestEnv::new();
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: steady\nlease: 2s\nsteps:\n  - noop: {}\n",
    );
    let first = enqueue(&env, "steady");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the first job is done", Duration::from_secs(20), || {
        job_field(&env, "steady", &first, "state").as_deref() == Some("done")
    });
    // an empty server comes back on the same socket: connections drop, scripts are gone
    env.redis.restart();
    let second = enqueue(&env, "steady");
    wait_until(
        "the job enqueued after the restart is done",
        Duration::from_secs(30),
        || job_field(&env, "steady", &second, "state").as_deref() == Some("done"),
    );
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(30)), 0);
}

fn one_worker_serves_several_pipelines_with_one_job_budget(kind: Kind) {
    let env = TestEnv::on(kind);
    let first = env.write(
        "a.yaml",
        "pipeline: a\nqueue: alpha\nsteps:\n  - noop: {}\n",
    );
    let second = env.write("b.yaml", "pipeline: b\nqueue: beta\nsteps:\n  - noop: {}\n");
    for _ in 0..5 {
        enqueue(&env, "alpha");
        enqueue(&env, "beta");
    }
    let (a, b) = (first.to_str().unwrap(), second.to_str().unwrap());
    let (code, stdout, stderr) = env.fleetq(&["worker", a, b, "--max-jobs", "3", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report["done"], 3,
        "--max-jobs is one budget for the whole process"
    );
    let (code, stdout, stderr) = env.fleetq(&["worker", a, b, "--burst", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["done"], 7, "--burst drains every pipeline's queue");
    let (code, _, stderr) = env.fleetq(&["worker", a, a]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("two pipelines consume the same queue"),
        "{stderr}"
    );
}

fn max_runtime_stops_an_idle_worker_and_says_why(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: idle\nsteps:\n  - noop: {}\n",
    );
    let (code, stdout, stderr) = env.fleetq(&[
        "worker",
        pipeline.to_str().unwrap(),
        "--max-runtime",
        "300ms",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["stopped_by"], "max_runtime");
    let (_, stdout, _) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["stopped_by"], "drained");
}

fn exec_steps_read_the_job_context_and_earlier_outputs_on_stdin(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "context.yaml",
        r#"pipeline: context
queue: ctx
steps:
  - name: first
    exec: [sh, -c, 'cat > /dev/null; echo "{\"answer\": 42}"']
  - name: echo
    exec: [cat]
  - name: text
    exec: [echo, plain words]
"#,
    );
    let (code, stdout, stderr) = env.fleetq(&[
        "enqueue",
        "ctx",
        "--data",
        r#"{"user": "ada"}"#,
        // a correlation id may hold spaces; the Redis lease reply carries it last for that
        "--correlation-id",
        "req 1 of many",
        "--session",
        "s-1",
        "--priority",
        "2",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().rsplit('/').next().unwrap().to_string();
    let (code, _, stderr) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, shown, _) = env.fleetq(&["jobs", "show", &id, "--json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let context = &shown["outputs"]["echo"];
    assert_eq!(context["job"]["id"], id.as_str());
    assert_eq!(context["job"]["queue"], "ctx");
    assert_eq!(context["job"]["attempt"], 1);
    assert_eq!(context["job"]["priority"], 2);
    assert_eq!(context["job"]["correlation_id"], "req 1 of many");
    assert_eq!(context["job"]["session"], "s-1");
    assert_eq!(context["data"]["user"], "ada");
    assert_eq!(
        context["steps"]["first"]["answer"], 42,
        "earlier outputs are passed on"
    );
    assert_eq!(
        shown["outputs"]["text"], "plain words",
        "non-JSON stdout is kept as text"
    );
}

/// Clients the private Redis holds blocked (an idle worker's doorbell wait).
fn blocked_clients(env: &TestEnv) -> u64 {
    let info: String = redis::cmd("INFO")
        .arg("clients")
        .query(&mut env.redis.connection())
        .unwrap();
    info.lines()
        .find_map(|line| line.strip_prefix("blocked_clients:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap()
}

/// An idle worker waits with its next lease queued behind the wait (on Redis, on the wait's
/// own connection). Stopped, it ends that wait at once and leaves nothing behind; killed, its
/// queued lease dies with its connection: a job enqueued afterwards is not leased to a dead
/// worker (it would wait out the 60 s lease) but stays pending for the next one.
fn an_idle_worker_stopped_or_killed_leases_nothing_afterwards(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "idle.yaml",
        "pipeline: idle\nqueue: idle\nlease: 60s\nsteps:\n  - noop: {}\n",
    );
    for (round, stop) in [libc::SIGTERM, libc::SIGKILL].into_iter().enumerate() {
        let mut worker = start_worker(&env, &pipeline, &[]);
        wait_for_stderr(&mut worker, "worker started");
        // the job left pending by the round before is this worker's first; the signal must
        // find the worker idle after it, not holding it (a killed holder would strand it)
        if round > 0 {
            wait_until(
                "the worker finished the job the last round left pending",
                Duration::from_secs(10),
                || stat(&env, "idle", "done") == round as u64,
            );
        }
        if kind == Kind::Redis {
            wait_until(
                "the worker waits on its doorbell",
                Duration::from_secs(10),
                || blocked_clients(&env) == 1,
            );
        }
        signal(&mut worker, stop);
        let code = wait_exit(&mut worker, Duration::from_secs(10));
        if stop == libc::SIGTERM {
            assert_eq!(code, 0, "an idle worker stops at once on SIGTERM");
        }
        if kind == Kind::Redis {
            wait_until(
                "the server let the wait go",
                Duration::from_secs(10),
                || blocked_clients(&env) == 0,
            );
        }
        let id = enqueue(&env, "idle");
        assert_eq!(
            job_field(&env, "idle", &id, "state").as_deref(),
            Some("pending"),
            "a job enqueued after the worker stopped (signal {stop}) was leased"
        );
    }
    if kind != Kind::Local {
        let pokes: Vec<String> = redis::cmd("KEYS")
            .arg(env.key("idle", "poke:*"))
            .query(&mut env.queue_connection("idle"))
            .unwrap();
        assert!(
            pokes.is_empty(),
            "a stopped wait left its poke set: {pokes:?}"
        );
    }
    let (code, _, stderr) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stat(&env, "idle", "done"), 2);
    assert_consistent_on(&env, kind, "idle");
}

/// On Redis an idle worker sends its next lease call right behind its doorbell wait, on the
/// same connection: the server keeps the call unread in that client's query buffer while the
/// wait blocks, and runs it the moment a ring ends the wait (one round trip from enqueue to
/// start instead of two). `CLIENT LIST` shows the blocked wait holding the call.
#[test]
fn an_idle_workers_next_lease_waits_queued_behind_its_doorbell() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: queued\nsteps:\n  - noop: {}\n",
    );
    let mut worker = start_worker(&env, &pipeline, &[]);
    // each client's flags, last command and unread query buffer, from `CLIENT LIST`
    let waits = || -> Vec<(String, String, u64)> {
        let list: String = redis::cmd("CLIENT")
            .arg("LIST")
            .query(&mut env.redis.connection())
            .unwrap();
        list.lines()
            .map(|line| {
                let field = |name: &str| {
                    line.split(' ')
                        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
                        .unwrap_or_default()
                        .to_string()
                };
                (
                    field("flags"),
                    field("cmd"),
                    field("qbuf").parse().unwrap_or(0),
                )
            })
            .filter(|(flags, command, _)| flags.contains('b') && command == "bzpopmin")
            .collect()
    };
    wait_until(
        "the idle worker blocks with its lease call queued behind the wait",
        Duration::from_secs(10),
        || waits().iter().any(|(_, _, unread)| *unread > 0),
    );
    let id = enqueue(&env, "queued");
    wait_until("the job is done", Duration::from_secs(10), || {
        job_field(&env, "queued", &id, "state").as_deref() == Some("done")
    });
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(10)), 0);
}
