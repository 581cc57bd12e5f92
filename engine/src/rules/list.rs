//! Code lists: codes with typed attributes, some dated (a tariff that changes inside the period),
//! each code valid between optional dates. An item may stand for a family of codes by a pattern
//! (a regular expression every code of the family matches whole, e.g. the shape of a CCAM code):
//! a code is found among the codes first, then among the patterns, in order.

use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

use crate::diagnostic::{Code, Location};
use crate::rules::parameter::{read_dated, read_typed};
use crate::rules::provenance::{Provenance, read_choice};
use crate::rules::strict::Obj;
use crate::value::{Dated, Period, Unit, Value, value_at};

#[derive(Debug, Clone, Serialize)]
pub struct CodeList {
    pub name: String,
    #[serde(flatten)]
    pub provenance: Provenance,
    pub attributes: Vec<Attribute>,
    pub items: Vec<ListItem>,
    #[serde(skip)]
    by_code: HashMap<String, Vec<usize>>,
    /// The items that are patterns, compiled, in the order of the file.
    #[serde(skip)]
    patterns: Vec<(usize, regex::Regex)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Attribute {
    pub name: String,
    pub unit: Unit,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// The code, or the pattern of the codes the item stands for.
    pub code: String,
    /// `code` is a regular expression that the codes of the item match whole.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pattern: bool,
    #[serde(flatten)]
    pub provenance: Provenance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) to: Option<NaiveDate>,
    /// One entry per attribute of the list, in order.
    pub values: Vec<Vec<Dated<Value>>>,
    /// Where the item is written, so that a diagnostic about it points there.
    #[serde(skip)]
    pub(crate) location: Option<Location>,
}

impl CodeList {
    /// The item for `code` valid on `date`: the code's own item, else the first pattern it
    /// matches.
    pub(crate) fn find(&self, code: &str, date: NaiveDate) -> Option<usize> {
        let valid = |i: &usize| self.valid(*i, date);
        if let Some(found) = self.by_code.get(code).and_then(|v| v.iter().copied().find(valid)) {
            return Some(found);
        }
        self.patterns.iter().map(|(i, _)| *i).filter(valid).find(|&i| self.matches(i, code))
    }

    /// The items that may stand for `code`, in the order `find` tries them: the code's own
    /// items, then the patterns it matches.
    pub(crate) fn candidates(&self, code: &str) -> Vec<usize> {
        let own = self.by_code.get(code).into_iter().flatten().copied();
        own.chain(self.patterns.iter().map(|(i, _)| *i).filter(|&i| self.matches(i, code))).collect()
    }

    /// The first of `candidates` valid on `date`: `find` for the code they stand for.
    pub(crate) fn first_valid(&self, candidates: &[usize], date: NaiveDate) -> Option<usize> {
        candidates.iter().copied().find(|&i| self.valid(i, date))
    }

    fn valid(&self, item: usize, date: NaiveDate) -> bool {
        let item = &self.items[item];
        item.from.is_none_or(|f| f <= date) && item.to.is_none_or(|t| date <= t)
    }

    /// Whether `code` is written in the list, or matches one of its patterns, at some date.
    pub(crate) fn knows(&self, code: &str) -> bool {
        self.by_code.contains_key(code) || self.patterns.iter().any(|(_, re)| re.is_match(code))
    }

    /// The items that are patterns, with their compiled expression.
    pub(crate) fn patterns(&self) -> &[(usize, regex::Regex)] {
        &self.patterns
    }

    fn matches(&self, item: usize, code: &str) -> bool {
        self.patterns.iter().any(|(i, re)| *i == item && re.is_match(code))
    }

    /// Rebuilds the index by code after the items changed.
    pub(crate) fn reindex(&mut self) {
        self.by_code.clear();
        self.patterns.clear();
        for (i, item) in self.items.iter().enumerate() {
            if !item.pattern {
                self.by_code.entry(item.code.clone()).or_default().push(i);
            } else if let Ok(re) = regex::Regex::new(&whole(&item.code)) {
                // A pattern was compiled when it was read: it compiles again.
                self.patterns.push((i, re));
            }
        }
    }

    pub(crate) fn attribute_index(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| a.name == name)
    }

    /// Whether the value of attribute `attr` of item `item` depends on the date it is read at
    /// (it has several dated values); otherwise `value` gives the same at every date.
    pub(crate) fn dated(&self, item: usize, attr: usize) -> bool {
        self.items[item].values[attr].len() > 1
    }

    /// The value of attribute `attr` of item `item` on `date`.
    pub(crate) fn value(&self, item: usize, attr: usize, date: NaiveDate) -> Value {
        let dated = &self.items[item].values[attr];
        value_at(dated, date).or(dated.first().map(|d| &d.value)).cloned().unwrap_or(Value::Null)
    }
}

/// Reads every list of a list file.
pub(crate) fn read_lists(root: &Obj<'_, '_>, period: Period, out: &mut Vec<CodeList>) {
    for (key, item) in root.entries() {
        let name = key.get_ref().to_string();
        let Some(obj) = Obj::of(root.ctx(), item, &msg!("rules-what-list", name = &name)) else { continue };
        if let Some(l) = read_list(&obj, name, period) {
            out.push(l);
        }
        obj.finish();
    }
}

fn read_list(obj: &Obj<'_, '_>, name: String, period: Period) -> Option<CodeList> {
    let ctx = obj.ctx();
    let provenance = Provenance::read(obj)?;
    let attributes: Vec<Attribute> = obj
        .array("attributes")?
        .iter()
        .filter_map(|item| {
            let a = Obj::of(ctx, item, &msg!("rules-what-list-attribute", list = &name))?;
            let attr_name = a.str("name");
            let unit = read_choice(&a, "unit", Unit::NAMES, Unit::parse);
            a.finish();
            Some(Attribute { name: attr_name?.into_inner(), unit: unit? })
        })
        .collect();
    let mut items: Vec<ListItem> = Vec::new();
    let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
    let mut patterns: Vec<(usize, regex::Regex)> = Vec::new();
    for item in obj.array("items")? {
        let Some(it) = Obj::of(ctx, item, &msg!("rules-what-list-item", list = &name)) else { continue };
        let pattern = it.opt_str("pattern");
        let code = match &pattern {
            Some(p) => {
                if it.has("code") {
                    it.allow(&["code"]);
                    ctx.error(Code::InvalidValue, p.span(), msg!("rules-code-and-pattern", what = it.what()));
                }
                match regex::Regex::new(&whole(p.get_ref())) {
                    Ok(re) => Some((p.clone(), Some(re))),
                    Err(e) => {
                        ctx.error(
                            Code::InvalidValue,
                            p.span(),
                            msg!("rules-pattern-invalid", pattern = p.get_ref(), reason = e.to_string()),
                        );
                        None
                    }
                }
            }
            None => it.str("code").map(|c| (c, None)),
        };
        let label = it.str("label");
        let from = it.opt_date("from").map(|d| d.into_inner());
        let to = it.opt_date("to").map(|d| d.into_inner());
        let mut values = Vec::with_capacity(attributes.len());
        for attr in &attributes {
            let what = crate::rules::strict::key_of(&attr.name, it.what());
            let v = match it.get(&attr.name) {
                None => {
                    ctx.error(Code::MissingKey, it.span(), msg!("rules-missing-key", what = it.what(), key = &attr.name));
                    None
                }
                Some(v) if matches!(v.get_ref(), toml::de::DeValue::Array(_)) => read_dated(&it, v, attr.unit, period),
                Some(v) => read_typed(&it, v, attr.unit, &what).map(|value| vec![Dated { from: period.start, value }]),
            };
            values.push(v);
        }
        let (Some(code), Some(label)) = (code, label) else {
            it.allow(&["reference", "status", "description"]);
            it.finish();
            continue;
        };
        let item_prov = Provenance::read_inheriting(&it, &provenance, label.into_inner());
        let item_span = it.span();
        it.finish();
        let Some(values) = values.into_iter().collect::<Option<Vec<_>>>() else { continue };
        let (code, regex) = (code.0.into_inner(), code.1);
        let same = |i: &usize| items[*i].code == code && items[*i].pattern == regex.is_some() && overlaps(&items[*i], from, to);
        let twice = match &regex {
            None => by_code.get(&code).is_some_and(|prev| prev.iter().any(same)),
            Some(_) => patterns.iter().map(|(i, _)| i).any(same),
        };
        if twice {
            let kind = if regex.is_some() { "pattern" } else { "code" };
            ctx.error_hint(
                Code::DuplicateName,
                item_span,
                msg!("rules-list-code-twice", kind = kind, code = &code, list = &name),
                msg!("rules-list-code-twice-hint", kind = kind),
            );
            continue;
        }
        let pattern = regex.is_some();
        match regex {
            Some(re) => patterns.push((items.len(), re)),
            None => by_code.entry(code.clone()).or_default().push(items.len()),
        }
        let location = Some(ctx.loc(item_span));
        items.push(ListItem { code, pattern, provenance: item_prov, from, to, values, location });
    }
    Some(CodeList { name, provenance, attributes, items, by_code, patterns })
}

fn overlaps(item: &ListItem, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let starts_before_end = match (item.from, to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    };
    let ends_after_start = match (item.to, from) {
        (Some(t), Some(f)) => f <= t,
        _ => true,
    };
    starts_before_end && ends_after_start
}

/// The regular expression of a pattern item, matching the whole code.
fn whole(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}
