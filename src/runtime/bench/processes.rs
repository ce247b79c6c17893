//! `bench --workers N`: the worker side as N separate `fleetq worker` processes (this binary),
//! each on the bench queue, so a bench can measure a fleet rather than one process.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Fleet {
    children: Vec<Child>,
}

/// Where the worker processes find the backend: the same settings this process resolved.
pub struct Connection<'a> {
    pub backend: Option<&'a str>,
    pub prefix: &'a str,
}

impl Fleet {
    /// Starts `count` workers running `pipeline` on `queue`; `burst` ones exit once it is empty.
    pub fn start(
        count: usize,
        pipeline: &Path,
        queue: &str,
        concurrency: usize,
        burst: bool,
        connection: &Connection,
    ) -> anyhow::Result<Fleet> {
        let binary = std::env::current_exe()?;
        let mut children = Vec::with_capacity(count);
        for _ in 0..count {
            let mut command = Command::new(&binary);
            command
                .arg("worker")
                .arg(pipeline)
                .args(["--queue", queue, "--concurrency", &concurrency.to_string()])
                .args(["--quiet", "--output", "json"])
                .env("FLEETQ_PREFIX", connection.prefix)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit());
            if burst {
                command.args(["--burst", "--burst-wait", "1s"]);
            }
            // in the environment, not argv: a password in the URL stays out of `ps`
            if let Some(backend) = connection.backend {
                command.env("FLEETQ_BACKEND", backend);
            }
            children.push(command.spawn()?);
        }
        Ok(Fleet { children })
    }

    /// The most memory any of them has used so far.
    pub fn peak_rss_bytes(&self) -> Option<u64> {
        self.children
            .iter()
            .filter_map(|child| {
                let status =
                    std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok()?;
                let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
                Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? * 1024)
            })
            .max()
    }

    /// Waits for burst workers to exit by themselves (a failed one fails the bench), sampling
    /// their memory meanwhile; returns the largest peak RSS seen. Nothing here asks the
    /// backend anything, so the timed drain is the workers' alone.
    pub fn wait(mut self, limit: Duration) -> anyhow::Result<Option<u64>> {
        let deadline = Instant::now() + limit;
        let mut peak = None;
        let mut running = self.children.len();
        while running > 0 {
            peak = peak.max(self.peak_rss_bytes());
            running = 0;
            for child in &mut self.children {
                match child.try_wait()? {
                    Some(status) if !status.success() => {
                        anyhow::bail!("a bench worker process exited with {status}")
                    }
                    Some(_) => {}
                    None => running += 1,
                }
            }
            if Instant::now() > deadline {
                anyhow::bail!("bench worker processes still running after {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        self.children.clear();
        Ok(peak)
    }

    /// SIGTERM, then wait: the workers finish what they hold and exit.
    pub fn stop(mut self) -> anyhow::Result<()> {
        for child in &self.children {
            // SAFETY: kill only sends a signal to a child we started
            unsafe {
                libc::kill(child.id() as i32, libc::SIGTERM);
            }
        }
        for child in &mut self.children {
            child.wait()?;
        }
        self.children.clear();
        Ok(())
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
