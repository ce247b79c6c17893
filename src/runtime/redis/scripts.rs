//! The Lua scripts: `scripts/*.lua`, each joined with the shared prelude when first loaded,
//! and on Redis 7 all of them as one function library (`FCALL`).

use redis::Script;
use std::sync::LazyLock;

/// A script and the name errors use for it.
pub struct NamedScript {
    pub name: &'static str,
    /// The script on its own, for `EVALSHA` (Redis before 7, or a server that refuses
    /// `FUNCTION LOAD`).
    pub script: Script,
    /// Its name in the function library (`fleetq_<hash>_<name>`).
    pub function: String,
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
    /// Redis 7: every script as one function library, for `FUNCTION LOAD`. Its prelude runs
    /// once, when the library loads, instead of at every call: a dequeue call cost Redis
    /// 18-22 µs through `FCALL` against 25-30 through `EVALSHA` (no acks, no jobs, 20,000
    /// calls each).
    pub library: Option<String>,
}

impl Scripts {
    /// The function library's name (`fleetq_<hash>`), on servers that take libraries.
    pub fn library_name(&self) -> Option<&str> {
        let text = self.library.as_deref()?;
        text.strip_prefix("#!lua name=")?.split('\n').next()
    }

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

/// A script's `#!lua` line (empty when it has none) and the body after it.
fn split_shebang(body: &str) -> (&str, &str) {
    match body.strip_prefix("#!lua") {
        Some(_) => body.split_once('\n').unwrap_or((body, "")),
        None => ("", body),
    }
}

/// The script's `#!lua` line (kept first, or dropped), then on a cluster the resharding
/// guard, then the prelude, then its body.
fn compose(body: &str, keep_flags: bool, cluster: bool) -> String {
    let (shebang, rest) = split_shebang(body);
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

/// The library's text: the prelude once, then each script as a function of (KEYS, ARGV), its
/// `#!lua` flags as the function's flags and, on a cluster, the resharding guard first. Names
/// carry a hash of the text, so workers of different versions sharing a server each call
/// their own functions. `FUNCTION LOAD` runs the prelude with no standard library in reach,
/// which is why the prelude builds nothing at load time but its functions and two constants.
fn library(bodies: &[(&'static str, &str)], cluster: bool) -> (String, Vec<String>) {
    const NAME: &str = "@library@";
    let mut text = format!("#!lua name={NAME}\n{PRELUDE}");
    for (name, body) in bodies {
        let (shebang, rest) = split_shebang(body);
        let flags: Vec<String> = shebang
            .split_once("flags=")
            .map(|(_, flags)| {
                flags
                    .trim()
                    .split(',')
                    .map(|flag| format!("'{flag}'"))
                    .collect()
            })
            .unwrap_or_default();
        let flags = flags.join(", ");
        text.push_str(&format!(
            "redis.register_function{{function_name='{NAME}_{name}', flags={{{flags}}}, callback=function(KEYS, ARGV)\n"
        ));
        if cluster {
            text.push_str(CLUSTER_GUARD);
        }
        text.push_str(rest);
        text.push_str("\nend}\n");
    }
    let hash = Script::new(&text).get_hash().to_string();
    let library = format!("fleetq_{}", &hash[..16]);
    let functions = bodies
        .iter()
        .map(|(name, _)| format!("{library}_{name}"))
        .collect();
    (text.replace(NAME, &library), functions)
}

fn load(keep_flags: bool, cluster: bool) -> Scripts {
    let bodies: [(&'static str, &str); 13] = [
        ("enqueue", include_str!("scripts/enqueue.lua")),
        ("dequeue", include_str!("scripts/dequeue.lua")),
        ("fail", include_str!("scripts/fail.lua")),
        ("beat", include_str!("scripts/beat.lua")),
        ("release", include_str!("scripts/release.lua")),
        ("cancel", include_str!("scripts/cancel.lua")),
        ("retry", include_str!("scripts/retry.lua")),
        ("delete_dead", include_str!("scripts/delete_dead.lua")),
        ("clean", include_str!("scripts/clean.lua")),
        ("stats", include_str!("scripts/stats.lua")),
        ("session_counts", include_str!("scripts/session_counts.lua")),
        ("checkpoint", include_str!("scripts/checkpoint.lua")),
        ("rate", include_str!("scripts/rate.lua")),
    ];
    let (text, functions) = library(&bodies, cluster);
    let mut named = bodies
        .iter()
        .zip(functions)
        .map(|((name, body), function)| NamedScript {
            name,
            script: Script::new(&compose(body, keep_flags, cluster)),
            function,
        });
    let mut next = || named.next().expect("one script per body");
    Scripts {
        enqueue: next(),
        dequeue: next(),
        fail: next(),
        beat: next(),
        release: next(),
        cancel: next(),
        retry: next(),
        delete_dead: next(),
        clean: next(),
        stats: next(),
        session_counts: next(),
        checkpoint: next(),
        rate: next(),
        // the flags line and functions came with Redis 7
        library: keep_flags.then_some(text),
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

    #[test]
    fn a_missing_priority_reads_as_the_same_default_in_lua_and_rust() {
        let line = format!(
            "local DEFAULT_LEVEL = '{}'",
            crate::runtime::job::DEFAULT_PRIORITY
        );
        assert!(PRELUDE.contains(&line), "the prelude lacks `{line}`");
    }

    #[test]
    fn the_library_names_each_function_by_its_hash_and_keeps_the_flags() {
        let bodies = [
            ("ack", "#!lua flags=allow-oom\nreturn 1\n"),
            ("peek", "#!lua flags=no-writes,allow-stale\nreturn 2\n"),
            ("plain", "return 3\n"),
        ];
        let (text, functions) = library(&bodies, false);
        let name = text
            .strip_prefix("#!lua name=")
            .and_then(|rest| rest.split_once('\n'))
            .map(|(name, _)| name)
            .unwrap();
        assert!(name.starts_with("fleetq_") && name.len() == "fleetq_".len() + 16);
        let scripts = load(true, false);
        let own = scripts.library_name().unwrap();
        assert!(scripts.dequeue.function.starts_with(&format!("{own}_")));
        assert!(load(false, false).library_name().is_none());
        assert_eq!(
            functions,
            [
                format!("{name}_ack"),
                format!("{name}_peek"),
                format!("{name}_plain")
            ]
        );
        assert!(text.contains(&format!(
            "function_name='{name}_ack', flags={{'allow-oom'}}"
        )));
        assert!(text.contains("flags={'no-writes', 'allow-stale'}"));
        assert!(text.contains(&format!("function_name='{name}_plain', flags={{}}")));
        assert!(!text.contains("#!lua flags"), "{text}");
        // another text, another name: two versions of fleetq never share functions
        let (other, _) = library(&bodies[..2], false);
        assert!(!other.contains(name));
        // on a cluster the guard opens every function
        let (guarded, _) = library(&bodies, true);
        assert_eq!(guarded.matches("resharding-probe").count(), 3 * 2);
    }
}
