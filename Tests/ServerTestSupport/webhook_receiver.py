"""A Slack-compatible incoming webhook for rota notify's tests, on 127.0.0.1 only.

Usage: webhook_receiver.py PORT MODE [N]

Modes:
  ok          answers every POST 200 "ok"
  fail N      answers the first N POSTs 500, then 200
  limit N     answers the first N POSTs 429 with Retry-After: 1, then 200
Every POST is logged to standard output as one line (flushed): "ACCEPTED <body>" for a 200 (the body on one line)
or "REFUSED <status>", so a test can count what a channel would show.
"""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
MODE = sys.argv[2]
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 0
LOCK = threading.Lock()
SEEN = [0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with LOCK:  # one whole line per request, and a count that concurrent runs share
            SEEN[0] += 1
            number = SEEN[0]
            if MODE == "fail" and number <= COUNT:
                status, headers = 500, []
            elif MODE == "limit" and number <= COUNT:
                status, headers = 429, [("Retry-After", "1")]
            elif self.headers.get("Content-Type") != "application/json":
                status, headers = 415, []
            else:
                status, headers = 200, []
            if status == 200:
                line = "ACCEPTED " + body.decode("utf-8").replace("\n", " ")
            else:
                line = f"REFUSED {status}"
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        reply = b"ok" if status == 200 else b"no"
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
