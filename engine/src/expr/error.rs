//! Why an expression was refused at load (its syntax, a name it reads, a type), and why one
//! failed on data while it was evaluated.

use std::fmt;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Suggestion};

/// An error of parsing or checking, with its span inside the expression text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExprError {
    pub(crate) span: Range<usize>,
    pub(crate) kind: ExprErrorKind,
    pub(crate) hint: Option<String>,
}

/// What is wrong with an expression.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum ExprErrorKind {
    /// It does not parse.
    #[error("{0}")]
    Syntax(String),
    /// It reads a name that is not defined where it is read.
    #[error("{0}")]
    Undefined(NameError),
    /// It combines values of incompatible types.
    #[error("{0}")]
    Type(String),
}

impl ExprError {
    /// The diagnostic code of this error.
    pub(crate) fn code(&self) -> Code {
        match self.kind {
            ExprErrorKind::Syntax(_) => Code::ExpressionSyntax,
            ExprErrorKind::Undefined(_) => Code::UndefinedName,
            ExprErrorKind::Type(_) => Code::TypeMismatch,
        }
    }

    /// The message, without the hint.
    pub(crate) fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

/// A name an expression reads that cannot be resolved where it is read. Each variant says what
/// kind of name was sought, so that a suggestion is only ever a name of that kind.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum NameError {
    #[error("unknown name `{name}`{}", .suggestion.as_ref().map(|s| format!(" ({s})")).unwrap_or_default())]
    Unknown { name: String, suggestion: Option<Suggestion> },
    #[error("unknown function `{name}`")]
    UnknownFunction { name: String },
    #[error("unknown dataset or filter `{name}`{}", suggested(.suggestion))]
    UnknownView { name: String, suggestion: Option<String> },
    #[error("unknown list `{0}`")]
    UnknownList(String),
    #[error("`{name}` is not a column of norm `{norm}`{}", suggested(.suggestion))]
    NotANormColumn { name: String, norm: String, suggestion: Option<String> },
    #[error("step `{0}` cannot read itself")]
    SelfReference(String),
    #[error("list `{list}` has no attribute `{attribute}` (it has {available})")]
    NoAttribute { list: String, attribute: String, available: String },
    #[error("`{name}` has no member `{member}`")]
    NoMember { name: String, member: String },
    #[error("`{name}.{member}`: only the classes of a `classify` step on these rows have members")]
    MemberOfScalar { name: String, member: String },
    #[error("`{view}` has no column `{column}`")]
    NoColumn { view: String, column: String },
    #[error("`exists` cannot be nested")]
    NestedExists,
    #[error("`{0}.…`: a condition names columns of the row, not members")]
    MemberInCondition(String),
    #[error("`{0}` is not available in a norm's condition")]
    NotInCondition(String),
    #[error(
        "`{name}` is a value per group (by {key}): over rows, the name alone would silently be the total of every group; read the row's own group with `{name}(…)`, e.g. `{name}({key})`"
    )]
    GroupedReadAsTotal { name: String, key: String },
    #[error(
        "`{name}` is a value per row of `{dataset}`: read it in an expression over rows of `{dataset}`, or aggregate it (e.g. by group) to read it elsewhere"
    )]
    PerRowElsewhere { name: String, dataset: String },
    #[error("`{0}` reads rows of data: the calendar reads parameters, case inputs and steps")]
    RowsInCalendar(String),
    #[error("`{name}(…)` reads a value by group, but step `{name}` has no `group_by`")]
    NotGrouped { name: String },
}

impl NameError {
    /// The name found undefined, when the error is that a rule item of that name does not exist.
    pub(crate) fn undefined_name(&self) -> Option<&str> {
        match self {
            NameError::Unknown { name, .. } | NameError::UnknownView { name, .. } => Some(name),
            NameError::UnknownList(name) => Some(name),
            _ => None,
        }
    }
}

fn suggested(suggestion: &Option<String>) -> String {
    suggestion.as_ref().map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default()
}

pub(crate) fn syntax(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Syntax(message.into()), hint: None }
}

pub(crate) fn type_error(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Type(message.into()), hint: None }
}

pub(crate) fn undefined(span: Range<usize>, error: NameError) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Undefined(error), hint: None }
}

/// Why a checked expression failed on the data it was evaluated on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum EvalError {
    #[error("division of {0} by zero")]
    DivisionByZero(Decimal),
    /// Boxed: the error travels in every `Result` the evaluator returns, once per node of every
    /// row's expressions, and a small `Result` is moved faster.
    #[error("arithmetic overflow in {} {} {}", .0.0, .0.1, .0.2)]
    Overflow(Box<(Decimal, &'static str, Decimal)>),
}

impl EvalError {
    /// The diagnostic code of this error.
    pub(crate) fn code(&self) -> Code {
        Code::Arithmetic
    }
}
