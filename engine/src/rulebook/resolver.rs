//! Resolving the names an expression reads, for one step: columns of the rows it runs over,
//! values computed per row by earlier steps, list attributes, scalars, sets and `exists` views.
//! Every name resolved is recorded as a dependency and a read of the step.

use std::collections::BTreeSet;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::expr::{self, Expr, ExprErrorKind, Resolver, Slot};
use crate::rulebook::{LISTED, ReadRef, Rulebook, space};
use crate::rules::step::{ExprSource, Mechanism, StepDef};
use crate::value::Kind;

pub(crate) struct Binder<'a> {
    pub(crate) rb: &'a Rulebook,
    pub(crate) defs: &'a [StepDef],
    pub(crate) step: usize,
    pub(crate) base: Option<usize>,
    pub(crate) inner: Option<usize>,
    pub(crate) deps: BTreeSet<usize>,
    pub(crate) reads: BTreeSet<ReadRef>,
    pub(crate) sets: Vec<(usize, usize)>,
    pub(crate) exists: Vec<usize>,
    /// Inside the classes of a `classify` step: that step and its list, for `listed` and `item.*`.
    pub(crate) classify_self: Option<(usize, usize)>,
}

impl<'a> Binder<'a> {
    pub(crate) fn view(&mut self, name: &str) -> Result<usize, String> {
        let Some(v) = self.rb.views.iter().position(|v| v.name == name) else {
            let names: Vec<&str> = self.rb.views.iter().map(|v| v.name.as_str()).collect();
            let hint = did_you_mean(name, names.iter().copied()).map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default();
            return Err(format!("unknown dataset or filter `{name}`{hint}"));
        };
        let view = &self.rb.views[v];
        match view.step {
            Some(s) => {
                if s == self.step {
                    return Err(format!("step `{name}` cannot read itself"));
                }
                self.deps.insert(s);
                self.reads.insert(ReadRef::Step(s));
            }
            None => {
                self.reads.insert(ReadRef::Dataset(view.dataset));
            }
        }
        Ok(v)
    }

    pub(crate) fn computed(&self, dataset: usize, name: &str) -> Option<(usize, &'a StepDef)> {
        let defs: &'a [StepDef] = self.defs;
        let rb: &'a Rulebook = self.rb;
        defs.iter().enumerate().find(|(_, d)| {
            d.name == name
                && match &d.mechanism {
                    Mechanism::Lookup { dataset: Some(ds), .. } | Mechanism::Classify { dataset: ds, .. } => {
                        rb.views.iter().find(|v| v.name == ds.text).is_some_and(|v| v.dataset == dataset)
                    }
                    _ => false,
                }
        })
    }

    pub(crate) fn unknown(&self, name: &str) -> String {
        let mut candidates: Vec<&str> = self.rb.scalars.iter().map(|s| s.name.as_str()).collect();
        for ds in [self.base, self.inner].into_iter().flatten() {
            candidates.extend(self.rb.datasets[ds].columns.iter().map(|(c, _)| c.as_str()));
        }
        match did_you_mean(name, candidates) {
            Some(c) => format!("unknown name `{name}` (did you mean `{c}`?)"),
            None => format!("unknown name `{name}`"),
        }
    }
}

impl<'a> Resolver for Binder<'a> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), String> {
        let slot = |space, index: usize, sub: usize| Slot { space, index: index as u32, sub: sub as u32 };
        if let Some((step, l)) = self.classify_self {
            let list = &self.rb.lists[l];
            match (name, member) {
                ("listed", None) => return Ok((Slot { space: space::ITEM, index: step as u32, sub: LISTED }, Kind::Bool)),
                ("item", Some(attr)) => {
                    let a = list.attribute_index(attr).ok_or_else(|| {
                        let names: Vec<&str> = list.attributes.iter().map(|a| a.name.as_str()).collect();
                        format!("list `{}` has no attribute `{attr}` (it has {})", list.name, names.join(", "))
                    })?;
                    return Ok((slot(space::ITEM, step, a), list.attributes[a].unit.kind()));
                }
                _ => {}
            }
        }
        if member.is_none() {
            for (space_id, ds) in [(space::INNER, self.inner), (space::COLUMN, self.base)] {
                let Some(ds) = ds else { continue };
                if let Some(c) = self.rb.datasets[ds].columns.iter().position(|(c, _)| c == name) {
                    return Ok((slot(space_id, c, 0), self.rb.datasets[ds].columns[c].1));
                }
            }
        }
        if let Some(ds) = self.base
            && let Some((s, def)) = self.computed(ds, name)
        {
            if s == self.step {
                return Err(format!("step `{name}` cannot read itself"));
            }
            self.deps.insert(s);
            self.reads.insert(ReadRef::Step(s));
            return match (&def.mechanism, member) {
                (Mechanism::Classify { list, .. }, Some(attr)) => {
                    let l =
                        self.rb.lists.iter().position(|l| l.name == list.text).ok_or_else(|| format!("unknown list `{}`", list.text))?;
                    let list = &self.rb.lists[l];
                    let a = list.attribute_index(attr).ok_or_else(|| {
                        let names: Vec<&str> = list.attributes.iter().map(|a| a.name.as_str()).collect();
                        format!("list `{}` has no attribute `{attr}` (it has {})", list.name, names.join(", "))
                    })?;
                    self.reads.insert(ReadRef::List(l));
                    Ok((slot(space::ITEM, s, a), list.attributes[a].unit.kind()))
                }
                (Mechanism::Classify { .. }, None) => Ok((slot(space::COMPUTED, s, 0), Kind::Text)),
                (_, None) => Ok((slot(space::COMPUTED, s, 0), Kind::Number)),
                (_, Some(m)) => Err(format!("`{name}` has no member `{m}`")),
            };
        }
        if let Some(m) = member {
            return Err(format!("`{name}.{m}`: only the classes of a `classify` step on these rows have members"));
        }
        let Some(i) = self.rb.scalars.iter().position(|s| s.name == name) else { return Err(self.unknown(name)) };
        let def = &self.rb.scalars[i];
        if let ReadRef::Step(s) = def.origin {
            if s == self.step {
                return Err(format!("step `{name}` cannot read itself"));
            }
            self.deps.insert(s);
        }
        self.reads.insert(def.origin);
        Ok((slot(space::SCALAR, i, 0), def.kind))
    }

    fn set(&mut self, view: &str, column: &str) -> Result<(usize, Kind), String> {
        let v = self.view(view)?;
        let ds = self.rb.views[v].dataset;
        let Some(c) = self.rb.datasets[ds].columns.iter().position(|(c, _)| c == column) else {
            return Err(format!("`{view}` has no column `{column}`"));
        };
        let key = (v, c);
        let id = match self.rb.sets.iter().chain(&self.sets).position(|s| *s == key) {
            Some(i) => i,
            None => {
                self.sets.push(key);
                self.rb.sets.len() + self.sets.len() - 1
            }
        };
        Ok((id, self.rb.datasets[ds].columns[c].1))
    }

    fn enter(&mut self, view: &str) -> Result<usize, String> {
        if self.inner.is_some() {
            return Err("`exists` cannot be nested".into());
        }
        let v = self.view(view)?;
        self.inner = Some(self.rb.views[v].dataset);
        let id = match self.rb.exists_views.iter().chain(&self.exists).position(|e| *e == v) {
            Some(i) => i,
            None => {
                self.exists.push(v);
                self.rb.exists_views.len() + self.exists.len() - 1
            }
        };
        Ok(id)
    }

    fn leave(&mut self) {
        self.inner = None;
    }
}

/// Checks an expression, reporting its error at the right place of its file.
pub(crate) fn check_expr(b: &mut Binder<'_>, e: &ExprSource, want: Option<Kind>, what: &str, diags: &mut Vec<Diagnostic>) -> Option<Expr> {
    let file = &b.rb.files[e.file];
    match expr::check(&e.ast, b) {
        Ok((checked, kind)) => {
            if let Some(w) = want
                && kind != w
                && kind != Kind::Null
            {
                diags.push(
                    Diagnostic::error(Code::TypeMismatch, format!("{what} must be a {}, this is a {}", w.name(), kind.name()))
                        .at(file.location(e.file_span(e.ast.span()))),
                );
                return None;
            }
            Some(checked)
        }
        Err(err) => {
            let code = match err.kind {
                ExprErrorKind::Syntax => Code::ExpressionSyntax,
                ExprErrorKind::Undefined => Code::UndefinedName,
                ExprErrorKind::Type => Code::TypeMismatch,
            };
            let mut d = Diagnostic::error(code, format!("in {what}: {}", err.message)).at(file.location(e.file_span(err.span)));
            if let Some(h) = err.hint {
                d = d.hint(h);
            }
            diags.push(d);
            None
        }
    }
}
