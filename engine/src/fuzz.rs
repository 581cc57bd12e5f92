//! Entry points for coverage-guided fuzzing (the `fuzz/` crate) and for the test that replays its
//! corpus: each takes arbitrary bytes and must return, whatever they are, without panicking,
//! hanging or holding memory beyond the readers' limits. What they return (a count of
//! diagnostics and results) only keeps the work from being optimised away.
//!
//! The targets mutate one file of a known-good fixture (a rulebook, its norms and a case held in
//! memory), so that the fuzzer spends its time past the first syntax check.

use std::path::Path;

use rhai::Dynamic;
use rust_decimal::Decimal;

use crate::case::dataset::read_bytes;
use crate::case::{Case, CaseOptions};
use crate::data::field::identifier_lookalike;
use crate::data::norm::{Norm, load_norm};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::eval::EvalPath;
use crate::formula::{call_function, compile_inline, compile_script, eval_inline, function_params, sandbox};
use crate::message::Lang;
use crate::rulebook::{Rulebook, load};
use crate::rules::inputs::RejectedRows;
use crate::rules::source::{MemSource, Source};
use crate::validate::{NoSink, Options, Validator};
use crate::value::Value;

/// A rulebook, its norms and a case, held in memory: the base every target mutates.
pub struct Fixture {
    /// Every file of the rulebook folder, by relative path, sorted.
    pub rules: Vec<(String, String)>,
    /// Every file of the norms folder, by relative path, sorted.
    pub norms: Vec<(String, String)>,
    /// The rulebook as loaded from the unmodified files.
    pub rulebook: Rulebook,
    /// A case read against it, to evaluate rulebooks that keep its schema.
    pub case: Option<Case>,
    /// Every file of the case folder, by name, sorted: what the `case` target mutates.
    pub case_files: Vec<(String, Vec<u8>)>,
}

impl Fixture {
    /// Reads the rulebook folder `rules`, the norms folder `norms` and optionally a case folder.
    /// The fixture must load cleanly: a broken base would make every target stop early.
    pub fn load(rules: &Path, norms: &Path, case: Option<&Path>) -> Result<Fixture, Vec<Diagnostic>> {
        let rules = read_all(&crate::rules::source::DirSource::new(rules));
        let norms = read_all(&crate::rules::source::DirSource::new(norms));
        let (rb, diags) = load(&mem(&rules), &mem(&norms));
        let Some(rulebook) = rb else { return Err(diags) };
        let case_files = case.map(case_files).unwrap_or_default();
        let case = match case {
            Some(dir) => {
                let (case, diags) = rulebook.cases().load(dir, CaseOptions::default());
                if diags.iter().any(Diagnostic::is_error) {
                    return Err(diags);
                }
                case
            }
            None => None,
        };
        Ok(Fixture { rules, norms, rulebook, case, case_files })
    }

    /// The norms the fixture's rulebook reads.
    pub fn norm_list(&self) -> &[Norm] {
        &self.rulebook.norms
    }
}

/// The files of a case folder (not its subfolders), by name, sorted.
fn case_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), std::fs::read(e.path()).ok()?)))
        .collect();
    files.sort();
    files
}

fn read_all(source: &dyn Source) -> Vec<(String, String)> {
    source.list("").into_iter().filter_map(|p| source.read(&p).ok().map(|t| (p, t))).collect()
}

fn mem(files: &[(String, String)]) -> MemSource {
    files.iter().fold(MemSource::new(), |m, (p, t)| m.with(p, t))
}

/// Splits fuzz input into a selector byte and the rest, as text.
fn split(data: &[u8]) -> (usize, String) {
    match data.split_first() {
        Some((&b, rest)) => (usize::from(b), String::from_utf8_lossy(rest).into_owned()),
        None => (0, String::new()),
    }
}

/// Which of `names` an input names, and the rest of the input: `name` and a NUL byte first (so
/// that a committed input keeps naming its file when files are added), else the first byte picks
/// one by its rank.
fn pick<'d>(names: &[&str], data: &'d [u8]) -> Option<(usize, &'d [u8])> {
    if names.is_empty() {
        return None;
    }
    if let Some(nul) = data.iter().position(|&b| b == 0)
        && let Some(i) = names.iter().position(|n| n.as_bytes() == &data[..nul])
    {
        return Some((i, &data[nul + 1..]));
    }
    let (&b, rest) = data.split_first().unwrap_or((&0, &[]));
    Some((usize::from(b) % names.len(), rest))
}

/// Target `rulebook`: the input names a file of the fixture's rulebook (`parametres.toml` and a
/// NUL byte, or a first byte that picks one by rank), the rest replaces it. A rulebook that still
/// loads is evaluated on the fixture's case, end to end (evaluation and schedule), when it keeps
/// its schema.
pub fn rulebook(fx: &Fixture, data: &[u8]) -> usize {
    let names: Vec<&str> = fx.rules.iter().map(|(p, _)| p.as_str()).collect();
    let Some((i, rest)) = pick(&names, data) else { return 0 };
    let text = String::from_utf8_lossy(rest).into_owned();
    let target = &fx.rules[i].0;
    let files: Vec<(String, String)> =
        fx.rules.iter().map(|(p, t)| if p == target { (p.clone(), text.clone()) } else { (p.clone(), t.clone()) }).collect();
    let (rb, diags) = load(&mem(&files), &mem(&fx.norms));
    let mut n = diags.len();
    if let (Some(rb), Some(case)) = (rb, &fx.case)
        && same_schema(&rb, &fx.rulebook)
    {
        n += end_to_end(&rb, case);
    }
    n
}

/// Evaluates `case` on both evaluation paths, which must agree, then plans its schedule.
fn end_to_end(rb: &Rulebook, case: &Case) -> usize {
    let evaluation = crate::eval::evaluate_with(rb, case, EvalPath::Vector);
    let reference = crate::eval::evaluate_with(rb, case, EvalPath::Reference);
    let json = |e: &crate::eval::Evaluation| serde_json::to_string(e).unwrap_or_default();
    assert_eq!(json(&evaluation), json(&reference), "the vector path and the reference disagree");
    let schedule = crate::schedule::schedule(rb, case, &evaluation);
    evaluation.outputs.len() + evaluation.diagnostics.len() + schedule.payments.len() + schedule.diagnostics.len()
}

/// Target `case`: the fixture's rulebook evaluated on a fuzzed copy of its case, end to end (the
/// case read, evaluated on both paths, its schedule planned). The input names a file of the case
/// folder (`patients.csv` and a NUL byte, or a first byte that picks one by rank) and either
/// replaces it, or — when the name is followed by byte 1 instead of NUL — gives
/// `LINE 0x01 FIELD 0x01 VALUE`: field FIELD (from 0) of line LINE (from 1) becomes VALUE, so that
/// one value can be pushed to its extremes in a file that is otherwise valid. The copy is written
/// into `scratch`, a folder the caller owns.
pub fn case(fx: &Fixture, scratch: &Path, data: &[u8]) -> usize {
    let names: Vec<&str> = fx.case_files.iter().map(|(n, _)| n.as_str()).collect();
    let cell = data.iter().position(|&b| b == 1).filter(|&k| names.iter().any(|n| n.as_bytes() == &data[..k]));
    let (i, bytes) = match cell {
        Some(k) => {
            let i = names.iter().position(|n| n.as_bytes() == &data[..k]).unwrap_or(0);
            (i, with_cell(&fx.case_files[i].1, &data[k + 1..]))
        }
        None => match pick(&names, data) {
            Some((i, rest)) => (i, rest.to_vec()),
            None => return 0,
        },
    };
    for (k, (name, original)) in fx.case_files.iter().enumerate() {
        let body = if k == i { &bytes } else { original };
        if std::fs::write(scratch.join(name), body).is_err() {
            return 0;
        }
    }
    let (case, diags) = fx.rulebook.cases().load(scratch, CaseOptions::default());
    let mut n = diags.len();
    if let Some(case) = case
        && !diags.iter().any(Diagnostic::is_error)
    {
        n += end_to_end(&fx.rulebook, &case);
    }
    n
}

/// `file` with one field replaced, as `LINE 0x01 FIELD 0x01 VALUE` says (fields cut at `;`).
fn with_cell(file: &[u8], spec: &[u8]) -> Vec<u8> {
    let mut parts = spec.splitn(3, |&b| b == 1);
    let number = |p: Option<&[u8]>| std::str::from_utf8(p.unwrap_or_default()).ok().and_then(|s| s.trim().parse::<usize>().ok());
    let (Some(line), Some(field)) = (number(parts.next()), number(parts.next())) else { return file.to_vec() };
    let value = parts.next().unwrap_or_default();
    let mut lines: Vec<Vec<u8>> = file.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    if let Some(l) = line.checked_sub(1).and_then(|k| lines.get_mut(k)) {
        let mut fields: Vec<Vec<u8>> = l.split(|&b| b == b';').map(<[u8]>::to_vec).collect();
        if let Some(f) = fields.get_mut(field) {
            *f = value.to_vec();
        }
        *l = fields.join(&b';');
    }
    lines.join(&b'\n')
}

/// Whether two rulebooks declare the same case inputs, so a case read for one fits the other.
fn same_schema(a: &Rulebook, b: &Rulebook) -> bool {
    let key = |rb: &Rulebook| -> Vec<String> {
        rb.schema
            .inputs
            .iter()
            .map(|i| format!("{}.{}:{}", i.section, i.name, serde_json::to_string(&i.kind).unwrap_or_default()))
            .collect()
    };
    a.case_file == b.case_file && key(a) == key(b)
}

/// Target `norm`: the first byte picks a norm of the fixture's rulebook, the rest replaces its
/// file; a norm that still loads reads a small file built from its own columns.
pub fn norm(fx: &Fixture, data: &[u8]) -> usize {
    let norms = fx.norm_list();
    if norms.is_empty() {
        return 0;
    }
    let (pick, text) = split(data);
    let base = &norms[pick % norms.len()];
    let source = MemSource::new().with(&crate::data::norm::norm_path(&base.name, base.version), &text);
    let mut diags = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let Some(norm) = load_norm(&source, &base.name, base.version, &mut diags, &mut files) else { return diags.len() };
    let sep = char::from(norm.separator).to_string();
    let header: Vec<&str> = norm.fields.iter().map(|f| f.name.as_str()).collect();
    let csv = format!(
        "{}\n{}\n{}\n{}\n",
        header.join(&sep),
        vec![""; header.len()].join(&sep),
        vec!["0"; header.len()].join(&sep),
        vec!["01/02/2025"; header.len()].join(&sep)
    );
    let checks = match Validator::new(&norm, &fx.rulebook.lists.raw, &fx.rulebook.code_checks) {
        Ok(c) => c,
        Err(d) => return diags.len() + d.len(),
    };
    let read = read_bytes("fuzz", csv.as_bytes(), "fuzz.csv", &checks, RejectedRows::Refuse);
    diags.len() + read.diags.len() + read.dataset.map_or(0, |d| d.n_rows())
}

/// Target `dataset`: the first byte picks a norm of the fixture's rulebook, the rest is a data
/// file read through it. Panics if a diagnostic quotes a value shaped like an identifier.
pub fn dataset(fx: &Fixture, data: &[u8]) -> usize {
    let norms = fx.norm_list();
    let Some((&pick, bytes)) = data.split_first() else { return 0 };
    if norms.is_empty() {
        return 0;
    }
    let norm = &norms[usize::from(pick) % norms.len()];
    let Ok(checks) = Validator::new(norm, &fx.rulebook.lists.raw, &fx.rulebook.code_checks) else { return 0 };
    // Both answers to a rejected row: the case refused, or the row left out.
    let rejected = if pick % 2 == 0 { RejectedRows::Refuse } else { RejectedRows::LeaveOut };
    let read = read_bytes("fuzz", bytes, "fuzz.csv", &checks, rejected);
    // A property, not only the absence of a crash: no message quotes an identifier.
    for (d, lang) in read.diags.iter().flat_map(|d| Lang::ALL.map(|l| (d, l))) {
        let text = format!("{} {}", d.message.render(lang), d.hint.as_ref().map(|h| h.render(lang)).unwrap_or_default());
        assert!(identifier_lookalike(&text, norm).is_none(), "an identifier leaked into a message: {text}");
    }
    read.diags.len() + read.dataset.map_or(0, |d| d.n_rows())
}

/// The validator of the norm the first byte of `data` picks among the fixture's rulebook's, with
/// the rulebook's code lists, and the rest of `data` as the file to check.
fn picked_validator<'f, 'd>(fx: &'f Fixture, data: &'d [u8]) -> Option<(Validator<'f>, &'d [u8])> {
    let norms = fx.norm_list();
    let (&pick, bytes) = data.split_first()?;
    let norm = norms.get(usize::from(pick) % norms.len().max(1))?;
    let plan = Validator::new(norm, &fx.rulebook.lists.raw, &fx.rulebook.code_checks).ok()?;
    Some((plan, bytes))
}

/// Target `validate`: the first byte picks a norm of the fixture's rulebook, the rest is an
/// exchange file checked against it (with the rulebook's code lists), rows and all.
pub fn validate(fx: &Fixture, data: &[u8]) -> usize {
    let Some((plan, bytes)) = picked_validator(fx, data) else { return 0 };
    let options = Options { show_identifiers: false, examples_per_code: 5, any_file_name: false };
    match plan.run("fuzz.csv", bytes, Some(bytes.len() as u64), &options, &mut NoSink) {
        Ok(report) => report.examples.len() + report.rows as usize,
        Err(_) => 0,
    }
}

/// Target `rejects`: the first byte picks a norm of the fixture's rulebook, the rest is an
/// exchange file checked against it with a rejects file written, identifiers masked. Panics if
/// a rejected row as written, the header or a problem holds text shaped like a NIR: a run of
/// [`NIR_SHAPED_DIGITS`] digits or more, spaced or not, Corsican or not.
pub fn rejects(fx: &Fixture, data: &[u8]) -> usize {
    let Some((plan, bytes)) = picked_validator(fx, data) else { return 0 };
    let options = Options { show_identifiers: false, examples_per_code: 5, any_file_name: false };
    let mut sink = RejectsProbe::default();
    let _ = plan.run("fuzz.csv", bytes, Some(bytes.len() as u64), &options, &mut sink);
    for text in &sink.written {
        assert!(!nir_shaped(text), "an identifier left in clear: {}", String::from_utf8_lossy(text));
    }
    sink.written.len()
}

/// The fewest digits of a run the `rejects` target calls NIR-shaped: a NIR of 15 characters
/// with up to two missing (its key, a digit), written with spaces, dots, dashes or slashes.
pub const NIR_SHAPED_DIGITS: usize = 13;

/// Whether `text` holds a run of [`NIR_SHAPED_DIGITS`] digits (or Corsican `A`/`B`), maybe
/// joined by spaces, dots, dashes, slashes or tabs. Written apart from `data::mask`, which it checks.
pub fn nir_shaped(text: &[u8]) -> bool {
    let mut count = 0;
    for (i, &b) in text.iter().enumerate() {
        let corsican = matches!(b, b'A' | b'B' | b'a' | b'b') && i > 0 && text[i - 1] == b'2' && count > 0;
        if b.is_ascii_digit() || corsican {
            count += 1;
            if count >= NIR_SHAPED_DIGITS {
                return true;
            }
        } else if !matches!(b, b' ' | b'.' | b'-' | b'/' | b'\t' | 0xA0) {
            count = 0;
        }
    }
    false
}

/// A sink that keeps what a rejects file would hold, and every problem's text.
#[derive(Default)]
struct RejectsProbe {
    written: Vec<Vec<u8>>,
}

impl crate::validate::Sink for RejectsProbe {
    fn problem(&mut self, p: &crate::validate::Problem) -> std::io::Result<()> {
        for lang in Lang::ALL {
            let hint = p.hint.as_ref().map(|h| h.render(lang)).unwrap_or_default();
            let value = p.value.as_ref().map(|v| v.render(lang)).unwrap_or_default();
            // One text each: a run is not made of the end of one and the start of the next.
            for text in [p.message.render(lang), value, hint] {
                self.written.push(text.into_bytes());
            }
        }
        Ok(())
    }
    fn header(&mut self, raw: &[u8], _terminator: &[u8]) -> std::io::Result<()> {
        self.written.push(raw.to_vec());
        Ok(())
    }
    fn rejected(&mut self, _row: u64, record: &[u8], _terminator: &[u8], _problems: &[crate::validate::Problem]) -> std::io::Result<()> {
        self.written.push(record.to_vec());
        Ok(())
    }
    fn wants_rejected_rows(&self) -> bool {
        true
    }
}

/// Target `file_name`: the first byte picks a norm of the fixture's rulebook. With its high bit
/// clear, the rest is a file name checked against the norm's pattern; with it set, the rest is
/// a pattern, a line break and a name, so that patterns are fuzzed too.
pub fn file_name(fx: &Fixture, data: &[u8]) -> usize {
    let norms = fx.norm_list();
    let (pick, text) = split(data);
    if norms.is_empty() {
        return 0;
    }
    let mut norm = norms[(pick & 0x7F) % norms.len()].clone();
    let name = if pick & 0x80 != 0 {
        let (pattern, name) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let date_format = norm.file_name.as_ref().map_or_else(|| "%Y%m%d".to_string(), |f| f.date_format.clone());
        norm.file_name = Some(crate::data::norm::FileNamePattern { pattern: pattern.to_string(), date_format });
        name.to_string()
    } else {
        text
    };
    let mut n = usize::from(crate::validate::follows_file_name(&norm, &name));
    n += crate::validate::file_name_year(&norm, &name).map_or(0, |y| y.unsigned_abs() as usize);
    if let Ok(plan) = Validator::new(&norm, &fx.rulebook.lists.raw, &fx.rulebook.code_checks) {
        let (period, problems) = plan.check_name(&name);
        n += problems.len() + usize::from(period.is_some());
    }
    n
}

/// How many functions of a fuzzed script are called, so one input stays within seconds.
const MAX_CALLS: usize = 4;

/// Target `formula`: the bytes are a Rhai script, compiled in the sandbox; its first functions are
/// called with decimal arguments, and the text is also compiled and run as an inline expression.
pub fn formula(data: &[u8]) -> usize {
    let engine = sandbox().engine();
    let text = String::from_utf8_lossy(data).into_owned();
    let file = SourceFile { path: "fuzz.rhai".into(), text: text.clone() };
    let mut diags = Vec::new();
    let mut n = 0;
    if let Some(script) = compile_script(engine, &file, crate::ids::FileId::from(0), &mut diags) {
        let names: Vec<String> = script.ast.iter_functions().take(MAX_CALLS).map(|f| f.name.to_string()).collect();
        for name in names {
            let n_params = function_params(&script, &name).map_or(0, |p| p.len());
            let args: Vec<Dynamic> = (0..n_params).map(|i| Dynamic::from(Decimal::new(i as i64 * 15 + 7, 1))).collect();
            n += usize::from(call_function(engine, &script, &name, args).is_ok());
        }
    }
    let known: Vec<String> = ["a", "b", "t"].into_iter().map(String::from).collect();
    if let Ok(ast) = compile_inline(engine, &text, &known, &file, 0) {
        let values = [Value::Number(Decimal::new(125, 2)), Value::Number(Decimal::ZERO), Value::Text("x".into())];
        n += usize::from(eval_inline(engine, &ast, &known, &values).is_ok());
    }
    n + diags.len()
}
