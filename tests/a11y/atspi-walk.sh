#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/a11y/atspi-walk.sh APP WORKDIR
# The accessibility walk (atspi_walk.py) on its own X server (Xvfb) and its own D-Bus session,
# where the AT-SPI bus starts on demand (org.a11y.Bus): nothing of the desktop of whoever runs
# it is touched. Needs xvfb-run, dbus-run-session and Python's pyatspi (packaging/install-deps.sh
# test installs them).
set -euo pipefail

# Under `make test-sanitize`: these programs run on a real X server, where libxkbcommon-x11 hands
# strndup() a keymap name that is not NUL-terminated within its bound. strict_string_checks reads
# to the NUL and reports it (a report from the system library, not ours); the other checks stay.
if [[ -n "${ASAN_OPTIONS:-}" ]]; then
    export ASAN_OPTIONS="${ASAN_OPTIONS}:strict_string_checks=0"
fi

[[ $# -eq 2 ]] || { echo "usage : $0 APP WORKDIR" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
app=$1
workdir=$2

# Not the test runner's: an X display, and no accessibility bus address of another session.
unset QT_QPA_PLATFORM AT_SPI_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS
export NO_AT_BRIDGE=0
exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
    dbus-run-session -- /usr/bin/python3 "$here/atspi_walk.py" "$app" "$workdir"
