//! The IK table of the previous year (convention art. 5.1): per profession, the home visits, the
//! patients visited, the kilometres and their amount, which the team is refunded.

use std::io;
use std::path::Path;

use rand::Rng;

use crate::out::CsvOut;
use crate::profile::{CaseProfile, Profession};

pub const IK_HEADER: [&str; 5] = ["PROFESSION", "NB_VISITES", "NB_PATIENTS", "KM", "MONTANT"];

/// Named after the year whose kilometres it holds, the one before the case's year.
pub fn ik_file(year: i32) -> String {
    format!("ik_{}.csv", year - 1)
}

/// The plain-land IK tariff in cents per km: 0,61 € for GPs, 0,35 € for nurses. Other
/// professions are refused by `CaseProfile::check`.
pub(crate) fn cents_per_km(profession: Profession) -> Option<i64> {
    match profession {
        Profession::Mg => Some(61),
        Profession::Ide => Some(35),
        _ => None,
    }
}

pub(crate) fn write<R: Rng>(profile: &CaseProfile, rng: &mut R, dir: &Path) -> io::Result<usize> {
    let mut out = CsvOut::create(dir, &ik_file(profile.year), &IK_HEADER)?;
    for target in &profile.ik_previous_year {
        let Some(rate) = cents_per_km(target.profession) else {
            continue;
        };
        let mut jitter = |n: u32| -> f64 { f64::from(n) * (0.9 + 0.2 * rng.random::<f64>()) };
        let visits = jitter(target.visits).round() as u64;
        let patients = (jitter(target.patients).round() as u64).clamp(1, visits.max(1));
        // Kilometres are kept to the tenth, as a mileage log gives them.
        let km_tenths = (jitter(target.km) * 10.0).round() as i64;
        let km_hundredths = km_tenths * 10;
        // Half-up rounding to the cent of km × tariff.
        let amount_cents = (km_hundredths * rate + 50) / 100;
        out.str(target.profession.code()).uint(visits).uint(patients).cents(km_hundredths).cents(amount_cents);
        out.end()?;
    }
    out.finish()
}
