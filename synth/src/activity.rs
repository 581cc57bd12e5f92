//! The coded activity of the year (annexe 5, `A51_PEPS_16_ACTNOM_…`): GP acts for the consuming
//! patients of the list, nursing care for some of them, and a share of rows for patients outside
//! the list; with the deliberate oddities a real file has (replacement doctors absent from
//! annexe 2, a few acts billed by a GP after his exit date).
//!
//! Rows are written patient by patient, each patient's rows in date order: only one patient's rows
//! are ever held in memory, whatever the size of the case.

use std::io;
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rand::Rng;

use crate::out::CsvOut;
use crate::patients::{Patient, Person, PersonDrawer};
use crate::profile::{CaseProfile, Profession};
use crate::team::{Team, is_day_off, random_day, year_end, year_start};

pub const ACTNOM_HEADER: [&str; 12] = [
    "NUM_STRUCTURE",
    "NUM_PS",
    "NIR_PATIENT",
    "DATE_NAISSANCE",
    "RANG_NAISSANCE",
    "DATE_ACTE",
    "CODE_PRESTATION",
    "COEFFICIENT",
    "QUANTITE",
    "LIEU",
    "MONTANT",
    "KM",
];

pub fn actnom_file(year: i32) -> String {
    format!("A51_PEPS_16_ACTNOM_{year}0101_{year}1231.csv")
}

/// A billing code and its metropolitan tariff in cents (per unit of coefficient, or per km for
/// `IK`), as billed on the day of the act: `MONTANT` of a 2021 case is at the 2021 tariff.
#[derive(Clone, Copy)]
pub(crate) struct Code {
    pub code: &'static str,
    /// `(first day, cents)`, oldest first, the first from [`EVER`]. The history covers
    /// the years of the rulebooks (2021 on): earlier cases get the 2021 tariffs.
    pub tariffs: &'static [(NaiveDate, i64)],
}

impl Code {
    /// The tariff in force on `day`.
    pub(crate) fn cents_on(&self, day: NaiveDate) -> i64 {
        self.tariffs.iter().rev().find(|(from, _)| *from <= day).unwrap_or(&self.tariffs[0]).1
    }
}

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a tariff date is a valid date"),
    }
}

/// The start of a tariff unchanged since before 2021.
const EVER: NaiveDate = NaiveDate::MIN;

/// G and VG: 25 €, 26,50 € from 1 November 2023 (règlement arbitral), 30 € from 22 December 2024.
const G_TARIFFS: &[(NaiveDate, i64)] = &[(EVER, 2500), (ymd(2023, 11, 1), 2650), (ymd(2024, 12, 22), 3000)];

pub(crate) const G: Code = Code { code: "G", tariffs: G_TARIFFS };
pub(crate) const VG: Code = Code { code: "VG", tariffs: G_TARIFFS };
pub(crate) const MD: Code = Code { code: "MD", tariffs: &[(EVER, 1000)] };
pub(crate) const IK: Code = Code { code: "IK", tariffs: &[(EVER, 61)] };
pub(crate) const TCG: Code = Code { code: "TCG", tariffs: &[(EVER, 2500)] };
pub(crate) const CRN: Code = Code { code: "CRN", tariffs: &[(EVER, 4250)] };
pub(crate) const CRD: Code = Code { code: "CRD", tariffs: &[(EVER, 2650)] };
/// An ECG, a CCAM technical act outside the substitutable list.
pub(crate) const DEQP003: Code = Code { code: "DEQP003", tariffs: &[(EVER, 1426)] };
pub(crate) const AMI: Code = Code { code: "AMI", tariffs: &[(EVER, 315)] };
pub(crate) const AIS: Code = Code { code: "AIS", tariffs: &[(EVER, 265)] };
pub(crate) const BSA: Code = Code { code: "BSA", tariffs: &[(EVER, 1300)] };
pub(crate) const BSB: Code = Code { code: "BSB", tariffs: &[(EVER, 1820)] };
pub(crate) const BSC: Code = Code { code: "BSC", tariffs: &[(EVER, 2870)] };
/// The nurse's home-visit fee: 2,50 €, 2,75 € from 28 January 2024 (avenant 10).
pub(crate) const IFD: Code = Code { code: "IFD", tariffs: &[(EVER, 250), (ymd(2024, 1, 28), 275)] };

/// Where an act took place: `C` cabinet, `D` domicile, `T` téléconsultation.
#[derive(Clone, Copy)]
enum Place {
    Cabinet,
    Domicile,
    Tele,
}

impl Place {
    fn code(self) -> &'static [u8] {
        match self {
            Place::Cabinet => b"C",
            Place::Domicile => b"D",
            Place::Tele => b"T",
        }
    }
}

/// One ACTNOM row before writing.
#[derive(Clone, Copy)]
struct Row {
    ps: [u8; 11],
    day: NaiveDate,
    code: Code,
    coefficient: u32,
    quantity: u32,
    place: Place,
    km: Option<u32>,
}

impl Row {
    /// Tariff × coefficient × quantity, or km × tariff for `IK`.
    fn amount_cents(&self) -> i64 {
        match self.km {
            Some(km) => i64::from(km) * self.code.cents_on(self.day),
            None => self.code.cents_on(self.day) * i64::from(self.coefficient) * i64::from(self.quantity),
        }
    }
}

fn row(ps: [u8; 11], day: NaiveDate, code: Code, place: Place) -> Row {
    Row { ps, day, code, coefficient: 1, quantity: 1, place, km: None }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GpKind {
    Consultation,
    Visit,
    Tele,
    Pdsa,
    Ccam,
}

struct Writer<'a, R> {
    profile: &'a CaseProfile,
    team: &'a Team,
    rng: &'a mut R,
    out: CsvOut,
    /// The rows of the patient being written, reused from one patient to the next.
    rows: Vec<Row>,
    /// GPs of annexe 2 by site, and all of them.
    gps_by_site: Vec<Vec<usize>>,
    gps: Vec<usize>,
    nurses_by_site: Vec<Vec<usize>>,
    nurses: Vec<usize>,
    /// Acts a departed GP may still bill after his exit date.
    after_exit_left: usize,
    start: NaiveDate,
    end: NaiveDate,
}

/// Writes the ACTNOM file of the case and returns its number of rows.
pub(crate) fn write<R: Rng>(
    profile: &CaseProfile,
    team: &Team,
    patients: &[Patient],
    people: &mut PersonDrawer,
    rng: &mut R,
    dir: &Path,
) -> io::Result<usize> {
    let n_sites = profile.sites.len();
    let by_site = |p: Profession| -> Vec<Vec<usize>> { (0..n_sites).map(|site| team.of(p, Some(site))).collect() };
    let mut w = Writer {
        profile,
        team,
        out: CsvOut::create(dir, &actnom_file(profile.year), &ACTNOM_HEADER)?,
        rng,
        rows: Vec::with_capacity(64),
        gps_by_site: by_site(Profession::Mg),
        gps: team.of(Profession::Mg, None),
        nurses_by_site: by_site(Profession::Ide),
        nurses: team.of(Profession::Ide, None),
        after_exit_left: profile.acts_after_exit,
        start: year_start(profile.year),
        end: year_end(profile.year),
    };
    let gp_scale = gp_scale(profile, patients);
    let nurse_weight_mean =
        patients.iter().filter(|p| p.consumer).map(|p| nurse_weight(p, profile.year)).sum::<f64>() / patients.len().max(1) as f64;
    let outside_ratio = profile.share_outside_rows / (1.0 - profile.share_outside_rows);
    let (mut list_rows, mut outside_rows) = (0usize, 0usize);

    for patient in patients {
        if !patient.consumer || patient.conso_team_cents == 0 {
            continue;
        }
        let site = usize::from(patient.site);
        let expected = gp_scale * patient.conso_team_cents as f64;
        let n_gp = stochastic_round(w.rng, expected).max(1);
        let preferred_gp = pick(w.rng, &w.gps_by_site[site], &w.gps);
        for _ in 0..n_gp {
            w.gp_episode(&patient.person, preferred_gp, site);
        }
        let p_nurse = profile.share_nurse_patients * nurse_weight(patient, profile.year) / nurse_weight_mean.max(f64::MIN_POSITIVE);
        if !w.nurses.is_empty() && w.rng.random_bool(p_nurse.clamp(0.0, 0.95)) {
            w.nursing(&patient.person, site);
        }
        list_rows += w.flush(&patient.person)?;

        // Interleave patients from outside the list until they make their share of the rows.
        while (outside_rows as f64) < outside_ratio * list_rows as f64 {
            let person = people.draw(w.rng);
            let site = w.rng.random_range(0..n_sites);
            let n_episodes = w.rng.random_range(1..=3);
            for _ in 0..n_episodes {
                w.gp_episode(&person, None, site);
            }
            let n = w.flush(&person)?;
            if n == 0 {
                break;
            }
            outside_rows += n;
        }
    }
    w.out.finish()
}

/// Euros of team consumption → expected GP acts, so that the list's consuming patients get
/// `gp_acts_per_consumer` acts on average once every consumer has at least one.
fn gp_scale(profile: &CaseProfile, patients: &[Patient]) -> f64 {
    let consos: Vec<f64> = patients.iter().filter(|p| p.consumer && p.conso_team_cents > 0).map(|p| p.conso_team_cents as f64).collect();
    if consos.is_empty() {
        return 0.0;
    }
    let target = profile.gp_acts_per_consumer * consos.len() as f64;
    let mut scale = target / consos.iter().sum::<f64>();
    // Flooring at one act adds acts for light consumers: shrink the scale to compensate.
    for _ in 0..8 {
        let got: f64 = consos.iter().map(|c| (scale * c).max(1.0)).sum();
        scale *= target / got;
    }
    scale
}

/// Nursing care is far more frequent among the old and the chronically ill.
fn nurse_weight(patient: &Patient, year: i32) -> f64 {
    let by_age = match patient.age(year) {
        0..=39 => 0.3,
        40..=64 => 0.8,
        65..=79 => 2.0,
        _ => 4.0,
    };
    by_age * if patient.n_ald > 0 { 1.5 } else { 1.0 }
}

/// `x` rounded down or up at random, so that the mean stays `x`.
fn stochastic_round<R: Rng>(rng: &mut R, x: f64) -> usize {
    let floor = x.max(0.0).floor();
    floor as usize + usize::from(rng.random::<f64>() < x - floor)
}

/// A random member among `preferred`, or among `fallback` if `preferred` is empty.
fn pick<R: Rng>(rng: &mut R, preferred: &[usize], fallback: &[usize]) -> Option<usize> {
    let pool = if preferred.is_empty() { fallback } else { preferred };
    (!pool.is_empty()).then(|| pool[rng.random_range(0..pool.len())])
}

/// A random member of `pool` active on `day`, without allocating.
fn pick_active<R: Rng>(rng: &mut R, team: &Team, pool: &[usize], day: NaiveDate) -> Option<usize> {
    let active = |idx: &usize| team.members[*idx].active_on(day);
    let n = pool.iter().filter(|idx| active(idx)).count();
    if n == 0 {
        return None;
    }
    let k = rng.random_range(0..n);
    pool.iter().copied().filter(|idx| active(idx)).nth(k)
}

impl<R: Rng> Writer<'_, R> {
    fn replacement(&mut self) -> Option<[u8; 11]> {
        let reps = &self.team.replacements;
        (!reps.is_empty()).then(|| reps[self.rng.random_range(0..reps.len())])
    }

    /// The GP who bills an act on `day`: mostly the patient's own GP if he is in post, else a
    /// colleague of the site, else of another site; a replacement doctor now and then.
    fn gp_for(&mut self, preferred: Option<usize>, site: usize, day: NaiveDate, kind: GpKind) -> Option<[u8; 11]> {
        if self.rng.random_bool(self.profile.share_replacement_acts)
            && let Some(rpps) = self.replacement()
        {
            return Some(rpps);
        }
        if let Some(idx) = preferred {
            let member = &self.team.members[idx];
            if member.active_on(day) {
                return Some(member.rpps);
            }
            // The data error the engine must live with: a departed GP still billing.
            let departed = member.exit.is_some_and(|exit| day > exit);
            if departed && kind == GpKind::Consultation && self.after_exit_left > 0 && self.rng.random_bool(0.1) {
                self.after_exit_left -= 1;
                return Some(member.rpps);
            }
        }
        let found =
            pick_active(self.rng, self.team, &self.gps_by_site[site], day).or_else(|| pick_active(self.rng, self.team, &self.gps, day));
        if let Some(idx) = found {
            return Some(self.team.members[idx].rpps);
        }
        self.replacement()
    }

    /// A nurse in post on `day`: the patient's usual nurse if possible.
    fn nurse_for(&mut self, preferred: Option<usize>, site: usize, day: NaiveDate) -> [u8; 11] {
        if let Some(idx) = preferred.filter(|&idx| self.team.members[idx].active_on(day)) {
            return self.team.members[idx].rpps;
        }
        let idx = pick_active(self.rng, self.team, &self.nurses_by_site[site], day)
            .or_else(|| pick_active(self.rng, self.team, &self.nurses, day))
            // With nobody in post the act still goes to a listed nurse; `write` checks there is one.
            .unwrap_or(self.nurses[0]);
        self.team.members[idx].rpps
    }

    /// A day of the year, not before `from`, a working day most of the time.
    fn workday(&mut self, from: NaiveDate) -> NaiveDate {
        let from = from.max(self.start);
        let mut day = from;
        for _ in 0..4 {
            day = random_day(self.rng, from, self.end);
            if !is_day_off(day) || self.rng.random_bool(0.15) {
                break;
            }
        }
        day
    }

    /// A Sunday of the year not before `from`; if there is none (someone born in the last days of
    /// December), a day of the year not before `from`.
    fn sunday(&mut self, from: NaiveDate) -> NaiveDate {
        let day = self.workday(from);
        let to_sunday = 6 - u64::from(day.weekday().num_days_from_monday());
        let after = day + Days::new(to_sunday);
        if after <= self.end {
            return after;
        }
        let before = day - Days::new(7 - to_sunday);
        if before >= from.max(self.start) { before } else { day }
    }

    fn gp_episode(&mut self, person: &Person, preferred: Option<usize>, site: usize) {
        let mix = &self.profile.gp_mix;
        let u: f64 = self.rng.random();
        let kind = if u < mix.visit {
            GpKind::Visit
        } else if u < mix.visit + mix.teleconsultation {
            GpKind::Tele
        } else if u < mix.visit + mix.teleconsultation + mix.pdsa {
            GpKind::Pdsa
        } else if u < mix.visit + mix.teleconsultation + mix.pdsa + mix.ccam {
            GpKind::Ccam
        } else {
            GpKind::Consultation
        };
        let sunday_wanted = kind == GpKind::Pdsa && self.rng.random_bool(0.4);
        let day = if sunday_wanted { self.sunday(person.birth) } else { self.workday(person.birth) };
        // CRD is the Sunday majoration: without a Sunday to put it on, the out-of-hours act is a
        // night one (CRN).
        let crd = sunday_wanted && day.weekday() == Weekday::Sun;
        let Some(ps) = self.gp_for(preferred, site, day, kind) else {
            return;
        };
        match kind {
            GpKind::Consultation => self.rows.push(row(ps, day, G, Place::Cabinet)),
            GpKind::Tele => self.rows.push(row(ps, day, TCG, Place::Tele)),
            GpKind::Ccam => self.rows.push(row(ps, day, DEQP003, Place::Cabinet)),
            GpKind::Pdsa => {
                self.rows.push(row(ps, day, G, Place::Cabinet));
                let majoration = if crd { CRD } else { CRN };
                self.rows.push(row(ps, day, majoration, Place::Cabinet));
            }
            GpKind::Visit => {
                self.rows.push(row(ps, day, VG, Place::Domicile));
                self.rows.push(row(ps, day, MD, Place::Domicile));
                if self.rng.random_bool(0.75) {
                    self.rows.push(Row { km: Some(self.rng.random_range(2..=15)), ..row(ps, day, IK, Place::Domicile) });
                }
            }
        }
    }

    /// A course of nursing care: acts spread over about three months, each home act with its IFD.
    fn nursing(&mut self, person: &Person, site: usize) {
        let preferred = pick(self.rng, &self.nurses_by_site[site], &self.nurses);
        let mean = self.profile.nurse_acts_per_patient;
        let n = if mean >= 1.0 {
            let extra = self.rng.random::<f64>() * 2.0 * (mean - 1.0);
            1 + stochastic_round(self.rng, extra)
        } else {
            stochastic_round(self.rng, mean)
        };
        // The course lasts up to 90 days and ends within the year.
        let from = person.birth.max(self.start);
        let latest_start = (self.end - Days::new(89)).max(from);
        let first = self.workday(from).min(latest_start);
        for _ in 0..n {
            let day = (first + Days::new(self.rng.random_range(0..90))).min(self.end);
            let ps = self.nurse_for(preferred, site, day);
            let u: f64 = self.rng.random();
            let act = if u < 0.6 {
                let coefficient = match self.rng.random_range(0..10) {
                    0..=3 => 1,
                    4..=6 => 2,
                    7..=8 => 3,
                    _ => 4,
                };
                let quantity = if self.rng.random_bool(0.05) { 2 } else { 1 };
                let place = if self.rng.random_bool(0.75) { Place::Domicile } else { Place::Cabinet };
                Row { coefficient, quantity, ..row(ps, day, AMI, place) }
            } else if u < 0.8 {
                Row { coefficient: self.rng.random_range(3..=4), ..row(ps, day, AIS, Place::Domicile) }
            } else {
                let code = match self.rng.random_range(0..20) {
                    0..=9 => BSA,
                    10..=16 => BSB,
                    _ => BSC,
                };
                row(ps, day, code, Place::Domicile)
            };
            let at_home = matches!(act.place, Place::Domicile);
            self.rows.push(act);
            if at_home {
                self.rows.push(row(ps, day, IFD, Place::Domicile));
            }
        }
    }

    /// Writes the rows gathered for one person in date order and returns how many there were.
    fn flush(&mut self, person: &Person) -> io::Result<usize> {
        // A stable sort keeps each act next to its majorations and indemnities.
        self.rows.sort_by_key(|r| r.day);
        let n = self.rows.len();
        for r in &self.rows {
            self.out
                .str(&self.team.finess)
                .bytes(&r.ps)
                .bytes(&person.nir)
                .date(person.birth)
                .uint(u64::from(person.rank))
                .date(r.day)
                .str(r.code.code)
                .cents(i64::from(r.coefficient) * 100)
                .uint(u64::from(r.quantity))
                .bytes(r.place.code())
                .cents(r.amount_cents());
            match r.km {
                Some(km) => self.out.uint(u64::from(km)),
                None => self.out.empty(),
            };
            self.out.end()?;
        }
        self.rows.clear();
        Ok(n)
    }
}
