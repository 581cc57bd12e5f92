//! The waterfall: the walk from the first level to the total, as `[result] waterfall` declares it.

use rust_decimal::Decimal;
use typed_index_collections::TiSlice;

use crate::eval::{Bar, Output};
use crate::ids::StepId;
use crate::rulebook::{Rulebook, WaterfallBar};
use crate::value::Value;

/// The bars; `None` when a running total does not fit a decimal.
pub(crate) fn waterfall(rb: &Rulebook, outputs: &TiSlice<StepId, Option<Output>>, total: &Value) -> Option<Vec<Bar>> {
    let mut bars: Vec<Bar> = Vec::new();
    let mut running = Decimal::ZERO;
    for (k, bar) in rb.result.waterfall.iter().enumerate() {
        let (i, add) = match *bar {
            WaterfallBar::Level(i) => (i, false),
            WaterfallBar::Add(i) => (i, true),
        };
        let Some(o) = outputs[i].as_ref() else { continue };
        let value = o.value.as_number().unwrap_or_default();
        let delta = if add || k == 0 { value } else { value.checked_sub(running)? };
        running = if add { running.checked_add(value)? } else { value };
        let label = rb.result.bar_labels.iter().find(|(s, _)| *s == i).map_or_else(|| o.label.clone(), |(_, l)| rb.render_label(l));
        bars.push(Bar { name: o.name.clone(), label: label.into(), delta, running, start: k == 0 });
    }
    if let (Some(t), false) = (total.as_number(), bars.is_empty())
        && t != running
    {
        bars.push(Bar {
            name: "(other)".into(),
            label: msg!("eval-waterfall-other"),
            delta: t.checked_sub(running)?,
            running: t,
            start: false,
        });
    }
    Some(bars)
}
