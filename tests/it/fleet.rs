//! 10,000 jobs through 4 worker processes, on every backend: every job is done exactly once
//! and none is left.

use crate::support::{Kind, TestEnv, assert_consistent_on, on_every_backend_sync, run};
use std::collections::{HashMap, HashSet};
use std::process::Stdio;
use std::time::{Duration, Instant};

on_every_backend_sync!(
    ten_thousand_jobs_through_four_workers_each_done_once,
    producers_workers_and_stats_share_the_backend_through_a_crash,
);

fn ten_thousand_jobs_through_four_workers_each_done_once(kind: Kind) {
    let env = TestEnv::on(kind);
    let lines: Vec<String> = (0..10_000).map(|n| format!(r#"{{"n": {n}}}"#)).collect();
    let jobs = env.write("jobs.jsonl", &(lines.join("\n") + "\n"));
    let (code, stdout, stderr) = run({
        let mut command = env.command();
        command.arg("enqueue").arg("load").arg("--file").arg(&jobs);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<String> = stdout
        .lines()
        .map(|line| line.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 10_000);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        10_000,
        "ids are unique"
    );

    let pipeline = env.write(
        "noop.yaml",
        "pipeline: load\nqueue: load\nconcurrency: 25\nsteps:\n  - noop: {}\n",
    );
    let mut workers: Vec<_> = (0..4)
        .map(|_| {
            let mut command = env.command();
            command
                .arg("worker")
                .arg(&pipeline)
                .args(["--burst", "--json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null());
            command.spawn().unwrap()
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut done_by_workers = 0u64;
    for worker in &mut workers {
        while worker.try_wait().unwrap().is_none() {
            assert!(
                Instant::now() < deadline,
                "workers did not drain 10,000 jobs in time"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = worker.wait_with_output_ref();
        let report: serde_json::Value = serde_json::from_str(&output).unwrap();
        done_by_workers += report["done"].as_u64().unwrap();
    }
    assert_eq!(done_by_workers, 10_000, "the workers' own counts add up");

    let (code, stats, _) = env.fleetq(&["stats", "load", "--json"]);
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    let queue = &stats["queues"][0];
    assert_eq!(queue["done"], 10_000, "the done counter is exact");
    assert_eq!(
        (queue["active"].as_u64(), queue["pending"].as_u64()),
        (Some(0), Some(0)),
        "nothing is left: {queue}"
    );
    assert!(
        queue["throughput_1m"].as_f64().unwrap() > 0.0,
        "throughput reflects the work: {queue}"
    );
    assert!(queue["throughput_5m"].as_f64().unwrap() > 0.0);
    assert_eq!(queue["workers"], 0, "workers unregister when they exit");
    assert_consistent_on(&env, kind, "load");
    let (code, listed, stderr) = env.fleetq(&[
        "jobs", "ls", "load", "--state", "done", "--limit", "20000", "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let listed: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    let attempts: HashMap<&str, u64> = listed
        .iter()
        .map(|job| {
            (
                job["id"].as_str().unwrap(),
                job["attempts"].as_u64().unwrap(),
            )
        })
        .collect();
    for id in &ids {
        assert_eq!(
            attempts.get(id.as_str()),
            Some(&1),
            "job {id} ran exactly once"
        );
    }
}

/// What cron and a fleet do to one backend at once: a producer enqueues batches while two
/// workers run and `stats` reads beside them; one worker is SIGKILLed mid-run and its jobs
/// come back after their lease. Every job is done once (twice only if it was in flight).
fn producers_workers_and_stats_share_the_backend_through_a_crash(kind: Kind) {
    let env = TestEnv::on(kind);
    // a 3 s lease: on a loaded CI machine a live worker can be starved of CPU for over a
    // second, and a shorter lease would count its stall as a crash
    let pipeline = env.write(
        "steady.yaml",
        "pipeline: steady\nqueue: steady\nlease: 3s\nconcurrency: 8\nsteps:\n  - sleep: 5ms\n",
    );
    let start = |_: usize| {
        let mut command = env.command();
        command
            .arg("worker")
            .arg(&pipeline)
            .args(["--json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        command.spawn().unwrap()
    };
    let mut doomed = start(0);
    let mut survivor = start(1);
    let batch = env.write("batch.jsonl", &"{\"n\": 1}\n".repeat(200));
    let mut ids = Vec::new();
    let produce = |round: usize, ids: &mut Vec<String>| {
        let (code, stdout, stderr) =
            env.fleetq(&["enqueue", "steady", "--file", batch.to_str().unwrap()]);
        assert_eq!(code, 0, "round {round}: {stderr}");
        ids.extend(
            stdout
                .lines()
                .map(|line| line.rsplit('/').next().unwrap().to_string()),
        );
        let (code, _, stderr) = env.fleetq(&["stats", "steady", "--json"]);
        assert_eq!(code, 0, "stats beside the workers: {stderr}");
    };
    for round in 0..5 {
        produce(round, &mut ids);
    }
    doomed.kill().unwrap(); // SIGKILL, mid-run
    doomed.wait().unwrap();
    for round in 5..10 {
        produce(round, &mut ids);
    }
    assert_eq!(ids.len(), 2000);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (_, stats, _) = env.fleetq(&["stats", "steady", "--json"]);
        let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
        let queue = &stats["queues"][0];
        if queue["done"] == 2000 && queue["active"] == 0 && queue["pending"] == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "not drained: {queue}");
        std::thread::sleep(Duration::from_millis(50));
    }
    crate::support::signal(&mut survivor, libc::SIGTERM);
    assert!(survivor.wait().unwrap().success());
    let (code, listed, stderr) = env.fleetq(&[
        "jobs", "ls", "steady", "--state", "done", "--limit", "5000", "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let listed: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    let done: HashSet<&str> = listed
        .iter()
        .map(|job| job["id"].as_str().unwrap())
        .collect();
    for id in &ids {
        assert!(done.contains(id.as_str()), "job {id} is done");
    }
    let redelivered: Vec<&serde_json::Value> = listed
        .iter()
        .filter(|job| job["attempts"].as_u64() != Some(1))
        .collect();
    // duplicates only for jobs in flight at the kill: up to 8 running, up to 8 finished with
    // their ack still buffered, and up to 8 whose ack was on the wire and never applied
    assert!(
        redelivered.len() <= 3 * 8,
        "{} jobs ran more than once",
        redelivered.len()
    );
    for job in &redelivered {
        assert!(
            job["last_error"]
                .as_str()
                .is_some_and(|error| error.contains("lease expired")),
            "a job ran twice only because its worker died: {job}"
        );
    }
    assert_consistent_on(&env, kind, "steady");
}

trait OutputRef {
    fn wait_with_output_ref(&mut self) -> String;
}

impl OutputRef for std::process::Child {
    fn wait_with_output_ref(&mut self) -> String {
        let mut text = String::new();
        if let Some(mut stdout) = self.stdout.take() {
            std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        }
        text
    }
}
