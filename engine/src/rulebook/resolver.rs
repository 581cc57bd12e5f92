//! Resolving the names an expression reads, for one step: columns of the rows it runs over,
//! values computed per row by earlier steps, list attributes, scalars, sets and `exists` views.
//! Every name resolved is recorded as a dependency and a read of the step.

use std::collections::BTreeSet;

use typed_index_collections::TiSlice;

use crate::diagnostic::{Diagnostic, Location, NameKind, Pool, did_you_mean, suggest};
use crate::expr::{self, Expr, ExprError, ExprErrorKind, ItemField, Keyed, NameError, Resolver, Slot};
use crate::ids::{AttrId, ColumnId, DatasetId, ExistsId, ListId, SetId, StepId, ViewId};
use crate::mechanism::PerRow;
use crate::message::Message;
use crate::rulebook::{ReadRef, Scope};
use crate::rules::list::CodeList;
use crate::rules::step::{ExprSource, StepDef};
use crate::value::Kind;

pub(crate) struct Binder<'a> {
    pub(crate) rb: &'a Scope,
    pub(crate) defs: &'a TiSlice<StepId, StepDef>,
    pub(crate) step: StepId,
    /// The dataset of the rows the expression runs over.
    pub(crate) base: Option<DatasetId>,
    /// Inside `exists`: the dataset of the rows it looks at.
    pub(crate) inner: Option<DatasetId>,
    pub(crate) deps: BTreeSet<StepId>,
    pub(crate) reads: BTreeSet<ReadRef>,
    /// Sets and `exists` views first used by this step, numbered after the rulebook's.
    pub(crate) sets: Vec<(ViewId, ColumnId)>,
    pub(crate) exists: Vec<ViewId>,
    /// The columns of datasets its expressions read (as values per row, as sets, as `exists`
    /// keys): what a case keeps of its data files (`DatasetDef::kept`).
    pub(crate) columns: BTreeSet<(DatasetId, ColumnId)>,
    /// Inside the classes of a `classify` step: that step and its list, for `listed` and `item.*`.
    pub(crate) classify_self: Option<(StepId, ListId)>,
    /// How many grouping expressions deep this binder checks, to find the kind of a grouped
    /// step's keys (`group_key_kind`).
    key_depth: u8,
}

impl<'a> Binder<'a> {
    pub(crate) fn new(rb: &'a Scope, defs: &'a TiSlice<StepId, StepDef>, step: StepId) -> Self {
        Binder {
            rb,
            defs,
            step,
            base: None,
            inner: None,
            deps: BTreeSet::new(),
            reads: BTreeSet::new(),
            sets: Vec::new(),
            exists: Vec::new(),
            columns: BTreeSet::new(),
            classify_self: None,
            key_depth: 0,
        }
    }

    /// The view `name`, recorded as a read (and a dependency when a step defines it).
    pub(crate) fn view(&mut self, name: &str) -> Result<ViewId, NameError> {
        let Some(v) = self.rb.views.position(|v| v.name == name) else {
            let suggestion = did_you_mean(name, self.rb.views.iter().map(|v| v.name.as_str())).map(str::to_string);
            return Err(NameError::UnknownView { name: name.to_string(), suggestion });
        };
        let view = &self.rb.views[v];
        match view.step {
            Some(s) => {
                self.depend_on(s, name)?;
                self.reads.insert(ReadRef::Step(s));
            }
            None => {
                self.reads.insert(ReadRef::Dataset(view.dataset));
            }
        }
        Ok(v)
    }

    /// Records that the step being bound reads step `s`, which cannot be itself.
    fn depend_on(&mut self, s: StepId, name: &str) -> Result<(), NameError> {
        if s == self.step {
            return Err(NameError::SelfReference(name.to_string()));
        }
        self.deps.insert(s);
        Ok(())
    }

    /// The step named `name` that computes a value per row of `dataset` (a lookup or a classify).
    pub(crate) fn computed(&self, dataset: DatasetId, name: &str) -> Option<(StepId, &'a StepDef)> {
        let defs: &'a TiSlice<StepId, StepDef> = self.defs;
        let rb: &'a Scope = self.rb;
        defs.iter_enumerated().find(|(_, d)| d.name == name && per_row_dataset(rb, d) == Some(dataset))
    }

    /// Why step `s` (`def`) cannot be read by its name alone here: over rows, a value per group
    /// or per row of other rows would silently be a total; anywhere, a value per row that is no
    /// number has no total at all.
    fn refused_read(&self, s: StepId, def: &StepDef) -> Option<NameError> {
        let per_row = || {
            per_row_dataset(self.rb, def)
                .map(|ds| NameError::PerRowElsewhere { name: def.name.clone(), dataset: self.rb.datasets[ds].name.clone() })
        };
        let rows = def.mechanism.rows();
        match (rows.grouped, rows.per_row, self.base) {
            (Some((_, key)), _, Some(_)) => Some(NameError::GroupedReadAsTotal {
                name: def.name.clone(),
                key: key.text.split_whitespace().collect::<Vec<_>>().join(" "),
            }),
            (None, _, Some(_)) => per_row(),
            (_, Some((_, PerRow::OfUnit)), None) if self.step_kind(s) != Kind::Number => per_row(),
            (_, _, None) => None,
        }
    }

    /// A name nothing defines, with the closest name of the kinds that could be read here:
    /// columns of the rows in scope and values computed per row, then the scalars by kind.
    fn unknown(&self, name: &str) -> NameError {
        let mut pools: Vec<Pool<'_>> = Vec::new();
        for ds in [self.inner, self.base].into_iter().flatten() {
            pools.push((NameKind::Column, self.rb.datasets[ds].columns.iter().map(|(c, _)| c.as_str()).collect()));
            // One pass over the steps (each unknown name of a large rulebook is one diagnostic).
            let per_row = self.defs.iter().filter(|d| per_row_dataset(self.rb, d) == Some(ds)).map(|d| d.name.as_str()).collect();
            pools.push((NameKind::Step, per_row));
        }
        pools.extend(scalar_pools(self.rb));
        NameError::Unknown { name: name.to_string(), suggestion: suggest(name, &pools) }
    }

    /// The column `name` of the rows in scope (`exists`' inner rows first), recorded as read.
    fn column(&mut self, name: &str) -> Option<(Slot, Kind)> {
        let scopes = [(self.inner, Slot::Inner as fn(ColumnId) -> Slot), (self.base, Slot::Column)];
        let (ds, c, slot) = scopes.into_iter().find_map(|(ds, slot)| {
            let ds = ds?;
            Some((ds, self.rb.datasets[ds].columns.position(|(c, _)| c == name)?, slot))
        })?;
        self.columns.insert((ds, c));
        Some((slot(c), self.rb.datasets[ds].columns[c].1))
    }

    /// A value computed per row by step `s` (`def`), or one of its item's attributes.
    fn computed_slot(&mut self, s: StepId, def: &StepDef, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError> {
        self.depend_on(s, name)?;
        self.reads.insert(ReadRef::Step(s));
        match (def.mechanism.rows().per_row.map(|(_, value)| value), member) {
            (Some(PerRow::Class { list }), Some(attr)) => {
                let l = self.rb.lists.position(|l| l.name == list.text).ok_or_else(|| NameError::UnknownList(list.text.clone()))?;
                let a = attribute(&self.rb.lists[l], attr)?;
                self.reads.insert(ReadRef::List(l));
                Ok((Slot::Item(s, ItemField::Attribute(a)), self.rb.lists[l].attributes[a.index()].unit.kind()))
            }
            (Some(PerRow::Class { .. }), None) => Ok((Slot::Computed(s), Kind::Text)),
            (Some(PerRow::OfUnit), None) => Ok((Slot::Computed(s), self.step_kind(s))),
            (Some(PerRow::Number) | None, None) => Ok((Slot::Computed(s), Kind::Number)),
            (Some(PerRow::Number | PerRow::OfUnit) | None, Some(m)) => {
                Err(NameError::NoMember { name: name.to_string(), member: m.to_string() })
            }
        }
    }

    /// The kind of step `s`'s value, from its unit.
    fn step_kind(&self, s: StepId) -> Kind {
        self.rb.scalars.iter().find(|x| x.origin == ReadRef::Step(s)).map_or(Kind::Number, |x| x.kind)
    }

    /// Inside the classes of a classify step: `listed`, or an attribute of the row's item.
    fn own_item(&self, name: &str, member: Option<&str>) -> Option<Result<(Slot, Kind), NameError>> {
        let (step, l) = self.classify_self?;
        let list = &self.rb.lists[l];
        match (name, member) {
            ("listed", None) => Some(Ok((Slot::Item(step, ItemField::Listed), Kind::Bool))),
            ("item", Some(attr)) => {
                Some(attribute(list, attr).map(|a| (Slot::Item(step, ItemField::Attribute(a)), list.attributes[a.index()].unit.kind())))
            }
            _ => None,
        }
    }
}

/// The dataset whose rows step `d` computes a value for (a lookup over rows, a classify, a
/// derive), if any.
fn per_row_dataset(rb: &Scope, d: &StepDef) -> Option<DatasetId> {
    let (ds, _) = d.mechanism.rows().per_row?;
    rb.views.iter().find(|v| v.name == ds.text).map(|v| v.dataset)
}

/// The scalars every expression may read, one pool per kind: parameters, inputs, steps and
/// built-ins.
pub(crate) fn scalar_pools(rb: &Scope) -> Vec<Pool<'_>> {
    let kinds = [NameKind::Parameter, NameKind::Input, NameKind::Step, NameKind::Builtin];
    kinds
        .into_iter()
        .map(|kind| {
            let names = rb.scalars.iter().filter(|s| scalar_kind(s.origin) == kind).map(|s| s.name.as_str()).collect();
            (kind, names)
        })
        .collect()
}

fn scalar_kind(origin: ReadRef) -> NameKind {
    match origin {
        ReadRef::Parameter(_) => NameKind::Parameter,
        ReadRef::Input(_) => NameKind::Input,
        ReadRef::Builtin(_) => NameKind::Builtin,
        _ => NameKind::Step,
    }
}

/// Attribute `attr` of `list`.
fn attribute(list: &CodeList, attr: &str) -> Result<AttrId, NameError> {
    list.attribute_index(attr).map(AttrId::from).ok_or_else(|| NameError::NoAttribute {
        list: list.name.clone(),
        attribute: attr.to_string(),
        available: list.attributes.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "),
    })
}

impl Resolver for Binder<'_> {
    fn name(&mut self, name: &str, member: Option<&str>) -> Result<(Slot, Kind), NameError> {
        if let Some(own) = self.own_item(name, member) {
            return own;
        }
        if member.is_none()
            && let Some(column) = self.column(name)
        {
            return Ok(column);
        }
        if let Some(ds) = self.base
            && let Some((s, def)) = self.computed(ds, name)
        {
            return self.computed_slot(s, def, name, member);
        }
        if let Some(m) = member {
            return Err(NameError::MemberOfScalar { name: name.to_string(), member: m.to_string() });
        }
        let Some(i) = self.rb.scalars.position(|s| s.name == name) else { return Err(self.unknown(name)) };
        let def = &self.rb.scalars[i];
        if let ReadRef::Step(s) = def.origin {
            if let Some(refused) = self.refused_read(s, &self.defs[s]) {
                return Err(refused);
            }
            self.depend_on(s, name)?;
        }
        self.reads.insert(def.origin);
        Ok((Slot::Scalar(i), def.kind))
    }

    fn set(&mut self, view: &str, column: &str) -> Result<(SetId, Kind), NameError> {
        let v = self.view(view)?;
        let dataset = self.rb.views[v].dataset;
        let columns = &self.rb.datasets[dataset].columns;
        let Some(c) = columns.position(|(c, _)| c == column) else {
            return Err(NameError::NoColumn { view: view.to_string(), column: column.to_string() });
        };
        self.columns.insert((dataset, c));
        let key = (v, c);
        let id = match self.rb.sets.iter().chain(&self.sets).position(|s| *s == key) {
            Some(i) => i,
            None => {
                self.sets.push(key);
                self.rb.sets.len() + self.sets.len() - 1
            }
        };
        Ok((SetId::from(id), columns[c].1))
    }

    fn enter(&mut self, view: &str) -> Result<ExistsId, NameError> {
        if self.inner.is_some() {
            return Err(NameError::NestedExists);
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
        Ok(ExistsId::from(id))
    }

    fn leave(&mut self) {
        self.inner = None;
    }

    fn keyed(&mut self, name: &str) -> Option<Result<Keyed, NameError>> {
        let (s, def) = self.defs.iter_enumerated().find(|(_, d)| d.name == name)?;
        if def.mechanism.rows().grouped.is_none() {
            return Some(Err(NameError::NotGrouped { name: name.to_string() }));
        }
        if let Err(e) = self.depend_on(s, name) {
            return Some(Err(e));
        }
        self.reads.insert(ReadRef::Step(s));
        Some(Ok(Keyed { step: s, kind: self.step_kind(s), groups: self.group_key_kind(s) }))
    }
}

impl Binder<'_> {
    /// The kind of the keys of grouped aggregate step `s`: its grouping expression checked over
    /// its rows, apart from the step being bound. `None` when that expression does not check
    /// (its own diagnostic says why) or keyed reads nest too deep to follow (a cycle, which
    /// ordering reports).
    fn group_key_kind(&self, s: StepId) -> Option<Kind> {
        let (dataset, group) = self.defs[s].mechanism.rows().grouped?;
        if self.key_depth >= 8 {
            return None;
        }
        let mut inner = Binder::new(self.rb, self.defs, s);
        inner.key_depth = self.key_depth + 1;
        let view = inner.view(&dataset.text).ok()?;
        inner.base = Some(self.rb.views[view].dataset);
        expr::check(&group.ast, &mut inner).ok().map(|(_, kind)| kind)
    }
}

/// The diagnostic of an expression that does not check: `message` says where it stands, at
/// `at`; it keeps the name left undefined (so that a root cause can take it) and the hint.
pub(crate) fn expr_error_diagnostic(err: ExprError, message: Message, at: Location) -> Diagnostic {
    let mut d = Diagnostic::error(err.code(), message).at(at);
    if let ExprErrorKind::Undefined(n) = &err.kind
        && let Some(name) = n.undefined_name()
    {
        d = d.undefined(name);
    }
    if let Some(h) = err.hint {
        d = d.hint(h);
    }
    d
}

/// Checks an expression, reporting its error at the right place of its file.
pub(crate) fn check_expr(
    b: &mut Binder<'_>,
    e: &ExprSource,
    want: Option<Kind>,
    what: &Message,
    diags: &mut Vec<Diagnostic>,
) -> Option<Expr> {
    let file = &b.rb.files[e.file];
    match expr::check(&e.ast, b) {
        Ok((checked, kind)) => {
            if let Some(w) = want
                && kind != w
                && kind != Kind::Null
            {
                diags.push(
                    Diagnostic::error(
                        crate::diagnostic::Code::TypeMismatch,
                        msg!("rules-expr-kind", what = what, needed = w.name(), kind = kind.name()),
                    )
                    .at(file.location(e.file_span(e.ast.span()))),
                );
                return None;
            }
            Some(checked)
        }
        Err(err) => {
            let message = msg!("rules-in", what = what, reason = err.message());
            let at = file.location(e.file_span(err.span.clone()));
            diags.push(expr_error_diagnostic(err, message, at));
            None
        }
    }
}
