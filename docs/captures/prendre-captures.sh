#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reprend les captures d'écran des guides (docs/captures/LISTE.md) depuis une base de
# démonstration neuve, sous Xvfb, en français :
#   bash docs/captures/prendre-captures.sh [PROGRAMME] [DOSSIER] [--only NOM]
# PROGRAMME : recup-guide-captures (sinon cherché dans build/ puis build-test/) ; ce script ne
# construit rien : `cmake --build build-test --target recup-guide-captures` d'abord.
# DOSSIER : docs/captures/ par défaut.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
program=""
out="$here"
only=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --only)
        [[ $# -ge 2 ]] || { echo "--only attend un nom de capture (par exemple catalogue)." >&2; exit 2; }
        only=(--only "$2")
        shift 2
        ;;
    *)
        if [[ -z "$program" && -f "$1" && -x "$1" ]]; then
            program=$1
        else
            out=$1
        fi
        shift
        ;;
    esac
done

if [[ -z "$program" ]]; then
    for candidate in "$root/build/tests/ui/screens/recup-guide-captures" \
                     "$root/build-test/tests/ui/screens/recup-guide-captures"; do
        if [[ -x "$candidate" ]]; then
            program=$candidate
            break
        fi
    done
fi
if [[ -z "$program" ]]; then
    echo "Programme recup-guide-captures introuvable dans build/ ni build-test/." >&2
    echo "Construisez-le d'abord : cmake --build build-test --target recup-guide-captures" >&2
    exit 2
fi
if ! command -v xvfb-run > /dev/null; then
    echo "xvfb-run manque : installez le paquet xvfb (make deps-test)." >&2
    exit 2
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
echo "Captures prises par $program dans $out"
status=0
# Un écran virtuel de 1440 × 900, le thème Fusion et l'interface en français, comme LISTE.md.
RECUP_SCREENS_LANG=fr LANG=fr_FR.UTF-8 LANGUAGE=fr LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
    QT_STYLE_OVERRIDE=Fusion \
    xvfb-run -a -s '-screen 0 1440x900x24' "$program" "$out" "${only[@]}" || status=$?

names=$(grep -o '^| `[a-z0-9-]*\.png`' "$here/LISTE.md" | tr -d '|` ')
written=0
expected=0
for name in $names; do
    expected=$((expected + 1))
    if [[ -s "$out/$name" ]]; then
        written=$((written + 1))
    fi
done
echo "$written capture(s) sur $expected de LISTE.md présentes dans $out."
if [[ $status -ne 0 ]]; then
    echo "Le programme s'est terminé en erreur ($status) : voir les lignes « manque » et « échec » ci-dessus." >&2
fi
exit $status
