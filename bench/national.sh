#!/usr/bin/env bash
# Benchmarks of `peps compute` at national scale (benchmarks, never tests). Run on demand:
#
#   bench/national.sh [SCALES]      (default "1 10 100"; scale 1 = 50 teams, 100,000 patients)
#
# For each scale, writes a synthetic nation with `peps synth --teams` (once; kept in $BENCH_DIR),
# reads it once so it is in the page cache, then times a release build of
# `peps compute --year 2025 --timings` over it with /usr/bin/time (wall, CPU, peak memory),
# on every core and on one thread, and checks that both give byte-identical results.
# Then times the two small figures: load and check of every rulebook, and one Malakoff-like team
# end to end (process start to output), best of 10 runs each.
# The figures are recorded in BENCHMARKS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
SCALES="${1:-1 10 100}"
BENCH_DIR="${BENCH_DIR:-/tmp/peps-bench-national}"
TARGET="${CARGO_TARGET_DIR:-target}"
PEPS="$TARGET/release/peps"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench/national.sh needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }

cargo build --release -q -p peps
mkdir -p "$BENCH_DIR"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

for scale in $SCALES; do
    teams=$((50 * scale))
    patients=$((100000 * scale))
    nation="$BENCH_DIR/nation-$scale"
    if [ ! -f "$nation/README.md" ]; then
        echo "== writing scale $scale: $teams teams, $patients patients"
        $TIME -f "   synth: %e s wall, %U+%S s CPU, %M KB peak" "$PEPS" synth --teams "$teams" --patients "$patients" --seed 1 -o "$nation"
    fi
    echo "== scale $scale: $teams teams, $patients patients, $(du -sm "$nation" | cut -f1) MB"
    cat "$nation"/*/*.csv > /dev/null
    for threads in 0 1; do
        label=$([ "$threads" = 0 ] && echo "all cores" || echo "1 thread")
        $TIME -f "   compute ($label): %e s wall, %U+%S s CPU, %M KB peak" \
            "$PEPS" compute --year 2025 --format csv --threads "$threads" --timings "$nation" \
            > "$BENCH_DIR/result-$scale-$threads.csv" 2> "$BENCH_DIR/timings-$scale-$threads.txt" \
            || { cat "$BENCH_DIR/timings-$scale-$threads.txt"; exit 1; }
        sed 's/^/   /' "$BENCH_DIR/timings-$scale-$threads.txt"
    done
    if cmp -s "$BENCH_DIR/result-$scale-0.csv" "$BENCH_DIR/result-$scale-1.csv"; then
        echo "   results identical on all cores and on 1 thread ($(tail -n 1 "$BENCH_DIR/result-$scale-0.csv" | cut -d';' -f1-5))"
    else
        echo "   RESULTS DIFFER between thread counts" >&2
        exit 1
    fi
done

best_of_10() {
    local best=999999
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        local start end ms
        start=$(date +%s%N)
        "$@" > /dev/null
        end=$(date +%s%N)
        ms=$(((end - start) / 1000000))
        [ "$ms" -lt "$best" ] && best=$ms
    done
    echo "$best"
}
echo "== load and check every rulebook and norm (peps rules check): best of 10 $(best_of_10 "$PEPS" rules check) ms"
echo "== one Malakoff-like team end to end (peps compute examples/malakoff): best of 10 $(best_of_10 "$PEPS" compute --year 2025 examples/malakoff) ms"
