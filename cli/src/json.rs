//! JSON for machines: pretty-printed, one trailing newline, the same for every command.

use serde::Serialize;

/// `value` as pretty JSON with a trailing newline, its messages in the run's language.
pub fn json<T: Serialize>(value: &T) -> String {
    let value = crate::language::json_value(value, crate::language::lang());
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
