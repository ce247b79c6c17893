//! Pipelines: the declarative YAML a worker runs for each job. `spec` is the format and
//! `parse` reads it; `run` drives one job's steps, `compose` the combinators, `kinds` each step
//! kind, with `exec`, `coprocess` and `http` doing the outside work through `services`.

mod compose;
mod coprocess;
pub mod exec;
mod guard;
mod http;
mod kinds;
pub mod outline;
pub mod parse;
pub mod run;
pub mod services;
pub mod spec;
pub mod template;

pub use run::{JobOutcome, StepFailure, StepRun, run_job, run_job_watched, run_on_failure};
pub use services::Services;
pub use spec::{Action, Lookahead, Pipeline, RetryPolicy, Step};

use crate::runtime::error::Classified;
use crate::runtime::yaml::load_yaml;
use std::path::Path;

/// Loads and validates a pipeline file.
pub fn load(path: &Path) -> Result<Pipeline, Classified> {
    parse::reset();
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
            retry: None,
            needs: Vec::new(),
            rate: None,
            action: Action::Noop,
        }],
        on_failure: Vec::new(),
        env_allow: Vec::new(),
        templated: false,
        needs_context: false,
        resume: true,
        rate: None,
        max_inflight: None,
        lookahead: Lookahead::Auto,
    }
}
