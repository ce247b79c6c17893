//! 10,000 jobs through 4 worker processes: every job is done exactly once and none is left.

use crate::support::{TestEnv, assert_consistent, run};
use redis::Commands;
use std::collections::HashSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn ten_thousand_jobs_through_four_workers_each_done_once() {
    let env = TestEnv::new();
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

    let mut connection = env.redis.connection();
    let done: u64 = connection.hget(env.key("load", "stats"), "done").unwrap();
    assert_eq!(done, 10_000, "the done counter is exact");
    let done_set: u64 = connection.zcard(env.key("load", "done")).unwrap();
    assert_eq!(done_set, 10_000);
    let leased: u64 = connection.zcard(env.key("load", "leased")).unwrap();
    assert_eq!(leased, 0, "nothing is left active");
    let ready: u64 = connection.llen(env.key("load", "ready:5")).unwrap();
    assert_eq!(ready, 0);
    let (code, stats, _) = env.fleetq(&["stats", "load", "--json"]);
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    let queue = &stats["queues"][0];
    assert_eq!(queue["done"], 10_000);
    assert!(
        queue["throughput_1m"].as_f64().unwrap() > 0.0,
        "throughput reflects the work: {queue}"
    );
    assert!(queue["throughput_5m"].as_f64().unwrap() > 0.0);
    assert_eq!(queue["workers"], 0, "workers unregister when they exit");
    assert_consistent(&env, "load");
    let mut pipe = redis::pipe();
    for id in &ids {
        pipe.cmd("HMGET")
            .arg(env.key("load", &format!("job:{id}")))
            .arg("state")
            .arg("attempts");
    }
    let rows: Vec<(String, u32)> = pipe.query(&mut connection).unwrap();
    for (id, (state, attempts)) in ids.iter().zip(rows) {
        assert_eq!(
            (state.as_str(), attempts),
            ("done", 1),
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
