//! `fleetq airgap status|force|release|keygen`: this host's airgap state and its spool key.

use super::{age, timestamp};
use crate::cli::args::AirgapCommand;
use crate::output::report::Done;
use crate::output::table::or_dash;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::airgap::control::{self, AirgapStatus};
use crate::runtime::airgap::key::SpoolKey;
use crate::runtime::config::Settings;
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    verb: AirgapCommand,
    settings: Settings,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    match verb {
        AirgapCommand::Status => {
            printer.report(&Status(control::status(&settings).await?));
        }
        AirgapCommand::Force { reason } => {
            let forced = control::force(&settings, reason)?;
            printer.report(&Done {
                said: format!(
                    "airgap forced on this host since {}: enqueues spool to {} until `fleetq airgap release`",
                    timestamp(forced.since),
                    settings.airgap.spool.display()
                ),
                fields: Changed {
                    state: "forced",
                    reason: forced.reason,
                    spooled: None,
                },
            });
        }
        AirgapCommand::Release => {
            let (was_forced, spooled) = control::release(&settings).await?;
            let mut said = if was_forced {
                "airgap released: enqueues go to Redis again".to_string()
            } else {
                "airgap was not forced on this host; nothing changed".to_string()
            };
            if spooled > 0 {
                said.push_str(&format!(
                    "; {spooled} jobs wait in the spool: run `fleetq sync`"
                ));
            }
            printer.report(&Done {
                said,
                fields: Changed {
                    state: "released",
                    reason: None,
                    spooled: Some(spooled),
                },
            });
        }
        AirgapCommand::Keygen { file } => {
            SpoolKey::generate(&file)?;
            printer.report(&Done {
                said: format!(
                    "wrote a new spool key to {} (mode 0600); point airgap.key_file (FLEETQ_AIRGAP_KEY_FILE) at it, and keep a copy: spooled jobs cannot be read without it",
                    file.display()
                ),
                fields: Written { key_file: file.display().to_string() },
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Changed {
    state: &'static str,
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spooled: Option<u64>,
}

#[derive(Serialize)]
struct Written {
    key_file: String,
}

#[derive(Serialize)]
#[serde(transparent)]
struct Status(AirgapStatus);

impl Report for Status {
    fn view(&self) -> Vec<View> {
        let status = &self.0;
        let mut table = new_table(&["FIELD", "VALUE"]);
        let since = status
            .since
            .map(|since| format!("{} ({} ago)", timestamp(since), age(since)));
        let probe = status.last_probe.as_ref().map(|probe| {
            let answer = if probe.reachable {
                "reachable"
            } else {
                "unreachable"
            };
            format!("{answer}, {} ago", age(probe.at))
        });
        let sync = status.last_sync.as_ref().map(|sync| {
            format!(
                "{} ago: {} pushed, {} already present, {} conflicts, {} failed, {} tampered",
                age(sync.at),
                sync.pushed,
                sync.already_present,
                sync.conflicts,
                sync.failed,
                sync.tampered
            )
        });
        let rows = [
            ("state", status.state.to_string()),
            ("reason", or_dash(status.reason.clone())),
            ("since", or_dash(since)),
            ("backend", status.backend.clone()),
            ("spool", status.spool.clone()),
            ("spooled", status.spooled.to_string()),
            ("conflicts", status.conflicts.to_string()),
            (
                "oldest spooled",
                or_dash(
                    status
                        .oldest_spooled_at
                        .map(|at| format!("{} ago", age(at))),
                ),
            ),
            ("last probe", or_dash(probe)),
            ("last sync", or_dash(sync)),
        ];
        for (field, value) in rows {
            table.add_row(vec![field.to_string(), value]);
        }
        vec![View::table(table)]
    }
}
