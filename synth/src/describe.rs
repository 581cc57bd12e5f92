//! The description of the case: `team.toml` (structure, quality results, file names, advances)
//! and a short French `README.md`. Both are written by hand rather than serialised, to keep the
//! key order, the comments and the decimal strings exactly as the case format shows them.

use std::fmt::Write as _;

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::profile::CaseProfile;

/// What the description needs besides the profile.
pub(crate) struct Facts<'a> {
    pub seed: u64,
    pub finess: &'a str,
    pub reference_patientele: u32,
    pub patients_file: &'a str,
    pub professionals_file: &'a str,
    pub acts_file: &'a str,
    pub ik_file: &'a str,
    pub n_patients: usize,
    pub n_professionals: usize,
    pub n_acts: usize,
}

pub(crate) fn team_toml(profile: &CaseProfile, facts: &Facts<'_>) -> String {
    let mut t = String::with_capacity(2048);
    // Writing to a String cannot fail.
    let _ = write_team_toml(&mut t, profile, facts);
    t
}

fn write_team_toml(t: &mut String, p: &CaseProfile, f: &Facts<'_>) -> std::fmt::Result {
    writeln!(t, "# Cas synthétique généré par `peps synth` (profil {}, graine {}, année {}).", p.name, f.seed, p.year)?;
    writeln!(t, "# Aucune donnée réelle : NIR, RPPS, FINESS, noms, dates et montants sont tirés au hasard.")?;
    writeln!(t, "# Le même profil avec la même graine et la même année redonne des fichiers identiques à l'octet.")?;
    writeln!(t)?;
    writeln!(t, "[structure]")?;
    writeln!(t, "nom = {}", quoted(&p.structure_name))?;
    writeln!(t, "finess = {}", quoted(f.finess))?;
    writeln!(t, "type_structure = {}", quoted(p.structure_type.code()))?;
    writeln!(t, "commune = {}", quoted(&p.commune))?;
    writeln!(t, "code_commune = {}", quoted(&p.code_commune))?;
    writeln!(t, "taux_pauvrete_commune = {}", decimal(p.poverty_rate))?;
    writeln!(t, "coefficient_local = {}", decimal(p.local_coefficient))?;
    writeln!(t, "segment = {}", quoted(p.segment.code()))?;
    writeln!(t, "premiere_annee_forfait = {}", p.first_forfait_year)?;
    writeln!(t, "patientele_reference = {}", f.reference_patientele)?;
    if let Some(amount) = p.estimated_amount {
        writeln!(t, "montant_estime_convention = {}", euros(amount))?;
    }
    writeln!(t)?;
    writeln!(t, "[qualite]")?;
    let q = &p.quality;
    writeln!(t, "experience_patient = {}", decimal(q.experience_patient))?;
    writeln!(t, "suivi_diabetiques = {}", decimal(q.suivi_diabetiques))?;
    writeln!(t, "vaccination_grippe = {}", decimal(q.vaccination_grippe))?;
    writeln!(t, "depistage_colorectal = {}", decimal(q.depistage_colorectal))?;
    writeln!(t)?;
    writeln!(t, "[fichiers]")?;
    writeln!(t, "patients = {}", quoted(f.patients_file))?;
    writeln!(t, "professionnels = {}", quoted(f.professionals_file))?;
    writeln!(t, "actes = {}", quoted(f.acts_file))?;
    writeln!(t, "ik = {}", quoted(f.ik_file))?;
    if p.advances.is_empty() {
        writeln!(t)?;
        writeln!(t, "[paiements]")?;
        writeln!(t, "avances = []  # aucune avance reçue")?;
    }
    for advance in &p.advances {
        writeln!(t)?;
        writeln!(t, "[[paiements.avances]]")?;
        let d = advance.date;
        writeln!(t, "date = {:04}-{:02}-{:02}", d.year(), d.month(), d.day())?;
        writeln!(t, "montant = {}", euros(advance.amount))?;
    }
    Ok(())
}

pub(crate) fn readme(profile: &CaseProfile, facts: &Facts<'_>) -> String {
    format!(
        "# {name} — cas synthétique {year}\n\
         \n\
         Équipe **fictive** pour essayer `peps` : aucune donnée réelle, les NIR, RPPS, noms, dates et montants sont tirés au hasard.\n\
         Généré par `peps synth` (profil `{profile}`, graine {seed}, année {year}) ; la même graine et la même année redonnent exactement les mêmes fichiers.\n\
         Contenu : {n_patients} patients médecin traitant, {n_professionals} professionnels (annexe 2), {n_acts} lignes d'actes cotés.\n\
         La description de l'équipe et la liste des fichiers sont dans `team.toml` ; calcul : `peps compute --year {year} <ce dossier>`.\n",
        name = profile.structure_name,
        year = profile.year,
        profile = profile.name,
        seed = facts.seed,
        n_patients = facts.n_patients,
        n_professionals = facts.n_professionals,
        n_acts = facts.n_acts,
    )
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04X}", u32::from(c));
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// A decimal as a TOML string, with the scale it was given (`0.17`, `0.00`).
fn decimal(d: Decimal) -> String {
    format!("\"{d}\"")
}

/// An amount in euros as a TOML string with exactly two decimals.
fn euros(d: Decimal) -> String {
    format!("\"{:.2}\"", d.round_dp(2))
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    #[test]
    fn toml_values() {
        assert_eq!(quoted("a \"b\" \\ é"), r#""a \"b\" \\ é""#);
        assert_eq!(decimal(dec!(0.00)), "\"0.00\"");
        assert_eq!(euros(dec!(25)), "\"25.00\"");
        assert_eq!(euros(dec!(558327.00) / dec!(4)), "\"139581.75\"");
    }
}
