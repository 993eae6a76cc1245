#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the .deb from a configured and built tree and checks it as IT would receive it:
#   bash packaging/check-deb.sh BUILD_DIR [CPACK]
# Fails, naming what is wrong, when a program, the menu entry, an icon, the AppStream file, the
# relay's unit or a run-time dependency is missing, or when a file does not validate.
set -euo pipefail

build=$(cd "$1" && pwd -P)
cpack=${2:-cpack}
app_id=fr.collectivrecup.CollectivRecup
work=$(mktemp -d "${TMPDIR:-/tmp}/recup-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$cpack" -G DEB -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"

# What the package must hold.
expected=(
    /usr/bin/collectiv-recup
    /usr/bin/collectiv-recup-admin
    /usr/share/applications/$app_id.desktop
    /usr/share/metainfo/$app_id.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/lib/systemd/system/collectiv-recup-relay.service
    /usr/share/doc/collectiv-recup/copyright
    /usr/share/doc/collectiv-recup/examples/relay.conf.example
    /usr/share/doc/collectiv-recup/examples/collectiv-recup.conf.example
)
for size in 16 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${expected[@]}"; do
    grep -qxF "$file" "$work/files" || fail "missing from the package: $file"
done

# Run-time dependencies that library scanning cannot see (plugins, catalogues, the relay's
# account), and the libraries it must have found.
depends=$(dpkg-deb --field "$deb" Depends)
for package in libqt6sql6-psql libqt6sql6-sqlite qt6-translations-l10n adduser \
               libqt6keychain1 libqt6widgets6 libqt6charts6 libpq5; do
    grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package: $depends"
done

# Maintainer scripts: present, executable, valid shell.
dpkg-deb --control "$deb" "$work/control"
for script in postinst postrm; do
    [ -x "$work/control/$script" ] || fail "no executable $script"
    sh -n "$work/control/$script" || fail "$script is not valid sh"
done

# The menu entry and the AppStream file, validated as installed.
dpkg-deb --extract "$deb" "$work/root"
desktop="$work/root/usr/share/applications/$app_id.desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate refuses $app_id.desktop"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$app_id.metainfo.xml" \
    >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log" >&2; fail "appstreamcli refuses the metainfo"; }
grep -q '<screenshot' "$work/root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo has no screenshot"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n1)
[ -x "$work/root/usr/bin/${exec_line%% *}" ] || fail "Exec=$exec_line names no packaged program"
[ "$(sed -n 's/^Icon=//p' "$desktop")" = "$app_id" ] || fail "Icon= is not $app_id"
grep -q '^Categories=.*Office;' "$desktop" || fail "the menu entry is not in Office"
grep -q '^Name\[fr\]=' "$desktop" && grep -q '^Comment\[en\]=' "$desktop" \
    || fail "the menu entry lacks its French or English name and comment"
grep -q '^ExecStart=collectiv-recup-admin relay' \
    "$work/root/usr/lib/systemd/system/collectiv-recup-relay.service" \
    || fail "the relay's unit does not start collectiv-recup-admin relay"

# The packaged programs start (the system's Qt, the offscreen platform).
version=$(dpkg-deb --field "$deb" Version)
out=$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/collectiv-recup" --version 2>&1) \
    || fail "collectiv-recup --version failed: $out"
grep -qF "$version" <<<"$out" || fail "collectiv-recup --version does not say $version: $out"
"$work/root/usr/bin/collectiv-recup-admin" --help >/dev/null 2>&1 \
    || fail "collectiv-recup-admin --help failed"

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s) in $(basename "$deb")" >&2
    exit 1
fi
echo "$(basename "$deb"): $(wc -l <"$work/files") entries, every check passed"
