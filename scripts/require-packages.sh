#!/bin/sh
# Makes sure the Debian packages in scripts/system-packages.txt are installed.
# Missing ones are installed with apt-get when this can be done without a password (root, or sudo -n);
# otherwise it stops at once with the exact apt-get line to run. Quiet when everything is there.
set -eu
list="$(dirname "$0")/system-packages.txt"
packages=$(sed -e 's/#.*//' "$list" | tr -s ' \t' '\n' | grep -v '^$')

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "note: not a Debian-based system; rota needs the equivalents of: $(echo $packages)" >&2
    exit 0
fi

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo -n"
else
    echo "error: missing system packages:$missing" >&2
    echo "hint: install them, then run make again:" >&2
    echo "  sudo apt-get update && sudo $line" >&2
    exit 1
fi
echo "installing missing system packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Some packages (cyrus-imapd, postgresql, apache2) start a system service when installed. The tests start their own
# servers, and a machine without systemd may fail the install trying; Debian's policy-rc.d (exit 101) tells
# invoke-rc.d not to start anything. Container images ship one; where it is missing, one is put in for the install.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# put here by rota scripts/require-packages.sh for one install\nexit 101\n' | $run tee "$policy" >/dev/null
    $run chmod 755 "$policy"
    trap '$run rm -f "$policy"' EXIT
fi
$run apt-get update -qq
$run $line
