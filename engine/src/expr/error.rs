//! Why an expression was refused at load (its syntax, a name it reads, a type), and why one
//! failed on data while it was evaluated.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Suggestion};
use crate::message::Message;

/// An error of parsing or checking, with its span inside the expression text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExprError {
    pub(crate) span: Range<usize>,
    pub(crate) kind: ExprErrorKind,
    pub(crate) hint: Option<Message>,
}

/// What is wrong with an expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ExprErrorKind {
    /// It does not parse.
    Syntax(Message),
    /// It reads a name that is not defined where it is read.
    Undefined(NameError),
    /// It combines values of incompatible types.
    Type(Message),
}

impl ExprErrorKind {
    /// What is wrong, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            ExprErrorKind::Syntax(m) | ExprErrorKind::Type(m) => m.clone(),
            ExprErrorKind::Undefined(n) => n.message(),
        }
    }
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
    pub(crate) fn message(&self) -> Message {
        self.kind.message()
    }
}

/// A name an expression reads that cannot be resolved where it is read. Each variant says what
/// kind of name was sought, so that a suggestion is only ever a name of that kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NameError {
    Unknown { name: String, suggestion: Option<Suggestion> },
    UnknownFunction { name: String },
    UnknownView { name: String, suggestion: Option<String> },
    UnknownList(String),
    NotANormColumn { name: String, norm: String, suggestion: Option<String> },
    SelfReference(String),
    NoAttribute { list: String, attribute: String, available: String },
    NoMember { name: String, member: String },
    MemberOfScalar { name: String, member: String },
    NoColumn { view: String, column: String },
    NestedExists,
    MemberInCondition(String),
    NotInCondition(String),
    GroupedReadAsTotal { name: String, key: String },
    PerRowElsewhere { name: String, dataset: String },
    RowsInCalendar(String),
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

    /// What is wrong, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            NameError::Unknown { name, suggestion: Some(s) } => {
                msg!("data-expr-unknown-name-suggested", name = name, suggestion = s.message())
            }
            NameError::Unknown { name, suggestion: None } => msg!("data-expr-unknown-name", name = name),
            NameError::UnknownFunction { name } => msg!("data-expr-unknown-function", name = name),
            NameError::UnknownView { name, suggestion: Some(s) } => msg!("data-expr-unknown-view-suggested", name = name, suggestion = s),
            NameError::UnknownView { name, suggestion: None } => msg!("data-expr-unknown-view", name = name),
            NameError::UnknownList(name) => msg!("data-expr-unknown-list", name = name),
            NameError::NotANormColumn { name, norm, suggestion: Some(s) } => {
                msg!("data-expr-not-a-column-suggested", name = name, norm = norm, suggestion = s)
            }
            NameError::NotANormColumn { name, norm, suggestion: None } => msg!("data-expr-not-a-column", name = name, norm = norm),
            NameError::SelfReference(name) => msg!("data-expr-self-reference", name = name),
            NameError::NoAttribute { list, attribute, available } => {
                msg!("data-expr-no-attribute", list = list, attribute = attribute, available = available)
            }
            NameError::NoMember { name, member } => msg!("data-expr-no-member", name = name, member = member),
            NameError::MemberOfScalar { name, member } => msg!("data-expr-member-of-scalar", name = name, member = member),
            NameError::NoColumn { view, column } => msg!("data-expr-no-column", view = view, column = column),
            NameError::NestedExists => msg!("data-expr-nested-exists"),
            NameError::MemberInCondition(name) => msg!("data-expr-member-in-condition", name = name),
            NameError::NotInCondition(what) => msg!("data-expr-not-in-condition", what = what),
            NameError::GroupedReadAsTotal { name, key } => msg!("data-expr-grouped-read-as-total", name = name, key = key),
            NameError::PerRowElsewhere { name, dataset } => msg!("data-expr-per-row-elsewhere", name = name, dataset = dataset),
            NameError::RowsInCalendar(name) => msg!("data-expr-rows-in-calendar", name = name),
            NameError::NotGrouped { name } => msg!("data-expr-not-grouped", name = name),
        }
    }
}

pub(crate) fn syntax(span: Range<usize>, message: Message) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Syntax(message), hint: None }
}

pub(crate) fn type_error(span: Range<usize>, message: Message) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Type(message), hint: None }
}

pub(crate) fn undefined(span: Range<usize>, error: NameError) -> ExprError {
    ExprError { span, kind: ExprErrorKind::Undefined(error), hint: None }
}

/// Why a checked expression failed on the data it was evaluated on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EvalError {
    DivisionByZero(Decimal),
    /// Boxed: the error travels in every `Result` the evaluator returns, once per node of every
    /// row's expressions, and a small `Result` is moved faster.
    Overflow(Box<(Decimal, &'static str, Decimal)>),
}

impl EvalError {
    /// The diagnostic code of this error.
    pub(crate) fn code(&self) -> Code {
        Code::Arithmetic
    }

    /// What failed, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            EvalError::DivisionByZero(n) => msg!("data-expr-division-by-zero", number = n.to_string()),
            EvalError::Overflow(o) => msg!("data-expr-overflow", left = o.0.to_string(), op = o.1, right = o.2.to_string()),
        }
    }
}
