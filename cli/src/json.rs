//! JSON for machines: pretty-printed, one trailing newline, the same for every command.

use serde::Serialize;

/// `value` as pretty JSON with a trailing newline.
pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
