//! Prometheus: a worker's `/metrics` and `/healthz` (`--metrics-addr`) on both backends, and
//! `fleetq stats --output prometheus` for a textfile collector.

use crate::support::{
    Kind, TestEnv, enqueue, ok, on_every_backend_sync, signal, start_worker, stat, wait_exit,
    wait_until,
};
use std::io::{Read, Write};
use std::time::Duration;

on_every_backend_sync!(a_worker_serves_metrics_and_health,);

/// GET a path with plain HTTP/1.0: (status, body).
fn get(address: &str, path: &str) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: test\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

fn free_address() -> String {
    format!("127.0.0.1:{}", crate::support::free_port())
}

/// The value of the first sample line that starts with `prefix`.
fn sample(metrics: &str, prefix: &str) -> Option<f64> {
    metrics
        .lines()
        .find(|line| line.starts_with(prefix))?
        .rsplit(' ')
        .next()?
        .parse()
        .ok()
}

fn a_worker_serves_metrics_and_health(kind: Kind) {
    let mut env = TestEnv::on(kind);
    let pipeline = env.write(
        "measured.yaml",
        "pipeline: measured\nqueue: m\nretry: { max_attempts: 1 }\nsteps:\n  - { name: check, fail: { message: bad, fatal: true }, when: \"data.bad is defined\" }\n  - { name: work, sleep: 5ms }\n",
    );
    for _ in 0..4 {
        enqueue(&env, "m");
    }
    ok(&env, &["enqueue", "m", "--data", r#"{"bad": true}"#]);
    let address = free_address();
    let mut worker = start_worker(&env, &pipeline, &["--metrics-addr", &address]);
    wait_until("every job is finished", Duration::from_secs(20), || {
        stat(&env, "m", "done") == 4 && stat(&env, "m", "dead") == 1
    });
    let labels = r#"{queue="m",pipeline="measured"}"#;
    wait_until("the metrics show the acks", Duration::from_secs(10), || {
        get(&address, "/metrics").is_some_and(|(_, body)| {
            sample(&body, &format!("fleetq_jobs_done_total{labels}")) == Some(4.0)
        })
    });
    let (status, metrics) = get(&address, "/metrics").unwrap();
    assert_eq!(status, 200);
    assert_eq!(
        sample(&metrics, &format!("fleetq_jobs_dead_total{labels}")),
        Some(1.0),
        "{metrics}"
    );
    assert_eq!(
        sample(&metrics, &format!("fleetq_jobs_failed_total{labels}")),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &metrics,
            &format!("fleetq_job_duration_seconds_count{labels}")
        ),
        Some(5.0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            r#"fleetq_step_duration_seconds_count{queue="m",pipeline="measured",step="work"}"#
        ),
        Some(4.0),
        "{metrics}"
    );
    assert_eq!(
        sample(&metrics, r#"fleetq_jobs_in_flight{queue="m"}"#),
        Some(0.0)
    );
    assert!(
        sample(
            &metrics,
            r#"fleetq_backend_round_trip_seconds_count{call="lease"}"#
        )
        .unwrap()
            >= 1.0
    );
    assert_eq!(get(&address, "/healthz").unwrap().0, 200);
    if kind == Kind::Redis {
        // the backend gone: unhealthy; back: healthy again
        env.redis.stop();
        wait_until("healthz turns 503", Duration::from_secs(20), || {
            get(&address, "/healthz").is_some_and(|(status, _)| status == 503)
        });
        env.redis.start_again(&[]);
        wait_until("healthz turns 200", Duration::from_secs(20), || {
            get(&address, "/healthz").is_some_and(|(status, _)| status == 200)
        });
    }
    signal(&mut worker, libc::SIGTERM);
    assert_eq!(wait_exit(&mut worker, Duration::from_secs(20)), 0);
    // the address is taken: the flag is named in the error
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = listener.local_addr().unwrap().to_string();
    env.test(&[
        "worker",
        pipeline.to_str().unwrap(),
        "--metrics-addr",
        &taken,
    ])
    .code(2)
    .stderr_has(&format!("--metrics-addr {taken}: cannot listen"))
    .run();
}

#[test]
fn stats_print_queue_gauges_for_a_textfile_collector() {
    let env = TestEnv::new();
    enqueue(&env, "gauged");
    enqueue(&env, "gauged");
    let text = ok(&env, &["stats", "--output", "prometheus"]);
    assert!(text.contains("# TYPE fleetq_queue_pending gauge"), "{text}");
    assert_eq!(
        sample(&text, r#"fleetq_queue_pending{queue="gauged"}"#),
        Some(2.0),
        "{text}"
    );
    assert!(
        sample(&text, "fleetq_redis_memory_used_bytes").unwrap() > 0.0,
        "{text}"
    );
    env.test(&["queues", "ls", "--output", "prometheus"])
        .code(2)
        .stderr_has("--output prometheus is for `fleetq stats`")
        .run();
}
