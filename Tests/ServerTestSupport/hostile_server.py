"""A hostile or mistaken CalDAV server for rota's tests, on 127.0.0.1 only.

Usage: hostile_server.py PORT MODE [OTHER_PORT]

Modes:
  slow-body       answers every request with headers at once, then its body one byte a second
  redirect        answers 307 to the same path on 127.0.0.1:OTHER_PORT (another origin)
  large-body      answers 200 with a 64 MiB body in chunks and no Content-Length, then logs "sent N of M bytes"
                  (N < M when the client hung up early)
  large-length    answers 200 with Content-Length: 1 GiB, then sends nothing and holds the connection: a client
                  that waits for the body times out instead of refusing it from the header
Every request is logged to standard output as "METHOD PATH" (flushed), so a test can see what reached it.
"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
MODE = sys.argv[2]
OTHER = int(sys.argv[3]) if len(sys.argv) > 3 else 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        print(f"{self.command} {self.path}", flush=True)
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

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = do_MKCALENDAR = handle_any


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
