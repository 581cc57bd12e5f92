//! What to do about a warning: every warning `peps validate` can give has a hint, so that a
//! person who reads it knows whether and how to act. A finding with a hint of its own keeps it;
//! the others get their code's hint from here.

use crate::diagnostic::{Code, Severity};
use crate::message::Message;

/// The hint of a warning of `code` whose finding has none of its own; `None` for a code that is
/// never a warning of a file.
pub fn warning_hint(code: Code) -> Option<Message> {
    Some(match code {
        Code::EncodingSuspect => msg!("data-hint-encoding-suspect"),
        Code::HeaderColumnOrder => msg!("data-hint-column-order"),
        Code::MultilineField => msg!("data-hint-multiline"),
        Code::SurroundingSpaces => msg!("data-hint-surrounding-spaces"),
        Code::NoDataRows => msg!("data-hint-no-data-rows"),
        Code::FieldMismatch => msg!("data-hint-field-mismatch"),
        Code::UnknownReference => msg!("data-hint-unknown-reference"),
        Code::DuplicateRow => msg!("data-row-duplicate-allowed-hint"),
        Code::DepositLate => msg!("data-hint-deposit-late"),
        Code::DepositNotCovered => msg!("data-deposit-not-covered-hint"),
        _ => return None,
    })
}

/// Whether a file's problems of `code` can be warnings: the codes whose severity is a warning,
/// and identical rows, which a norm may lower to one.
pub fn can_be_warning(code: Code) -> bool {
    crate::validate::severity(code) == Severity::Warning || code == Code::DuplicateRow
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    #[test]
    fn every_warning_code_has_a_hint() {
        let warnings: Vec<Code> = Code::ALL.iter().copied().filter(|&c| can_be_warning(c)).collect();
        assert!(warnings.contains(&Code::UnknownReference), "{warnings:?}");
        for code in warnings {
            let hint = warning_hint(code).unwrap_or_else(|| panic!("{code} can be a warning of a file but has no hint"));
            for lang in Lang::ALL {
                let text = hint.render(lang);
                assert!(!text.is_empty() && !text.starts_with("data-"), "{code}: no hint in {lang:?}");
            }
        }
    }
}
