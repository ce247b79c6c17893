//! Fleet-wide rate limits (`50/s`): the written form, and the GCRA arithmetic that both
//! backends apply inside one atomic update, so every worker process draws from one budget.

use serde::{Deserialize, Deserializer};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub per: Duration,
}

impl Rate {
    /// Parses `50/s`, `600/m`, `5/h` or `10/500ms`.
    pub fn parse(text: &str) -> Result<Rate, String> {
        let invalid = || format!("invalid rate `{text}` (try 50/s, 600/m or 10/500ms)");
        let (count, per) = text.trim().split_once('/').ok_or_else(invalid)?;
        let count: u32 = count.trim().parse().map_err(|_| invalid())?;
        let per = match per.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "m" | "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            other => crate::runtime::duration::parse_duration(other).map_err(|_| invalid())?,
        };
        if count == 0 || per.is_zero() {
            return Err(format!(
                "invalid rate `{text}`: the count and the period must be above zero"
            ));
        }
        Ok(Rate { count, per })
    }

    /// Microseconds between two starts at the steady rate.
    pub fn interval_us(&self) -> u64 {
        (self.per.as_micros() as u64 / u64::from(self.count)).max(1)
    }

    /// How many starts may come at once: a tenth of a second's worth, at least one, so a
    /// batch lease can take several without the rate ever running ahead by more.
    pub fn burst(&self) -> u64 {
        (100_000 / self.interval_us()).max(1)
    }

    /// The form stored with a queue and sent to scripts: `interval_us:burst`.
    pub fn encode(&self) -> String {
        format!("{}:{}", self.interval_us(), self.burst())
    }

    pub fn describe(&self) -> String {
        match self.per.as_secs() {
            1 if self.per.subsec_nanos() == 0 => format!("{}/s", self.count),
            60 if self.per.subsec_nanos() == 0 => format!("{}/m", self.count),
            3600 if self.per.subsec_nanos() == 0 => format!("{}/h", self.count),
            _ => format!(
                "{}/{}",
                self.count,
                crate::runtime::duration::format_duration(self.per)
            ),
        }
    }
}

/// A stored rate (`rate_us`, the µs between starts) as people write it: `20/s`, `0.5/s`.
pub fn describe_interval(interval_us: u64) -> String {
    let per_second = 1_000_000.0 / interval_us.max(1) as f64;
    if per_second >= 1.0 && (per_second - per_second.round()).abs() < 1e-9 {
        format!("{}/s", per_second.round())
    } else {
        format!("{:.0}/m", per_second * 60.0)
    }
}

/// One GCRA decision. `tat_us` is the stored theoretical arrival time (0 when none). Returns
/// how many of `wanted` starts are granted, the new arrival time, and when none are, how long
/// until one is.
pub fn grant(
    tat_us: u64,
    now_us: u64,
    wanted: u64,
    interval_us: u64,
    burst: u64,
) -> (u64, u64, u64) {
    let tat = tat_us.max(now_us);
    let tolerance = interval_us * burst.saturating_sub(1);
    let horizon = now_us + tolerance;
    if horizon < tat {
        return (0, tat, tat - horizon);
    }
    let available = (horizon - tat) / interval_us + 1;
    let granted = available.min(wanted);
    (granted, tat + granted * interval_us, 0)
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Rate;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a rate such as 50/s")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Rate, E> {
                Rate::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_admits_its_count_per_period_plus_one_burst() {
        let rate = Rate::parse("50/s").unwrap();
        assert_eq!(rate.interval_us(), 20_000);
        assert_eq!(rate.burst(), 5);
        // ask every millisecond for 10 starts over 2 seconds
        let (mut tat, mut admitted) = (0, 0);
        for now in (1_000_000..3_000_000).step_by(1000) {
            let (granted, next, _) = grant(tat, now, 10, rate.interval_us(), rate.burst());
            tat = next;
            admitted += granted;
        }
        assert!((100..=105).contains(&admitted), "admitted {admitted}");
        let (granted, _, wait) = grant(tat, 2_999_000, 1, rate.interval_us(), rate.burst());
        assert_eq!(granted, 0);
        assert!(wait > 0 && wait <= 20_000);
    }

    #[test]
    fn rates_parse_in_their_written_forms() {
        assert_eq!(Rate::parse("600/m").unwrap().interval_us(), 100_000);
        assert_eq!(Rate::parse("10/500ms").unwrap().interval_us(), 50_000);
        assert!(Rate::parse("0/s").is_err());
        assert!(Rate::parse("fast").is_err());
    }
}
