#!/usr/bin/env bash
# Fuzz smoke run: builds every fuzz target and runs each for a few seconds from the committed
# corpus (docs/fuzzing.md). Bounded: FUZZ_SECONDS per target (default 5) plus the build.
#
# Works on stable Rust: cargo-fuzz passes `-Z` flags to rustc, which RUSTC_BOOTSTRAP=1 accepts.
# Installs cargo-fuzz if it is missing. New corpus entries go to a temporary folder, so the
# committed corpus stays as it is. A crash fails the run and leaves the input in
# fuzz/artifacts/<target>/: copy it to fuzz/regressions/<target>/ and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-5}
export RUSTC_BOOTSTRAP=1 CARGO_TERM_COLOR=never

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# No sanitizer: the code is safe Rust, and the build is much shorter. Long runs keep the
# default AddressSanitizer (docs/fuzzing.md).
flags=(--sanitizer none)
cargo fuzz build "${flags[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in $(cargo fuzz list); do
    mkdir -p "$work/$target" "fuzz/regressions/$target"
    echo "fuzz smoke: $target for ${seconds}s"
    log="$work/$target.log"
    if ! cargo fuzz run "${flags[@]}" "$target" "$work/$target" "fuzz/corpus/$target" "fuzz/regressions/$target" -- \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz smoke: $target FAILED; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    grep -E '^(Done |stat::peak_rss_mb)' "$log" || true
done
echo "fuzz smoke: every target ran ${seconds}s without a crash"
