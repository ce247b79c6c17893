//! `fleetq pipeline validate|show` (no backend), and the `log` and `chaos` builtin steps run by
//! a real worker on both backends.

use crate::support::{Kind, TestEnv, enqueue, json, ok, on_every_backend_sync, run};

on_every_backend_sync!(
    log_and_chaos_steps_run_in_a_worker,
    exec_steps_choose_their_stdin_output_and_exit_code_meanings,
    templates_render_per_argv_element_and_when_skips_steps,
);

const DRILL: &str = "pipeline: drill
queue: drills
retry: { max_attempts: 2, base: 10ms, jitter: none }
steps:
  - name: announce
    log: starting a drill
  - name: slow
    chaos: { latency: 5ms..20ms }
  - name: call
    exec: [echo, hello]
    timeout: 5s
";

#[test]
fn validate_reports_every_invalid_file_with_its_position() {
    let env = TestEnv::new();
    env.write("good.yaml", DRILL);
    env.write(
        "rate.yaml",
        "pipeline: bad\nqueue: q\nsteps:\n  - name: x\n    chaos: { failure_rate: 2 }\n",
    );
    env.write(
        "kind.yaml",
        "pipeline: bad\nqueue: q\nsteps:\n  - name: x\n    nope: 1\n",
    );
    env.write(
        "latency.yaml",
        "pipeline: bad\nqueue: q\nsteps:\n  - chaos: { latency: 20ms..5ms }\n",
    );
    let outcome = env
        .test(&[
            "pipeline",
            "validate",
            "good.yaml",
            "rate.yaml",
            "kind.yaml",
            "latency.yaml",
            "missing.yaml",
        ])
        .code(2)
        .run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("pipeline_validate", outcome.snapshot());
    });
    let (code, stdout, _) = env.fleetq(&[
        "pipeline",
        "validate",
        "good.yaml",
        "rate.yaml",
        "--output",
        "json",
    ]);
    assert_eq!(code, 2);
    let verdicts = json(&stdout);
    assert_eq!(verdicts[0]["valid"], true);
    assert_eq!(verdicts[0]["steps"], 3);
    assert_eq!(verdicts[1]["valid"], false);
    // a valid set exits 0
    env.test(&["pipeline", "validate", "good.yaml"])
        .stdout_is("good.yaml: ok: pipeline drill on queue drills, 3 steps\n")
        .run();
}

#[test]
fn show_draws_the_steps_and_prints_them_as_json() {
    let env = TestEnv::new();
    env.write("drill.yaml", DRILL);
    let outcome = env.test(&["pipeline", "show", "drill.yaml"]).run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("pipeline_show", outcome.snapshot());
    });
    let shown = json(&ok(&env, &["pipeline", "show", "drill.yaml", "--json"]));
    assert_eq!(shown["queue"], "drills");
    assert_eq!(shown["retry"]["max_attempts"], 2);
    let kinds: Vec<&str> = shown["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["log", "chaos", "exec"]);
    assert_eq!(shown["steps"][1]["latency_ms"], serde_json::json!([5, 20]));
    assert_eq!(
        shown["steps"][2]["argv"],
        serde_json::json!(["echo", "hello"])
    );
    assert_eq!(shown["steps"][2]["timeout_ms"], 5000);
    // an invalid file is an error naming where, as everywhere else
    env.write(
        "broken.yaml",
        "pipeline: bad\nqueue: q\nsteps:\n  - log: [1]\n",
    );
    env.test(&["pipeline", "show", "broken.yaml"])
        .code(2)
        .stderr_has("broken.yaml:4:")
        .run();
}

fn log_and_chaos_steps_run_in_a_worker(kind: Kind) {
    let env = TestEnv::on(kind);
    let drill = env.write("drill.yaml", DRILL);
    let id = enqueue(&env, "drills");
    let stderr = burst(&env, &drill, &[]);
    assert!(
        stderr.contains("starting a drill"),
        "the log step logs: {stderr}"
    );
    let shown = json(&ok(&env, &["jobs", "show", &id, "--json"]));
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(shown["outputs"]["announce"], "starting a drill");
    let latency = shown["outputs"]["slow"]["latency_ms"].as_f64().unwrap();
    assert!((5.0..=20.0).contains(&latency), "{latency}");
    // a chaos step that always fails spends the attempts, then the job is dead with why
    let failing = env.write(
        "failing.yaml",
        "pipeline: failing\nqueue: failing\nretry: { max_attempts: 2, base: 10ms, jitter: none }\nsteps:\n  - chaos: { failure_rate: 1 }\n",
    );
    let dead = enqueue(&env, "failing");
    let shown = run_to_the_end(&env, &failing, &dead);
    assert_eq!(shown["state"], "dead", "{shown}");
    assert_eq!(shown["attempts"], 2);
    assert!(
        shown["last_error"]
            .as_str()
            .unwrap()
            .contains("chaos (failure rate 1)"),
        "{shown}"
    );
}

/// Runs a burst worker over `pipeline` (waiting up to 2 s for retries) with these extra
/// environment variables, and returns its stderr.
fn burst(env: &TestEnv, pipeline: &std::path::Path, variables: &[(&str, &str)]) -> String {
    let (code, _, stderr) = run({
        let mut command = env.command();
        command
            .arg("worker")
            .arg(pipeline)
            .args(["--burst", "--burst-wait", "2s"])
            .envs(variables.iter().copied());
        command
    });
    assert_eq!(code, 0, "{stderr}");
    stderr
}

/// Runs a burst worker over `pipeline` and returns the job `id` as `jobs show` prints it.
fn run_to_the_end(env: &TestEnv, pipeline: &std::path::Path, id: &str) -> serde_json::Value {
    burst(env, pipeline, &[]);
    json(&ok(env, &["jobs", "show", id, "--json"]))
}

fn exec_steps_choose_their_stdin_output_and_exit_code_meanings(kind: Kind) {
    let env = TestEnv::on(kind);
    let modes = env.write(
        "modes.yaml",
        r#"pipeline: modes
queue: modes
steps:
  - { name: raw, exec: [cat], stdin: data, output: json }
  - { name: said, shell: 'echo "  hi there"', output: text }
  - { name: quiet, exec: [cat], stdin: none, output: none }
  - { name: whole, exec: [cat] }
"#,
    );
    let id = enqueue(&env, "modes");
    let shown = run_to_the_end(&env, &modes, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    let outputs = &shown["outputs"];
    assert_eq!(outputs["raw"], serde_json::json!({"n": 1}));
    assert_eq!(outputs["said"], "hi there");
    assert_eq!(outputs["quiet"], serde_json::Value::Null);
    assert_eq!(outputs["whole"]["data"], serde_json::json!({"n": 1}));
    assert_eq!(outputs["whole"]["steps"]["said"], "hi there");
    // retry_on lists the codes worth retrying: any other code is fatal at once
    let exits = |name: &str, rule: &str| {
        env.write(
            &format!("{name}.yaml"),
            &format!(
                "pipeline: {name}\nqueue: {name}\nretry: {{ max_attempts: 3, base: 10ms, jitter: none }}\nsteps:\n  - {{ shell: 'exit 3', {rule} }}\n"
            ),
        )
    };
    for (name, rule, attempts) in [
        ("only75", "retry_on: [75]", 1),
        ("fatal3", "fatal_on: [3]", 1),
        ("retry3", "retry_on: [3]", 3),
        ("notjson", "output: json", 3),
    ] {
        let pipeline = if name == "notjson" {
            env.write(
                "notjson.yaml",
                "pipeline: notjson\nqueue: notjson\nretry: { max_attempts: 3, base: 10ms, jitter: none }\nsteps:\n  - { shell: 'echo plain words', output: json }\n",
            )
        } else {
            exits(name, rule)
        };
        let id = enqueue(&env, name);
        let shown = run_to_the_end(&env, &pipeline, &id);
        assert_eq!(shown["state"], "dead", "{name}: {shown}");
        assert_eq!(shown["attempts"], attempts, "{name}: {shown}");
        if name == "notjson" {
            assert!(
                shown["last_error"].as_str().unwrap().contains("not JSON"),
                "{shown}"
            );
        }
    }
    // a code with two meanings is refused where it is written
    env.write(
        "twice.yaml",
        "pipeline: twice\nqueue: twice\nsteps:\n  - { exec: [cat], retry_on: [3], fatal_on: [3] }\n",
    );
    env.test(&["pipeline", "validate", "twice.yaml"])
        .code(2)
        .stderr_has("twice.yaml:4:")
        .stderr_has("exit code 3 is given two meanings")
        .run();
}

#[test]
fn run_takes_one_job_through_a_pipeline_with_no_backend() {
    let env = TestEnv::new();
    env.write(
        "dev.yaml",
        "pipeline: dev\nqueue: dev\nsteps:\n  - { name: hello, log: hi }\n  - { name: echo, exec: [cat], stdin: data }\n",
    );
    let ran = json(&ok(
        &env,
        &["run", "dev.yaml", "--data", r#"{"user": 42}"#, "--json"],
    ));
    assert_eq!(ran["done"], true, "{ran}");
    assert_eq!(ran["steps"][0]["output"], "hi");
    assert_eq!(ran["steps"][1]["output"], serde_json::json!({"user": 42}));
    assert!(ran["steps"][1]["seconds"].as_f64().unwrap() > 0.0);
    // people get a table and a closing line
    env.test(&["run", "dev.yaml"])
        .stdout_has("exec  ok")
        .stderr_has("dev: done in")
        .run();
    // a failing step fails the run, as it would fail the job
    env.write(
        "broken.yaml",
        "pipeline: broken\nqueue: dev\nsteps:\n  - { name: first, noop: {} }\n  - { name: second, fail: nope }\n  - { name: third, noop: {} }\n",
    );
    let (code, stdout, _) = env.fleetq(&["run", "broken.yaml", "--json"]);
    assert_eq!(code, 1);
    let ran = json(&stdout);
    assert_eq!(ran["done"], false);
    assert_eq!(
        ran["steps"].as_array().unwrap().len(),
        2,
        "it stops at the failure"
    );
    assert_eq!(ran["steps"][1]["error"], "step `second` failed: nope");
    env.test(&["run", "dev.yaml", "--data", "{nope"])
        .code(2)
        .stderr_has("--data: invalid JSON")
        .run();
}

const TEMPLATED: &str = r#"pipeline: tpl
queue: tpl
env_allow: [FLEETQ_TEST_GREETING]
steps:
  - name: greet
    exec: [echo, "{{ env.FLEETQ_TEST_GREETING }}, user {{ data.user }} of {{ job.queue }}"]
    output: text
  - name: again
    log: "greet said {{ steps.greet.output }}"
  - name: avatars-only
    when: "data.kind == 'avatar'"
    exec: [echo, "{{ data.missing }}"]
  - name: whole
    exec: [echo, "{{ data | tojson }}"]
"#;

fn templates_render_per_argv_element_and_when_skips_steps(kind: Kind) {
    let env = TestEnv::on(kind);
    let pipeline = env.write("tpl.yaml", TEMPLATED);
    let (code, stdout, stderr) = env.fleetq(&[
        "enqueue",
        "tpl",
        "--data",
        r#"{"user": 7, "kind": "doc", "note": "a; rm -rf /"}"#,
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let id = json(&stdout)["id"].as_str().unwrap().to_string();
    // FLEETQ_TEST_SECRET is in no env_allow: invisible to templates (the last case below)
    let variables = [
        ("FLEETQ_TEST_GREETING", "hello"),
        ("FLEETQ_TEST_SECRET", "s3cret"),
    ];
    burst(&env, &pipeline, &variables);
    let shown = json(&ok(&env, &["jobs", "show", &id, "--json"]));
    assert_eq!(shown["state"], "done", "{shown}");
    let outputs = &shown["outputs"];
    assert_eq!(outputs["greet"], "hello, user 7 of tpl");
    assert_eq!(outputs["again"], "greet said hello, user 7 of tpl");
    // skipped, though its template names a missing field: a condition that does not hold
    // means the step is never rendered
    assert_eq!(outputs["avatars-only"], serde_json::Value::Null);
    // one argv element stays one argument, whatever it holds
    assert_eq!(
        outputs["whole"],
        serde_json::json!({"kind": "doc", "note": "a; rm -rf /", "user": 7})
    );
    // a variable the pipeline did not allow is undefined, though the worker has it set, and
    // an undefined variable fails the job for good, naming the step and the argument
    let broken = env.write(
        "broken.yaml",
        "pipeline: broken\nqueue: broken\nsteps:\n  - { name: use, exec: [echo, \"{{ env.FLEETQ_TEST_SECRET }}\"] }\n",
    );
    let id = enqueue(&env, "broken");
    burst(&env, &broken, &variables);
    let shown = json(&ok(&env, &["jobs", "show", &id, "--json"]));
    assert!(!shown.to_string().contains("s3cret"), "{shown}");
    assert_eq!(shown["state"], "dead", "{shown}");
    assert_eq!(shown["attempts"], 1, "a template error is not retried");
    assert!(
        shown["last_error"]
            .as_str()
            .unwrap()
            .contains("step `use`: exec[1]: undefined value"),
        "{shown}"
    );
}

#[test]
fn template_errors_are_found_at_load_with_their_position() {
    let env = TestEnv::new();
    env.write(
        "shell.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - shell: \"echo {{ data.x }}\"\n",
    );
    env.write(
        "syntax.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - noop: {}\n  - exec: [echo, \"{{ data.x \"]\n",
    );
    env.write(
        "when.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - { exec: [echo], when: \"data.x ==\" }\n",
    );
    let outcome = env
        .test(&[
            "pipeline",
            "validate",
            "shell.yaml",
            "syntax.yaml",
            "when.yaml",
        ])
        .code(2)
        .run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("pipeline_template_errors", outcome.snapshot());
    });
}

#[test]
fn composition_errors_are_found_at_load_with_their_position() {
    let env = TestEnv::new();
    env.write(
        "cycle.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - { name: a, needs: [c], noop: {} }\n  - { name: b, needs: [a], noop: {} }\n  - { name: c, needs: [b], noop: {} }\n",
    );
    env.write(
        "unknown.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - { name: a, noop: {} }\n  - name: group\n    parallel:\n      - { name: b, needs: [a], noop: {} }\n",
    );
    env.write(
        "twice.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - { name: a, noop: {} }\n  - name: each\n    foreach: { items: data.rows, do: { name: a, noop: {} } }\n",
    );
    env.write(
        "http.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - http: { method: FETCH, url: \"http://localhost/\" }\n",
    );
    env.write(
        "route.yaml",
        "pipeline: t\nqueue: t\nsteps:\n  - route: { on: \"{{ data.kind \", cases: { a: { noop: {} } } }\n",
    );
    let outcome = env
        .test(&[
            "pipeline",
            "validate",
            "cycle.yaml",
            "unknown.yaml",
            "twice.yaml",
            "http.yaml",
            "route.yaml",
        ])
        .code(2)
        .run();
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("pipeline_composition_errors", outcome.snapshot());
    });
}
