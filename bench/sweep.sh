#!/usr/bin/env bash
# Benchmark of `peps impact --sweep` (a benchmark, never a test). Run on demand:
#
#   bench/sweep.sh [SCALE] [VALUES]     (default scale 10 = 500 teams, 1,000,000 patients; 20 values)
#
# Writes a synthetic nation with `peps synth --teams` (once; kept in $BENCH_DIR, as
# bench/national.sh does), reads it once so it is in the page cache, then times
# `peps impact --year 2025 --sweep prestations.G.tarif=FROM..TO:STEP` over it, VALUES values around
# the shipped tariff of G (read from rules/2025/prestations.toml, never written here), with
# farm-bench when it is installed (median of RUNS runs, default 3), else /usr/bin/time (one run).
# The cases are read once; each value only rebinds the rulebook, so the time is about one read of
# the nation plus VALUES evaluations of it, plus the attribution of the largest step.
#
# PEPS=path/to/peps uses that binary (for instance a debug build) instead of building a release.
set -euo pipefail

cd "$(dirname "$0")/.."
SCALE="${1:-10}"
VALUES="${2:-20}"
RUNS="${RUNS:-3}"
BENCH_DIR="${BENCH_DIR:-/tmp/peps-bench-national}"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ -z "${PEPS:-}" ]; then
    cargo build --release -q -p peps
    PEPS="$TARGET/release/peps"
fi
mkdir -p "$BENCH_DIR"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), binary $PEPS"

teams=$((50 * SCALE))
patients=$((100000 * SCALE))
nation="$BENCH_DIR/nation-$SCALE"
if [ ! -f "$nation/README.md" ]; then
    echo "== writing scale $SCALE: $teams teams, $patients patients"
    "$PEPS" synth --teams "$teams" --patients "$patients" --seed 1 -o "$nation" > /dev/null
fi
cat "$nation"/*/*.csv > /dev/null

# VALUES values by 0.10 € ending at the shipped tariff.
tariff=$(awk '/code = "G"/ {g=1} g && /^tarif/ {gsub(/[^0-9.]/, "", $3); print $3; exit}' rules/2025/prestations.toml)
from=$(awk -v t="$tariff" -v n="$VALUES" 'BEGIN {printf "%.2f", t - (n - 1) * 0.10}')
spec="prestations.G.tarif=$from..$tariff:0.10"
echo "== sweep $spec over $teams teams, $patients patients ($(du -sm "$nation" | cut -f1) MB)"
cmd=("$PEPS" impact --year 2025 --sweep "$spec" --format csv "$nation")
if command -v farm-bench > /dev/null; then
    farm-bench -n "$RUNS" --warmup 0 --timeout 3600 -- "${cmd[@]}"
else
    /usr/bin/time -f "   sweep: %e s wall, %U+%S s CPU, %M KB peak" "${cmd[@]}" > /dev/null
fi
"${cmd[@]}" 2> /dev/null | awk -F';' 'NR > 1 {n++} END {print "   rows: " n " values"}'
