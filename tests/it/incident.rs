//! The fleet and `jobs why`, on both backends: who is working (live, stale, labels), and why a
//! job is not done in each state it can be in.

use crate::support::{
    Kind, TestEnv, enqueue, json, on_every_backend_sync, signal, start_worker, wait_exit,
    wait_until,
};
use std::time::Duration;

fn workers(env: &TestEnv, filters: &[&str]) -> Vec<serde_json::Value> {
    let mut arguments = vec!["workers", "ls", "--json"];
    arguments.extend_from_slice(filters);
    let (code, stdout, stderr) = env.fleetq(&arguments);
    assert_eq!(code, 0, "{stderr}");
    json(&stdout).as_array().unwrap().clone()
}

fn why(env: &TestEnv, queue: &str, id: &str) -> serde_json::Value {
    let (code, stdout, stderr) = env.fleetq(&["jobs", "why", &format!("{queue}/{id}"), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    json(&stdout)
}

/// A pipeline on `queue` whose one step sleeps `seconds`, beating every 500 ms.
fn sleeper(env: &TestEnv, queue: &str, seconds: u32) -> std::path::PathBuf {
    env.write(
        &format!("{queue}.yaml"),
        &format!(
            "pipeline: {queue}\nqueue: {queue}\nconcurrency: 1\nlease: 1500ms\nsteps:\n  - name: nap\n    exec: [sh, -c, 'cat >/dev/null; sleep {seconds}']\n"
        ),
    )
}

fn the_fleet_lists_live_and_stale_workers_with_their_labels(kind: Kind) {
    let env = TestEnv::on(kind);
    let mut eu = start_worker(
        &env,
        &sleeper(&env, "x", 1),
        &["--label", "zone=eu", "--label", "tier=gold"],
    );
    let mut us = start_worker(&env, &sleeper(&env, "y", 1), &["--label", "zone=us"]);
    wait_until("both workers registered", Duration::from_secs(10), || {
        workers(&env, &[]).len() == 2
    });
    assert_eq!(workers(&env, &["--queue", "x"]).len(), 1);
    let us_only = workers(&env, &["--label", "zone=us"]);
    assert_eq!(us_only.len(), 1);
    assert_eq!(us_only[0]["queues"][0], "y");
    assert_eq!(
        workers(&env, &["--label", "zone=eu", "--label", "tier=gold"]).len(),
        1
    );
    let row = &workers(&env, &["--queue", "x"])[0];
    for field in [
        "id",
        "host",
        "pid",
        "version",
        "queues",
        "concurrency",
        "in_flight",
        "labels",
        "started_at",
        "seen_at",
        "stale",
    ] {
        assert!(!row[field].is_null(), "{field} in {row}");
    }
    assert_eq!(row["pid"], eu.id());
    signal(&mut us, libc::SIGKILL);
    wait_until(
        "the killed worker is marked stale",
        Duration::from_secs(15),
        || workers(&env, &["--label", "zone=us"])[0]["stale"] == true,
    );
    env.test(&["workers", "ls"])
        .stdout_has("stale")
        .stderr_has("2 workers (1 live, 1 stale)")
        .run();
    signal(&mut eu, libc::SIGTERM);
    wait_exit(&mut eu, Duration::from_secs(20));
    let left = workers(&env, &[]);
    assert_eq!(
        left.len(),
        1,
        "a worker that stopped cleanly left the registry: {left:?}"
    );
}

fn jobs_why_names_the_reason_and_the_next_step(kind: Kind) {
    let env = TestEnv::on(kind);
    // no worker at all
    let waiting = enqueue(&env, "w");
    let answer = why(&env, "w", &waiting);
    assert!(
        answer["reason"]
            .as_str()
            .unwrap()
            .contains("no live worker serves `w`"),
        "{answer}"
    );
    assert!(
        answer["next"].as_str().unwrap().contains("fleetq worker"),
        "{answer}"
    );
    // paused
    env.fleetq(&["queues", "pause", "w"]);
    let answer = why(&env, "w", &waiting);
    assert_eq!(
        answer["next"], "resume it: fleetq queues resume w",
        "{answer}"
    );
    env.fleetq(&["queues", "resume", "w"]);
    // running, and one behind it
    let mut worker = start_worker(&env, &sleeper(&env, "w", 30), &[]);
    let behind = enqueue(&env, "w");
    wait_until("the first job runs", Duration::from_secs(10), || {
        why(&env, "w", &waiting)["state"] == "active"
    });
    let answer = why(&env, "w", &waiting);
    assert!(
        answer["reason"]
            .as_str()
            .unwrap()
            .starts_with("it is running on"),
        "{answer}"
    );
    let answer = why(&env, "w", &behind);
    assert!(
        answer["reason"]
            .as_str()
            .unwrap()
            .starts_with("it waits its turn"),
        "{answer}"
    );
    // its worker dies: the lease holder goes silent and nobody is left to take the job back
    signal(&mut worker, libc::SIGKILL);
    wait_exit(&mut worker, Duration::from_secs(5));
    wait_until("the holder is silent", Duration::from_secs(15), || {
        why(&env, "w", &waiting)["reason"]
            .as_str()
            .unwrap()
            .contains("stopped heartbeating")
    });
    let answer = why(&env, "w", &waiting);
    assert!(
        answer["next"].as_str().unwrap().contains("start a worker"),
        "{answer}"
    );
    // scheduled
    let (_, stdout, _) = env.fleetq(&["enqueue", "later", "--delay", "1h"]);
    let scheduled = stdout.trim().rsplit('/').next().unwrap().to_string();
    let answer = why(&env, "later", &scheduled);
    assert!(
        answer["reason"]
            .as_str()
            .unwrap()
            .starts_with("it is scheduled for later"),
        "{answer}"
    );
    // dead
    let dead_pipeline = env.write(
        "dead.yaml",
        "pipeline: dead\nqueue: d\nsteps:\n  - fail: { message: \"poison row\", fatal: true }\n",
    );
    let dead = enqueue(&env, "d");
    let (code, _, stderr) = env.fleetq(&[
        "worker",
        dead_pipeline.to_str().unwrap(),
        "--burst",
        "--burst-wait",
        "0s",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let answer = why(&env, "d", &dead);
    assert!(
        answer["reason"].as_str().unwrap().contains("poison row"),
        "{answer}"
    );
    assert_eq!(
        answer["next"],
        format!("fix the cause, then: fleetq dlq retry d {dead}"),
        "{answer}"
    );
    // for people: facts, then why and next; the same on both backends
    let shown = env
        .test(&["jobs", "why", &format!("d/{dead}")])
        .stdout_has("why: it failed 1 time and")
        .stdout_has("next: fix the cause")
        .run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("jobs_why_dead", shown.snapshot());
    });
    env.test(&["jobs", "why", "d/nope"]).code(3).run();
}

on_every_backend_sync!(
    the_fleet_lists_live_and_stale_workers_with_their_labels,
    jobs_why_names_the_reason_and_the_next_step,
);

fn seen_at(env: &TestEnv) -> i64 {
    workers(env, &[])[0]["seen_at"].as_i64().unwrap()
}

fn workers_pause_resume_and_stop_on_command_even_when_the_live_message_is_missed(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "c.yaml",
        "pipeline: c\nqueue: c\nlease: 1500ms\nsteps:\n  - noop: {}\n",
    );
    let log = env.path("worker.log");
    let mut worker = crate::support::start_logged_worker(&env, &pipeline, &["--json"], &log);
    wait_until("the worker registered", Duration::from_secs(10), || {
        workers(&env, &[]).len() == 1
    });
    if kind == Kind::Redis {
        // cut the worker's pub/sub connection: the pause below is announced to nobody, and
        // must reach the worker through its stored copy at the next heartbeat
        let _: () = redis::cmd("CLIENT")
            .arg("KILL")
            .arg("TYPE")
            .arg("pubsub")
            .query(&mut env.redis.connection())
            .unwrap();
    }
    env.test(&["workers", "pause", "--all"])
        .stderr_has("paused 1 workers")
        .run();
    wait_until(
        "the worker reports itself paused",
        Duration::from_secs(10),
        || workers(&env, &[])[0]["paused"] == true,
    );
    let id = enqueue(&env, "c");
    // two more heartbeats with the job still waiting: the paused worker took nothing
    let before = seen_at(&env);
    wait_until("two more heartbeats", Duration::from_secs(10), || {
        seen_at(&env) > before
    });
    let after = seen_at(&env);
    wait_until("two more heartbeats", Duration::from_secs(10), || {
        seen_at(&env) > after
    });
    let (_, job, _) = env.fleetq(&["jobs", "show", &format!("c/{id}"), "--json"]);
    assert_eq!(json(&job)["state"], "pending", "a paused worker took a job");
    env.test(&["workers", "ls"]).stdout_has("paused").run();
    env.test(&["workers", "resume", "--queue", "c"]).run();
    wait_until("the job runs after resume", Duration::from_secs(10), || {
        let (_, job, _) = env.fleetq(&["jobs", "show", &format!("c/{id}"), "--json"]);
        json(&job)["state"] == "done"
    });
    env.test(&["workers", "stop", "nobody"]).code(3).run();
    let worker_id = workers(&env, &[])[0]["id"].as_str().unwrap().to_string();
    env.test(&["workers", "stop", &worker_id]).run();
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut worker.stdout.take().unwrap(), &mut stdout).unwrap();
    assert_eq!(json(&stdout)["stopped_by"], "stopped", "{stdout}");
    assert!(
        workers(&env, &[]).is_empty(),
        "a stopped worker leaves the registry"
    );
}

on_every_backend_sync!(
    workers_pause_resume_and_stop_on_command_even_when_the_live_message_is_missed
);
