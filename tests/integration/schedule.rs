//! `peps schedule`: advances, regularisations, the balance and the deposit deadlines, on the
//! shipped examples and on edited copies of them (a professional leaving in June, a negative
//! balance, a complement paid in advance, uneven shares). Amounts are checked to the cent:
//! the payments and the balance add up to the final amount exactly.
//!
//! Dates checked by hand are those of the frozen calendars of `tests/data/calendars/`, installed
//! in a copy of the rules; amounts are derived from what `peps compute` gives on the same copy.
//! So an edit of the shipped rules changes snapshots, never these assertions.

use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::snap;
use crate::util::{Run, Sandbox, compute_json, french_money, output, peps, repo};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

fn d(v: &Json) -> Decimal {
    dec(v.as_str().unwrap_or_else(|| panic!("not a string: {v}")))
}

fn json_of(run: &Run) -> Json {
    assert_eq!(run.code, 0, "peps failed:\n{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON schedule")
}

/// A copy of the rules, norms and examples whose 2025 and 2026 calendars are the frozen fixtures.
fn frozen() -> Sandbox {
    let sandbox = Sandbox::new();
    for year in ["2025", "2026"] {
        let fixture = std::fs::read_to_string(repo().join(format!("tests/data/calendars/{year}.toml"))).expect("frozen calendar");
        let fixture = fixture.replacen("../../../schemas/", "../../schemas/", 1);
        std::fs::write(sandbox.path().join(format!("rules/{year}/calendrier.toml")), fixture).unwrap();
    }
    sandbox
}

/// `peps` run in `sandbox` on its own rules and norms.
fn run_in(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--rules", "rules", "--norms", "norms"]);
    sandbox.peps(&all)
}

/// The total the copy's rules compute for `case` in `year`.
fn total_in(sandbox: &Sandbox, year: &str, case: &str) -> Decimal {
    d(&compute_json(&run_in(sandbox, &["compute", "--year", year, "--format", "json", case]))["total"])
}

/// An output the copy's rules compute for `case` in `year`.
fn output_in(sandbox: &Sandbox, year: &str, case: &str, name: &str) -> Decimal {
    dec(&output(&compute_json(&run_in(sandbox, &["compute", "--year", year, "--format", "json", case])), name))
}

/// The convention's estimate written in the case file.
fn estimate_of(sandbox: &Sandbox, case: &str) -> Decimal {
    let team: toml::Table = toml::from_str(&std::fs::read_to_string(sandbox.path().join(case).join("team.toml")).unwrap()).unwrap();
    dec(team["structure"]["montant_estime_convention"].as_str().expect("an estimate"))
}

fn schedule_in(sandbox: &Sandbox, year: &str, case: &str) -> Json {
    json_of(&sandbox.peps(&["schedule", "--year", year, "--rules", "rules", "--norms", "norms", "--format", "json", case]))
}

/// Payments plus balance equal the final amount, to the cent; returns the planned amount of
/// each payment, by name.
fn check_adds_up(json: &Json) -> Vec<(String, Decimal)> {
    let payments = json["payments"].as_array().expect("payments");
    let paid: Decimal = payments.iter().map(|p| d(&p["amount"])).sum();
    assert_eq!(paid, d(&json["paid"]));
    let balance = &json["balance"];
    assert_eq!(paid + d(&balance["amount"]), d(&balance["final_amount"]["value"]), "payments + balance = final amount");
    let parts: Decimal = balance["parts"].as_array().unwrap().iter().map(|p| d(&p["amount"])).sum();
    assert_eq!(parts, d(&balance["amount"]), "the parts of the balance add up to it");
    for p in payments {
        assert_eq!(p["amount"].as_str().unwrap().split('.').nth(1).map(str::len), Some(2), "amounts are in cents: {p}");
    }
    payments.iter().filter_map(|p| Some((p["name"].as_str()?.to_string(), d(p.get("planned")?)))).collect()
}

/// The case file of the Malakoff-like example without its received advances.
fn without_received_advances(sandbox: &Sandbox) {
    let path = sandbox.path().join("examples/malakoff/team.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = text.find("[[paiements.avances]]").expect("received advances");
    std::fs::write(&path, &text[..cut]).unwrap();
}

#[test]
fn malakoff_like_schedule() {
    let run = peps(&["schedule", "--year", "2025", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("schedule_malakoff", run.stdout);
    let sandbox = frozen();
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    check_adds_up(&json);
    assert_eq!(json["estimate"]["source"]["name"], "structure.montant_estime_convention");
    let estimate = estimate_of(&sandbox, "examples/malakoff");
    assert_eq!(d(&json["estimate"]["amount"]), estimate, "the convention's estimate, given in team.toml");
    let dates: Vec<&str> = json["payments"].as_array().unwrap().iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-01-31", "2025-04-20", "2025-07-20", "2025-10-20"]);
    for p in json["payments"].as_array().unwrap() {
        assert_eq!(d(&p["received"]["amount"]), dec("139581.75"), "as team.toml records it");
    }
    assert_eq!(json["balance"]["date"], "2026-07-20");
    assert_eq!(d(&json["balance"]["amount"]), total_in(&sandbox, "2025", "examples/malakoff") - estimate);
    let milestones: Vec<(&str, &str)> =
        json["milestones"].as_array().unwrap().iter().map(|m| (m["date"].as_str().unwrap(), m["kind"].as_str().unwrap())).collect();
    assert_eq!(milestones, [("2026-07-31", "end"), ("2026-09-30", "notification")]);
}

#[test]
fn malakoff_like_schedule_as_csv_and_in_french() {
    let csv = peps(&["schedule", "--year", "2025", "--format", "csv", "examples/malakoff"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    snap!("schedule_malakoff_csv", csv.stdout);
    let sandbox = frozen();
    let fr = run_in(&sandbox, &["schedule", "--year", "2025", "--locale", "fr", "examples/malakoff"]);
    let balance = total_in(&sandbox, "2025", "examples/malakoff") - estimate_of(&sandbox, "examples/malakoff");
    assert!(fr.stdout.contains(&french_money(balance)) && fr.stdout.contains("08/01/2026"), "{}", fr.stdout);
}

#[test]
fn the_ics_calendar_is_valid_and_deterministic() {
    let sandbox = frozen();
    let a = run_in(&sandbox, &["schedule", "--year", "2025", "--format", "ics", "examples/malakoff"]);
    let b = run_in(&sandbox, &["schedule", "--year", "2025", "--format", "ics", "examples/malakoff"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout, "the same inputs give the same bytes");
    let ics = &a.stdout;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    // 4 advances, the balance, 4 deposit deadlines, the end and the notification.
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 11);
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20260720\r\n"), "the balance");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20260108\r\n"), "the fourth deposit deadline");
    assert!(unfolded.contains("UID:2025-acompte_1-920755329@peps\r\n"), "{unfolded}");
}

#[test]
fn deposit_deadlines_of_2025_and_2026_are_the_fifth_working_day_after_each_quarter() {
    // Hand-checked: April 2025 starts on a Tuesday (1, 2, 3, 4, 7); 14 July is after the 5th;
    // 1 January 2026 is a holiday (2, 5, 6, 7, 8); Easter Monday 6 April 2026 (1, 2, 3, 7, 8);
    // 1 January 2027 is a holiday and a Friday (4, 5, 6, 7, 8).
    let expected = [
        (
            "2025",
            [
                ("2025-01-01", "2025-03-31", "2025-04-07"),
                ("2025-04-01", "2025-06-30", "2025-07-07"),
                ("2025-07-01", "2025-09-30", "2025-10-07"),
                ("2025-10-01", "2025-12-31", "2026-01-08"),
            ],
        ),
        (
            "2026",
            [
                ("2026-01-01", "2026-03-31", "2026-04-08"),
                ("2026-04-01", "2026-06-30", "2026-07-07"),
                ("2026-07-01", "2026-09-30", "2026-10-07"),
                ("2026-10-01", "2026-12-31", "2027-01-08"),
            ],
        ),
    ];
    let sandbox = frozen();
    for (year, deadlines) in expected {
        let json = schedule_in(&sandbox, year, "examples/msp");
        let got: Vec<(&str, &str, &str)> = json["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["period"]["start"].as_str().unwrap(), x["period"]["end"].as_str().unwrap(), x["due"].as_str().unwrap()))
            .collect();
        assert_eq!(got, deadlines, "{year}");
    }
}

#[test]
fn which_days_are_holidays_is_data() {
    // Drop Easter Monday: the first deadline of 2026 comes a day earlier.
    let sandbox = frozen();
    sandbox.edit("rules/2026/calendrier.toml", "easter = [1, 39, 50]", "easter = [39, 50]");
    let json = schedule_in(&sandbox, "2026", "examples/msp");
    assert_eq!(json["deadlines"][0]["due"], "2026-04-07");
    // Saturdays as working days (the strict sense of « jour ouvrable »): 4 April 2026 counts. The
    // frozen calendar says it in its own `weekend`; the shipped rules say it with a parameter
    // (tests/integration/editing.rs).
    sandbox.edit("rules/2026/calendrier.toml", "weekend = [\"saturday\", \"sunday\"]", "weekend = [\"sunday\"]");
    let json = schedule_in(&sandbox, "2026", "examples/msp");
    assert_eq!(json["deadlines"][0]["due"], "2026-04-06");
}

#[test]
fn a_professional_leaving_in_june_rebases_the_following_advances() {
    // The Malakoff-like team: 9 MG on 1 January, one leaves on 30 June 2025 (184 of 365 days
    // removed); an IDE joins on 1 September, and IDEs carry no weight. No advance received yet.
    let sandbox = frozen();
    without_received_advances(&sandbox);
    let run = run_in(&sandbox, &["schedule", "--year", "2025", "examples/malakoff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("schedule_leaving_in_june", run.stdout);
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    let planned = check_adds_up(&json);
    // By hand: 558 327 × 184 / (9 × 365) = 31 273.1105 → −31 273.11; re-based 527 053.89;
    // a quarter 131 763.4725 → 131 763.47; the third advance takes back 2 × (139 581.75 − 131 763.47).
    let effect = dec("-31273.11");
    assert_eq!(d(&json["movements"][0]["effect"]), effect);
    assert_eq!(json["movements"][0]["applied_from"], "acompte_3");
    assert_eq!(json["movements"][1]["group"], "IDE");
    assert_eq!(d(&json["movements"][1]["effect"]), dec("0.00"));
    let rebased = dec("558327.00") + effect;
    let quarter = dec("131763.47");
    assert_eq!(
        planned,
        [
            ("acompte_1".to_string(), dec("139581.75")),
            ("acompte_2".to_string(), dec("139581.75")),
            ("acompte_3".to_string(), quarter - dec("2") * (dec("139581.75") - quarter)),
            ("acompte_4".to_string(), quarter + dec("0.01")),
        ]
    );
    let advances: Decimal = planned.iter().map(|(_, a)| *a).sum();
    assert_eq!(advances, rebased, "the advances add up to the re-based estimate");
    let third = &json["payments"][2]["adjustments"][0];
    assert_eq!((third["kind"].as_str(), third["movements"][0].as_u64()), (Some("rebase"), Some(0)));
    assert_eq!(json["payments"][3]["adjustments"][1]["kind"], "rounding", "the cent left over goes into the last advance");
    assert_eq!(d(&json["balance"]["amount"]), total_in(&sandbox, "2025", "examples/malakoff") - rebased);
}

#[test]
fn a_negative_balance_says_the_team_owes_the_difference() {
    let sandbox = frozen();
    let path = sandbox.path().join("examples/malakoff/team.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace("montant = \"139581.75\"", "montant = \"160000.00\"");
    std::fs::write(&path, text).unwrap();
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    check_adds_up(&json);
    assert_eq!(d(&json["paid"]), dec("640000.00"));
    let total = total_in(&sandbox, "2025", "examples/malakoff");
    assert!(total < dec("640000.00"), "the example must stay below what this test pays: {total}");
    assert_eq!(d(&json["balance"]["amount"]), total - dec("640000.00"));
    assert!(json["balance"]["meaning"].as_str().unwrap().contains("reverse la différence"), "{}", json["balance"]);
    let run = run_in(&sandbox, &["schedule", "--year", "2025", "examples/malakoff"]);
    let balance_block = &run.stdout[run.stdout.find("payments before the balance").unwrap()..run.stdout.find("check:").unwrap()];
    snap!("schedule_negative_balance", balance_block);
}

#[test]
fn without_an_estimate_the_advances_are_shares_of_the_computed_amount_and_the_cents_go_last() {
    // The small MSP gives no estimate: each advance is a quarter of the computed total rounded
    // half-up to the cent, and the cents left over go into the fourth; with nothing received,
    // the balance is zero. The amounts follow from the total, whatever the rules make it.
    let json = schedule_in(&frozen(), "2025", "examples/msp");
    let planned = check_adds_up(&json);
    assert_eq!(json["estimate"]["from_input"], false);
    assert_eq!(json["estimate"]["source"]["name"], "remuneration_totale");
    let estimate = d(&json["estimate"]["amount"]);
    let quarter = (estimate / dec("4")).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let amounts: Vec<Decimal> = planned.iter().map(|(_, a)| *a).collect();
    assert_eq!(amounts, [quarter, quarter, quarter, estimate - dec("3") * quarter]);
    assert_eq!(d(&json["balance"]["amount"]), dec("0.00"));
    assert!(json["balance"].get("meaning").is_none(), "a zero balance has no sign to explain");
}

/// Sets the share of the 2025 advance due on `date`.
fn set_share(sandbox: &Sandbox, date: &str, from: &str, to: &str) {
    let at = format!("date = {date}\nkind = \"advance\"\nshare = ");
    sandbox.edit("rules/2025/calendrier.toml", &format!("{at}\"{from}\""), &format!("{at}\"{to}\""));
}

const ADVANCE_DATES: [&str; 4] = ["2025-01-31", "2025-04-20", "2025-07-20", "2025-10-20"];

#[test]
fn uneven_shares_round_half_up_and_leave_the_rest_to_the_last_advance() {
    let sandbox = frozen();
    without_received_advances(&sandbox);
    sandbox.edit("examples/malakoff/team.toml", "montant_estime_convention = \"558327.00\"", "montant_estime_convention = \"100000.02\"");
    // Nobody enters or leaves during the year, so nothing is re-based.
    sandbox.edit("examples/malakoff/annexe2.csv", ";30/06/2025", ";");
    sandbox.edit("examples/malakoff/annexe2.csv", ";01/09/2025;", ";01/09/2020;");
    // 0.25 of 100 000.02 is 25 000.005 → 25 000.01 (half-up): three of them pay 75 000.03, so
    // the last one is 100 000.02 − 75 000.03 = 24 999.99.
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    assert!(json["movements"].as_array().unwrap().is_empty());
    let amounts: Vec<Decimal> = check_adds_up(&json).iter().map(|(_, a)| *a).collect();
    assert_eq!(amounts, [dec("25000.01"), dec("25000.01"), dec("25000.01"), dec("24999.99")]);
    assert_eq!(d(&json["payments"][3]["adjustments"][0]["amount"]), dec("-0.02"));
    // 0.3 × 100 000.02 = 30 000.006 → 30 000.01; 0.2 × 100 000.02 = 20 000.004 → 20 000.00:
    // they add up to the estimate, nothing is left over.
    for (date, share) in ADVANCE_DATES.iter().zip(["0.3", "0.3", "0.2", "0.2"]) {
        set_share(&sandbox, date, "0.25", share);
    }
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    let amounts: Vec<Decimal> = check_adds_up(&json).iter().map(|(_, a)| *a).collect();
    assert_eq!(amounts, [dec("30000.01"), dec("30000.01"), dec("20000.00"), dec("20000.00")]);
    assert!(json["payments"][3].get("adjustments").is_none());
    // Shares adding up to more than 1 are refused.
    set_share(&sandbox, ADVANCE_DATES[3], "0.2", "0.3");
    let run = sandbox.peps(&["schedule", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/malakoff"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("the shares of the advances add up to 1.1, more than 1"), "{}", run.stderr);
}

#[test]
fn a_share_written_as_a_fraction_multiplies_the_estimate_before_it_divides_it() {
    let sandbox = frozen();
    without_received_advances(&sandbox);
    sandbox.edit("examples/malakoff/team.toml", "montant_estime_convention = \"558327.00\"", "montant_estime_convention = \"168219.18\"");
    sandbox.edit("examples/malakoff/annexe2.csv", ";30/06/2025", ";");
    sandbox.edit("examples/malakoff/annexe2.csv", ";01/09/2025;", ";01/09/2020;");
    for (date, share) in ADVANCE_DATES.iter().zip(["1 / 12", "1 / 12", "1 / 12", "3 / 4"]) {
        set_share(&sandbox, date, "0.25", share);
    }
    // 168 219.18 / 12 = 14 018.265 → 14 018.27 half-up (1/12 cut at 28 digits first gave
    // 14 018.264 999… → 14 018.26); 3/4 of it is 126 164.385 → 126 164.39; the four add up to
    // 168 219.20, so the last one gives back only the 0.02 rounding left.
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    let amounts: Vec<Decimal> = check_adds_up(&json).iter().map(|(_, a)| *a).collect();
    assert_eq!(amounts, [dec("14018.27"), dec("14018.27"), dec("14018.27"), dec("126164.37")]);
    assert_eq!(d(&json["payments"][3]["adjustments"][0]["amount"]), dec("-0.02"));
}

/// The share of a calendar event as its rule file writes it, `"a / b"`, as a numerator and a
/// denominator.
fn written_share(calendar: &str, event: &str) -> (Decimal, Decimal) {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(repo().join(calendar)).expect("calendar")).expect("TOML");
    let share = doc[event]["share"].as_str().expect("a share written as text");
    match share.split_once('/') {
        Some((a, b)) => (dec(a.trim()), dec(b.trim())),
        None => (dec(share.trim()), Decimal::ONE),
    }
}

#[test]
fn the_capitation_monthly_advance_is_its_exact_share_rounded_once() {
    // Each monthly advance is the estimate as re-based on its date times the share the calendar
    // writes (`1 / 12`), multiplied before it is divided, rounded half-up once: 168 219.18 / 12
    // is 14 018.27, not 14 018.26. The last advance takes only what the rounding leaves.
    let (num, den) = written_share("rules/capitation/2026/calendrier.toml", "acompte_mensuel");
    let run = peps(&["schedule", "--scheme", "capitation", "--year", "2026", "--format", "json", "examples/capitation/centre"]);
    let json = json_of(&run);
    let advances: Vec<&Json> = json["payments"].as_array().unwrap().iter().filter(|p| p["basis"]["type"] == "share").collect();
    assert!(advances.len() > 1, "the centre is paid monthly");
    let half_up = |x: Decimal| x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    for p in &advances {
        assert_eq!(d(&p["basis"]["base"]), half_up(d(&p["basis"]["rebased"]) * num / den), "{p}");
    }
    let last = advances.last().unwrap();
    let rounding =
        last["adjustments"].as_array().into_iter().flatten().find(|a| a["kind"] == "rounding").map_or(Decimal::ZERO, |a| d(&a["amount"]));
    assert!(rounding.abs() <= Decimal::new(5, 3) * Decimal::from(advances.len()), "only cents of rounding go last: {rounding}");
    // The figure of the issue, while the example's estimate is re-based to 168 219.18.
    if d(&advances[4]["basis"]["rebased"]) == dec("168219.18") {
        assert_eq!(d(&advances[4]["amount"]), dec("14018.27"), "the example's monthly advance");
    }
}

#[test]
fn an_estimate_near_the_largest_decimal_is_a_coded_error_never_a_panic() {
    // Issue 23: a case's estimate near the largest decimal panicked the schedule (exit 101). The
    // amounts it moves overflow: X303 at the calendar event, exit 1.
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("examples/capitation/centre/equipe.toml");
    let text = std::fs::read_to_string(&file).expect("case file");
    let line = text.lines().find(|l| l.starts_with("montant_estime =")).expect("an estimate in the case file");
    for value in ["79228162514264337593543950335", "-79228162514264337593543950335"] {
        std::fs::write(&file, text.replace(line, &format!("montant_estime = \"{value}\""))).expect("write");
        let run = sandbox.peps(&["schedule", "--scheme", "capitation", "--year", "2026", "examples/capitation/centre"]);
        assert!(!run.stderr.contains("panicked"), "{value}: peps panicked\n{}", run.stderr);
        assert_eq!(run.code, 1, "{value}\n{}", run.stderr);
        assert!(run.stderr.contains("error[X303 arithmetic]: an amount of the schedule at `"), "{value}\n{}", run.stderr);
    }
}

#[test]
fn a_strong_growth_pays_the_complement_in_advance_and_settles_it_with_the_balance() {
    // 406 new patients against a reference of 3 000 is a 13.5 % rise, above the threshold of
    // the rules: the complement is paid in advance with the last advance.
    let sandbox = frozen();
    sandbox.edit("examples/malakoff/team.toml", "patientele_reference = 5366", "patientele_reference = 3000");
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    check_adds_up(&json);
    let observed = output_in(&sandbox, "2025", "examples/malakoff", "complement_nouveaux_patients");
    assert!(observed > Decimal::ZERO, "a 13.5 % rise must earn the complement");
    let complement = json["payments"].as_array().unwrap().iter().find(|p| p["kind"] == "complement").expect("a complement payment");
    assert_eq!((complement["date"].as_str(), d(&complement["amount"])), (Some("2025-10-20"), observed));
    assert_eq!(d(&json["estimate"]["amount"]), estimate_of(&sandbox, "examples/malakoff"), "the convention's estimate does not include it");
    // The team was paid 45 000 € on its own estimate of new patients: the difference is settled in N+1.
    let path = sandbox.path().join("examples/malakoff/team.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("[[paiements.avances]]").unwrap();
    std::fs::write(&path, format!("{}[paiements]\ncomplement_verse = \"45000.00\"\n\n{}", &text[..at], &text[at..])).unwrap();
    let json = schedule_in(&sandbox, "2025", "examples/malakoff");
    check_adds_up(&json);
    let part = json["balance"]["parts"].as_array().unwrap().iter().find(|p| p["kind"] == "complement").unwrap();
    let paid = dec("45000.00");
    assert_eq!((d(&part["observed"]), d(&part["paid"]), d(&part["amount"])), (observed, paid, observed - paid));
    let run = run_in(&sandbox, &["schedule", "--year", "2025", "examples/malakoff"]);
    let line = format!(
        "{:.2} € Complément pour forte augmentation de la patientèle, versé en avance: observed {observed:.2} € − paid {paid:.2} €",
        observed - paid
    );
    // The sentence may wrap at the table's width.
    let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&line), "{line}\nin:\n{}", run.stdout);
}

#[test]
fn every_example_has_a_schedule_under_every_year() {
    for year in ["2021", "2022", "2023", "2024", "2025", "2026"] {
        for case in ["examples/malakoff", "examples/msp", "examples/ineligible"] {
            let json = json_of(&peps(&["schedule", "--year", year, "--format", "json", case]));
            check_adds_up(&json);
            assert!(!json["deadlines"].as_array().unwrap().is_empty(), "{year} {case}");
            let dates: Vec<&str> = json["payments"].as_array().unwrap().iter().map(|p| p["date"].as_str().unwrap()).collect();
            assert!(dates.first().is_some_and(|d| d.starts_with(year)), "{year} {case}: {dates:?}");
            assert!(dates.windows(2).all(|w| w[0] <= w[1]), "payments in date order: {dates:?}");
        }
    }
}

#[test]
fn a_calendar_naming_what_does_not_exist_is_an_error() {
    let sandbox = frozen();
    sandbox.edit("rules/2025/calendrier.toml", "amount = \"remuneration_totale\"\nreceived", "amount = \"remuneration_total\"\nreceived");
    sandbox.edit("rules/2025/calendrier.toml", "group = \"PROFESSION\"", "group = \"PROFESION\"");
    let run = sandbox.peps(&["schedule", "--year", "2025", "--rules", "rules", "--norms", "norms", "examples/malakoff"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    snap!("schedule_undefined_name", sandbox.redact(&run.stderr));
}

/// An ACTNOM file for `start`–`end` (YYYYMMDD) in `dir`, with one act on `act` (DD/MM/YYYY).
fn actnom_file(dir: &std::path::Path, start: &str, end: &str, act: &str) -> String {
    let source = std::fs::read_to_string(crate::util::repo().join("examples/malakoff/A51_PEPS_16_ACTNOM_20250101_20251231.csv")).unwrap();
    let mut lines = source.lines();
    let header = lines.next().unwrap();
    let row = lines.find(|l| l.contains(";G;")).unwrap();
    let fields: Vec<&str> = row.split(';').collect();
    let row = [&fields[..5], &[act], &fields[6..]].concat().join(";");
    let path = dir.join(format!("A51_PEPS_16_ACTNOM_{start}_{end}.csv"));
    std::fs::write(&path, format!("{header}\n{row}\n")).unwrap();
    path.display().to_string()
}

fn deposit_codes(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|l| l.contains("V440") || l.contains("V441") || l.contains("deposited on") || l.contains("no deposit period"))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn validate_warns_when_data_is_deposited_after_its_deadline() {
    let sandbox = frozen();
    let dir = tempfile::tempdir().unwrap();
    let peps = |args: &[&str]| run_in(&sandbox, args);
    let q1 = actnom_file(dir.path(), "20250101", "20250331", "12/02/2025");
    let on_time = peps(&["validate", "--deposit-date", "07/04/2025", &q1]);
    assert!(deposit_codes(&on_time).is_empty(), "{}", on_time.stdout);
    let late = peps(&["validate", "--deposit-date", "2025-04-08", &q1]);
    assert_eq!(
        deposit_codes(&late),
        [
            "V440 deposit-late: 1 warning",
            "file: deposited on 08/04/2025, after the deadline of 07/04/2025 for the data of 01/01/2025 – 31/03/2025"
        ],
        "{}",
        late.stdout
    );
    assert_eq!(late.code, on_time.code, "a warning does not change the exit code");
    // Across two years: December 2025 is late on 9 January 2026, January 2026 is not.
    let across = actnom_file(dir.path(), "20251201", "20260131", "15/12/2025");
    let run = peps(&["validate", "--deposit-date", "09/01/2026", "--format", "json", &across]);
    assert_eq!(run.stdout.matches("\"message\":\"deposited on").count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("after the deadline of 08/01/2026"), "{}", run.stdout);
    // Without --deposit-date, no deposit check.
    let run = peps(&["validate", &q1]);
    assert!(deposit_codes(&run).is_empty(), "{}", run.stdout);
}

#[test]
fn validate_warns_when_no_deposit_period_covers_the_data() {
    let sandbox = frozen();
    let dir = tempfile::tempdir().unwrap();
    let peps = |args: &[&str]| run_in(&sandbox, args);
    let file = actnom_file(dir.path(), "20990101", "20990331", "12/02/2099");
    let run = peps(&["validate", "--year", "2025", "--deposit-date", "01/04/2099", &file]);
    assert_eq!(
        deposit_codes(&run),
        [
            "V441 deposit-not-covered: 1 warning",
            "file: the file holds data of 01/01/2099 – 31/03/2099, which no deposit period of the calendar covers"
        ],
        "{}{}",
        run.stdout,
        run.stderr
    );
    let run = peps(&["validate", "--deposit-date", "31/02/2026", &file]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a date: write JJ/MM/AAAA"), "{}", run.stderr);
}
