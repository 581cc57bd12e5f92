#!/usr/bin/env bash
# Benchmarks of `peps compute` at national scale (benchmarks, never tests). Run on demand:
#
#   bench/national.sh [SCALES]      (default "1 10 100"; scale 1 = 50 teams, 100,000 patients)
#
# For each scale, writes a synthetic nation with `peps synth --teams` (once; kept in $BENCH_DIR),
# reads it once so it is in the page cache, then times `peps compute --year 2025 --timings` over
# it on every core, $ROUNDS times (default 3), and once on one thread, and checks that both give
# byte-identical results. At scale 10 (1 M patients, 4.9 M acts), each round also runs polars on
# the peers' simplified formula at 1 M patients (bench/peers: the same program and data as
# bench/peers/compare.sh, whose "polars' simplified formula at 1 M" is the reference of the
# issues), alternated with peps, and prints the ratio of the whole 2025 rulebook to it.
# Then times the two small figures, 10 runs each: load and check of every rulebook, and one
# Malakoff-like team end to end (process start to output); median and best.
# Whole processes are measured by bench/measure.py (wall, CPU = user + system, peak memory = max
# RSS; medians); it also prints the load average before and after, the CPU time other processes
# took during the timed runs, and whether the machine was quiet (BENCHMARKS.md, "Method").
# PEPS=path times that binary as it is (no build); by default the release build, brought up to
# date. The figures of a quiet run are recorded in BENCHMARKS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"
SCALES="${*:-1 10 100}"
ROUNDS="${ROUNDS:-3}"
BENCH_DIR="${BENCH_DIR:-/tmp/peps-bench-national}"
TARGET="${CARGO_TARGET_DIR:-target}"
PEERS_DATA="${PEERS_DATA:-/tmp/peers-data}/p1000000_t2500"
PEERS_VENV="${PEERS_VENV:-$TARGET/peers-venv}"
measure="$root/bench/measure.py"
export PEPS_LANG="${PEPS_LANG:-en}" # the --timings printed below, in the language of this script
[ -x /usr/bin/time ] || { echo "bench/national.sh needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${PEPS:-}" ]; then
    cargo build --release -q -p peps
    PEPS="$TARGET/release/peps"
fi
[ -x "$PEPS" ] || { echo "no peps binary at $PEPS" >&2; exit 2; }
mkdir -p "$BENCH_DIR"
out="$(mktemp -d "${TMPDIR:-/tmp}/peps-national.XXXXXX")"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $load_before"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); peps: $PEPS; $ROUNDS rounds; measures in $out"

# polars' side of scale 10: the peers' 1 M patients and a venv with polars (as compare.sh makes them).
if [[ " $SCALES " == *" 10 "* ]]; then
    if [ ! -f "$PEERS_DATA/activity.csv" ]; then
        python3 bench/peers/gen_data.py --patients 1000000 --teams 2500 --out "$PEERS_DATA" > /dev/null
    fi
    if [ ! -x "$PEERS_VENV/bin/python" ]; then
        python3 -m venv "$PEERS_VENV"
        "$PEERS_VENV/bin/pip" install -q -r bench/peers/requirements.txt
    fi
fi

for scale in $SCALES; do
    teams=$((50 * scale))
    patients=$((100000 * scale))
    nation="$BENCH_DIR/nation-$scale"
    log="$out/scale-$scale.jsonl"
    if [ ! -f "$nation/README.md" ]; then
        echo "== writing scale $scale: $teams teams, $patients patients"
        /usr/bin/time -f "   synth: %e s wall, %U+%S s CPU, %M KB peak" "$PEPS" synth --teams "$teams" --patients "$patients" --seed 1 -o "$nation"
    fi
    echo "== scale $scale: $teams teams, $patients patients, $(du -sm "$nation/" | cut -f1) MB"
    cat "$nation"/*/*.csv > /dev/null
    if [ "$scale" = 10 ]; then
        cat "$PEERS_DATA/patients.csv" "$PEERS_DATA/activity.csv" > /dev/null
    fi
    for _ in $(seq "$ROUNDS"); do
        python3 "$measure" run "$log" "peps, all cores" -- \
            "$PEPS" compute --year 2025 --format csv --threads 0 --timings "$nation" \
            > "$BENCH_DIR/result-$scale-0.csv" 2> "$BENCH_DIR/timings-$scale-0.txt" \
            || { cat "$BENCH_DIR/timings-$scale-0.txt"; exit 1; }
        if [ "$scale" = 10 ]; then
            python3 "$measure" run "$log" "polars, peers 1 M" -- \
                "$PEERS_VENV/bin/python" bench/peers/polars/peps_polars.py "$PEERS_DATA" "$out/polars.csv" \
                > /dev/null 2> "$out/polars.log" || { cat "$out/polars.log"; exit 1; }
        fi
    done
    python3 "$measure" run "$log" "peps, 1 thread" -- \
        "$PEPS" compute --year 2025 --format csv --threads 1 --timings "$nation" \
        > "$BENCH_DIR/result-$scale-1.csv" 2> "$BENCH_DIR/timings-$scale-1.txt" \
        || { cat "$BENCH_DIR/timings-$scale-1.txt"; exit 1; }
    python3 "$measure" table "$log" --vs "peps, all cores:polars, peers 1 M" | sed 's/^/   /'
    if [ "$scale" = 10 ]; then
        echo "   (polars: the peers' simplified formula on their 1 M patients and 5 M acts, $(( $(wc -l < "$out/polars.csv") - 1 )) teams; peps: the whole 2025 rulebook with every norm check)"
    fi
    for threads in 0 1; do
        echo "   --timings of the last run on $([ "$threads" = 0 ] && echo "all cores" || echo "1 thread"):"
        sed 's/^/     /' "$BENCH_DIR/timings-$scale-$threads.txt"
    done
    if cmp -s "$BENCH_DIR/result-$scale-0.csv" "$BENCH_DIR/result-$scale-1.csv"; then
        echo "   results identical on all cores and on 1 thread ($(tail -n 1 "$BENCH_DIR/result-$scale-0.csv" | cut -d';' -f1-5))"
    else
        echo "   RESULTS DIFFER between thread counts" >&2
        exit 1
    fi
done

# The two small figures, alternated: 10 runs each, median and best.
for _ in 1 2 3 4 5 6 7 8 9 10; do
    python3 "$measure" run "$out/small.jsonl" "rules check" -- "$PEPS" rules check > /dev/null 2>&1
    python3 "$measure" run "$out/small.jsonl" "Malakoff" -- "$PEPS" compute --year 2025 examples/malakoff > /dev/null 2>&1
done
echo "== load and check every rulebook and norm (peps rules check), one Malakoff-like team end to end (peps compute --year 2025 examples/malakoff):"
python3 "$measure" table "$out/small.jsonl" | sed 's/^/   /'

cat "$out"/*.jsonl > "$out/all-runs.jsonl"
python3 "$measure" quiet "$out/all-runs.jsonl" "$load_before"
