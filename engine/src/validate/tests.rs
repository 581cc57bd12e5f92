//! Tests of the validator on small in-memory files and a generic norm.

use std::io;

use chrono::NaiveDate;

use super::*;
use crate::data::norm::CodeCheck;
use crate::diagnostic::SourceFile;
use crate::message::Message;
use crate::rules::list::CodeList;
use crate::rules::source::MemSource;
use crate::rules::strict::Ctx;
use crate::value::Period;

const NORM: &str = r#"
name = "demo"
version = 1
label = "Demo"
status = "assumed"
reference = "test"
separator = ";"
encoding = "utf-8"
file_name = { pattern = "DEMO_{start}_{end}.csv", date_format = "%Y%m%d" }

[[field]]
name = "ID"
type = "text"
required = true
length = 15
checksum = "nir"
identifier = true

[[field]]
name = "DAY"
type = "date"
required = true
row_date = true

[[field]]
name = "CODE"
type = "text"
required = true

[[field]]
name = "QTY"
type = "integer"
required = true
min = 1
max = 9

[[field]]
name = "KM"
type = "decimal"
min = 0
required_if = "CODE == 'K'"
"#;

const LISTS: &str = r#"
[codes]
label = "Codes"
status = "assumed"
reference = "test"
attributes = []

[[codes.items]]
code = "A"
label = "A"

[[codes.items]]
code = "K"
label = "K"

[[codes.items]]
code = "LATE"
label = "Late"
from = 2025-03-01
"#;

/// A valid 15-character identifier (13 digits and their mod-97 key).
const ID: &str = "184127645108946";

fn norm(text: &str) -> Norm {
    let source = MemSource::new().with("demo/v1.toml", text);
    let (mut diags, mut files) = (Vec::new(), Vec::new());
    let norm = crate::data::norm::load_norm(&source, "demo", 1, &mut diags, &mut files);
    assert!(diags.is_empty(), "{diags:?}");
    norm.expect("norm")
}

/// The code checks a rulebook would declare: CODE against list `codes`.
fn checks() -> Vec<CodeCheck> {
    vec![CodeCheck { norm: "demo".into(), field: "CODE".into(), catalogue: None, list: Some("codes".into()), unlisted: None }]
}

fn lists() -> Vec<CodeList> {
    let file = SourceFile { path: "lists.toml".into(), text: LISTS.into() };
    let ctx = Ctx::new(&file);
    let root = ctx.parse().expect("toml");
    let obj = ctx.root(&root, &Message::text("lists"));
    let mut out = Vec::new();
    let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    crate::rules::list::read_lists(&obj, Period { start: d(1, 1), end: d(12, 31) }, &mut out);
    let diags = ctx.into_diagnostics();
    assert!(diags.is_empty(), "{diags:?}");
    out
}

/// Keeps what a rejects file would receive.
#[derive(Default)]
struct Keep {
    problems: Vec<Problem>,
    rejected: Vec<(u64, String, String)>,
    header: Option<String>,
}

impl Sink for Keep {
    fn problem(&mut self, p: &Problem) -> io::Result<()> {
        self.problems.push(p.clone());
        Ok(())
    }
    fn header(&mut self, raw: &[u8], _: &[u8]) -> io::Result<()> {
        self.header = Some(String::from_utf8_lossy(raw).into_owned());
        Ok(())
    }
    fn rejected(&mut self, row: u64, record: &[u8], _: &[u8], problems: &[Problem]) -> io::Result<()> {
        let codes: Vec<&str> = problems.iter().filter(|p| p.is_error()).map(|p| p.code.as_str()).collect();
        self.rejected.push((row, String::from_utf8_lossy(record).into_owned(), codes.join(",")));
        Ok(())
    }
    fn wants_rejected_rows(&self) -> bool {
        true
    }
}

fn run_with(norm: &Norm, name: &str, input: &[u8], show: bool) -> (FileReport, Keep) {
    let lists = lists();
    let plan = Validator::new(norm, &lists, &checks()).expect("plan");
    let options = Options { show_identifiers: show, examples_per_code: 2, any_file_name: false };
    let mut keep = Keep::default();
    let report = plan.run(name, input, Some(input.len() as u64), &options, &mut keep).expect("run");
    assert_eq!(report.valid + report.rejected, report.rows, "every row is valid or rejected");
    assert_eq!(keep.rejected.len() as u64, report.rejected);
    let total: u64 = report.counts.iter().map(|c| c.count).sum();
    assert_eq!(keep.problems.len() as u64, total, "the sink sees every problem");
    assert_eq!(report.examples.len() as u64 + report.not_shown, total);
    (report, keep)
}

/// Each problem as `row field code value`.
fn check(input: &str) -> Vec<String> {
    let (_, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", input.as_bytes(), false);
    keep.problems
        .iter()
        .map(|p| {
            let row = p.row.map_or("-".to_string(), |r| r.to_string());
            format!(
                "{row} {} {} {}",
                p.field.as_ref().map(Message::en).as_deref().unwrap_or("-"),
                p.code,
                p.value.as_ref().map(Message::en).as_deref().unwrap_or("-")
            )
        })
        .collect()
}

const HEADER: &str = "ID;DAY;CODE;QTY;KM\n";

#[test]
fn a_clean_file_has_no_problem() {
    let text = format!("{HEADER}{ID};01/01/2025;A;1;\n{ID};31/03/2025;K;2;12,5\n{ID};01/03/2025;LATE;1;\n");
    assert_eq!(check(&text), Vec::<String>::new());
}

#[test]
fn every_field_check_reports_with_row_field_and_masked_value() {
    let text = format!(
        "{HEADER}{ID};31/02/2025;A;1;\n184127645108947;01/01/2025;B;0;\n{ID};01/04/2025;K;10;\n{ID};01/01/2025;A;x;-1\n;01/02/2025;LATE;1;\n"
    );
    assert_eq!(
        check(&text),
        [
            "2 DAY V416 31/02/2025",
            "3 ID V423 [masked: 15 characters]",
            "3 CODE V420 B",
            "3 QTY V424 0",
            "4 DAY V425 01/04/2025",
            "4 QTY V424 10",
            "4 KM V418 ",
            "5 QTY V416 x",
            "5 KM V424 -1",
            "6 ID V417 ",
            "6 CODE V420 LATE",
        ]
    );
}

#[test]
fn repeated_bad_values_are_reported_every_time() {
    // The cache of good values must never hide a bad one.
    let text = format!("{HEADER}{ID};01/01/2025;A;1;\n{ID};01/01/2025;A;0;\n{ID};01/01/2025;A;0;\n{ID};01/01/2025;A;1;\n");
    assert_eq!(check(&text), ["3 QTY V424 0", "4 QTY V424 0", "4 - V426 -", "5 - V426 -"]);
}

#[test]
fn identifiers_are_shown_only_when_asked() {
    let text = format!("{HEADER}184127645108947;01/01/2025;A;1;\n");
    let (_, hidden) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    let (_, shown) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), true);
    assert_eq!(hidden.problems[0].value.as_ref().map(Message::en).as_deref(), Some("[masked: 15 characters]"));
    assert_eq!(shown.problems[0].value.as_ref().map(Message::en).as_deref(), Some("184127645108947"));
    assert!(hidden.problems.iter().all(|p| !p.message.en().contains("1841276") && !p.hint.as_ref().is_some_and(|h| h.en().contains("46"))));
}

#[test]
fn rows_of_every_shape_are_counted_and_rejected_in_their_columns() {
    let text = format!("{HEADER}{ID};01/01/2025;A;1;\n\n{ID};01/01/2025;A;1\n\"{ID}\";\"01/01/2025\";A;1;\n{ID};01/01/2025;\"A;1;\n");
    let (report, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    assert_eq!((report.rows, report.valid, report.rejected), (5, 1, 4));
    assert_eq!(keep.rejected[0], (3, ";;;;".into(), "V415".into()));
    // Another width: the row whole in the first column, its identifier masked, nothing shifted.
    assert_eq!(keep.rejected[1], (4, "\"[masked];01/01/2025;A;1\";;;;".into(), "V412".into()));
    // The same content with quotes is the same row.
    assert_eq!(keep.rejected[2], (5, "[masked];01/01/2025;A;1;".into(), "V426".into()));
    assert_eq!(keep.rejected[3].2, "V412,V413");
    assert!(keep.rejected[3].1.starts_with("\"[masked];01/01/2025;"), "{}", keep.rejected[3].1);
    assert_eq!(keep.header.as_deref(), Some("ID;DAY;CODE;QTY;KM"));
    let (_, shown) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), true);
    assert_eq!(shown.rejected[1].1, format!("\"{ID};01/01/2025;A;1\";;;;"), "shown when asked");
    // A NIR with a wrong key is still someone's: masked too, in its column or in a row of another width.
    let text = format!("{HEADER}184127645108947;01/01/2025;A;1;\n184127645108947;01/01/2025;A\n");
    let (_, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    assert_eq!(keep.rejected[0].1, "[masked];01/01/2025;A;1;");
    assert_eq!(keep.rejected[1].1, "\"[masked];01/01/2025;A\";;;;");
}

#[test]
fn a_row_of_another_width_masks_a_nir_in_any_form() {
    // Spaced, a digit short, Corsican: no pattern of the norm takes them, each is still someone's.
    let text = format!(
        "{HEADER}1 84 12 76 451 089 47;01/01/2025;A\n18412764510894;01/01/2025;A\n1841220A5108947;01/01/2025;A\n\"184127645108947;x;A;1;\n"
    );
    let (_, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    let rows: Vec<&str> = keep.rejected.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(rows, ["\"[masked];01/01/2025;A\";;;;"; 3].into_iter().chain(["\"\"\"[masked];x;A;1;\"\"\";;;;"]).collect::<Vec<_>>());
    let (_, shown) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), true);
    assert!(shown.rejected[0].1.starts_with("\"1 84 12 76 451 089 47;"), "shown when asked: {}", shown.rejected[0].1);
}

#[test]
fn the_header_is_read_by_name_with_misspellings_found() {
    let text = format!("ID;DAYS;code;QTY;EXTRA;QTY\n{ID};01/01/2025;A;1;x;1\n");
    assert_eq!(check(&text), ["1 KM V407 -", "1 EXTRA V408 -", "1 DAY V409 -", "1 CODE V409 -", "1 QTY V410 -"]);
    let text = format!("KM;QTY;CODE;DAY;ID\n;1;A;01/01/2025;{ID}\n");
    assert_eq!(check(&text), ["1 - V411 -"]);
}

#[test]
fn a_file_without_header_is_read_as_data() {
    let text = format!("{ID};01/01/2025;A;1;\n{ID};01/01/2025;A;2;\n");
    let (report, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    assert_eq!((report.rows, report.valid), (2, 2), "{:?}", keep.problems);
    assert_eq!(keep.problems[0].code, Code::NoHeader);
    assert_eq!(keep.header.as_deref(), Some("ID;DAY;CODE;QTY;KM"));
}

#[test]
fn another_separator_is_reported_once_and_the_file_still_checked() {
    let text = format!("ID,DAY,CODE,QTY,KM\n{ID},01/01/2025,A,1,\n{ID},01/01/2025,A,0,\n");
    assert_eq!(check(&text), ["1 - V404 -", "3 QTY V424 0"]);
}

#[test]
fn file_names_give_the_period() {
    let n = norm(NORM);
    let lists = lists();
    let plan = Validator::new(&n, &lists, &checks()).unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    assert_eq!(plan.check_name("DEMO_20250101_20250331.csv"), (Some(Period { start: d(1, 1), end: d(3, 31) }), vec![]));
    let codes = |name: &str| plan.check_name(name).1.iter().map(|p| p.code.as_str()).collect::<Vec<_>>().join(",");
    assert_eq!(codes("demo_20250101_20250331.CSV"), "V400");
    assert_eq!(codes("DEMO_20250231_20250331.csv"), "V401");
    assert_eq!(codes("DEMO_20250331_20250101.csv"), "V401");
    assert_eq!(codes("DEMO-2025.csv"), "V400");
    assert!(plan.check_name("DEMO-2025.csv").0.is_none());
}

#[test]
fn encodings_are_checked_value_by_value() {
    let mut bytes = b"\xEF\xBB\xBFID;DAY;CODE;QTY;KM\n".to_vec();
    // A Windows-1252 `É` after the code.
    bytes.extend(format!("{ID};01/01/2025;A?;1;\n").bytes().map(|b| if b == b'?' { 0xC9 } else { b }));
    let (report, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", &bytes, false);
    assert_eq!(report.rejected, 1);
    assert_eq!(keep.problems[0].code, Code::FileEncoding);
    assert_eq!(keep.problems[0].value.as_ref().map(Message::en).as_deref(), Some("A\u{FFFD}"), "the bad byte shows where it is");
    let latin = norm(&NORM.replace("utf-8", "windows-1252"));
    let (report, keep) = run_with(&latin, "DEMO_20250101_20250331.csv", &bytes, false);
    // The BOM and a value that reads as UTF-8 are suspect; the value, read as Windows-1252, is not
    // in the list.
    let codes: Vec<&str> = keep.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["V403", "V420"]);
    assert_eq!(report.rejected, 1);
}

#[test]
fn files_that_are_not_rows_of_text_say_so() {
    assert_eq!(check("ID;DAY;CODE;QTY;KM\r184127645108946;01/01/2025;A;1;\r"), ["1 - V429 -"]);
    let (report, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", b"PK\x03\x04\x14\x00\x06\x00", false);
    assert_eq!((report.rows, keep.problems[0].code), (0, Code::NotText));
    assert!(keep.problems[0].message.en().contains("xlsx"));
    let (_, keep) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", b"I\0D\0;\0", false);
    assert_eq!(keep.problems[0].code, Code::NotText);
}

#[test]
fn a_quoted_line_break_is_a_warning_and_lines_stay_counted() {
    let text = format!("{HEADER}\"{ID}\";01/01/2025;A;1;\"1\n2\"\n{ID};01/01/2025;A;0;\n");
    // KM holds a line break: the next row starts on line 4.
    assert_eq!(check(&text), ["2 KM V414 1\n2", "2 KM V416 1\n2", "4 QTY V424 0"]);
}

#[test]
fn an_empty_file_and_a_header_alone() {
    assert_eq!(check(""), ["- - V405 -"]);
    assert_eq!(check(HEADER), ["- - V428 -"]);
}

#[test]
fn examples_are_capped_per_code_and_the_rest_counted() {
    let text = format!("{HEADER}{}", (0..5).map(|q| format!("{ID};01/01/2025;A;{};\n", q + 10)).collect::<String>());
    let (report, _) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    assert_eq!(report.counts, [CodeCount { code: Code::ValueBounds, severity: Severity::Error, count: 5, shown: 2 }]);
    assert_eq!(report.not_shown, 3);
}

#[test]
fn norm_problems_are_diagnostics() {
    let bad = NORM.replace("required_if = \"CODE == 'K'\"", "required_if = \"COD == 'K'\"");
    let n = norm(&bad);
    let lists = lists();
    let mut checks = checks();
    checks[0].list = Some("kodes".into());
    let Err(diags) = Validator::new(&n, &lists, &checks) else { panic!("a bad norm must not compile") };
    let messages: Vec<String> = diags.iter().map(|d| format!("{} {}", d.code, d.message.en())).collect();
    assert_eq!(
        messages,
        [
            "R107 the codes of field `CODE` are checked against list `kodes`, which is not among the lists given",
            "R107 field `KM`: required_if `COD == 'K'`: `COD` is not a column of norm `demo` (did you mean `CODE`?)",
        ]
    );
}

#[test]
fn header_scores_tell_the_norm() {
    let n = norm(NORM);
    assert_eq!(header_score(&n, b"\xEF\xBB\xBFID;DAY;CODE;QTY;KM"), 5);
    assert_eq!(header_score(&n, b"id,day,other"), 2);
    assert_eq!(header_score(&n, b"A;B"), 0);
}

#[test]
fn mangled_files_never_break_the_count() {
    // Bytes that matter to a reader (separators, quotes, line breaks, parts of UTF-8 characters)
    // dropped at random places of a good file: every run ends, and every row is counted once.
    let good = format!("{HEADER}{ID};01/01/2025;A;1;\n\"{ID}\";31/03/2025;K;2;\"12,5\"\r\n{ID};01/03/2025;LATE;1;\n");
    let specials = [b';', b'"', b'\n', b'\r', b',', 0xC3, 0xA9, b' ', b'\t', 0xFF];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let n = norm(NORM);
    for _ in 0..500 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..1 + next() % 4 {
            let at = (next() as usize) % bytes.len();
            bytes[at] = specials[(next() as usize) % specials.len()];
        }
        let (report, _) = run_with(&n, "DEMO_20250101_20250331.csv", &bytes, false);
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        assert!(report.rows <= lines + 1, "no more rows than lines");
    }
}

#[test]
fn a_code_outside_the_list_but_in_the_catalogue_is_a_note() {
    const CATALOGUE: &str = r#"
[catalogue]
label = "Every code"
status = "assumed"
reference = "test"
attributes = []

[[catalogue.items]]
code = "A"
label = "A"

[[catalogue.items]]
code = "B"
label = "B"

[[catalogue.items]]
pattern = "[A-Z]{4}[0-9]{3}"
label = "A family of codes"
"#;
    let file = SourceFile { path: "catalogue.toml".into(), text: format!("{LISTS}{CATALOGUE}") };
    let ctx = Ctx::new(&file);
    let root = ctx.parse().expect("toml");
    let mut lists = Vec::new();
    let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    crate::rules::list::read_lists(&ctx.root(&root, &Message::text("lists")), Period { start: d(1, 1), end: d(12, 31) }, &mut lists);
    assert!(ctx.into_diagnostics().is_empty());
    let mut checks = checks();
    checks[0].catalogue = Some("catalogue".into());
    checks[0].unlisted = Some("billed per act".into());
    let n = norm(NORM);
    let plan = Validator::new(&n, &lists, &checks).expect("plan");
    let text = format!("{HEADER}{ID};01/01/2025;A;1;\n{ID};01/01/2025;B;1;\n{ID};01/01/2025;DEQP003;1;\n{ID};01/01/2025;ZZZ;1;\n");
    let options = Options { show_identifiers: false, examples_per_code: 9, any_file_name: false };
    let mut keep = Keep::default();
    let report = plan.run("DEMO_20250101_20250331.csv", text.as_bytes(), None, &options, &mut keep).expect("run");
    let seen: Vec<String> =
        keep.problems.iter().map(|p| format!("{} {} {:?} {}", p.row.unwrap_or(0), p.code, p.severity, p.message.en())).collect();
    assert_eq!(
        seen,
        [
            "3 V431 Note not in list `codes` on 01/01/2025: billed per act",
            "4 V431 Note not in list `codes` on 01/01/2025: billed per act",
            "5 V420 Error not in catalogue `catalogue` on 01/01/2025",
        ]
    );
    assert_eq!((report.valid, report.rejected), (3, 1), "only the code that exists nowhere rejects its row");
}

fn norm_named(name: &str, text: &str) -> Norm {
    let source = MemSource::new().with(&format!("{name}/v1.toml"), text);
    let (mut diags, mut files) = (Vec::new(), Vec::new());
    let norm = crate::data::norm::load_norm(&source, name, 1, &mut diags, &mut files);
    assert!(diags.is_empty(), "{diags:?}");
    norm.expect("norm")
}

const STAFF: &str = r#"
name = "staff"
version = 1
label = "Staff"
status = "assumed"
reference = "test"
separator = ";"
encoding = "utf-8"

[[field]]
name = "WHO"
type = "text"
required = true

[[field]]
name = "KIND"
type = "enum"
values = ["A", "B"]
required = true

[[field]]
name = "FROM"
type = "date"
required = true

[[field]]
name = "TO"
type = "date"

[[check]]
label = "B staff start with a B"
when = "KIND == 'A' || substr(WHO, 1, 1) == 'B'"
"#;

const VISITS: &str = r#"
name = "visits"
version = 1
label = "Visits"
status = "assumed"
reference = "test"
separator = ";"
encoding = "utf-8"
duplicate_rows = "warning"

[[field]]
name = "BY"
type = "text"
required = true

[[field]]
name = "ON"
type = "date"
required = true

[[link]]
label = "A visit by someone who is not on the staff that day"
fields = ["BY"]
norm = "staff"
keys = ["WHO"]
valid_from = "FROM"
valid_to = "TO"
at = "ON"
"#;

#[test]
fn checks_across_fields_and_links_across_files_are_warnings() {
    let (staff, visits) = (norm_named("staff", STAFF), norm_named("visits", VISITS));
    let (mut links, problems) = Links::new([&staff, &visits]);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(links.is_referred_to("staff") && !links.is_referred_to("visits"));
    let options = Options { show_identifiers: false, examples_per_code: 9, any_file_name: false };
    let run = |norm: &Norm, text: &str, links: &mut Links| {
        let plan = Validator::new(norm, &[], &[]).expect("plan");
        let mut keep = Keep::default();
        let report = plan.run_linked("f.csv", text.as_bytes(), None, &options, &mut keep, links).expect("run");
        let seen: Vec<String> = keep.problems.iter().map(|p| format!("{} {} {}", p.row.unwrap_or(0), p.code, p.message.en())).collect();
        (report, seen)
    };
    let (report, seen) =
        run(&staff, "WHO;KIND;FROM;TO\nB1;B;01/01/2025;31/01/2025\nX2;B;01/01/2025;\nB1;A;01/03/2025;\nZ9;C;01/01/2025;\n", &mut links);
    assert_eq!(seen, ["3 V432 B staff start with a B", "5 V419 not one of A, B"]);
    assert_eq!(report.rejected, 1, "a warning keeps its row");
    let visits_text = "BY;ON\nB1;15/01/2025\nB1;15/02/2025\nB1;15/03/2025\nX2;15/06/2025\nZ9;15/01/2025\nB1;15/02/2025\n";
    let (report, seen) = run(&visits, visits_text, &mut links);
    let gap = "A visit by someone who is not on the staff that day: no row of `staff` has this BY valid on";
    assert_eq!(
        seen,
        [
            format!("3 V433 {gap} 15/02/2025"),
            format!("6 V433 {gap} 15/01/2025"),
            format!("7 V433 {gap} 15/02/2025"),
            "7 V426 the same row as row 3".to_string()
        ]
    );
    assert_eq!(report.rejected, 0);
    // Without the staff file in the run, nothing is checked.
    let (_, seen) = run(&visits, visits_text, &mut Links::new([&visits]).0);
    assert_eq!(seen, ["7 V426 the same row as row 3"]);
    // A link to a field the other norm lacks is a problem of the norms.
    let broken = norm_named("visits", &VISITS.replace("keys = [\"WHO\"]", "keys = [\"WHOM\"]"));
    let (_, problems) = Links::new([&staff, &broken]);
    assert_eq!(
        problems.iter().map(Message::en).collect::<Vec<_>>(),
        ["norm `visits` (visits/v1.toml): norm `staff` has no field `WHOM` (link \"A visit by someone who is not on the staff that day\")"]
    );
}

/// The demo norm with a key.
fn keyed(key: &str) -> String {
    NORM.replacen("\n[[field]]", &format!("key = {key}\n\n[[field]]"), 1)
}

#[test]
fn two_rows_with_one_key_are_an_error_naming_both_lines_identical_or_not() {
    let n = norm(&keyed(r#"["ID", "DAY"]"#));
    let text = format!(
        "{HEADER}{ID};01/01/2025;A;1;\n{ID};01/01/2025;A;2;\n{ID};02/01/2025;A;1;\n{ID};01/01/2025;A;1;\n\"{ID}\";02/01/2025;A;1;\n{ID};x;A;1;\n"
    );
    let (report, keep) = run_with(&n, "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    let seen: Vec<String> = keep
        .problems
        .iter()
        .map(|p| {
            format!("{} {} {} {}", p.row.unwrap_or(0), p.code, p.value.as_ref().map(Message::en).as_deref().unwrap_or("-"), p.message.en())
        })
        .collect();
    assert_eq!(
        seen,
        [
            "3 V434 [masked: 15 characters] the same key (ID and DAY) as row 2",
            "5 V434 [masked: 15 characters] the same key (ID and DAY) as row 2",
            "6 V434 [masked: 15 characters] the same key (ID and DAY) as row 4",
            "7 V416 x not a date written JJ/MM/AAAA",
        ],
        "identical or not, quoted or not, one code; a row without its key is rejected for it alone"
    );
    let hints: Vec<String> = keep.problems.iter().take(2).map(|p| p.hint.as_ref().expect("a hint").en()).collect();
    assert!(hints[0].starts_with("one row per key") && hints[1].starts_with("the two rows are identical"), "{hints:?}");
    assert_eq!(keep.rejected.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 5, 6, 7]);
    assert_eq!(keep.rejected[0].2, "V434");
    assert_eq!((report.valid, report.rejected), (2, 4));
    // Two identical rows whose key cannot be read are still compared as rows (rejected for both).
    let unread = format!("{HEADER}{ID};x;A;1;\n{ID};x;A;1;\n");
    let (_, keep) = run_with(&n, "DEMO_20250101_20250331.csv", unread.as_bytes(), false);
    assert_eq!(keep.rejected.iter().map(|r| r.2.as_str()).collect::<Vec<_>>(), ["V416", "V416,V426"]);
    // Without a key, only identical rows are compared, as the norm says.
    let (report, _) = run_with(&norm(NORM), "DEMO_20250101_20250331.csv", text.as_bytes(), false);
    assert_eq!(report.counts.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["V416", "V426"]);
}

#[test]
fn a_key_names_required_fields_of_the_norm_once() {
    let problems = |key: &str| {
        let source = MemSource::new().with("demo/v1.toml", &keyed(key));
        let (mut diags, mut files) = (Vec::new(), Vec::new());
        crate::data::norm::load_norm(&source, "demo", 1, &mut diags, &mut files);
        diags
            .iter()
            .map(|d| format!("{} {}{}", d.code, d.message.en(), d.hint.as_ref().map(|h| format!(" ({})", h.en())).unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    assert_eq!(problems(r#"["IDD"]"#), ["R122 the key names field `IDD`, which this norm does not have (did you mean `ID`?)"]);
    assert_eq!(problems(r#"["ID", "ID"]"#), ["R122 the key names field `ID` twice"]);
    assert_eq!(
        problems(r#"["KM"]"#),
        [
            "R122 the key names field `KM`, which is not required: a row where it is empty would have no key (make the field required (`required = true`) or take it out of the key)"
        ]
    );
    assert_eq!(problems("[]"), ["R122 the key (`key`) names no field: remove it if the file has no natural key"]);
    assert!(problems(r#"["ID", "DAY"]"#).is_empty());
    let allowing = keyed(r#"["ID"]"#).replacen("\n[[field]]", "duplicate_rows = \"warning\"\n\n[[field]]", 1);
    let source = MemSource::new().with("demo/v1.toml", &allowing);
    let (mut diags, mut files) = (Vec::new(), Vec::new());
    crate::data::norm::load_norm(&source, "demo", 1, &mut diags, &mut files);
    assert_eq!(diags.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["R122"], "a key and identical rows allowed contradict");
}

const SPANS: &str = r#"
name = "spans"
version = 1
label = "Spans"
status = "assumed"
reference = "test"
separator = ";"
encoding = "utf-8"

[[field]]
name = "FROM"
type = "date"
required = true
earliest = 1900-01-01
latest = 2100-12-31

[[field]]
name = "TO"
type = "date"

[[field]]
name = "PART"
type = "decimal"

[[field]]
name = "WHOLE"
type = "decimal"

[[rule]]
label = "ends before it starts"
field = "TO"
op = ">="
other = "FROM"

[[rule]]
label = "a part above its whole"
field = "PART"
op = "<="
other = "WHOLE"

[[rule]]
label = "starts after the data's year"
field = "FROM"
op = "<="
period = "end"

[[rule]]
label = "negative"
field = "PART"
op = ">="
value = 0
"#;

#[test]
fn rules_ranges_and_the_engine_bound_reject_their_rows_with_the_data_year_as_period() {
    let n = norm_named("spans", SPANS);
    assert_eq!(n.rules.len(), 4);
    let plan = Validator::new(&n, &[], &[]).expect("plan");
    let big = "79228162514264337593543950335";
    let text = format!(
        "FROM;TO;PART;WHOLE\n01/02/2025;;1;2\n01/02/2025;31/01/2025;1;2\n01/02/2025;;3;2\n01/01/2026;;1;2\n31/12/1899;;1;2\n01/02/2025;;{big};{big}\n01/02/2025;;-1;\n"
    );
    let options = Options { show_identifiers: false, examples_per_code: 9, any_file_name: false };
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // A quarter's period stands for its whole year.
    let mut links = Links::none().with_period(Some(Period { start: d(2025, 1, 1), end: d(2025, 3, 31) }));
    assert_eq!(links.period(), Some(Period { start: d(2025, 1, 1), end: d(2025, 12, 31) }));
    let mut keep = Keep::default();
    let report = plan.run_linked("spans.csv", text.as_bytes(), None, &options, &mut keep, &mut links).expect("run");
    let seen: Vec<String> = keep
        .problems
        .iter()
        .map(|p| format!("{} {} {}", p.row.unwrap_or(0), p.code, p.field.as_ref().map(Message::en).as_deref().unwrap_or("")))
        .collect();
    assert_eq!(seen, ["3 V436 TO", "4 V436 PART", "5 V436 FROM", "6 V437 FROM", "7 V438 PART", "7 V438 WHOLE", "8 V436 PART"]);
    assert_eq!((report.valid, report.rejected), (1, 6));
    assert!(keep.problems[0].message.en().contains("ends before it starts"), "{}", keep.problems[0].message.en());
    // Without a period, the rule that reads it is not checked; the others are.
    let mut keep = Keep::default();
    plan.run("spans.csv", text.as_bytes(), None, &options, &mut keep).expect("run");
    assert!(keep.problems.iter().all(|p| p.row != Some(5)));
}

/// Keeps every problem as the validator hands it over, wanting only the report's examples worded.
#[derive(Default)]
struct Counted(Vec<Problem>);

impl Sink for Counted {
    fn problem(&mut self, p: &Problem) -> std::io::Result<()> {
        self.0.push(p.clone());
        Ok(())
    }
    fn wants_every_problem(&self) -> bool {
        false
    }
}

#[test]
fn only_the_examples_of_a_code_are_worded_whatever_the_blocks_of_rows() {
    let n = norm_named("spans", SPANS);
    let plan = Validator::new(&n, &[], &[]).expect("plan");
    let rows = 300;
    let text = format!("FROM;TO;PART;WHOLE\n{}", (0..rows).map(|i| format!("01/02/2025;31/01/2025;{i};{}\n", i + 1)).collect::<String>());
    let options = Options { show_identifiers: false, examples_per_code: 3, any_file_name: false };
    let mut sink = Counted::default();
    let report = plan.run("spans.csv", text.as_bytes(), None, &options, &mut sink).expect("run");
    assert_eq!(report.counts, [CodeCount { code: Code::RuleBroken, severity: Severity::Error, count: rows as u64, shown: 3 }]);
    let worded: Vec<&Problem> = sink.0.iter().filter(|p| !p.message.en().is_empty()).collect();
    assert_eq!(worded.len(), 3, "the examples alone, not the rest of the first block");
    assert_eq!(report.examples.len(), 3);
    for p in &report.examples {
        let m = p.message.en();
        assert!(m.contains("ends before it starts") && m.contains("FROM"), "{m}");
    }
}

#[test]
fn a_rule_is_typed_when_its_norm_loads() {
    let load = |rule: &str| {
        let text = format!("{SPANS}\n[[rule]]\nlabel = \"x\"\n{rule}\n");
        let source = MemSource::new().with("spans/v1.toml", &text);
        let (mut diags, mut files) = (Vec::new(), Vec::new());
        crate::data::norm::load_norm(&source, "spans", 1, &mut diags, &mut files);
        diags.iter().map(|d| d.code.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(load("field = \"TOO\"\nop = \"<\"\nother = \"FROM\""), ["R123"]);
    assert_eq!(load("field = \"TO\"\nop = \"<\"\nother = \"PART\""), ["R124"]);
    assert_eq!(load("field = \"PART\"\nop = \"<\"\nvalue = 2025-01-01"), ["R124"]);
    assert_eq!(load("field = \"PART\"\nop = \"<\"\nperiod = \"end\""), ["R124"]);
    assert_eq!(load("field = \"PART\"\nop = \"<\"\nvalue = 1\nother = \"WHOLE\""), ["R103"]);
    assert_eq!(load("field = \"PART\"\nop = \"=<\"\nother = \"WHOLE\"").len(), 1);
    assert!(load("field = \"PART\"\nop = \"<\"\nvalue = \"1.5\"").is_empty());
}

/// Keeps the typed rows of the fields it keeps.
struct KeepSome(Vec<bool>, Vec<Vec<crate::value::Value>>);

impl Sink for KeepSome {
    fn wants_rows(&self) -> bool {
        true
    }
    fn keeps(&self, field: usize) -> bool {
        self.0[field]
    }
    fn accepted(&mut self, _row: u64, values: crate::data::row::TypedRow<'_>) {
        self.1.push((0..values.cells().len()).map(|i| values.value(i)).collect());
    }
}

#[test]
fn a_field_the_sink_does_not_keep_comes_null_and_is_still_checked() {
    let (n, lists, checks) = (norm(NORM), lists(), checks());
    let plan = Validator::new(&n, &lists, &checks).expect("plan");
    let text = format!("{HEADER}{ID};01/01/2025;A;1;\n{ID};02/01/2025;A;0;\n{ID};03/01/2025;K;2;12,5\n");
    let options = Options { show_identifiers: false, examples_per_code: 3, any_file_name: false };
    let mut sink = KeepSome(vec![false, true, false, false, true], Vec::new());
    let report = plan.run("DEMO_20250101_20250331.csv", text.as_bytes(), None, &options, &mut sink).expect("run");
    assert_eq!(report.counts.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["V424"], "QTY 0 is checked though not kept");
    use crate::value::Value;
    let d = |day| Value::Date(NaiveDate::from_ymd_opt(2025, 1, day).expect("date"));
    let number = |n: &str| Value::Number(n.parse().expect("number"));
    assert_eq!(
        sink.1,
        [vec![Value::Null, d(1), Value::Null, Value::Null, Value::Null], vec![Value::Null, d(3), Value::Null, Value::Null, number("12.5")]]
    );
}

mod chunks;
