#!/bin/sh
# `make run`, last part: rota push against a local Radicale from .venv, then rota diff, then the server stops.
#
# Usage: scripts/push_demo.sh ROTA_BINARY   (run from the repository root, after `make venv`)
# Radicale listens on 127.0.0.1 and a free port, with a throw-away htpasswd user and its data in a temporary
# folder; the trap stops it and removes the folder even when a step fails.
set -eu
ROTA=$1
VENV=.venv/bin
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rota-run-radicale.XXXXXX")
SERVER_PID=
cleanup() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

PORT=$("$VENV/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
USER=demo
PASSWORD=demo-only-password
printf '%s:%s\n' "$USER" "$PASSWORD" >"$WORK/users"
cat >"$WORK/config" <<CONFIG
[server]
hosts = 127.0.0.1:$PORT
delay_on_error = 0

[auth]
type = htpasswd
htpasswd_filename = $WORK/users
htpasswd_encryption = plain
delay = 0

[storage]
filesystem_folder = $WORK/collections

[logging]
level = warning
CONFIG
"$VENV/radicale" --config "$WORK/config" >"$WORK/radicale.log" 2>&1 &
SERVER_PID=$!
tries=0
until "$VENV/python" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), timeout=0.2)" 2>/dev/null; do
	tries=$((tries + 1))
	if [ "$tries" -gt 100 ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
		echo "error: Radicale did not start:" >&2
		cat "$WORK/radicale.log" >&2
		exit 2
	fi
	sleep 0.1
done

export ROTA_CALDAV_USERNAME=$USER ROTA_CALDAV_PASSWORD=$PASSWORD
echo "== rota push --server http://127.0.0.1:$PORT/ --create (a local Radicale from .venv)"
"$ROTA" push --server "http://127.0.0.1:$PORT/" --create >"$WORK/push.txt"
tail -n 1 "$WORK/push.txt"
CALENDAR=$(tail -n 1 "$WORK/push.txt" | sed 's/: .*//')
echo
echo "== rota diff --calendar $CALENDAR"
"$ROTA" diff --calendar "$CALENDAR"
echo
echo "The calendar: $CALENDAR (user $USER); the server stops now."
