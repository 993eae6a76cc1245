#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the .deb on a fresh Debian 12 and starts « Collectiv'Récup » from its menu entry, as a
# user would, under Xvfb; takes a screenshot of the screen. Run as root, with Debian's mirror
# reachable (a few minutes, about 400 MB):
#   bash packaging/test-install-chroot.sh build/collectiv-recup_*.deb [CHROOT_DIR] [SHOT.png]
# CHROOT_DIR defaults to /srv/recup-bookworm; a missing one is made with debootstrap (minbase).
set -euo pipefail

deb=$(realpath "$1")
root=${2:-/srv/recup-bookworm}
shot=${3:-$PWD/installed-app.png}
[ "$(id -u)" = 0 ] || { echo "à lancer en root (chroot, apt)" >&2; exit 1; }

if [ ! -x "$root/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || apt-get install -y debootstrap
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
trap 'umount "$root/dev" "$root/proc" 2>/dev/null || true' EXIT

cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
in_root apt-get update -q
# What a desktop already has (an X server, a launcher), then the package and what it depends on.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    xvfb xauth x11-utils imagemagick libglib2.0-bin "/tmp/$(basename "$deb")"

# A user of the workstation, and the menu entry as the desktop's launcher reads it.
in_root id agent >/dev/null 2>&1 || in_root useradd --create-home agent
entry=/usr/share/applications/fr.collectivrecup.CollectivRecup.desktop
in_root test -f "$entry"
cat >"$root/tmp/launch.sh" <<'SCRIPT'
set -eu
cd "$HOME"
gio launch /usr/share/applications/fr.collectivrecup.CollectivRecup.desktop &
for i in $(seq 1 60); do
    if xwininfo -root -tree | grep -q "Collectiv'Récup"; then break; fi
    sleep 1
done
sleep 3
xwininfo -root -tree | grep "Collectiv'Récup" | grep '"collectiv-recup"'
import -window root /tmp/installed-app.png
SCRIPT
in_root su - agent -c "LANG=fr_FR.UTF-8 LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1280x800x24' sh /tmp/launch.sh"
cp "$root/tmp/installed-app.png" "$shot"
echo "OK : Collectiv'Récup installé et ouvert depuis son entrée de menu ; capture : $shot"
