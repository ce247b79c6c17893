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
    assert!(
        pipelines >= 2,
        "at least two example pipelines, found {pipelines}"
    );
    assert!(configs >= 1, "a commented config file, found {configs}");
}
