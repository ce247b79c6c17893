//! Redis Cluster with real local nodes: commands that span queues reach every master, a
//! running worker keeps going while `redis-cli --cluster reshard` moves its queue's slot, and
//! a producer and a worker follow a master's failover to its replica. The behaviour suite
//! itself runs on the shared cluster through `Kind::Cluster`.

use crate::support::cluster::{TestCluster, node_connection, shared};
use crate::support::producer::Producer;
use crate::support::{Kind, Spawned, TestEnv, configure, json, lines_of, ok, run, wait_until};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Queue names whose slots are served by different masters of the shared cluster.
fn queues_on_every_master(env: &TestEnv) -> Vec<String> {
    let cluster = shared();
    let mut by_master: Vec<(u16, String)> = Vec::new();
    for number in 0.. {
        let queue = format!("spread-{number}");
        let master = cluster.master_of(&env.key(&queue, "meta"));
        if !by_master.iter().any(|(port, _)| *port == master) {
            by_master.push((master, queue));
        }
        if by_master.len() == 3 {
            break;
        }
    }
    by_master.into_iter().map(|(_, queue)| queue).collect()
}

#[test]
fn commands_that_span_queues_reach_every_master() {
    let env = TestEnv::on(Kind::Cluster);
    let queues = queues_on_every_master(&env);
    let (mut tail, seen) = crate::events::tail(&env, &[]);
    for (count, queue) in queues.iter().enumerate() {
        for _ in 0..=count {
            ok(&env, &["enqueue", queue, "--data", "{}"]);
        }
    }
    let listed = json(&ok(&env, &["queues", "ls", "--json"]));
    let names: Vec<&str> = listed["queues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|queue| queue["queue"].as_str().unwrap())
        .collect();
    assert_eq!(names, queues.iter().map(String::as_str).collect::<Vec<_>>());
    let stats = json(&ok(&env, &["stats", "--json"]));
    for (count, queue) in queues.iter().enumerate() {
        let row = stats["queues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["queue"] == queue.as_str())
            .unwrap_or_else(|| panic!("stats lacks {queue}: {stats}"));
        assert_eq!(row["pending"], count as u64 + 1, "{row}");
    }
    // the tail follows every queue, wherever its stream lives (it may start after the first
    // enqueues, so more arrive until each queue has shown one)
    wait_until(
        "the tail shows an enqueue on every queue",
        Duration::from_secs(20),
        || {
            let shown: HashSet<String> = seen
                .lock()
                .unwrap()
                .iter()
                .filter(|event| event["type"] == "enqueued")
                .filter_map(|event| event["queue"].as_str().map(str::to_string))
                .collect();
            if queues.iter().all(|queue| shown.contains(queue)) {
                return true;
            }
            for queue in &queues {
                ok(&env, &["enqueue", queue, "--data", "{}"]);
            }
            false
        },
    );
    crate::support::signal(&mut tail, libc::SIGINT);
    crate::support::wait_exit(&mut tail, Duration::from_secs(10));

    // a worker registers in the fleet-wide index and its queue's own: different slots
    let pipeline = env.write(
        "w.yaml",
        &format!(
            "pipeline: w\nqueue: {}\nconcurrency: 2\nsteps:\n  - sleep: 1ms\n",
            queues[2]
        ),
    );
    let mut worker = crate::support::start_worker(&env, &pipeline, &[]);
    wait_until("the worker is listed", Duration::from_secs(20), || {
        let (_, stdout, _) = env.fleetq(&["workers", "ls", "--json"]);
        serde_json::from_str::<serde_json::Value>(&stdout)
            .ok()
            .and_then(|fleet| fleet.as_array().map(|workers| workers.len() == 1))
            .unwrap_or(false)
    });
    wait_until(
        "the worker drains its queue",
        Duration::from_secs(20),
        || crate::support::stat(&env, &queues[2], "pending") == 0,
    );
    crate::support::signal(&mut worker, libc::SIGTERM);
    assert_eq!(
        crate::support::wait_exit(&mut worker, Duration::from_secs(20)),
        0
    );
}

/// The fleetq binary against a cluster at `backend`, with a prefix of the test's own.
fn fleetq(directory: &Path, backend: &str, arguments: &[&str]) -> (i32, String, String) {
    let mut command = Command::new(crate::support::binary());
    configure(&mut command, directory, backend, "cluster-test");
    command.args(arguments);
    run(command)
}

fn stats_of(directory: &Path, backend: &str, queue: &str) -> Option<serde_json::Value> {
    let (code, stdout, _) = fleetq(directory, backend, &["stats", queue, "--json"]);
    (code == 0)
        .then(|| serde_json::from_str::<serde_json::Value>(&stdout).ok())
        .flatten()
        .map(|stats| stats["queues"][0].clone())
}

/// Waits until `acknowledged` jobs are done and none is pending or active; the timeout's
/// panic shows the queue's last stats.
fn settled(directory: &Path, backend: &str, queue: &str, acknowledged: usize, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        let stats = stats_of(directory, backend, queue);
        if stats.as_ref().is_some_and(|stats| {
            stats["done"].as_u64() >= Some(acknowledged as u64)
                && stats["pending"] == 0
                && stats["active"] == 0
        }) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "after {limit:?}, {acknowledged} acknowledged jobs are not all done: {stats:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A worker on `queue` that appends each job's id to `runs` (the only record a crash cannot
/// fake), `concurrency` at a time.
fn recording_worker(
    directory: &Path,
    backend: &str,
    queue: &str,
    concurrency: u32,
    runs: &Path,
) -> Spawned {
    let pipeline = directory.join(format!("{queue}.yaml"));
    std::fs::write(
        &pipeline,
        format!(
            "pipeline: {queue}\nqueue: {queue}\nconcurrency: {concurrency}\nlease: 2s\nsteps:\n  - name: work\n    exec: [sh, -c, 'echo \"$1\" >> \"{}\"', sh, \"{{{{ job.id }}}}\"]\n    stdin: none\n",
            runs.display()
        ),
    )
    .unwrap();
    let mut command = Command::new(crate::support::binary());
    configure(&mut command, directory, backend, "cluster-test");
    command
        .arg("worker")
        .arg(&pipeline)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    Spawned(command.spawn().unwrap())
}

/// What the recording worker ran: every run, the distinct jobs, and the acknowledged jobs
/// that never ran.
fn tally(runs: &Path, acknowledged: &[String]) -> (Vec<String>, HashSet<String>, Vec<String>) {
    let ran = lines_of(runs);
    let unique: HashSet<String> = ran.iter().cloned().collect();
    let lost = acknowledged
        .iter()
        .filter(|id| !unique.contains(*id))
        .cloned()
        .collect();
    (ran, unique, lost)
}

/// A queue name whose slot is the lowest one its master serves: `redis-cli --cluster
/// reshard --cluster-slots 1` moves a source's lowest slot first.
fn queue_on_lowest_slot(cluster: &TestCluster, master: u16) -> (String, u16) {
    let mut connection = node_connection(master).unwrap();
    let ranges: Vec<(i64, i64)> = redis::cmd("CLUSTER")
        .arg("SLOTS")
        .query::<Vec<redis::Value>>(&mut connection)
        .unwrap()
        .into_iter()
        .filter_map(|range| match range {
            redis::Value::Array(parts) => match (&parts[0], &parts[1], &parts[2]) {
                (redis::Value::Int(start), redis::Value::Int(end), redis::Value::Array(node))
                    if node[1] == redis::Value::Int(master as i64) =>
                {
                    Some((*start, *end))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    let lowest = ranges.iter().map(|(start, _)| *start).min().unwrap() as u16;
    for number in 0.. {
        let queue = format!("moving-{number}");
        let slot: u16 = redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(&queue)
            .query(&mut connection)
            .unwrap();
        if slot == lowest {
            assert_eq!(cluster.owner_of_slot(slot), master);
            return (queue, slot);
        }
    }
    unreachable!()
}

/// Each node's error replies so far, by error code (`INFO errorstats`).
fn error_counts(ports: &[u16]) -> Vec<String> {
    ports
        .iter()
        .flat_map(|port| {
            let info: String = redis::cmd("INFO")
                .arg("errorstats")
                .query(&mut node_connection(*port).unwrap())
                .unwrap();
            info.lines()
                .filter(|line| line.starts_with("errorstat_"))
                .map(|line| format!("{port} {}", line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_running_worker_keeps_going_while_its_queues_slot_is_resharded() {
    let cluster = TestCluster::start(3, 0, 5000);
    let directory = cluster.directory().to_path_buf();
    let backend = cluster.url();
    let (source, destination) = (cluster.nodes[0].port, cluster.nodes[1].port);
    let (queue, slot) = queue_on_lowest_slot(&cluster, source);
    let runs = directory.join("runs");
    // a backlog, so the slot holds thousands of keys when it moves
    let producer = Producer::start(&directory, &backend, "cluster-test", &queue, 500);
    wait_until("a backlog of 3000 jobs", Duration::from_secs(60), || {
        producer.count() >= 3000
    });
    let mut worker = recording_worker(&directory, &backend, &queue, 8, &runs);
    wait_until("the worker runs jobs", Duration::from_secs(30), || {
        lines_of(&runs).len() >= 50
    });
    let keys_before: i64 = redis::cmd("CLUSTER")
        .arg("COUNTKEYSINSLOT")
        .arg(slot)
        .query(&mut node_connection(source).unwrap())
        .unwrap();
    let errors_before = error_counts(&[source, destination]);
    let started = Instant::now();
    let output = Command::new(crate::support::which("redis-cli").unwrap())
        .args(["--cluster", "reshard", &format!("127.0.0.1:{source}")])
        .args(["--cluster-from", &cluster.node_id(source)])
        .args(["--cluster-to", &cluster.node_id(destination)])
        .args(["--cluster-slots", "1", "--cluster-yes"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let resharding = started.elapsed();
    assert!(
        output.status.success(),
        "reshard failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        cluster.owner_of_slot(slot),
        destination,
        "the queue's slot moved"
    );
    // the errors both nodes answered while the slot moved: the calls that met it mid-move
    let redirected = error_counts(&[source, destination]);
    let during = producer.count();
    wait_until(
        "500 more jobs acknowledged after the move",
        Duration::from_secs(60),
        || producer.count() >= during + 500,
    );
    let (acknowledged, refused) = producer.finish();
    settled(
        &directory,
        &backend,
        &queue,
        acknowledged.len(),
        Duration::from_secs(120),
    );
    assert!(
        crate::support::alive(worker.id() as i32),
        "the worker survived the reshard"
    );
    let (ran, unique, lost) = tally(&runs, &acknowledged);
    eprintln!(
        "cluster reshard drill: slot {slot} with {keys_before} keys moved in {:.2}s (node errors before: {errors_before:?}, after: {redirected:?}); {} acknowledged, {refused} enqueue calls refused, {} runs ({} duplicated), {} lost",
        resharding.as_secs_f64(),
        acknowledged.len(),
        ran.len(),
        ran.len() - unique.len(),
        lost.len()
    );
    assert!(lost.is_empty(), "acknowledged jobs lost: {}", lost.len());
    let mut connection = node_connection(destination).unwrap();
    let done: i64 = redis::cmd("LLEN")
        .arg(format!("cluster-test:{{{queue}}}:done:list"))
        .query(&mut connection)
        .unwrap();
    assert_eq!(
        done as usize,
        unique.len().min(100_000),
        "done list matches runs"
    );
    crate::support::signal(&mut worker, libc::SIGTERM);
    assert_eq!(
        crate::support::wait_exit(&mut worker, Duration::from_secs(20)),
        0
    );
}

#[test]
fn a_producer_and_a_worker_follow_a_cluster_failover_losing_no_acknowledged_job() {
    let mut cluster = TestCluster::start(3, 1, 1000);
    let directory = cluster.directory().to_path_buf();
    let backend = cluster.url();
    let queue = "failover";
    let master = cluster.master_of(&format!("cluster-test:{{{queue}}}:meta"));
    let runs = directory.join("runs");
    let mut worker = recording_worker(&directory, &backend, queue, 4, &runs);
    let producer = Producer::start(&directory, &backend, "cluster-test", queue, 1);
    wait_until("30 jobs acknowledged", Duration::from_secs(30), || {
        producer.count() >= 30
    });
    // the replica must hold everything acknowledged so far (Redis replicates asynchronously:
    // what it had not received when the master died is Redis's loss, not fleetq's)
    producer.hold();
    let synced: i64 = redis::cmd("WAIT")
        .arg(1)
        .arg(5000)
        .query(&mut node_connection(master).unwrap())
        .unwrap();
    assert_eq!(synced, 1, "the replica acknowledged the writes");
    let before = producer.count();
    cluster.kill(master);
    let killed = Instant::now();
    producer.resume();
    wait_until(
        "a replica takes over the queue's slot",
        Duration::from_secs(30),
        || {
            cluster.nodes.iter().any(|node| {
                node.port != master
                    && node_connection(node.port).is_some_and(|mut connection| {
                        redis::cmd("CLUSTER")
                            .arg("INFO")
                            .query::<String>(&mut connection)
                            .is_ok_and(|info| info.contains("cluster_state:ok"))
                    })
            }) && cluster.master_of(&format!("cluster-test:{{{queue}}}:meta")) != master
        },
    );
    let promoted = killed.elapsed();
    wait_until(
        "30 more jobs acknowledged by the new master",
        Duration::from_secs(60),
        || producer.count() >= before + 30,
    );
    let recovered = killed.elapsed();
    let (acknowledged, refused) = producer.finish();
    settled(
        &directory,
        &backend,
        queue,
        acknowledged.len(),
        Duration::from_secs(60),
    );
    let (ran, unique, lost) = tally(&runs, &acknowledged);
    eprintln!(
        "cluster failover drill: {} acknowledged ({before} before the kill), {refused} enqueues refused during the outage, {} runs ({} duplicated, in flight at the kill), {} lost, replica promoted after {:.1}s, enqueues flowing again after {:.1}s",
        acknowledged.len(),
        ran.len(),
        ran.len() - unique.len(),
        lost.len(),
        promoted.as_secs_f64(),
        recovered.as_secs_f64()
    );
    assert!(lost.is_empty(), "acknowledged jobs lost: {lost:?}");
    assert!(
        crate::support::alive(worker.id() as i32),
        "the worker survived the failover"
    );
    crate::support::signal(&mut worker, libc::SIGTERM);
    assert_eq!(
        crate::support::wait_exit(&mut worker, Duration::from_secs(20)),
        0
    );
}

/// Every Lua script, once, on the shared cluster, through the backend: each answers (a
/// CROSSSLOT key, an undeclared key on another node or a script the node lacks would fail it),
/// and the store agrees afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_script_runs_on_the_cluster() {
    use fleetq::runtime::backend::{BeatRequest, LeaseRequest};
    use fleetq::runtime::job::{Completion, FailOutcome, FailureReport, LeaseRef, NewJob};
    let env = TestEnv::on(Kind::Cluster);
    let backend = env.backend_for(Kind::Cluster).await;
    let queue = "scripts";
    let mut jobs: Vec<NewJob> = (0..4)
        .map(|n| NewJob::new(format!("{{\"n\":{n}}}")))
        .collect();
    jobs[3].session = Some("tenant".into());
    backend.enqueue(queue, &jobs).await.expect("enqueue");
    let request = LeaseRequest {
        max_jobs: 3,
        lease: Duration::from_secs(30),
        owner: "cluster-test".into(),
        default_max_attempts: 1,
        rate: None,
        max_inflight: None,
    };
    let batch = backend
        .lease(queue, &request, &[])
        .await
        .into_result()
        .expect("dequeue");
    assert_eq!(batch.jobs.len(), 3);
    let lease = |index: usize| LeaseRef {
        id: batch.jobs[index].id.clone(),
        token: batch.jobs[index].token.clone(),
    };
    assert!(
        backend
            .checkpoint(queue, &lease(0), r#"{"step":1}"#)
            .await
            .expect("checkpoint")
    );
    let beat = backend
        .beat(
            queue,
            &BeatRequest {
                owner: "cluster-test".into(),
                leases: vec![lease(0), lease(1), lease(2)],
                lease: Duration::from_secs(30),
            },
        )
        .await
        .expect("beat");
    assert_eq!(beat.statuses.len(), 3);
    let acked = backend
        .complete(
            queue,
            &[Completion {
                id: lease(0).id,
                token: lease(0).token,
                outputs: "{}".into(),
            }],
        )
        .await
        .expect("ack");
    assert_eq!(acked.acked, 1);
    let failed = backend
        .fail(
            queue,
            &FailureReport {
                id: lease(1).id,
                token: lease(1).token,
                error: "boom".into(),
                stderr: String::new(),
                retry_delay: None,
                outputs: "{}".into(),
            },
        )
        .await
        .expect("fail");
    assert_eq!(failed, FailOutcome::Dead);
    assert_eq!(
        backend.release(queue, &[lease(2)]).await.expect("release"),
        1
    );
    let dead = vec![lease(1).id];
    assert_eq!(backend.retry(queue, &dead).await.expect("retry").len(), 1);
    let cancelled = backend.cancel(queue, &dead).await.expect("cancel");
    assert_eq!(cancelled.len(), 1);
    let stats = backend.queue_stats(queue).await.expect("stats");
    assert_eq!((stats.done, stats.pending, stats.cancelled), (1, 2, 1));
    let counts = backend
        .session_counts(queue, "tenant")
        .await
        .expect("session counts");
    assert_eq!(counts.pending, 1, "{counts:?}");
    let tenant_job = vec![jobs[3].id.clone()];
    assert_eq!(
        backend
            .clean_session(queue, "tenant", &tenant_job)
            .await
            .expect("clean"),
        1
    );
    let rate = fleetq::runtime::rate::Rate::parse("10/s").unwrap();
    let (granted, _) = backend
        .take_rate(queue, "step", &rate, 3)
        .await
        .expect("rate");
    assert!(granted >= 1);
    // a job that dies again can be deleted from the dead-letter queue
    let batch = backend
        .lease(queue, &request, &[])
        .await
        .into_result()
        .expect("dequeue again");
    for job in &batch.jobs {
        let report = FailureReport {
            id: job.id.clone(),
            token: job.token.clone(),
            error: "boom".into(),
            stderr: String::new(),
            retry_delay: None,
            outputs: "{}".into(),
        };
        backend.fail(queue, &report).await.expect("fail again");
    }
    let buried: Vec<String> = batch.jobs.iter().map(|job| job.id.clone()).collect();
    let deleted = backend
        .delete_dead(queue, &buried)
        .await
        .expect("delete dead");
    assert_eq!(deleted.len(), buried.len());
    crate::support::assert_consistent(&env, queue);
}

/// The resharding guard on its own: with the queue's slot marked migrating (source) and
/// importing (destination), as `redis-cli --cluster reshard` leaves it between key batches, an
/// enqueue and a lease are refused with TRYAGAIN and write nothing; once the slot is stable
/// again both work.
#[test]
fn scripts_write_nothing_while_their_slot_is_migrating() {
    let cluster = TestCluster::start(3, 0, 5000);
    let directory = cluster.directory().to_path_buf();
    let backend = cluster.url();
    let queue = "guarded";
    let key = format!("cluster-test:{{{queue}}}:meta");
    let source = cluster.master_of(&key);
    let destination = cluster
        .nodes
        .iter()
        .map(|node| node.port)
        .find(|port| *port != source)
        .unwrap();
    let (code, _, stderr) = fleetq(&directory, &backend, &["enqueue", queue, "--data", "{}"]);
    assert_eq!(code, 0, "{stderr}");
    let slot: u16 = redis::cmd("CLUSTER")
        .arg("KEYSLOT")
        .arg(&key)
        .query(&mut node_connection(source).unwrap())
        .unwrap();
    let set_slot = |port: u16, state: &str, node: Option<&str>| {
        let mut command = redis::cmd("CLUSTER");
        command.arg("SETSLOT").arg(slot).arg(state);
        if let Some(node) = node {
            command.arg(node);
        }
        command
            .query::<()>(&mut node_connection(port).unwrap())
            .unwrap();
    };
    set_slot(destination, "IMPORTING", Some(&cluster.node_id(source)));
    set_slot(source, "MIGRATING", Some(&cluster.node_id(destination)));
    let (code, _, stderr) = fleetq(&directory, &backend, &["enqueue", queue, "--data", "{}"]);
    assert_eq!(code, 5, "{stderr}");
    assert!(
        stderr.to_lowercase().contains("tryagain") && stderr.contains("moving this queue's slot"),
        "{stderr}"
    );
    let pipeline = directory.join("guarded.yaml");
    std::fs::write(
        &pipeline,
        format!("pipeline: g\nqueue: {queue}\nsteps:\n  - noop: {{}}\n"),
    )
    .unwrap();
    let pipeline = pipeline.to_str().unwrap();
    let (code, _, stderr) = fleetq(
        &directory,
        &backend,
        &["worker", pipeline, "--burst", "--burst-wait", "1s"],
    );
    assert_ne!(
        code, 0,
        "a worker cannot lease from a migrating slot: {stderr}"
    );
    // a migrating node answers ASK for any key it lacks, so look once the slot is stable
    set_slot(source, "STABLE", None);
    set_slot(destination, "STABLE", None);
    let mut connection = node_connection(source).unwrap();
    let pending: i64 = redis::cmd("LLEN")
        .arg(format!("cluster-test:{{{queue}}}:ready:5"))
        .query(&mut connection)
        .unwrap();
    let leased: i64 = redis::cmd("ZCARD")
        .arg(format!("cluster-test:{{{queue}}}:leased"))
        .query(&mut connection)
        .unwrap();
    assert_eq!((pending, leased), (1, 0), "nothing moved while refused");
    let (code, _, stderr) = fleetq(&directory, &backend, &["enqueue", queue, "--data", "{}"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = fleetq(&directory, &backend, &["worker", pipeline, "--burst"]);
    assert_eq!(code, 0, "{stderr}");
    let stats = stats_of(&directory, &backend, queue).unwrap();
    assert_eq!(
        (stats["done"].as_u64(), stats["pending"].as_u64()),
        (Some(2), Some(0))
    );
}
