//! `lookahead:` on both backends and the cluster: a worker leases jobs ahead of its free
//! slots, runs each exactly once, gives the held ones back (attempt and all) when it stops,
//! and the parser refuses lookahead beside a rate or max_inflight. And lease lanes: two lease
//! loops sharing a pipeline's slots (on Redis) never run more jobs at once than it has.

use crate::support::{
    Kind, TestEnv, assert_consistent_on, enqueue, lines_of, on_every_backend_sync, run, signal,
    start_worker, stat, wait_exit, wait_for_stderr, wait_until,
};
use std::path::PathBuf;
use std::time::Duration;

/// A pipeline `name` (its queue too) with `settings`, whose one step runs the shell text
/// `before` with the job id as $1, waits until the returned gate file exists (so the test
/// decides when jobs finish), then runs `after`.
fn gated_pipeline(
    env: &TestEnv,
    name: &str,
    settings: &str,
    before: &str,
    after: &str,
) -> (PathBuf, PathBuf) {
    let gate = env.path("gate");
    let pipeline = env.write(
        &format!("{name}.yaml"),
        &format!(
            "pipeline: {name}\nqueue: {name}\n{settings}\nsteps:\n  - name: work\n    exec: [sh, -c, '{before}; while [ ! -e \"{gate}\" ]; do sleep 0.01; done{after}', sh, \"{{{{ job.id }}}}\"]\n    stdin: none\n",
            gate = gate.display()
        ),
    );
    (pipeline, gate)
}

on_every_backend_sync!(jobs_leased_ahead_run_once_and_go_back_when_the_worker_stops,);

fn jobs_leased_ahead_run_once_and_go_back_when_the_worker_stops(kind: Kind) {
    let env = TestEnv::on(kind);
    let runs = env.path("runs");
    let (pipeline, gate) = gated_pipeline(
        &env,
        "ahead",
        "concurrency: 1\nlookahead: 2",
        &format!("echo \"$1\" >> \"{}\"", runs.display()),
        "",
    );
    let ids: Vec<String> = (0..5).map(|_| enqueue(&env, "ahead")).collect();
    let mut worker = start_worker(&env, &pipeline, &[]);
    // one job runs, two more are held ahead of the one slot
    wait_until("one running and two held", Duration::from_secs(20), || {
        stat(&env, "ahead", "active") == 3 && lines_of(&runs).len() == 1
    });
    assert_eq!(stat(&env, "ahead", "pending"), 2);
    // stopping: the running job finishes, the held ones go back untouched
    signal(&mut worker, libc::SIGTERM);
    // the gate opens once the worker has stopped taking jobs: a job that ends before the
    // signal is handled frees its slot for a held job, as it should
    wait_for_stderr(&mut worker, "finishing in-flight jobs");
    std::fs::write(&gate, "").unwrap();
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    assert_eq!(
        lines_of(&runs).len(),
        1,
        "held jobs must not start after the stop"
    );
    assert_eq!(stat(&env, "ahead", "done"), 1);
    assert_eq!(stat(&env, "ahead", "pending"), 4);
    assert_eq!(stat(&env, "ahead", "active"), 0);
    assert_consistent_on(&env, kind, "ahead");
    // a released job's attempt was given back
    let (code, stdout, stderr) =
        env.fleetq(&["jobs", "show", &format!("ahead/{}", ids[1]), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let job: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(job["attempts"], 0, "{job}");
    // the rest drain, each exactly once
    let (code, _, stderr) = run({
        let mut command = env.command();
        command.args(["worker", pipeline.to_str().unwrap(), "--burst"]);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    let ran = lines_of(&runs);
    let mut unique = ran.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((ran.len(), unique.len()), (5, 5), "{ran:?}");
    for id in &ids {
        assert!(unique.contains(id), "{id} never ran");
    }
    assert_eq!(stat(&env, "ahead", "done"), 5);
}

on_every_backend_sync!(two_lease_loops_never_run_more_jobs_at_once_than_the_slots,);

fn two_lease_loops_never_run_more_jobs_at_once_than_the_slots(kind: Kind) {
    let env = TestEnv::on(kind);
    let running = env.path("running");
    std::fs::create_dir(&running).unwrap();
    let counts = env.path("counts");
    // each job marks itself running and notes how many are
    let (pipeline, gate) = gated_pipeline(
        &env,
        "lanes",
        "concurrency: 4",
        &format!(
            "touch \"{running}/$1\"; ls \"{running}\" | wc -l >> \"{counts}\"",
            running = running.display(),
            counts = counts.display()
        ),
        &format!("; rm \"{}/$1\"", running.display()),
    );
    for _ in 0..24 {
        enqueue(&env, "lanes");
    }
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("four jobs running", Duration::from_secs(20), || {
        lines_of(&counts).len() == 4
    });
    assert_eq!(stat(&env, "lanes", "active"), 4, "leased beyond the slots");
    assert_eq!(stat(&env, "lanes", "pending"), 20);
    std::fs::write(&gate, "").unwrap();
    wait_until("every job done", Duration::from_secs(30), || {
        stat(&env, "lanes", "done") == 24
    });
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    let seen: Vec<usize> = lines_of(&counts)
        .iter()
        .map(|line| line.trim().parse().unwrap())
        .collect();
    assert_eq!(seen.len(), 24, "each job runs once: {seen:?}");
    assert!(
        seen.iter().all(|&count| count <= 4),
        "more than 4 at once: {seen:?}"
    );
    assert_consistent_on(&env, kind, "lanes");
}

#[test]
fn lookahead_beside_a_rate_is_refused() {
    let env = TestEnv::new();
    let pipeline = env.write(
        "bad.yaml",
        "pipeline: bad\nqueue: q\nlookahead: 4\nrate: 10/s\nsteps:\n  - noop: {}\n",
    );
    let (code, _, stderr) = env.fleetq(&["pipeline", "validate", pipeline.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("bad.yaml") && stderr.contains("lookahead cannot go with rate"),
        "{stderr}"
    );
}
