//! What a schedule is made of: payments and their basis, adjustments, the balance and its parts,
//! the movements that re-base advances, and the other dated milestones.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::rules::calendar::EventKind;
use crate::rules::calendar::deadlines::Deadline;
use crate::value::{Ratio, Status};

/// The schedule of one case for one year.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub scheme: String,
    pub year: i32,
    pub rulebook: String,
    /// The estimate of the first share advance, as found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
    /// Advances, complements and recorded payments, by date; the balance is apart.
    pub payments: Vec<Payment>,
    /// What the payments add up to: received where the case records it, planned otherwise.
    pub paid: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Balance>,
    /// Entries and exits that re-base the advances, with their effect on the estimate.
    pub movements: Vec<Movement>,
    pub deadlines: Vec<Deadline>,
    /// The working days each deposit rule counts its deadlines in: whether Saturday is one, and
    /// the parameter that says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub working_days: Vec<WorkingDayConvention>,
    /// The other dated events: notifications, ends, one-off deadlines.
    pub milestones: Vec<Milestone>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A named amount: an input or an output, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub name: String,
    pub label: String,
    pub value: Decimal,
}

/// The annual estimate advances are shares of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The first source that had a value: an input `section.name` or a step.
    pub source: Figure,
    /// Whether the source is a case input (else a step computed by the rules).
    pub from_input: bool,
    /// Taken off an estimate computed by the rules: what complements pay separately.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub less: Vec<Figure>,
    /// What the advances are shares of.
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentKind {
    Advance,
    Complement,
    /// A payment the case records that no event of the calendar plans.
    Recorded,
}

#[derive(Debug, Clone, Serialize)]
pub struct Payment {
    pub name: String,
    pub label: String,
    pub kind: PaymentKind,
    pub date: NaiveDate,
    pub basis: Basis,
    /// What the rules plan, adjustments included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Decimal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// What the case records as received for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<ReceivedAmount>,
    /// What counts: the received amount, else the planned one.
    pub amount: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReceivedAmount {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
}

/// How a payment's planned amount is found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Basis {
    /// `share` of the estimate as re-based on the payment's date, rounded: `base`.
    Share { share: Decimal, estimate: Decimal, rebased: Decimal, base: Decimal },
    /// A step's value.
    Output { name: String, label: String, value: Decimal },
    /// Recorded by the case, planned by no event.
    Recorded,
}

/// A part of a planned advance beyond its share of the current estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    pub amount: Decimal,
    /// For a re-basing: the movements (indexes in `Schedule::movements`) that caused it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub movements: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// The earlier advances brought to their share of the re-based estimate.
    Rebase,
    /// The earlier advances as received differ from what the rules planned.
    ReceivedDifference,
    /// The cents left over by rounding each advance, on the last one.
    Rounding,
}

#[derive(Debug, Clone, Serialize)]
pub struct Balance {
    pub name: String,
    pub label: String,
    pub date: NaiveDate,
    pub final_amount: Figure,
    pub paid: Decimal,
    /// `final_amount − paid`: positive, paid to the case; negative, owed by it.
    pub amount: Decimal,
    pub parts: Vec<BalancePart>,
    /// What the rules say a balance of this sign means.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
    pub(crate) status: Status,
    pub(crate) reference: String,
}

/// The balance split by cause: each complement settled (observed less paid), and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalancePart {
    pub kind: PartKind,
    pub(crate) name: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<Decimal>,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Complement,
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MovementKind {
    Entry,
    Exit,
}

/// An entry or exit of a member after the reference date of a re-basing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Movement {
    pub rule: String,
    pub rule_label: String,
    /// The member, as the rule's `id` column names it.
    pub member: String,
    pub group: String,
    pub kind: MovementKind,
    /// The date in the data: first day present, or last day present.
    pub date: NaiveDate,
    /// The first day the presence changes.
    pub effective: NaiveDate,
    pub weight: Decimal,
    /// Members of the group present on the reference date.
    pub members: u32,
    /// With a measure (a full-time equivalent): the member's, and the group's total on the
    /// reference date; the member then weighs `measure / group_measure` of its group, not
    /// `1 / members`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_measure: Option<Decimal>,
    /// Days of presence added (positive) or removed (negative) over the period.
    pub days: i64,
    pub period_days: i64,
    /// `weight × (its part of the group) × days / period_days`: the share of the estimate it moves.
    pub(crate) coefficient: Decimal,
    /// The coefficient as the exact fraction it is, which multiplies the estimate before it
    /// divides it.
    #[serde(skip)]
    pub(crate) fraction: Ratio,
    /// The change of the schedule's estimate, rounded to the cent.
    pub effect: Decimal,
    /// The first advance that takes it into account; none when only the balance settles it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_from: Option<String>,
}

/// The working days of a deposit rule's deadlines, as the schedule states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkingDayConvention {
    /// The deposit rule.
    pub rule: String,
    /// Whether Saturday counts as a working day.
    pub saturday_is_working_day: bool,
    /// The days of the week that never count (`saturday`, `sunday`).
    pub weekend: Vec<&'static str>,
    /// How many holidays a year besides: on a fixed day, and moving with Easter.
    pub fixed_holidays: usize,
    pub easter_holidays: usize,
    /// The parameter that sets Saturday, when the rules make it one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<ConventionSource>,
}

/// The parameter a convention comes from, with its status and reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConventionSource {
    pub name: String,
    pub label: String,
    pub status: Status,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub name: String,
    pub label: String,
    pub kind: EventKind,
    pub date: NaiveDate,
}
