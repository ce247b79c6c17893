//! The Lua scripts: `scripts/*.lua`, each joined with the shared prelude when first loaded.

use redis::Script;
use std::sync::LazyLock;

/// A script and the name errors use for it.
pub struct NamedScript {
    pub name: &'static str,
    pub script: Script,
}

pub struct Scripts {
    pub enqueue: NamedScript,
    pub dequeue: NamedScript,
    pub fail: NamedScript,
    pub beat: NamedScript,
    pub release: NamedScript,
    pub cancel: NamedScript,
    pub retry: NamedScript,
    pub delete_dead: NamedScript,
    pub clean: NamedScript,
    pub stats: NamedScript,
    pub session_counts: NamedScript,
    pub checkpoint: NamedScript,
    pub rate: NamedScript,
}

impl Scripts {
    pub fn all(&self) -> [&NamedScript; 13] {
        [
            &self.enqueue,
            &self.dequeue,
            &self.fail,
            &self.beat,
            &self.release,
            &self.cancel,
            &self.retry,
            &self.delete_dead,
            &self.clean,
            &self.stats,
            &self.session_counts,
            &self.checkpoint,
            &self.rate,
        ]
    }

    /// Redis 7 reads a script's flags (`allow-oom`, `no-writes`) from its `#!lua` line; older
    /// servers reject that line, so they get the scripts without it (and without the flags).
    /// A cluster's scripts first check their slot is not being resharded (`cluster.lua`).
    pub fn for_server(version: Option<(u32, u32)>, cluster: bool) -> &'static Scripts {
        let flags = !matches!(version, Some(version) if version < (7, 0));
        match (flags, cluster) {
            (true, false) => &WITH_FLAGS,
            (false, false) => &WITHOUT_FLAGS,
            (true, true) => &CLUSTER_WITH_FLAGS,
            (false, true) => &CLUSTER_WITHOUT_FLAGS,
        }
    }
}

const PRELUDE: &str = include_str!("scripts/prelude.lua");
const CLUSTER_GUARD: &str = include_str!("scripts/cluster.lua");

/// The script's `#!lua` line (kept first, or dropped), then on a cluster the resharding
/// guard, then the prelude, then its body.
fn compose(body: &str, keep_flags: bool, cluster: bool) -> String {
    let (shebang, rest) = match body.strip_prefix("#!lua") {
        Some(_) => body.split_once('\n').unwrap_or((body, "")),
        None => ("", body),
    };
    let mut text = String::with_capacity(PRELUDE.len() + CLUSTER_GUARD.len() + body.len() + 1);
    if keep_flags && !shebang.is_empty() {
        text.push_str(shebang);
        text.push('\n');
    }
    if cluster {
        text.push_str(CLUSTER_GUARD);
    }
    text.push_str(PRELUDE);
    text.push_str(rest);
    text
}

fn load(keep_flags: bool, cluster: bool) -> Scripts {
    let named = |name: &'static str, body: &str| NamedScript {
        name,
        script: Script::new(&compose(body, keep_flags, cluster)),
    };
    Scripts {
        enqueue: named("enqueue", include_str!("scripts/enqueue.lua")),
        dequeue: named("dequeue", include_str!("scripts/dequeue.lua")),
        fail: named("fail", include_str!("scripts/fail.lua")),
        beat: named("beat", include_str!("scripts/beat.lua")),
        release: named("release", include_str!("scripts/release.lua")),
        cancel: named("cancel", include_str!("scripts/cancel.lua")),
        retry: named("retry", include_str!("scripts/retry.lua")),
        delete_dead: named("delete_dead", include_str!("scripts/delete_dead.lua")),
        clean: named("clean", include_str!("scripts/clean.lua")),
        stats: named("stats", include_str!("scripts/stats.lua")),
        session_counts: named("session_counts", include_str!("scripts/session_counts.lua")),
        checkpoint: named("checkpoint", include_str!("scripts/checkpoint.lua")),
        rate: named("rate", include_str!("scripts/rate.lua")),
    }
}

static WITH_FLAGS: LazyLock<Scripts> = LazyLock::new(|| load(true, false));
static WITHOUT_FLAGS: LazyLock<Scripts> = LazyLock::new(|| load(false, false));
static CLUSTER_WITH_FLAGS: LazyLock<Scripts> = LazyLock::new(|| load(true, true));
static CLUSTER_WITHOUT_FLAGS: LazyLock<Scripts> = LazyLock::new(|| load(false, true));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_line_stays_first_and_the_prelude_follows() {
        let text = compose("#!lua flags=allow-oom\n-- ack\nreturn 1\n", true, false);
        assert!(
            text.starts_with("#!lua flags=allow-oom\n-- prelude"),
            "{text}"
        );
        assert!(text.ends_with("-- ack\nreturn 1\n"));
        let legacy = compose("#!lua flags=allow-oom\n-- ack\nreturn 1\n", false, false);
        assert!(legacy.starts_with("-- prelude"), "{legacy}");
        assert!(!legacy.contains("#!lua flags"));
        let cluster = compose("#!lua flags=allow-oom\n-- ack\nreturn 1\n", true, true);
        assert!(
            cluster.starts_with("#!lua flags=allow-oom\n-- cluster"),
            "{cluster}"
        );
        assert!(cluster.contains("-- prelude"));
    }
}
