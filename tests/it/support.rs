//! Test support: a real redis-server per test on a unix socket in a temp dir, a key prefix per
//! test, the fleetq binary with a clean environment, and condition waits with deadlines.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fleetq::runtime::backend::Backend;
use fleetq::runtime::config::TlsFiles;
use fleetq::runtime::redis::{ConnectOptions, RedisBackend};

/// The test servers speak plain Redis.
static NO_TLS: TlsFiles = TlsFiles {
    ca: None,
    cert: None,
    key: None,
};

pub mod cluster;
pub mod producer;

/// A private redis-server, killed when dropped.
pub struct TestRedis {
    child: Child,
    /// False once `stop` reaped the server: its pid may then belong to any other process (pids
    /// wrap at 32,768 here), so no signal goes to it. A stale SIGCONT once thawed another
    /// test's frozen server.
    running: bool,
    pub socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl TestRedis {
    pub fn start() -> TestRedis {
        TestRedis::start_with(&[])
    }

    /// A server with extra redis-server arguments (TLS ports, ACL files, …).
    pub fn start_with(extra: &[String]) -> TestRedis {
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = dir.path().join("redis.sock");
        let child = spawn_server(dir.path(), &socket, extra);
        let redis = TestRedis {
            child,
            running: true,
            socket,
            _dir: dir,
        };
        redis.wait_ready();
        redis
    }

    /// Stops the server and starts a fresh, empty one on the same socket (a Redis restart).
    pub fn restart(&mut self) {
        self.stop();
        self.child = spawn_server(self._dir.path(), &self.socket, &[]);
        self.running = true;
        self.wait_ready();
    }

    /// SIGKILLs the server (it stays down until `start_again`).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.running = false;
        let _ = std::fs::remove_file(&self.socket);
    }

    /// Starts the server again on the same socket and directory (loading `dump.rdb` if one
    /// was saved there) and returns as soon as it accepts connections, loaded or not.
    pub fn start_again(&mut self, extra: &[String]) {
        self.child = spawn_server(self._dir.path(), &self.socket, extra);
        self.running = true;
        wait_until(
            "redis-server accepts connections",
            Duration::from_secs(10),
            || std::os::unix::net::UnixStream::connect(&self.socket).is_ok(),
        );
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// SIGSTOP: the server freezes with its connections open, as in a long stall.
    pub fn freeze(&self) {
        self.send(libc::SIGSTOP);
    }

    pub fn thaw(&self) {
        self.send(libc::SIGCONT);
    }

    fn send(&self, signal: i32) {
        if self.running {
            unsafe {
                libc::kill(self.pid(), signal);
            }
        }
    }

    fn wait_ready(&self) {
        let client = redis::Client::open(self.url()).expect("client");
        wait_until(
            "redis-server accepts connections",
            Duration::from_secs(10),
            || {
                client
                    .get_connection()
                    .and_then(|mut connection| redis::cmd("PING").query::<String>(&mut connection))
                    .is_ok()
            },
        );
    }

    /// `CONFIG SET name value` on this server (maxmemory, replication, …).
    pub fn config_set(&self, name: &str, value: &str) {
        redis::cmd("CONFIG")
            .arg("SET")
            .arg(name)
            .arg(value)
            .query::<()>(&mut self.connection())
            .unwrap();
    }

    /// Sets maxmemory to what the server uses now plus `headroom` bytes, with noeviction:
    /// writes past that are refused with OOM.
    pub fn limit_memory(&self, headroom: u64) {
        let used = self.used_memory();
        self.config_set("maxmemory", &(used + headroom).to_string());
        self.config_set("maxmemory-policy", "noeviction");
    }

    /// The server's `used_memory`, in bytes.
    pub fn used_memory(&self) -> u64 {
        let info: String = redis::cmd("INFO")
            .arg("memory")
            .query(&mut self.connection())
            .unwrap();
        info.lines()
            .find_map(|line| line.strip_prefix("used_memory:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    pub fn url(&self) -> String {
        format!("redis+unix://{}", self.socket.display())
    }

    pub fn connection(&self) -> redis::Connection {
        redis::Client::open(self.url())
            .expect("client")
            .get_connection()
            .expect("connection")
    }
}

impl Drop for TestRedis {
    fn drop(&mut self) {
        if self.running {
            self.thaw();
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn spawn_server(directory: &Path, socket: &Path, extra: &[String]) -> Child {
    let binary = which("redis-server").unwrap_or_else(|| {
        panic!(
            "redis-server is not installed: fleetq's integration tests run against a real Redis. \
             Install it (apt-get install redis-server; .ci/run does this) and run the tests again."
        )
    });
    Command::new(binary)
        .args(["--port", "0", "--unixsocket"])
        .arg(socket)
        .args([
            "--unixsocketperm",
            "700",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
        ])
        .arg(directory)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start redis-server")
}

/// A TCP port on 127.0.0.1 nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|directory| directory.join(program))
        .find(|candidate| candidate.is_file())
}

/// Polls `condition` until it holds; panics naming `what` after `limit`.
pub fn wait_until(what: &str, limit: Duration, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !condition() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Instantiates each behaviour test, an `async fn(Kind)`, once per backend.
macro_rules! on_every_backend {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn redis() {
                super::$test(crate::support::Kind::Redis).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn local() {
                super::$test(crate::support::Kind::Local).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn cluster() {
                super::$test(crate::support::Kind::Cluster).await
            }
        }
    )*};
}
pub(crate) use on_every_backend;

/// The same for process tests, plain `fn(Kind)`.
macro_rules! on_every_backend_sync {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[test]
            fn redis() {
                super::$test(crate::support::Kind::Redis)
            }
            #[test]
            fn local() {
                super::$test(crate::support::Kind::Local)
            }
            #[test]
            fn cluster() {
                super::$test(crate::support::Kind::Cluster)
            }
        }
    )*};
}
pub(crate) use on_every_backend_sync;

/// The backends every behaviour test runs against: a private standalone Redis, the local
/// store, and the shared three-master cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Redis,
    Local,
    Cluster,
}

/// One test's world: its Redis, its key prefix and a scratch directory.
pub struct TestEnv {
    pub redis: TestRedis,
    pub prefix: String,
    pub dir: tempfile::TempDir,
    /// Which backend `command()` points fleetq at.
    pub kind: Kind,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv::on(Kind::Redis)
    }

    /// A world whose fleetq commands use the backend of `kind`.
    pub fn on(kind: Kind) -> TestEnv {
        TestEnv::with_redis(TestRedis::start(), kind)
    }

    /// A world around a Redis started with particular arguments (persistence, TLS, …).
    pub fn with_redis(redis: TestRedis, kind: Kind) -> TestEnv {
        TestEnv {
            redis,
            prefix: format!("t{}", &uuid::Uuid::new_v4().simple().to_string()[..10]),
            dir: tempfile::tempdir().expect("temp dir"),
            kind,
        }
    }

    /// The backend URL fleetq commands get.
    pub fn backend_url(&self) -> String {
        match self.kind {
            Kind::Redis => self.redis.url(),
            Kind::Local => format!("local:{}", self.path("store/fleetq.db").display()),
            Kind::Cluster => cluster::shared().url(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write test file");
        path
    }

    /// The fleetq binary with this test's backend and prefix and nothing from the machine.
    pub fn command(&self) -> Command {
        let mut command = Command::new(binary());
        configure(
            &mut command,
            self.dir.path(),
            &self.backend_url(),
            &self.prefix,
        );
        command
    }

    /// Runs fleetq with these arguments to completion: (exit code, stdout, stderr).
    pub fn fleetq(&self, arguments: &[&str]) -> (i32, String, String) {
        let mut command = self.command();
        command.args(arguments);
        run(command)
    }

    /// A plain connection to the server that holds `queue`'s keys: the private Redis, or the
    /// cluster master of the queue's slot.
    pub fn queue_connection(&self, queue: &str) -> redis::Connection {
        match self.kind {
            Kind::Cluster => cluster::shared().connection_for(&self.key(queue, "meta")),
            _ => self.redis.connection(),
        }
    }

    pub fn key(&self, queue: &str, part: &str) -> String {
        format!("{}:{{{queue}}}:{part}", self.prefix)
    }

    /// This test's backend of `kind`: its private Redis, or the store in its scratch directory
    /// (the same one `command()` uses on a local world).
    pub async fn backend_for(&self, kind: Kind) -> Arc<dyn Backend> {
        match kind {
            Kind::Redis => self.backend().await,
            Kind::Cluster => Arc::new(
                RedisBackend::connect_cluster(&cluster::shared().url(), &self.connect_options())
                    .await
                    .expect("connect to the test cluster"),
            ),
            Kind::Local => Arc::new(
                fleetq::runtime::local::LocalBackend::open(&self.path("store/fleetq.db"))
                    .await
                    .expect("open the test store"),
            ),
        }
    }

    pub async fn backend(&self) -> Arc<dyn Backend> {
        Arc::new(
            RedisBackend::connect(
                &self.redis.url(),
                &self.redis.url(),
                &self.connect_options(),
            )
            .await
            .expect("connect to the test redis"),
        )
    }

    /// How the in-process backends reach this test's servers.
    pub fn connect_options(&self) -> ConnectOptions<'_> {
        ConnectOptions {
            prefix: &self.prefix,
            connect_timeout: Duration::from_secs(5),
            command_timeout: Duration::from_secs(10),
            tls: &NO_TLS,
        }
    }
}

/// The fleetq under test; FLEETQ_TEST_BINARY points the process tests at another build (an
/// older release, to show a test fails without its fix).
pub fn binary() -> PathBuf {
    std::env::var_os("FLEETQ_TEST_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_fleetq")))
}

pub fn configure(command: &mut Command, directory: &Path, backend: &str, prefix: &str) {
    command
        .current_dir(directory)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", directory)
        .env("XDG_CONFIG_HOME", directory.join("config"))
        .env("FLEETQ_BACKEND", backend)
        .env("FLEETQ_PREFIX", prefix)
        .env("NO_COLOR", "1");
}

/// Runs a command to completion and returns (exit code, stdout, stderr).
pub fn run(mut command: Command) -> (i32, String, String) {
    let output = command.output().expect("run fleetq");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Insta filters for values that change every run: ids, times, durations, temp paths.
pub fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[ID]",
        ),
        (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", "[TIME]"),
        (r"redis\+unix://\S+?redis\.sock", "[BACKEND]"),
        (r"local:\S+?fleetq\.db", "[BACKEND]"),
        (r"redis\+cluster://[0-9.:,]+", "[BACKEND]"),
        (r"\b\d+(\.\d+)?(ms|s)\b", "[AGE]"),
        (
            r#""(created_at|run_at|started_at|finished_at|lease_deadline|at|oldest_pending_age_ms|next_delayed_at|next_due_at)": \d+"#,
            r#""$1": [MS]"#,
        ),
        (
            r#""(throughput_1m|throughput_5m)": [0-9.]+"#,
            r#""$1": [RATE]"#,
        ),
        (r"worker=\S+", "worker=[WORKER]"),
        (r"\d+(\.\d+)? MiB", "[MIB]"),
        (r#""(used_bytes|max_bytes)": \d+"#, r#""$1": [BYTES]"#),
        // column widths follow the filtered values; fold runs of spaces so alignment is stable
        (r"(\S) {2,}", "$1  "),
    ]
}

/// The index check for `kind`. The local store keeps one row per job with its state in a
/// column, so there every job is in exactly one place by construction.
pub fn assert_consistent_on(env: &TestEnv, kind: Kind, queue: &str) {
    if kind != Kind::Local {
        assert_consistent(env, queue);
    }
}

/// The ids the queue's done index holds: the done list (`<finished_at> <id>` entries) and the
/// sorted set earlier versions kept.
pub fn done_ids(env: &TestEnv, queue: &str) -> Vec<String> {
    let mut connection = env.queue_connection(queue);
    let entries: Vec<String> =
        redis::Commands::lrange(&mut connection, env.key(queue, "done:list"), 0, -1).unwrap();
    let mut ids: Vec<String> = entries
        .iter()
        .map(|entry| {
            let (finished_at, id) = entry.split_once(' ').expect("a done entry holds a space");
            assert!(finished_at.parse::<u64>().is_ok(), "done entry {entry:?}");
            id.to_string()
        })
        .collect();
    ids.extend(
        redis::Commands::zrange::<_, Vec<String>>(&mut connection, env.key(queue, "done"), 0, -1)
            .unwrap(),
    );
    ids
}

/// Checks that every job of `queue` sits in exactly the index its state says, and that no
/// index holds an id without a job.
pub fn assert_consistent(env: &TestEnv, queue: &str) {
    let mut connection = env.queue_connection(queue);
    let job_prefix = env.key(queue, "job:");
    let ids: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{job_prefix}*"))
        .query::<Vec<String>>(&mut connection)
        .unwrap()
        .into_iter()
        .map(|key| key[job_prefix.len()..].to_string())
        .collect();
    let mut ready: Vec<String> = Vec::new();
    for level in 0..=9 {
        ready.extend(
            redis::Commands::lrange::<_, Vec<String>>(
                &mut connection,
                env.key(queue, &format!("ready:{level}")),
                0,
                -1,
            )
            .unwrap(),
        );
    }
    // a fair queue's jobs of a session wait in that session's list at their level, and a list
    // with jobs must have a turn in its level's rotation, or its jobs would be stuck
    let fair_prefix = env.key(queue, "fair:");
    let fair_keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{fair_prefix}*:*"))
        .query(&mut connection)
        .unwrap();
    for list in fair_keys {
        let jobs: Vec<String> = redis::Commands::lrange(&mut connection, &list, 0, -1).unwrap();
        let (level, session) = list[fair_prefix.len()..].split_once(':').unwrap();
        let turn: Option<f64> =
            redis::Commands::zscore(&mut connection, format!("{fair_prefix}{level}"), session)
                .unwrap();
        assert!(
            jobs.is_empty() || turn.is_some(),
            "{list} holds {} jobs but has no turn",
            jobs.len()
        );
        ready.extend(jobs);
    }
    let set = |name: &str, connection: &mut redis::Connection| -> Vec<String> {
        redis::Commands::zrange(connection, env.key(queue, name), 0, -1).unwrap()
    };
    let (delayed, leased, done, dead, cancelled) = (
        set("delayed", &mut connection),
        set("leased", &mut connection),
        done_ids(env, queue),
        set("dead", &mut connection),
        set("cancelled", &mut connection),
    );
    for id in &ids {
        let state: String =
            redis::Commands::hget(&mut connection, format!("{job_prefix}{id}"), "state").unwrap();
        let places = [
            ("pending", ready.contains(id)),
            ("delayed", delayed.contains(id)),
            ("active", leased.contains(id)),
            ("done", done.contains(id)),
            ("dead", dead.contains(id)),
            ("cancelled", cancelled.contains(id)),
        ];
        let found: Vec<&str> = places
            .iter()
            .filter(|(_, here)| *here)
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(
            found,
            vec![state.as_str()],
            "job {id} in state {state} sits in {found:?}"
        );
    }
    for id in ready
        .iter()
        .chain(&delayed)
        .chain(&leased)
        .chain(&done)
        .chain(&dead)
        .chain(&cancelled)
    {
        assert!(ids.contains(id), "an index holds {id}, which has no job");
    }
}

/// Parses JSON output, showing the text when it is not JSON.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("not JSON ({error}): {text}"))
}

/// Runs fleetq, expecting success, and returns its stdout.
pub fn ok(env: &TestEnv, arguments: &[&str]) -> String {
    let (code, stdout, stderr) = env.fleetq(arguments);
    assert_eq!(code, 0, "fleetq {arguments:?} failed: {stderr}");
    stdout
}

pub fn enqueue(env: &TestEnv, queue: &str) -> String {
    let (code, stdout, stderr) = env.fleetq(&["enqueue", queue, "--data", r#"{"n": 1}"#]);
    assert_eq!(code, 0, "{stderr}");
    stdout.trim().rsplit('/').next().unwrap().to_string()
}

/// A worker process that is killed when dropped, so a failing test leaves no worker behind.
pub struct Spawned(pub Child);

impl std::ops::Deref for Spawned {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Spawned {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

pub fn start_worker(env: &TestEnv, pipeline: &Path, extra: &[&str]) -> Spawned {
    let mut command = env.command();
    command
        .arg("worker")
        .arg(pipeline)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    Spawned(command.spawn().unwrap())
}

/// Sends `signal` to a child that is still running. One already exited is reaped here and
/// not signalled: its pid may belong to another process by now.
pub fn signal(child: &mut Child, signal: i32) {
    if let Ok(None) = child.try_wait() {
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
    }
}

/// Waits for the process to exit on its own, failing the test after `limit`.
pub fn wait_exit(child: &mut Child, limit: Duration) -> i32 {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the worker did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Reads the worker's stderr until it logs `needle`, so the next signal is not coalesced
/// with the previous one.
pub fn wait_for_stderr(child: &mut Child, needle: &str) {
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = String::new();
    wait_until(
        &format!("the worker logs `{needle}`"),
        Duration::from_secs(10),
        || {
            let mut chunk = [0u8; 4096];
            let read = std::io::Read::read(&mut stderr, &mut chunk).unwrap_or(0);
            seen.push_str(&String::from_utf8_lossy(&chunk[..read]));
            seen.contains(needle)
        },
    );
}

/// Whether a process is still running; a zombie waiting for a parent that does not reap it
/// (PID 1 in some containers) counts as gone.
pub fn alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // the state follows the command name in parentheses
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with(['Z', 'X'])),
        Err(_) => false,
    }
}

/// Starts a worker whose stderr goes to a file (a test that never reads a pipe must not
/// block a worker that logs a lot); stdout is piped for the JSON report.
pub fn start_logged_worker(env: &TestEnv, pipeline: &Path, extra: &[&str], log: &Path) -> Spawned {
    let mut command = env.command();
    command
        .arg("worker")
        .arg(pipeline)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).unwrap());
    Spawned(command.spawn().unwrap())
}

/// One field of a queue's `stats --json`.
pub fn stat(env: &TestEnv, queue: &str, field: &str) -> u64 {
    let (code, stdout, stderr) = env.fleetq(&["stats", queue, "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let stats: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    stats["queues"][0][field].as_u64().unwrap_or_default()
}

/// Lines of a file that steps append to (empty when it does not exist yet).
pub fn lines_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// What one fleetq run did; asserted together, so a failure shows all three.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// The whole run as one snapshot: exit code, stdout, stderr, with run-specific values
    /// replaced by placeholders of the same width, so table alignment stays visible.
    pub fn snapshot(&self) -> String {
        let text = stable(&format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        ));
        text.lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

enum Expectation {
    Is(String),
    Has(String),
    Lacks(String),
}

impl Expectation {
    fn holds(&self, text: &str) -> bool {
        match self {
            Expectation::Is(expected) => text == expected,
            Expectation::Has(part) => text.contains(part.as_str()),
            Expectation::Lacks(part) => !text.contains(part.as_str()),
        }
    }

    fn describe(&self) -> String {
        match self {
            Expectation::Is(expected) => format!("to be {expected:?}"),
            Expectation::Has(part) => format!("to contain {part:?}"),
            Expectation::Lacks(part) => format!("not to contain {part:?}"),
        }
    }
}

/// One fleetq invocation under test, in the manner of just's `Test`: arguments, environment
/// and stdin in; the exit code, stdout and stderr it must produce, checked together.
pub struct Test<'a> {
    env: &'a TestEnv,
    arguments: Vec<String>,
    variables: Vec<(String, String)>,
    stdin: Option<PathBuf>,
    code: i32,
    stdout: Vec<Expectation>,
    stderr: Vec<Expectation>,
}

impl TestEnv {
    pub fn test(&self, arguments: &[&str]) -> Test<'_> {
        Test {
            env: self,
            arguments: arguments
                .iter()
                .map(|argument| argument.to_string())
                .collect(),
            variables: Vec::new(),
            stdin: None,
            code: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
        }
    }
}

impl Test<'_> {
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.variables.push((name.to_string(), value.to_string()));
        self
    }

    pub fn stdin(mut self, path: &Path) -> Self {
        self.stdin = Some(path.to_path_buf());
        self
    }

    pub fn code(mut self, code: i32) -> Self {
        self.code = code;
        self
    }

    pub fn stdout_is(mut self, text: &str) -> Self {
        self.stdout.push(Expectation::Is(text.to_string()));
        self
    }

    pub fn stdout_has(mut self, part: &str) -> Self {
        self.stdout.push(Expectation::Has(part.to_string()));
        self
    }

    pub fn stderr_is(mut self, text: &str) -> Self {
        self.stderr.push(Expectation::Is(text.to_string()));
        self
    }

    pub fn stderr_has(mut self, part: &str) -> Self {
        self.stderr.push(Expectation::Has(part.to_string()));
        self
    }

    pub fn stderr_lacks(mut self, part: &str) -> Self {
        self.stderr.push(Expectation::Lacks(part.to_string()));
        self
    }

    /// Runs fleetq and checks everything that was asked of it.
    pub fn run(self) -> Outcome {
        let mut command = self.env.command();
        command.args(&self.arguments);
        for (name, value) in &self.variables {
            command.env(name, value);
        }
        if let Some(path) = &self.stdin {
            command.stdin(std::fs::File::open(path).expect("stdin file"));
        }
        let (code, stdout, stderr) = run(command);
        let outcome = Outcome {
            code,
            stdout,
            stderr,
        };
        let mut failures = Vec::new();
        if outcome.code != self.code {
            failures.push(format!("exit code {} (wanted {})", outcome.code, self.code));
        }
        for (stream, text, expectations) in [
            ("stdout", &outcome.stdout, &self.stdout),
            ("stderr", &outcome.stderr, &self.stderr),
        ] {
            for expectation in expectations
                .iter()
                .filter(|expectation| !expectation.holds(text))
            {
                failures.push(format!("{stream} was expected {}", expectation.describe()));
            }
        }
        assert!(
            failures.is_empty(),
            "fleetq {:?}:\n  {}\n--- stdout\n{}--- stderr\n{}",
            self.arguments,
            failures.join("\n  "),
            outcome.stdout,
            outcome.stderr
        );
        outcome
    }
}

/// Replaces what changes from run to run (ids, times, temp paths) with a placeholder padded to
/// the same width, so columns stay where they were. Ages are the exception: their width
/// changes between runs (`8ms`, `12ms`), so an age and the padding after it become one
/// fixed-width cell.
pub fn stable(text: &str) -> String {
    static PATTERNS: std::sync::LazyLock<Vec<(regex::Regex, &'static str)>> =
        std::sync::LazyLock::new(|| {
            [
                (
                    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    "[ID]",
                ),
                (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", "[TIME]"),
                (r"redis\+unix://\S+?redis\.sock", "[BACKEND]"),
                (r"local:\S+?fleetq\.db", "[BACKEND]"),
                (r"redis\+cluster://[0-9.:,]+", "[BACKEND]"),
                (r"\d+(\.\d+)? MiB", "[MIB]"),
            ]
            .into_iter()
            .map(|(pattern, placeholder)| (regex::Regex::new(pattern).unwrap(), placeholder))
            .collect()
        });
    static AGE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\b\d+(\.\d+)?(ms|s)\b *").unwrap());
    static AGE_HEADER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bAGE {2,}").unwrap());
    // an age cell and the AGE header both become 8 wide, so the columns after them stay put
    let text = AGE.replace_all(text, "[AGE]   ");
    let mut text = AGE_HEADER.replace_all(&text, "AGE     ").into_owned();
    for (pattern, placeholder) in PATTERNS.iter() {
        text = pattern
            .replace_all(&text, |found: &regex::Captures| {
                let width = found[0].chars().count();
                format!("{placeholder:<width$}")
            })
            .into_owned();
    }
    text
}
