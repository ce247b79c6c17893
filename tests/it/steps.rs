//! http steps against a real local server (retries, Retry-After, fatal 4xx, secrets kept out of
//! everything fleetq reports) and persistent coprocess steps (reuse, a crash restarts the
//! coprocess and retries the job it held), on both backends.

use crate::http_server::HttpServer;
use crate::support::{Kind, TestEnv, json, ok, on_every_backend_sync, run};
use std::time::Duration;

on_every_backend_sync!(
    http_steps_retry_honour_retry_after_and_keep_secrets_out,
    a_coprocess_serves_many_jobs_and_is_restarted_after_a_crash,
);

const SECRET: &str = "s3cret-hook-token";

fn worker(env: &TestEnv, pipeline: &std::path::Path, variables: &[(&str, &str)]) -> String {
    let (code, _, stderr) = run({
        let mut command = env.command();
        command
            .arg("worker")
            .arg(pipeline)
            .args(["--burst", "--burst-wait", "3s", "-vv"])
            .envs(variables.iter().copied());
        command
    });
    assert_eq!(code, 0, "{stderr}");
    stderr
}

fn enqueue_data(env: &TestEnv, queue: &str, data: &str) -> String {
    let (code, stdout, stderr) = env.fleetq(&["enqueue", queue, "--data", data]);
    assert_eq!(code, 0, "{stderr}");
    stdout.trim().rsplit('/').next().unwrap().to_string()
}

fn http_steps_retry_honour_retry_after_and_keep_secrets_out(kind: Kind) {
    let env = TestEnv::on(kind);
    let server = HttpServer::start(|request, before| match request.path.as_str() {
        // busy once, then fine; the answer echoes the header, as some services do
        "/flaky" if before == 0 => (503, vec![("Retry-After".into(), "1".into())], "busy".into()),
        "/flaky" => (
            200,
            vec![("Content-Type".into(), "application/json".into())],
            format!(
                r#"{{"ok": true, "echo": "{}"}}"#,
                request
                    .headers
                    .get("authorization")
                    .cloned()
                    .unwrap_or_default()
            ),
        ),
        _ => (404, Vec::new(), format!("no such hook; token was {SECRET}")),
    });
    let pipeline = env.write(
        "hooks.yaml",
        r#"pipeline: hooks
queue: hooks
env_allow: [HOOK_URL, HOOK_TOKEN]
retry: { max_attempts: 3, base: 10ms, jitter: none }
steps:
  - name: post
    http:
      method: POST
      url: "{{ env.HOOK_URL }}{{ data.path }}"
      headers: { Authorization: "Bearer {{ env.HOOK_TOKEN }}" }
      json: { order: "{{ data.order }}", tags: [a, "{{ data.path }}"] }
      timeout: 5s
"#,
    );
    let good = enqueue_data(&env, "hooks", r#"{"path": "/flaky", "order": 7}"#);
    let gone = enqueue_data(&env, "hooks", r#"{"path": "/gone", "order": 8}"#);
    let stderr = worker(
        &env,
        &pipeline,
        &[("HOOK_URL", &server.url), ("HOOK_TOKEN", SECRET)],
    );
    let shown = json(&ok(&env, &["jobs", "show", &good, "--json"]));
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(shown["attempts"], 2, "503 is retried");
    assert_eq!(shown["outputs"]["post"]["ok"], true);
    assert_eq!(shown["outputs"]["post"]["echo"], "Bearer ***");
    let requests = server.requests();
    let flaky: Vec<_> = requests.iter().filter(|r| r.path == "/flaky").collect();
    assert_eq!(flaky.len(), 2);
    assert_eq!(flaky[0].method, "POST");
    assert_eq!(
        flaky[0].headers["authorization"],
        format!("Bearer {SECRET}")
    );
    assert_eq!(
        json(&flaky[0].body),
        serde_json::json!({"order": 7, "tags": ["a", "/flaky"]})
    );
    assert!(
        flaky[1].at.duration_since(flaky[0].at) >= Duration::from_millis(900),
        "the retry waited for Retry-After"
    );
    // any other 4xx is fatal: one attempt, and the error names the status
    let shown = json(&ok(&env, &["jobs", "show", &gone, "--json"]));
    assert_eq!(shown["state"], "dead", "{shown}");
    assert_eq!(shown["attempts"], 1);
    let error = shown["last_error"].as_str().unwrap();
    assert!(error.contains("404"), "{error}");
    // the token reached the server, and nothing fleetq printed or stored
    let everything = format!("{stderr}{}", ok(&env, &["jobs", "show", &gone, "--json"]));
    assert!(
        !everything.contains(SECRET),
        "the secret leaked: {everything}"
    );
}

/// A coprocess that answers each line with its pid and what it read, crashes once on a line
/// holding "crash", and refuses a line holding "bad" for good.
const COPROCESS: &str = r#"while read -r line; do
  case "$line" in
    *crash*) if [ ! -e "$MARK" ]; then touch "$MARK"; echo "dying on purpose" >&2; exit 3; fi ;;
    *bad*) echo '{"error": "bad input", "fatal": true}'; continue ;;
  esac
  printf '{"output": {"pid": %s, "seen": %s}}\n' "$$" "$line"
done
"#;

fn a_coprocess_serves_many_jobs_and_is_restarted_after_a_crash(kind: Kind) {
    let env = TestEnv::on(kind);
    let script = env.write("model.sh", COPROCESS);
    let mark = env.path("crashed");
    let pipeline = env.write(
        "model.yaml",
        &format!(
            r#"pipeline: model
queue: model
concurrency: 2
retry: {{ max_attempts: 3, base: 10ms, jitter: none }}
steps:
  - name: infer
    exec: [sh, "{script}"]
    persistent: true
    stdin: data
    env: {{ MARK: "{mark}" }}
"#,
            script = script.display(),
            mark = mark.display()
        ),
    );
    let mut ids: Vec<String> = (0..8)
        .map(|n| enqueue_data(&env, "model", &format!(r#"{{"n": {n}}}"#)))
        .collect();
    let crash = enqueue_data(&env, "model", r#"{"crash": true}"#);
    let bad = enqueue_data(&env, "model", r#"{"bad": true}"#);
    ids.push(crash.clone());
    worker(&env, &pipeline, &[]);
    let mut pids = std::collections::HashSet::new();
    for id in &ids {
        let shown = json(&ok(&env, &["jobs", "show", id, "--json"]));
        assert_eq!(shown["state"], "done", "{shown}");
        pids.insert(shown["outputs"]["infer"]["pid"].as_i64().unwrap());
    }
    // two slots and one restart: nine jobs were served by at most three processes
    assert!(pids.len() <= 3, "coprocesses are reused: {pids:?}");
    let shown = json(&ok(&env, &["jobs", "show", &crash, "--json"]));
    assert_eq!(shown["attempts"], 2, "the job the crash held is retried");
    assert_eq!(
        shown["outputs"]["infer"]["seen"],
        serde_json::json!({"crash": true})
    );
    let first_error = shown["errors"][0]["error"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        first_error.contains("exited with code 3") && first_error.contains("dying on purpose"),
        "{shown}"
    );
    let shown = json(&ok(&env, &["jobs", "show", &bad, "--json"]));
    assert_eq!(shown["state"], "dead", "{shown}");
    assert_eq!(shown["attempts"], 1, "a fatal answer is not retried");
    assert!(shown["last_error"].as_str().unwrap().contains("bad input"));
}
