//! The knobs of a synthetic case ([`CaseProfile`]) and the three built-in profiles.
//!
//! Every size and rate the generator uses is a public field here, so a benchmark can take a
//! built-in profile and scale it (`n_patients`, acts per patient, staff) without touching the
//! generator. Shapes that are not knobs (how ALD, diabetes or C2S vary with age) are documented in
//! `patients.rs`, next to the code that draws them.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, dec};

/// The year of the built-in profiles' data.
pub const DEFAULT_YEAR: i32 = 2025;

/// The years a case can be generated for. The médecin-traitant declaration dates from 2005, and a
/// case needs a year of declarations before its own; beyond 2100 nothing is meant.
pub const YEARS: RangeInclusive<i32> = 2006..=2100;

/// A profession of annexe 2, with its code in the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Profession {
    /// Médecin généraliste.
    Mg,
    /// Infirmier diplômé d'État.
    Ide,
    /// Masseur-kinésithérapeute.
    Mk,
    /// Sage-femme.
    Sf,
    /// Diététicien.
    Diet,
    /// Psychologue.
    Psy,
}

impl Profession {
    /// Every profession, in the order annexe 2 lists them.
    pub const ALL: [Profession; 6] = [Profession::Mg, Profession::Ide, Profession::Mk, Profession::Sf, Profession::Diet, Profession::Psy];

    /// The code written in the files (`MG`, `IDE`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Profession::Mg => "MG",
            Profession::Ide => "IDE",
            Profession::Mk => "MK",
            Profession::Sf => "SF",
            Profession::Diet => "DIET",
            Profession::Psy => "PSY",
        }
    }
}

/// The legal form of the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructureType {
    /// Centre de santé.
    Cds,
    /// Maison de santé pluriprofessionnelle.
    Msp,
}

impl StructureType {
    pub fn code(self) -> &'static str {
        match self {
            StructureType::Cds => "CDS",
            StructureType::Msp => "MSP",
        }
    }
}

/// The patient population the forfait covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// The whole médecin-traitant patientèle.
    Totale,
    /// The elderly patients only.
    Agee,
    /// The diabetic patients only.
    Diabetique,
}

impl Segment {
    pub fn code(self) -> &'static str {
        match self {
            Segment::Totale => "totale",
            Segment::Agee => "agee",
            Segment::Diabetique => "diabetique",
        }
    }
}

/// How many professionals of one profession annexe 2 lists (leavers and joiners included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffLine {
    pub profession: Profession,
    pub count: usize,
}

/// Whether a professional joined or left the team during the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovementKind {
    /// `DATE_ENTREE` is `date`.
    Joins,
    /// `DATE_SORTIE` is `date`.
    Leaves,
}

/// A professional of the staff who joins or leaves on a date. Movements are applied to distinct
/// members of the profession, taken from the end of the list (so the first ones stay put).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub profession: Profession,
    pub kind: MovementKind,
    pub date: NaiveDate,
}

/// An age band of the patientèle (age in full years at 31 December of the year).
#[derive(Clone, Debug, PartialEq)]
pub struct AgeBand {
    pub min: u32,
    pub max: u32,
    /// Relative weight; the weights need not add up to 1.
    pub weight: f64,
}

/// The mix of GP acts, as shares of GP acts; the rest are consultations `G` at the practice.
#[derive(Clone, Debug, PartialEq)]
pub struct GpMix {
    /// Home visits: `VG` + `MD`, and `IK` for most of them.
    pub visit: f64,
    /// Teleconsultations `TCG`.
    pub teleconsultation: f64,
    /// Out-of-hours care (PDSA): a `G` with a `CRN` or `CRD` majoration.
    pub pdsa: f64,
    /// CCAM technical acts outside the substitutable list.
    pub ccam: f64,
}

/// The order of magnitude of one row of the IK table of the previous year; the generator moves
/// each number by up to ±10 %.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IkTarget {
    pub profession: Profession,
    pub visits: u32,
    pub patients: u32,
    pub km: u32,
}

/// The results of the quality indicators, written to `[qualite]` of `team.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quality {
    pub experience_patient: Decimal,
    pub suivi_diabetiques: Decimal,
    pub vaccination_grippe: Decimal,
    pub depistage_colorectal: Decimal,
}

/// An advance already received, written to `[[paiements.avances]]` of `team.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advance {
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// Everything that shapes a synthetic case. Rates are probabilities in `0.0..=1.0`.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseProfile {
    /// A short identifier of the profile, written in `team.toml` and `README.md`.
    pub name: String,
    /// The year of activity; the patient list is observed at 31 December of it. Change it with
    /// [`CaseProfile::in_year`], which moves the profile's dates along.
    pub year: i32,

    // Structure, as described in team.toml.
    /// `nom`.
    pub structure_name: String,
    /// `type_structure`.
    pub structure_type: StructureType,
    /// `commune`.
    pub commune: String,
    /// `code_commune` (INSEE); its first two digits are the FINESS department.
    pub code_commune: String,
    /// Site codes; professionals are spread over them in turn, patients in proportion to GPs.
    pub sites: Vec<String>,
    /// `taux_pauvrete_commune`.
    pub poverty_rate: Decimal,
    /// `coefficient_local`.
    pub local_coefficient: Decimal,
    /// `segment`.
    pub segment: Segment,
    /// `premiere_annee_forfait`.
    pub first_forfait_year: i32,
    /// `patientele_reference`; `None` writes the number of patients declared before the year.
    pub reference_patientele: Option<u32>,
    /// `montant_estime_convention`; `None` omits the key.
    pub estimated_amount: Option<Decimal>,
    /// `[qualite]`.
    pub quality: Quality,
    /// `[[paiements.avances]]`; empty writes `avances = []`.
    pub advances: Vec<Advance>,

    // Patients.
    /// Rows of `patients.csv`.
    pub n_patients: usize,
    pub age_bands: Vec<AgeBand>,
    /// Share of women (older bands get somewhat more, see `patients.rs`).
    pub share_female: f64,
    /// Share of patients who declared their médecin traitant during the year, newborns aside.
    pub share_new: f64,
    /// Share of patients with the C2S (more frequent under 40).
    pub share_c2s: f64,
    /// Share of patients with the AME, drawn among adults only.
    pub share_ame: f64,
    /// Share of patients who consumed care during the year (fewer among young adults).
    pub share_consumers: f64,
    /// Team-level loyalty: expected `Σ CONSO_EQUIPE / Σ CONSO_TOTALE`.
    pub team_loyalty: f64,

    // Team.
    pub staff: Vec<StaffLine>,
    pub movements: Vec<Movement>,
    /// Replacement GPs who bill acts but are not in annexe 2.
    pub n_replacements: usize,

    // Coded activity (ACTNOM).
    /// GP acts (one per consultation, visit, teleconsultation or CCAM act; majorations and IK
    /// lines come on top) per consuming patient of the list.
    pub gp_acts_per_consumer: f64,
    pub gp_mix: GpMix,
    /// Share of GP acts billed by a replacement doctor.
    pub share_replacement_acts: f64,
    /// Acts billed by a departed GP after his exit date (a data error the engine must keep).
    pub acts_after_exit: usize,
    /// Share of ACTNOM rows for patients outside the list.
    pub share_outside_rows: f64,
    /// Share of the list's patients who receive nursing care.
    pub share_nurse_patients: f64,
    /// Nursing acts (AMI, AIS, BSA/BSB/BSC) per nursed patient; each home act adds an IFD row.
    pub nurse_acts_per_patient: f64,

    // Non-coded activity (ACTNOU) and IK.
    /// Rows of the ACTNOU file; `0` writes no file.
    pub n_noncoded_rows: usize,
    /// Rows of the IK table of the previous year.
    pub ik_previous_year: Vec<IkTarget>,
}

/// The names of the built-in profiles, as [`CaseProfile::preset`] takes them.
pub const PRESETS: [&str; 3] = ["malakoff_like", "small_msp", "ineligible"];

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("built-in dates are valid")
}

/// The age mix of a French médecin-traitant patientèle.
fn french_age_bands() -> Vec<AgeBand> {
    [(0, 15, 0.17), (16, 24, 0.09), (25, 44, 0.25), (45, 64, 0.26), (65, 74, 0.12), (75, 84, 0.07), (85, 104, 0.04)]
        .into_iter()
        .map(|(min, max, weight)| AgeBand { min, max, weight })
        .collect()
}

fn staff(lines: &[(Profession, usize)]) -> Vec<StaffLine> {
    lines.iter().map(|&(profession, count)| StaffLine { profession, count }).collect()
}

impl CaseProfile {
    /// The built-in profile of that name (see [`PRESETS`]).
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "malakoff_like" => Some(Self::malakoff_like()),
            "small_msp" => Some(Self::small_msp()),
            "ineligible" => Some(Self::ineligible()),
            _ => None,
        }
    }

    /// A two-site health centre (CDS) in a poorer inner suburb, about 5,800 MT patients, 2025.
    pub fn malakoff_like() -> Self {
        let year = DEFAULT_YEAR;
        let estimate = dec!(558327.00);
        let quarter = (estimate / Decimal::from(4)).round_dp(2);
        CaseProfile {
            name: "malakoff_like".to_owned(),
            year,
            structure_name: "Centre de santé synthétique (type Malakoff)".to_owned(),
            structure_type: StructureType::Cds,
            commune: "Malakoff".to_owned(),
            code_commune: "92046".to_owned(),
            sites: vec!["SITE_A".to_owned(), "SITE_B".to_owned()],
            poverty_rate: dec!(0.17),
            local_coefficient: dec!(0.02),
            segment: Segment::Totale,
            first_forfait_year: 2021,
            reference_patientele: None,
            estimated_amount: Some(estimate),
            quality: Quality {
                experience_patient: dec!(0.81),
                suivi_diabetiques: dec!(0.64),
                vaccination_grippe: dec!(0.52),
                depistage_colorectal: dec!(0.38),
            },
            advances: [(1, 31), (4, 20), (7, 20), (10, 20)]
                .into_iter()
                .map(|(m, d)| Advance { date: date(year, m, d), amount: quarter })
                .collect(),
            n_patients: 5_800,
            age_bands: french_age_bands(),
            share_female: 0.52,
            share_new: 0.08,
            share_c2s: 0.15,
            share_ame: 0.015,
            share_consumers: 0.93,
            team_loyalty: 0.88,
            staff: staff(&[(Profession::Mg, 9), (Profession::Ide, 5), (Profession::Mk, 2), (Profession::Sf, 1), (Profession::Diet, 1)]),
            movements: vec![
                Movement { profession: Profession::Mg, kind: MovementKind::Leaves, date: date(year, 6, 30) },
                Movement { profession: Profession::Ide, kind: MovementKind::Joins, date: date(year, 9, 1) },
            ],
            n_replacements: 2,
            gp_acts_per_consumer: 4.2,
            gp_mix: GpMix { visit: 0.045, teleconsultation: 0.055, pdsa: 0.011, ccam: 0.033 },
            share_replacement_acts: 0.02,
            acts_after_exit: 20,
            share_outside_rows: 0.05,
            share_nurse_patients: 0.10,
            nurse_acts_per_patient: 6.0,
            n_noncoded_rows: 360,
            ik_previous_year: vec![
                IkTarget { profession: Profession::Mg, visits: 600, patients: 180, km: 3_000 },
                IkTarget { profession: Profession::Ide, visits: 2_400, patients: 110, km: 4_200 },
            ],
        }
    }

    /// A one-site MSP with about 800 MT patients and a low fee-for-service activity, 2025.
    pub fn small_msp() -> Self {
        CaseProfile {
            name: "small_msp".to_owned(),
            structure_name: "Maison de santé synthétique (type rural)".to_owned(),
            structure_type: StructureType::Msp,
            // An invented commune: the code ends in 999 so that it matches no real one.
            commune: "Saint-Aubin-des-Essais".to_owned(),
            code_commune: "36999".to_owned(),
            sites: vec!["SITE_A".to_owned()],
            poverty_rate: dec!(0.11),
            local_coefficient: dec!(0.00),
            first_forfait_year: 2024,
            estimated_amount: None,
            quality: Quality {
                experience_patient: dec!(0.78),
                suivi_diabetiques: dec!(0.58),
                vaccination_grippe: dec!(0.49),
                depistage_colorectal: dec!(0.34),
            },
            advances: Vec::new(),
            n_patients: 800,
            share_c2s: 0.09,
            team_loyalty: 0.85,
            staff: staff(&[(Profession::Mg, 3), (Profession::Ide, 2), (Profession::Mk, 1)]),
            movements: Vec::new(),
            n_replacements: 1,
            gp_acts_per_consumer: 2.3,
            acts_after_exit: 0,
            n_noncoded_rows: 140,
            ik_previous_year: vec![IkTarget { profession: Profession::Mg, visits: 150, patients: 50, km: 900 }],
            ..Self::malakoff_like()
        }
    }

    /// A team below the thresholds: about 180 MT patients, 2 GPs, 1 nurse, 1 physiotherapist.
    pub fn ineligible() -> Self {
        CaseProfile {
            name: "ineligible".to_owned(),
            structure_name: "Équipe synthétique non éligible".to_owned(),
            commune: "Montcalme-sur-Nièvre".to_owned(),
            code_commune: "58999".to_owned(),
            poverty_rate: dec!(0.13),
            first_forfait_year: 2025,
            quality: Quality {
                experience_patient: dec!(0.70),
                suivi_diabetiques: dec!(0.50),
                vaccination_grippe: dec!(0.45),
                depistage_colorectal: dec!(0.30),
            },
            n_patients: 180,
            staff: staff(&[(Profession::Mg, 2), (Profession::Ide, 1), (Profession::Mk, 1)]),
            gp_acts_per_consumer: 3.0,
            n_noncoded_rows: 0,
            ik_previous_year: vec![IkTarget { profession: Profession::Mg, visits: 40, patients: 15, km: 250 }],
            ..Self::small_msp()
        }
    }

    /// The same team with its data in `year`: every date and year of the profile (movements,
    /// advances, first year of the forfait) moves by the same number of years, so the team keeps
    /// its seniority in the forfait and its movements fall on the same days of the year. Nothing
    /// else changes, so the case has as many patients and professionals in any year.
    ///
    /// # Errors
    ///
    /// When `year` is outside [`YEARS`].
    pub fn in_year(mut self, year: i32) -> Result<Self, String> {
        check_year(year)?;
        let shift = year - self.year;
        self.year = year;
        self.first_forfait_year += shift;
        for movement in &mut self.movements {
            movement.date = shift_years(movement.date, shift);
        }
        for advance in &mut self.advances {
            advance.date = shift_years(advance.date, shift);
        }
        Ok(self)
    }

    /// The first problem that makes the profile unusable, as a lowercase phrase.
    pub fn check(&self) -> Result<(), String> {
        check_year(self.year)?;
        if self.sites.is_empty() || self.sites.len() > usize::from(u16::MAX) {
            return Err("a profile needs between 1 and 65535 sites".to_owned());
        }
        if self.age_bands.is_empty()
            || self.age_bands.iter().any(|b| b.min > b.max || b.max > 120)
            || self.age_bands.iter().map(|b| b.weight).sum::<f64>() <= 0.0
        {
            return Err("age bands need min <= max <= 120 and a positive total weight".to_owned());
        }
        let rates = [
            ("share_female", self.share_female),
            ("share_new", self.share_new),
            ("share_c2s", self.share_c2s),
            ("share_ame", self.share_ame),
            ("share_consumers", self.share_consumers),
            ("team_loyalty", self.team_loyalty),
            ("gp_mix.visit", self.gp_mix.visit),
            ("gp_mix.teleconsultation", self.gp_mix.teleconsultation),
            ("gp_mix.pdsa", self.gp_mix.pdsa),
            ("gp_mix.ccam", self.gp_mix.ccam),
            ("share_replacement_acts", self.share_replacement_acts),
            ("share_outside_rows", self.share_outside_rows),
            ("share_nurse_patients", self.share_nurse_patients),
        ];
        if let Some((name, value)) = rates.iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
            return Err(format!("{name} = {value} is not a rate between 0 and 1"));
        }
        if self.share_outside_rows >= 1.0 {
            return Err("share_outside_rows must stay below 1".to_owned());
        }
        let mix = &self.gp_mix;
        if mix.visit + mix.teleconsultation + mix.pdsa + mix.ccam > 1.0 {
            return Err("the shares of gp_mix add up to more than 1".to_owned());
        }
        for (name, value) in [("gp_acts_per_consumer", self.gp_acts_per_consumer), ("nurse_acts_per_patient", self.nurse_acts_per_patient)]
        {
            if !(0.0..=1000.0).contains(&value) {
                return Err(format!("{name} = {value} is outside 0..=1000"));
            }
        }
        if let Some(target) = self.ik_previous_year.iter().find(|t| !matches!(t.profession, Profession::Mg | Profession::Ide)) {
            return Err(format!("the ik table has no tariff for {}", target.profession.code()));
        }
        for movement in &self.movements {
            let count = |p: Profession| -> usize { self.staff.iter().filter(|line| line.profession == p).map(|line| line.count).sum() };
            let moving = self.movements.iter().filter(|m| m.profession == movement.profession).count();
            if moving > count(movement.profession) {
                return Err(format!(
                    "{} movements of {} for {} such professionals",
                    moving,
                    movement.profession.code(),
                    count(movement.profession)
                ));
            }
            // Checked here so that a profile whose year was changed without `in_year` is refused
            // rather than written with a movement in another year.
            if movement.date.year() != self.year {
                return Err(format!("a movement on {} is outside the year {}", movement.date, self.year));
            }
        }
        Ok(())
    }
}

/// Whether a case can be generated for `year`, as a lowercase phrase naming the accepted years.
fn check_year(year: i32) -> Result<(), String> {
    if YEARS.contains(&year) {
        return Ok(());
    }
    Err(format!(
        "year {year} is outside {}..={} (a case needs patients declared before its year, and the médecin-traitant declaration dates from 2005)",
        YEARS.start(),
        YEARS.end()
    ))
}

/// `d` moved by `years` years; 29 February becomes 28 February in a common year.
fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    let year = d.year() + years;
    d.with_year(year).or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28)).expect("years of YEARS have every month")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_year_moves_every_date_by_the_same_years() {
        let moved = CaseProfile::malakoff_like().in_year(2021).unwrap();
        assert_eq!((moved.year, moved.first_forfait_year), (2021, 2017));
        assert_eq!(moved.movements[0].date, date(2021, 6, 30));
        assert_eq!(
            moved.advances.iter().map(|a| a.date).collect::<Vec<_>>(),
            [date(2021, 1, 31), date(2021, 4, 20), date(2021, 7, 20), date(2021, 10, 20)]
        );
        assert_eq!(CaseProfile::small_msp().in_year(DEFAULT_YEAR).unwrap(), CaseProfile::small_msp());
        let back = CaseProfile::malakoff_like().in_year(2031).and_then(|p| p.in_year(DEFAULT_YEAR)).unwrap();
        assert_eq!(back, CaseProfile::malakoff_like());
    }

    #[test]
    fn leap_days_and_years_out_of_range() {
        assert_eq!(shift_years(date(2024, 2, 29), 1), date(2025, 2, 28));
        assert_eq!(shift_years(date(2024, 2, 29), 4), date(2028, 2, 29));
        for year in [2005, 2101, i32::MIN, i32::MAX] {
            let err = CaseProfile::small_msp().in_year(year).unwrap_err();
            assert!(err.contains(&year.to_string()) && err.contains("2006..=2100"), "{err}");
        }
        let unmoved = CaseProfile { year: 2023, ..CaseProfile::malakoff_like() };
        assert!(unmoved.check().unwrap_err().contains("outside the year 2023"));
    }
}
