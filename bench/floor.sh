#!/usr/bin/env bash
# The floor on this machine for the peers' national files (a benchmark, never a test): how fast
# the bytes of bench/peers' two files can be read, split and typed with nothing computed.
#
#   bench/floor.sh [PATIENTS]      (default 1000000: the files of bench/peers/compare.sh, 286 MB)
#
# Each of $ROUNDS rounds (default 3), one after the other so that the machine's load falls on each
# alike: `cat` of both files to /dev/null (in the page cache: the cost of the bytes alone); polars
# `read_csv` of both, every column typed, every thread, nothing computed; DuckDB reading both into
# tables, typed likewise (bench/peers/read_alone.py for both); `peps validate` of each file alone
# (its checking and typing path: every field checked against the norm of bench/peers/norms, a
# file over 4 MiB in chunks on every core, no case cutting); and `peps validate` of both at once, one process
# each, to use both cores (and, for comparison, both given to one process). Prints a table of medians: wall, CPU (user + system), peak memory, MB
# per second of wall time and per CPU second, million rows per CPU second (one core's throughput),
# with polars's and DuckDB's read alone measured inside the process (no interpreter start nor
# import); then the load and whether the machine was quiet (bench/measure.py, BENCHMARKS.md).
# The data and the venv are compare.sh's ($PEERS_DATA, $PEERS_VENV). PEPS=path times that binary
# as it is (no build); by default the release build, brought up to date.
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"
patients="${1:-1000000}"
teams=$(( patients / 400 > 0 ? patients / 400 : 1 ))
ROUNDS="${ROUNDS:-3}"
TARGET="${CARGO_TARGET_DIR:-target}"
data="${PEERS_DATA:-/tmp/peers-data}/p${patients}_t${teams}"
venv="${PEERS_VENV:-$TARGET/peers-venv}"
measure="$root/bench/measure.py"
out="$(mktemp -d "${TMPDIR:-/tmp}/peps-floor.XXXXXX")"
[ -x /usr/bin/time ] || { echo "bench/floor.sh needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }
export PEPS_LANG="${PEPS_LANG:-en}"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$data/activity.csv" ]; then
    python3 bench/peers/gen_data.py --patients "$patients" --teams "$teams" --out "$data" > /dev/null
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r bench/peers/requirements.txt
fi
if [ -z "${PEPS:-}" ]; then
    cargo build --release -q -p peps
    PEPS="$TARGET/release/peps"
fi
[ -x "$PEPS" ] || { echo "no peps binary at $PEPS" >&2; exit 2; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $load_before"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); peps: $PEPS; $ROUNDS rounds; measures in $out"

# The sizes the table divides by: bytes and rows (header excluded) of each file.
for file in patients activity; do
    echo "$file $(stat -c %s "$data/$file.csv") $(( $(wc -l < "$data/$file.csv") - 1 ))"
done > "$out/sizes"
cat "$data/patients.csv" "$data/activity.csv" > /dev/null

# `peps validate` as the peers' files need it: their norms and rulebook (for the norms' versions).
validate=("$PEPS" validate --rules bench/peers/rules --norms bench/peers/norms --year 2025)
log="$out/times.jsonl"
for round in $(seq "$ROUNDS"); do
    python3 "$measure" run "$log" "cat" -- cat "$data/patients.csv" "$data/activity.csv" > /dev/null
    for tool in polars duckdb; do
        python3 "$measure" run "$log" "$tool" -- "$venv/bin/python" bench/peers/read_alone.py "$tool" "$data" \
            >> "$out/$tool.jsonl" 2> "$out/$tool.log" || { cat "$out/$tool.log"; exit 1; }
    done
    # Exit 0 is a clean file (the activity's identical rows are warnings its norm allows).
    for file in patients activity; do
        python3 "$measure" run "$log" "validate $file" -- "${validate[@]}" --norm "peers_$file" "$data/$file.csv" \
            > "$out/validate-$file.txt" 2>&1 || { cat "$out/validate-$file.txt"; exit 1; }
    done
    # Both files at once, one process each (the validator is one pass on one core).
    python3 "$measure" run "$log" "validate both" -- bash -c \
        '"${@:3}" --norm peers_patients "$2/patients.csv" > "$1/both-patients.txt" 2>&1 & first=$!
         "${@:3}" --norm peers_activity "$2/activity.csv" > "$1/both-activity.txt" 2>&1 && wait "$first"' \
        _ "$out" "$data" "${validate[@]}" || { cat "$out"/both-*.txt; exit 1; }
    # Both files given to one process, as a user would (each file finds its norm by its header).
    python3 "$measure" run "$log" "validate one process" -- "${validate[@]}" "$data/patients.csv" "$data/activity.csv" \
        > "$out/validate-one.txt" 2>&1 || { cat "$out/validate-one.txt"; exit 1; }
    echo "round $round of $ROUNDS done"
done
echo "peps validate says: $(head -n 1 "$out/validate-patients.txt"); $(head -n 1 "$out/validate-activity.txt")"

python3 - "$out" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
sys.dont_write_bytecode = True  # no __pycache__ left in bench/
sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
import measure  # noqa: E402  (bench/measure.py)

sizes = {}
for line in open(os.path.join(out, "sizes")):
    name, size, rows = line.split()
    sizes[name] = (int(size) / 1e6, int(rows))
both = tuple(map(sum, zip(*sizes.values())))
runs = measure.by_label(os.path.join(out, "times.jsonl"))
inproc = {t: [json.loads(line) for line in open(os.path.join(out, f"{t}.jsonl"))] for t in ("polars", "duckdb")}
tools = ", ".join(f"{r[0]['tool']} on {r[0]['threads']} threads" for r in inproc.values())


def row(label, mb_rows, wall, cpu, mib):
    mb, rows = mb_rows
    cells = [f"{wall:8.3f}", f"{cpu:8.3f}" if cpu is not None else f"{'':8}",
             f"{mib:9.1f}" if mib is not None else f"{'':9}", f"{mb / wall:9.0f}",
             f"{mb / cpu:11.0f}" if cpu else f"{'':11}", f"{rows / cpu / 1e6:11.2f}" if cpu else f"{'':11}"]
    print(f"{label:50} " + " ".join(cells))


print(f"\nthe floor: patients.csv {sizes['patients'][0]:.1f} MB, {sizes['patients'][1]:,} rows; "
      f"activity.csv {sizes['activity'][0]:.1f} MB, {sizes['activity'][1]:,} rows; in the page cache; {tools}")
print(f"{'':50} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'MB/s wall':>9} {'MB/CPU-s':>11} {'M rows/CPU-s':>11}")
spec = [("cat", "cat both files > /dev/null", both),
        ("polars", "polars read_csv both, typed (whole process)", both),
        ("duckdb", "DuckDB read_csv both into tables (whole process)", both),
        ("validate patients", "peps validate patients.csv alone", sizes["patients"]),
        ("validate activity", "peps validate activity.csv alone", sizes["activity"]),
        ("validate both", "peps validate both at once, 2 processes", both),
        ("validate one process", "peps validate both in one process", both)]
for label, text, mb_rows in spec:
    m = measure.medians(runs[label])
    row(text, mb_rows, m["wall"], m["cpu"], m["mib"])
    if label in inproc:
        for name in ("patients", "activity"):
            wall = statistics.median(r[name]["wall"] for r in inproc[label])
            cpu = statistics.median(r[name]["cpu"] for r in inproc[label])
            row(f"  of which reading {name}.csv, in the process", sizes[name], wall, cpu, None)
print("(medians of the rounds; whole processes measured by bench/measure.py, the in-process lines by the"
      " tool's own clock;\n the peak memory of 'both at once' is the larger process's; MB are 10^6 bytes)")
PY
python3 "$measure" quiet "$log" "$load_before"
