//! The non-coded activity of the year (annexe 6, `A51_PEPS_16_ACTNOU_…`): therapeutic education,
//! prevention, coordination meetings, cooperation protocols, delegated acts; individual ones name
//! the patient, collective ones and coordination do not.

use std::io;
use std::path::Path;

use chrono::NaiveDate;
use rand::Rng;

use crate::out::CsvOut;
use crate::patients::Patient;
use crate::profile::{CaseProfile, Profession};
use crate::team::{Team, is_day_off, random_day, year_end, year_start};
use crate::words::{self, Label};

pub const ACTNOU_HEADER: [&str; 8] =
    ["NUM_STRUCTURE", "NUM_PS", "NIR_PATIENT", "DATE_ACTIVITE", "TYPE_ACTIVITE", "DUREE_MINUTES", "NB_PARTICIPANTS", "LIBELLE"];

pub fn actnou_file(year: i32) -> String {
    format!("A51_PEPS_16_ACTNOU_{year}0101_{year}1231.csv")
}

/// A type of non-coded activity: its code, weight in the mix, labels, who does it, how long an
/// individual and a collective session last (minutes, multiples of 5), and how many come to a
/// collective one.
struct Kind {
    code: &'static str,
    weight: u32,
    labels: &'static [Label],
    /// Empty means any profession.
    professions: &'static [Profession],
    minutes_one: (u32, u32),
    minutes_group: (u32, u32),
    participants_group: (u32, u32),
}

const KINDS: [Kind; 6] = [
    Kind {
        code: "ETP",
        weight: 20,
        labels: &words::ETP,
        professions: &[Profession::Ide, Profession::Diet, Profession::Mg, Profession::Psy],
        minutes_one: (30, 90),
        minutes_group: (60, 120),
        participants_group: (4, 10),
    },
    Kind {
        code: "PREVENTION",
        weight: 20,
        labels: &words::PREVENTION,
        professions: &[],
        minutes_one: (15, 45),
        minutes_group: (60, 120),
        participants_group: (5, 25),
    },
    Kind {
        code: "COORDINATION",
        weight: 30,
        labels: &words::COORDINATION,
        professions: &[],
        minutes_one: (30, 120),
        minutes_group: (30, 120),
        participants_group: (3, 8),
    },
    Kind {
        code: "PROTOCOLE_COOPERATION",
        weight: 10,
        labels: &words::PROTOCOLE_COOPERATION,
        professions: &[Profession::Ide],
        minutes_one: (20, 45),
        minutes_group: (20, 45),
        participants_group: (1, 1),
    },
    Kind {
        code: "ACTE_DELEGUE",
        weight: 12,
        labels: &words::ACTE_DELEGUE,
        professions: &[Profession::Ide, Profession::Sf],
        minutes_one: (10, 30),
        minutes_group: (10, 30),
        participants_group: (1, 1),
    },
    Kind {
        code: "AUTRE",
        weight: 8,
        labels: &words::AUTRE,
        professions: &[],
        minutes_one: (10, 60),
        minutes_group: (60, 180),
        participants_group: (3, 12),
    },
];

struct Row {
    ps: [u8; 11],
    /// Index of the patient in the list, for individual sessions.
    patient: Option<usize>,
    day: NaiveDate,
    kind: &'static Kind,
    minutes: u32,
    participants: u32,
    label: &'static str,
}

/// Writes the ACTNOU file, `profile.n_noncoded_rows` rows in date order.
pub(crate) fn write<R: Rng>(profile: &CaseProfile, team: &Team, patients: &[Patient], rng: &mut R, dir: &Path) -> io::Result<usize> {
    let start = year_start(profile.year);
    let end = year_end(profile.year);
    let total_weight: u32 = KINDS.iter().map(|k| k.weight).sum();
    let mut rows = Vec::with_capacity(profile.n_noncoded_rows);
    for _ in 0..profile.n_noncoded_rows {
        let mut w = rng.random_range(0..total_weight);
        let mut kind = &KINDS[0];
        for k in &KINDS {
            if w < k.weight {
                kind = k;
                break;
            }
            w -= k.weight;
        }
        let label = &kind.labels[rng.random_range(0..kind.labels.len())];
        let patient = (!label.group && !patients.is_empty()).then(|| rng.random_range(0..patients.len()));
        let from = patient.map_or(start, |idx| patients[idx].person.birth.max(start));
        let mut day = from;
        for _ in 0..4 {
            day = random_day(rng, from, end);
            if !is_day_off(day) {
                break;
            }
        }
        let Some(ps) = practitioner(team, kind.professions, day, rng) else {
            continue;
        };
        let (lo, hi) = if label.group { kind.minutes_group } else { kind.minutes_one };
        let minutes = (5 * rng.random_range(lo / 5..=hi / 5)).clamp(1, 600);
        let participants = if label.group { rng.random_range(kind.participants_group.0..=kind.participants_group.1) } else { 1 };
        rows.push(Row { ps, patient, day, kind, minutes, participants, label: label.text });
    }
    rows.sort_by_key(|r| r.day);

    let mut out = CsvOut::create(dir, &actnou_file(profile.year), &ACTNOU_HEADER)?;
    for r in &rows {
        out.str(&team.finess).bytes(&r.ps);
        match r.patient {
            Some(idx) => out.bytes(&patients[idx].person.nir),
            None => out.empty(),
        };
        out.date(r.day).str(r.kind.code).uint(u64::from(r.minutes)).uint(u64::from(r.participants)).str(r.label);
        out.end()?;
    }
    out.finish()
}

/// A member in post on `day` whose profession fits, else anyone in post, else anyone listed.
fn practitioner<R: Rng>(team: &Team, professions: &[Profession], day: NaiveDate, rng: &mut R) -> Option<[u8; 11]> {
    let fits = |p: Profession| professions.is_empty() || professions.contains(&p);
    let tiers: [&dyn Fn(&crate::team::Member) -> bool; 3] = [&|m| m.active_on(day) && fits(m.profession), &|m| m.active_on(day), &|_| true];
    for keep in tiers {
        let n = team.members.iter().filter(|m| keep(m)).count();
        if n > 0 {
            let k = rng.random_range(0..n);
            return team.members.iter().filter(|m| keep(m)).nth(k).map(|m| m.rpps);
        }
    }
    None
}
