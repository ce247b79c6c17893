//! The memory guard. A Redis at `maxmemory` refuses writes, and then workers cannot ack: the
//! queue jams. So enqueues stop first, once `used_memory` passes a share of `maxmemory`
//! (`memory_guard`, default 90%), and workers keep the room they need to drain.

use super::RedisBackend;
use crate::runtime::backend::{BackendResult, MemoryUsage};
use crate::runtime::error::BackendError;
use std::time::{Duration, Instant};

/// How long one reading of INFO memory stands in for the next (a bulk enqueue checks once a
/// second, not once a batch).
const FRESH_FOR: Duration = Duration::from_secs(1);

/// `used_memory`, `maxmemory` and `maxmemory_policy` from `INFO memory` text.
pub fn parse_memory(info: &str) -> MemoryUsage {
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .map(str::trim)
    };
    let number = |name: &str| {
        field(name)
            .and_then(|value| value.parse().ok())
            .unwrap_or(0)
    };
    MemoryUsage {
        used_bytes: number("used_memory"),
        max_bytes: number("maxmemory"),
        policy: field("maxmemory_policy")
            .unwrap_or("noeviction")
            .to_string(),
        guard: 0.0,
    }
}

/// The fullest of several servers' memory (a cluster's masters): a queue on that node jams
/// first. Any node that may evict makes the whole cluster's policy unsafe.
pub fn fullest(infos: &[String]) -> MemoryUsage {
    let share = |usage: &MemoryUsage| {
        if usage.max_bytes == 0 {
            0.0
        } else {
            usage.used_bytes as f64 / usage.max_bytes as f64
        }
    };
    let readings: Vec<MemoryUsage> = infos.iter().map(|info| parse_memory(info)).collect();
    let evicting = readings
        .iter()
        .find(|usage| usage.policy != "noeviction")
        .map(|usage| usage.policy.clone());
    let mut fullest = readings
        .into_iter()
        .reduce(|a, b| if share(&b) > share(&a) { b } else { a })
        .unwrap_or_else(|| parse_memory(""));
    if let Some(policy) = evicting {
        fullest.policy = policy;
    }
    fullest
}

/// Says so, loudly, when Redis may evict keys: jobs could vanish without a trace.
pub fn warn_on_eviction(usage: &MemoryUsage, backend: &str) {
    if usage.policy != "noeviction" {
        tracing::warn!(
            %backend,
            policy = %usage.policy,
            "Redis maxmemory-policy is not noeviction: at maxmemory Redis may evict jobs silently; set it with CONFIG SET maxmemory-policy noeviction"
        );
    }
}

impl RedisBackend {
    pub(super) async fn read_memory(&self) -> BackendResult<MemoryUsage> {
        let mut connection = self.connection();
        let infos =
            super::link::on_every_master(&mut connection, redis::cmd("INFO").arg("memory").clone())
                .await
                .map_err(|error| self.map(error))?;
        let usage = self.usage_of(&infos);
        if let Ok(mut last) = self.memory.lock() {
            *last = Some((Instant::now(), usage.clone()));
        }
        Ok(usage)
    }

    /// The memory in INFO replies (one per master), with this backend's guard.
    pub(super) fn usage_of(&self, infos: &[String]) -> MemoryUsage {
        let mut usage = fullest(infos);
        usage.guard = self.memory_guard;
        usage
    }

    /// Refuses an enqueue while Redis is past the guard's share of maxmemory.
    pub(super) async fn guard_memory(&self) -> BackendResult<()> {
        if self.memory_guard >= 1.0 {
            return Ok(());
        }
        let cached = self
            .memory
            .lock()
            .ok()
            .and_then(|last| last.clone())
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, usage)| usage);
        let usage = match cached {
            Some(usage) => usage,
            None => self.read_memory().await?,
        };
        if usage.max_bytes == 0
            || (usage.used_bytes as f64) < self.memory_guard * usage.max_bytes as f64
        {
            return Ok(());
        }
        Err(BackendError::MemoryGuard {
            backend: self.target.display.clone(),
            detail: format!(
                "it uses {} of maxmemory {} ({:.0}%), past the {:.0}% guard, so new jobs are refused while workers drain",
                mebibytes(usage.used_bytes),
                mebibytes(usage.max_bytes),
                100.0 * usage.used_bytes as f64 / usage.max_bytes as f64,
                100.0 * self.memory_guard
            ),
            hint: Some(
                "workers still take, finish and ack jobs, which frees room; to accept more now, raise maxmemory (CONFIG SET maxmemory), keep fewer done jobs (fleetq queues set Q --retain-done N), or raise memory_guard (FLEETQ_MEMORY_GUARD=95%)".into(),
            ),
        })
    }
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
