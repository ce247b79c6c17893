//! The Lua scripts, loaded from `scripts/*.lua` at compile time.

use redis::Script;
use std::sync::LazyLock;

pub struct Scripts {
    pub enqueue: Script,
    pub dequeue: Script,
    pub ack: Script,
    pub fail: Script,
    pub extend: Script,
    pub release: Script,
    pub reap: Script,
    pub cancel: Script,
    pub retry: Script,
    pub stats: Script,
}

impl Scripts {
    pub fn all(&self) -> [&Script; 10] {
        [
            &self.enqueue,
            &self.dequeue,
            &self.ack,
            &self.fail,
            &self.extend,
            &self.release,
            &self.reap,
            &self.cancel,
            &self.retry,
            &self.stats,
        ]
    }
}

pub static SCRIPTS: LazyLock<Scripts> = LazyLock::new(|| Scripts {
    enqueue: Script::new(include_str!("scripts/enqueue.lua")),
    dequeue: Script::new(include_str!("scripts/dequeue.lua")),
    ack: Script::new(include_str!("scripts/ack.lua")),
    fail: Script::new(include_str!("scripts/fail.lua")),
    extend: Script::new(include_str!("scripts/extend.lua")),
    release: Script::new(include_str!("scripts/release.lua")),
    reap: Script::new(include_str!("scripts/reap.lua")),
    cancel: Script::new(include_str!("scripts/cancel.lua")),
    retry: Script::new(include_str!("scripts/retry.lua")),
    stats: Script::new(include_str!("scripts/stats.lua")),
});
