//! Committed files that must match the code: shell completions and every config example.

use fleetq::cli::commands::completions::script;
use fleetq::runtime::config::{Overrides, Settings};
use std::path::Path;

const SHELLS: [(clap_complete::Shell, &str); 5] = [
    (clap_complete::Shell::Bash, "fleetq.bash"),
    (clap_complete::Shell::Zsh, "_fleetq"),
    (clap_complete::Shell::Fish, "fleetq.fish"),
    (clap_complete::Shell::Elvish, "fleetq.elv"),
    (clap_complete::Shell::PowerShell, "_fleetq.ps1"),
];

#[test]
fn committed_completions_match_the_cli() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let regenerate = std::env::var_os("FLEETQ_WRITE_COMPLETIONS").is_some();
    for (shell, file) in SHELLS {
        let path = directory.join(file);
        let fresh = script(shell);
        if regenerate {
            std::fs::create_dir_all(&directory).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "completions/{file} is out of date; regenerate with: FLEETQ_WRITE_COMPLETIONS=1 cargo test --test it files"
        );
    }
}

#[test]
fn every_config_example_loads() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("config-examples");
    let mut pipelines = 0;
    let mut configs = 0;
    for entry in std::fs::read_dir(&directory).expect("config-examples/ exists") {
        let path = entry.unwrap().path();
        // scripts the examples run (a coprocess) sit beside them
        if path.extension().is_none_or(|extension| extension != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if text.lines().any(|line| line.starts_with("pipeline:")) {
            fleetq::runtime::pipeline::load(&path)
                .unwrap_or_else(|error| panic!("{}", error.message));
            pipelines += 1;
        } else {
            let settings = Settings::resolve(Overrides {
                config: Some(path.clone()),
                ..Overrides::default()
            })
            .unwrap_or_else(|error| panic!("{}", error.message));
            assert!(
                settings.backend.is_some(),
                "{} sets a backend",
                path.display()
            );
            configs += 1;
        }
    }
    assert!(pipelines >= 6, "the example pipelines, found {pipelines}");
    assert!(configs >= 1, "a commented config file, found {configs}");
}

/// The README's quickstart, run as it stands, twice: it must work on a machine with only the
/// Rust toolchain, need no Redis, and leave no process behind.
#[test]
fn the_readme_quickstart_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let marker = readme
        .find("<!-- quickstart")
        .expect("the README marks its quickstart block");
    let block = readme[marker..]
        .split_once("```sh\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block.to_string())
        .expect("a sh block follows the quickstart marker");
    let home = tempfile::tempdir().unwrap();
    let real_home = std::env::var_os("HOME").unwrap_or_default();
    for run in 1..=2 {
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(&block)
            .current_dir(root)
            // the store lands in this test's own home; cargo and rustup stay where they are
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("FLEETQ_BACKEND")
            .env_remove("FLEETQ_CONFIG")
            .env(
                "CARGO_HOME",
                std::env::var_os("CARGO_HOME")
                    .unwrap_or_else(|| Path::new(&real_home).join(".cargo").into()),
            )
            .env(
                "RUSTUP_HOME",
                std::env::var_os("RUSTUP_HOME")
                    .unwrap_or_else(|| Path::new(&real_home).join(".rustup").into()),
            )
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(output.status.success(), "run {run}:\n{stdout}\n{stderr}");
        let done = stdout
            .lines()
            .find(|line| line.starts_with("hello "))
            .unwrap_or_else(|| panic!("stats shows the queue: {stdout}"));
        let counts: Vec<&str> = done.split_whitespace().collect();
        // QUEUE PENDING BY-PRIORITY DELAYED ACTIVE DONE ...
        assert_eq!(counts[1], "0", "nothing left pending: {done}");
        assert_eq!(
            counts[5],
            (2 * run).to_string(),
            "two more jobs done: {done}"
        );
        assert!(
            stderr.contains("backend: local:") && stderr.contains(".local/share/fleetq"),
            "{stderr}"
        );
    }
}

#[test]
fn the_systemd_unit_waits_longer_than_the_shutdown_grace() {
    let unit = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("config-examples/fleetq-worker@.service"),
    )
    .unwrap();
    let seconds = |text: &str| -> u64 { text.trim().trim_end_matches('s').parse().unwrap() };
    let stop_after = unit
        .lines()
        .find_map(|line| line.strip_prefix("TimeoutStopSec="))
        .map(seconds)
        .expect("TimeoutStopSec is set");
    let exec = unit
        .lines()
        .find_map(|line| line.strip_prefix("ExecStart="))
        .expect("ExecStart is set");
    let grace = exec
        .split_whitespace()
        .skip_while(|word| *word != "--shutdown-grace")
        .nth(1)
        .map(seconds)
        .expect("the unit sets --shutdown-grace");
    assert!(
        stop_after > grace,
        "TimeoutStopSec {stop_after} ≤ grace {grace}"
    );
    assert!(unit.contains("KillSignal=SIGTERM"));
    // the worker flags in the unit exist
    let (code, help, stderr) = crate::support::run({
        let mut command = std::process::Command::new(crate::support::binary());
        command.args(["worker", "--help"]);
        command
    });
    assert_eq!(code, 0, "{stderr}");
    for flag in exec
        .split_whitespace()
        .filter(|word| word.starts_with("--"))
    {
        assert!(help.contains(flag), "worker has no {flag}");
    }
}
