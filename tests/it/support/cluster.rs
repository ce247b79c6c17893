//! A real local Redis Cluster (`cluster-enabled yes` nodes joined by `redis-cli --cluster
//! create`): one shared by every behaviour test on `Kind::Cluster` (each test has its own key
//! prefix), and private ones for the tests that reshard it or kill a master.

use super::{free_port, wait_until, which};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

fn program(name: &str) -> PathBuf {
    which(name).unwrap_or_else(|| {
        panic!(
            "{name} is not installed: the Cluster tests run a real local cluster. Install \
             redis-server (apt-get install redis-server; .ci/run does this) and run the tests again."
        )
    })
}

/// One node of a cluster.
pub struct Node {
    pub port: u16,
    child: Option<Child>,
}

/// A cluster of real redis-server processes, SIGKILLed when dropped.
pub struct TestCluster {
    pub nodes: Vec<Node>,
    directory: tempfile::TempDir,
}

/// A port for a node whose cluster bus port (port + 10000) is free too.
fn node_port() -> u16 {
    loop {
        let port = free_port();
        if port < 55_000 && std::net::TcpListener::bind(("127.0.0.1", port + 10_000)).is_ok() {
            return port;
        }
    }
}

fn spawn_node(directory: &Path, port: u16, node_timeout_ms: u64) -> Child {
    let data = directory.join(format!("node-{port}"));
    std::fs::create_dir_all(&data).unwrap();
    let mut command = Command::new(program("redis-server"));
    command
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--cluster-enabled", "yes", "--cluster-config-file"])
        .arg(data.join("nodes.conf"))
        .args(["--cluster-node-timeout", &node_timeout_ms.to_string()])
        .args(["--save", "", "--appendonly", "no", "--dir"])
        .arg(&data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // the shared cluster outlives every test; the nodes die with the test process (with the
    // thread that started them, which never ends), never left running
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    command.spawn().expect("start a cluster node")
}

pub fn node_connection(port: u16) -> Option<redis::Connection> {
    redis::Client::open(format!("redis://127.0.0.1:{port}"))
        .ok()?
        .get_connection_with_timeout(Duration::from_secs(1))
        .ok()
}

fn cluster_info(port: u16) -> Option<String> {
    redis::cmd("CLUSTER")
        .arg("INFO")
        .query::<String>(&mut node_connection(port)?)
        .ok()
}

impl TestCluster {
    /// `masters` masters, each with `replicas` replicas, all slots assigned and every node
    /// agreeing the cluster is up.
    pub fn start(masters: usize, replicas: usize, node_timeout_ms: u64) -> TestCluster {
        let directory = tempfile::tempdir().expect("temp dir");
        let count = masters * (1 + replicas);
        let nodes: Vec<Node> = (0..count)
            .map(|_| {
                let port = node_port();
                Node {
                    port,
                    child: Some(spawn_node(directory.path(), port, node_timeout_ms)),
                }
            })
            .collect();
        for node in &nodes {
            wait_until(
                "a cluster node accepts connections",
                Duration::from_secs(10),
                || node_connection(node.port).is_some(),
            );
        }
        let output = Command::new(program("redis-cli"))
            .arg("--cluster")
            .arg("create")
            .args(nodes.iter().map(|node| format!("127.0.0.1:{}", node.port)))
            .args(["--cluster-replicas", &replicas.to_string(), "--cluster-yes"])
            .stdin(Stdio::null())
            .output()
            .expect("run redis-cli --cluster create");
        assert!(
            output.status.success(),
            "redis-cli --cluster create failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let cluster = TestCluster { nodes, directory };
        cluster.wait_settled();
        cluster
    }

    /// Waits until every live node says the cluster is up with all slots served.
    pub fn wait_settled(&self) {
        wait_until(
            "the cluster is up on every node",
            Duration::from_secs(30),
            || {
                self.nodes
                    .iter()
                    .filter(|node| node.child.is_some())
                    .all(|node| {
                        cluster_info(node.port).is_some_and(|info| {
                            info.contains("cluster_state:ok")
                                && info.contains("cluster_slots_ok:16384")
                        })
                    })
            },
        );
    }

    pub fn url(&self) -> String {
        let hosts: Vec<String> = self
            .nodes
            .iter()
            .map(|node| format!("127.0.0.1:{}", node.port))
            .collect();
        format!("redis+cluster://{}", hosts.join(","))
    }

    /// The port of the master that serves `key`'s slot now.
    pub fn master_of(&self, key: &str) -> u16 {
        let port = self.live_port();
        let mut connection = node_connection(port).expect("a live node");
        let slot: u16 = redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(key)
            .query(&mut connection)
            .unwrap();
        self.owner_of_slot(slot)
    }

    /// The port of the master serving `slot`, as a live node's CLUSTER SLOTS says.
    pub fn owner_of_slot(&self, slot: u16) -> u16 {
        let mut connection = node_connection(self.live_port()).expect("a live node");
        let ranges: Vec<redis::Value> = redis::cmd("CLUSTER")
            .arg("SLOTS")
            .query(&mut connection)
            .unwrap();
        for range in ranges {
            let redis::Value::Array(parts) = range else {
                continue;
            };
            let number = |value: &redis::Value| match value {
                redis::Value::Int(number) => *number,
                _ => -1,
            };
            if (number(&parts[0])..=number(&parts[1])).contains(&(slot as i64))
                && let redis::Value::Array(master) = &parts[2]
            {
                return number(&master[1]) as u16;
            }
        }
        panic!("no master serves slot {slot}")
    }

    /// The node id of the node on `port`.
    pub fn node_id(&self, port: u16) -> String {
        redis::cmd("CLUSTER")
            .arg("MYID")
            .query(&mut node_connection(port).expect("a live node"))
            .unwrap()
    }

    fn live_port(&self) -> u16 {
        self.nodes
            .iter()
            .find(|node| node.child.is_some() && node_connection(node.port).is_some())
            .expect("a live node")
            .port
    }

    /// SIGKILLs the node on `port`.
    pub fn kill(&mut self, port: u16) {
        if let Some(node) = self.nodes.iter_mut().find(|node| node.port == port)
            && let Some(mut child) = node.child.take()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// A plain connection to the master that holds `key`, for checks against the store.
    pub fn connection_for(&self, key: &str) -> redis::Connection {
        node_connection(self.master_of(key)).expect("the key's master answers")
    }

    pub fn directory(&self) -> &Path {
        self.directory.path()
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        for node in &mut self.nodes {
            if let Some(mut child) = node.child.take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// The cluster every `Kind::Cluster` behaviour test shares: three masters, started once per
/// test run from a thread that lives as long as the run.
pub fn shared() -> &'static TestCluster {
    static SHARED: OnceLock<&'static TestCluster> = OnceLock::new();
    SHARED.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // a long node timeout: on a loaded CI machine a slow node must never be judged
            // failed (with no replicas that would take the whole cluster down mid-test)
            let cluster: &'static TestCluster =
                Box::leak(Box::new(TestCluster::start(3, 0, 15_000)));
            sender.send(cluster).unwrap();
            loop {
                std::thread::park();
            }
        });
        receiver.recv().expect("the shared cluster started")
    })
}
