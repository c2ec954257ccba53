//! Progress on stderr while a corpus is annotated, drawn only when stderr is a terminal.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A progress line, or nothing when stderr is piped or redirected.
pub(crate) struct Progress {
    bar: ProgressBar,
    /// Documents written, for the message of a bar that counts bytes.
    written: AtomicU64,
    counts_bytes: bool,
}

impl Progress {
    /// Counts files, `total` of them.
    pub fn files(total: usize) -> Progress {
        let bar = visible(ProgressBar::new(total as u64));
        bar.set_style(style("{elapsed_precise} [{wide_bar}] {pos}/{len} files, {per_sec}, eta {eta}"));
        Progress { bar, written: AtomicU64::new(0), counts_bytes: false }
    }

    /// Counts bytes read from a stream of `total` bytes when known (stdin redirected from a
    /// file), with the documents written as its message.
    pub fn stream(total: Option<u64>) -> Progress {
        let bar = match total {
            Some(total) => {
                let bar = visible(ProgressBar::new(total));
                bar.set_style(style(
                    "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} at {bytes_per_sec}, {msg}, eta {eta}",
                ));
                bar
            }
            None => {
                let bar = visible(ProgressBar::no_length());
                bar.set_style(style("{elapsed_precise} {spinner} {bytes} read at {bytes_per_sec}, {msg}"));
                bar
            }
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar, written: AtomicU64::new(0), counts_bytes: true }
    }

    /// `bytes` more of the input read.
    pub fn read(&self, bytes: usize) {
        if self.counts_bytes {
            self.bar.inc(bytes as u64);
        }
    }

    /// One more document written.
    pub fn wrote_one(&self) {
        let n = self.written.fetch_add(1, Ordering::Relaxed) + 1;
        if self.counts_bytes {
            self.bar.set_message(format!("{n} documents"));
        } else {
            self.bar.inc(1);
        }
    }

    /// A line on stderr that does not tear the progress line.
    pub fn note(&self, message: &str) {
        self.bar.suspend(|| eprintln!("newslens: {message}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn visible(bar: ProgressBar) -> ProgressBar {
    if std::io::stderr().is_terminal() {
        bar
    } else {
        ProgressBar::hidden()
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> ")
}
