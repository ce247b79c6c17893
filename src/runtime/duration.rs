//! Human durations (`250ms`, `30s`, `5m`) for flags, config and pipelines.

use serde::{Deserialize, Deserializer};
use std::time::Duration;

/// Parses `250ms`, `1.5s`, `2m`, `1h 30m`; a bare number is seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<f64>() {
        if seconds.is_finite() && seconds >= 0.0 {
            return Ok(Duration::from_secs_f64(seconds));
        }
        return Err(format!("invalid duration `{text}`: must be zero or more"));
    }
    if let Some(seconds) = text
        .strip_suffix('s')
        .and_then(|number| number.parse::<f64>().ok())
        && seconds.is_finite()
        && seconds >= 0.0
    {
        return Ok(Duration::from_secs_f64(seconds));
    }
    humantime::parse_duration(text)
        .map_err(|error| format!("invalid duration `{text}`: {error} (try 500ms, 30s, 5m, 1h)"))
}

/// Renders a duration compactly for tables (`1.2s`, `3m 4s`).
pub fn format_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis < 1000 {
        return format!("{millis}ms");
    }
    if millis < 60_000 {
        return format!("{:.1}s", duration.as_secs_f64());
    }
    let seconds = duration.as_secs();
    let (hours, minutes, rest) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    if hours > 0 {
        format!("{hours}h {minutes}m")
    } else {
        format!("{minutes}m {rest}s")
    }
}

/// Serde adapter for an optional human duration field.
pub fn deserialize_optional<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Duration>, D::Error> {
    let text: Option<HumanDuration> = Option::deserialize(deserializer)?;
    Ok(text.map(|duration| duration.0))
}

/// A duration written the human way in YAML (`30s`) or as a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanDuration(pub Duration);

impl<'de> Deserialize<'de> for HumanDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_checked(deserializer, |_| Ok(())).map(HumanDuration)
    }
}

/// Reads a human duration and applies `check` to it, both inside the visitor, so a YAML error
/// points at the value itself rather than at the mapping around it.
pub fn deserialize_checked<'de, D: Deserializer<'de>>(
    deserializer: D,
    check: fn(Duration) -> Result<(), String>,
) -> Result<Duration, D::Error> {
    struct Checked(fn(Duration) -> Result<(), String>);
    impl serde::de::Visitor<'_> for Checked {
        type Value = Duration;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a duration such as 500ms, 30s or 5m")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Duration, E> {
            let duration = parse_duration(text).map_err(E::custom)?;
            (self.0)(duration).map_err(E::custom)?;
            Ok(duration)
        }

        fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<Duration, E> {
            self.visit_str(&number.to_string())
        }

        fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Duration, E> {
            self.visit_str(&number.to_string())
        }

        fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<Duration, E> {
            self.visit_str(&number.to_string())
        }
    }
    deserializer.deserialize_any(Checked(check))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("soon").unwrap_err().contains("try 500ms"));
        assert!(parse_duration("-1").is_err());
    }

    #[test]
    fn formats_compactly() {
        assert_eq!(format_duration(Duration::from_millis(12)), "12ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(format_duration(Duration::from_secs(184)), "3m 4s");
        assert_eq!(format_duration(Duration::from_secs(7300)), "2h 1m");
    }
}
