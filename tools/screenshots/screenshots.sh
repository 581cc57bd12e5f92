#!/usr/bin/env bash
# Writes the director's pages of the examples (`peps compute --format html`, French and English)
# and takes their screenshots at a phone's width (375 px), a desktop's (1280 px) and as printed,
# in headless Chromium, failing when a page needs a sideways scroll. Neither the build nor the
# tests need it (nor Chromium, nor Node).
# Usage: tools/screenshots/screenshots.sh [OUT_DIR]   (default: target/screenshots)
# Needs Node and Chromium (Debian: `apt-get install -y chromium`; CHROMIUM=path for another);
# installs playwright-core beside this script on its first run (node_modules is not committed).
# The pages bear the date of the last commit (SOURCE_DATE_EPOCH), so that two runs compare.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:-$root/target/screenshots}")
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi
cd "$root"
peps=${PEPS:-$root/target/debug/peps}
[ -x "$peps" ] || cargo build -q -p peps
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
mkdir -p "$out"
"$peps" compute --year 2025 --format html examples/msp >"$out/msp.html" 2>/dev/null
"$peps" compute --year 2025 --format html --lang en examples/msp >"$out/msp-en.html" 2>/dev/null
"$peps" compute --year 2025 --format html examples/ineligible >"$out/ineligible.html" 2>/dev/null
"$peps" compute --year 2026 --format html --scheme capitation examples/capitation/centre >"$out/capitation.html" 2>/dev/null
node "$here/screenshots.mjs" "$out" "$out"/*.html
