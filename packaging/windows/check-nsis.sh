#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates the Windows installer's NSIS script from a configured tree and compiles it with
# makensis, on Linux:  bash packaging/windows/check-nsis.sh BUILD_DIR [CPACK]
# The files inside are this machine's (Linux programs, no windeployqt): what is checked is the
# installer's script — start-menu shortcut and icon, per-machine install, uninstaller, the site
# configuration option — and that NSIS accepts it.
set -euo pipefail

build=$(cd "$1" && pwd -P)
cpack=${2:-cpack}
work=$(mktemp -d "${TMPDIR:-/tmp}/recup-nsis.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$cpack" -G NSIS -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; echo "FAIL: cpack -G NSIS (makensis refused the script?)" >&2; exit 1; }
script=$(find "$work/out" -name project.nsi | head -n1)
installer=$(ls "$work"/out/*.exe 2>/dev/null | head -n1 || true)
[ -n "$script" ] || { echo "FAIL: no project.nsi generated" >&2; exit 1; }
[ -n "$installer" ] || fail "makensis wrote no installer"

has() { grep -qF -- "$1" "$script" || fail "the NSIS script lacks: $1"; }
has 'Unicode true'
has 'Name "Collectiv'"'"'Récup"'
has 'InstallDir "$PROGRAMFILES64\Collectiv'"'"'Récup"'
has 'RequestExecutionLevel admin'
has 'SetShellVarContext all'
has '!define MUI_ICON'
has 'fr.collectivrecup.CollectivRecup.ico'
# The start-menu shortcut to the application, and the uninstaller's.
has 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Collectiv'"'"'Récup.lnk" "$INSTDIR\bin\collectiv-recup.exe"'
has 'WriteUninstaller "$INSTDIR\Desinstaller.exe"'
has 'DisplayIcon'
# IT's site configuration, copied for every user of the computer.
has '${GetOptions} $R0 "/CONFIG=" $R1'
has 'CopyFiles /SILENT "$R1" "$APPDATA\collectiv-recup\collectiv-recup.ini"'
has '!include "FileFunc.nsh"'

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s) in the NSIS script ($script)" >&2
    exit 1
fi
echo "NSIS script: every check passed; makensis wrote $(basename "$installer") ($(du -k "$installer" | cut -f1) KiB)"
