//! fleetq's integration tests: one binary, one file per area, each test with its own
//! redis-server and key prefix.

mod airgap;
mod cli_errors;
mod cluster;
mod composition;
mod crash;
mod dlq;
mod events;
mod examples;
mod fairness;
mod faults;
mod files;
mod first_hour;
mod fleet;
mod http_server;
mod incident;
mod inspect;
mod limits;
mod lookahead;
mod metrics;
mod pipelines;
mod scripts;
mod security;
mod sentinel;
mod sessions;
mod steps;
mod support;
mod worker;
