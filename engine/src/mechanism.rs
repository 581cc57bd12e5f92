//! Step mechanisms: how a step computes its value (filter a dataset, look a table up, aggregate,
//! derive a value per row, classify rows, a Rhai formula or function, checks, a score). Each
//! mechanism is one file of this folder, one implementation of `StepMechanism`: reading its
//! TOML, its entry in the steps schema, its unit, binding it to a plan, describing it, running the
//! plan. The closed enums [`Mechanism`] (as written) and `Plan` (bound) are declared once by
//! `mechanisms!` below, which writes every dispatch: a mechanism left out of one does not build.

use std::ops::Range;

use schemars::{JsonSchema, Schema, SchemaGenerator};

use crate::diagnostic::{Code, Diagnostic, SourceFile};
use crate::eval::state::State;
use crate::eval::{EvalPath, StepResult};
use crate::expr::Expr;
use crate::ids::{FileId, StepId, ViewId};
use crate::message::Message;
use crate::names::closed_names;
use crate::rulebook::resolver::{Binder, check_expr};
use crate::rulebook::{Rulebook, Scope};
use crate::rules::step::{ExprSource, Spanned, StepDef};
use crate::rules::strict::Obj;
use crate::value::{Kind, Unit};

pub mod aggregate;
pub mod checks;
pub mod classify;
pub mod derive;
pub mod filter;
pub mod formula;
pub mod function;
pub mod lookup;
pub mod score;

/// What one mechanism knows, from its TOML to its run. Implemented once per mechanism, in its own
/// file; `Mechanism` and `Plan` dispatch to it.
pub(crate) trait StepMechanism: Sized {
    /// The mechanism bound: typed ids and checked expressions.
    type Plan;
    /// Its entry in a `[[step]]` as the JSON schema and the schema tests read it.
    type Entry: JsonSchema + serde::de::DeserializeOwned;
    /// What its key of a `[[step]]` is for, in the steps schema.
    const DOC: &'static str;
    /// How outputs name the mechanism (`mechanism` in a report): its key unless said here.
    const SHOWN_AS: Option<&'static str> = None;

    /// Reads its key of a step (`obj` is the step's table); every problem is a diagnostic of
    /// `obj`'s context.
    fn read(obj: &Obj<'_, '_>, key: &'static str, file: FileId) -> Option<Self>;
    /// The unit its value has when the step declares none.
    fn unit(&self, rb: &Scope) -> DerivedUnit;
    /// Every expression it holds, to move them into another rulebook's files.
    fn exprs_mut(&mut self) -> Vec<&mut ExprSource>;
    /// The mechanism as people read it: what is filtered, looked up, summed or computed.
    fn describe(&self) -> Message;
    /// What it says of the rows of a dataset that other steps read.
    fn rows(&self) -> Rows<'_>;
    /// The labels it holds besides the step's own (checks, classes), with what each is.
    fn labels(&self, step: &str) -> Vec<(Message, &str)>;
    /// Binds its names and checks its expressions; every problem is pushed to `diags`.
    fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<Self::Plan>;
    /// Runs the plan on the reference path (the tree-walker, row by row).
    fn run(plan: &Self::Plan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> StepResult;
    /// Runs the plan on the vector path; `None` for a mechanism that runs on scalars.
    fn run_vector(plan: &Self::Plan, rb: &Rulebook, st: &mut State<'_>, i: StepId) -> Option<StepResult>;
}

/// The unit a mechanism gives its value.
pub(crate) enum DerivedUnit {
    /// Always this unit (a count, a rate, a truth).
    Is(Unit),
    /// The unit of what it reads, when found (a table's column).
    Of(Option<Unit>),
    /// None: the step must declare it.
    Declared,
}

/// What a mechanism says of the rows of a dataset.
#[derive(Default)]
pub(crate) struct Rows<'a> {
    /// A filter: the view it defines over these rows.
    pub(crate) view_of: Option<&'a Spanned>,
    /// A value per row of these rows, which expressions over them read like a column.
    pub(crate) per_row: Option<(&'a Spanned, PerRow<'a>)>,
    /// A grouped aggregate: its rows and its grouping expression (read by key: `step(KEY)`).
    pub(crate) grouped: Option<(&'a Spanned, &'a ExprSource)>,
}

/// The value a mechanism computes per row, as expressions read it.
#[derive(Clone, Copy)]
pub(crate) enum PerRow<'a> {
    /// A number (a lookup's value).
    Number,
    /// A value of the step's unit, which has no total when it is no number (a derive).
    OfUnit,
    /// The name of the row's class; `step.attribute` reads the row's item of `list`.
    Class { list: &'a Spanned },
}

macro_rules! mechanisms {
    ($($variant:ident($module:ident::$ty:ident) = $key:literal),+ $(,)?) => {
        closed_names! {
            /// The keys that name a step's mechanism in a rule file, one per mechanism.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            pub enum MechanismKey { $($variant = $key),+ }
        }

        /// A step's mechanism as written.
        #[derive(Debug, Clone)]
        pub enum Mechanism {
            $($variant($module::$ty),)+
        }

        /// A step's mechanism bound: what evaluation runs.
        #[derive(Debug, Clone)]
        pub(crate) enum Plan {
            $($variant(<$module::$ty as StepMechanism>::Plan),)+
        }

        impl Mechanism {
            /// Reads the mechanism `key` names of the step `obj`.
            fn read_key(obj: &Obj<'_, '_>, key: MechanismKey, file: FileId) -> Option<Mechanism> {
                match key {
                    $(MechanismKey::$variant => $module::$ty::read(obj, $key, file).map(Mechanism::$variant),)+
                }
            }

            /// The key that names it in a rule file.
            pub fn key(&self) -> MechanismKey {
                match self {
                    $(Mechanism::$variant(_) => MechanismKey::$variant,)+
                }
            }

            /// How outputs name the mechanism.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Mechanism::$variant(_) => <$module::$ty as StepMechanism>::SHOWN_AS.unwrap_or($key),)+
                }
            }

            pub(crate) fn unit(&self, rb: &Scope) -> DerivedUnit {
                match self {
                    $(Mechanism::$variant(m) => m.unit(rb),)+
                }
            }

            pub(crate) fn exprs_mut(&mut self) -> Vec<&mut ExprSource> {
                match self {
                    $(Mechanism::$variant(m) => m.exprs_mut(),)+
                }
            }

            pub(crate) fn describe(&self) -> Message {
                match self {
                    $(Mechanism::$variant(m) => m.describe(),)+
                }
            }

            pub(crate) fn rows(&self) -> Rows<'_> {
                match self {
                    $(Mechanism::$variant(m) => m.rows(),)+
                }
            }

            pub(crate) fn labels(&self, step: &str) -> Vec<(Message, &str)> {
                match self {
                    $(Mechanism::$variant(m) => m.labels(step),)+
                }
            }

            pub(crate) fn bind(&self, b: &mut Binder<'_>, cx: &StepCx<'_>, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
                match self {
                    $(Mechanism::$variant(m) => m.bind(b, cx, diags).map(Plan::$variant),)+
                }
            }
        }

        impl Plan {
            /// Runs step `i`: on the vector path first unless `path` is the reference, and again on
            /// the reference path when the vector run fails (which gives the reference's failure),
            /// unless `path` is the vector path alone.
            pub(crate) fn run(&self, rb: &Rulebook, st: &mut State<'_>, i: StepId, path: EvalPath) -> StepResult {
                match self {
                    $(Plan::$variant(p) => run_on::<$module::$ty>(p, rb, st, i, path),)+
                }
            }
        }

        /// The mechanism keys of a step, as the steps schema reads them.
        #[derive(Debug)]
        pub(crate) struct Entries;

        impl JsonSchema for Entries {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                "Mechanisms".into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let mut properties = serde_json::Map::new();
                $(properties.insert($key.into(), entry::<$module::$ty>(generator).to_value());)+
                let mut s = Schema::default();
                s.insert("type".into(), "object".into());
                s.insert("properties".into(), properties.into());
                s
            }
        }

        impl<'de> serde::Deserialize<'de> for Entries {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use serde::de::Error;
                let map = <std::collections::BTreeMap<String, toml::Value> as serde::Deserialize>::deserialize(d)?;
                for (key, value) in map {
                    match MechanismKey::parse(&key) {
                        $(Some(MechanismKey::$variant) => {
                            value.try_into::<<$module::$ty as StepMechanism>::Entry>().map_err(D::Error::custom)?;
                        })+
                        None => return Err(D::Error::unknown_field(&key, MechanismKey::NAMES)),
                    }
                }
                Ok(Entries)
            }
        }
    };
}

mechanisms! {
    Filter(filter::Filter) = "filter",
    Lookup(lookup::Lookup) = "lookup",
    Aggregate(aggregate::Aggregate) = "aggregate",
    Derive(derive::Derive) = "derive",
    Classify(classify::Classify) = "classify",
    Formula(formula::Formula) = "formula",
    Function(function::Function) = "function",
    Checks(checks::Checks) = "checks",
    Score(score::Score) = "score",
}

impl Mechanism {
    /// Reads the one mechanism of the step `obj`: its key must be there, alone.
    pub(crate) fn read(obj: &Obj<'_, '_>, what: &Message, file: FileId) -> Option<Mechanism> {
        let ctx = obj.ctx();
        let present: Vec<MechanismKey> = MechanismKey::ALL.iter().copied().filter(|m| obj.has(m.as_str())).collect();
        match present.as_slice() {
            [one] => Mechanism::read_key(obj, *one, file),
            [] => {
                ctx.error_hint(
                    Code::MissingKey,
                    obj.span(),
                    msg!("rules-no-mechanism", what = what.clone()),
                    msg!("rules-give-one-of", choices = MechanismKey::NAMES.join(", ")),
                );
                None
            }
            many => {
                let many: Vec<&str> = many.iter().map(|m| m.as_str()).collect();
                ctx.error(
                    Code::InvalidValue,
                    obj.span(),
                    msg!("rules-several-mechanisms", what = what.clone(), mechanisms = many.join(", ")),
                );
                None
            }
        }
    }
}

/// A plan run on the path asked for (see `Plan::run`).
fn run_on<M: StepMechanism>(plan: &M::Plan, rb: &Rulebook, st: &mut State<'_>, i: StepId, path: EvalPath) -> StepResult {
    if path != EvalPath::Reference {
        match M::run_vector(plan, rb, st, i) {
            Some(Ok(result)) => return Ok(result),
            Some(Err(failure)) if path == EvalPath::VectorOnly => return Err(failure),
            Some(Err(_)) => st.trace.fell_back.set(true),
            None => {}
        }
    }
    M::run(plan, rb, st, i)
}

/// The schema of a mechanism's key: its entry's, described.
fn entry<M: StepMechanism>(generator: &mut SchemaGenerator) -> Schema {
    let sub = generator.subschema_for::<M::Entry>();
    if sub.get("$ref").is_some() {
        let mut s = Schema::default();
        s.insert("description".into(), M::DOC.into());
        s.insert("allOf".into(), vec![sub.to_value()].into());
        s
    } else {
        let mut s = sub;
        s.insert("description".into(), M::DOC.into());
        s
    }
}

// ---------------------------------------------------------------------------------------------
// What binding a mechanism shares.

/// The step being bound and its file, for messages and locations.
pub(crate) struct StepCx<'a> {
    pub(crate) d: &'a StepDef,
    pub(crate) file: &'a SourceFile,
}

impl StepCx<'_> {
    /// "`part` of step `name`", as messages name a part of the step.
    fn what(&self, part: Message) -> Message {
        msg!("rules-part-of-step", part = part, step = &self.d.name)
    }

    /// Checks an expression of the step, of kind `want` if given.
    pub(crate) fn check(
        &self,
        b: &mut Binder<'_>,
        e: &ExprSource,
        want: Option<Kind>,
        part: Message,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Expr> {
        check_expr(b, e, want, &self.what(part), diags)
    }

    /// An optional expression: `Some(None)` when absent, `None` when present and wrong.
    pub(crate) fn optional(
        &self,
        b: &mut Binder<'_>,
        e: Option<&ExprSource>,
        want: Option<Kind>,
        part: Message,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Option<Expr>> {
        match e {
            Some(e) => Some(Some(self.check(b, e, want, part, diags)?)),
            None => Some(None),
        }
    }

    /// That `at` names something undefined (the name written there), with `message`.
    pub(crate) fn undefined(&self, message: Message, at: &Spanned) -> Diagnostic {
        Diagnostic::error(Code::UndefinedName, message).at(self.file.location(at.span.clone())).undefined(at.text.as_str())
    }

    /// The location of `span` in the step's file.
    pub(crate) fn location(&self, span: Range<usize>) -> crate::diagnostic::Location {
        self.file.location(span)
    }

    /// The view the step runs over, whose columns its expressions then read.
    pub(crate) fn rows(&self, b: &mut Binder<'_>, dataset: &Spanned, diags: &mut Vec<Diagnostic>) -> Option<ViewId> {
        match b.view(&dataset.text) {
            Ok(view) => {
                b.base = Some(b.rb.views[view].dataset);
                Some(view)
            }
            Err(e) => {
                diags.push(self.undefined(e.message(), dataset));
                None
            }
        }
    }
}

/// The kind of the value of the step being bound, from its unit.
pub(crate) fn own_kind(b: &Binder<'_>) -> Option<Kind> {
    b.rb.scalars.iter().find(|s| s.origin == crate::rulebook::ReadRef::Step(b.step)).map(|s| s.kind)
}

/// Collapses the white space of a multi-line expression onto one line.
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// " where <condition>", or nothing.
pub(crate) fn describe_where(c: Option<&ExprSource>) -> Message {
    match c {
        Some(e) => msg!("rules-describe-where", condition = squash(&e.text)),
        None => Message::text(""),
    }
}

/// " by <expression>", or nothing.
pub(crate) fn describe_by(e: Option<&ExprSource>) -> Message {
    match e {
        Some(e) => msg!("rules-describe-by", expr = squash(&e.text)),
        None => Message::text(""),
    }
}
