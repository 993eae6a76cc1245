#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS
# Runs every libFuzzer target of BUILD_DIR for SECONDS, from the seeds of tests/fuzz/corpus/
# (never written to: what the fuzzer finds goes to BUILD_DIR/fuzz-corpus/). A crash, a leak, a
# sanitizer report or a timeout fails the run; the input is kept in BUILD_DIR/fuzz-crashes/ —
# fix the cause, then copy the input into tests/fuzz/corpus/<target>/ as a regression case.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
[[ $# -eq 2 ]] || { echo "usage : $0 BUILD_DIR SECONDS" >&2; exit 2; }
build=$(cd "$1" && pwd -P)
seconds=$2
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$here/../sanitizers.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
failed=0
for target in mailheaders mimewriter smtpreply conninfo photo; do
    binary=$(find "$build/tests/fuzz" -maxdepth 1 -name "fuzz_$target" -type f | head -1)
    [[ -x $binary ]] || { echo "fuzz : fuzz_$target n'est pas construit dans $build" >&2; exit 2; }
    corpus=$build/fuzz-corpus/$target
    crashes=$build/fuzz-crashes/$target
    mkdir -p "$corpus" "$crashes"
    echo "== fuzz_$target, $seconds s"
    if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$here/corpus/$target" \
        >"$build/fuzz-$target.log" 2>&1; then
        failed=1
        tail -40 "$build/fuzz-$target.log" >&2
        echo "fuzz : fuzz_$target a trouvé une entrée fautive : $(ls "$crashes" | head -3)" >&2
    else
        grep -E '^stat::number_of_executed_units|^#[0-9]+ +DONE' "$build/fuzz-$target.log" | tail -2
    fi
done
exit $failed
