//! `peps impact --format html`: the impact as one self-contained page for a director — the totals
//! of each team and overall, a chart of the deltas (HTML bars, as the report's waterfall), each
//! changed item with its own delta, values before and after written the French way, and a short
//! note on the method. The same page for one case and for a folder of cases.

use std::fmt::Write;

use peps_engine::compare::impact::{Impact, ImpactItem};
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::value::{Unit, Value};
use rust_decimal::Decimal;

use super::show::{item_name, item_values, signed};
use super::{Many, percent, side};
use crate::format::{Locale, human};
use crate::html::{escape, page};
use crate::language::Say;

/// One team's line of the totals table: its name, total in each year (`None`: in error), delta.
struct Team<'a> {
    name: &'a str,
    totals: Option<(Decimal, Decimal)>,
}

/// The page of one case.
pub(super) fn one(i: &Impact, rbs: [&Rulebook; 2], locale: Locale) -> String {
    let same = i.from == i.to;
    let title = msg!(
        "cli-impact-html-title",
        from = side(i.from, &i.rules_from, rbs[0].root(), same),
        to = side(i.to, &i.rules_to, rbs[1].root(), same)
    )
    .say();
    let mut b = String::from(STYLE);
    let _ = writeln!(b, "<h1>{}</h1>\n<p class=\"muted\">{}</p>", escape(&title), escape(&i.case));
    let mut shifts: Vec<String> = [&i.data_shift_from, &i.data_shift_to]
        .into_iter()
        .flatten()
        .map(|s| msg!("cli-impact-data-shift", from = s.from.to_string(), to = s.to.to_string()).say())
        .collect();
    shifts.dedup();
    for s in shifts {
        let _ = writeln!(b, "<p class=\"muted\">{}</p>", escape(&s));
    }
    let total = |v: &Value| v.as_number().unwrap_or_default();
    let team = Team { name: &i.case, totals: Some((total(&i.total_from), total(&i.total_to))) };
    totals(&mut b, sides(i.from, i.to, [rbs[0].root(), rbs[1].root()]), &[team], None, locale);
    chart(&mut b, &msg!("cli-impact-html-chart-items").say(), &item_bars(&i.items), locale);
    items(&mut b, &i.items, rbs, locale);
    outputs(&mut b, i, sides(i.from, i.to, [rbs[0].root(), rbs[1].root()]), locale);
    method(&mut b, &i.method.say());
    page(&title, &b)
}

/// The page of a folder of cases: a row per team, the overall total, the credits summed.
pub(super) fn many(m: &Many<'_>, rbs: [&Rulebook; 2], locale: Locale) -> String {
    let same = m.from == m.to;
    let title =
        msg!("cli-impact-html-title", from = side(m.from, m.rules_from, m.roots[0], same), to = side(m.to, m.rules_to, m.roots[1], same))
            .say();
    let mut b = String::from(STYLE);
    let _ = writeln!(
        b,
        "<h1>{}</h1>\n<p class=\"muted\">{}</p>",
        escape(&title),
        escape(&msg!("cli-impact-html-count", count = m.cases.len()).say())
    );
    let teams: Vec<Team<'_>> =
        m.cases.iter().map(|c| Team { name: &c.name, totals: (c.status != "error").then_some((c.total_from, c.total_to)) }).collect();
    totals(&mut b, sides(m.from, m.to, m.roots), &teams, Some((m.total_from, m.total_to)), locale);
    let team_bars: Vec<(String, Decimal)> = m.cases.iter().filter(|c| c.status != "error").map(|c| (c.name.clone(), c.delta)).collect();
    chart(&mut b, &msg!("cli-impact-html-chart-teams").say(), &team_bars, locale);
    chart(&mut b, &msg!("cli-impact-html-chart-items").say(), &item_bars(&m.items), locale);
    items(&mut b, &m.items, rbs, locale);
    method(&mut b, &m.method.say());
    page(&title, &b)
}

/// How the totals' columns name each side: its year, and its rules' folder when both sides
/// are of one year (a draft against the shipped rules).
fn sides(from: i32, to: i32, roots: [&str; 2]) -> [String; 2] {
    if from == to { [format!("{from} {}", roots[0]), format!("{to} {}", roots[1])] } else { [from.to_string(), to.to_string()] }
}

/// The table of totals: a row per team, and the overall total when there are several.
fn totals(b: &mut String, [from, to]: [String; 2], teams: &[Team<'_>], overall: Option<(Decimal, Decimal)>, locale: Locale) {
    let _ = writeln!(b, "<h2>{}</h2>", col(msg!("cli-impact-html-totals")));
    let mut t = Table::new(
        "teams",
        vec![
            (col(msg!("cli-impact-html-col-team")), false),
            (escape(&msg!("cli-impact-html-col-total", year = from).say()), true),
            (escape(&msg!("cli-impact-html-col-total", year = to).say()), true),
            (col(msg!("cli-impact-html-col-delta")), true),
            (col(msg!("cli-impact-html-col-percent")), true),
        ],
    );
    let eur = |d: Decimal| escape(&human(&Value::Number(d), Unit::Eur, locale));
    let row = |t: &mut Table, class: &str, name: &str, f: Decimal, to: Decimal| {
        let share = percent(to - f, &Value::Number(f), locale);
        let share = share.trim().trim_start_matches('(').trim_end_matches(')').to_string();
        t.row(class, vec![escape(name), eur(f), eur(to), escape(&signed(to - f, Unit::Eur, locale)), escape(&share)]);
    };
    for team in teams {
        match team.totals {
            Some((f, to)) => row(&mut t, "team", team.name, f, to),
            None => {
                let error = format!("<span class=\"ko\">{}</span>", col(msg!("cli-impact-error")));
                t.row("team", vec![escape(team.name), error, String::new(), String::new(), String::new()]);
            }
        }
    }
    if let Some((f, to)) = overall {
        row(&mut t, "overall", &msg!("cli-impact-html-overall").say(), f, to);
    }
    t.write(b);
}

/// A message without arguments, escaped for the page.
fn col(m: peps_engine::message::Message) -> String {
    escape(&m.say())
}

/// The bars of the items whose credit is not zero, in the method's order.
fn item_bars(items: &[ImpactItem]) -> Vec<(String, Decimal)> {
    items.iter().filter(|i| !i.delta.is_zero()).map(|i| (item_name(i), i.delta)).collect()
}

/// A chart of deltas: a bar from zero to each delta, green up, red down, on one scale. Widths
/// are computed in decimals: no float.
fn chart(b: &mut String, title: &str, bars: &[(String, Decimal)], locale: Locale) {
    if bars.is_empty() {
        return;
    }
    let hi = bars.iter().map(|(_, d)| *d).fold(Decimal::ZERO, Decimal::max);
    let lo = bars.iter().map(|(_, d)| *d).fold(Decimal::ZERO, Decimal::min);
    let span = if hi == lo { Decimal::ONE } else { hi - lo };
    let at = |v: Decimal| ((v - lo) / span * Decimal::ONE_HUNDRED).round_dp(2);
    let _ = writeln!(b, "<h2>{}</h2>\n<div class=\"wf chart\">", escape(title));
    for (label, d) in bars {
        let left = at(Decimal::ZERO.min(*d));
        let width = (at(Decimal::ZERO.max(*d)) - left).max(Decimal::new(3, 1));
        let class = if d.is_sign_negative() { "down" } else { "up" };
        let _ = writeln!(
            b,
            "<div class=\"wf-row {class}\"><div class=\"wf-label\">{}</div><div class=\"wf-track\"><span class=\"wf-bar\" style=\"margin-left:{left}%;width:{width}%\"></span></div><div class=\"wf-value num\">{}</div></div>",
            escape(label),
            escape(&signed(*d, Unit::Eur, locale))
        );
    }
    let _ = writeln!(b, "</div>");
}

/// Every changed item with its own delta, its value before and after, and its note.
fn items(b: &mut String, items: &[ImpactItem], rbs: [&Rulebook; 2], locale: Locale) {
    let _ = writeln!(b, "<h2>{}</h2>", col(msg!("cli-impact-html-items")));
    if items.is_empty() {
        let _ = writeln!(b, "<p>{}</p>", col(msg!("cli-impact-no-item")));
        return;
    }
    let mut t = Table::new(
        "items",
        vec![
            (col(msg!("cli-impact-html-col-kind")), false),
            (col(msg!("cli-impact-html-col-item")), false),
            (col(msg!("cli-impact-html-col-before")), false),
            (col(msg!("cli-impact-html-col-after")), false),
            (col(msg!("cli-impact-html-col-delta")), true),
        ],
    );
    for i in items {
        let kind = msg!("cli-diff-kind", kind = i.kind.as_str()).say();
        let note = i.note.as_ref().map_or_else(String::new, |n| format!("<br><span class=\"muted\">{}</span>", escape(&n.say())));
        let [before, after] = item_values(i, rbs, locale)
            .map(|text| if text.contains('\n') { format!("<pre>{}</pre>", escape(&text)) } else { escape(&text) });
        t.row(
            "item",
            vec![escape(&kind), format!("{}{note}", escape(&item_name(i))), before, after, escape(&signed(i.delta, Unit::Eur, locale))],
        );
    }
    let sum: Decimal = items.iter().map(|i| i.delta).sum();
    t.row(
        "overall",
        vec![String::new(), col(msg!("cli-impact-sum")), String::new(), String::new(), escape(&signed(sum, Unit::Eur, locale))],
    );
    t.write(b);
}

/// The outputs of one case that changed, each with its unit.
fn outputs(b: &mut String, i: &Impact, [from, to]: [String; 2], locale: Locale) {
    let changed: Vec<_> = i.outputs.iter().filter(|o| o.delta.is_none_or(|d| !d.is_zero()) && o.from != o.to).collect();
    if changed.is_empty() {
        return;
    }
    let _ = writeln!(b, "<h2>{}</h2>", col(msg!("cli-impact-html-outputs")));
    let mut t = Table::new(
        "outputs",
        vec![
            (col(msg!("cli-impact-html-col-output")), false),
            (escape(&from), true),
            (escape(&to), true),
            (col(msg!("cli-impact-html-col-delta")), true),
        ],
    );
    for o in changed {
        let show = |v: &Option<Value>| escape(&v.as_ref().map_or("—".to_string(), |v| human(v, o.unit, locale)));
        let delta = o.delta.map_or_else(String::new, |d| escape(&signed(d, o.unit, locale)));
        t.row("", vec![format!("{} <code>{}</code>", escape(&o.label), escape(&o.name)), show(&o.from), show(&o.to), delta]);
    }
    t.write(b);
}

/// A table that reads on a phone: below 640 pixels each row becomes a block, each cell on its
/// own line after its column's name (`data-label`), so that no column is cut off the screen.
struct Table {
    class: &'static str,
    /// Each column's title (HTML) and whether it holds numbers.
    columns: Vec<(String, bool)>,
    rows: String,
}

impl Table {
    fn new(class: &'static str, columns: Vec<(String, bool)>) -> Table {
        Table { class, columns, rows: String::new() }
    }

    /// A row of cells already escaped, one per column.
    fn row(&mut self, class: &str, cells: Vec<String>) {
        let _ = write!(self.rows, "<tr class=\"{class}\">");
        for ((title, num), cell) in self.columns.iter().zip(cells) {
            let num = if *num { " class=\"num\"" } else { "" };
            let _ = write!(self.rows, "<td{num} data-label=\"{title}\">{cell}</td>");
        }
        self.rows.push_str("</tr>\n");
    }

    fn write(&self, b: &mut String) {
        let _ = write!(b, "<table class=\"stack {}\"><thead><tr>", self.class);
        for (title, num) in &self.columns {
            let _ = write!(b, "<th{}>{title}</th>", if *num { " class=\"num\"" } else { "" });
        }
        let _ = writeln!(b, "</tr></thead>\n<tbody>\n{}</tbody></table>", self.rows);
    }
}

/// What the page adds to the report's style: right-aligned number columns, the total rows in
/// bold, and tables stacked row by row on a phone.
const STYLE: &str = "<style>th.num{text-align:right}tr.overall td{font-weight:700;border-top:2px solid #c9d3dd}\
table.items pre{white-space:pre-wrap;margin:0}\
@media (max-width:640px){table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}\
table.stack tr{border-bottom:2px solid #dfe6ee;padding:.4em 0}table.stack td{border:0;padding:.15em .2em;text-align:right;overflow-wrap:break-word}\
table.stack td::before{content:attr(data-label);float:left;margin-right:1em;color:#5b6b7b;font-weight:400}\
table.stack td:empty{display:none}table.items td:nth-child(2){text-align:left}table.items td:nth-child(2)::before{float:none;display:block}table.teams td:first-child,table.outputs td:first-child{text-align:left;font-weight:600}\
table.teams td:first-child::before,table.outputs td:first-child::before{content:none}}</style>\n";

/// The method in a few lines.
fn method(b: &mut String, method: &str) {
    let _ = writeln!(b, "<h2>{}</h2>\n<p class=\"muted method\">{}</p>", escape(&msg!("cli-impact-html-method").say()), escape(method));
}
