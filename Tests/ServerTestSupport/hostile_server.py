"""A hostile or mistaken CalDAV server for rota's tests, on 127.0.0.1 only.

Usage: hostile_server.py PORT MODE [OTHER_PORT]

Modes:
  slow-body       answers every request with headers at once, then its body one byte a second
  redirect        answers 307 to the same path on 127.0.0.1:OTHER_PORT (another origin)
  large-body      answers 200 with a 64 MiB body in chunks and no Content-Length, then logs "sent N of M bytes"
                  (N < M when the client hung up early)
  large-length    answers 200 with Content-Length: 1 GiB, then sends nothing and holds the connection: a client
                  that waits for the body times out instead of refusing it from the header
  refuse-uid      an empty calendar that refuses every PUT with 403 and CALDAV:unique-scheduling-object-resource
                  naming /alice/other/<same name> (as Cyrus does for a UID that lives in another calendar)
  retry-after     an empty calendar that answers every PUT 503 with Retry-After: 3600
  auth            answers every request 401 with a Basic challenge
Every request is logged to standard output as "METHOD PATH" (flushed), so a test can see what reached it.
"""
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
MODE = sys.argv[2]
OTHER = int(sys.argv[3]) if len(sys.argv) > 3 else 0
LOG_LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        with LOG_LOCK:  # one whole line per request, even when requests run at once
            sys.stdout.write(f"{self.command} {self.path}\n")
            sys.stdout.flush()
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if MODE == "slow-body":
            body = b'<?xml version="1.0"?><multistatus xmlns="DAV:"></multistatus>' + b" " * 200
            self.send_response(207)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(1)
        elif MODE in ("refuse-uid", "retry-after"):
            self.calendar()
        elif MODE == "auth":
            self.answer(401, b"", [("WWW-Authenticate", 'Basic realm="rota test"')])
        elif MODE == "redirect":
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{OTHER}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif MODE == "large-body":
            chunk = b"X" * (64 << 10)
            total, sent = 64 << 20, 0
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                while sent < total:
                    self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()
            except OSError:
                pass
            print(f"sent {sent} of {total} bytes", flush=True)
        elif MODE == "large-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
            self.wfile.flush()
            time.sleep(120)

    def answer(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def calendar(self):
        """An empty calendar collection at every path; what PUT gets depends on the mode."""
        xml = [("Content-Type", "application/xml; charset=utf-8")]
        if self.command == "PROPFIND":
            body = (
                '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                f"<D:response><D:href>{self.path}</D:href><D:propstat><D:prop>"
                "<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>"
                '<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>'
                "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>"
            )
            self.answer(207, body.encode(), xml)
        elif self.command == "REPORT":
            self.answer(207, b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"></D:multistatus>', xml)
        elif self.command == "PUT" and MODE == "refuse-uid":
            name = self.path.rsplit("/", 1)[-1]
            body = (
                '<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                f"<C:unique-scheduling-object-resource><D:href>/alice/other/{name}</D:href>"
                "</C:unique-scheduling-object-resource></D:error>"
            )
            self.answer(403, body.encode(), xml)
        elif self.command == "PUT":
            self.answer(503, b"", [("Retry-After", "3600")])
        else:
            self.answer(405, b"")

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = do_MKCALENDAR = handle_any


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
