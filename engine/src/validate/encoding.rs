//! Reading a field's bytes as text in the norm's encoding, and telling what a file that is not
//! text is.

use crate::data::norm::Encoding;
use crate::message::Message;

/// Text written in `encoding` (for what a caller adds to a file, such as reasons in a rejects file).
pub fn encode_text(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// What binary data the start of a file is, if it is not text.
pub(crate) fn binary_kind(start: &[u8]) -> Option<Message> {
    if start.starts_with(b"PK\x03\x04") {
        Some(msg!("data-binary-zip"))
    } else if start.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(msg!("data-binary-office"))
    } else if start.contains(&0) {
        Some(msg!("data-binary-nul"))
    } else {
        None
    }
}

pub(crate) fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Windows1252 => "Windows-1252",
    }
}

pub(crate) fn show_sep(b: u8) -> Message {
    match b {
        b'\t' => msg!("data-separator-tabs"),
        b => Message::text(format!("`{}`", char::from(b))),
    }
}
