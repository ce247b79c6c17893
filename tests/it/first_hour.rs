//! What a new user meets in the first hour: secrets in every output path, closed pipes,
//! inputs checked where every caller passes, pausing ahead of a deploy, cancelled jobs that
//! can be listed, and clear words for the usual mistakes.

use crate::support::{TestEnv, enqueue, run, wait_until};
use fleetq::runtime::job::NewJob;
use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn a_closed_pipe_ends_a_watch_cleanly() {
    let env = TestEnv::new();
    enqueue(&env, "watched");
    let mut command = env.command();
    command
        .args(["stats", "--watch", "200ms", "--output", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut head = [0u8; 50];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut head)
        .unwrap();
    // what `| head -c 50` does: read a little, then close the pipe
    drop(child.stdout.take());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "stats --watch kept running after its reader left"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn other_write_errors_are_not_swallowed() {
    let env = TestEnv::new();
    enqueue(&env, "full-disk");
    let mut command = env.command();
    command.args(["stats"]).stdout(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    );
    let (code, _, stderr) = run(command);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("cannot write to stdout"), "{stderr}");
}

#[test]
fn passwords_with_special_characters_never_show() {
    let env = TestEnv::new();
    let mut connection = env.redis.connection();
    // `@`, `:` and `/` in the password, percent-encoded in the URL as users must write them
    redis::cmd("ACL")
        .arg(&["SETUSER", "fq", "on", ">Xy@se:cr/et", "~*", "&*", "+@all"])
        .query::<()>(&mut connection)
        .unwrap();
    let socket = env.redis.socket.display().to_string();
    let url = format!("redis+unix://{socket}?user=fq&pass=Xy%40se%3Acr%2Fet");
    let leaked =
        |text: &str| text.contains("Xy") || text.contains("se:cr") || text.contains("cr/et");
    let with = |backend: &str, arguments: &[&str]| {
        let mut command = env.command();
        command.env("FLEETQ_BACKEND", backend).args(arguments);
        run(command)
    };
    let (code, stdout, stderr) = with(&url, &["enqueue", "secret", "--data", "{}", "-v"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!leaked(&stdout) && !leaked(&stderr), "{stdout}{stderr}");
    for arguments in [
        &["stats"][..],
        &["stats", "--json"],
        &["queues", "ls", "--json"],
        &["--log-format", "json", "-vv", "stats"],
        &[
            "bench",
            "-n",
            "20",
            "-c",
            "2",
            "--latency-samples",
            "2",
            "--json",
        ],
    ] {
        let (code, stdout, stderr) = with(&url, arguments);
        assert_eq!(code, 0, "{arguments:?}: {stderr}");
        assert!(
            !leaked(&stdout) && !leaked(&stderr),
            "{arguments:?} leaked: {stdout}{stderr}"
        );
    }
    // URLs that do not parse, and servers that do not answer
    for backend in [
        "redis://fq:Xy@se:cr/et@localhost:notaport",
        "redis://fq:Xy%40se%3Acr@127.0.0.1:1",
        "rediss://fq:Xy@se@[::1",
    ] {
        let (code, stdout, stderr) = with(backend, &["stats"]);
        assert_ne!(code, 0);
        assert!(!leaked(&stdout) && !leaked(&stderr), "{backend}: {stderr}");
    }
}

#[tokio::test]
async fn inputs_are_checked_where_every_caller_passes() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    let mut job = NewJob::new("{}".into());
    job.priority = 12;
    let error = backend.enqueue("q", &[job]).await.unwrap_err();
    assert!(error.to_string().contains("priority 12"), "{error}");
    let mut job = NewJob::new("{}".into());
    job.max_attempts = Some(0);
    assert!(backend.enqueue("q", &[job]).await.is_err());
    for id in ["", "a/b", "has space"] {
        let mut job = NewJob::new("{}".into());
        job.id = id.to_string();
        assert!(backend.enqueue("q", &[job]).await.is_err(), "id `{id}`");
        let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--id", id]);
        assert_eq!(code, 2, "--id `{id}`: {stderr}");
        assert!(stderr.contains("invalid job id"), "{stderr}");
    }
    assert!(
        backend.queues().await.unwrap().is_empty(),
        "nothing was stored"
    );
}

#[test]
fn a_queue_can_be_paused_before_its_first_job_and_cancelled_jobs_are_listed() {
    let env = TestEnv::new();
    let (code, _, stderr) = env.fleetq(&["queues", "pause", "deploys"]);
    assert_eq!(code, 0, "pausing ahead of a deploy: {stderr}");
    let id = enqueue(&env, "deploys");
    let pipeline = env.write(
        "deploys.yaml",
        "pipeline: deploys\nqueue: deploys\nsteps:\n  - noop: {}\n",
    );
    let mut command = env.command();
    command
        .arg("worker")
        .arg(&pipeline)
        .args(["--burst", "--burst-wait", "0s"]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 0, "{stderr}");
    let (_, stats, _) = env.fleetq(&["stats", "deploys", "--json"]);
    assert!(
        stats.contains("\"pending\": 1"),
        "a paused queue hands out nothing: {stats}"
    );
    let (code, _, stderr) = env.fleetq(&["jobs", "cancel", &id]);
    assert_eq!(code, 0, "{stderr}");
    let (code, listed, stderr) =
        env.fleetq(&["jobs", "ls", "deploys", "--state", "cancelled", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(listed[0]["state"], "cancelled");
}

#[test]
fn the_permission_hint_names_the_configured_prefix() {
    let env = TestEnv::new();
    let mut connection = env.redis.connection();
    redis::cmd("ACL")
        .arg(&["SETUSER", "narrow", "on", ">pw", "~other:*", "&*", "+@all"])
        .query::<()>(&mut connection)
        .unwrap();
    let mut command = env.command();
    command
        .env(
            "FLEETQ_BACKEND",
            format!(
                "redis+unix://{}?user=narrow&pass=pw",
                env.redis.socket.display()
            ),
        )
        .env("FLEETQ_PREFIX", "billing")
        .args(["enqueue", "q", "--data", "{}"]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("~billing:*"), "{stderr}");
}

#[test]
fn common_mistakes_get_clear_words() {
    let env = TestEnv::new();
    // a database that is not a number is a usage error, not a protocol error
    let mut command = env.command();
    command
        .env("FLEETQ_BACKEND", "redis://127.0.0.1:6379/notadb")
        .args(["stats"]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`notadb` is not a number"), "{stderr}");

    // TLS to a plain port says so, within the connect timeout
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = plain.local_addr().unwrap().port();
    let mut command = env.command();
    command
        .env("FLEETQ_BACKEND", format!("rediss://127.0.0.1:{port}"))
        .args(["stats"]);
    let started = Instant::now();
    let (code, _, stderr) = run(command);
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("TLS handshake"), "{stderr}");
    assert!(
        stderr.contains("hint: is the server speaking TLS"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "gave up after {:?}",
        started.elapsed()
    );
    drop(plain);

    // help and usage errors follow --color
    let (code, help, _) = env.fleetq(&["--color", "always", "--help"]);
    assert_eq!(code, 0);
    assert!(help.contains('\u{1b}'), "--color always colours help");
    let (code, _, stderr) = env.fleetq(&["--color", "never", "enqueue"]);
    assert_eq!(code, 2);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    let (_, help, _) = env.fleetq(&["--help"]);
    assert!(
        !help.contains("FLEETQ_PREFIX="),
        "env values stay hidden: {help}"
    );

    // a pending job says what its attempt budget will be, and has no outputs yet
    let id = enqueue(&env, "fresh");
    let (code, show, stderr) = env.fleetq(&["jobs", "show", &format!("fresh/{id}")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!show.contains("0 of 0"), "{show}");
    assert!(show.contains("the pipeline's retry.max_attempts"), "{show}");
    assert!(!show.contains("null"), "{show}");
}

#[tokio::test]
async fn quiet_means_errors_only() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    backend
        .enqueue("stalled", &[NewJob::new("{}".into())])
        .await
        .unwrap();
    // a worker that leased the job and died: the lease expires with nobody to extend it
    let request = fleetq::runtime::backend::LeaseRequest {
        max_jobs: 1,
        lease: Duration::from_millis(300),
        owner: "gone".into(),
        default_max_attempts: 3,
        rate: None,
        max_inflight: None,
    };
    backend
        .lease("stalled", &request, &[])
        .await
        .into_result()
        .unwrap();
    wait_until("the lease expires", Duration::from_secs(10), || {
        let (_, _, stderr) = env.fleetq(&["stats", "stalled"]);
        stderr.contains("warning: stalled jobs")
    });
    let (code, _, stderr) = env.fleetq(&["--quiet", "stats", "stalled"]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "--quiet printed: {stderr}");
}
