//! http steps: one request through rustls, 2xx as success, 429 and 5xx retried after any
//! `Retry-After`, other 4xx fatal, the body as the step's output. Values of `env_allow`
//! variables (where secrets live) are cut out of everything the step reports.

use super::exec::{MAX_STDOUT, parse_output};
use super::run::StepFailure;
use super::services::Services;
use super::spec::{HttpBody, HttpSpec, OutputMode};
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A rendered request, ready to send.
pub struct HttpRequest {
    method: reqwest::Method,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<(Vec<u8>, &'static str)>,
    timeout: Duration,
    output: OutputMode,
}

impl Services {
    /// Renders the step's url, headers and body for this job.
    pub fn http_request(
        &self,
        spec: &HttpSpec,
        render: impl Fn(&str, &str) -> Result<String, StepFailure>,
        render_json: impl Fn(&Value) -> Result<Value, StepFailure>,
    ) -> Result<HttpRequest, StepFailure> {
        let headers = spec
            .headers
            .iter()
            .map(|(name, value)| Ok((name.clone(), render(value, "http.headers")?)))
            .collect::<Result<Vec<_>, StepFailure>>()?;
        let body = match &spec.body {
            HttpBody::None => None,
            HttpBody::Json(value) => Some((
                render_json(value)?.to_string().into_bytes(),
                "application/json",
            )),
            HttpBody::Text(text) => Some((
                render(text, "http.body")?.into_bytes(),
                "text/plain; charset=utf-8",
            )),
        };
        Ok(HttpRequest {
            method: reqwest::Method::from_bytes(spec.method.as_bytes())
                .unwrap_or(reqwest::Method::GET),
            url: render(&spec.url, "http.url")?,
            headers,
            body,
            timeout: spec.timeout,
            output: spec.output,
        })
    }

    pub async fn send(&self, step: &str, request: HttpRequest) -> Result<Value, StepFailure> {
        let shown = format!(
            "{} {}",
            request.method,
            self.redact(&strip_password(&request.url))
        );
        let mut builder = self
            .http_client()
            .request(request.method, &request.url)
            .timeout(request.timeout);
        for (name, value) in &request.headers {
            let mut value = reqwest::header::HeaderValue::from_str(value).map_err(|_| {
                StepFailure::fatal(format!(
                    "step `{step}`: header `{name}` holds a character a header cannot"
                ))
            })?;
            // kept out of any debug print of the request
            value.set_sensitive(true);
            builder = builder.header(name.as_str(), value);
        }
        if let Some((body, content_type)) = request.body {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(body);
        }
        let mut response = builder.send().await.map_err(|error| {
            let reason = if error.is_timeout() {
                format!(
                    "timed out after {}",
                    crate::runtime::duration::format_duration(request.timeout)
                )
            } else {
                describe(&error.without_url())
            };
            StepFailure::retry(self.redact(&format!("step `{step}`: {shown}: {reason}")))
        })?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(parse_retry_after);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| {
            StepFailure::retry(self.redact(&format!(
                "step `{step}`: {shown}: reading the response failed: {}",
                describe(&error.without_url())
            )))
        })? {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_STDOUT {
                return Err(StepFailure::fatal(format!(
                    "step `{step}`: {shown}: the response passed the {} MiB cap",
                    MAX_STDOUT >> 20
                )));
            }
        }
        let text = self.redact(String::from_utf8_lossy(&body).trim());
        if status.is_success() {
            let what = format!("got a response to {shown}");
            return parse_output(step, &what, request.output, text.as_bytes())
                .map_err(StepFailure::retry);
        }
        let snippet: String = text.chars().take(200).collect();
        let mut error = format!("step `{step}`: {shown} answered {status}");
        if !snippet.is_empty() {
            error.push_str(": ");
            error.push_str(&snippet);
        }
        let retryable = status.as_u16() == 429 || status.is_server_error();
        if let (true, Some(wait)) = (retryable, retry_after) {
            error.push_str(&format!(
                " (Retry-After {})",
                crate::runtime::duration::format_duration(wait)
            ));
        }
        Err(StepFailure {
            fatal: !retryable,
            retry_after: retry_after.filter(|_| retryable),
            ..StepFailure::retry(error)
        })
    }
}

/// reqwest's error with its causes, on one line.
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The URL without a password in it.
fn strip_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// `Retry-After`: a number of seconds, or an HTTP date.
fn parse_retry_after(text: &str) -> Option<Duration> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = http_date(text)?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// Seconds since the epoch of an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`).
fn http_date(text: &str) -> Option<u64> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|name| name == month)? as i64
        + 1;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let clock: Vec<i64> = time
        .split(':')
        .map(|part| part.parse().ok())
        .collect::<Option<_>>()?;
    let [hour, minute, second] = clock.as_slice() else {
        return None;
    };
    // days from the civil date (Howard Hinnant's algorithm)
    let shifted = if month <= 2 { year - 1 } else { year };
    let era = shifted.div_euclid(400);
    let year_of_era = shifted - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    u64::try_from(days * 86_400 + hour * 3600 + minute * 60 + second).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(
            http_date("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
