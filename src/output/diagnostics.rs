//! Renders errors as `error: …`, their causes, and a `hint: …` where one helps.

/// `paint(label, ansi_code)` colours a label when colour is on.
pub fn render(
    error: &anyhow::Error,
    hint: Option<&str>,
    paint: impl Fn(&str, &str) -> String,
) -> String {
    let mut text = format!("{}: {error}\n", paint("error", "31"));
    let mut previous = error.to_string();
    for cause in error.chain().skip(1) {
        let message = cause.to_string();
        // context layers often repeat their source's text; say each thing once
        if !previous.contains(&message) {
            text.push_str(&format!("  caused by: {message}\n"));
        }
        previous = message;
    }
    if let Some(hint) = hint {
        text.push_str(&format!("{}: {hint}\n", paint("hint", "36")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_causes_once_and_the_hint() {
        let error = anyhow::anyhow!("connection refused").context("cannot reach redis");
        let text = render(&error, Some("start redis"), |label, _| label.to_string());
        assert_eq!(
            text,
            "error: cannot reach redis\n  caused by: connection refused\nhint: start redis\n"
        );
    }
}
