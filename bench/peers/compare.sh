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
# system) and peak memory (max RSS) of each, whole processes measured by /usr/bin/time, and their
# ratios to polars. polars and DuckDB are installed from requirements.txt into a venv under the
# cargo target folder ($PEERS_VENV), never committed.
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
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "compare.sh needs GNU time (/usr/bin/time; Debian package \`time\`)" >&2; exit 2; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
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
# Once each, untimed: the files in the page cache, and the oracle.
cat "$data/patients.csv" "$data/activity.csv" > /dev/null
python3 "$here/reference/peps_reference.py" "$data" "$out/reference.csv" 2>/dev/null

run() {
    case "$1" in
        polars) "$TIME" -f "%e %U %S %M" -o "$out/time" "$venv/bin/python" "$here/polars/peps_polars.py" "$data" "$out/polars.csv" ;;
        duckdb) "$TIME" -f "%e %U %S %M" -o "$out/time" "$venv/bin/python" "$here/duckdb/peps_duckdb.py" "$data" "$out/duckdb.csv" ;;
        peps) "$TIME" -f "%e %U %S %M" -o "$out/time" "$here/run.sh" "$data" "$out/peps.csv" ;;
    esac
}

for round in $(seq "$rounds"); do
    for tool in polars duckdb peps; do
        run "$tool" > /dev/null 2>> "$out/$tool.log"
        echo "$tool $(cat "$out/time")" >> "$out/times"
        if ! python3 "$here/compare.py" "$out/reference.csv" "$out/$tool.csv" > "$out/$tool.compare"; then
            cat "$out/$tool.compare"
            echo "$tool differs from the oracle (round $round)" >&2
            exit 1
        fi
        if grep -v "exact \([0-9]*\)/\1 " "$out/$tool.compare" | grep -q "exact"; then
            cat "$out/$tool.compare"
            echo "$tool differs from the oracle on a column (round $round)" >&2
            exit 1
        fi
    done
done
echo "every team of every tool agrees with the oracle on every column, to the cent:"
sed 's/^/  /' "$out/peps.compare"

python3 - "$out/times" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, wall, user, sys_, rss = line.split()
    rows.setdefault(tool, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
med = {t: [statistics.median(v[i] for v in r) for i in range(3)] for t, r in rows.items()}
p = med["polars"]
print(f"{'':8} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}   {'wall/polars':>11} {'CPU/polars':>10} {'mem/polars':>10}   (medians of {len(rows['polars'])} runs)")
for t, (w, c, m) in med.items():
    print(f"{t:8} {w:8.2f} {c:8.2f} {m:9.1f}   {w / p[0]:11.2f} {c / p[1]:10.2f} {m / p[2]:10.2f}")
PY
