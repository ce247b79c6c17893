//! `lookahead:` on both backends and the cluster: a worker leases jobs ahead of its free
//! slots, runs each exactly once, gives the held ones back (attempt and all) when it stops,
//! and the parser refuses lookahead beside a rate or max_inflight.

use crate::support::{
    Kind, TestEnv, assert_consistent_on, enqueue, lines_of, on_every_backend_sync, run, signal,
    start_worker, stat, wait_exit, wait_until,
};
use std::time::Duration;

on_every_backend_sync!(jobs_leased_ahead_run_once_and_go_back_when_the_worker_stops,);

fn jobs_leased_ahead_run_once_and_go_back_when_the_worker_stops(kind: Kind) {
    let env = TestEnv::on(kind);
    let runs = env.path("runs");
    let gate = env.path("gate");
    // each job waits until the gate file exists, so the test decides when jobs finish
    let pipeline = env.write(
        "ahead.yaml",
        &format!(
            "pipeline: ahead\nqueue: ahead\nconcurrency: 1\nlookahead: 2\nsteps:\n  - name: work\n    exec: [sh, -c, 'echo \"$1\" >> \"{runs}\"; while [ ! -e \"{gate}\" ]; do sleep 0.01; done', sh, \"{{{{ job.id }}}}\"]\n    stdin: none\n",
            runs = runs.display(),
            gate = gate.display()
        ),
    );
    let ids: Vec<String> = (0..5).map(|_| enqueue(&env, "ahead")).collect();
    let mut worker = start_worker(&env, &pipeline, &[]);
    // one job runs, two more are held ahead of the one slot
    wait_until("one running and two held", Duration::from_secs(20), || {
        stat(&env, "ahead", "active") == 3 && lines_of(&runs).len() == 1
    });
    assert_eq!(stat(&env, "ahead", "pending"), 2);
    // stopping: the running job finishes, the held ones go back untouched
    signal(&worker, libc::SIGTERM);
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
