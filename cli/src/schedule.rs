//! `peps schedule`: the money of one team over time — advances with their basis and
//! regularisations, complements, the balance and what its sign means, the deposit deadlines of
//! activity files and the other dates of the year — as a table, JSON, CSV or an iCalendar file.

use std::fmt::Write;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::ValueEnum;
use peps_engine::case::Case;
use peps_engine::eval::evaluate;
use peps_engine::message::Message;
use peps_engine::msg;
use peps_engine::rulebook::Rulebook;
use peps_engine::rules::calendar::deadlines::Deadline;
use peps_engine::schedule::{
    Adjustment, AdjustmentKind, Balance, Basis, Movement, MovementKind, PartKind, Payment, PaymentKind, Schedule, WorkingDayConvention,
    deposit_warnings, schedule,
};
use peps_engine::validate::{FileReport, Problem};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::args::RulesArgs;
use crate::exit::{EXIT_FINDINGS, EXIT_IO};
use crate::format::{Locale, number};
use crate::language::Say;
use crate::report::Sources;
use crate::say;
use crate::workspace::{exit_code, load_year, print_diagnostics};

mod xlsx;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScheduleFormat {
    Table,
    Json,
    Csv,
    /// An iCalendar file (RFC 5545): one all-day event per payment, deadline and date
    Ics,
    /// A workbook for spreadsheets: amounts as numbers, dates as dates (needs -o FILE on a terminal)
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct ScheduleArgs {
    /// The year whose rulebook and calendar apply
    #[arg(long)]
    year: i32,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
    format: ScheduleFormat,
    /// Number and date style of the table
    #[arg(long, value_enum, env = "PEPS_LOCALE", default_value_t = Locale::Fr)]
    locale: Locale,
    #[command(flatten)]
    reading: crate::case_run::CaseReading,
    #[command(flatten)]
    output: crate::xlsx::OutputArgs,
    /// Replace an existing output file
    #[arg(long)]
    force: bool,
    /// The table shows the rule names beside the labels
    #[arg(long)]
    names: bool,
    /// The case folder (its case file and data files)
    case: PathBuf,
}

/// What `schedule --format json` prints.
#[derive(Serialize)]
struct Report<'a> {
    case: String,
    #[serde(flatten)]
    schedule: &'a Schedule,
}

pub fn run(args: &ScheduleArgs) -> u8 {
    let mut sources = Sources::default();
    let (rb, diags) = load_year(&args.rules, args.year, &mut sources);
    let Some(rb) = rb else {
        print_diagnostics(&diags, &sources);
        return exit_code(&diags).max(EXIT_FINDINGS);
    };
    if !args.case.is_dir() {
        say::error(msg!("cli-no-case-folder", dir = args.case.display().to_string()));
        return EXIT_IO;
    }
    let options = args.reading.options();
    let (case, case_diags) = rb.cases().load(&args.case, options);
    let mut all = diags;
    all.extend(case_diags);
    if let Some(c) = &case {
        sources.add(std::slice::from_ref(&c.file));
    }
    let Some(case) = case.filter(|_| !all.iter().any(|d| d.is_error())) else {
        print_diagnostics(&all, &sources);
        return exit_code(&all).max(EXIT_FINDINGS);
    };
    let evaluation = evaluate(&rb, &case);
    all.extend(evaluation.diagnostics.iter().cloned());
    let s = schedule(&rb, &case, &evaluation);
    all.extend(s.diagnostics.iter().cloned());
    print_diagnostics(&all, &sources);
    if all.iter().any(|d| d.is_error()) {
        return exit_code(&all).max(EXIT_FINDINGS);
    }
    let name = case_name(&rb, &case);
    let out = args.output.destination(args.force, &[&args.case], &[&args.rules]);
    let text = match args.format {
        ScheduleFormat::Table => table(&s, &name, Fmt { locale: args.locale, names: args.names, columns: crate::width::columns() }),
        ScheduleFormat::Json => crate::json::json(&Report { case: name, schedule: &s }),
        ScheduleFormat::Csv => csv(&s),
        ScheduleFormat::Ics => ics(&s, &name, &slug(&rb, &case)),
        ScheduleFormat::Xlsx => return out.book(xlsx::book(&s, &name), exit_code(&all)),
    };
    if let Err(code) = out.text(&text) {
        return code;
    }
    exit_code(&all)
}

/// The case's name: the input the rules give the role `name`, else the folder name.
fn case_name(rb: &Rulebook, case: &Case) -> String {
    rb.case_name(case)
}

/// A stable identifier of the case for calendar events: the input the rules give the role `id`,
/// else its folder name.
fn slug(rb: &Rulebook, case: &Case) -> String {
    rb.case_id(case).chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

// ---------------------------------------------------------------------------------------------
// Table

/// Formats dates and amounts for one locale; says whether rule names are shown (`--names`) and
/// how wide the table may be.
struct Fmt {
    locale: Locale,
    names: bool,
    columns: usize,
}

impl Fmt {
    /// Rule names hidden, 80 columns.
    fn new(locale: Locale) -> Fmt {
        Fmt { locale, names: false, columns: crate::width::DEFAULT_COLUMNS }
    }

    /// A label, with its rule name beside it on request.
    fn named(&self, label: &str, name: &str) -> String {
        if self.names && !name.is_empty() && label != name { format!("{label} ({name})") } else { label.to_string() }
    }

    /// A sentence under a row, wrapped to the table's width after `indent` spaces.
    fn detail(&self, out: &mut String, text: &str, indent: usize) {
        let first = " ".repeat(indent);
        let _ = writeln!(out, "{}", crate::width::wrap_indented(text, self.columns, &first, indent + 2));
    }

    fn eur(&self, d: Decimal) -> String {
        format!("{} €", number(&d.to_string(), self.locale))
    }

    fn signed(&self, d: Decimal) -> String {
        if d > Decimal::ZERO { format!("+{}", self.eur(d)) } else { self.eur(d) }
    }

    fn num(&self, d: Decimal) -> String {
        number(&d.normalize().to_string(), self.locale)
    }

    fn date(&self, d: NaiveDate) -> String {
        match self.locale {
            Locale::Plain => d.format("%Y-%m-%d").to_string(),
            Locale::Fr => d.format("%d/%m/%Y").to_string(),
        }
    }

    /// A share as a percentage for people: to the hundredth of a percent, marked `≈` when that
    /// rounds it (a twelfth is 8.33… %); the amounts are computed with the exact share.
    fn percent(&self, share: Decimal) -> String {
        let exact = (share * Decimal::ONE_HUNDRED).normalize();
        let shown = exact.round_dp(2).normalize();
        let approx = if shown == exact { "" } else { "≈ " };
        format!("{approx}{} %", self.num(shown))
    }
}

fn table(s: &Schedule, name: &str, f: Fmt) -> String {
    let mut out = String::new();
    f.detail(&mut out, &format!("{} — {}", s.rulebook, name), 0);
    let _ = writeln!(out, "{}\n", msg!("cli-schedule-title", year = s.year.to_string()).say());
    let labels =
        [msg!("cli-schedule-final-amount"), msg!("cli-schedule-estimate"), msg!("cli-schedule-less"), msg!("cli-schedule-advances-on")]
            .map(|m| m.say());
    // The labels' column fits the longest label of the language (15 characters in English).
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(15);
    let sub = width - 2;
    // What a figure is wraps after it, under itself.
    let indent = 2 + width + 2 + 16 + 2;
    let what = |text: String| {
        crate::width::wrap(&text, f.columns.saturating_sub(indent).max(crate::width::MIN_LABEL)).join(&format!("\n{}", " ".repeat(indent)))
    };
    let [final_amount, estimate, less, advances_on] = &labels;
    if let Some(b) = &s.balance {
        let label = what(f.named(&b.final_amount.label, &b.final_amount.name));
        let _ = writeln!(out, "  {final_amount:<width$}  {:>16}  {label}", f.eur(b.final_amount.value));
    }
    if let Some(e) = &s.estimate {
        let origin = if e.from_input { msg!("cli-schedule-estimate-given") } else { msg!("cli-schedule-estimate-computed") };
        let label = what(format!("{} ({})", f.named(&e.source.label, &e.source.name), origin.say()));
        let _ = writeln!(out, "  {estimate:<width$}  {:>16}  {label}", f.eur(e.source.value));
        for l in &e.less {
            let apart = what(msg!("cli-schedule-paid-apart", label = f.named(&l.label, &l.name)).say());
            let _ = writeln!(out, "    {less:<sub$}  {:>16}  {apart}", f.eur(l.value));
        }
        if !e.less.is_empty() {
            let _ = writeln!(out, "    {advances_on:<sub$}  {:>16}", f.eur(e.amount));
        }
    }
    payments_table(&mut out, s, &f);
    movements_table(&mut out, s, &f);
    deadlines_table(&mut out, s, &f);
    if !s.milestones.is_empty() {
        let _ = writeln!(out, "\n{}", msg!("cli-schedule-other-dates").say());
        let kind = |m: &peps_engine::schedule::Milestone| msg!("cli-schedule-event-kind", kind = m.kind.as_str()).say();
        let kinds = s.milestones.iter().map(|m| crate::width::width(&kind(m))).max().unwrap_or(0);
        for m in &s.milestones {
            let line = format!("{}  {}", crate::width::pad(&kind(m), kinds), f.named(&m.label, &m.name));
            let lines = crate::width::wrap(&line, f.columns.saturating_sub(14).max(crate::width::MIN_LABEL));
            let _ = writeln!(out, "  {:<10}  {}", f.date(m.date), lines.join(&format!("\n{}", " ".repeat(14))));
        }
    }
    out
}

fn payments_table(out: &mut String, s: &Schedule, f: &Fmt) {
    use crate::width::{MIN_LABEL, pad, width, wrap};
    let _ = writeln!(out, "\n{}", msg!("cli-schedule-payments").say());
    let [date, payment, planned, received, amount] = [
        msg!("cli-schedule-col-date"),
        msg!("cli-schedule-col-payment"),
        msg!("cli-schedule-col-planned"),
        msg!("cli-schedule-col-received"),
        msg!("cli-schedule-col-amount"),
    ]
    .map(|m| m.say());
    let rows: Vec<[String; 5]> = s
        .payments
        .iter()
        .map(|p| {
            let label = if p.label.is_empty() { msg!("cli-schedule-recorded-payment").say() } else { f.named(&p.label, &p.name) };
            let planned = p.planned.map_or_else(|| "—".to_string(), |v| f.eur(v));
            let received = p.received.map_or_else(|| "—".to_string(), |r| f.eur(r.amount));
            [f.date(p.date), label, planned, received, f.eur(p.amount)]
        })
        .collect();
    let before = msg!("cli-schedule-before-balance").say();
    let balance = s.balance.as_ref().map(|b| [f.date(b.date), f.named(&b.label, &b.name), String::new(), String::new(), f.eur(b.amount)]);
    let all: Vec<&[String; 5]> = rows.iter().chain(balance.iter()).collect();
    // The amounts keep their width; the payment's label takes what is left and wraps.
    let col = |i: usize, head: &str| all.iter().map(|r| width(&r[i])).chain([width(head), width(&f.eur(s.paid))]).max().unwrap_or(0);
    let (wp, wr, wa) = (col(2, &planned), col(3, &received), col(4, &amount));
    let wd = all.iter().map(|r| width(&r[0])).chain([width(&date)]).max().unwrap_or(10);
    let longest = all.iter().map(|r| width(&r[1])).chain([width(&payment), width(&before)]).max().unwrap_or(0);
    let label_width = longest.min(f.columns.saturating_sub(2 + wd + 2 + 2 + wp + 2 + wr + 2 + wa)).max(MIN_LABEL);
    let right = |text: &str, w: usize| format!("{}{text}", " ".repeat(w.saturating_sub(width(text))));
    let row = |out: &mut String, r: &[String; 5]| {
        let lines = wrap(&r[1], label_width);
        let line = format!(
            "  {}  {}  {}  {}  {}",
            pad(&r[0], wd),
            pad(&lines[0], label_width),
            right(&r[2], wp),
            right(&r[3], wr),
            right(&r[4], wa)
        );
        let _ = writeln!(out, "{}", line.trim_end());
        for l in &lines[1..] {
            let _ = writeln!(out, "  {}  {l}", " ".repeat(wd));
        }
    };
    let head = format!(
        "  {}  {}  {}  {}  {}",
        pad(&date, wd),
        pad(&payment, label_width),
        right(&planned, wp),
        right(&received, wr),
        right(&amount, wa)
    );
    let _ = writeln!(out, "{}", head.trim_end());
    for (p, r) in s.payments.iter().zip(&rows) {
        row(out, r);
        for line in payment_details(p, s, f) {
            f.detail(out, &line, 2 + wd + 4);
        }
    }
    row(out, &[String::new(), before, String::new(), String::new(), f.eur(s.paid)]);
    let (Some(b), Some(r)) = (&s.balance, &balance) else { return };
    row(out, r);
    for line in balance_details(b, f) {
        f.detail(out, &line, 2 + wd + 4);
    }
    let check = msg!("cli-schedule-check", paid = f.eur(s.paid), balance = f.eur(b.amount), total = f.eur(s.paid + b.amount));
    let _ = writeln!(out);
    f.detail(out, &check.say(), 2);
}

fn payment_details(p: &Payment, s: &Schedule, f: &Fmt) -> Vec<String> {
    let mut lines = Vec::new();
    match &p.basis {
        Basis::Share { share, estimate, rebased, base } if rebased == estimate => {
            lines.push(msg!("cli-schedule-share", share = f.percent(*share), estimate = f.eur(*estimate), base = f.eur(*base)).say());
        }
        Basis::Share { share, rebased, base, .. } => {
            lines
                .push(msg!("cli-schedule-share-rebased", share = f.percent(*share), estimate = f.eur(*rebased), base = f.eur(*base)).say());
        }
        Basis::Output { label, name, value } => {
            let what = if p.kind == PaymentKind::Complement { msg!("cli-schedule-complement") } else { msg!("cli-schedule-own-amount") };
            lines.push(msg!("cli-schedule-output", label = f.named(label, name), value = f.eur(*value), what = what).say());
        }
        Basis::Recorded => lines.push(msg!("cli-schedule-recorded").say()),
    }
    for a in &p.adjustments {
        lines.push(adjustment_line(a, s, f));
    }
    if let Some(r) = &p.received
        && let Some(d) = r.date
        && d != p.date
    {
        lines.push(msg!("cli-schedule-received-on", date = f.date(d)).say());
    }
    lines
}

fn adjustment_line(a: &Adjustment, s: &Schedule, f: &Fmt) -> String {
    match a.kind {
        AdjustmentKind::Rebase => {
            let causes: Vec<String> = a.movements.iter().filter_map(|&i| s.movements.get(i)).map(|m| movement_phrase(m, f)).collect();
            msg!("cli-schedule-rebase", amount = f.signed(a.amount), causes = causes.join("; ")).say()
        }
        AdjustmentKind::ReceivedDifference => msg!("cli-schedule-received-difference", amount = f.signed(a.amount)).say(),
        AdjustmentKind::Rounding => msg!("cli-schedule-rounding", amount = f.signed(a.amount)).say(),
    }
}

fn movement_phrase(m: &Movement, f: &Fmt) -> String {
    let (member, group, date) = (&m.member, &m.group, f.date(m.date));
    match m.kind {
        MovementKind::Entry => msg!("cli-schedule-entry", member = member, group = group, date = date),
        MovementKind::Exit => msg!("cli-schedule-exit", member = member, group = group, date = date),
    }
    .say()
}

fn balance_details(b: &Balance, f: &Fmt) -> Vec<String> {
    let mut lines = vec![msg!("cli-schedule-balance-basis", amount = f.eur(b.final_amount.value), paid = f.eur(b.paid)).say()];
    if b.parts.len() > 1 {
        for p in &b.parts {
            match p.kind {
                PartKind::Complement => lines.push(
                    Message::id("cli-schedule-balance-complement")
                        .with("amount", f.signed(p.amount))
                        .with("label", &p.label)
                        .with("observed", f.eur(p.observed.unwrap_or_default()))
                        .with("paid", f.eur(p.paid.unwrap_or_default()))
                        .say(),
                ),
                PartKind::Rest => lines.push(msg!("cli-schedule-balance-rest", amount = f.signed(p.amount)).say()),
            }
        }
    }
    let sign = if b.amount > Decimal::ZERO {
        msg!("cli-schedule-balance-positive")
    } else if b.amount < Decimal::ZERO {
        msg!("cli-schedule-balance-negative")
    } else {
        msg!("cli-schedule-balance-zero")
    };
    lines.push(sign.say());
    if let Some(m) = &b.meaning {
        lines.push(m.clone());
    }
    lines
}

fn movements_table(out: &mut String, s: &Schedule, f: &Fmt) {
    if s.movements.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", msg!("cli-schedule-movements").say());
    let mut rule = "";
    for m in &s.movements {
        if m.rule != rule {
            f.detail(out, &f.named(&m.rule_label, &m.rule), 2);
            rule = &m.rule;
        }
        let share = match (m.measure, m.group_measure) {
            _ if m.weight.is_zero() || m.members == 0 => msg!("cli-schedule-no-weight", group = &m.group),
            (Some(own), Some(group)) => {
                msg!("cli-schedule-weight-measure", weight = f.num(m.weight), group = &m.group, own = f.num(own), total = f.num(group))
            }
            _ => msg!("cli-schedule-weight-members", weight = f.num(m.weight), members = m.members, group = &m.group),
        };
        // The first payment the movement changes, by its label.
        let first = |a: &String| s.payments.iter().find(|p| &p.name == a).map_or_else(|| a.clone(), |p| f.named(&p.label, &p.name));
        let applied = m
            .applied_from
            .as_ref()
            .map_or_else(|| msg!("cli-schedule-balance-only"), |a| msg!("cli-schedule-applied-from", from = first(a)));
        let days = if m.days < 0 {
            msg!("cli-schedule-removes-days", days = -m.days, period = m.period_days)
        } else {
            msg!("cli-schedule-adds-days", days = m.days, period = m.period_days)
        };
        let line = Message::id("cli-schedule-movement")
            .with("movement", movement_phrase(m, f))
            .with("days", days)
            .with("share", share)
            .with("effect", f.signed(m.effect))
            .with("applied", applied);
        let date = format!("  {:<10}  ", f.date(m.effective));
        let _ = writeln!(out, "{}", crate::width::wrap_indented(&line.say(), f.columns, &date, 16));
    }
}

fn deadlines_table(out: &mut String, s: &Schedule, f: &Fmt) {
    let mut rule = "";
    for d in &s.deadlines {
        if d.rule != rule {
            let head = msg!("cli-schedule-deadlines", label = f.named(&d.label, &d.rule), day = d.working_day, norms = d.norms.join(", "));
            let _ = writeln!(out);
            f.detail(out, &head.say(), 0);
            if let Some(w) = s.working_days.iter().find(|w| w.rule == d.rule) {
                for (indent, line) in convention_lines(w, f) {
                    f.detail(out, &line, 2 + indent);
                }
            }
            let _ = writeln!(out, "  {:<25}  {}", msg!("cli-schedule-col-period").say(), msg!("cli-schedule-col-due").say());
            rule = &d.rule;
        }
        let period = format!("{} – {}", f.date(d.period.start), f.date(d.period.end));
        let _ = writeln!(out, "  {period:<25}  {}", f.date(d.due));
    }
}

/// Which days count, and where the rules say it: the Saturday convention is a rule of its own;
/// each line with its indent.
fn convention_lines(w: &WorkingDayConvention, f: &Fmt) -> Vec<(usize, String)> {
    let saturday = if w.saturday_is_working_day { msg!("cli-schedule-saturday-working") } else { msg!("cli-schedule-saturday-off") };
    let capital = |d: &str| d[..1].to_uppercase() + &d[1..];
    let others: Vec<String> =
        w.weekend.iter().filter(|d| **d != "saturday").map(|d| msg!("cli-schedule-day", day = *d, other = capital(d)).say()).collect();
    let holidays = w.fixed_holidays + w.easter_holidays;
    let line = match (others.is_empty(), holidays > 0) {
        (true, false) => msg!("cli-schedule-working-days", saturday = saturday),
        (false, false) => msg!("cli-schedule-working-days-nor", saturday = saturday, days = others.join(", ")),
        (true, true) => msg!("cli-schedule-working-days-holidays", saturday = saturday, holidays = holidays),
        (false, true) => {
            msg!("cli-schedule-working-days-nor-holidays", saturday = saturday, days = others.join(", "), holidays = holidays)
        }
    };
    let mut lines = vec![(0, line.say())];
    match &w.parameter {
        Some(p) => {
            let status = msg!("cli-status", status = p.status.as_str());
            let set_by = if f.names {
                msg!("cli-schedule-set-by-parameter", name = &p.name, status = status, label = &p.label)
            } else {
                msg!("cli-schedule-set-by-rule", status = status, label = &p.label)
            };
            lines.push((2, set_by.say()));
            lines.push((2, msg!("cli-schedule-reference", reference = &p.reference).say()));
        }
        None => lines.push((2, msg!("cli-schedule-set-by-weekend").say())),
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// CSV and iCalendar

/// One row per payment, the balance, each deposit deadline and each other date, by date.
fn csv(s: &Schedule) -> String {
    let opt = |d: Option<Decimal>| d.map(|v| v.to_string()).unwrap_or_default();
    let mut rows: Vec<[String; 9]> = Vec::new();
    for p in &s.payments {
        let kind = match p.kind {
            PaymentKind::Advance => "advance",
            PaymentKind::Complement => "complement",
            PaymentKind::Recorded => "recorded",
        };
        let received = opt(p.received.map(|r| r.amount));
        rows.push([
            iso(p.date),
            kind.into(),
            p.name.clone(),
            p.label.clone(),
            String::new(),
            String::new(),
            opt(p.planned),
            received,
            p.amount.to_string(),
        ]);
    }
    if let Some(b) = &s.balance {
        rows.push([
            iso(b.date),
            "balance".into(),
            b.name.clone(),
            b.label.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            b.amount.to_string(),
        ]);
    }
    for d in &s.deadlines {
        rows.push([
            iso(d.due),
            "deposit".into(),
            d.rule.clone(),
            d.label.clone(),
            iso(d.period.start),
            iso(d.period.end),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for m in &s.milestones {
        rows.push([
            iso(m.date),
            m.kind.as_str().into(),
            m.name.clone(),
            m.label.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    // ISO dates sort as text; the sort is stable, so one day keeps the order above.
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let _ = w.write_record(["date", "kind", "name", "label", "period_start", "period_end", "planned", "received", "amount"]);
    for r in &rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// One all-day event per payment, deadline and date. `DTSTAMP` is the event's own date, so the
/// same inputs give the same bytes (no clock is read).
fn ics(s: &Schedule, name: &str, slug: &str) -> String {
    let f = Fmt::new(Locale::Fr);
    let mut events: Vec<(NaiveDate, String, String)> = Vec::new();
    for p in &s.payments {
        let label = if p.label.is_empty() { "Versement" } else { &p.label };
        events.push((p.date, p.name.clone(), format!("{label} : {}", f.eur(p.amount))));
    }
    if let Some(b) = &s.balance {
        events.push((b.date, b.name.clone(), format!("{} : {}", b.label, f.eur(b.amount))));
    }
    for d in &s.deadlines {
        let what = format!("{} ({} – {})", d.label, f.date(d.period.start), f.date(d.period.end));
        events.push((d.due, format!("{}-{}", d.rule, iso(d.period.start)), what));
    }
    for m in &s.milestones {
        events.push((m.date, m.name.clone(), m.label.clone()));
    }
    events.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//peps//schedule//FR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", escape(&format!("{} — {name}", s.rulebook))),
    ];
    for (date, id, summary) in events {
        let day = date.format("%Y%m%d");
        let next = date.succ_opt().unwrap_or(date).format("%Y%m%d");
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}-{}-{}@peps", s.year, id, slug));
        lines.push(format!("DTSTAMP:{day}T000000Z"));
        lines.push(format!("DTSTART;VALUE=DATE:{day}"));
        lines.push(format!("DTEND;VALUE=DATE:{next}"));
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

/// RFC 5545 text escaping.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Writes `line` folded at 75 octets (continuation lines start with a space), ended by CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

// ---------------------------------------------------------------------------------------------
// Deposit dates, for `peps validate --deposit-date`

/// A day written `JJ/MM/AAAA` (as French forms do) or `AAAA-MM-JJ`.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .map_err(|_| msg!("cli-not-a-date", text = text).say())
}

/// The deposit warnings of one checked file (`report.period` and `report.norm`, deposited on
/// `deposited`), given the deadlines of each year's rulebook: added to the report as problems of
/// the whole file, and returned so that a streamed report can write them too.
pub fn deposit_problems(
    mut deadlines_of: impl FnMut(i32) -> Vec<Deadline>,
    report: &mut FileReport,
    deposited: NaiveDate,
    examples_per_code: u64,
) -> Vec<Problem> {
    let Some(period) = report.period else { return Vec::new() };
    let deadlines: Vec<Deadline> = (period.start.year()..=period.end.year()).flat_map(&mut deadlines_of).collect();
    let diags = deposit_warnings(&deadlines, &report.norm, &report.file, period, Some(deposited));
    let problems: Vec<Problem> = diags.into_iter().map(Problem::of_file).collect();
    for p in &problems {
        report.record(p.clone(), examples_per_code);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_lines_fold_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
        assert_eq!(escape("a;b,c\\d"), "a\\;b\\,c\\\\d");
    }

    #[test]
    fn amounts_and_dates_follow_the_locale() {
        let f = Fmt::new(Locale::Fr);
        assert_eq!(f.eur(Decimal::new(55832700, 2)), "558\u{202f}327,00 €");
        assert_eq!(f.signed(Decimal::new(1, 2)), "+0,01 €");
        assert_eq!(f.date(NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()), "31/01/2025");
        assert_eq!(f.percent(Decimal::new(25, 2)), "25 %");
        assert_eq!(Fmt::new(Locale::Plain).percent(Decimal::new(3333, 4)), "33.33 %");
    }
}
