#!/usr/bin/env bash
# The peers' workload computed by `peps` straight from their national files (no split step):
#
#   bench/peers/run.sh DATA_DIR OUT_CSV [OPTION...]
#
# DATA_DIR holds patients.csv and activity.csv as gen_data.py writes them; OUT_CSV gets the peers'
# format (team_id,n_eligible,base,ffs,total_before_cap,cap,total, '.' decimals). The rulebook and
# the norms are those of this folder; the patients' team_id column cuts the files, the acts find
# their team through their patient (the [[link]] of norms/peers_activity). This is the timed path
# of compare.sh: a release build of `peps` and nothing else (build it first:
# `cargo build --release -p peps`; PEPS=path overrides the binary). Any OPTION is passed on to
# `peps compute` (compare.sh's TIMINGS=1 passes `--timings`).
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: bench/peers/run.sh DATA_DIR OUT_CSV [OPTION...]" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peps="${PEPS:-${CARGO_TARGET_DIR:-$root/target}/release/peps}"
[ -x "$peps" ] || { echo "no release build of peps at $peps: run cargo build --release -p peps" >&2; exit 2; }

exec "$peps" compute --year 2025 --rules "$here/rules" --norms "$here/norms" \
    --partition-by team_id --format csv \
    --outputs n_eligible,base,ffs,total_before_cap,cap \
    --columns team_id=case,n_eligible,base,ffs,total_before_cap,cap,total --delimiter , \
    "${@:3}" "$1" > "$2"
