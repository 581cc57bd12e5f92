//! Why an expression was refused at load: its syntax, a name it reads, or a type.

use std::ops::Range;

/// An error of parsing or checking, with its span inside the expression text.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub span: Range<usize>,
    pub message: String,
    pub kind: ExprErrorKind,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    Syntax,
    Undefined,
    Type,
}

pub(crate) fn syntax(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, message: message.into(), kind: ExprErrorKind::Syntax, hint: None }
}

pub(crate) fn type_error(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, message: message.into(), kind: ExprErrorKind::Type, hint: None }
}
