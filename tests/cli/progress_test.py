#!/usr/bin/env python3
"""The progress line: on a terminal, once a run has taken a second, written over itself and
cleared at the end; never when stderr is a pipe, under CI=1 or with --quiet.

The run is made long whatever the machine's speed: its last input is standard input, held open
for 1.5 s, so the other file is read and the progress line shows `reading 1/2 files`.
Usage: progress_test.py JOURNEY_BINARY
"""
import os
import pty
import subprocess
import sys
import time

JOURNEY = b"""journey: held
title: Held open
owner: Tests
intent: Wait
start: Waits
ends: [Done]
steps:
  - id: a
    name: Waits
    time: 1m
    end: success
"""


def run(binary, cwd, env, tty, extra=()):
    args = [binary, "lint", "--jobs", "2", *extra, "clean.yaml", "-"]
    if tty:
        leader, follower = pty.openpty()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=follower,
                                stderr=follower)
        os.close(follower)
    else:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    time.sleep(1.5)
    proc.stdin.write(JOURNEY)
    proc.stdin.close()
    out = b""
    if tty:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(leader)
    else:
        out = proc.stdout.read()
    proc.wait(timeout=60)
    return proc.returncode, out


def main():
    binary = sys.argv[1]
    cwd = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm"
    failures = 0

    code, out = run(binary, cwd, env, True)
    line = b"\r\x1b[Kjourney: reading 1/2 files"
    cleared = out.rfind(b"\r\x1b[K")
    if code != 0 or line not in out or cleared < out.rfind(line) + len(line):
        failures += 1
        print(f"FAIL terminal: expected {line!r}, then the line cleared: exit {code}, {out[:400]!r}")
    elif b"2 files" not in out[cleared:] and b"no problems" not in out[cleared:]:
        print(f"note: summary after the progress line: {out[cleared:][:200]!r}")
    for name, quiet_env, tty, extra in [("pipe", env, False, ()),
                                        ("CI=1", dict(env, CI="1"), True, ()),
                                        ("--quiet", env, True, ("--quiet",))]:
        code, out = run(binary, cwd, quiet_env, tty, extra)
        if code != 0 or b"journey: reading" in out or b"\x1b[K" in out:
            failures += 1
            print(f"FAIL {name}: expected no progress line: exit {code}, {out[:400]!r}")
    print(f"progress line: {'FAILED' if failures else 'shown on a terminal only, cleared at the end'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
