#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs, on Debian 12, what Collectiv'Récup needs: `run` to build and run the app,
# `test` for that plus the test suites (PostgreSQL, pgTAP, SMTP server, Xvfb, PDF tools).
# Idempotent: asks apt only for the packages that are missing.
set -euo pipefail

# Building and running the desktop app.
run_packages=(
    build-essential cmake ninja-build git file
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev qt6-svg-dev libqt6svg6 libqt6opengl6-dev qt6-qpa-plugins
    libqt6sql6-psql libqt6sql6-sqlite qt6-translations-l10n qtkeychain-qt6-dev libpq-dev pkg-config
    libxkbcommon-dev libgl-dev fonts-dejavu-core
)

# The test suites: a real PostgreSQL with its extensions, pgTAP and pg_prove, a real SMTP
# server, a real X server, PDF and image tools, the formatter, the packaging validators and
# builders (dpkg-shlibdeps for the .deb, makensis for the Windows installer's script),
# clang with libFuzzer and the sanitizers' runtimes (make fuzz), the accessibility bus and
# Python's pyatspi with a private D-Bus session (the accessibility walk, tests/a11y).
test_packages=(
    postgresql postgresql-contrib postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
    python3-aiosmtpd openssl xvfb xauth imagemagick poppler-utils clang-format
    appstream desktop-file-utils dpkg-dev nsis
    clang libclang-rt-14-dev
    at-spi2-core python3-pyatspi dbus-daemon
)

usage() {
    echo "usage : $0 run|test   (run : compiler et lancer l'application ; test : run + les tests)" >&2
    exit 2
}

[[ $# -eq 1 ]] || usage
case "$1" in
run) wanted=("${run_packages[@]}") ;;
test) wanted=("${run_packages[@]}" "${test_packages[@]}") ;;
*) usage ;;
esac
mode=$1

missing=()
for package in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ $status != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps : toutes les dépendances « $mode » sont déjà installées."
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps : paquets manquants (${missing[*]}) ; lancez en administrateur : sudo $0 $mode" >&2
    exit 1
fi

echo "install-deps : installation de ${#missing[@]} paquet(s) : ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps : dépendances « $mode » installées."
