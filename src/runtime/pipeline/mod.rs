//! Pipelines: the declarative YAML a worker runs for each job. `spec` is the format, `run` the
//! step sequencer and `exec` the process runner. Composition (parallel, route, foreach, needs)
//! slots in as new `Action` variants run by `run`.

pub mod exec;
mod guard;
pub mod outline;
pub mod run;
pub mod spec;
pub mod template;

pub use run::{JobOutcome, StepFailure, StepRun, run_job, run_job_watched};
pub use spec::{Action, Pipeline, RetryPolicy, Step};

use crate::runtime::error::Classified;
use crate::runtime::yaml::load_yaml;
use std::path::Path;

/// Loads and validates a pipeline file.
pub fn load(path: &Path) -> Result<Pipeline, Classified> {
    load_yaml(path)
}

/// The pipeline `bench` runs when none is given: one no-op step.
pub fn noop(queue: &str) -> Pipeline {
    Pipeline {
        name: "bench-noop".to_string(),
        queue: queue.to_string(),
        concurrency: None,
        lease: std::time::Duration::from_secs(30),
        timeout: None,
        retry: RetryPolicy::default(),
        steps: vec![Step {
            name: "noop".to_string(),
            timeout: None,
            when: None,
            action: Action::Noop,
        }],
        env_allow: Vec::new(),
        templated: false,
    }
}
