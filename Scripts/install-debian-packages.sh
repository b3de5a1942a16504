#!/usr/bin/env bash
# Installs Debian packages that are not installed yet, for the project's scripts and CI:
#   Scripts/install-debian-packages.sh PACKAGE...
# Runs apt-get directly as root, through `sudo -n` otherwise; says what it installs on
# stderr, and exits non-zero with the reason when it cannot. Packages already present are
# left alone, so a prepared machine installs nothing and needs no network.
set -euo pipefail
missing=()
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "install-debian-packages: need root (or passwordless sudo) to install: ${missing[*]}" >&2
    exit 1
fi
echo "install-debian-packages: installing ${missing[*]} (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
