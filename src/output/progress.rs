//! Progress bars for long work, drawn on stderr only when it is a terminal.

use crate::runtime::backend::ProgressSink;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub fn new(label: &str, quiet: bool) -> Progress {
        let bar = ProgressBar::hidden();
        if !quiet && std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        let style = ProgressStyle::with_template(
            "{msg} [{bar:30}] {human_pos}/{human_len} ({rate}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        // the built-in {per_sec} prints four decimals; whole jobs per second read better
        .with_key(
            "rate",
            |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{:.0}/s", state.per_sec());
            },
        )
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(label.to_string());
        Progress { bar }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl ProgressSink for Progress {
    fn set_total(&self, total: u64) {
        self.bar.set_length(total);
    }

    fn advance(&self, done: u64) {
        self.bar.inc(done);
    }
}
