"""A fault-injecting HTTP proxy in front of a real CalDAV server, for rota's CalDAV tests (stdlib only).

Usage: fault_proxy.py LISTEN_PORT UPSTREAM_PORT. Listens on 127.0.0.1 only.

POST /__faults__ with one fault per line queues faults; each proxied request takes the next one:
  503 / 500 / 429       answer with that status instead of forwarding (Retry-After: 0 on 429 and 503)
  retry-after:N         answer 429 with Retry-After: N
  drop                  close the connection without answering, request not forwarded
  drop-after-forward    forward the request, then close the connection without relaying the answer
GET /__log__ lists every proxied request as "METHOD PATH -> OUTCOME", one per line.
"""
import http.client
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM_PORT = int(sys.argv[2])
FAULTS = []
LOG = []
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
        with LOCK:
            fault = FAULTS.pop(0) if FAULTS else None

        def log(outcome):
            with LOCK:
                LOG.append(f"{self.command} {self.path} -> {outcome}")

        if fault in ("500", "503", "429"):
            log(fault)
            return self.reply(int(fault), b"injected fault", [("Retry-After", "0")] if fault != "500" else [])
        if fault and fault.startswith("retry-after:"):
            log(fault)
            return self.reply(429, b"slow down", [("Retry-After", fault.split(":", 1)[1])])
        if fault == "drop":
            log("drop")
            return self.drop()
        upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM_PORT, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        answer = response.read()
        upstream.close()
        if fault == "drop-after-forward":
            log(f"forwarded {response.status}, dropped")
            return self.drop()
        log(str(response.status))
        relayed = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
        self.reply(response.status, answer, relayed)


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
