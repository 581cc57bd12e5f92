//! What the command line says to people: results on stdout (`emit`), errors and notes on stderr.

use crate::language::Say;
use std::io::Write;

use peps_engine::message::Message;
use peps_engine::msg;

use crate::exit::EXIT_OK;
use crate::temp;

/// Writes to stdout; a closed pipe (`peps ... | head`) is not an error.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).is_err() {
        drop(out);
        temp::exit(i32::from(EXIT_OK));
    }
}

/// Writes an error for people on stderr (`erreur : …`, `error: …` in English).
pub fn error(message: impl Into<Message>) {
    eprintln!("{}", msg!("cli-error", message = message.into()).say());
}

/// Writes a note for people on stderr.
pub fn note(message: impl Into<Message>) {
    eprintln!("{}", msg!("cli-note", message = message.into()).say());
}
