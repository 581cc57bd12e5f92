//! The evaluation order of steps: by dependency, declaration order among the ready ones, the
//! gate and its ancestors first; a cycle is reported with its path.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use typed_index_collections::{TiSlice, TiVec};

use crate::diagnostic::{Code, Diagnostic};
use crate::ids::StepId;
use crate::rulebook::{ResultSpec, Step};

/// Orders steps by dependency (declaration order among the ready ones), the gate and its
/// ancestors first; reports cycles.
pub(crate) fn order_steps(steps: &TiSlice<StepId, Step>, result: &ResultSpec, diags: &mut Vec<Diagnostic>) -> Option<Vec<StepId>> {
    let n = steps.len();
    let mut indegree: TiVec<StepId, usize> = vec![0; n].into();
    let mut dependents: TiVec<StepId, Vec<StepId>> = vec![Vec::new(); n].into();
    for (i, s) in steps.iter_enumerated() {
        for &d in &s.deps {
            indegree[i] += 1;
            dependents[d].push(i);
        }
    }
    let mut ready: BinaryHeap<Reverse<StepId>> = steps.keys().filter(|&i| indegree[i] == 0).map(Reverse).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(Reverse(i)) = ready.pop() {
        topo.push(i);
        for &j in &dependents[i] {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse(j));
            }
        }
    }
    if topo.len() < n {
        let stuck: Vec<StepId> = steps.keys().filter(|i| !topo.contains(i)).collect();
        let cycle = find_cycle(steps, &stuck);
        let names: Vec<&str> = cycle.iter().map(|&i| steps[i].def.name.as_str()).collect();
        diags.push(
            Diagnostic::error(Code::CyclicSteps, msg!("rules-steps-cycle", cycle = format!("{} → {}", names.join(" → "), names[0])))
                .at(steps[cycle[0]].def.location.clone())
                .hint(msg!("rules-steps-cycle-hint")),
        );
        return None;
    }
    let Some(gate) = result.gate else { return Some(topo) };
    let ancestors = ancestors(steps, gate);
    let mut order: Vec<StepId> = topo.iter().copied().filter(|&i| ancestors[i]).collect();
    order.push(gate);
    order.extend(topo.iter().copied().filter(|&i| !ancestors[i] && i != gate));
    Some(order)
}

/// Whether each step is one that `step` depends on, directly or not.
fn ancestors(steps: &TiSlice<StepId, Step>, step: StepId) -> TiVec<StepId, bool> {
    let mut ancestors: TiVec<StepId, bool> = vec![false; steps.len()].into();
    let mut stack = vec![step];
    while let Some(s) = stack.pop() {
        for &d in &steps[s].deps {
            if !ancestors[d] {
                ancestors[d] = true;
                stack.push(d);
            }
        }
    }
    ancestors
}

/// A cycle among `stuck`, the steps a topological sort could not order, as a path.
pub(crate) fn find_cycle(steps: &TiSlice<StepId, Step>, stuck: &[StepId]) -> Vec<StepId> {
    let start = stuck[0];
    let mut path = vec![start];
    let mut current = start;
    loop {
        let Some(&next) = steps[current].deps.iter().find(|d| stuck.contains(d)) else { return path };
        if let Some(pos) = path.iter().position(|&p| p == next) {
            let mut cycle = path[pos..].to_vec();
            cycle.reverse();
            return cycle;
        }
        path.push(next);
        current = next;
    }
}
