#!/usr/bin/env bash
# Benchmark of `peps validate` on a large synthetic ACTNOM file (a benchmark, never a test).
#
#   bench/validate.sh [N_PATIENTS]      (default 900000: about 5 million act rows, 400 MB)
#
# Generates a malakoff_like case with peps-synth (once; kept in $BENCH_DIR), keeps the rows a
# valid deposit has, then times a release build of `peps validate` on the whole file and on its
# first million rows with /usr/bin/time -v (CPU time, wall time, peak memory). The figures of a run
# are recorded in BENCHMARKS.md, section "validate".
set -euo pipefail

cd "$(dirname "$0")/.."
N_PATIENTS="${1:-900000}"
BENCH_DIR="${BENCH_DIR:-/tmp/peps-bench-validate}"
TARGET="${CARGO_TARGET_DIR:-target}"
NAME="A51_PEPS_16_ACTNOM_20250101_20251231.csv"

cargo build --release -q -p peps
cargo build --release -q -p peps-synth --example synth_case

CASE="$BENCH_DIR/case-$N_PATIENTS"
FULL="$BENCH_DIR/full-$N_PATIENTS/$NAME"
PART="$BENCH_DIR/head-1000000/$NAME"
if [ ! -f "$FULL" ]; then
    mkdir -p "$(dirname "$FULL")" "$(dirname "$PART")"
    "$TARGET/release/examples/synth_case" malakoff_like 1 "$CASE" "$N_PATIENTS" > /dev/null
    # The generator writes, on purpose, acts outside the annexe 1 list (DEQP003, an ECG) and, by a
    # bug of its calendar, a few acts on 1 January of the next year: a deposit has neither.
    grep -v -e ';DEQP003;' -e ';01/01/2026;' "$CASE/$NAME" > "$FULL"
    head -n 1000001 "$FULL" > "$PART"
fi

for file in "$PART" "$FULL"; do
    rows=$(($(wc -l < "$file") - 1))
    cat "$file" > /dev/null # in the page cache, as in the measures of BENCHMARKS.md
    echo "== $rows rows, $(du -m "$file" | cut -f1) MB: $file"
    # The file is clean (exit 0); any other exit shows what went wrong and stops the benchmark.
    /usr/bin/time -v "$TARGET/release/peps" validate "$file" 2> "$BENCH_DIR/time.txt" > "$BENCH_DIR/report.txt" \
        || { cat "$BENCH_DIR/report.txt" "$BENCH_DIR/time.txt"; exit 1; }
    head -n 1 "$BENCH_DIR/report.txt"
    grep -E "User time|System time|Elapsed|Maximum resident" "$BENCH_DIR/time.txt"
    awk -v rows="$rows" '/User time/ { u = $4 } /System time/ { s = $4 }
        END { printf "   %.2f M rows/s per CPU second (user + system)\n", rows / (u + s) / 1e6 }' "$BENCH_DIR/time.txt"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
