//! The team: its FINESS, the professionals of annexe 2 (with their entries and exits) and the
//! replacement doctors who bill acts without being listed; and the writing of `annexe2.csv`.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;

use crate::ids::{department_digits, fresh_finess, fresh_rpps};
use crate::out::CsvOut;
use crate::profile::{CaseProfile, MovementKind, Profession};
use crate::words::{FIRST_NAMES, SURNAMES};

pub const ANNEXE2_FILE: &str = "annexe2.csv";
pub const ANNEXE2_HEADER: [&str; 7] = ["RPPS", "NOM", "PRENOM", "PROFESSION", "SITE", "DATE_ENTREE", "DATE_SORTIE"];

/// A professional of annexe 2.
pub(crate) struct Member {
    pub rpps: [u8; 11],
    pub surname: &'static str,
    pub first_name: &'static str,
    pub profession: Profession,
    pub site: usize,
    pub entry: NaiveDate,
    pub exit: Option<NaiveDate>,
}

impl Member {
    pub(crate) fn active_on(&self, day: NaiveDate) -> bool {
        self.entry <= day && self.exit.is_none_or(|exit| day <= exit)
    }
}

pub(crate) struct Team {
    pub finess: String,
    pub members: Vec<Member>,
    /// RPPS numbers of replacement GPs, absent from annexe 2.
    pub replacements: Vec<[u8; 11]>,
}

impl Team {
    /// Indices of the members of a profession, optionally restricted to one site.
    pub(crate) fn of(&self, profession: Profession, site: Option<usize>) -> Vec<usize> {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.profession == profession && site.is_none_or(|s| m.site == s))
            .map(|(idx, _)| idx)
            .collect()
    }
}

/// Draws the team. Members are listed by profession (annexe 2 order) and spread over the sites in
/// turn; movements go to the last members of their profession, one member each.
pub(crate) fn draw<R: Rng>(profile: &CaseProfile, rng: &mut R) -> Team {
    let finess = fresh_finess(rng, department_digits(&profile.code_commune));
    let mut rpps_taken = HashSet::new();
    let mut names_taken = HashSet::new();
    // Members in post before a movement joined at some point in the 15 years before the year.
    let first_day = NaiveDate::from_ymd_opt(profile.year - 15, 1, 1).expect("year is checked");
    let last_day = year_end(profile.year - 1);
    let mut members = Vec::new();
    let mut site_turn = 0;
    for profession in Profession::ALL {
        let count: usize = profile.staff.iter().filter(|line| line.profession == profession).map(|line| line.count).sum();
        for _ in 0..count {
            let (surname, first_name) = loop {
                let pair = (SURNAMES[rng.random_range(0..SURNAMES.len())], FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())]);
                // Past the number of pairs, homonyms are unavoidable and harmless.
                if names_taken.insert(pair) || names_taken.len() >= SURNAMES.len() * 10 {
                    break pair;
                }
            };
            members.push(Member {
                rpps: fresh_rpps(rng, &mut rpps_taken),
                surname,
                first_name,
                profession,
                site: site_turn % profile.sites.len(),
                entry: random_day(rng, first_day, last_day),
                exit: None,
            });
            site_turn += 1;
        }
    }
    let mut moved = vec![false; members.len()];
    for movement in &profile.movements {
        let Some(idx) = (0..members.len()).rev().find(|&idx| members[idx].profession == movement.profession && !moved[idx]) else {
            continue;
        };
        moved[idx] = true;
        match movement.kind {
            MovementKind::Joins => members[idx].entry = movement.date,
            MovementKind::Leaves => {
                let member = &mut members[idx];
                member.exit = Some(movement.date);
                member.entry = member.entry.min(movement.date);
            }
        }
    }
    let replacements = (0..profile.n_replacements).map(|_| fresh_rpps(rng, &mut rpps_taken)).collect();
    Team { finess, members, replacements }
}

pub(crate) fn write_annexe2(profile: &CaseProfile, team: &Team, dir: &Path) -> io::Result<usize> {
    let mut out = CsvOut::create(dir, ANNEXE2_FILE, &ANNEXE2_HEADER)?;
    for m in &team.members {
        out.bytes(&m.rpps)
            .str(m.surname)
            .str(m.first_name)
            .str(m.profession.code())
            .str(&profile.sites[m.site])
            .date(m.entry)
            .opt_date(m.exit);
        out.end()?;
    }
    out.finish()
}

pub(crate) fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).expect("year is checked")
}

pub(crate) fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).expect("year is checked")
}

/// A day drawn uniformly in `from..=to` (just `to` if `from` is after it).
///
/// Every dated draw of a case goes through here, so that no date can pass its upper bound: the
/// former "days from `from` to `to`, at least 1, plus 1" gave two choices when `from == to`, and a
/// patient born on 31 December could be declared, or seen, on 1 January of the next year.
pub(crate) fn random_day<R: Rng>(rng: &mut R, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let from = from.min(to);
    let span = (to - from).num_days() as u64;
    from + Days::new(rng.random_range(0..span + 1))
}

/// Whether practices are normally closed that day: a weekend or a fixed-date public holiday
/// (the Easter-based holidays are left out: a few acts on them are plausible anyway).
pub(crate) fn is_day_off(day: NaiveDate) -> bool {
    const HOLIDAYS: [(u32, u32); 8] = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)];
    day.weekday().number_from_monday() >= 6 || HOLIDAYS.contains(&(day.month(), day.day()))
}
