//! fleetq's integration tests: one binary, one file per area, each test with its own
//! redis-server and key prefix.

mod airgap;
mod cli_errors;
mod crash;
mod dlq;
mod events;
mod fairness;
mod faults;
mod files;
mod first_hour;
mod fleet;
mod incident;
mod inspect;
mod pipelines;
mod scripts;
mod security;
mod sessions;
mod support;
mod worker;
