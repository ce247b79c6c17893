//! The one rendering path: a command's result implements `Report`, and the printer alone
//! decides how it looks: pretty JSON, one JSON object per line, or a table for people.

use comfy_table::Table;
use serde::Serialize;

/// A command's result.
pub trait Report: Serialize {
    /// What `--output jsonl` prints, one object per line: by default the whole result.
    fn records(&self) -> Vec<serde_json::Value> {
        serde_json::to_value(self).map_or_else(|_| Vec::new(), |value| vec![value])
    }

    /// Records of a stream (one enqueued job of many): compact lines in json as in jsonl.
    fn streamed(&self) -> bool {
        false
    }

    /// What a person sees on stdout, in order; empty when the result is only status.
    fn view(&self) -> Vec<View>;

    /// Status for people on stderr, after the table (silent with --quiet, absent with JSON).
    fn status(&self) -> Vec<String> {
        Vec::new()
    }

    /// The Prometheus text format, for the reports that have one (`stats`).
    fn prometheus(&self) -> Option<String> {
        None
    }

    /// Warnings for people on stderr, after the status (absent with JSON, where the same
    /// facts are fields).
    fn warnings(&self) -> Vec<String> {
        Vec::new()
    }
}

/// One block of what a person sees on stdout.
pub enum View {
    Table(Box<Table>),
    Line(String),
}

impl View {
    pub fn table(table: Table) -> View {
        View::Table(Box::new(table))
    }
}

/// A list of records, each its own line in jsonl and a JSON array in json.
pub fn records_of<T: Serialize>(items: &[T]) -> Vec<serde_json::Value> {
    items
        .iter()
        .filter_map(|item| serde_json::to_value(item).ok())
        .collect()
}

/// The result of a verb that changes something and has no table: JSON for scripts, one
/// status line for people.
#[derive(Serialize)]
pub struct Done<T: Serialize> {
    #[serde(flatten)]
    pub fields: T,
    #[serde(skip)]
    pub said: String,
}

impl<T: Serialize> Report for Done<T> {
    fn view(&self) -> Vec<View> {
        Vec::new()
    }

    fn status(&self) -> Vec<String> {
        vec![self.said.clone()]
    }
}

/// A result with the backend it came from: a `backend` field in every JSON object it prints
/// (in each record of a list, so the shapes stay lists), and a `backend:` line in its status.
pub struct OnBackend<'a, R: Report> {
    pub backend: String,
    pub report: &'a R,
}

impl<R: Report> OnBackend<'_, R> {
    fn tag(&self, value: serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(mut fields) => {
                fields
                    .entry("backend")
                    .or_insert_with(|| self.backend.clone().into());
                serde_json::Value::Object(fields)
            }
            serde_json::Value::Array(items) => {
                items.into_iter().map(|item| self.tag(item)).collect()
            }
            other => other,
        }
    }
}

impl<R: Report> Serialize for OnBackend<'_, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = serde_json::to_value(self.report).map_err(serde::ser::Error::custom)?;
        self.tag(value).serialize(serializer)
    }
}

impl<R: Report> Report for OnBackend<'_, R> {
    fn records(&self) -> Vec<serde_json::Value> {
        let records = self.report.records();
        records.into_iter().map(|record| self.tag(record)).collect()
    }

    fn streamed(&self) -> bool {
        self.report.streamed()
    }

    fn view(&self) -> Vec<View> {
        self.report.view()
    }

    fn status(&self) -> Vec<String> {
        let mut lines = self.report.status();
        lines.push(format!("backend: {}", self.backend));
        lines
    }

    fn warnings(&self) -> Vec<String> {
        self.report.warnings()
    }
}
