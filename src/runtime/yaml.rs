//! YAML loading with errors that name the file, line and column.

use crate::runtime::error::Classified;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses YAML text; an error reads `FILE:LINE:COLUMN: message`.
pub fn parse_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Classified> {
    serde_yaml::from_str(text).map_err(|error| {
        let location = error
            .location()
            .map(|at| format!(":{}:{}", at.line(), at.column()))
            .unwrap_or_default();
        // yaml_serde appends " at line L column C" itself; the prefix already says where
        let message = error.to_string();
        let message = match message.find(" at line ") {
            Some(cut) if !location.is_empty() => message[..cut].to_string(),
            _ => message,
        };
        Classified::usage(format!("{}{location}: {message}", path.display()))
    })
}

/// Reads and parses a YAML file.
pub fn load_yaml<T: DeserializeOwned>(path: &Path) -> Result<T, Classified> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Classified::usage(format!("cannot read {}: {error}", path.display())))?;
    parse_yaml(path, &text)
}
