"""A fault-injecting HTTP proxy in front of a real CalDAV server, for rota's CalDAV tests (stdlib only).

Usage: fault_proxy.py LISTEN_PORT UPSTREAM_PORT [--latency MS]. Listens on 127.0.0.1 only.
--latency MS delays every proxied answer by MS milliseconds (a slow network).

POST /__faults__ with one fault per line queues faults; each proxied request takes the next one. A fault may start
with a method and a space ("PUT race-edit"): it then waits for the next request with that method.
  503 / 500 / 429 / 423 answer with that status instead of forwarding (Retry-After: 0 on 429 and 503)
  retry-after:N         answer 429 with Retry-After: N
  drop                  close the connection without answering, request not forwarded
  drop-after-forward    forward the request, then close the connection without relaying the answer
  delay:MS              wait MS milliseconds, then forward
  pass                  forward (a placeholder, to let requests through before the next fault)
  race-same             a concurrent writer: first PUT the request's own body to its URL unconditionally (what a
                        second rota would write), then forward, so a conditional write answers 412
  race-edit             a concurrent writer: first GET the resource, append " (edited)" to its SUMMARY and PUT it
                        back unconditionally (a hand edit), then forward, so a conditional write answers 412
GET /__log__ lists every proxied request as "METHOD PATH -> OUTCOME", one per line; DELETE /__log__ empties it.
GET /__timed_log__ lists the same lines, each after the second (monotonic, 3 decimals) its request arrived, so a test
can measure what a client waited between two requests.
"""
import http.client
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM_PORT = int(sys.argv[2])
LATENCY = int(sys.argv[sys.argv.index("--latency") + 1]) / 1000 if "--latency" in sys.argv else 0
FAULTS = []
LOG = []
TIMED_LOG = []
LOCK = threading.Lock()
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "te", "upgrade"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def __getattr__(self, name):
        if name.startswith("do_"):
            return self.handle_any
        raise AttributeError(name)

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def handle_any(self):
        arrived = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path == "/__faults__" and self.command == "POST":
            with LOCK:
                FAULTS.extend(line.strip() for line in body.decode().splitlines() if line.strip())
            return self.reply(204)
        if self.path == "/__log__" and self.command == "GET":
            with LOCK:
                text = "".join(line + "\n" for line in LOG)
            return self.reply(200, text.encode())
        if self.path == "/__timed_log__" and self.command == "GET":
            with LOCK:
                text = "".join(line + "\n" for line in TIMED_LOG)
            return self.reply(200, text.encode())
        if self.path == "/__log__" and self.command == "DELETE":
            with LOCK:
                LOG.clear()
                TIMED_LOG.clear()
            return self.reply(204)
        fault = None
        with LOCK:
            for index, line in enumerate(FAULTS):
                method, _, word = line.rpartition(" ")
                if not method or method == self.command:
                    fault = word
                    del FAULTS[index]
                    break

        def log(outcome):
            with LOCK:
                LOG.append(f"{self.command} {self.path} -> {outcome}")
                TIMED_LOG.append(f"{arrived:.3f} {LOG[-1]}")

        if fault in ("500", "503", "429", "423"):
            log(fault)
            retry_after = [("Retry-After", "0")] if fault in ("503", "429") else []
            return self.reply(int(fault), b"injected fault", retry_after)
        if fault and fault.startswith("retry-after:"):
            log(fault)
            return self.reply(429, b"slow down", [("Retry-After", fault.split(":", 1)[1])])
        if fault == "drop":
            log("drop")
            return self.drop()
        # The client's Host goes through (a reverse proxy that preserves the host): Cyrus, DAViCal and Xandikos build
        # absolute redirect Locations from it, which must name the proxy, not the server behind it.
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP or k.lower() == "host"}
        if fault and fault.startswith("delay:"):
            time.sleep(int(fault.split(":", 1)[1]) / 1000)
        if fault in ("race-same", "race-edit"):
            self.race(fault, body, headers)
        status, answer, relayed = forward(self.command, self.path, body, headers)
        if LATENCY:
            time.sleep(LATENCY)
        if fault == "drop-after-forward":
            log(f"forwarded {status}, dropped")
            return self.drop()
        log(f"{status} ({fault})" if fault and fault != "pass" else str(status))
        self.reply(status, answer, relayed)

    def race(self, fault, body, headers):
        """Plays another writer that changes the resource just before this request reaches the server."""
        plain = {k: v for k, v in headers.items() if k.lower() not in ("if-match", "if-none-match", "content-type")}
        if fault == "race-edit":
            status, current, _ = forward("GET", self.path, b"", plain)
            if status != 200:
                return
            body = re.sub(rb"(?m)^(SUMMARY[^:\r\n]*:[^\r\n]*)", rb"\1 (edited)", current, count=1)
        for _ in range(50):  # Xandikos answers 423 while another write holds its git store
            status, _, _ = forward("PUT", self.path, body, {**plain, "Content-Type": "text/calendar; charset=utf-8"})
            if status != 423:
                break
            time.sleep(0.05)
        with LOCK:
            LOG.append(f"race {self.path} -> {fault}: PUT {status} on the server before {self.command}")


def forward(method, path, body, headers):
    """Sends one request to the server; returns its status, body and end-to-end headers."""
    upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM_PORT, timeout=30)
    try:
        upstream.request(method, path, body=body, headers=headers)
        response = upstream.getresponse()
        answer = response.read()
        relayed = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
        return response.status, answer, relayed
    finally:
        upstream.close()


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
