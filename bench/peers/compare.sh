#!/usr/bin/env bash
# `peps` side by side with polars and DuckDB on the peers' workload (a benchmark, never a test):
#
#   bench/peers/compare.sh [PATIENTS]        (default 1000000: 2,500 teams, about 5 M acts)
#
# Generates the data once (gen_data.py, cached in $PEERS_DATA, default /tmp/peers-data), runs the
# oracle once, then $ROUNDS rounds (default 3) of polars, DuckDB and peps (bench/peers/run.sh,
# from the national files) one after the other, so that the machine's load falls on each alike.
# Every output is checked against the oracle, team by team and column by column, to the cent
# (compare.py): any difference stops the run. Prints the median wall time, CPU time (user +
# system) and peak memory (max RSS) of each, whole processes measured by ../measure.py, the
# ratios of peps to polars and to DuckDB, the load average before and after, the CPU time other
# processes took during the timed runs, and whether the machine was quiet (the rule of
# BENCHMARKS.md: load average below 1 at the start, other processes below 1 core during every
# run). TIMINGS=1 adds one untimed run of peps with `--timings` and prints where its time went.
# polars and DuckDB are installed from requirements.txt into a venv under the cargo target folder
# ($PEERS_VENV), never committed. PEPS=path times that binary as it is (no build). PEPS_ARGS
# adds options to every run of peps (PEPS_ARGS='--held 32': the rows held a group of teams at a
# time, at most 32 MiB of them).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
patients="${1:-1000000}"
teams=$(( patients / 400 > 0 ? patients / 400 : 1 ))
rounds="${ROUNDS:-3}"
target="${CARGO_TARGET_DIR:-$root/target}"
data="${PEERS_DATA:-/tmp/peers-data}/p${patients}_t${teams}"
venv="${PEERS_VENV:-$target/peers-venv}"
out="$(mktemp -d "${TMPDIR:-/tmp}/peers-compare.XXXXXX")"
measure="$root/bench/measure.py"
[ -x /usr/bin/time ] || { echo "compare.sh needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $load_before"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); $patients patients, $teams teams, $rounds rounds; outputs in $out"

if [ ! -f "$data/activity.csv" ]; then
    python3 "$here/gen_data.py" --patients "$patients" --teams "$teams" --out "$data" >/dev/null
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
# PEPS=path times that binary as it is; by default the release build, brought up to date.
if [ -z "${PEPS:-}" ]; then
    (cd "$root" && cargo build --release -q -p peps)
    export PEPS="$target/release/peps"
fi
echo "peps: $PEPS ($("$PEPS" --version))${PEPS_ARGS:+ $PEPS_ARGS}; polars and DuckDB: $venv"
# Once each, untimed: the files in the page cache, and the oracle.
cat "$data/patients.csv" "$data/activity.csv" > /dev/null
python3 "$here/reference/peps_reference.py" "$data" "$out/reference.csv" 2>/dev/null

# One timed run of TOOL, its result in $out/TOOL.csv, its figures appended to $out/times.jsonl.
run() {
    local cmd
    case "$1" in
        polars) cmd=("$venv/bin/python" "$here/polars/peps_polars.py") ;;
        duckdb) cmd=("$venv/bin/python" "$here/duckdb/peps_duckdb.py") ;;
        peps) cmd=("$here/run.sh") ;;
    esac
    local extra=()
    [ "$1" = peps ] && read -r -a extra <<< "${PEPS_ARGS:-}"
    python3 "$measure" run "$out/times.jsonl" "$1" -- "${cmd[@]}" "$data" "$out/$1.csv" "${extra[@]}"
}
# Stops the benchmark unless $out/TOOL.csv agrees with the oracle on every team and column.
check() {
    if ! python3 "$here/compare.py" "$out/reference.csv" "$out/$1.csv" > "$out/$1.compare"; then
        cat "$out/$1.compare"
        echo "$1 differs from the oracle ($2)" >&2
        exit 1
    fi
    if grep -v "exact \([0-9]*\)/\1 " "$out/$1.compare" | grep -q "exact"; then
        cat "$out/$1.compare"
        echo "$1 differs from the oracle on a column ($2)" >&2
        exit 1
    fi
}

for round in $(seq "$rounds"); do
    for tool in polars duckdb peps; do
        run "$tool" > /dev/null 2>> "$out/$tool.log" \
            || { tail -n 20 "$out/$tool.log"; echo "$tool failed (round $round)" >&2; exit 1; }
        check "$tool" "round $round"
    done
done
echo "every team of every tool agrees with the oracle on every column, to the cent:"
sed 's/^/  /' "$out/peps.compare"
echo
python3 "$measure" table "$out/times.jsonl" --vs peps:polars --vs peps:duckdb --vs duckdb:polars
python3 "$measure" quiet "$out/times.jsonl" "$load_before"

if [ "${TIMINGS:-0}" = 1 ]; then
    # Untimed: the breakdown of one more run of peps (--timings, on stderr), checked like the others.
    read -r -a extra <<< "${PEPS_ARGS:-}"
    PEPS_LANG="${PEPS_LANG:-en}" "$here/run.sh" "$data" "$out/peps.csv" "${extra[@]}" --timings 2> "$out/peps.timings" \
        || { cat "$out/peps.timings"; exit 1; }
    check peps "the run with --timings"
    echo
    echo "where peps's time goes (one untimed run with --timings, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
    sed 's/^/  /' "$out/peps.timings"
fi

