//! `events tail` on both backends: every kind of state change shows up, filters hold, and
//! Ctrl-C ends the tail with exit 130.

use crate::support::{
    Kind, TestEnv, enqueue, json, ok, on_every_backend_sync, signal, wait_exit, wait_until,
};
use std::io::BufRead;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Starts `events tail` with these arguments, collecting its JSON lines as they come.
pub(crate) fn tail(
    env: &TestEnv,
    arguments: &[&str],
) -> (crate::support::Spawned, Arc<Mutex<Vec<serde_json::Value>>>) {
    let mut command = env.command();
    command
        .args(["events", "tail", "--output", "jsonl", "--since", "10m"])
        .args(arguments)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    let mut child = crate::support::Spawned(command.spawn().unwrap());
    let stdout = child.stdout.take().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let collector = seen.clone();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            collector.lock().unwrap().push(json(&line));
        }
    });
    (child, seen)
}

fn kinds(seen: &Arc<Mutex<Vec<serde_json::Value>>>) -> Vec<String> {
    seen.lock()
        .unwrap()
        .iter()
        .map(|event| event["type"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn every_state_change_reaches_the_tail(kind: Kind) {
    let env = TestEnv::on(kind);
    let first = enqueue(&env, "e");
    let (mut follower, seen) = tail(&env, &["e"]);
    let (mut only_dead, dead_seen) = tail(&env, &["--type", "dead"]);
    let (mut only_session, session_seen) = tail(&env, &["--session", "tenant"]);
    ok(&env, &["enqueue", "e", "--session", "tenant"]);
    let pipeline = env.write(
        "e.yaml",
        "pipeline: e\nqueue: e\nsteps:\n  - fail: { message: \"poison\", fatal: true }\n",
    );
    ok(
        &env,
        &[
            "worker",
            pipeline.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
        ],
    );
    ok(&env, &["dlq", "retry", "e", &first]);
    let cancel_me = enqueue(&env, "e");
    ok(&env, &["jobs", "cancel", &format!("e/{cancel_me}")]);
    ok(&env, &["queues", "pause", "e"]);
    ok(&env, &["queues", "resume", "e"]);
    ok(&env, &["sessions", "stop", "tenant"]);
    let wanted = [
        "enqueued",
        "started",
        "dead",
        "retried",
        "cancelled",
        "paused",
        "resumed",
        "worker_online",
        "worker_offline",
        "session_stopped",
    ];
    wait_until(
        "every kind of event is tailed",
        Duration::from_secs(20),
        || {
            let seen = kinds(&seen);
            wanted
                .iter()
                .all(|kind| seen.iter().any(|seen| seen == kind))
        },
    );
    let events = seen.lock().unwrap().clone();
    let started = events
        .iter()
        .find(|event| event["type"] == "started")
        .unwrap();
    assert!(
        started["worker"]
            .as_str()
            .is_some_and(|worker| !worker.is_empty()),
        "{started}"
    );
    let died = events.iter().find(|event| event["type"] == "dead").unwrap();
    assert_eq!(died["error"], "step `fail` failed: poison", "{died}");
    assert!(
        events
            .iter()
            .all(|event| event["queue"] == "e" && event["at"].as_i64().is_some())
    );
    wait_until(
        "the dead-only tail saw them",
        Duration::from_secs(20),
        || kinds(&dead_seen).len() >= 2,
    );
    assert!(kinds(&dead_seen).iter().all(|kind| kind == "dead"));
    wait_until(
        "the session tail saw its job's whole life and its stop",
        Duration::from_secs(20),
        || {
            let seen = kinds(&session_seen);
            ["enqueued", "started", "dead", "session_stopped"]
                .iter()
                .all(|kind| seen.iter().any(|seen| seen == kind))
        },
    );
    for event in session_seen.lock().unwrap().iter() {
        assert_eq!(event["session"], "tenant", "{event}");
    }
    for child in [&mut follower, &mut only_dead, &mut only_session] {
        signal(child, libc::SIGINT);
        assert_eq!(wait_exit(child, Duration::from_secs(10)), 130);
    }
}

fn a_finished_job_shows_as_completed_and_events_can_be_turned_off(kind: Kind) {
    let env = TestEnv::on(kind);
    enqueue(&env, "c");
    let (mut follower, seen) = tail(&env, &["c"]);
    let pipeline = env.write("c.yaml", "pipeline: c\nqueue: c\nsteps:\n  - noop: {}\n");
    ok(
        &env,
        &[
            "worker",
            pipeline.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
        ],
    );
    wait_until(
        "the completion and the worker's exit are tailed",
        Duration::from_secs(20),
        || {
            let seen = kinds(&seen);
            seen.contains(&"completed".to_string()) && seen.contains(&"worker_offline".to_string())
        },
    );
    // a producer with events off adds none
    let before = seen.lock().unwrap().len();
    let mut quiet = env.command();
    quiet.args(["enqueue", "c"]).env("FLEETQ_EVENTS", "off");
    let (code, _, stderr) = crate::support::run(quiet);
    assert_eq!(code, 0, "{stderr}");
    ok(&env, &["enqueue", "c", "--session", "marker"]);
    wait_until(
        "the marker enqueue is tailed",
        Duration::from_secs(20),
        || {
            seen.lock()
                .unwrap()
                .iter()
                .any(|event| event["session"] == "marker")
        },
    );
    let after: Vec<String> = kinds(&seen)[before..].to_vec();
    assert_eq!(
        after,
        ["enqueued"],
        "the enqueue with events off was recorded: {after:?}"
    );
    signal(&mut follower, libc::SIGINT);
    assert_eq!(wait_exit(&mut follower, Duration::from_secs(10)), 130);
}

on_every_backend_sync!(
    every_state_change_reaches_the_tail,
    a_finished_job_shows_as_completed_and_events_can_be_turned_off,
);

fn a_crashed_workers_job_shows_as_retried_by_id(kind: Kind) {
    let env = TestEnv::on(kind);
    let marker = env.path("ran");
    let pipeline = env.write(
        "r.yaml",
        &format!(
            "pipeline: r\nqueue: r\nlease: 1500ms\nsteps:\n  - name: once\n    exec: [sh, -c, 'cat >/dev/null; if [ -e \"{path}\" ]; then exit 0; fi; touch \"{path}\"; exec sleep 60']\n",
            path = marker.display()
        ),
    );
    let id = enqueue(&env, "r");
    let (mut follower, seen) = tail(&env, &["r"]);
    let mut doomed = crate::support::start_worker(&env, &pipeline, &[]);
    wait_until("the first attempt runs", Duration::from_secs(10), || {
        marker.exists()
    });
    signal(&mut doomed, libc::SIGKILL);
    let _survivor = crate::support::start_worker(&env, &pipeline, &[]);
    wait_until(
        "the recovery is tailed by id",
        Duration::from_secs(20),
        || {
            seen.lock().unwrap().iter().any(|event| {
                event["type"] == "retried"
                    && event["error"] == "lease expired"
                    && event["ids"]
                        .as_array()
                        .is_some_and(|ids| ids.iter().any(|seen| seen == id.as_str()))
            })
        },
    );
    wait_until(
        "the second attempt completes",
        Duration::from_secs(20),
        || kinds(&seen).contains(&"completed".to_string()),
    );
    signal(&mut follower, libc::SIGINT);
    assert_eq!(wait_exit(&mut follower, Duration::from_secs(10)), 130);
}

on_every_backend_sync!(a_crashed_workers_job_shows_as_retried_by_id);
