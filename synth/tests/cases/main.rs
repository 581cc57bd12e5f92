//! Integration tests of the synthetic cases, by theme: determinism, file formats, identifiers,
//! sizes and rates of each built-in profile, the team's movements, and the amounts billed.

mod util;
mod years;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use peps_synth::{CaseProfile, luhn_is_valid, nir_is_valid, nir_key};
use util::{Case, date, generate, hundredths};

/// What a built-in profile must produce with seed 1 (small profiles vary more from seed to seed).
struct Expect {
    profile: fn() -> CaseProfile,
    n_patients: usize,
    n_professionals: usize,
    acts: RangeInclusive<usize>,
    /// GP acts (G, VG, TCG, CCAM) per consuming patient of the list.
    gp_acts_per_consumer: RangeInclusive<f64>,
    actnou_rows: Option<usize>,
    ik_professions: &'static [&'static str],
    c2s: RangeInclusive<f64>,
    loyalty: RangeInclusive<f64>,
    finess_department: &'static str,
}

const EXPECTS: [Expect; 3] = [
    Expect {
        profile: CaseProfile::malakoff_like,
        n_patients: 5_800,
        n_professionals: 18,
        acts: 29_000..=37_000,
        gp_acts_per_consumer: 4.05..=4.35,
        actnou_rows: Some(360),
        ik_professions: &["MG", "IDE"],
        c2s: 0.13..=0.17,
        loyalty: 0.86..=0.90,
        finess_department: "92",
    },
    Expect {
        profile: CaseProfile::small_msp,
        n_patients: 800,
        n_professionals: 6,
        acts: 2_500..=3_600,
        gp_acts_per_consumer: 2.15..=2.45,
        actnou_rows: Some(140),
        ik_professions: &["MG"],
        c2s: 0.06..=0.12,
        loyalty: 0.82..=0.88,
        finess_department: "36",
    },
    Expect {
        profile: CaseProfile::ineligible,
        n_patients: 180,
        n_professionals: 4,
        acts: 550..=1_000,
        gp_acts_per_consumer: 2.8..=3.2,
        actnou_rows: None,
        ik_professions: &["MG"],
        c2s: 0.03..=0.16,
        loyalty: 0.80..=0.90,
        finess_department: "58",
    },
];

const GP_CODES: [&str; 8] = ["G", "VG", "MD", "IK", "TCG", "CRN", "CRD", "DEQP003"];
const NURSE_CODES: [&str; 6] = ["AMI", "AIS", "BSA", "BSB", "BSC", "IFD"];

fn all_cases(seed: u64) -> Vec<(&'static Expect, Case)> {
    EXPECTS.iter().map(|e| (e, generate((e.profile)(), seed))).collect()
}

mod determinism {
    use super::*;

    fn files(case: &Case) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(case.dir.path()).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            files.insert(name, std::fs::read(entry.path()).unwrap());
        }
        files
    }

    #[test]
    fn same_seed_same_bytes() {
        for e in &EXPECTS {
            let a = generate((e.profile)(), 1);
            let b = generate((e.profile)(), 1);
            assert_eq!(a.summary, b.summary);
            let (fa, fb) = (files(&a), files(&b));
            assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
            for (name, bytes) in &fa {
                assert!(bytes == &fb[name], "{name} differs between two runs");
            }
            // The folder holds exactly the files the summary lists.
            let mut listed = a.summary.files.clone();
            listed.sort();
            assert_eq!(fa.keys().cloned().collect::<Vec<_>>(), listed);
        }
    }

    #[test]
    fn another_seed_other_bytes() {
        for e in &EXPECTS {
            let a = files(&generate((e.profile)(), 1));
            let b = files(&generate((e.profile)(), 2));
            for name in ["patients.csv", "annexe2.csv", "team.toml"] {
                assert!(a[name] != b[name], "{name} is the same for seeds 1 and 2");
            }
        }
    }

    #[test]
    fn profiles_share_nothing_for_the_same_seed() {
        let cases = all_cases(1);
        let mut seen = HashSet::new();
        for (_, case) in &cases {
            for rpps in case.table("annexe2.csv").column("RPPS") {
                assert!(seen.insert(rpps.to_owned()), "{rpps} in two profiles");
            }
        }
    }

    #[test]
    fn parts_draw_from_separate_streams() {
        // More patients change neither the team nor the IK table.
        let small = CaseProfile::small_msp();
        let big = CaseProfile { n_patients: 1_500, ..CaseProfile::small_msp() };
        let (a, b) = (generate(small, 9), generate(big, 9));
        for name in ["annexe2.csv", "ik_2024.csv"] {
            assert_eq!(a.text(name), b.text(name), "{name}");
        }
    }
}

mod formats {
    use super::*;

    fn check_header(case: &Case, name: &str, expect: &str) {
        assert_eq!(case.table(name).header.join(";"), expect, "{name}");
    }

    #[test]
    fn headers_are_exact() {
        for (e, case) in all_cases(1) {
            check_header(
                &case,
                "patients.csv",
                "NIR_PATIENT;DATE_NAISSANCE;SEXE;SITE;DATE_DECLARATION_MT;CONSOMMANT;AME;C2S;\
                 NB_ALD;NB_COMORBIDITES;DIABETE;CONSO_EQUIPE;CONSO_TOTALE",
            );
            check_header(&case, "annexe2.csv", "RPPS;NOM;PRENOM;PROFESSION;SITE;DATE_ENTREE;DATE_SORTIE");
            check_header(
                &case,
                "A51_PEPS_16_ACTNOM_20250101_20251231.csv",
                "NUM_STRUCTURE;NUM_PS;NIR_PATIENT;DATE_NAISSANCE;RANG_NAISSANCE;DATE_ACTE;\
                 CODE_PRESTATION;COEFFICIENT;QUANTITE;LIEU;MONTANT;KM",
            );
            check_header(&case, "ik_2024.csv", "PROFESSION;NB_VISITES;NB_PATIENTS;KM;MONTANT");
            if e.actnou_rows.is_some() {
                check_header(
                    &case,
                    "A51_PEPS_16_ACTNOU_20250101_20251231.csv",
                    "NUM_STRUCTURE;NUM_PS;NIR_PATIENT;DATE_ACTIVITE;TYPE_ACTIVITE;\
                     DUREE_MINUTES;NB_PARTICIPANTS;LIBELLE",
                );
            }
        }
    }

    #[test]
    fn field_formats() {
        for (_, case) in all_cases(3) {
            let patients = case.table("patients.csv");
            for r in patients.records() {
                date(r.get("DATE_NAISSANCE"));
                date(r.get("DATE_DECLARATION_MT"));
                assert!(matches!(r.get("SEXE"), "F" | "M"));
                for flag in ["CONSOMMANT", "AME", "C2S", "DIABETE"] {
                    assert!(matches!(r.get(flag), "O" | "N"), "{flag}");
                }
                assert!(matches!(r.get("NB_ALD"), "0" | "1" | "2" | "3"));
                assert!(matches!(r.get("NB_COMORBIDITES"), "0" | "1" | "2" | "3" | "4"));
                hundredths(r.get("CONSO_EQUIPE"));
                hundredths(r.get("CONSO_TOTALE"));
            }
            let annexe2 = case.table("annexe2.csv");
            for r in annexe2.records() {
                date(r.get("DATE_ENTREE"));
                if !r.get("DATE_SORTIE").is_empty() {
                    date(r.get("DATE_SORTIE"));
                }
                assert!(["MG", "IDE", "MK", "SF", "DIET", "PSY"].contains(&r.get("PROFESSION")));
                assert!(case.profile.sites.iter().any(|s| s == r.get("SITE")));
            }
            let acts = case.actnom();
            for r in acts.records() {
                date(r.get("DATE_ACTE"));
                hundredths(r.get("COEFFICIENT"));
                hundredths(r.get("MONTANT"));
                assert!(r.get("QUANTITE").parse::<u32>().unwrap() >= 1);
                assert!(matches!(r.get("RANG_NAISSANCE"), "1" | "2"));
                assert!(matches!(r.get("LIEU"), "C" | "D" | "T"));
            }
        }
    }

    #[test]
    fn team_toml_describes_the_case() {
        for (e, case) in all_cases(1) {
            let text = case.text("team.toml");
            let first_line = text.lines().next().unwrap();
            assert!(first_line.starts_with('#') && first_line.contains("synthétique"));
            assert!(first_line.contains("peps synth") && first_line.contains("graine 1"));
            let toml = case.team_toml();
            let structure = toml["structure"].as_table().unwrap();
            let acts = case.actnom();
            assert_eq!(structure["finess"].as_str().unwrap(), acts.rows[0][acts.col("NUM_STRUCTURE")]);
            let finess = structure["finess"].as_str().unwrap();
            assert!(finess.starts_with(e.finess_department) && luhn_is_valid(finess));
            for key in ["nom", "type_structure", "commune", "code_commune", "taux_pauvrete_commune", "coefficient_local", "segment"] {
                assert!(structure[key].is_str(), "{key}");
            }
            assert!(structure["premiere_annee_forfait"].is_integer());
            let reference = structure["patientele_reference"].as_integer().unwrap() as usize;
            let declared_before =
                case.table("patients.csv").column("DATE_DECLARATION_MT").iter().filter(|d| date(d).year() < case.year()).count();
            assert_eq!(reference, declared_before);
            for key in ["experience_patient", "suivi_diabetiques", "vaccination_grippe", "depistage_colorectal"] {
                let rate: f64 = toml["qualite"][key].as_str().unwrap().parse().unwrap();
                assert!((0.0..=1.0).contains(&rate), "{key}");
            }
            for (key, file) in toml["fichiers"].as_table().unwrap() {
                assert!(case.path(file.as_str().unwrap()).is_file(), "{key}");
            }
            let advances = toml["paiements"]["avances"].as_array().unwrap();
            match structure.get("montant_estime_convention") {
                Some(estimate) => {
                    assert_eq!(estimate.as_str(), Some("558327.00"));
                    assert_eq!(advances.len(), 4);
                    let total: i64 = advances
                        .iter()
                        .map(|a| {
                            assert!(a["date"].is_datetime());
                            hundredths(&a["montant"].as_str().unwrap().replace('.', ","))
                        })
                        .sum();
                    assert_eq!(total, 55_832_700);
                }
                None => assert!(advances.is_empty()),
            }
            let readme = case.text("README.md");
            let n_lines = readme.lines().filter(|l| !l.trim().is_empty()).count();
            assert!((3..=6).contains(&n_lines) && readme.contains("synth"));
        }
    }
}

mod identifiers {
    use super::*;

    #[test]
    fn nirs_are_valid_and_match_birth_and_sex() {
        for (_, case) in all_cases(1) {
            let patients = case.table("patients.csv");
            let mut seen = HashSet::new();
            for r in patients.records() {
                let nir = r.get("NIR_PATIENT");
                assert!(nir_is_valid(nir), "{nir}");
                assert_eq!(nir[13..].parse::<u32>().unwrap(), nir_key(&nir[..13]));
                assert!(seen.insert(nir), "{nir} twice");
                let birth = date(r.get("DATE_NAISSANCE"));
                assert_eq!(&nir[1..3], format!("{:02}", birth.year() % 100));
                assert_eq!(&nir[3..5], format!("{:02}", birth.month()));
                let sex = if r.get("SEXE") == "F" { "2" } else { "1" };
                assert_eq!(&nir[..1], sex, "{nir}");
            }
            // Every act names a valid NIR; a listed patient keeps his birth date.
            let births: HashMap<&str, &str> = patients.records().map(|r| (r.get("NIR_PATIENT"), r.get("DATE_NAISSANCE"))).collect();
            let acts = case.actnom();
            for r in acts.records() {
                let nir = r.get("NIR_PATIENT");
                assert!(nir_is_valid(nir), "{nir}");
                if let Some(birth) = births.get(nir) {
                    assert_eq!(*birth, r.get("DATE_NAISSANCE"));
                }
                let birth = date(r.get("DATE_NAISSANCE"));
                assert_eq!(&nir[1..3], format!("{:02}", birth.year() % 100));
            }
        }
    }

    #[test]
    fn rpps_and_finess_pass_luhn() {
        for (e, case) in all_cases(1) {
            let annexe2 = case.table("annexe2.csv");
            let rpps = annexe2.column("RPPS");
            assert_eq!(rpps.len(), rpps.iter().collect::<HashSet<_>>().len());
            for number in &rpps {
                assert!(number.len() == 11 && luhn_is_valid(number), "{number}");
            }
            let acts = case.actnom();
            for r in acts.records() {
                let ps = r.get("NUM_PS");
                assert!(ps.len() == 11 && luhn_is_valid(ps), "{ps}");
                let finess = r.get("NUM_STRUCTURE");
                assert!(finess.len() == 9 && luhn_is_valid(finess), "{finess}");
                assert!(finess.starts_with(e.finess_department));
            }
        }
    }
}

mod sizes_and_rates {
    use super::*;

    fn within(name: &str, value: f64, range: RangeInclusive<f64>) {
        assert!(range.contains(&value), "{name} = {value:.4}, expected {range:?}");
    }

    #[test]
    fn row_counts() {
        for (e, case) in all_cases(1) {
            let s = &case.summary;
            assert_eq!(s.n_patients, e.n_patients);
            assert_eq!(case.table("patients.csv").rows.len(), e.n_patients);
            assert_eq!(s.n_professionals, e.n_professionals);
            assert_eq!(case.table("annexe2.csv").rows.len(), e.n_professionals);
            assert!(e.acts.contains(&s.n_acts), "{} acts", s.n_acts);
            assert_eq!(case.actnom().rows.len(), s.n_acts);
            match e.actnou_rows {
                Some(n) => assert_eq!(case.table(&case.actnou_name()).rows.len(), n),
                None => assert!(!case.path(&case.actnou_name()).exists()),
            }
            let ik = case.table("ik_2024.csv");
            assert_eq!(ik.column("PROFESSION"), e.ik_professions);
        }
    }

    #[test]
    fn patient_mix() {
        for (e, case) in all_cases(1) {
            let p = case.table("patients.csv");
            let name = &case.profile.name;
            let year = case.year();
            let age = |r: &util::Record<'_>| year - date(r.get("DATE_NAISSANCE")).year();
            within(&format!("{name} ALD"), p.share(|r| r.get("NB_ALD") != "0"), 0.14..=0.21);
            within(&format!("{name} C2S"), p.share(|r| r.get("C2S") == "O"), e.c2s.clone());
            within(&format!("{name} AME"), p.share(|r| r.get("AME") == "O"), 0.003..=0.035);
            within(&format!("{name} women"), p.share(|r| r.get("SEXE") == "F"), 0.46..=0.60);
            within(&format!("{name} consumers"), p.share(|r| r.get("CONSOMMANT") == "O"), 0.90..=0.97);
            within(&format!("{name} diabetes"), p.share(|r| r.get("DIABETE") == "O"), 0.04..=0.11);
            within(&format!("{name} new"), p.share(|r| date(r.get("DATE_DECLARATION_MT")).year() == year), 0.05..=0.12);
            within(&format!("{name} under 16"), p.share(|r| age(r) <= 15), 0.12..=0.23);
            within(&format!("{name} 85+"), p.share(|r| age(r) >= 85), 0.015..=0.07);
            let (mut team, mut total) = (0, 0);
            for r in p.records() {
                assert!(r.get("AME") == "N" || age(&r) >= 18, "AME for a child");
                assert!(r.get("AME") == "N" || r.get("C2S") == "N", "AME and C2S");
                let declared = date(r.get("DATE_DECLARATION_MT"));
                assert!(declared >= date(r.get("DATE_NAISSANCE")));
                assert!(declared <= NaiveDate::from_ymd_opt(year, 12, 31).unwrap());
                let (t, all) = (hundredths(r.get("CONSO_EQUIPE")), hundredths(r.get("CONSO_TOTALE")));
                assert!(t <= all);
                if r.get("CONSOMMANT") == "N" {
                    assert_eq!((t, all), (0, 0));
                } else {
                    assert!((4_000..=60_000).contains(&all), "{all}");
                }
                team += t;
                total += all;
            }
            within(&format!("{name} loyalty"), team as f64 / total as f64, e.loyalty.clone());
        }
    }

    #[test]
    fn malakoff_mix_on_a_larger_sample() {
        // ALD rises with age, diabetics mostly have an ALD, C2S is more frequent under 40.
        let case = generate(CaseProfile::malakoff_like(), 11);
        let p = case.table("patients.csv");
        let year = case.year();
        let by_age = |lo: i32, hi: i32, keep: &dyn Fn(&util::Record<'_>) -> bool| {
            let rows: Vec<_> = p.records().filter(|r| (lo..=hi).contains(&(year - date(r.get("DATE_NAISSANCE")).year()))).collect();
            rows.iter().filter(|r| keep(r)).count() as f64 / rows.len() as f64
        };
        let ald = |r: &util::Record<'_>| r.get("NB_ALD") != "0";
        within("ALD < 40", by_age(0, 39, &ald), 0.03..=0.07);
        within("ALD 40-59", by_age(40, 59, &ald), 0.12..=0.18);
        within("ALD 60-74", by_age(60, 74, &ald), 0.25..=0.35);
        within("ALD 75+", by_age(75, 200, &ald), 0.44..=0.56);
        let c2s = |r: &util::Record<'_>| r.get("C2S") == "O";
        assert!(by_age(0, 39, &c2s) > by_age(60, 200, &c2s));
        let diabetics: Vec<_> = p.records().filter(|r| r.get("DIABETE") == "O").collect();
        let with_ald = diabetics.iter().filter(|r| ald(r)).count() as f64;
        within("diabetics with ALD", with_ald / diabetics.len() as f64, 0.65..=0.9);
    }

    #[test]
    fn activity_volume_and_mix() {
        for (e, case) in all_cases(1) {
            let name = &case.profile.name;
            let patients = case.table("patients.csv");
            let listed: HashSet<&str> = patients.column("NIR_PATIENT").into_iter().collect();
            let consumers = patients.share(|r| r.get("CONSOMMANT") == "O") * patients.rows.len() as f64;
            let acts = case.actnom();
            // A PDSA majoration comes with its own G: G, VG, TCG and CCAM rows count the acts.
            let n_gp_acts = acts
                .records()
                .filter(|r| listed.contains(r.get("NIR_PATIENT")))
                .filter(|r| matches!(r.get("CODE_PRESTATION"), "G" | "VG" | "TCG" | "DEQP003"))
                .count() as f64;
            within(&format!("{name} GP acts per consumer"), n_gp_acts / consumers, e.gp_acts_per_consumer.clone());
            within(&format!("{name} outside rows"), acts.share(|r| !listed.contains(r.get("NIR_PATIENT"))), 0.04..=0.06);
            let gp_rows = acts.share(|r| GP_CODES.contains(&r.get("CODE_PRESTATION")));
            let g_rows = acts.share(|r| r.get("CODE_PRESTATION") == "G");
            within(&format!("{name} G among GP rows"), g_rows / gp_rows, 0.70..=0.86);
            let nursed: HashSet<&str> =
                acts.records().filter(|r| NURSE_CODES.contains(&r.get("CODE_PRESTATION"))).map(|r| r.get("NIR_PATIENT")).collect();
            within(&format!("{name} nursed patients"), nursed.len() as f64 / patients.rows.len() as f64, 0.04..=0.16);
        }
    }
}

mod team {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn staff_by_profession() {
        for (expect, counts) in [
            (CaseProfile::malakoff_like as fn() -> CaseProfile, [9, 5, 2, 1, 1, 0]),
            (CaseProfile::small_msp, [3, 2, 1, 0, 0, 0]),
            (CaseProfile::ineligible, [2, 1, 1, 0, 0, 0]),
        ] {
            let case = generate(expect(), 1);
            let annexe2 = case.table("annexe2.csv");
            let professions = annexe2.column("PROFESSION");
            let got: Vec<usize> =
                ["MG", "IDE", "MK", "SF", "DIET", "PSY"].iter().map(|p| professions.iter().filter(|q| *q == p).count()).collect();
            assert_eq!(got, counts, "{}", case.profile.name);
            let sites: HashSet<&str> = annexe2.column("SITE").into_iter().collect();
            assert_eq!(sites.len(), case.profile.sites.len());
        }
    }

    #[test]
    fn leaving_gp_and_joining_nurse() {
        for seed in [1, 2] {
            let case = generate(CaseProfile::malakoff_like(), seed);
            let annexe2 = case.table("annexe2.csv");
            let leavers: Vec<_> = annexe2.records().filter(|r| !r.get("DATE_SORTIE").is_empty()).collect();
            assert_eq!(leavers.len(), 1);
            assert_eq!(leavers[0].get("PROFESSION"), "MG");
            assert_eq!(leavers[0].get("DATE_SORTIE"), "30/06/2025");
            let joiners: Vec<_> = annexe2.records().filter(|r| date(r.get("DATE_ENTREE")).year() == 2025).collect();
            assert_eq!(joiners.len(), 1);
            assert_eq!(joiners[0].get("PROFESSION"), "IDE");
            assert_eq!(joiners[0].get("DATE_ENTREE"), "01/09/2025");
            for r in annexe2.records() {
                assert!(date(r.get("DATE_ENTREE")) <= d(2025, 12, 31));
            }

            let acts = case.actnom();
            let leaver = leavers[0].get("RPPS");
            let exit = d(2025, 6, 30);
            let after_exit = acts.records().filter(|r| r.get("NUM_PS") == leaver && date(r.get("DATE_ACTE")) > exit).count();
            assert!((10..=20).contains(&after_exit), "{after_exit} acts after exit");
            assert!(acts.records().any(|r| r.get("NUM_PS") == leaver && date(r.get("DATE_ACTE")) <= exit));
            let joiner = joiners[0].get("RPPS");
            assert!(acts.records().all(|r| r.get("NUM_PS") != joiner || date(r.get("DATE_ACTE")) >= d(2025, 9, 1)));
        }
    }

    #[test]
    fn who_bills_what() {
        for (_, case) in all_cases(1) {
            let annexe2 = case.table("annexe2.csv");
            let profession: HashMap<&str, &str> = annexe2.records().map(|r| (r.get("RPPS"), r.get("PROFESSION"))).collect();
            let acts = case.actnom();
            let (mut gp_rows, mut unlisted) = (0, 0);
            for r in acts.records() {
                let code = r.get("CODE_PRESTATION");
                let ps = r.get("NUM_PS");
                if GP_CODES.contains(&code) {
                    gp_rows += 1;
                    match profession.get(ps) {
                        Some(p) => assert_eq!(*p, "MG", "{code} by {p}"),
                        None => unlisted += 1,
                    }
                } else {
                    assert!(NURSE_CODES.contains(&code), "unexpected code {code}");
                    assert_eq!(profession.get(ps), Some(&"IDE"), "{code} by {ps}");
                }
            }
            let share = f64::from(unlisted) / f64::from(gp_rows);
            assert!((0.005..=0.04).contains(&share), "{share} of GP rows by replacements");
        }
    }
}

pub(crate) mod amounts_and_dates {
    use super::*;

    /// Tariff in cents per unit of coefficient (per km for IK) on `day`, metropolitan.
    pub(crate) fn tariff(code: &str, day: NaiveDate) -> i64 {
        let from = |y, m, d| day >= NaiveDate::from_ymd_opt(y, m, d).unwrap();
        match code {
            "G" | "VG" if from(2024, 12, 22) => 3000,
            "G" | "VG" if from(2023, 11, 1) => 2650,
            "G" | "VG" => 2500,
            "MD" => 1000,
            "IK" => 61,
            "TCG" => 2500,
            "CRN" => 4250,
            "CRD" => 2650,
            "DEQP003" => 1426,
            "AMI" => 315,
            "AIS" => 265,
            "BSA" => 1300,
            "BSB" => 1820,
            "BSC" => 2870,
            "IFD" if from(2024, 1, 28) => 275,
            "IFD" => 250,
            other => panic!("unknown code {other}"),
        }
    }

    #[test]
    fn montant_is_tariff_times_coefficient_times_quantity() {
        for (_, case) in all_cases(1) {
            let acts = case.actnom();
            let mut codes_seen = HashSet::new();
            for r in acts.records() {
                let code = r.get("CODE_PRESTATION");
                codes_seen.insert(code);
                let coefficient = hundredths(r.get("COEFFICIENT"));
                let quantity: i64 = r.get("QUANTITE").parse().unwrap();
                let montant = hundredths(r.get("MONTANT"));
                if code == "IK" {
                    assert_eq!(coefficient, 100);
                    let km: i64 = r.get("KM").parse().unwrap();
                    assert!((2..=15).contains(&km));
                    assert_eq!(montant, km * 61);
                    assert_eq!(r.get("LIEU"), "D");
                    continue;
                }
                assert_eq!(r.get("KM"), "", "KM on a {code} row");
                assert_eq!(montant, tariff(code, date(r.get("DATE_ACTE"))) * coefficient * quantity / 100, "{code}");
                match code {
                    "AMI" => assert!((100..=400).contains(&coefficient)),
                    "AIS" => assert!((300..=400).contains(&coefficient)),
                    _ => assert_eq!(coefficient, 100, "{code}"),
                }
                let place = r.get("LIEU");
                match code {
                    "TCG" => assert_eq!(place, "T"),
                    "VG" | "MD" | "IFD" | "AIS" | "BSA" | "BSB" | "BSC" => assert_eq!(place, "D"),
                    "G" | "CRN" | "CRD" | "DEQP003" => assert_eq!(place, "C"),
                    _ => assert!(matches!(place, "C" | "D")),
                }
            }
            if case.profile.name == "malakoff_like" {
                for code in ["G", "VG", "MD", "IK", "TCG", "CRN", "CRD", "DEQP003", "AMI", "AIS", "IFD"] {
                    assert!(codes_seen.contains(code), "no {code}");
                }
            }
        }
    }

    #[test]
    fn act_dates_inside_the_year() {
        for (_, case) in all_cases(1) {
            let year = case.year();
            let acts = case.actnom();
            let mut weekend = 0;
            for r in acts.records() {
                let day = date(r.get("DATE_ACTE"));
                assert_eq!(day.year(), year);
                assert!(day >= date(r.get("DATE_NAISSANCE")));
                if r.get("CODE_PRESTATION") == "CRD" {
                    assert_eq!(day.weekday(), chrono::Weekday::Sun);
                }
                if GP_CODES.contains(&r.get("CODE_PRESTATION")) && day.weekday().number_from_monday() >= 6 {
                    weekend += 1;
                }
            }
            assert!(f64::from(weekend) / acts.rows.len() as f64 <= 0.10);
        }
    }

    #[test]
    fn ik_table() {
        for (_, case) in all_cases(1) {
            for r in case.table("ik_2024.csv").records() {
                let rate = if r.get("PROFESSION") == "MG" { 61 } else { 35 };
                let km = hundredths(r.get("KM"));
                assert_eq!(hundredths(r.get("MONTANT")), (km * rate + 50) / 100);
                let visits: u32 = r.get("NB_VISITES").parse().unwrap();
                let patients: u32 = r.get("NB_PATIENTS").parse().unwrap();
                assert!(patients >= 1 && patients <= visits);
            }
        }
        let case = generate(CaseProfile::malakoff_like(), 1);
        let ik = case.table("ik_2024.csv");
        let mg = ik.records().find(|r| r.get("PROFESSION") == "MG").unwrap();
        assert!((540..=660).contains(&mg.get("NB_VISITES").parse::<u32>().unwrap()));
        assert!((270_000..=330_000).contains(&hundredths(mg.get("KM"))));
    }

    #[test]
    fn non_coded_activity() {
        for (e, case) in all_cases(1) {
            if e.actnou_rows.is_none() {
                continue;
            }
            let listed: HashSet<String> = case.table("patients.csv").column("NIR_PATIENT").into_iter().map(str::to_owned).collect();
            let members: HashSet<String> = case.table("annexe2.csv").column("RPPS").into_iter().map(str::to_owned).collect();
            let table = case.table(&case.actnou_name());
            let mut accented = false;
            for r in table.records() {
                let kind = r.get("TYPE_ACTIVITE");
                assert!(["ETP", "PREVENTION", "COORDINATION", "PROTOCOLE_COOPERATION", "ACTE_DELEGUE", "AUTRE"].contains(&kind));
                let nir = r.get("NIR_PATIENT");
                if kind == "COORDINATION" {
                    assert_eq!(nir, "");
                }
                if !nir.is_empty() {
                    assert!(listed.contains(nir));
                    assert_eq!(r.get("NB_PARTICIPANTS"), "1");
                }
                assert!(members.contains(r.get("NUM_PS")));
                assert_eq!(date(r.get("DATE_ACTIVITE")).year(), case.year());
                let minutes: u32 = r.get("DUREE_MINUTES").parse().unwrap();
                assert!((1..=600).contains(&minutes));
                assert!(r.get("NB_PARTICIPANTS").parse::<u32>().unwrap() >= 1);
                let label = r.get("LIBELLE");
                assert!(!label.is_empty() && label.chars().count() <= 200);
                accented |= !label.is_ascii();
            }
            assert!(accented);
        }
    }
}

mod profiles {
    use super::*;

    #[test]
    fn presets_by_name() {
        for name in peps_synth::PRESETS {
            assert_eq!(CaseProfile::preset(name).unwrap().name, name);
        }
        assert!(CaseProfile::preset("nope").is_none());
    }

    #[test]
    fn a_bad_profile_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let bad = CaseProfile { share_c2s: 1.5, ..CaseProfile::small_msp() };
        let err = peps_synth::write_case(&bad, 1, dir.path()).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("share_c2s"), "{err}");
        let no_site = CaseProfile { sites: Vec::new(), ..CaseProfile::small_msp() };
        assert!(peps_synth::write_case(&no_site, 1, dir.path()).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn sizes_are_knobs() {
        let empty = CaseProfile { n_patients: 0, ..CaseProfile::small_msp() };
        let case = generate(empty, 1);
        assert_eq!(case.summary.n_patients, 0);
        assert_eq!(case.summary.n_acts, 0);

        let scaled = CaseProfile { n_patients: 3_000, gp_acts_per_consumer: 1.5, n_noncoded_rows: 10, ..CaseProfile::small_msp() };
        let case = generate(scaled, 1);
        assert_eq!(case.summary.n_patients, 3_000);
        assert_eq!(case.table(&case.actnou_name()).rows.len(), 10);
    }
}
