"""`make bench-push`: what `rota push` costs against real Radicale, Xandikos, Cyrus and DAViCal, in requests and time.

Usage: .venv/bin/python scripts/push_benchmark.py ROTA_BINARY  (stdlib only; run from the repository root)

For each server (on 127.0.0.1, a free port, a temporary folder: Radicale and Xandikos from .venv, Cyrus and DAViCal
from Debian packages through Tests/ServerTestSupport/{cyrus,davical}_server.py, which need root), with
Tests/ServerTestSupport/fault_proxy.py in front adding LATENCY_MS to every request:
  create    rota push --server ROOT --create   about 1,000 events (a daily rotation over 33 months)
  no-op     rota push --calendar URL           nothing changed: the target is one REPORT
  10% diff  rota push --calendar URL           about 100 shifts overridden: the target is k PUTs + 1 REPORT
Requests come from the proxy's /__log__; the server's own time for the listing is measured straight against the
server (no proxy), with the same calendar-query REPORT rota sends.
"""
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from base64 import b64encode
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
SUPPORT = ROOT / "Tests" / "ServerTestSupport"
PROXY = SUPPORT / "fault_proxy.py"
SERVERS = ("radicale", "xandikos", "cyrus", "davical")
LATENCY_MS = 20
USER, PASSWORD = "alice", "s3cret-Pa55word"
AS_OF = "2026-11-28"
START = "2026-11-02"  # a Monday; the window starts on the as-of date
CHANGED_SHIFTS = 100


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, process, log, ready=None):
    """Until the port accepts a connection and, with `ready`, the log holds that line (Cyrus and DAViCal listen
    before their user's calendars exist)."""
    for _ in range(1200):
        if process.poll() is not None:
            raise SystemExit(f"exited at start-up:\n{Path(log).read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if ready is None or ready in Path(log).read_text(errors="replace"):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"not ready on {port} within 60 s:\n{Path(log).read_text()}")


class Processes:
    """Every process started here, each in its own process group, stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self):
        self.started = []

    def start(self, arguments, port, folder, ready=None):
        log = Path(folder) / f"{Path(arguments[0]).name}-{port}.log"
        with open(log, "wb") as out:
            process = subprocess.Popen(arguments, stdout=out, stderr=out, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
        self.started.append(process)
        wait_listening(port, process, log, ready)
        return process

    def stop(self):
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def start_server(kind, processes, folder):
    port = free_port()
    data = Path(folder) / kind
    data.mkdir()
    if kind == "radicale":
        (data / "users").write_text(f"{USER}:{PASSWORD}\n")
        (data / "config").write_text(f"""[server]
hosts = 127.0.0.1:{port}
delay_on_error = 0
[auth]
type = htpasswd
htpasswd_filename = {data / "users"}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {data / "collections"}
[logging]
level = warning
""")
        arguments = [str(VENV / "radicale"), "--config", str(data / "config")]
    elif kind == "xandikos":
        arguments = [str(VENV / "xandikos"), "--defaults", "--autocreate", "-d", str(data / "data"),
                     "-l", "127.0.0.1", "-p", str(port)]
    else:
        arguments = [str(VENV / "python"), str(SUPPORT / f"{kind}_server.py"), str(data / "server"), str(port), USER,
                     PASSWORD]
        if kind == "davical":
            arguments.append(str(ROOT / ".build" / "caldav-servers"))
        processes.start(arguments, port, folder, ready="READY")
        return port
    processes.start(arguments, port, folder)
    return port


def start_proxy(upstream, processes, folder):
    port = free_port()
    processes.start([str(VENV / "python"), str(PROXY), str(port), str(upstream), "--latency", str(LATENCY_MS)],
                    port, folder)
    return port


def request(port, method, path, body=b"", headers=None, auth=False):
    headers = dict(headers or {})
    if auth:
        headers["Authorization"] = "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def bench_config(folder):
    """The bundled team on a daily rotation over 33 months: about 1,000 events."""
    text = (ROOT / "fixtures" / "team.yaml").read_text()
    text = re.sub(r"rotation:\n  length: 1w\n  handoff: \{ weekday: monday, time: \"10:00\" \}",
                  'rotation:\n  length: 1d\n  handoff: { time: "10:00" }', text)
    text = text.replace("  start: 2026-01-05", f"  start: {START}")
    text = text.replace("window: { past: 30d, future: 12m }", "window: { past: 0d, future: 33m }")
    path = Path(folder) / "team.yaml"
    path.write_text(text)
    return path


def with_overrides(config, count):
    """`count` daily shifts (every fourth day from 2027-01-05, Chen's by rotation) overridden to Kim."""
    text = config.read_text()
    first = time.mktime((2027, 1, 5, 12, 0, 0, 0, 0, -1))
    days = [time.strftime("%Y-%m-%d", time.localtime(first + 4 * 86400 * i)) for i in range(count)]
    entries = "".join(f"\n  - {{ engineer: kim, shift: {day} }}" for day in days)
    config.write_text(text.replace("overrides: []", "overrides:" + entries))


def rota(binary, arguments, config, environment):
    started = time.monotonic()
    result = subprocess.run([binary, *arguments, "--config", str(config), "--as-of", AS_OF,
                             "--ledger", "/nonexistent/x.yaml"], capture_output=True, text=True, env=environment)
    return result, time.monotonic() - started


def proxy_log(port):
    _, body = request(port, "GET", "/__log__")
    request(port, "DELETE", "/__log__")
    return [line for line in body.decode().splitlines() if line]


def listing_time(port, calendar_path, auth):
    """The server's own time for the calendar-query REPORT rota sends (the window's events with their data)."""
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop>
<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
<C:time-range start="20261101T000000Z" end="20300101T000000Z"/></C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
    best = None
    for _ in range(3):
        started = time.monotonic()
        status, answer = request(port, "REPORT", calendar_path, body,
                                 {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}, auth)
        elapsed = time.monotonic() - started
        assert status == 207, status
        best = elapsed if best is None else min(best, elapsed)
    return best, answer.count(b"BEGIN:VEVENT")


def count(summary, word):
    match = re.search(rf"(\d+) {word}", summary)
    return int(match.group(1)) if match else 0


def run_server(kind, binary, folder, processes, rows):
    server = start_server(kind, processes, folder)
    proxy = start_proxy(server, processes, folder)
    environment = {**os.environ, "NETRC": "/nonexistent/netrc", "ROTA_CALDAV_USERNAME": "",
                   "ROTA_CALDAV_PASSWORD": ""}
    if kind != "xandikos":  # Xandikos runs without auth over plain HTTP (NOTES.md)
        environment.update(ROTA_CALDAV_USERNAME=USER, ROTA_CALDAV_PASSWORD=PASSWORD)
    config = bench_config(Path(folder) / kind)
    root = f"http://127.0.0.1:{proxy}/"

    def phase(name, arguments, limit):
        result, wall = rota(binary, arguments, config, environment)
        if result.returncode != 0:
            raise SystemExit(f"{kind} {name}: exit {result.returncode}\n{result.stdout[-2000:]}{result.stderr}")
        log = proxy_log(proxy)
        summary = result.stdout.strip().splitlines()[-1]
        writes = sum(1 for line in log if line.split(" ")[0] in ("PUT", "DELETE"))
        rows.append((kind, name, count(summary, "created") + count(summary, "updated") + count(summary, "deleted"),
                     len(log), writes, wall, limit))
        return summary

    # Radicale and Xandikos take one write at a time (Radicale serializes them; Xandikos commits each to git under a
    # lock and answers 423 to the ones that meet), so creating is bound by the server's write time, not the latency.
    serial = kind in ("radicale", "xandikos")
    summary = phase("create", ["push", "--server", root, "--create"],
                    "server write time (one write at a time)" if serial else "server write time (4 writes in flight)")
    calendar = summary.split(": ", 1)[0]
    path = "/" + calendar.split("/", 3)[3]
    phase("no-op", ["push", "--calendar", calendar], "one REPORT (listing)")
    with_overrides(config, CHANGED_SHIFTS)
    diff, _ = rota(binary, ["diff", "--calendar", calendar], config, environment)
    changed = sum(1 for line in diff.stdout.splitlines() if line[:2] in ("~ ", "+ ", "- "))
    proxy_log(proxy)
    phase(f"{changed} changed", ["push", "--calendar", calendar], "k writes + 1 REPORT")
    listing, events = listing_time(server, path, kind != "xandikos")
    # The no-op push again without the proxy: rota's own time on top of the server's listing.
    direct, wall = rota(binary, ["push", "--calendar", f"http://127.0.0.1:{server}{path}"], config, environment)
    assert direct.returncode == 0, direct.stderr
    # rota's own work with no server: plan the window and compare it with an exported feed of it.
    feeds = Path(folder) / kind / "feeds"
    exported, _ = rota(binary, ["export", "--out", str(feeds)], config, environment)
    assert exported.returncode == 0, exported.stderr
    offline, local = rota(binary, ["diff", "--ics", str(feeds / "team.ics")], config, environment)
    assert offline.returncode == 0, offline.stdout[-500:] + offline.stderr
    rows.append((kind, "no-op, no proxy", 0, 1, 0, wall,
                 f"server listing alone {listing:.3f} s ({events} events); beyond it {wall - listing:.2f} s"))
    rows.append((kind, "plan + compare", 0, 0, 0, local, "rota diff --ics of the same plan: no server at all"))


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    for name in ("radicale", "xandikos", "python"):
        if not (VENV / name).exists():
            raise SystemExit(f"{VENV / name} is missing: run `make venv`")
    folder = tempfile.mkdtemp(prefix="rota-push-bench-")
    os.chmod(folder, 0o755)  # Cyrus and DAViCal run as users cyrus, postgres and www-data
    processes = Processes()
    rows = []
    try:
        for kind in SERVERS:
            run_server(kind, binary, folder, processes, rows)
    finally:
        processes.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"rota push, {LATENCY_MS} ms added per request by the proxy, --concurrency 4 (default)")
    print(f"{'server':<9} {'phase':<16} {'written':>7} {'requests':>8} {'writes':>6} {'wall s':>7}  limit")
    for kind, name, written, requests, writes, wall, limit in rows:
        print(f"{kind:<9} {name:<16} {written:>7} {requests:>8} {writes:>6} {wall:>7.2f}  {limit}")


if __name__ == "__main__":
    main()
