//! `fleetq doctor`: the backend's settings a queue depends on, each judged ok, warn or fail with
//! what to do; exits 1 when any check fails.

use crate::output::report::records_of;
use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::backend::{Check, Verdict};
use crate::runtime::config::Settings;
use std::process::ExitCode;

pub async fn run(settings: Settings, printer: &Printer) -> anyhow::Result<ExitCode> {
    let runtime = Runtime::connect(settings).await?;
    let checks = runtime.backend.checks().await?;
    let failed = checks.iter().any(|check| check.verdict == Verdict::Fail);
    printer.report_from(&runtime.backend.describe(), &Doctor(checks));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct Doctor(Vec<Check>);

impl Report for Doctor {
    fn records(&self) -> Vec<serde_json::Value> {
        records_of(&self.0)
    }

    fn view(&self) -> Vec<View> {
        let mut table = new_table(&["CHECK", "RESULT", "DETAIL"]);
        for check in &self.0 {
            table.add_row(vec![
                check.check.clone(),
                match check.verdict {
                    Verdict::Ok => "ok",
                    Verdict::Warn => "warn",
                    Verdict::Fail => "FAIL",
                }
                .to_string(),
                check.detail.clone(),
            ]);
        }
        vec![View::table(table)]
    }

    fn warnings(&self) -> Vec<String> {
        self.0
            .iter()
            .filter_map(|check| Some(format!("{}: {}", check.check, check.hint.as_deref()?)))
            .collect()
    }
}
