#!/usr/bin/env python3
"""`journey lint` colours its text output on a terminal only, and never when NO_COLOR is set."""
import os
import pty
import subprocess
import sys


def run(binary, env, tty):
    args = [binary, "lint", "suppressed.yaml"]
    cwd = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs")
    if not tty:
        return subprocess.run(args, cwd=cwd, env=env, capture_output=True).stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=follower, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(leader)
    return out


def main():
    binary = sys.argv[1]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    checks = [
        ("terminal", run(binary, env, True), True),
        ("pipe", run(binary, env, False), False),
        ("terminal with NO_COLOR", run(binary, dict(env, NO_COLOR="1"), True), False),
    ]
    failures = 0
    for name, out, colored in checks:
        if (b"\x1b[" in out) != colored or b"missing-owner" not in out:
            failures += 1
            print(f"FAIL {name}: expected {'colour' if colored else 'no colour'}: {out[:300]!r}")
    print(f"{len(checks) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
