//! Reading a field's bytes as text in the norm's encoding, and telling what a file that is not
//! text is.

use crate::data::norm::Encoding;
use crate::diagnostic::Code;
use crate::validate::fields::Finding;

/// The text of a value in the file's encoding; an invalid UTF-8 value is a finding.
pub(crate) fn decode<'b>(bytes: &'b [u8], encoding: Encoding, decoded: &'b mut String, out: &mut Vec<Finding>) -> Option<&'b str> {
    match (encoding, std::str::from_utf8(bytes)) {
        (_, Ok(s)) if bytes.is_ascii() => Some(s),
        (Encoding::Utf8, Ok(s)) => Some(s),
        (Encoding::Utf8, Err(e)) => {
            let at = e.valid_up_to();
            out.push(Finding {
                code: Code::FileEncoding,
                message: format!("not valid UTF-8 (byte 0x{:02X} at position {})", bytes[at], at + 1),
                hint: Some("save the file as UTF-8 (this value looks like Windows-1252)".into()),
            });
            None
        }
        (Encoding::Windows1252, utf8) => {
            if utf8.is_ok() {
                out.push(Finding {
                    code: Code::EncodingSuspect,
                    message: "this value reads as UTF-8 text, but the norm declares windows-1252".into(),
                    hint: Some("save the file as Windows-1252, or accented letters will be garbled".into()),
                });
            }
            decoded.clear();
            decoded.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0);
            Some(decoded.as_str())
        }
    }
}

/// A value's text for list lookups and conditions (already known to be readable).
pub(crate) fn text_of(bytes: &[u8], encoding: Encoding) -> std::borrow::Cow<'_, str> {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Text written in `encoding` (for what a caller adds to a file, such as reasons in a rejects file).
pub fn encode_text(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// What binary data the start of a file is, if it is not text.
pub(crate) fn binary_kind(start: &[u8]) -> Option<&'static str> {
    if start.starts_with(b"PK\x03\x04") {
        Some("a zip archive (an xlsx or ods spreadsheet?)")
    } else if start.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("an old Office document (an xls spreadsheet?)")
    } else if start.contains(&0) {
        Some("binary data (it holds NUL bytes; UTF-16 text without a byte-order mark?)")
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

pub(crate) fn show_sep(b: u8) -> String {
    match b {
        b'\t' => "tabs".to_string(),
        b => format!("`{}`", char::from(b)),
    }
}
