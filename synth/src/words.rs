//! The built-in words: invented-looking French names for professionals and the labels of the
//! non-coded activity. No text here contains `;`, `"` or a line break, so rows need no quoting
//! (a unit test holds the line).

/// Surnames that sound French but were made up for the generator.
pub(crate) const SURNAMES: [&str; 40] = [
    "Belcourt",
    "Vasseron",
    "Lamarnière",
    "Dufrênoy",
    "Chaumette",
    "Auberlin",
    "Brissonneau",
    "Castelvieux",
    "Delorme-Vaussy",
    "Escarbel",
    "Fontrailles",
    "Gaudinet",
    "Hérivaux",
    "Jolibert",
    "Kermadoc",
    "Lautrecq",
    "Montfalcon",
    "Norvillier",
    "Ormesson-Ley",
    "Pradelon",
    "Quercival",
    "Rambourdin",
    "Saint-Aubrac",
    "Tessandier",
    "Valmorel",
    "Verchamps",
    "Aiguebelle",
    "Boisrenard",
    "Cazenove-Luc",
    "Douvrelle",
    "Estivaux",
    "Falgayrac",
    "Guéméné-Roux",
    "Laborderie",
    "Marcillac",
    "Peyrelongue",
    "Rochemaure",
    "Sénéclauze",
    "Trémontel",
    "Villardière",
];

pub(crate) const FIRST_NAMES: [&str; 40] = [
    "Camille",
    "Hélène",
    "Étienne",
    "Margaux",
    "Théo",
    "Inès",
    "Julien",
    "Léa",
    "Nathalie",
    "Bastien",
    "Chloé",
    "Romain",
    "Sophie",
    "Yanis",
    "Amélie",
    "Hugo",
    "Clémence",
    "Mathis",
    "Élodie",
    "Samir",
    "Aurore",
    "Benoît",
    "Fatou",
    "Grégoire",
    "Isabelle",
    "Karim",
    "Laure",
    "Maxime",
    "Noémie",
    "Olivier",
    "Pauline",
    "Quentin",
    "Rose",
    "Thibault",
    "Valérie",
    "Xavier",
    "Yasmine",
    "Zoé",
    "Anaïs",
    "Loïc",
];

/// A label of the non-coded activity.
pub(crate) struct Label {
    pub text: &'static str,
    /// A collective session: several participants and no patient identifier.
    pub group: bool,
}

const fn one(text: &'static str) -> Label {
    Label { text, group: false }
}

const fn group(text: &'static str) -> Label {
    Label { text, group: true }
}

pub(crate) const ETP: [Label; 6] = [
    one("Séance d'éducation thérapeutique – diabète de type 2"),
    one("Éducation thérapeutique : asthme, technique d'inhalation"),
    one("Séance ETP insuffisance cardiaque : surveillance du poids"),
    one("Entretien ETP : adaptation des doses d'insuline"),
    group("Atelier collectif « bien manger avec le diabète »"),
    group("Atelier collectif d'éducation thérapeutique : activité physique adaptée"),
];

pub(crate) const PREVENTION: [Label; 6] = [
    one("Dépistage du cancer colorectal : remise du kit et explications"),
    one("Entretien de prévention du tabagisme"),
    one("Vaccination antigrippale : information et rappel"),
    one("Repérage des fragilités de la personne âgée à domicile"),
    group("Séance collective sur l'activité physique des seniors"),
    group("Atelier de prévention des chutes à domicile"),
];

pub(crate) const COORDINATION: [Label; 5] = [
    group("Réunion de concertation pluriprofessionnelle"),
    group("Synthèse de cas complexe avec le service social"),
    group("Réunion d'équipe : organisation des soins non programmés"),
    group("Coordination avec l'hôpital pour une sortie d'hospitalisation"),
    group("Point hebdomadaire de l'équipe de soins"),
];

pub(crate) const PROTOCOLE_COOPERATION: [Label; 3] = [
    one("Protocole de coopération : renouvellement d'ordonnance (suivi du diabète)"),
    one("Protocole de coopération : suivi des patients sous anticoagulants"),
    one("Protocole de coopération : repérage des troubles cognitifs"),
];

pub(crate) const ACTE_DELEGUE: [Label; 3] = [
    one("Acte délégué : suivi tensionnel et bilan"),
    one("Acte délégué : spirométrie de dépistage"),
    one("Acte délégué : examen des pieds du patient diabétique"),
];

pub(crate) const AUTRE: [Label; 4] = [
    one("Accueil et orientation d'un nouveau patient"),
    one("Aide à l'ouverture des droits (C2S)"),
    one("Appel de suivi après un passage aux urgences"),
    group("Temps de formation interne à l'équipe"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_need_no_quoting() {
        let labels = ETP
            .iter()
            .chain(&PREVENTION)
            .chain(&COORDINATION)
            .chain(&PROTOCOLE_COOPERATION)
            .chain(&ACTE_DELEGUE)
            .chain(&AUTRE)
            .map(|l| l.text);
        for text in SURNAMES.iter().chain(&FIRST_NAMES).copied().chain(labels) {
            assert!(!text.contains([';', '"', '\n', '\r']), "{text}");
            assert!(!text.is_empty() && text.chars().count() <= 200, "{text}");
        }
    }
}
