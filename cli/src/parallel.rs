//! The threads and the progress bar of the commands that work on many cases at once.

use std::io::IsTerminal;

use crate::exit::EXIT_IO;
use crate::say;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use peps_engine::msg;

use crate::language::Say;

/// A pool of `threads` threads (0: one per core); a failure is reported and gives the exit code.
pub fn pool(threads: usize) -> Result<rayon::ThreadPool, u8> {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| {
        say::error(msg!("cli-threads", threads = threads, reason = e.to_string()));
        EXIT_IO
    })
}

/// A progress bar over `len` `items` on stderr when it is a terminal; nothing otherwise (logs,
/// pipes, tests), so that it never mixes with what a script reads.
pub fn progress(len: u64, items: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let eta = msg!("cli-progress-eta");
    let template = format!("{{spinner}} {{pos}}/{{len}} {items} [{{bar:40}}] {{elapsed_precise}} ({eta} {{eta}})", eta = eta.say());
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
