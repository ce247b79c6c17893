//! `fleetq jobs why REF`: the facts about a job that is not done, the reason, and what to do.

use crate::output::{Printer, Report, View, new_table};
use crate::runtime::Runtime;
use crate::runtime::why::{self, Explanation};
use serde::Serialize;
use std::process::ExitCode;

pub async fn run(
    runtime: &Runtime,
    reference: &str,
    printer: &Printer,
) -> anyhow::Result<ExitCode> {
    let job = super::show::find(runtime, reference).await?;
    let explanation = why::explain(runtime.backend.as_ref(), job).await?;
    printer.report_from(&runtime.backend.describe(), &Why(explanation));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
#[serde(transparent)]
struct Why(Explanation);

impl Report for Why {
    fn view(&self) -> Vec<View> {
        let explanation = &self.0;
        let mut table = new_table(&["FACT", "VALUE"]);
        table.add_row(vec![
            "job".to_string(),
            format!("{}/{}", explanation.queue, explanation.id),
        ]);
        for fact in &explanation.facts {
            table.add_row(vec![fact.name.to_string(), fact.value.clone()]);
        }
        let mut views = vec![
            View::table(table),
            View::Line(format!("why: {}", explanation.reason)),
        ];
        if let Some(next) = &explanation.next {
            views.push(View::Line(format!("next: {next}")));
        }
        views
    }
}
