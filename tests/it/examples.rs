//! Each workflow example in `config-examples/` runs as written through a real worker on both
//! backends, its http steps against a local test server (files.rs checks that every one loads).

use crate::http_server::HttpServer;
use crate::support::{Kind, TestEnv, json, lines_of, ok, on_every_backend_sync, run};
use std::path::{Path, PathBuf};

on_every_backend_sync!(
    the_thumbnails_example_makes_three_sizes_and_notifies,
    the_webhooks_example_fans_out_signed_and_retries,
    the_etl_example_cleans_each_row_and_loads_once,
    the_model_batch_example_runs_through_its_coprocess,
);

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("config-examples")
        .join(name)
}

/// A burst worker over an example, run from the repository root as its comments say.
fn work(env: &TestEnv, name: &str, variables: &[(&str, &str)]) {
    let (code, _, stderr) = run({
        let mut command = env.command();
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("worker")
            .arg(example(name))
            .args(["--burst", "--burst-wait", "3s"])
            .envs(variables.iter().copied());
        command
    });
    assert_eq!(code, 0, "{stderr}");
}

fn enqueue_data(env: &TestEnv, queue: &str, data: &str) -> String {
    let (code, stdout, stderr) = env.fleetq(&["enqueue", queue, "--data", data]);
    assert_eq!(code, 0, "{stderr}");
    stdout.trim().rsplit('/').next().unwrap().to_string()
}

fn show(env: &TestEnv, id: &str) -> serde_json::Value {
    json(&ok(env, &["jobs", "show", id, "--json"]))
}

fn the_thumbnails_example_makes_three_sizes_and_notifies(kind: Kind) {
    let env = TestEnv::on(kind);
    let server = HttpServer::start(|_, _| (204, Vec::new(), String::new()));
    let image = env.write("cat.jpg", &"x".repeat(2000));
    let other = env.write("owl.jpg", &"y".repeat(2000));
    let notified = enqueue_data(
        &env,
        "images",
        &format!(
            r#"{{"path": "{}", "notify": "{}/thumbs"}}"#,
            image.display(),
            server.url
        ),
    );
    let quiet = enqueue_data(
        &env,
        "images",
        &format!(r#"{{"path": "{}"}}"#, other.display()),
    );
    let missing = enqueue_data(&env, "images", r#"{"path": "/nowhere/dog.jpg"}"#);
    work(&env, "thumbnails.yaml", &[]);
    let shown = show(&env, &notified);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(
        shown["outputs"]["sizes"],
        serde_json::json!({"small": 64, "medium": 256, "large": 1024})
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "only the job that asked is notified");
    assert_eq!(
        json(&requests[0].body)["sizes"],
        serde_json::json!({"small": 64, "medium": 256, "large": 1024})
    );
    assert_eq!(show(&env, &quiet)["state"], "done");
    let shown = show(&env, &missing);
    assert_eq!(shown["state"], "dead", "a missing upload is fatal: {shown}");
    assert_eq!(shown["attempts"], 1);
}

fn the_webhooks_example_fans_out_signed_and_retries(kind: Kind) {
    let env = TestEnv::on(kind);
    let server = HttpServer::start(|request, before| match request.path.as_str() {
        "/busy" if before == 0 => (503, Vec::new(), "try later".into()),
        _ => (200, Vec::new(), "{\"received\": true}".into()),
    });
    let id = enqueue_data(
        &env,
        "webhooks",
        &format!(
            r#"{{"event": {{"type": "paid", "amount": 12}}, "subscribers": ["{url}/ok", "{url}/busy"]}}"#,
            url = server.url
        ),
    );
    work(
        &env,
        "webhooks.yaml",
        &[("WEBHOOK_SECRET", "whsec-0123456789")],
    );
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(shown["attempts"], 1, "the 503 was retried in place");
    assert_eq!(
        shown["outputs"]["deliver"],
        serde_json::json!([{"received": true}, {"received": true}])
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    for request in &requests {
        assert_eq!(request.headers["x-signature"], "whsec-0123456789");
        assert_eq!(
            json(&request.body),
            serde_json::json!({"type": "paid", "amount": 12})
        );
    }
    assert!(!show(&env, &id).to_string().contains("whsec-0123456789"));
}

fn the_etl_example_cleans_each_row_and_loads_once(kind: Kind) {
    let env = TestEnv::on(kind);
    let out = env.path("etl.jsonl");
    let id = enqueue_data(
        &env,
        "etl",
        r#"{"rows": [{"name": "ada"}, {"name": "grace"}, {"name": "linus"}]}"#,
    );
    work(&env, "etl.yaml", &[("ETL_OUT", out.to_str().unwrap())]);
    let shown = show(&env, &id);
    assert_eq!(shown["state"], "done", "{shown}");
    assert_eq!(shown["outputs"]["count"], "3 rows");
    let loaded = lines_of(&out);
    assert_eq!(loaded.len(), 1, "loaded once");
    assert_eq!(
        json(&loaded[0])["steps"]["transform"],
        serde_json::json!(["ADA", "GRACE", "LINUS"])
    );
}

fn the_model_batch_example_runs_through_its_coprocess(kind: Kind) {
    let env = TestEnv::on(kind);
    let prompts = env.write(
        "prompts.jsonl",
        &(0..12)
            .map(|n| format!("{{\"prompt\": \"question {n}\"}}\n"))
            .collect::<String>(),
    );
    ok(
        &env,
        &["enqueue", "prompts", "--file", prompts.to_str().unwrap()],
    );
    work(&env, "model-batch.yaml", &[]);
    let (_, listed, _) = env.fleetq(&["jobs", "ls", "prompts", "--state", "done", "--json"]);
    let done = json(&listed);
    let done = done.as_array().unwrap();
    assert_eq!(done.len(), 12);
    let mut pids = std::collections::HashSet::new();
    for job in done {
        let shown = show(&env, job["id"].as_str().unwrap());
        assert!(
            shown["outputs"]["infer"]["tokens"].as_u64().unwrap() > 10,
            "{shown}"
        );
        pids.insert(shown["outputs"]["infer"]["pid"].as_i64().unwrap());
    }
    assert!(pids.len() <= 4, "one coprocess per slot: {pids:?}");
}
