//! `lookahead:` on both backends and the cluster: a worker leases jobs ahead of its free
//! slots, runs each exactly once, gives the held ones back (attempt and all) when it stops,
//! and the parser refuses lookahead beside a rate or max_inflight. The default, `auto`, holds
//! jobs only while they are short and gives back one that waits behind a long job. And lease
//! lanes: two lease loops sharing a pipeline's slots (on Redis) never run more jobs at once
//! than it has.

use crate::support::{
    Kind, TestEnv, assert_consistent_on, enqueue, lines_of, on_every_backend_sync, run, signal,
    start_logged_worker, start_worker, stat, wait_exit, wait_for_stderr, wait_until,
};
use std::path::{Path, PathBuf};
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

/// Runs a burst worker on `pipeline` until the queue is drained; its stderr.
fn burst(env: &TestEnv, pipeline: &Path) -> String {
    let (code, _, stderr) = run({
        let mut command = env.command();
        command.args(["worker", pipeline.to_str().unwrap(), "--burst"]);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    stderr
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
    burst(&env, &pipeline);
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

on_every_backend_sync!(auto_lookahead_gives_back_jobs_held_behind_a_long_one,);

/// Short jobs open `auto`; a long one then holds the worker's one slot. Whatever it leased
/// ahead goes back to the queue instead of waiting for it, it leases no more while the long
/// job runs, and another worker drains them meanwhile. (On an idle machine the three jobs
/// behind the long one are held and given back; on a loaded one a short job can outlast the
/// hold limit first, which closes `auto` earlier and gives back other jobs, so the test holds
/// to what must be true either way: nothing waits behind the long job.)
fn auto_lookahead_gives_back_jobs_held_behind_a_long_one(kind: Kind) {
    let env = TestEnv::on(kind);
    let runs = env.path("runs");
    let gate = env.path("gate");
    let pipeline = env.write(
        "auto.yaml",
        &format!(
            "pipeline: auto\nqueue: auto\nconcurrency: 1\nsteps:\n  - route:\n      on: \"{{{{ data.kind }}}}\"\n      cases:\n        long:\n          exec: [sh, -c, 'echo \"$1\" >> \"{runs}\"; while [ ! -e \"{gate}\" ]; do sleep 0.01; done', sh, \"{{{{ job.id }}}}\"]\n          stdin: none\n      default: {{ noop: {{}} }}\n",
            runs = runs.display(),
            gate = gate.display()
        ),
    );
    let jobs = env.write(
        "jobs.jsonl",
        &format!(
            "{}{{\"kind\": \"long\"}}\n{}",
            "{\"kind\": \"short\"}\n".repeat(40),
            "{\"kind\": \"short\"}\n".repeat(3)
        ),
    );
    let (code, _, stderr) = env.fleetq(&["enqueue", "auto", "--file", jobs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let log = env.path("worker.log");
    let mut worker = start_logged_worker(&env, &pipeline, &["--output", "json"], &log);
    wait_until("the long job runs", Duration::from_secs(20), || {
        lines_of(&runs).len() == 1
    });
    // every other job is done or back in the queue: none stays held behind the long job, and
    // the worker leases none again while its slot is taken
    wait_until(
        "nothing held behind the long job",
        Duration::from_secs(20),
        || stat(&env, "auto", "active") == 1,
    );
    let done = stat(&env, "auto", "done");
    assert_eq!(stat(&env, "auto", "pending") + done, 43);
    // an idle worker takes them while the long job still runs
    burst(&env, &pipeline);
    assert_eq!(stat(&env, "auto", "done"), 43);
    assert_eq!(stat(&env, "auto", "active"), 1);
    std::fs::write(&gate, "").unwrap();
    wait_until("the long job done", Duration::from_secs(20), || {
        stat(&env, "auto", "done") == 44
    });
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    let mut report = String::new();
    std::io::Read::read_to_string(worker.stdout.as_mut().unwrap(), &mut report).unwrap();
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["done"], done + 1, "{report}");
    assert_eq!(lines_of(&runs).len(), 1, "the long job ran once");
    assert_consistent_on(&env, kind, "auto");
}

on_every_backend_sync!(jobs_held_by_auto_start_in_queue_order,);

/// With `auto` open (short jobs, one slot, two lease lanes on Redis), held jobs start in the
/// order the queue gave them out.
fn jobs_held_by_auto_start_in_queue_order(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write(
        "order.yaml",
        "pipeline: order\nqueue: order\nconcurrency: 1\nsteps:\n  - log: \"n={{ data.n }}\"\n",
    );
    let lines: String = (0..200).map(|n| format!("{{\"n\": {n}}}\n")).collect();
    let jobs = env.write("jobs.jsonl", &lines);
    let (code, _, stderr) = env.fleetq(&["enqueue", "order", "--file", jobs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let stderr = burst(&env, &pipeline);
    let seen: Vec<u32> = stderr
        .lines()
        .filter_map(|line| line.split_once(" n=")?.1.split(' ').next()?.parse().ok())
        .collect();
    assert_eq!(seen, (0..200).collect::<Vec<u32>>(), "{stderr}");
    assert_consistent_on(&env, kind, "order");
}

on_every_backend_sync!(jobs_held_under_max_jobs_all_run,);

/// `--max-jobs` counts leased jobs, held ones included: every one of them runs, none is given
/// back for the budget to end short (with `auto`, which then holds nothing, and a count).
fn jobs_held_under_max_jobs_all_run(kind: Kind) {
    let env = TestEnv::on(kind);
    let jobs = env.write("jobs.jsonl", &"{}\n".repeat(300));
    let (code, _, stderr) = env.fleetq(&["enqueue", "budget", "--file", jobs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let mut done = 0;
    for lookahead in ["auto", "4", "auto", "4"] {
        // jobs a little shorter than auto's bar, so held ones are still waiting at the end
        let pipeline = env.write(
            "budget.yaml",
            &format!("pipeline: budget\nqueue: budget\nconcurrency: 1\nlookahead: {lookahead}\nsteps:\n  - sleep: 300us\n"),
        );
        let (code, stdout, stderr) = run({
            let mut command = env.command();
            command
                .arg("worker")
                .arg(&pipeline)
                .args(["--max-jobs", "50", "--json"]);
            command
        });
        assert_eq!(code, 0, "{stderr}");
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(
            (report["done"].as_u64(), report["released"].as_u64()),
            (Some(50), Some(0)),
            "lookahead {lookahead}: {report}"
        );
        done += 50;
        assert_eq!(stat(&env, "budget", "done"), done);
        assert_eq!(stat(&env, "budget", "active"), 0);
    }
    assert_consistent_on(&env, kind, "budget");
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

/// The parsed `lookahead` of a pipeline file with `settings`, as `pipeline show` prints it.
fn shown_lookahead(env: &TestEnv, settings: &str) -> serde_json::Value {
    let pipeline = env.write(
        "shown.yaml",
        &format!("pipeline: a\nqueue: q\n{settings}\nsteps:\n  - noop: {{}}\n"),
    );
    let (code, stdout, stderr) =
        env.fleetq(&["pipeline", "show", pipeline.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let outline: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    outline["lookahead"].clone()
}

/// What `pipeline validate` says of a pipeline file `bad.yaml` with `settings` (line 3 on).
fn refused(env: &TestEnv, settings: &str) -> String {
    let pipeline = env.write(
        "bad.yaml",
        &format!("pipeline: bad\nqueue: q\n{settings}\nsteps:\n  - noop: {{}}\n"),
    );
    let (code, _, stderr) = env.fleetq(&["pipeline", "validate", pipeline.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    stderr
}

#[test]
fn lookahead_is_auto_or_a_count() {
    let env = TestEnv::new();
    // auto stays the setting beside a rate; the worker then holds nothing
    assert_eq!(shown_lookahead(&env, "rate: 10/s"), "auto");
    assert_eq!(shown_lookahead(&env, "lookahead: 0"), 0);
    let stderr = refused(&env, "lookahead: soon");
    assert!(
        stderr.contains("bad.yaml:3:12") && stderr.contains("`auto` or a number of jobs up to 256"),
        "{stderr}"
    );
    let stderr = refused(&env, "lookahead: 257");
    assert!(
        stderr.contains("lookahead is at most 256, not 257"),
        "{stderr}"
    );
}

#[test]
fn lookahead_beside_a_rate_is_refused() {
    let env = TestEnv::new();
    let stderr = refused(&env, "lookahead: 4\nrate: 10/s");
    assert!(
        stderr.contains("bad.yaml") && stderr.contains("lookahead cannot go with rate"),
        "{stderr}"
    );
}
