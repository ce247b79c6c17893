//! A worker process killed with SIGKILL mid-job: the job comes back after its lease expires and
//! completes, and the dead worker's token can no longer complete or fail it.

use crate::support::{TestEnv, assert_consistent, wait_until};
use fleetq::runtime::job::{Completion, FailOutcome, FailureReport};
use redis::Commands;
use std::process::Stdio;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_worker_job_is_redelivered_and_the_old_token_is_fenced() {
    let env = TestEnv::new();
    let marker = env.path("first-attempt.pid");
    // the first attempt records its pid and hangs; the second completes
    let pipeline = env.write(
        "crash.yaml",
        &format!(
            r#"pipeline: crash
queue: crashy
lease: 1s
steps:
  - name: work
    exec: [sh, -c, 'cat >/dev/null; if [ -e "{marker}" ]; then echo "{{\"attempt\": 2}}"; exit 0; fi; echo $$ > "{marker}.tmp"; mv "{marker}.tmp" "{marker}"; exec sleep 60']
"#,
            marker = marker.display()
        ),
    );
    let (code, stdout, stderr) = env.fleetq(&["enqueue", "crashy", "--data", r#"{"n": 1}"#]);
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().rsplit('/').next().unwrap().to_string();

    let mut first = env.command();
    first
        .arg("worker")
        .arg(&pipeline)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut first = first.spawn().unwrap();
    wait_until("the first attempt starts", Duration::from_secs(20), || {
        marker.exists()
    });
    let mut connection = env.redis.connection();
    let job_key = env.key("crashy", &format!("job:{id}"));
    let stale_token: String = connection.hget(&job_key, "token").unwrap();

    first.kill().unwrap(); // SIGKILL: no cleanup, no release
    first.wait().unwrap();
    // the orphaned step is in its own process group; take it down so it cannot linger
    let step_pid: i32 = std::fs::read_to_string(&marker)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    unsafe {
        libc::killpg(step_pid, libc::SIGKILL);
    }
    let state: String = connection.hget(&job_key, "state").unwrap();
    assert_eq!(state, "active", "the killed worker still holds the lease");

    wait_until(
        "stats reports the dead worker's job as stalled",
        Duration::from_secs(10),
        || {
            let (_, stats, _) = env.fleetq(&["stats", "crashy", "--json"]);
            let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
            stats["queues"][0]["stalled"] == 1
        },
    );
    let (_, table, stderr) = env.fleetq(&["stats", "crashy"]);
    assert!(table.contains("1 (1 stalled)"), "{table}");
    assert!(
        stderr.contains("warning: stalled jobs in crashy"),
        "{stderr}"
    );

    let mut second = env.command();
    second
        .arg("worker")
        .arg(&pipeline)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut second = second.spawn().unwrap();
    wait_until(
        "the job is re-delivered and completes",
        Duration::from_secs(30),
        || connection.hget::<_, _, String>(&job_key, "state").unwrap() == "done",
    );
    crate::support::signal(&mut second, libc::SIGTERM);
    let status = second.wait().unwrap();
    assert_eq!(status.code(), Some(0));

    let attempts: u32 = connection.hget(&job_key, "attempts").unwrap();
    assert_eq!(attempts, 2);
    let outputs: String = connection.hget(&job_key, "outputs").unwrap();
    assert!(outputs.contains(r#""attempt":2"#), "{outputs}");
    let done: u64 = connection.hget(env.key("crashy", "stats"), "done").unwrap();
    assert_eq!(done, 1, "completed exactly once");

    assert_consistent(&env, "crashy");
    let backend = env.backend().await;
    let stale = backend
        .complete(
            "crashy",
            &[Completion {
                id: id.clone(),
                token: stale_token.clone(),
                outputs: "{}".into(),
            }],
        )
        .await
        .unwrap()
        .stale;
    assert_eq!(
        stale,
        vec![id.clone()],
        "the dead worker's token cannot complete the job"
    );
    let outcome = backend
        .fail(
            "crashy",
            &FailureReport {
                id: id.clone(),
                token: stale_token,
                error: "late".into(),
                stderr: String::new(),
                retry_delay: None,
                outputs: "{}".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        outcome,
        FailOutcome::Stale,
        "the dead worker's token cannot fail the job"
    );
    let state: String = connection.hget(&job_key, "state").unwrap();
    assert_eq!(state, "done");
}

/// Chaos: workers are SIGKILLed again and again while they drain a queue. At-least-once means a
/// killed worker's jobs run again, but every job ends done exactly once in the books (acks are
/// fenced), nothing is left active and no job is lost.
#[test]
fn repeated_sigkills_lose_no_job() {
    sigkilled_again_and_again("concurrency: 20\nsteps:\n  - sleep: 2ms");
}

/// The same with no-op jobs at concurrency 1, where `lookahead: auto` holds jobs ahead: a
/// killed worker's held jobs come back with its running one.
#[test]
fn repeated_sigkills_lose_no_held_job() {
    sigkilled_again_and_again("concurrency: 1\nsteps:\n  - noop: {}");
}

/// Three workers of a pipeline with `settings` drain 3,000 jobs while one of them is
/// SIGKILLed at every 500 done.
fn sigkilled_again_and_again(settings: &str) {
    let env = TestEnv::new();
    let lines: Vec<String> = (0..3000).map(|n| format!(r#"{{"n": {n}}}"#)).collect();
    let jobs = env.write("jobs.jsonl", &(lines.join("\n") + "\n"));
    let (code, _, stderr) = env.fleetq(&["enqueue", "chaos", "--file", jobs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let pipeline = env.write(
        "chaos.yaml",
        &format!("pipeline: chaos\nqueue: chaos\nlease: 1s\n{settings}\n"),
    );
    let start = || {
        let mut command = env.command();
        command
            .arg("worker")
            .arg(&pipeline)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command.spawn().unwrap()
    };
    let mut workers: Vec<std::process::Child> = (0..3).map(|_| start()).collect();
    let mut connection = env.redis.connection();
    let stats_key = env.key("chaos", "stats");
    let done = |connection: &mut redis::Connection| -> u64 {
        connection
            .hget::<_, _, Option<u64>>(&stats_key, "done")
            .unwrap()
            .unwrap_or(0)
    };
    let mut kills = 0;
    for threshold in [500u64, 1000, 1500, 2000, 2500] {
        wait_until(
            &format!("{threshold} jobs done"),
            Duration::from_secs(60),
            || done(&mut connection) >= threshold,
        );
        let victim = kills % workers.len();
        workers[victim].kill().unwrap(); // SIGKILL, mid-flight
        workers[victim].wait().unwrap();
        workers[victim] = start();
        kills += 1;
    }
    wait_until("every job is done", Duration::from_secs(120), || {
        done(&mut connection) == 3000
    });
    for worker in &mut workers {
        crate::support::signal(worker, libc::SIGTERM);
        worker.wait().unwrap();
    }
    assert_eq!(
        done(&mut connection),
        3000,
        "the done counter is exact despite {kills} kills"
    );
    let ids = crate::support::done_ids(&env, "chaos");
    assert_eq!(ids.len(), 3000);
    let leased: u64 = connection.zcard(env.key("chaos", "leased")).unwrap();
    assert_eq!(leased, 0, "nothing is left active");
    assert_consistent(&env, "chaos");
    let mut redelivered = 0;
    for id in &ids {
        let attempts: u32 = connection
            .hget(env.key("chaos", &format!("job:{id}")), "attempts")
            .unwrap();
        if attempts > 1 {
            redelivered += 1;
        }
    }
    assert!(
        redelivered > 0,
        "the kills hit jobs in flight, which ran again"
    );
}
