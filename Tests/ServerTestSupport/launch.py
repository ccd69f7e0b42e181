"""Runs one server for rota's CalDAV tests so that it stops when asked and never outlives the test process.

Usage: launch.py PROGRAM [ARGS...]  (stdlib only; run with the .venv python)

- Unblocks SIGTERM and SIGINT: the Swift test runner's threads block them and a spawned child inherits the mask,
  so without this the server would ignore the polite stop.
- Starts its own process group, so the test can SIGKILL the launcher and the server together as a last resort.
- Forwards SIGTERM and SIGINT to the server and exits with its status.
- If the test process goes away (a crash, a kill -9), terminates the server.
"""
import os
import signal
import subprocess
import sys

signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
os.setpgrp()
parent = os.getppid()
child = subprocess.Popen(sys.argv[1:])


def forward(signum, frame):
    child.send_signal(signum)


signal.signal(signal.SIGTERM, forward)
signal.signal(signal.SIGINT, forward)
while True:
    try:
        code = child.wait(timeout=0.2)
        sys.exit(code if code >= 0 else 128 - code)
    except subprocess.TimeoutExpired:
        pass
    if os.getppid() != parent:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
        sys.exit(1)
