//! Binding `[result]`: the total, its components, the eligibility gate and the waterfall.

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::ids::StepId;
use crate::mechanism::Plan;
use crate::rulebook::manifest::Manifest;
use typed_index_collections::TiSlice;

use crate::rulebook::{ResultSpec, Step, WaterfallBar};
use crate::value::Unit;

pub(crate) fn bind_result(steps: &TiSlice<StepId, Step>, m: &Manifest, diags: &mut Vec<Diagnostic>) -> Option<ResultSpec> {
    let find = |s: &toml::Spanned<String>, diags: &mut Vec<Diagnostic>| -> Option<StepId> {
        let i = steps.position(|x| x.def.name == *s.get_ref());
        if i.is_none() {
            let mut d = Diagnostic::error(Code::UndefinedName, msg!("rules-result-no-step", name = s.get_ref()))
                .at(m.result_loc.clone())
                .undefined(s.get_ref());
            if let Some(c) = did_you_mean(s.get_ref(), steps.iter().map(|s| s.def.name.as_str())) {
                d = d.hint(msg!("rules-did-you-mean", name = c));
            }
            diags.push(d);
        }
        i
    };
    let total = find(m.total.as_ref()?, diags);
    let components: Vec<Option<StepId>> = m.components.iter().map(|c| find(c, diags)).collect();
    let gate = m.gate.as_ref().map(|g| find(g, diags));
    if let Some(Some(g)) = gate
        && !matches!(steps[g].plan, Plan::Checks(_))
    {
        diags
            .push(Diagnostic::error(Code::InvalidValue, msg!("rules-gate-not-checks", name = &steps[g].def.name)).at(m.result_loc.clone()));
        return None;
    }
    let waterfall: Vec<Option<WaterfallBar>> = m
        .waterfall
        .iter()
        .map(|w| match w.get_ref().strip_prefix('+') {
            Some(name) => find(&toml::Spanned::new(w.span(), name.to_string()), diags).map(WaterfallBar::Add),
            None => find(w, diags).map(WaterfallBar::Level),
        })
        .collect();
    if let Some(Some(WaterfallBar::Add(_))) = waterfall.first() {
        diags.push(Diagnostic::error(Code::InvalidValue, msg!("rules-waterfall-starts-with-level")).at(m.result_loc.clone()));
    }
    let bar_labels = m
        .bar_labels
        .iter()
        .filter_map(|(name, label)| {
            let step = find(name, diags)?;
            let is_bar = waterfall.iter().flatten().any(|b| matches!(*b, WaterfallBar::Level(s) | WaterfallBar::Add(s) if s == step));
            if !is_bar {
                diags.push(
                    Diagnostic::error(Code::InvalidValue, msg!("report-bar-label-not-a-bar", name = name.get_ref()))
                        .at(m.result_loc.clone()),
                );
            }
            Some((step, label.clone()))
        })
        .collect();
    let total = total?;
    let components: Vec<StepId> = components.into_iter().collect::<Option<_>>()?;
    check_components_read(steps, m, total, &components, diags);
    Some(ResultSpec { bar_labels, total, components, gate: gate.flatten(), waterfall: waterfall.into_iter().collect::<Option<_>>()? })
}

/// The components of `[result]` are what the total adds up: an amount the total reads that is
/// not a component, or a component the total does not read, would fail every case at evaluation
/// (X302) after its figures were shown; it is refused at load instead.
fn check_components_read(steps: &TiSlice<StepId, Step>, m: &Manifest, total: StepId, components: &[StepId], diags: &mut Vec<Diagnostic>) {
    // A total that is its own component reads whatever it needs: nothing to compare.
    if components.is_empty() || components.contains(&total) {
        return;
    }
    let total_step = &steps[total];
    let name = |s: StepId| steps[s].def.name.as_str();
    for &read in total_step.deps.iter().filter(|d| steps[**d].unit == Unit::Eur && !components.contains(d)) {
        diags.push(
            Diagnostic::error(Code::ResultFormula, msg!("rules-result-component-missing", total = name(total), step = name(read)))
                .at(m.result_loc.clone())
                .hint(msg!("rules-result-components-hint")),
        );
    }
    for &unread in components.iter().filter(|c| !total_step.deps.contains(c)) {
        diags.push(
            Diagnostic::error(Code::ResultFormula, msg!("rules-result-component-unread", total = name(total), step = name(unread)))
                .at(m.result_loc.clone())
                .hint(msg!("rules-result-components-hint")),
        );
    }
}
