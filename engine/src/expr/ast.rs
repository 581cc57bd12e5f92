//! Expressions as parsed: the syntax tree with the span of every node, before any name is
//! resolved, and the names it mentions.

use std::ops::Range;

use crate::value::Value;

/// An expression as written, with byte spans inside its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ast {
    Lit(Value, Range<usize>),
    Name(String, Option<String>, Range<usize>),
    Unary(UnOp, Box<Ast>, Range<usize>),
    Binary(BinOp, Box<Ast>, Box<Ast>, Range<usize>),
    Call(String, Vec<Ast>, Range<usize>),
    In(Box<Ast>, String, String, Range<usize>),
    Exists(String, Box<Ast>, Range<usize>),
}

impl Ast {
    pub(crate) fn span(&self) -> Range<usize> {
        match self {
            Ast::Lit(_, s)
            | Ast::Name(_, _, s)
            | Ast::Unary(_, _, s)
            | Ast::Binary(_, _, _, s)
            | Ast::Call(_, _, s)
            | Ast::In(_, _, _, s)
            | Ast::Exists(_, _, s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnOp {
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}
