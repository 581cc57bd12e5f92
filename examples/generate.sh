#!/usr/bin/env bash
# Regenerates the synthetic example cases (never real data). Deterministic: the same command gives
# byte-identical files, and a test checks that the committed examples are up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p peps -- synth --force --profile malakoff_like --seed 1 --out examples/malakoff
cargo run -q -p peps -- synth --force --profile small_msp --seed 1 --out examples/msp
cargo run -q -p peps -- synth --force --profile ineligible --seed 1 --out examples/ineligible
