#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Draws the PNG sizes of the application icon from its SVG, after the SVG changed:
#   bash resources/render-icons.sh      (needs rsvg-convert: apt-get install librsvg2-bin)
# The PNGs are committed, so building never needs this.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
name=fr.collectivrecup.CollectivRecup
command -v rsvg-convert >/dev/null \
    || { echo "render-icons : rsvg-convert manque ; lancez : apt-get install librsvg2-bin" >&2; exit 1; }

for size in 16 24 32 48 64 128 256; do
    mkdir -p "$here/icons/${size}x${size}"
    rsvg-convert --width="$size" --height="$size" --keep-aspect-ratio \
        --output="$here/icons/${size}x${size}/$name.png" "$here/icons/scalable/$name.svg"
done
# The Windows icon (installer, shortcut, executable): every size in one .ico (ImageMagick).
if command -v convert >/dev/null; then
    convert $(for size in 16 24 32 48 64 128 256; do echo "$here/icons/${size}x${size}/$name.png"; done) \
        "$here/icons/$name.ico"
else
    echo "render-icons : convert (imagemagick) manque : $name.ico n'a pas été refait." >&2
fi
echo "render-icons : $(ls "$here"/icons/*x*/$name.png | wc -l) PNG écrits dans $here/icons."
