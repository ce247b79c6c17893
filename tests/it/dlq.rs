//! The dead-letter queue commands on both backends: every filter, retry (dry run, rate),
//! purge, show, and a drain that survives SIGKILL and an import that brings the jobs back.

use crate::support::{
    Kind, TestEnv, assert_consistent_on, enqueue, json, ok, on_every_backend_sync, stat, wait_until,
};
use std::time::Duration;

/// Six dead jobs in `imports`: sessions a and b, errors "timeout …" (rows 0-1) and "bad row"
/// (rows 2-5), each dead after one attempt.
fn fill_dead_letters(env: &TestEnv) {
    let pipeline = env.write(
        "fail.yaml",
        "pipeline: failing\nqueue: imports\nretry: { max_attempts: 1 }\nsteps:\n  - name: parse\n    exec: [sh, -c, 'payload=$(cat); case \"$payload\" in *slow*) echo \"timeout talking to the db\" >&2;; *) echo \"bad row: column 7\" >&2;; esac; exit 1']\n",
    );
    for row in 0..6 {
        let kind = if row < 2 { "slow" } else { "fine" };
        let session = if row % 2 == 0 { "a" } else { "b" };
        let data = format!(r#"{{"row":{row},"kind":"{kind}"}}"#);
        ok(
            env,
            &["enqueue", "imports", "--data", &data, "--session", session],
        );
    }
    ok(
        env,
        &[
            "worker",
            pipeline.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
        ],
    );
    assert_eq!(stat(env, "imports", "dead"), 6);
}

fn dead_ids(env: &TestEnv, filters: &[&str]) -> Vec<String> {
    let mut arguments = vec!["dlq", "ls", "imports", "--json"];
    arguments.extend_from_slice(filters);
    json(&ok(env, &arguments))
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap().to_string())
        .collect()
}

fn every_filter_selects_what_it_says(kind: Kind) {
    let env = TestEnv::on(kind);
    fill_dead_letters(&env);
    assert_eq!(dead_ids(&env, &[]).len(), 6);
    assert_eq!(dead_ids(&env, &["--session", "a"]).len(), 3);
    assert_eq!(dead_ids(&env, &["--error", "timeout talking"]).len(), 2);
    assert_eq!(
        dead_ids(&env, &["--error", "row", "--session", "b"]).len(),
        2
    );
    assert_eq!(dead_ids(&env, &["--since", "10m"]).len(), 6);
    assert_eq!(dead_ids(&env, &["--older-than", "10m"]).len(), 0);
    assert_eq!(dead_ids(&env, &["--limit", "4"]).len(), 4);
    let rows = json(&ok(&env, &["dlq", "ls", "imports", "--json", "-n", "1"]));
    let row = &rows[0];
    for field in [
        "id",
        "queue",
        "failed_at",
        "attempts",
        "session",
        "last_error",
        "backend",
    ] {
        assert!(!row[field].is_null(), "{field} in {row}");
    }
    // a person's listing: one line per job, with the error's first line; the same on both
    // backends
    env.test(&["dlq", "ls", "imports", "--error", "timeout"])
        .stdout_has("timeout talking to the db")
        .stderr_has("2 dead jobs in imports")
        .run();
    let one = env
        .test(&[
            "dlq",
            "ls",
            "imports",
            "--error",
            "timeout",
            "--session",
            "a",
        ])
        .run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("dlq_ls", one.snapshot());
    });
    env.test(&["dlq", "ls", "imports", "--error", "("])
        .code(2)
        .stderr_has("--error `(` is not a regular expression")
        .run();
    env.test(&["dlq", "ls", "nowhere"]).code(3).run();
    // show: the whole history of a dead job; a job that is not dead is not in the DLQ
    let id = &dead_ids(&env, &["--error", "timeout"])[0];
    let shown = json(&ok(
        &env,
        &["dlq", "show", &format!("imports/{id}"), "--json"],
    ));
    assert_eq!(shown["state"], "dead");
    assert_eq!(shown["data"]["kind"], "slow");
    assert!(
        shown["errors"][0]["error"]
            .as_str()
            .unwrap()
            .contains("timeout")
    );
    let live = enqueue(&env, "imports");
    env.test(&["dlq", "show", &format!("imports/{live}")])
        .code(3)
        .stderr_has("is not in the dead-letter queue: it is pending")
        .run();
}

fn retry_and_purge_act_on_the_selection_only(kind: Kind) {
    let env = TestEnv::on(kind);
    fill_dead_letters(&env);
    env.test(&["dlq", "retry", "imports"])
        .code(2)
        .stderr_has("hint: pass ids, --all, or filters")
        .run();
    let preview = json(&ok(
        &env,
        &[
            "dlq",
            "retry",
            "imports",
            "--error",
            "timeout",
            "--dry-run",
            "--json",
        ],
    ));
    assert_eq!(
        (preview["selected"].clone(), preview["changed"].clone()),
        (2.into(), 0.into()),
        "{preview}"
    );
    assert_eq!(
        stat(&env, "imports", "dead"),
        6,
        "a dry run changed something"
    );
    let retried = json(&ok(
        &env,
        &[
            "dlq", "retry", "imports", "--error", "timeout", "--rate", "100/s", "--json",
        ],
    ));
    assert_eq!(retried["changed"], 2, "{retried}");
    assert_eq!(stat(&env, "imports", "pending"), 2);
    assert_eq!(stat(&env, "imports", "dead"), 4);
    // retried jobs get a fresh attempt budget
    let (_, listing, _) = env.fleetq(&["jobs", "ls", "imports", "--json"]);
    for job in json(&listing).as_array().unwrap() {
        assert_eq!(job["attempts"], 0, "{job}");
    }
    // one job by id
    let id = dead_ids(&env, &["--session", "b"])[0].clone();
    ok(&env, &["dlq", "retry", "imports", &id]);
    assert_eq!(stat(&env, "imports", "dead"), 3);
    env.test(&["dlq", "purge", "imports", "--session", "a"])
        .code(2)
        .stderr_has("pass --yes")
        .run();
    let purged = json(&ok(
        &env,
        &[
            "dlq",
            "purge",
            "imports",
            "--session",
            "a",
            "--yes",
            "--json",
        ],
    ));
    assert_eq!(purged["changed"], 2, "{purged}");
    assert_eq!(dead_ids(&env, &[]).len(), 1);
    assert_consistent_on(&env, kind, "imports");
}

fn a_drained_file_imports_back_without_duplicates(kind: Kind) {
    let env = TestEnv::on(kind);
    fill_dead_letters(&env);
    let file = env.path("dead.jsonl");
    let to = file.to_str().unwrap();
    let preview = json(&ok(
        &env,
        &["dlq", "drain", "imports", "--to", to, "--dry-run", "--json"],
    ));
    assert_eq!(preview["written"], 6);
    assert!(!file.exists(), "a dry run wrote the file");
    ok(
        &env,
        &["dlq", "drain", "imports", "--to", to, "--session", "a"],
    );
    ok(&env, &["dlq", "drain", "imports", "--to", to]);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let lines = crate::support::lines_of(&file);
    assert_eq!(lines.len(), 6);
    assert_eq!(stat(&env, "imports", "dead"), 0);
    let record = json(&lines[0]);
    assert!(
        record["errors"]
            .as_array()
            .is_some_and(|errors| !errors.is_empty()),
        "{record}"
    );
    let imported = json(&ok(&env, &["dlq", "import", to, "--json"]));
    assert_eq!(
        (imported["imported"].clone(), imported["duplicates"].clone()),
        (6.into(), 0.into()),
        "{imported}"
    );
    let again = json(&ok(&env, &["dlq", "import", to, "--json"]));
    assert_eq!(
        (again["imported"].clone(), again["duplicates"].clone()),
        (0.into(), 6.into()),
        "{again}"
    );
    assert_eq!(stat(&env, "imports", "pending"), 6);
    // into another queue, keeping the ids
    let moved = json(&ok(
        &env,
        &["dlq", "import", to, "--queue", "replay", "--json"],
    ));
    assert_eq!(moved["imported"], 6);
    let replayed = json(&ok(
        &env,
        &[
            "jobs",
            "show",
            &format!("replay/{}", record["id"].as_str().unwrap()),
            "--json",
        ],
    ));
    assert_eq!(replayed["data"], record["data"]);
    assert_eq!(replayed["session"], record["session"]);
    // a stopped session takes no jobs back, and says which session and what to do
    let with_session = lines
        .iter()
        .map(|line| json(line))
        .find(|record| record["session"].is_string())
        .expect("a drained job with a session");
    let session = with_session["session"].as_str().unwrap();
    ok(&env, &["sessions", "stop", session, "--queue", "replay"]);
    env.test(&["dlq", "import", to, "--queue", "replay"])
        .code(4)
        .stderr_has(&format!("session `{session}` of queue `replay` is stopped"))
        .stderr_has(&format!("--session {session}-replay"))
        .run();
    // --session puts the replay in a session of its own
    let replay = format!("{session}-replay");
    let moved = json(&ok(
        &env,
        &[
            "dlq",
            "import",
            to,
            "--queue",
            "again",
            "--session",
            &replay,
            "--json",
        ],
    ));
    assert_eq!(moved["imported"], 6, "{moved}");
    let shown = json(&ok(
        &env,
        &[
            "jobs",
            "show",
            &format!("again/{}", with_session["id"].as_str().unwrap()),
            "--json",
        ],
    ));
    assert_eq!(shown["session"], replay.as_str(), "{shown}");
    // a damaged file is refused whole, with its position
    let broken = env.write("broken.jsonl", &format!("{}\n{{\"id\": 3\n", lines[0]));
    env.test(&["dlq", "import", broken.to_str().unwrap()])
        .code(2)
        .stderr_has("broken.jsonl:2:")
        .stderr_has("nothing was imported")
        .run();
}

fn a_drain_killed_midway_finishes_on_rerun_with_each_job_once(kind: Kind) {
    let env = TestEnv::on(kind);
    let lines: String = (0..20_000).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    let input = env.write("many.jsonl", &lines);
    ok(
        &env,
        &[
            "enqueue",
            "bulk",
            "--file",
            input.to_str().unwrap(),
            "--quiet",
        ],
    );
    let pipeline = env.write(
        "dead.yaml",
        "pipeline: dead\nqueue: bulk\nsteps:\n  - fail: { message: \"poison\", fatal: true }\n",
    );
    ok(
        &env,
        &[
            "worker",
            pipeline.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
            "-c",
            "100",
        ],
    );
    assert_eq!(stat(&env, "bulk", "dead"), 20_000);
    let file = env.path("drained.jsonl");
    let mut command = env.command();
    command
        .args(["dlq", "drain", "bulk", "--to"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = command.spawn().unwrap();
    wait_until(
        "the drain has written some jobs",
        Duration::from_secs(30),
        || std::fs::metadata(&file).is_ok_and(|metadata| metadata.len() > 20_000),
    );
    crate::support::signal(&mut child, libc::SIGKILL);
    child.wait().unwrap();
    let left = stat(&env, "bulk", "dead");
    assert!(left > 0, "the drain finished before it was killed");
    let rerun = json(&ok(
        &env,
        &[
            "dlq",
            "drain",
            "bulk",
            "--to",
            file.to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(stat(&env, "bulk", "dead"), 0, "{rerun}");
    let mut ids: Vec<String> = crate::support::lines_of(&file)
        .iter()
        .map(|line| json(line)["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 20_000, "{rerun}");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 20_000, "a job was written twice");
    assert_consistent_on(&env, kind, "bulk");
}

on_every_backend_sync!(
    every_filter_selects_what_it_says,
    retry_and_purge_act_on_the_selection_only,
    a_drained_file_imports_back_without_duplicates,
    a_drain_killed_midway_finishes_on_rerun_with_each_job_once,
);

fn jobs_ls_shows_what_is_retrying_and_what_died_lately(kind: Kind) {
    let env = TestEnv::on(kind);
    fill_dead_letters(&env);
    let pipeline = env.write(
        "flaky.yaml",
        "pipeline: flaky\nqueue: flaky\nretry: { max_attempts: 5, base: 1h, max: 1h }\nsteps:\n  - name: call\n    exec: [sh, -c, 'cat >/dev/null; echo \"upstream 503\" >&2; exit 1']\n",
    );
    for _ in 0..3 {
        enqueue(&env, "flaky");
    }
    ok(&env, &["enqueue", "flaky", "--delay", "1h"]);
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
    let retrying = json(&ok(
        &env,
        &[
            "jobs", "ls", "flaky", "--state", "retrying", "--since", "10m", "--json",
        ],
    ));
    let retrying = retrying.as_array().unwrap();
    assert_eq!(
        retrying.len(),
        3,
        "the scheduled job is delayed, not retrying: {retrying:?}"
    );
    for job in retrying {
        assert_eq!(job["attempts"], 1, "{job}");
        assert!(
            job["finished_at"].as_i64().is_some(),
            "when it failed: {job}"
        );
        assert!(
            job["last_error"].as_str().unwrap().contains("upstream 503"),
            "{job}"
        );
    }
    let delayed = json(&ok(
        &env,
        &["jobs", "ls", "flaky", "--state", "delayed", "--json"],
    ));
    assert_eq!(delayed.as_array().unwrap().len(), 4);
    let dead = json(&ok(
        &env,
        &[
            "jobs", "ls", "imports", "--state", "dead", "--since", "10m", "--json",
        ],
    ));
    assert_eq!(dead.as_array().unwrap().len(), 6);
    let none = json(&ok(
        &env,
        &[
            "jobs", "ls", "imports", "--state", "dead", "--since", "0s", "--json",
        ],
    ));
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");
    env.test(&["jobs", "ls", "imports", "--state", "retrying"])
        .stderr_has("no retrying jobs in imports")
        .run();
}

on_every_backend_sync!(jobs_ls_shows_what_is_retrying_and_what_died_lately);

fn retention_trims_dead_jobs_by_count_and_finished_jobs_by_age(kind: Kind) {
    let env = TestEnv::on(kind);
    ok(&env, &["queues", "set", "d", "--retain-dead", "2"]);
    let dead = env.write(
        "d.yaml",
        "pipeline: d\nqueue: d\nsteps:\n  - fail: { message: \"poison\", fatal: true }\n",
    );
    for _ in 0..5 {
        enqueue(&env, "d");
    }
    ok(
        &env,
        &[
            "worker",
            dead.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
            "-c",
            "1",
        ],
    );
    assert_eq!(stat(&env, "d", "dead"), 2);
    assert_eq!(
        stat(&env, "d", "trimmed"),
        3,
        "trimming is counted, never silent"
    );
    assert_eq!(
        json(&ok(&env, &["dlq", "ls", "d", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // by age: done jobs finished over 1 ms before a later ack are trimmed by it
    ok(&env, &["queues", "set", "c", "--retain-for", "1ms"]);
    let done = env.write("c.yaml", "pipeline: c\nqueue: c\nsteps:\n  - noop: {}\n");
    for _ in 0..3 {
        enqueue(&env, "c");
    }
    ok(
        &env,
        &[
            "worker",
            done.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
        ],
    );
    let last = enqueue(&env, "c");
    ok(
        &env,
        &[
            "worker",
            done.to_str().unwrap(),
            "--burst",
            "--burst-wait",
            "0s",
        ],
    );
    assert_eq!(
        stat(&env, "c", "done"),
        4,
        "the done counter counts every job"
    );
    let kept = json(&ok(&env, &["jobs", "ls", "c", "--state", "done", "--json"]));
    let kept: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .map(|job| job["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        kept,
        [last.as_str()],
        "only the job finished just now is kept"
    );
    assert!(stat(&env, "c", "trimmed") >= 3);
    assert_consistent_on(&env, kind, "c");
    assert_consistent_on(&env, kind, "d");
}

on_every_backend_sync!(retention_trims_dead_jobs_by_count_and_finished_jobs_by_age);
