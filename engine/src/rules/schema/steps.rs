//! The schema of a steps file.
use schemars::JsonSchema;
use serde::Deserialize;

use crate::mechanism::Entries;
use crate::rules::schema::values::{StepRounding, UnitName, choice};

// ---------------------------------------------------------------------------------------------
// Steps

/// A file of steps: the pipeline, `[[step]]` after `[[step]]`. The order of evaluation follows
/// what each step reads, not the order of the file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepsFile {
    /// The steps.
    pub(crate) step: Vec<StepEntry>,
}

/// A step: a named output defined by exactly one mechanism (`filter`, `lookup`, `aggregate`,
/// `derive`, `classify`, `formula`, `function`, `checks` or `score`).
// Unknown keys are refused by `Entries`, which the other keys are flattened into.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(rename = "StepDef", deny_unknown_fields)]
pub(crate) struct StepEntry {
    /// The name of the output: other steps and formulas read it under this name.
    pub(crate) name: String,
    /// What the output is, in the words of the texts (shown on every report). `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The unit of the output, when not implied by its mechanism.
    pub(crate) unit: Option<UnitName>,
    /// The text the step comes from.
    pub(crate) reference: Option<String>,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// How the output is rounded: a rule, or "none" (even for money).
    pub(crate) round: Option<RoundSpec>,
    /// The mechanism: exactly one of its keys (each mechanism's entry, `mechanism::Entries`).
    #[serde(flatten)]
    pub(crate) mechanism: Entries,
}

/// A rounding rule of a step, or "none".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RoundSpec {
    Rule(StepRounding),
    None(NoRounding),
}

choice!(
    /// No rounding at all.
    NoRounding,
    "NoRounding",
    &["none"],
    &["No rounding, even for an amount in euros."]
);

#[cfg(test)]
mod tests {
    use crate::mechanism::MechanismKey;
    use crate::rules::schema::FileKind;

    /// The description of a step in the schema names every mechanism's key.
    #[test]
    fn every_mechanism_key_is_listed() {
        let schema = FileKind::Steps.schema();
        let doc = schema["definitions"]["StepDef"]["description"].as_str().expect("a step is described");
        for key in MechanismKey::NAMES {
            assert!(doc.contains(&format!("`{key}`")), "the doc comment of `StepEntry` does not list `{key}`");
        }
    }
}
