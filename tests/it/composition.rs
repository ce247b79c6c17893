//! The pipeline engine's combinators (parallel, route, foreach, needs, nested lists), in-place
//! step retries, checkpoints and `resume: false`, `on_failure:`, and enqueue steps, each run
//! by a real worker on both backends (step timeouts are in worker.rs).

use crate::support::{
    Kind, TestEnv, enqueue, json, lines_of, ok, on_every_backend_sync, run, start_worker,
    wait_until,
};
use std::time::Duration;

on_every_backend_sync!(
    combinators_run_and_report_their_outputs,
    parallel_without_fail_fast_lets_branches_finish,
    a_step_retries_in_place_before_the_job_does,
    checkpoints_resume_after_the_last_completed_step_unless_resume_is_off,
    a_job_resumes_from_its_checkpoint_after_its_worker_is_killed,
    on_failure_runs_once_when_the_job_goes_dead,
    enqueue_steps_push_jobs_that_keep_the_session,
);

fn burst(env: &TestEnv, pipeline: &std::path::Path) -> String {
    let (code, _, stderr) = run({
        let mut command = env.command();
        command
            .arg("worker")
            .arg(pipeline)
            .args(["--burst", "--burst-wait", "2s"]);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    stderr
}

fn enqueue_data(env: &TestEnv, queue: &str, data: &str, extra: &[&str]) -> String {
    let mut arguments = vec!["enqueue", queue, "--data", data];
    arguments.extend_from_slice(extra);
    let (code, stdout, stderr) = env.fleetq(&arguments);
    assert_eq!(code, 0, "{stderr}");
    stdout.trim().rsplit('/').next().unwrap().to_string()
}

fn show(env: &TestEnv, id: &str) -> serde_json::Value {
    json(&ok(env, &["jobs", "show", id, "--json"]))
}

const COMPOSED: &str = r#"pipeline: composed
queue: composed
steps:
  - name: fetch
    exec: [cat]
    stdin: data
  - name: sizes
    parallel:
      - { name: small, exec: [echo, "s-{{ data.image }}"], output: text }
      - { name: large, exec: [echo, "l-{{ data.image }}"], output: text }
  - name: by-kind
    route:
      on: "{{ data.kind }}"
      cases:
        avatar: { name: avatar, log: "avatar {{ steps.small.output }}" }
        banner:
          - { name: banner-one, noop: {} }
      default: { name: other, log: other }
  - name: each
    foreach:
      items: data.rows
      max_parallel: 3
      do: { name: square, exec: [sh, -c, 'sleep 0.0$(( 5 - $1 )); echo $(( $1 * $1 ))', sh, "{{ item }}"] }
  - name: graph
    steps:
      - { name: load, needs: [transform], log: "loaded {{ steps.transform.output }}" }
      - { name: extract, log: extracted }
      - { name: transform, needs: [extract], exec: [echo, "{{ steps.extract.output }}-t"], output: text }
"#;

fn combinators_run_and_report_their_outputs(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write("composed.yaml", COMPOSED);
    let avatar = enqueue_data(
        &env,
        "composed",
        r#"{"image": "cat.png", "kind": "avatar", "rows": [1, 2, 3, 4]}"#,
        &[],
    );
    let plain = enqueue_data(
        &env,
        "composed",
        r#"{"image": "dog.png", "kind": "poster", "rows": []}"#,
        &[],
    );
    burst(&env, &pipeline);
    let shown = show(&env, &avatar);
    assert_eq!(shown["state"], "done", "{shown}");
    let outputs = &shown["outputs"];
    // parallel branches are steps of their own, and the parallel step maps them by name
    assert_eq!(outputs["small"], "s-cat.png");
    assert_eq!(outputs["sizes"]["large"], "l-cat.png");
    // route ran the avatar case, which saw an earlier step's output
    assert_eq!(outputs["by-kind"]["case"], "avatar", "{outputs}");
    assert_eq!(outputs["avatar"], "avatar s-cat.png");
    // foreach keeps the input order though later elements finish first
    assert_eq!(
        outputs["each"],
        serde_json::json!([1, 4, 9, 16]),
        "{outputs}"
    );
    // needs ran extract, transform, load in dependency order, whatever the written order
    assert_eq!(outputs["load"], "loaded extracted-t");
    assert_eq!(outputs["graph"]["transform"], "extracted-t");
    let shown = show(&env, &plain);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(shown["outputs"]["by-kind"]["case"], "default");
    assert_eq!(shown["outputs"]["each"], serde_json::json!([]));
}

fn parallel_without_fail_fast_lets_branches_finish(kind: Kind) {
    let env = TestEnv::on(kind);
    let marks = env.path("marks");
    let pipeline = env.write(
        "branches.yaml",
        &format!(
            r#"pipeline: branches
queue: branches
retry: {{ max_attempts: 1 }}
steps:
  - name: both
    parallel:
      fail_fast: {{FAST}}
      steps:
        - {{ name: broken, fail: {{ message: boom, fatal: true }} }}
        - {{ name: slow, exec: [sh, -c, 'sleep 0.3; echo done >> "{marks}"'] }}
"#,
            marks = marks.display()
        )
        .replace("{FAST}", "false"),
    );
    let id = enqueue(&env, "branches");
    burst(&env, &pipeline);
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "dead", "{shown}");
    assert!(shown["last_error"].as_str().unwrap().contains("boom"));
    assert_eq!(lines_of(&marks), vec!["done"], "the other branch finished");
    // with fail_fast the failure stops the slow branch before it writes
    let fast = env.write(
        "fast.yaml",
        &std::fs::read_to_string(&pipeline)
            .unwrap()
            .replace("fail_fast: false", "fail_fast: true")
            .replace("queue: branches", "queue: fast"),
    );
    let id = enqueue(&env, "fast");
    burst(&env, &fast);
    assert_eq!(show(&env, &id)["state"], "dead");
    assert_eq!(lines_of(&marks).len(), 1, "the slow branch was stopped");
}

/// A shell step that fails until it has run `times` times, counting runs in `file`.
fn flaky(file: &std::path::Path, times: usize) -> String {
    format!(
        r#"echo run >> "{file}"; test "$(wc -l < "{file}")" -gt {times}"#,
        file = file.display()
    )
}

fn a_step_retries_in_place_before_the_job_does(kind: Kind) {
    let env = TestEnv::on(kind);
    let runs = env.path("runs");
    let pipeline = env.write(
        "flaky.yaml",
        &format!(
            "pipeline: flaky\nqueue: flaky\nretry: {{ max_attempts: 1 }}\nsteps:\n  - name: shaky\n    shell: '{}'\n    retry: {{ max_attempts: 3, base: 10ms, jitter: none }}\n",
            flaky(&runs, 2)
        ),
    );
    let id = enqueue(&env, "flaky");
    burst(&env, &pipeline);
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(
        shown["attempts"], 1,
        "retried in place, not as a new attempt"
    );
    assert_eq!(lines_of(&runs).len(), 3);
}

fn checkpoints_resume_after_the_last_completed_step_unless_resume_is_off(kind: Kind) {
    let env = TestEnv::on(kind);
    for (resume, first_runs) in [("true", 1), ("false", 2)] {
        let queue = format!("resume-{resume}");
        let first = env.path(&format!("first-{resume}"));
        let second = env.path(&format!("second-{resume}"));
        let pipeline = env.write(
            &format!("{queue}.yaml"),
            &format!(
                "pipeline: {queue}\nqueue: {queue}\nresume: {resume}\nretry: {{ max_attempts: 2, base: 10ms, jitter: none }}\nsteps:\n  - {{ name: first, shell: 'echo run >> \"{}\"' }}\n  - {{ name: second, shell: '{}' }}\n",
                first.display(),
                flaky(&second, 1)
            ),
        );
        let id = enqueue(&env, &queue);
        burst(&env, &pipeline);
        let shown = show(&env, &id);
        assert_eq!(shown["state"], "done", "{shown}");
        assert_eq!(shown["attempts"], 2);
        assert_eq!(lines_of(&first).len(), first_runs, "resume: {resume}");
    }
}

fn a_job_resumes_from_its_checkpoint_after_its_worker_is_killed(kind: Kind) {
    let env = TestEnv::on(kind);
    let first = env.path("first");
    let started = env.path("started");
    let pipeline = env.write(
        "long.yaml",
        &format!(
            r#"pipeline: long
queue: long
lease: 1s
steps:
  - {{ name: first, shell: 'echo run >> "{first}"; echo 42' }}
  - {{ name: second, shell: 'echo go >> "{started}"; test "$(wc -l < "{started}")" -gt 1 || sleep 60' }}
"#,
            first = first.display(),
            started = started.display()
        ),
    );
    let id = enqueue(&env, "long");
    let mut worker = start_worker(&env, &pipeline, &[]);
    wait_until("the second step starts", Duration::from_secs(20), || {
        lines_of(&started).len() == 1
    });
    worker.kill().unwrap();
    worker.wait().unwrap();
    // the next worker recovers the expired lease and picks up after the first step
    burst(&env, &pipeline);
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(lines_of(&first).len(), 1, "the first step ran once");
    assert_eq!(shown["outputs"]["first"], 42);
}

fn on_failure_runs_once_when_the_job_goes_dead(kind: Kind) {
    let env = TestEnv::on(kind);
    let cleaned = env.path("cleaned");
    let pipeline = env.write(
        "cleanup.yaml",
        &format!(
            r#"pipeline: cleanup
queue: cleanup
retry: {{ max_attempts: 2, base: 10ms, jitter: none }}
steps:
  - {{ name: work, fail: broken disk }}
on_failure:
  - {{ name: note, exec: [sh, -c, 'echo "$1" >> "{cleaned}"', sh, "{{{{ job.id }}}} {{{{ job.error }}}}"] }}
"#,
            cleaned = cleaned.display()
        ),
    );
    let id = enqueue(&env, "cleanup");
    burst(&env, &pipeline);
    assert_eq!(show(&env, &id)["state"], "dead");
    let lines = lines_of(&cleaned);
    assert_eq!(lines.len(), 1, "once, after the last attempt: {lines:?}");
    assert!(lines[0].starts_with(&id), "{lines:?}");
    assert!(lines[0].contains("broken disk"), "{lines:?}");
}

fn enqueue_steps_push_jobs_that_keep_the_session(kind: Kind) {
    let env = TestEnv::on(kind);
    let runs = env.path("runs");
    // resume: false and a step after it that fails once, so the enqueue step runs twice
    let pipeline = env.write(
        "fanout.yaml",
        &format!(
            r#"pipeline: fanout
queue: orders
resume: false
retry: {{ max_attempts: 2, base: 10ms, jitter: none }}
steps:
  - name: bill
    enqueue:
      queue: billing
      data: {{ order: "{{{{ data.order }}}}", lines: "{{{{ data.lines }}}}" }}
      priority: 2
  - name: fail-once
    shell: '{}'
"#,
            flaky(&runs, 1)
        ),
    );
    let id = enqueue_data(
        &env,
        "orders",
        r#"{"order": 7, "lines": [1, 2]}"#,
        &["--session", "s1"],
    );
    burst(&env, &pipeline);
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    let child = shown["outputs"]["bill"]["id"].as_str().unwrap().to_string();
    let pushed = show(&env, &child);
    assert_eq!(pushed["queue"], "billing");
    // a lone expression keeps its type: the list stays a list
    assert_eq!(
        pushed["data"],
        serde_json::json!({"order": 7, "lines": [1, 2]})
    );
    assert_eq!(pushed["priority"], 2);
    assert_eq!(pushed["session"], "s1");
    assert_eq!(shown["attempts"], 2);
    // the id is derived from the job and the step: running the step again added nothing
    let (code, stdout, _) = env.fleetq(&["stats", "billing", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json(&stdout)["queues"][0]["pending"], 1, "{stdout}");
}
