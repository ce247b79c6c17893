//! Sessions on both backends: listing and counts, show, stop (new jobs refused, waiting ones
//! cancelled, a running one killed at the next heartbeat) and clean.

use crate::support::{
    Kind, TestEnv, alive, json, ok, on_every_backend_sync, signal, start_worker, wait_exit,
    wait_until,
};
use std::time::Duration;

fn into(env: &TestEnv, queue: &str, session: &str) -> String {
    let stdout = ok(env, &["enqueue", queue, "--session", session, "--json"]);
    json(&stdout)["id"].as_str().unwrap().to_string()
}

fn listing(env: &TestEnv) -> Vec<serde_json::Value> {
    json(&ok(env, &["sessions", "ls", "--json"]))
        .as_array()
        .unwrap()
        .clone()
}

fn row<'a>(rows: &'a [serde_json::Value], queue: &str, session: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|row| row["queue"] == queue && row["session"] == session)
        .unwrap_or_else(|| panic!("no {session} in {queue}: {rows:?}"))
}

fn sessions_are_listed_shown_stopped_and_cleaned(kind: Kind) {
    let env = TestEnv::on(kind);
    let first = into(&env, "q", "a");
    into(&env, "q", "a");
    into(&env, "q", "a");
    into(&env, "q", "b");
    into(&env, "q", "b");
    into(&env, "r", "a");
    let rows = listing(&env);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(row(&rows, "q", "a")["pending"], 3);
    assert_eq!(row(&rows, "q", "b")["pending"], 2);
    assert_eq!(row(&rows, "r", "a")["status"], "open");
    // most recently active first, the same on both backends
    assert_eq!(rows[0]["queue"], "r");
    let table = env.test(&["sessions", "ls"]).run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("sessions_ls", table.snapshot());
    });
    let shown = json(&ok(&env, &["sessions", "show", "a", "--json"]));
    assert_eq!(shown.as_array().unwrap().len(), 2, "{shown}");
    let in_q = shown
        .as_array()
        .unwrap()
        .iter()
        .find(|detail| detail["queue"] == "q")
        .unwrap();
    assert_eq!(in_q["oldest_pending_id"], first.as_str(), "{in_q}");
    env.test(&["sessions", "show", "a", "--queue", "q"])
        .stdout_has("3 pending, 0 delayed")
        .run();
    // stop a in q only
    let stopped = json(&ok(
        &env,
        &["sessions", "stop", "a", "--queue", "q", "--json"],
    ));
    assert_eq!(stopped["cancelled"], 3, "{stopped}");
    let rows = listing(&env);
    assert_eq!(row(&rows, "q", "a")["status"], "stopped");
    assert_eq!(row(&rows, "q", "a")["cancelled"], 3);
    assert_eq!(row(&rows, "r", "a")["status"], "open");
    env.test(&["enqueue", "q", "--session", "a"])
        .code(4)
        .stderr_has("session `a` of queue `q` is stopped")
        .stderr_has("hint:")
        .run();
    let lines = env.write("two.jsonl", "{}\n{}\n");
    env.test(&[
        "enqueue",
        "q",
        "--session",
        "a",
        "--file",
        lines.to_str().unwrap(),
    ])
    .code(4)
    .stderr_has("is stopped")
    .run();
    into(&env, "r", "a");
    // clean the stopped one, then b by name
    let cleaned = json(&ok(&env, &["sessions", "clean", "--all-stopped", "--json"]));
    assert_eq!(cleaned["sessions"][0]["deleted_jobs"], 3, "{cleaned}");
    env.test(&["jobs", "show", &format!("q/{first}")])
        .code(3)
        .run();
    ok(&env, &["sessions", "clean", "b", "--queue", "q"]);
    let rows = listing(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(row(&rows, "r", "a")["pending"], 2);
    // a session name that was cleaned can start afresh
    into(&env, "q", "a");
    assert_eq!(row(&listing(&env), "q", "a")["status"], "open");
    env.test(&["sessions", "stop", "nope"]).code(3).run();
    env.test(&["sessions", "clean", "nope"]).code(3).run();
    env.test(&["enqueue", "q", "--session", "a:b"])
        .code(2)
        .stderr_has("invalid session name")
        .run();
    let idle = json(&ok(
        &env,
        &["sessions", "clean", "--older-than", "1h", "--json"],
    ));
    assert_eq!(idle["sessions"].as_array().unwrap().len(), 0, "{idle}");
}

fn stopping_a_session_kills_its_running_job(kind: Kind) {
    let env = TestEnv::on(kind);
    let marker = env.path("step.pid");
    let pipeline = env.write(
        "long.yaml",
        &format!(
            "pipeline: long\nqueue: q\nlease: 1500ms\nsteps:\n  - name: work\n    exec: [sh, -c, 'cat >/dev/null; echo $$ > \"{path}.tmp\"; mv \"{path}.tmp\" \"{path}\"; exec sleep 60']\n",
            path = marker.display()
        ),
    );
    let id = into(&env, "q", "tenant");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the step runs", Duration::from_secs(10), || marker.exists());
    let pid: i32 = std::fs::read_to_string(&marker)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let stopped = json(&ok(&env, &["sessions", "stop", "tenant", "--json"]));
    assert_eq!(stopped["running_stopped"], 1, "{stopped}");
    wait_until(
        "the step is killed at the next heartbeat",
        Duration::from_secs(10),
        || !alive(pid),
    );
    let job = json(&ok(&env, &["jobs", "show", &format!("q/{id}"), "--json"]));
    assert_eq!(job["state"], "cancelled", "{job}");
    assert!(
        worker.try_wait().unwrap().is_none(),
        "the worker itself keeps running"
    );
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
}

on_every_backend_sync!(
    sessions_are_listed_shown_stopped_and_cleaned,
    stopping_a_session_kills_its_running_job,
);

fn bulk_envelopes_set_a_session_per_line(kind: Kind) {
    let env = TestEnv::on(kind);
    let file = env.write(
        "mixed.jsonl",
        concat!(
            "{\"data\": {\"row\": 1}, \"session\": \"tenant-a\"}\n",
            "{\"data\": {\"row\": 2}, \"session\": \"tenant-b\", \"priority\": 0}\n",
            "\n",
            "{\"data\": {\"row\": 3}, \"session\": \"tenant-a\", \"id\": \"row-3\"}\n",
            "{\"data\": {\"row\": 4}}\n",
        ),
    );
    ok(
        &env,
        &[
            "enqueue",
            "q",
            "--file",
            file.to_str().unwrap(),
            "--envelope",
        ],
    );
    let rows = listing(&env);
    assert_eq!(row(&rows, "q", "tenant-a")["pending"], 2);
    assert_eq!(row(&rows, "q", "tenant-b")["pending"], 1);
    let job = json(&ok(&env, &["jobs", "show", "q/row-3", "--json"]));
    assert_eq!(
        (job["session"].clone(), job["data"]["row"].clone()),
        ("tenant-a".into(), 3.into()),
        "{job}"
    );
    // a bad envelope anywhere refuses the whole file, naming its line and column
    let bad = env.write("bad.jsonl", "{\"data\": {}}\n{\"payload\": {}}\n");
    env.test(&[
        "enqueue",
        "q",
        "--file",
        bad.to_str().unwrap(),
        "--envelope",
    ])
    .code(2)
    .stderr_has("bad.jsonl:2:")
    .stderr_has("not a job envelope")
    .stderr_has("nothing was enqueued")
    .run();
    let invalid = env.write("invalid.jsonl", "{\"data\": {}, \"session\": \"a:b\"}\n");
    env.test(&[
        "enqueue",
        "q",
        "--file",
        invalid.to_str().unwrap(),
        "--envelope",
    ])
    .code(2)
    .stderr_has("invalid.jsonl:1: invalid session name")
    .run();
    assert_eq!(crate::support::stat(&env, "q", "pending"), 4);
}

on_every_backend_sync!(bulk_envelopes_set_a_session_per_line);
