//! The médecin-traitant patient list observed at 31 December: who the patients are (NIR, birth,
//! sex, site), their risk profile (ALD, comorbidities, diabetes, C2S, AME), and what they consumed
//! (`CONSO_EQUIPE`, `CONSO_TOTALE`); and the writing of `patients.csv`.
//!
//! The profile sets the overall rates; how they vary with age is fixed here, from orders of
//! magnitude of the French MT patientèle:
//! - ALD (at least one): under 40 ≈ 5 %, 40–59 ≈ 15 %, 60–74 ≈ 30 %, 75 and over ≈ 50 %; among
//!   them 75 % have one, 19 % two and 6 % three; 80 % of diabetics have one;
//! - diabetes: from 0.3 % under 30 to about 20 % at 70–79, about 7 % overall;
//! - C2S: 1.5 times the average under 40, half of it from 60; AME among adults only;
//! - non-consumers: most frequent among young adults, rare with an ALD;
//! - women: a little under half before 65, two thirds from 85.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use crate::ids::{Nir, fresh_nir};
use crate::out::CsvOut;
use crate::profile::{AgeBand, CaseProfile};
use crate::team::{random_day, year_end, year_start};

pub const PATIENTS_FILE: &str = "patients.csv";
pub const PATIENTS_HEADER: [&str; 13] = [
    "NIR_PATIENT",
    "DATE_NAISSANCE",
    "SEXE",
    "SITE",
    "DATE_DECLARATION_MT",
    "CONSOMMANT",
    "AME",
    "C2S",
    "NB_ALD",
    "NB_COMORBIDITES",
    "DIABETE",
    "CONSO_EQUIPE",
    "CONSO_TOTALE",
];

/// The médecin-traitant declaration started in 2005; no declaration is older.
const FIRST_DECLARATION_YEAR: i32 = 2005;

/// A person with a NIR: a patient of the list, or someone outside it who still appears in the
/// activity files.
#[derive(Clone, Copy)]
pub(crate) struct Person {
    pub nir: Nir,
    pub birth: NaiveDate,
    /// `RANG_NAISSANCE`: 1, or 2 for the second of twins.
    pub rank: u8,
    pub female: bool,
}

/// A patient of the list. Kept compact: the generator holds every patient in memory while the
/// activity streams out, so this struct sets the memory bound of a case.
pub(crate) struct Patient {
    pub person: Person,
    pub site: u16,
    pub declared: NaiveDate,
    pub consumer: bool,
    pub ame: bool,
    pub c2s: bool,
    pub n_ald: u8,
    pub n_comorbidities: u8,
    pub diabetes: bool,
    pub conso_team_cents: i64,
    pub conso_total_cents: i64,
}

impl Patient {
    pub(crate) fn age(&self, year: i32) -> u32 {
        (year - self.person.birth.year()).max(0) as u32
    }
}

/// Draws people: age from the profile's bands, birth date, sex and a NIR unique in `taken`.
pub(crate) struct PersonDrawer {
    year: i32,
    bands: Vec<AgeBand>,
    total_weight: f64,
    share_female: f64,
    local_department: [u8; 2],
    /// The first 13 characters of every NIR handed out so far.
    pub taken: HashSet<[u8; 13]>,
}

impl PersonDrawer {
    pub(crate) fn new(profile: &CaseProfile, local_department: [u8; 2]) -> Self {
        PersonDrawer {
            year: profile.year,
            bands: profile.age_bands.clone(),
            total_weight: profile.age_bands.iter().map(|b| b.weight).sum(),
            share_female: profile.share_female,
            local_department,
            taken: HashSet::with_capacity(profile.n_patients * 2),
        }
    }

    pub(crate) fn draw<R: Rng>(&mut self, rng: &mut R) -> Person {
        let age = self.draw_age(rng);
        let birth_year = self.year - age as i32;
        let birth = random_day(rng, year_start(birth_year), year_end(birth_year));
        let female = rng.random_bool((self.share_female + female_offset(age)).clamp(0.0, 1.0));
        let nir = fresh_nir(rng, female, birth.year(), birth.month(), self.local_department, &mut self.taken);
        let rank = if rng.random_bool(0.01) { 2 } else { 1 };
        Person { nir, birth, rank, female }
    }

    fn draw_age<R: Rng>(&self, rng: &mut R) -> u32 {
        let mut u = rng.random::<f64>() * self.total_weight;
        let last = self.bands.len() - 1;
        for (idx, band) in self.bands.iter().enumerate() {
            if u < band.weight || idx == last {
                let span = f64::from(band.max - band.min + 1);
                // The open-ended oldest band thins out with age; the others are uniform.
                let v: f64 = if idx == last && band.min >= 80 { rng.random::<f64>() * rng.random::<f64>() } else { rng.random() };
                return band.min + ((v * span) as u32).min(band.max - band.min);
            }
            u -= band.weight;
        }
        unreachable!("the last band always matches")
    }
}

/// Women are slightly fewer before 65 and more numerous among the oldest.
fn female_offset(age: u32) -> f64 {
    match age {
        0..=64 => -0.02,
        65..=84 => 0.06,
        _ => 0.16,
    }
}

fn ald_rate(age: u32) -> f64 {
    match age {
        0..=39 => 0.05,
        40..=59 => 0.15,
        60..=74 => 0.30,
        _ => 0.50,
    }
}

fn diabetes_rate(age: u32) -> f64 {
    match age {
        0..=29 => 0.003,
        30..=39 => 0.01,
        40..=49 => 0.03,
        50..=59 => 0.09,
        60..=69 => 0.16,
        70..=79 => 0.21,
        _ => 0.18,
    }
}

/// The share of diabetics who have an ALD (mostly the diabetes ALD itself).
const DIABETIC_ALD: f64 = 0.8;

/// C2S relative to the average: more frequent among the young.
fn c2s_factor(age: u32) -> f64 {
    match age {
        0..=39 => 1.5,
        40..=59 => 1.0,
        _ => 0.5,
    }
}

/// Consumption relative to the average: young adults often see no doctor in a year.
fn consumer_factor(age: u32) -> f64 {
    match age {
        0..=15 => 0.96,
        16..=24 => 0.85,
        25..=44 => 0.89,
        45..=64 => 0.93,
        65..=74 => 0.97,
        75..=84 => 0.98,
        _ => 0.99,
    }
}

/// Comorbidity drift by age, on the scale of the 4 possible comorbidities.
fn comorbidity_base(age: u32) -> f64 {
    match age {
        0..=39 => 0.1,
        40..=59 => 0.4,
        60..=74 => 0.9,
        75..=84 => 1.4,
        _ => 1.8,
    }
}

/// Yearly substitutable consumption (euros) of a consumer without ALD, by age.
fn conso_base(age: u32) -> f64 {
    match age {
        0..=15 => 90.0,
        16..=24 => 70.0,
        25..=44 => 85.0,
        45..=64 => 110.0,
        65..=74 => 150.0,
        75..=84 => 200.0,
        _ => 240.0,
    }
}

/// The average of `f(age)` over the profile's age mix, each band taken as uniform in age.
fn mean_over_bands(bands: &[AgeBand], f: impl Fn(u32) -> f64) -> f64 {
    let total: f64 = bands.iter().map(|b| b.weight).sum();
    bands
        .iter()
        .map(|b| {
            let n = f64::from(b.max - b.min + 1);
            let mean = (b.min..=b.max).map(&f).sum::<f64>() / n;
            b.weight * mean
        })
        .sum::<f64>()
        / total
}

/// Normalisers that turn the profile's overall rates into per-age probabilities.
struct Rates {
    c2s_scale: f64,
    ame_adult: f64,
    consumer_scale: f64,
    /// Probability that a patient's care is entirely given by the team.
    fully_loyal: f64,
    /// Probability of a declaration during the year for patients born before it.
    new_older: f64,
}

impl Rates {
    fn new(profile: &CaseProfile) -> Self {
        let bands = &profile.age_bands;
        let adults = mean_over_bands(bands, |age| if age >= 18 { 1.0 } else { 0.0 });
        let ame_adult = if adults > 0.0 { (profile.share_ame / adults).min(1.0) } else { 0.0 };
        // C2S is drawn among patients without AME, so the rate is lifted accordingly.
        let c2s_scale = profile.share_c2s / mean_over_bands(bands, c2s_factor) / (1.0 - profile.share_ame).max(0.01);
        let consumer_scale = profile.share_consumers / mean_over_bands(bands, consumer_factor);
        // A loyal patient's share is 1, the others' uniform in 0.3..1 (mean 0.65).
        let fully_loyal = ((profile.team_loyalty - 0.65) / 0.35).clamp(0.0, 1.0);
        // Newborns are all new patients: the others make up the rest of `share_new`.
        let newborns = mean_over_bands(bands, |age| if age == 0 { 1.0 } else { 0.0 });
        let new_older = ((profile.share_new - newborns) / (1.0 - newborns).max(0.01)).clamp(0.0, 1.0);
        Rates { new_older, c2s_scale, ame_adult, consumer_scale, fully_loyal }
    }
}

/// Draws the patient list, in a fixed order.
pub(crate) fn draw<R: Rng>(profile: &CaseProfile, site_weights: &[f64], people: &mut PersonDrawer, rng: &mut R) -> Vec<Patient> {
    let rates = Rates::new(profile);
    let site_total: f64 = site_weights.iter().sum();
    let start = year_start(profile.year);
    let end = year_end(profile.year);
    let mut patients = Vec::with_capacity(profile.n_patients);
    for _ in 0..profile.n_patients {
        let person = people.draw(rng);
        let age = (profile.year - person.birth.year()).max(0) as u32;

        let mut u = rng.random::<f64>() * site_total;
        let mut site = site_weights.len() - 1;
        for (idx, w) in site_weights.iter().enumerate() {
            if u < *w {
                site = idx;
                break;
            }
            u -= w;
        }

        // Babies born during the year are necessarily declared during it.
        let is_new = person.birth >= start || rng.random_bool(rates.new_older);
        let declared = if is_new {
            random_day(rng, person.birth.max(start), end)
        } else {
            // Older declarations are rarer: the years back follow a triangle from last year.
            let years_back = (rng.random::<f64>() * rng.random::<f64>() * 20.0) as i32;
            let year = (profile.year - 1 - years_back).max(FIRST_DECLARATION_YEAR).max(person.birth.year());
            random_day(rng, year_start(year).max(person.birth), year_end(year))
        };

        let p_diabetes = diabetes_rate(age);
        let diabetes = rng.random_bool(p_diabetes);
        // Without diabetes, the ALD rate is lowered so that the rate by age stays `ald_rate`.
        let has_ald = if diabetes {
            rng.random_bool(DIABETIC_ALD)
        } else {
            let p = (ald_rate(age) - p_diabetes * DIABETIC_ALD) / (1.0 - p_diabetes);
            rng.random_bool(p.clamp(0.0, 1.0))
        };
        let n_ald = if !has_ald {
            0
        } else {
            let u: f64 = rng.random();
            if u < 0.75 {
                1
            } else if u < 0.94 {
                2
            } else {
                3
            }
        };

        let ame = age >= 18 && rng.random_bool(rates.ame_adult);
        let c2s = !ame && rng.random_bool((rates.c2s_scale * c2s_factor(age)).min(1.0));
        let mut p_consumer = (rates.consumer_scale * consumer_factor(age)).min(0.995);
        if n_ald > 0 {
            p_consumer = p_consumer.max(0.99);
        }
        let consumer = rng.random_bool(p_consumer);

        let drift = comorbidity_base(age) + 0.7 * f64::from(n_ald) + if diabetes { 0.6 } else { 0.0 };
        let p_comorbidity = (drift / 4.0).min(0.85);
        let n_comorbidities = (0..4).filter(|_| rng.random_bool(p_comorbidity)).count() as u8;

        let (conso_team_cents, conso_total_cents) = if consumer {
            let euros = (conso_base(age) + 80.0 * f64::from(n_ald) + if diabetes { 40.0 } else { 0.0 } + 25.0 * f64::from(n_comorbidities))
                * (0.6 + 0.8 * rng.random::<f64>());
            let total = (euros.clamp(40.0, 600.0) * 100.0).round() as i64;
            let share = if rng.random_bool(rates.fully_loyal) {
                1.0
            } else if profile.team_loyalty >= 0.65 {
                0.3 + 0.7 * rng.random::<f64>()
            } else {
                (profile.team_loyalty * (0.5 + rng.random::<f64>())).min(1.0)
            };
            (((total as f64) * share).round() as i64, total)
        } else {
            (0, 0)
        };

        patients.push(Patient {
            person,
            site: site as u16,
            declared,
            consumer,
            ame,
            c2s,
            n_ald,
            n_comorbidities,
            diabetes,
            conso_team_cents,
            conso_total_cents,
        });
    }
    patients
}

pub(crate) fn write(profile: &CaseProfile, patients: &[Patient], dir: &Path) -> io::Result<usize> {
    let mut out = CsvOut::create(dir, PATIENTS_FILE, &PATIENTS_HEADER)?;
    for p in patients {
        out.bytes(&p.person.nir)
            .date(p.person.birth)
            .bytes(if p.person.female { b"F" } else { b"M" })
            .str(&profile.sites[usize::from(p.site)])
            .date(p.declared)
            .flag(p.consumer)
            .flag(p.ame)
            .flag(p.c2s)
            .uint(u64::from(p.n_ald))
            .uint(u64::from(p.n_comorbidities))
            .flag(p.diabetes)
            .cents(p.conso_team_cents)
            .cents(p.conso_total_cents);
        out.end()?;
    }
    out.finish()
}
