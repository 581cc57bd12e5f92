#!/usr/bin/env bash
# Renders an HTML page of peps (a `compute --format html` report or a `peps docs` page) in headless
# Chromium and saves a PNG screenshot, to check what a person sees.
# Usage: docs/screenshot.sh PAGE.html OUT.png [WIDTHxHEIGHT]
set -euo pipefail
page=$(realpath "$1"); out=$(realpath -m "$2"); size=${3:-1200x1800}
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="${size/x/,}" \
  --screenshot="$out" "file://$page" 2>/dev/null
test -s "$out" && echo "wrote $out"
