//! Fleet-wide limits enforced through the backend, measured across two worker processes: a
//! queue's rate (`queues set --rate`), a step's `rate:`, and `max_inflight`. Held-back jobs
//! wait and spend no attempt.

use crate::support::{
    Kind, TestEnv, json, lines_of, ok, on_every_backend_sync, start_worker, stat, wait_until,
};
use std::time::Duration;

on_every_backend_sync!(
    a_queue_rate_holds_across_two_worker_processes,
    a_step_rate_holds_across_two_worker_processes,
    max_inflight_caps_running_jobs_across_two_worker_processes,
);

/// The most starts (ns timestamps) inside any window of `window`.
fn busiest(starts: &[u128], window: Duration) -> usize {
    let mut sorted = starts.to_vec();
    sorted.sort_unstable();
    let width = window.as_nanos();
    (0..sorted.len())
        .map(|first| {
            sorted[first..]
                .iter()
                .take_while(|at| **at < sorted[first] + width)
                .count()
        })
        .max()
        .unwrap_or(0)
}

fn enqueue_many(env: &TestEnv, queue: &str, count: usize) {
    let file = env.write(&format!("{queue}.jsonl"), &"{\"n\": 1}\n".repeat(count));
    let (code, _, stderr) = env.fleetq(&["enqueue", queue, "--file", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

/// Two workers on `pipeline` until `count` jobs of `queue` are done; returns each job's start
/// time as its step wrote it.
fn two_workers(env: &TestEnv, pipeline: &std::path::Path, queue: &str, count: u64) -> Vec<u128> {
    let starts = env.path("starts");
    let first = start_worker(env, pipeline, &["--concurrency", "8"]);
    let second = start_worker(env, pipeline, &["--concurrency", "8"]);
    wait_until("every job is done", Duration::from_secs(60), || {
        stat(env, queue, "done") == count
    });
    drop((first, second));
    // limited jobs waited in the queue: none spent a second attempt
    let (code, listed, _) = env.fleetq(&[
        "jobs", "ls", queue, "--state", "done", "--json", "--limit", "1000",
    ]);
    assert_eq!(code, 0);
    for job in json(&listed).as_array().unwrap() {
        assert_eq!(job["attempts"], 1, "{job}");
    }
    lines_of(&starts)
        .iter()
        .map(|line| line.parse().unwrap())
        .collect()
}

fn pipeline(env: &TestEnv, queue: &str, extra: &str, step_extra: &str) -> std::path::PathBuf {
    env.write(
        &format!("{queue}.yaml"),
        &format!(
            "pipeline: {queue}\nqueue: {queue}\n{extra}steps:\n  - name: work\n    shell: 'date +%s%N >> \"{}\"'\n{step_extra}",
            env.path("starts").display()
        ),
    )
}

fn a_queue_rate_holds_across_two_worker_processes(kind: Kind) {
    let env = TestEnv::on(kind);
    ok(
        &env,
        &[
            "queues",
            "set",
            "paced",
            "--rate",
            "20/s",
            "--max-inflight",
            "50",
        ],
    );
    let listed = json(&ok(&env, &["queues", "ls", "--json"]));
    assert_eq!(listed["queues"][0]["rate"], "20/s", "{listed}");
    assert_eq!(listed["queues"][0]["max_inflight"], 50, "{listed}");
    enqueue_many(&env, "paced", 60);
    let starts = two_workers(&env, &pipeline(&env, "paced", "", ""), "paced", 60);
    assert_eq!(starts.len(), 60);
    // 40 in two seconds, a burst of 2, and three starts of slack for a step that starts late
    let peak = busiest(&starts, Duration::from_secs(2));
    assert!(peak <= 45, "{peak} starts in two seconds at 20/s");
}

fn a_step_rate_holds_across_two_worker_processes(kind: Kind) {
    let env = TestEnv::on(kind);
    enqueue_many(&env, "stepped", 60);
    let file = pipeline(&env, "stepped", "", "    rate: 20/s\n");
    let starts = two_workers(&env, &file, "stepped", 60);
    let peak = busiest(&starts, Duration::from_secs(2));
    assert!(peak <= 45, "{peak} starts in two seconds at 20/s");
}

fn max_inflight_caps_running_jobs_across_two_worker_processes(kind: Kind) {
    let env = TestEnv::on(kind);
    let running = env.path("running");
    std::fs::create_dir(&running).unwrap();
    let seen = env.path("seen");
    let file = env.write(
        "capped.yaml",
        &format!(
            r#"pipeline: capped
queue: capped
max_inflight: 2
steps:
  - name: work
    shell: 'touch "{running}/$$"; ls "{running}" | wc -l >> "{seen}"; sleep 0.05; rm "{running}/$$"'
"#,
            running = running.display(),
            seen = seen.display()
        ),
    );
    enqueue_many(&env, "capped", 30);
    let first = start_worker(&env, &file, &["--concurrency", "8"]);
    let second = start_worker(&env, &file, &["--concurrency", "8"]);
    wait_until("every job is done", Duration::from_secs(60), || {
        stat(&env, "capped", "done") == 30
    });
    drop((first, second));
    let counts: Vec<usize> = lines_of(&seen)
        .iter()
        .map(|n| n.trim().parse().unwrap())
        .collect();
    assert_eq!(counts.len(), 30);
    assert!(counts.iter().all(|count| *count <= 2), "{counts:?}");
    assert!(counts.contains(&2), "both slots were used: {counts:?}");
}
