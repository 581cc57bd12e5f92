//! The schema of a calendar file.
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::schema::values::{DateValue, DecimalText, StatusName, choice};

// ---------------------------------------------------------------------------------------------
// Calendar

/// A file of the payment calendar: one TOML table per event.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct CalendarFile(pub(crate) BTreeMap<String, EventDef>);

choice!(
    /// The kind of a calendar event.
    EventKindName,
    "EventKind",
    crate::rules::calendar::EventKind::NAMES,
    &[]
);

/// A dated event of the payment calendar. Besides the keys every event has, each kind has its
/// own: an advance `share` + `estimate` or `amount`, `when`, `repeat`; a balance `amount`,
/// `received`, `if_positive`, `if_negative`; a deposit `every_months`, `count`, `working_day`,
/// `norms`, `working_days`; a rebase `dataset`, `id`, `group`, `entry`, `exit`, `weights`,
/// `measure`; a complement `amount`, `received`, `when`; a notification, deadline or end
/// `when`, `repeat`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventDef {
    /// What the event is, in the words of the texts. `{name}` shows the value of parameter `name`.
    pub(crate) label: String,
    /// The text the date comes from.
    pub(crate) reference: String,
    /// How far the date is established.
    pub(crate) status: StatusName,
    /// A longer explanation.
    pub(crate) description: Option<String>,
    /// The day of the event (for a deposit or a rebase: the day the rule starts).
    pub(crate) date: DateValue,
    /// The kind of event.
    pub(crate) kind: EventKindName,
    /// true for an event that happens once (the end of an experiment): `peps rules new-year`
    /// keeps its date as it is instead of moving it by a year.
    pub(crate) once: Option<bool>,
    /// Advance: its share of the estimated annual amount, e.g. "0.25", or an expression over
    /// parameters, inputs and steps, e.g. "1 / 12".
    pub(crate) share: Option<String>,
    /// Advance, balance, complement: the step whose value is paid, or an expression over
    /// parameters, inputs and steps, e.g. "total / 12".
    pub(crate) amount: Option<String>,
    /// Advance, complement, notification, deadline, end: the event holds only when this
    /// condition does, e.g. "rythme == 'mensuel'" (a case's chosen rhythm).
    pub(crate) when: Option<String>,
    /// Advance, notification, deadline, end: the event again every `every_months` months up to
    /// `until`; the occurrences are named `<event>_1`, `<event>_2`, ...
    pub(crate) repeat: Option<RepeatDef>,
    /// Advance: where the estimate comes from — case inputs "section.name" or steps — the
    /// first that has a value.
    pub(crate) estimate: Option<Vec<String>>,
    /// Balance, complement: what the case records as received — an input "section.name", or
    /// `{ input, date, amount }` for a list of payments.
    pub(crate) received: Option<ReceivedDef>,
    /// Balance: what a positive balance means.
    pub(crate) if_positive: Option<String>,
    /// Balance: what a negative balance means.
    pub(crate) if_negative: Option<String>,
    /// Deposit: months between two deposits (1 to 12).
    pub(crate) every_months: Option<i64>,
    /// Deposit: how many deposits.
    pub(crate) count: Option<i64>,
    /// Deposit: the working day of the following month the deposit is due (1 to 23).
    pub(crate) working_day: Option<i64>,
    /// Deposit: the norms of the files deposited.
    pub(crate) norms: Option<Vec<String>>,
    /// Deposit: what a working day is.
    pub(crate) working_days: Option<WorkingDaysDef>,
    /// Rebase: the dataset whose members enter and leave.
    pub(crate) dataset: Option<String>,
    /// Rebase: the field identifying a member.
    pub(crate) id: Option<String>,
    /// Rebase: the field grouping members (weighted by `weights`).
    pub(crate) group: Option<String>,
    /// Rebase: the field holding the entry date.
    pub(crate) entry: Option<String>,
    /// Rebase: the field holding the exit date.
    pub(crate) exit: Option<String>,
    /// Rebase: the weight of each group, between 0 and 1, adding up to 1 at most.
    pub(crate) weights: Option<BTreeMap<String, DecimalText>>,
    /// Rebase: a numeric field weighing each member within its group (a full-time
    /// equivalent); without it, the members of a group weigh the same.
    pub(crate) measure: Option<String>,
}

/// A recurring event.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RepeatDef {
    /// Months between two occurrences (1 to 12).
    pub(crate) every_months: i64,
    /// The last day an occurrence may fall on.
    pub(crate) until: DateValue,
}

/// What a case records as received.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum ReceivedDef {
    /// An input holding one amount, "section.name".
    Input(String),
    /// A records input, one record per payment, with its date and amount fields.
    Records(ReceivedRecords),
}

/// A records input of payments received.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReceivedRecords {
    /// The records input, "section.name".
    pub(crate) input: String,
    /// The field of a record holding the date of the payment.
    pub(crate) date: String,
    /// The field of a record holding its amount.
    pub(crate) amount: String,
}

/// What a working day is: not a weekend day, not a holiday.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkingDaysDef {
    /// The days of the week that are not worked (leave Saturday out when `saturday` names a
    /// parameter).
    pub(crate) weekend: Option<Vec<WeekdayName>>,
    /// The parameter (unit bool) that says whether Saturday is a working day: true, it counts;
    /// false, it does not, like the days of `weekend`. The convention then has its reference
    /// and status, and `peps schedule` states it.
    pub(crate) saturday: Option<String>,
    /// Holidays on a fixed day, "MM-DD", e.g. "05-01".
    pub(crate) holidays: Option<Vec<MonthDay>>,
    /// Holidays counted in days from Easter Sunday, e.g. 1 for Easter Monday, 39 for Ascension.
    pub(crate) easter: Option<Vec<i64>>,
}

choice!(
    /// A day of the week.
    WeekdayName,
    "Weekday",
    crate::rules::workdays::WEEKDAY_NAMES,
    &[]
);

/// A day of the year, "MM-DD".
#[derive(Debug)]
pub(crate) struct MonthDay(pub(crate) String);

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match crate::rules::workdays::parse_month_day(&s) {
            Some(_) => Ok(MonthDay(s)),
            None => Err(de::Error::custom(format!("`{s}` is not a day of the year: write MM-DD, e.g. \"05-01\""))),
        }
    }
}

impl JsonSchema for MonthDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MonthDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day of the year, MM-DD, e.g. \"05-01\" for the first of May.",
            "type": "string",
            "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}
