//! Working days: which days of a year count, from a definition given as data (weekend days,
//! fixed holidays as month-day, holidays that move with Easter as offsets in days), and the
//! Nth working day of a month.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// Which days are not working days. Nothing here names a country: the holidays are data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct WorkingDays {
    /// Days of the week that are never working days.
    pub(crate) weekend: Vec<Weekday>,
    /// Holidays on the same day every year, as (month, day).
    pub(crate) fixed: Vec<(u32, u32)>,
    /// Holidays that move with Easter: days after Easter Sunday (0 is Easter Sunday itself).
    pub(crate) easter: Vec<i64>,
}

/// Lower-case English day names, as rule files write them.
pub(crate) const WEEKDAY_NAMES: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(crate) fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Reads a month-day written `MM-DD` (`05-01`); 29 February is accepted (a holiday of leap
/// years only).
pub(crate) fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    // 2024 is a leap year, so every real month-day exists in it.
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
/// and Butcher), for years from 1583; `None` outside the dates chrono can hold.
pub(crate) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

impl WorkingDays {
    /// The holidays of `year`, sorted, without duplicates.
    #[cfg(test)]
    pub(crate) fn holidays(&self, year: i32) -> Vec<NaiveDate> {
        let mut out: Vec<NaiveDate> = self.fixed.iter().filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d)).collect();
        if let Some(easter) = easter_sunday(year) {
            out.extend(self.easter.iter().filter_map(|&off| shift(easter, off)));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(crate) fn is_holiday(&self, date: NaiveDate) -> bool {
        if self.fixed.contains(&(date.month(), date.day())) {
            return true;
        }
        easter_sunday(date.year()).is_some_and(|e| self.easter.iter().any(|&off| shift(e, off) == Some(date)))
    }

    pub(crate) fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.weekend.contains(&date.weekday()) && !self.is_holiday(date)
    }

    /// The `n`th working day (from 1) of the month of `year`/`month`, if the month has that many.
    pub(crate) fn nth_working_day(&self, year: i32, month: u32, n: u32) -> Option<NaiveDate> {
        let mut date = NaiveDate::from_ymd_opt(year, month, 1)?;
        let mut seen = 0;
        while date.month() == month {
            if self.is_working_day(date) {
                seen += 1;
                if seen == n {
                    return Some(date);
                }
            }
            date = date.succ_opt()?;
        }
        None
    }
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 { date.checked_add_days(n) } else { date.checked_sub_days(n) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The definition the French rulebooks give: weekends, eight fixed holidays, Easter Monday,
    /// Ascension and Whit Monday.
    fn french() -> WorkingDays {
        WorkingDays {
            weekend: vec![Weekday::Sat, Weekday::Sun],
            fixed: vec![(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)],
            easter: vec![1, 39, 50],
        }
    }

    #[test]
    fn easter_sunday_matches_known_dates() {
        let known = [
            (1818, 3, 22),
            (1886, 4, 25),
            (1943, 4, 25),
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, day) in known {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "Easter {y}");
        }
    }

    #[test]
    fn holidays_of_2025_and_2026() {
        let w = french();
        assert_eq!(
            w.holidays(2025),
            vec![
                d(2025, 1, 1),
                d(2025, 4, 21),
                d(2025, 5, 1),
                d(2025, 5, 8),
                d(2025, 5, 29),
                d(2025, 6, 9),
                d(2025, 7, 14),
                d(2025, 8, 15),
                d(2025, 11, 1),
                d(2025, 11, 11),
                d(2025, 12, 25)
            ]
        );
        let h = w.holidays(2026);
        assert!(h.contains(&d(2026, 4, 6)) && h.contains(&d(2026, 5, 14)) && h.contains(&d(2026, 5, 25)), "{h:?}");
        assert_eq!(h.len(), 11);
    }

    #[test]
    fn nth_working_day_skips_weekends_and_holidays() {
        let w = french();
        // April 2025 starts on a Tuesday: 1, 2, 3, 4, then Monday 7.
        assert_eq!(w.nth_working_day(2025, 4, 5), Some(d(2025, 4, 7)));
        // 1 January 2026 is a holiday (Thursday): 2, 5, 6, 7, 8.
        assert_eq!(w.nth_working_day(2026, 1, 5), Some(d(2026, 1, 8)));
        // Easter Monday 6 April 2026: 1, 2, 3, 7, 8.
        assert_eq!(w.nth_working_day(2026, 4, 5), Some(d(2026, 4, 8)));
        // May 2026: Friday 1 and Friday 8 are holidays: 4, 5, 6, 7, 11.
        assert_eq!(w.nth_working_day(2026, 5, 5), Some(d(2026, 5, 11)));
        assert_eq!(w.nth_working_day(2025, 2, 21), None, "February 2025 has 20 working days");
        assert!(!w.is_working_day(d(2025, 6, 9)), "Whit Monday 2025");
        assert!(w.is_working_day(d(2025, 6, 10)));
    }

    #[test]
    fn an_empty_definition_makes_every_day_a_working_day() {
        let w = WorkingDays::default();
        assert_eq!(w.nth_working_day(2025, 1, 1), Some(d(2025, 1, 1)));
        assert_eq!(w.nth_working_day(2025, 2, 28), Some(d(2025, 2, 28)));
    }

    #[test]
    fn month_days_are_checked() {
        assert_eq!(parse_month_day("05-01"), Some((5, 1)));
        assert_eq!(parse_month_day("02-29"), Some((2, 29)));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_month_day("5-1"), None);
        assert_eq!(parse_month_day("13-01"), None);
        let w = WorkingDays { fixed: vec![(2, 29)], ..WorkingDays::default() };
        assert_eq!(w.holidays(2025), vec![], "no 29 February in 2025");
        assert_eq!(w.holidays(2028), vec![d(2028, 2, 29)]);
    }
}
