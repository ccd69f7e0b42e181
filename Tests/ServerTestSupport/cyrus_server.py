"""Runs Cyrus IMAP 3.6's CalDAV server (Debian's cyrus-imapd + cyrus-caldav) for rota's tests and `make bench-push`.

Usage: cyrus_server.py DIR PORT USER PASSWORD  (stdlib only; as root, which Cyrus's master drops to `cyrus`)

Everything lives in DIR (made here, mode 755, reachable by user cyrus; keep it short: the IMAP socket path must stay
under ~100 characters). The HTTP service listens on 127.0.0.1:PORT only; IMAP only on a unix socket, used once to log
the user in, which creates the INBOX that Cyrus's CalDAV needs before it answers anything but 500 (NOTES.md).
Prints READY when the user's calendar home answers, then runs until SIGTERM/SIGINT and stops master and its children.
Cyrus logs to syslog only; DIR/conf/log/USER/ gets its per-connection request dumps ("telemetry") instead, and the
last of them are printed on a failed start.
"""
import os
import pwd
import signal
import subprocess
import sys
import time
from pathlib import Path

from caldav_probe import propfind_answers

BIN = Path("/usr/lib/cyrus/bin")


def fail(message, directory=None):
    print(f"cyrus_server.py: {message}", flush=True)
    if directory is not None:
        dump_telemetry(directory)
    sys.exit(1)


def dump_telemetry(directory):
    """The last request/response dumps Cyrus wrote (its only log without syslog)."""
    logs = sorted((directory / "conf" / "log").rglob("*"), key=lambda p: p.stat().st_mtime if p.is_file() else 0)
    for path in [p for p in logs if p.is_file()][-3:]:
        print(f"--- {path}:\n{path.read_text(errors='replace')[-4000:]}", flush=True)


def write_config(directory, port, user):
    conf = directory / "conf"
    for sub in ["db", "socket", "proc", "lock", "log", "sieve", f"log/{user}"]:
        (conf / sub).mkdir(parents=True, exist_ok=True)
    (directory / "partition").mkdir(exist_ok=True)
    imapd = directory / "imapd.conf"
    imapd.write_text(f"""configdirectory: {conf}
partition-default: {directory / "partition"}
defaultpartition: default
proc_path: {conf / "proc"}
mboxname_lockpath: {conf / "lock"}
sievedir: {conf / "sieve"}
lmtpsocket: {conf / "socket" / "lmtp"}
idlesocket: {conf / "socket" / "idle"}
notifysocket: {conf / "socket" / "notify"}
servername: localhost
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: {directory / "sasldb2"}
sasl_mech_list: PLAIN
httpmodules: caldav
caldav_create_default: yes
autocreate_quota: 0
altnamespace: yes
unixhierarchysep: yes
umask: 022
""")
    cyrus_conf = directory / "cyrus.conf"
    # master does not pass -C to its children: every cmd names the config itself.
    cyrus_conf.write_text(f"""START {{
  recover cmd="{BIN / "ctl_cyrusdb"} -C {imapd} -r"
}}
SERVICES {{
  imap cmd="{BIN / "imapd"} -C {imapd}" listen="{conf / "socket" / "imap"}" prefork=0
  http cmd="{BIN / "httpd"} -C {imapd}" listen="127.0.0.1:{port}" prefork=1
}}
EVENTS {{
}}
""")
    return imapd, cyrus_conf


def main():
    if len(sys.argv) != 5:
        fail("usage: cyrus_server.py DIR PORT USER PASSWORD")
    directory, port, user, password = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if os.geteuid() != 0:
        fail("must run as root (Cyrus's master drops to user cyrus)")
    if not (BIN / "master").exists():
        fail(f"{BIN / 'master'} is missing: install the Debian packages in scripts/system-packages.txt")
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o755)
    imapd, cyrus_conf = write_config(directory, port, user)
    subprocess.run(["saslpasswd2", "-p", "-c", "-f", str(directory / "sasldb2"), "-u", "localhost", user],
                   input=password.encode(), check=True)
    cyrus = pwd.getpwnam("cyrus")
    for path in [directory, *directory.rglob("*")]:
        os.chown(path, cyrus.pw_uid, cyrus.pw_gid)

    master = subprocess.Popen([str(BIN / "master"), "-C", str(imapd), "-M", str(cyrus_conf),
                               "-p", str(directory / "master.pid")], stdin=subprocess.DEVNULL)

    def stop(*_):
        if master.poll() is None:
            master.terminate()
            try:
                master.wait(timeout=5)
            except subprocess.TimeoutExpired:
                master.kill()
                master.wait()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    socket_path = directory / "conf" / "socket" / "imap"
    deadline = time.monotonic() + 30
    while not socket_path.exists():
        if master.poll() is not None or time.monotonic() > deadline:
            fail("master exited or never made its IMAP socket", directory)
        time.sleep(0.05)
    # One IMAP login creates the INBOX (autocreate_quota: 0), without which CalDAV answers 500.
    login = subprocess.run(["curl", "-sS", "--unix-socket", str(socket_path), "imap://localhost/",
                            "-u", f"{user}:{password}"], capture_output=True)
    if login.returncode != 0:
        fail(f"the IMAP login that creates the INBOX failed: {login.stderr.decode(errors='replace')}", directory)
    while not propfind_answers(port, f"/dav/calendars/user/{user}/", user, password):
        if master.poll() is not None or time.monotonic() > deadline:
            fail(f"the calendar home on 127.0.0.1:{port} did not answer 207 within 30 s", directory)
        time.sleep(0.05)
    print("READY", flush=True)
    while master.poll() is None:
        time.sleep(0.2)
    fail(f"master exited with status {master.returncode}", directory)


if __name__ == "__main__":
    main()
