#!/bin/sh
# Install the Debian packages listed in tools/debian-packages.txt: as root
# directly, otherwise through sudo. Does nothing when all are present.
set -eu
list="$(dirname "$0")/debian-packages.txt"
pkgs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")
# shellcheck disable=SC2086
if dpkg-query -W -f='${db:Status-Abbrev}\n' $pkgs 2>/dev/null | grep -qv '^ii' ||
   ! dpkg-query -W $pkgs >/dev/null 2>&1; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root=sudo
  $as_root apt-get update -qq
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs
else
  echo "install-deps: all $(echo "$pkgs" | wc -l) packages present"
fi
