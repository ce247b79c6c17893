//! Fair queues (`queues set Q --fair-sessions on`) on both backends: sessions take turns within
//! a priority level, every job path (delay, release, cancel, retry, recovery) keeps its place,
//! turning fairness off loses nothing, and a worker serves a small session while a big one
//! waits.

use crate::support::{
    Kind, TestEnv, assert_consistent_on, json, ok, on_every_backend, on_every_backend_sync, run,
    wait_until,
};
use fleetq::runtime::backend::{Backend, LeaseRequest};
use fleetq::runtime::job::{JobState, LeaseRef, LeasedJob, NewJob, QueueSettings, Schedule};
use std::collections::BTreeMap;
use std::time::Duration;

on_every_backend!(
    a_fair_queue_serves_sessions_in_turn,
    fair_queues_keep_every_job_path,
    turning_fairness_off_loses_nothing,
    more_sessions_than_a_batch_still_take_turns,
);
on_every_backend_sync!(a_small_session_is_not_starved_by_a_big_one);

fn in_session(session: Option<&str>, count: usize) -> Vec<NewJob> {
    (0..count)
        .map(|index| {
            let mut job = NewJob::new(format!(r#"{{"n":{index}}}"#));
            job.session = session.map(str::to_string);
            job
        })
        .collect()
}

async fn fair(backend: &dyn Backend, on: bool) {
    let settings = QueueSettings {
        fair_sessions: Some(on),
        ..QueueSettings::default()
    };
    backend.configure("q", &settings).await.unwrap();
}

async fn lease(backend: &dyn Backend, count: usize) -> Vec<LeasedJob> {
    lease_for(backend, count, Duration::from_secs(60)).await
}

async fn lease_for(backend: &dyn Backend, count: usize, lease: Duration) -> Vec<LeasedJob> {
    let request = LeaseRequest {
        max_jobs: count,
        lease,
        owner: "test-worker".to_string(),
        default_max_attempts: 3,
        rate: None,
        max_inflight: None,
    };
    backend
        .lease("q", &request, &[])
        .await
        .into_result()
        .expect("lease")
        .jobs
}

/// How many of the jobs each session got ("-" for jobs without one).
fn per_session(jobs: &[LeasedJob]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for job in jobs {
        let session = job.session.clone().unwrap_or_else(|| "-".to_string());
        *counts.entry(session).or_default() += 1;
    }
    counts
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs
        .iter()
        .map(|(session, count)| (session.to_string(), *count))
        .collect()
}

async fn pending(backend: &dyn Backend) -> (u64, usize) {
    let stats = backend.queue_stats("q").await.unwrap();
    let listed = backend
        .list_jobs("q", JobState::Pending, 10_000)
        .await
        .unwrap();
    (stats.pending, listed.len())
}

async fn a_fair_queue_serves_sessions_in_turn(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    fair(&*backend, true).await;
    assert!(backend.queue_stats("q").await.unwrap().fair_sessions);
    backend
        .enqueue("q", &in_session(Some("big"), 40))
        .await
        .unwrap();
    backend
        .enqueue("q", &in_session(Some("small"), 3))
        .await
        .unwrap();
    backend.enqueue("q", &in_session(None, 2)).await.unwrap();
    // stats and jobs ls see the jobs in the session lists
    assert_eq!(pending(&*backend).await, (45, 45));
    // two rounds of three participants: everyone has a turn before anyone has a second
    let first = lease(&*backend, 6).await;
    assert_eq!(
        per_session(&first),
        counts(&[("big", 2), ("small", 2), ("-", 2)])
    );
    // each session's own jobs keep their order
    let big: Vec<&str> = first
        .iter()
        .filter(|job| job.session.as_deref() == Some("big"))
        .map(|job| job.data.as_str())
        .collect();
    assert_eq!(big, vec![r#"{"n":0}"#, r#"{"n":1}"#]);
    let second = lease(&*backend, 6).await;
    assert_eq!(per_session(&second), counts(&[("big", 5), ("small", 1)]));
    // priorities come first: a session's urgent job overtakes every turn at a lower level
    let mut urgent = in_session(Some("late"), 1);
    urgent[0].priority = 0;
    backend.enqueue("q", &urgent).await.unwrap();
    let third = lease(&*backend, 2).await;
    assert_eq!(third[0].session.as_deref(), Some("late"));
    assert_eq!(third[0].priority, 0);
    assert_eq!(pending(&*backend).await, (32, 32));
    assert_consistent_on(&env, kind, "q");
}

async fn fair_queues_keep_every_job_path(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    fair(&*backend, true).await;
    backend
        .enqueue("q", &in_session(Some("big"), 10))
        .await
        .unwrap();
    // a delayed job joins the rotation when it falls due, and is served in the next round
    let mut later = in_session(Some("later"), 1);
    later[0].schedule = Schedule::In(Duration::from_millis(100));
    backend.enqueue("q", &later).await.unwrap();
    let due = backend
        .queue_stats("q")
        .await
        .unwrap()
        .next_delayed_at
        .expect("a delayed job");
    wait_until("the delayed job is due", Duration::from_secs(5), || {
        fleetq::runtime::job::now_ms() > due
    });
    let batch = lease(&*backend, 2).await;
    assert_eq!(per_session(&batch), counts(&[("big", 1), ("later", 1)]));
    // a released job goes back to the front of its session's list, its attempt unspent
    let given_back = &batch[0];
    let released = backend
        .release(
            "q",
            &[LeaseRef {
                id: given_back.id.clone(),
                token: given_back.token.clone(),
            }],
        )
        .await
        .unwrap();
    assert_eq!(released, 1);
    let again = lease(&*backend, 1).await;
    assert_eq!(again[0].id, given_back.id);
    assert_eq!(again[0].attempts, given_back.attempts);
    // cancel takes a waiting job out of its session's list; retry puts it back
    let waiting = backend
        .list_jobs("q", JobState::Pending, 100)
        .await
        .unwrap();
    assert_eq!(waiting.len(), 9, "{waiting:?}");
    let victim = vec![waiting[3].id.clone()];
    assert!(backend.cancel("q", &victim).await.unwrap()[0].changed);
    assert_eq!(pending(&*backend).await, (8, 8));
    assert_consistent_on(&env, kind, "q");
    assert!(backend.retry("q", &victim).await.unwrap()[0].changed);
    assert_eq!(pending(&*backend).await, (9, 9));
    assert_consistent_on(&env, kind, "q");
    // a lease whose worker died goes back to its session's list
    let abandoned = lease_for(&*backend, 1, Duration::from_millis(50)).await;
    assert_eq!(pending(&*backend).await, (8, 8));
    crate::scripts::reap_until(&*backend, "the expired lease is retried", |report| {
        report.retried == 1
    })
    .await;
    assert_eq!(pending(&*backend).await, (9, 9));
    assert_consistent_on(&env, kind, "q");
    // everything that waits is served, each job once
    let mut seen: Vec<String> = Vec::new();
    loop {
        let jobs = lease(&*backend, 3).await;
        if jobs.is_empty() {
            break;
        }
        seen.extend(jobs.into_iter().map(|job| job.id));
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert!(
        !seen.contains(&again[0].id),
        "a leased job is not handed out twice"
    );
    assert!(
        seen.contains(&abandoned[0].id),
        "the recovered job is served again"
    );
    assert_eq!((seen.len(), unique.len()), (9, 9));
    assert_eq!(pending(&*backend).await, (0, 0));
    assert_consistent_on(&env, kind, "q");
}

async fn turning_fairness_off_loses_nothing(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    fair(&*backend, true).await;
    backend
        .enqueue("q", &in_session(Some("a"), 5))
        .await
        .unwrap();
    backend
        .enqueue("q", &in_session(Some("b"), 5))
        .await
        .unwrap();
    lease(&*backend, 2).await;
    fair(&*backend, false).await;
    assert!(!backend.queue_stats("q").await.unwrap().fair_sessions);
    backend
        .enqueue("q", &in_session(Some("a"), 3))
        .await
        .unwrap();
    backend.enqueue("q", &in_session(None, 3)).await.unwrap();
    assert_eq!(pending(&*backend).await, (14, 14));
    assert_consistent_on(&env, kind, "q");
    let mut served = 0;
    loop {
        let jobs = lease(&*backend, 4).await;
        if jobs.is_empty() {
            break;
        }
        served += jobs.len();
    }
    assert_eq!(served, 14);
    assert_eq!(pending(&*backend).await, (0, 0));
    // and on again: the next jobs take turns once more
    fair(&*backend, true).await;
    backend
        .enqueue("q", &in_session(Some("a"), 4))
        .await
        .unwrap();
    backend
        .enqueue("q", &in_session(Some("b"), 1))
        .await
        .unwrap();
    let batch = lease(&*backend, 2).await;
    assert_eq!(per_session(&batch), counts(&[("a", 1), ("b", 1)]));
    assert_consistent_on(&env, kind, "q");
}

/// The issue's promise, through the CLI and a real worker: a session of 2,000 jobs enqueued
/// first does not hold back a session of 10 enqueued after it. Without fairness (the control
/// queue) the small session waits behind the whole backlog.
fn a_small_session_is_not_starved_by_a_big_one(kind: Kind) {
    let env = TestEnv::on(kind);
    let big: String = (0..2000)
        .map(|index| format!("{{\"n\":{index}}}\n"))
        .collect();
    let big = env.write("big.jsonl", &big);
    let small = env.write("small.jsonl", &"{}\n".repeat(10));
    ok(&env, &["queues", "set", "fair", "--fair-sessions", "on"]);
    for queue in ["fair", "plain"] {
        for (session, file) in [("big", &big), ("small", &small)] {
            ok(
                &env,
                &[
                    "enqueue",
                    queue,
                    "--session",
                    session,
                    "--file",
                    file.to_str().unwrap(),
                ],
            );
        }
    }
    let listed = json(&ok(&env, &["queues", "ls", "--json"]));
    let fair_flags: Vec<(String, bool)> = listed["queues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["queue"].as_str().unwrap().to_string(),
                row["fair_sessions"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fair_flags,
        vec![("fair".to_string(), true), ("plain".to_string(), false)]
    );
    for queue in ["fair", "plain"] {
        let pipeline = env.write(
            &format!("{queue}.yaml"),
            &format!("pipeline: p\nqueue: {queue}\nsteps:\n  - noop: {{}}\n"),
        );
        let (code, _, stderr) = run({
            let mut command = env.command();
            command
                .arg("worker")
                .arg(&pipeline)
                .args(["--max-jobs", "40", "--concurrency", "4"]);
            command
        });
        assert_eq!(code, 0, "{stderr}");
    }
    let sessions = json(&ok(&env, &["sessions", "ls", "--json"]));
    let done = |queue: &str, session: &str| {
        sessions
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["queue"] == queue && row["session"] == session)
            .map(|row| row["done"].as_u64().unwrap())
            .unwrap_or_else(|| panic!("no {session} in {queue}: {sessions}"))
    };
    // the worker took 40 jobs: the small session's 10 among them, in turn with the big one
    assert_eq!(done("fair", "small"), 10, "{sessions}");
    assert_eq!(done("fair", "big"), 30, "{sessions}");
    assert_eq!(done("plain", "small"), 0, "{sessions}");
    assert_eq!(done("plain", "big"), 40, "{sessions}");
}

/// With more sessions than a lease takes, the turns carry over from one lease to the next:
/// five sessions, leases of two, and after five leases every session got exactly two jobs.
async fn more_sessions_than_a_batch_still_take_turns(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    fair(&*backend, true).await;
    for session in ["a", "b", "c", "d", "e"] {
        backend
            .enqueue("q", &in_session(Some(session), 4))
            .await
            .unwrap();
    }
    let mut served = Vec::new();
    for _ in 0..5 {
        served.extend(lease(&*backend, 2).await);
    }
    assert_eq!(
        per_session(&served),
        counts(&[("a", 2), ("b", 2), ("c", 2), ("d", 2), ("e", 2)])
    );
    assert_consistent_on(&env, kind, "q");
}
