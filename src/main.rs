//! The `fleetq` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    fleetq::run()
}
