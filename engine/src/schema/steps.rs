//! The schema of a steps file.
use schemars::JsonSchema;
use serde::Deserialize;

use std::collections::BTreeMap;

use crate::mechanism::Entries;
use crate::schema::values::{StepRounding, UnitName, choice};

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
    /// What `peps explain` says of the step, with the run's values: one sentence, or a table of
    /// `values` and `text` or `cases`. `{name}` shows the value of a name the step reads, of the
    /// step itself, or of one of the explanation's `values`, written the French way.
    pub(crate) explanation: Option<ExplanationSpec>,
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
    use crate::schema::FileKind;

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

// ---------------------------------------------------------------------------------------------
// Explanations (issue 26, item 2)

/// A step's explanation: one sentence, or a table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum ExplanationSpec {
    /// One sentence, said whatever the values: `{name}` shows a value.
    Sentence(String),
    /// Values computed for the sentence, and the sentence or the sentences chosen by condition.
    Table(ExplanationTable),
}

/// An explanation with its own values, and `text` or `cases`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationTable {
    /// Values computed for the sentence only, in order (a value may read the earlier ones), over
    /// what the step reads and its own value: `soumis = { value = "a + b", unit = "EUR" }`.
    pub(crate) values: Option<BTreeMap<String, ExplanationValue>>,
    /// The one sentence.
    pub(crate) text: Option<String>,
    /// Sentences each under a `when` condition: the first that holds is said; the last has no
    /// `when` and is said when none holds.
    pub(crate) cases: Option<Vec<ExplanationCase>>,
}

/// A value an explanation computes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationValue {
    /// An expression in the language of conditions (`+ - * /`, `min`, `max`, `if`).
    pub(crate) value: String,
    /// How the value is written: `EUR` in euros with cents, `rate` as a percentage.
    pub(crate) unit: Option<UnitName>,
}

/// One sentence of an explanation, said when its condition holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplanationCase {
    /// The condition, over what the step reads, its own value and the explanation's values;
    /// absent on the last sentence.
    pub(crate) when: Option<String>,
    /// The sentence.
    pub(crate) text: String,
}
