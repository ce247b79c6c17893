//! Exit codes and bad input: every error names the flag or file:line:column, and a hint helps
//! where it can. Redis down, OOM and READONLY are produced on a real server.

use crate::support::{TestEnv, binary, configure, run};
use std::process::Command;

#[test]
fn invalid_json_names_the_flag_and_position() {
    let env = TestEnv::new();
    let (code, stdout, stderr) = env.fleetq(&["enqueue", "q", "--data", r#"{"a": }"#]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("error: --data: invalid JSON at line 1 column 7"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn data_from_a_file_and_from_stdin() {
    let env = TestEnv::new();
    let payload = env.write("payload.json", r#"{"from": "file"}"#);
    let (code, _, stderr) =
        env.fleetq(&["enqueue", "q", "--data", &format!("@{}", payload.display())]);
    assert_eq!(code, 0, "{stderr}");
    let mut command = env.command();
    command
        .args(["enqueue", "q", "--data", "-", "--json"])
        .stdin(std::fs::File::open(&payload).unwrap());
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(r#""status":"enqueued""#), "{stdout}");
    let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", "@missing.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--data @missing.json: cannot read the file"),
        "{stderr}"
    );
}

#[test]
fn oversized_payloads_are_refused() {
    let env = TestEnv::new();
    let big = format!(r#"{{"blob": "{}"}}"#, "x".repeat(9 * 1024 * 1024));
    let path = env.write("big.json", &big);
    let (code, _, stderr) =
        env.fleetq(&["enqueue", "q", "--data", &format!("@{}", path.display())]);
    assert_eq!(code, 2);
    assert!(stderr.contains("more than the 8 MiB limit"), "{stderr}");
}

#[test]
fn a_bad_jsonl_line_is_reported_and_nothing_is_enqueued() {
    let env = TestEnv::new();
    let file = env.write("jobs.jsonl", "{\"n\": 1}\n\n{\"n\": 2}\n{\"n\": oops}\n");
    let (code, stdout, stderr) = env.fleetq(&["enqueue", "bulk", "--file", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("jobs.jsonl:4:7: invalid JSON: expected value"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was enqueued"), "{stderr}");
    let (code, _, stderr) = env.fleetq(&["stats", "bulk"]);
    assert_eq!(code, 3, "the queue was never created: {stderr}");
    let (code, _, stderr) = env.fleetq(&["enqueue", "bulk", "--file", "nope.jsonl"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--file nope.jsonl"), "{stderr}");
}

#[test]
fn a_full_queue_exits_4_and_bulk_says_what_was_enqueued() {
    let env = TestEnv::new();
    let (code, _, _) = env.fleetq(&["queues", "set", "capped", "--max-len", "3"]);
    assert_eq!(code, 0);
    let file = env.write("jobs.jsonl", &"{}\n".repeat(5));
    let (code, stdout, stderr) =
        env.fleetq(&["enqueue", "capped", "--file", file.to_str().unwrap()]);
    assert_eq!(code, 4, "{stderr}");
    assert_eq!(
        stdout.lines().count(),
        3,
        "the three enqueued jobs are printed"
    );
    assert!(stderr.contains("enqueued 3 jobs"), "{stderr}");
    assert!(
        stderr.contains("line 4 and everything after it"),
        "{stderr}"
    );
    let (code, _, stderr) = env.fleetq(&["enqueue", "capped", "--data", "{}"]);
    assert_eq!(code, 4);
    assert!(
        stderr.contains(
            "hint: start more workers, or raise the limit: fleetq queues set capped --max-len N"
        ),
        "{stderr}"
    );
}

#[test]
fn unknown_queues_and_jobs_exit_3() {
    let env = TestEnv::new();
    env.test(&["enqueue", "real", "--data", "{}"]).run();
    env.test(&["stats", "ghost"])
        .code(3)
        .stdout_is("")
        .stderr_has("unknown queue `ghost`")
        .stderr_has("hint: known queues: real")
        .run();
    env.test(&["jobs", "ls", "ghost"])
        .code(3)
        .stdout_is("")
        .run();
    env.test(&["jobs", "show", "no-such-id"])
        .code(3)
        .stderr_has("no job `no-such-id`")
        .run();
    env.test(&["jobs", "show", "real/no-such-id"]).code(3).run();
    env.test(&["jobs", "cancel", "real/no-such-id"])
        .code(3)
        .run();
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    env.test(&["enqueue", "q", "--no-such-flag"])
        .code(2)
        .stdout_is("")
        .stderr_has("--no-such-flag")
        .run();
    env.test(&["enqueue", "q", "--priority", "12"])
        .code(2)
        .run();
    env.test(&["enqueue", "bad queue", "--data", "{}"])
        .code(2)
        .stderr_has("invalid queue name")
        .run();
    env.test(&["enqueue", "q", "--delay", "soon"])
        .code(2)
        .stderr_has("--delay")
        .run();
}

#[test]
fn malformed_pipeline_yaml_reports_file_line_and_column() {
    let env = TestEnv::new();
    let broken = env.write(
        "broken.yaml",
        "pipeline: x\nqueue: q\nsteps:\n  - name: a\n    exec: [echo\n",
    );
    let (code, _, stderr) = env.fleetq(&["worker", broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("broken.yaml:"), "{stderr}");
    let unknown = env.write(
        "unknown.yaml",
        "pipeline: x\nqueue: q\nsteps:\n  - name: a\n    noop: {}\n    retries: 3\n",
    );
    let (code, _, stderr) = env.fleetq(&["worker", unknown.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown.yaml:6:5: steps[0]: unknown field `retries`"),
        "{stderr}"
    );
    let no_kind = env.write(
        "nokind.yaml",
        "pipeline: x\nqueue: q\nsteps:\n  - name: a\n    timeout: 1s\n",
    );
    let (code, _, stderr) = env.fleetq(&["worker", no_kind.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("nokind.yaml:4:") && stderr.contains("a step needs a kind"),
        "{stderr}"
    );
    let (code, _, stderr) = env.fleetq(&["worker", "missing.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read missing.yaml"), "{stderr}");
    // checks made after parsing point at their own value, never at 1:1 or nowhere
    for (name, text, expected) in [
        (
            "baddur.yaml",
            "pipeline: x\nqueue: q\nlease: 5 parsecs\nsteps:\n  - noop: {}\n",
            "baddur.yaml:3:8: lease: invalid duration `5 parsecs`",
        ),
        (
            "duplicate.yaml",
            "pipeline: x\nqueue: q\nsteps:\n  - name: a\n    noop: {}\n  - name: a\n    noop: {}\n",
            "duplicate.yaml:6:5: steps[1]: two steps are named `a`",
        ),
        (
            "empty.yaml",
            "pipeline: x\nqueue: q\nsteps: []\n",
            "empty.yaml:3:8: steps: `steps` is empty",
        ),
        (
            "badqueue.yaml",
            "pipeline: x\nqueue: \"a b\"\nsteps:\n  - noop: {}\n",
            "badqueue.yaml:2:8: queue: invalid queue name `a b`",
        ),
        (
            "attempts.yaml",
            "pipeline: x\nqueue: q\nretry:\n  max_attempts: 0\nsteps:\n  - noop: {}\n",
            "attempts.yaml:4:17: retry.max_attempts: must be at least 1",
        ),
    ] {
        let path = env.write(name, text);
        env.test(&["worker", path.to_str().unwrap()])
            .code(2)
            .stderr_has(expected)
            .run();
    }
}

#[test]
fn config_file_unknown_keys_are_errors_with_position() {
    let env = TestEnv::new();
    let config = env.write("fleetq.yaml", "prefix: demo\nbakend: redis://x\n");
    let mut command = env.command();
    command.env_remove("FLEETQ_BACKEND").args([
        "--config",
        config.to_str().unwrap(),
        "queues",
        "ls",
    ]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("fleetq.yaml:2:1: unknown field `bakend`"),
        "{stderr}"
    );
}

#[test]
fn the_config_file_sits_below_env_and_flags() {
    let env = TestEnv::new();
    env.write(
        "fleetq.yaml",
        &format!(
            "backend: {}\nprefix: {}\noutput: json\n",
            env.redis.url(),
            env.prefix
        ),
    );
    let mut command = env.command();
    // ./fleetq.yaml is found without --config; env and flags are unset so the file decides
    command
        .env_remove("FLEETQ_BACKEND")
        .env_remove("FLEETQ_PREFIX")
        .args(["queues", "ls"]);
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.trim_start().starts_with('{'),
        "output: json from the file: {stdout}"
    );
    let mut command = env.command();
    command
        .env_remove("FLEETQ_BACKEND")
        .args(["queues", "ls", "--output", "table"]);
    let (_, stdout, _) = run(command);
    assert!(
        stdout.starts_with("QUEUE"),
        "the flag beats the file: {stdout}"
    );
}

#[test]
fn redis_down_exits_5_with_a_hint_and_no_password() {
    let env = TestEnv::new();
    env.test(&["enqueue", "q", "--data", "{}"])
        .env("FLEETQ_BACKEND", "redis://app:s3cret-pass@127.0.0.1:1/0")
        .code(5)
        .stdout_is("")
        .stderr_has("cannot reach redis://app:***@127.0.0.1:1/0")
        .stderr_has("hint: is redis-server running?")
        .stderr_lacks("s3cret-pass")
        .run();
    let directory = tempfile::tempdir().unwrap();
    let mut command = Command::new(binary());
    configure(
        &mut command,
        directory.path(),
        "redis+unix:///nonexistent/redis.sock",
        "down",
    );
    command.args(["stats"]);
    let (code, _, _) = run(command);
    assert_eq!(code, 5);
}

#[test]
fn a_cluster_nobody_answers_for_is_unavailable_and_keeps_its_password() {
    let directory = tempfile::tempdir().unwrap();
    let port = crate::support::free_port();
    let mut command = Command::new(binary());
    configure(
        &mut command,
        directory.path(),
        &format!("redis+cluster://:pa55word@127.0.0.1:{port}"),
        "x",
    );
    command.args(["stats"]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
    assert!(!stderr.contains("pa55word"), "{stderr}");
    let mut command = Command::new(binary());
    configure(&mut command, directory.path(), "redis+cluster://h1:x", "x");
    command.args(["stats"]);
    let (code, _, stderr) = run(command);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("no valid port") && stderr.contains("hint: write it like redis+cluster://"),
        "{stderr}"
    );
}

#[test]
fn a_damaged_store_is_explained_and_left_untouched() {
    let env = TestEnv::new();
    let garbage = "not a database, only bytes that go on for a while. ".repeat(8);
    let store = env.write("damaged.db", &garbage);
    env.test(&["stats"])
        .env("FLEETQ_BACKEND", &format!("local:{}", store.display()))
        .code(1)
        .stderr_has("file is not a database")
        .stderr_has("hint: the file is damaged")
        .run();
    assert_eq!(
        std::fs::read_to_string(&store).unwrap(),
        garbage,
        "nothing was written to it"
    );
}

#[test]
fn with_no_backend_configured_the_local_store_is_used() {
    let directory = tempfile::tempdir().unwrap();
    let fleetq = |arguments: &[&str]| {
        let mut command = Command::new(binary());
        configure(&mut command, directory.path(), "", "x");
        command.env_remove("FLEETQ_BACKEND").args(arguments);
        run(command)
    };
    let (code, _, stderr) = fleetq(&["enqueue", "here", "--data", "{}"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = fleetq(&["stats", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let store = directory.path().join(".local/share/fleetq/fleetq.db");
    assert!(
        stdout.contains(&format!("\"backend\": \"local:{}\"", store.display())),
        "{stdout}"
    );
    assert!(store.is_file());
}

#[test]
fn a_local_store_works_from_the_command_line_and_refuses_a_newer_one() {
    let env = TestEnv::new();
    let store = env.path("data/jobs.db");
    let local = format!("local:{}", store.display());
    env.test(&["enqueue", "here", "--data", "{}"])
        .env("FLEETQ_BACKEND", &local)
        .stdout_has("here/")
        .run();
    env.test(&["stats", "here", "--json"])
        .env("FLEETQ_BACKEND", &local)
        .stdout_has("\"pending\": 1")
        .stdout_has(&format!("\"backend\": \"{local}\""))
        .run();
    let pipeline = env.write(
        "here.yaml",
        "pipeline: here\nqueue: here\nsteps:\n  - noop: {}\n",
    );
    env.test(&["worker", pipeline.to_str().unwrap(), "--burst", "--json"])
        .env("FLEETQ_BACKEND", &local)
        .stdout_has(&format!("\"backend\": \"{local}\""))
        .stdout_has("\"done\": 1")
        .stderr_has(&format!("backend={local}"))
        .run();
    use std::os::unix::fs::PermissionsExt;
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store), 0o600, "the store is private");
    assert_eq!(mode(store.parent().unwrap()), 0o700, "so is its directory");
    rusqlite::Connection::open(&store)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    env.test(&["stats"])
        .env("FLEETQ_BACKEND", &local)
        .code(1)
        .stderr_has("written by a newer fleetq")
        .stderr_has("hint: run the newer fleetq")
        .run();
}

#[test]
fn redis_out_of_memory_is_explained() {
    let env = TestEnv::new();
    env.redis.config_set("maxmemory", "1");
    env.redis.config_set("maxmemory-policy", "noeviction");
    // the guard off: this is Redis's own refusal, which the guard usually gets ahead of
    let (code, _, stderr) = run({
        let mut command = env.command();
        command
            .env("FLEETQ_MEMORY_GUARD", "off")
            .args(["enqueue", "q", "--data", "{}"]);
        command
    });
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("out of memory") && stderr.contains("hint: Redis is at maxmemory"),
        "{stderr}"
    );
}

#[test]
fn a_read_only_replica_is_explained() {
    let env = TestEnv::new();
    let mut connection = env.redis.connection();
    // a replica of a master that does not exist: real READONLY replies to every write
    redis::cmd("REPLICAOF")
        .arg("127.0.0.1")
        .arg("1")
        .query::<()>(&mut connection)
        .unwrap();
    let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", "{}"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("read-only") && stderr.contains("hint: this node is a replica"),
        "{stderr}"
    );
}

#[test]
fn a_bulk_enqueue_cut_short_by_redis_says_which_lines_went_in() {
    let env = TestEnv::new();
    let mut connection = env.redis.connection();
    // room for about one batch of 1,000 one-kilobyte jobs, not for three
    env.redis.limit_memory(3_000_000);
    let line = format!(r#"{{"pad": "{}"}}"#, "x".repeat(1000));
    let file = env.write("jobs.jsonl", &format!("{line}\n").repeat(3000));
    // the guard off: this is about Redis's own refusal midway through a bulk enqueue
    let (code, stdout, stderr) = run({
        let mut command = env.command();
        command.env("FLEETQ_MEMORY_GUARD", "off").args([
            "enqueue",
            "big",
            "--file",
            file.to_str().unwrap(),
        ]);
        command
    });
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("hint: Redis is at maxmemory"), "{stderr}");
    assert!(stderr.contains("nothing after line"), "{stderr}");
    // whether Redis refused the first batch or cut one off midway, what fleetq printed is
    // exactly what is in the queue
    let printed: std::collections::HashSet<String> = stdout
        .lines()
        .map(|line| line.rsplit('/').next().unwrap().to_string())
        .collect();
    let queued: Vec<String> =
        redis::Commands::lrange(&mut connection, env.key("big", "ready:5"), 0, -1).unwrap();
    let mut stored = std::collections::HashSet::new();
    for id in queued {
        if redis::Commands::exists(&mut connection, env.key("big", &format!("job:{id}"))).unwrap() {
            stored.insert(id);
        }
    }
    assert_eq!(
        printed, stored,
        "stdout lists exactly the jobs that went in: {stderr}"
    );
}

#[test]
fn bulk_jobs_can_come_from_stdin() {
    let env = TestEnv::new();
    let lines = env.write("piped.jsonl", "{\"n\": 1}\n{\"n\": 2}\n\n{\"n\": 3}\n");
    let run_piped = env
        .test(&["enqueue", "piped", "--file", "-", "--json"])
        .stdin(&lines)
        .stdout_has("\"status\":\"enqueued\"")
        .stderr_has("enqueued 3 jobs to piped")
        .run();
    assert_eq!(run_piped.stdout.lines().count(), 3);
    let bad = env.write("bad.jsonl", "{\"n\": 1}\nnope\n");
    let mut command = env.command();
    command
        .args(["enqueue", "piped", "--file", "-"])
        .stdin(std::fs::File::open(&bad).unwrap());
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("stdin:2:2: invalid JSON")
            && stderr.contains("line 1 and everything after it was not enqueued"),
        "{stderr}"
    );

    // stdin is streamed: a bad line far down arrives after earlier batches went in, and the
    // message says exactly where the cut is
    let mut late = "{\"n\": 1}\n".repeat(2500);
    late.push_str("{\"n\": }\n");
    let late = env.write("late.jsonl", &late);
    let mut command = env.command();
    command
        .args(["enqueue", "streamed", "--file", "-"])
        .stdin(std::fs::File::open(&late).unwrap());
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("stdin:2501:7: invalid JSON")
            && stderr.contains("lines before 2001 are in (2000 enqueued, 0 duplicates")
            && stderr.contains("line 2001 and everything after it was not enqueued"),
        "{stderr}"
    );
    assert_eq!(
        stdout.lines().count(),
        2000,
        "a reference for every job that went in"
    );
    let (_, stats, _) = env.fleetq(&["stats", "streamed", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["queues"][0]["pending"], 2000);
}

#[test]
fn global_options_colour_verbosity_prefix_and_env_output() {
    let env = TestEnv::new();
    let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", "{", "--color", "always"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("\u{1b}[1;31merror\u{1b}[0m: "),
        "{stderr:?}"
    );
    let (_, _, plain) = env.fleetq(&["enqueue", "q", "--data", "{", "--color", "never"]);
    assert!(plain.starts_with("error: "), "{plain:?}");

    let (code, _, stderr) = env.fleetq(&["stats", "--prefix", "has space"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid --prefix"), "{stderr}");

    env.fleetq(&["enqueue", "q", "--data", "{}"]);
    let pipeline = env.write(
        "noop.yaml",
        "pipeline: quick\nqueue: q\nsteps:\n  - noop: {}\n",
    );
    let (_, _, quiet) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst"]);
    assert!(
        !quiet.contains("job done"),
        "debug lines only with -v: {quiet}"
    );
    env.fleetq(&["enqueue", "q", "--data", "{}"]);
    let (_, _, verbose) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst", "-v"]);
    assert!(verbose.contains("job done"), "{verbose}");

    let mut command = env.command();
    command.env("FLEETQ_OUTPUT", "json").args(["queues", "ls"]);
    let (_, stdout, _) = run(command);
    assert!(
        stdout.trim_start().starts_with('{'),
        "FLEETQ_OUTPUT=json: {stdout}"
    );
    let mut command = env.command();
    command
        .env("FLEETQ_OUTPUT", "json")
        .args(["queues", "ls", "--output", "table"]);
    let (_, stdout, _) = run(command);
    assert!(
        stdout.starts_with("QUEUE"),
        "the flag beats the env: {stdout}"
    );
}

#[test]
fn a_full_disk_under_the_local_store_loses_nothing_and_says_so() {
    use std::os::unix::process::CommandExt;
    let env = TestEnv::on(crate::support::Kind::Local);
    let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", r#"{"first":true}"#]);
    assert_eq!(code, 0, "{stderr}");
    let lines: String = (0..50_000).map(|n| format!("{{\"n\":{n}}}\n")).collect();
    let file = env.write("many.jsonl", &lines);
    let mut command = env.command();
    command
        .args(["enqueue", "q", "--file"])
        .arg(&file)
        .args(["--output", "jsonl"]);
    // no file of this process may grow past 2 MB: the disk fills up midway through the run
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 2_000_000,
                rlim_max: 2_000_000,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("hint:") && stderr.contains("disk full"),
        "{stderr}"
    );
    let reported = stdout.lines().count() as u64;
    assert!(
        reported > 0 && reported < 50_000,
        "{reported} reported in: the limit missed"
    );
    // what the run reported as in is exactly what the store holds, besides the first job
    let (code, stats, stderr) = env.fleetq(&["stats", "q", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["queues"][0]["pending"], reported + 1, "{stderr}");
    let store = rusqlite::Connection::open(env.path("store/fleetq.db")).unwrap();
    let check: String = store
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Makes a file read-only for everyone, root included (`chattr +i`: root ignores modes), and
/// writable again when dropped, so the test's directory can be removed.
struct ReadOnly(std::path::PathBuf);

impl ReadOnly {
    fn new(path: std::path::PathBuf) -> ReadOnly {
        let status = if unsafe { libc::geteuid() } == 0 {
            Command::new("chattr").arg("+i").arg(&path).status()
        } else {
            Command::new("chmod").arg("0444").arg(&path).status()
        };
        assert!(
            status.is_ok_and(|status| status.success()),
            "cannot make {} read-only: this test needs chattr (e2fsprogs) on an ext4-like file system when run as root",
            path.display()
        );
        ReadOnly(path)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        let _ = Command::new("chmod").arg("0600").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_store_is_explained_and_can_still_be_read() {
    let env = TestEnv::on(crate::support::Kind::Local);
    for _ in 0..3 {
        let (code, _, stderr) = env.fleetq(&["enqueue", "q", "--data", "{}"]);
        assert_eq!(code, 0, "{stderr}");
    }
    let store = env.path("store/fleetq.db");
    let guard = ReadOnly::new(store.clone());
    env.test(&["enqueue", "q", "--data", "{}"])
        .code(1)
        .stderr_has("readonly database")
        .stderr_has("hint: the store is read-only here")
        .run();
    env.test(&["stats", "q"]).stdout_has("q      3").run();
    drop(guard);
    env.test(&["stats", "q", "--json"])
        .stdout_has("\"pending\": 3")
        .run();
}

#[test]
fn processes_opening_a_new_store_at_once_all_succeed() {
    let env = TestEnv::on(crate::support::Kind::Local);
    // the race that hit a test: two processes both find no store and both create it
    let children: Vec<_> = (0..8)
        .map(|_| {
            let mut command = env.command();
            command
                .args(["enqueue", "q", "--data", "{}"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            command.spawn().unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(crate::support::stat(&env, "q", "pending"), 8);
}

#[test]
fn enqueues_stop_at_the_memory_guard_while_workers_still_drain() {
    let env = TestEnv::new();
    let id = crate::support::enqueue(&env, "guarded");
    // used memory at about 95% of maxmemory: past the default 90% guard, not yet full
    let info: String = redis::cmd("INFO")
        .arg("memory")
        .query(&mut env.redis.connection())
        .unwrap();
    let used: u64 = info
        .lines()
        .find_map(|line| line.strip_prefix("used_memory:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    env.redis
        .config_set("maxmemory", &(used * 100 / 95).to_string());
    env.redis.config_set("maxmemory-policy", "noeviction");
    env.test(&["enqueue", "guarded", "--data", "{}"])
        .code(4)
        .stderr_has("is nearly full")
        .stderr_has("past the 90% guard")
        .stderr_has("hint: workers still take, finish and ack jobs")
        .run();
    let stats = crate::support::json(&crate::support::ok(&env, &["stats", "guarded", "--json"]));
    assert_eq!(stats["memory"]["guard"], 0.9, "{stats}");
    assert!(stats["memory"]["max_bytes"].as_u64().unwrap() > 0);
    let (_, _, stderr) = env.fleetq(&["stats", "guarded"]);
    assert!(stderr.contains("enqueues refused past 90%"), "{stderr}");
    // workers still drain the queue
    let pipeline = env.write(
        "drain.yaml",
        "pipeline: d\nqueue: guarded\nsteps:\n  - noop: {}\n",
    );
    let (code, _, stderr) = env.fleetq(&["worker", pipeline.to_str().unwrap(), "--burst"]);
    assert_eq!(code, 0, "{stderr}");
    let shown = crate::support::json(&crate::support::ok(&env, &["jobs", "show", &id, "--json"]));
    assert_eq!(shown["state"], "done");
    // once there is room again, enqueues go through
    env.redis.config_set("maxmemory", "0");
    env.test(&["enqueue", "guarded", "--data", "{}"])
        .code(0)
        .run();
    env.test(&["enqueue", "guarded", "--data", "{}"])
        .env("FLEETQ_MEMORY_GUARD", "ninety")
        .code(2)
        .stderr_has("FLEETQ_MEMORY_GUARD: `ninety` is not a share")
        .run();
}
