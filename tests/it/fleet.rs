//! 10,000 jobs through 4 worker processes, on every backend: every job is done exactly once
//! and none is left.

use crate::support::{Kind, TestEnv, assert_consistent_on, on_every_backend_sync, run};
use std::collections::{HashMap, HashSet};
use std::process::Stdio;
use std::time::{Duration, Instant};

on_every_backend_sync!(ten_thousand_jobs_through_four_workers_each_done_once);

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
