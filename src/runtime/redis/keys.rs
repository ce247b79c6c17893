//! The only place that builds Redis key names. Every key of one queue shares the hash tag
//! `{queue}`, so all of a queue's keys live in one cluster slot and its scripts stay atomic.

/// Keys of one queue: `<prefix>:{<queue>}:<part>`.
#[derive(Debug, Clone)]
pub struct QueueKeys {
    base: String,
}

impl QueueKeys {
    pub fn new(prefix: &str, queue: &str) -> QueueKeys {
        QueueKeys {
            base: format!("{prefix}:{{{queue}}}"),
        }
    }

    fn part(&self, name: &str) -> String {
        format!("{}:{name}", self.base)
    }

    pub fn meta(&self) -> String {
        self.part("meta")
    }

    /// Scripts append a job id to this prefix; keeping it here keeps the format in one file.
    pub fn job_prefix(&self) -> String {
        self.part("job:")
    }

    pub fn job(&self, id: &str) -> String {
        format!("{}{id}", self.job_prefix())
    }

    /// Scripts append a priority level (0–9) to this prefix.
    pub fn ready_prefix(&self) -> String {
        self.part("ready:")
    }

    pub fn ready(&self, level: u8) -> String {
        format!("{}{level}", self.ready_prefix())
    }

    /// A fair queue's rotations and session lists: scripts append a level (the level's
    /// rotation ZSET), then `:` and a session (that session's jobs waiting at the level).
    pub fn fair_prefix(&self) -> String {
        self.part("fair:")
    }

    pub fn fair_rotation(&self, level: u8) -> String {
        format!("{}{level}", self.fair_prefix())
    }

    pub fn fair_list(&self, level: u8, session: &str) -> String {
        format!("{}{level}:{session}", self.fair_prefix())
    }

    /// Fleet-wide rate budgets of the queue's steps: field = step name, value = the next
    /// theoretical start in µs.
    pub fn rates(&self) -> String {
        self.part("rates")
    }

    pub fn delayed(&self) -> String {
        self.part("delayed")
    }

    pub fn leased(&self) -> String {
        self.part("leased")
    }

    /// The done index of versions before the done list (a ZSET, id → finished ms). Scripts
    /// still read and trim it, ahead of the list, until it drains.
    pub fn done(&self) -> String {
        self.part("done")
    }

    /// Done jobs in the order they finished: a LIST of `<finished_at ms> <id>` entries (an
    /// RPUSH per ack batch costs a quarter of a ZADD into a large sorted set).
    pub fn done_list(&self) -> String {
        self.part("done:list")
    }

    pub fn dead(&self) -> String {
        self.part("dead")
    }

    /// Cancelled jobs by when they were cancelled, trimmed like done ones.
    pub fn cancelled(&self) -> String {
        self.part("cancelled")
    }

    /// Scripts append the unique key to this prefix.
    pub fn unique_prefix(&self) -> String {
        self.part("unique:")
    }

    pub fn stats(&self) -> String {
        self.part("stats")
    }

    /// Completions per time bucket, for the throughput windows.
    pub fn throughput(&self) -> String {
        self.part("stats:m")
    }

    pub fn wake(&self) -> String {
        self.part("wake")
    }

    /// One idle worker's own wake set, waited on beside `wake`: a write to it ends that
    /// worker's wait alone (see `RedisDoorbell::run`). Exists only for that moment.
    pub fn poke(&self, doorbell: &str) -> String {
        self.part(&format!("poke:{doorbell}"))
    }

    /// Workers of this queue, scored by their last heartbeat in server time.
    pub fn workers(&self) -> String {
        self.part("workers")
    }

    /// The queue's bounded event stream (`fleetq events tail`).
    pub fn events(&self) -> String {
        self.part("events")
    }

    /// The queue's sessions, scored by last activity.
    pub fn sessions(&self) -> String {
        self.part("sessions")
    }

    /// Scripts append a session name to this prefix for its HASH (status, times), and
    /// `session_jobs_suffix` after it for the SET of its job ids.
    pub fn session_prefix(&self) -> String {
        self.part("session:")
    }

    pub fn session(&self, session: &str) -> String {
        format!("{}{session}", self.session_prefix())
    }

    pub fn session_jobs(&self, session: &str) -> String {
        format!("{}{SESSION_JOBS_SUFFIX}", self.session(session))
    }

    pub fn reaper_lock(&self) -> String {
        self.part("reaper")
    }

    /// A SCAN pattern for every key of the queue (queue names are validated to hold no
    /// glob characters).
    pub fn pattern(&self) -> String {
        format!("{}:*", self.base)
    }
}

/// Ends the key of a session's job-id SET; session names hold no `:`, so no session's hash
/// key can end this way.
pub const SESSION_JOBS_SUFFIX: &str = ":jobs";

/// The set of known queue names.
pub fn queues(prefix: &str) -> String {
    format!("{prefix}:queues")
}

/// The fleet registry: worker ids scored by last heartbeat.
pub fn workers(prefix: &str) -> String {
    format!("{prefix}:workers")
}

pub fn worker(prefix: &str, id: &str) -> String {
    format!("{prefix}:worker:{id}")
}

/// The control command stored for one worker.
pub fn control(prefix: &str, id: &str) -> String {
    format!("{prefix}:control:{id}")
}

/// The pub/sub channel control commands are announced on.
pub fn control_channel(prefix: &str) -> String {
    format!("{prefix}:control")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_keys_share_one_hash_tag() {
        let keys = QueueKeys::new("fleetq", "emails");
        assert_eq!(keys.job("abc"), "fleetq:{emails}:job:abc");
        assert_eq!(keys.ready(3), "fleetq:{emails}:ready:3");
        for key in [
            keys.meta(),
            keys.delayed(),
            keys.leased(),
            keys.wake(),
            keys.poke("d1"),
            keys.stats(),
        ] {
            assert!(key.starts_with("fleetq:{emails}:"), "{key}");
        }
    }
}
