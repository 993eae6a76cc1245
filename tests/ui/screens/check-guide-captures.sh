#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The guides' screenshots script runs (issue 14): into a temporary folder, then every picture
# LISTE.md names must be a PNG of a sensible size that is not blank.
#   check-guide-captures.sh PROGRAM CAPTURES_DIR
set -euo pipefail

# Under `make test-sanitize`: these programs run on a real X server, where libxkbcommon-x11 hands
# strndup() a keymap name that is not NUL-terminated within its bound. strict_string_checks reads
# to the NUL and reports it (a report from the system library, not ours); the other checks stay.
if [[ -n "${ASAN_OPTIONS:-}" ]]; then
    export ASAN_OPTIONS="${ASAN_OPTIONS}:strict_string_checks=0"
fi
program=$1
captures=$2
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT

bash "$captures/prendre-captures.sh" "$program" "$folder"

names=$(grep -o '^| `[a-z0-9-]*\.png`' "$captures/LISTE.md" | tr -d '|` ')
count=$(wc -w <<< "$names")
if [[ $count -ne 17 ]]; then
    echo "LISTE.md names $count pictures, 17 expected" >&2
    exit 1
fi
failed=0
for name in $names; do
    file="$folder/$name"
    if [[ ! -s "$file" ]]; then
        echo "missing: $name" >&2
        failed=1
        continue
    fi
    # width height format distinct-colours
    read -r width height format colours < <(identify -format '%w %h %m %k\n' "$file" 2>/dev/null | head -1) || true
    if [[ "${format:-}" != "PNG" ]]; then
        echo "not a PNG: $name" >&2
        failed=1
    elif (( width < 300 || height < 100 )); then
        echo "too small: $name is ${width}x${height}" >&2
        failed=1
    elif (( colours < 64 )); then
        echo "blank: $name has $colours colours" >&2
        failed=1
    else
        echo "ok: $name ${width}x${height}, $colours colours"
    fi
done
exit $failed
