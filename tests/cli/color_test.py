#!/usr/bin/env python3
"""`journey lint` colours its text output on a terminal only, never when NO_COLOR is set, always
with FORCE_COLOR; `--color always|never` wins over both."""
import os
import pty
import subprocess
import sys


def run(binary, env, tty, *options):
    args = [binary, "lint", *options, "suppressed.yaml"]
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
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI")}
    env["TERM"] = "xterm"
    checks = [
        ("terminal", run(binary, env, True), True),
        ("pipe", run(binary, env, False), False),
        ("terminal with NO_COLOR", run(binary, dict(env, NO_COLOR="1"), True), False),
        ("pipe with FORCE_COLOR", run(binary, dict(env, FORCE_COLOR="1"), False), True),
        ("terminal with FORCE_COLOR=0", run(binary, dict(env, FORCE_COLOR="0"), True), False),
        ("NO_COLOR over FORCE_COLOR", run(binary, dict(env, NO_COLOR="1", FORCE_COLOR="1"), False),
         False),
        ("pipe with TERM=dumb and FORCE_COLOR", run(binary, dict(env, TERM="dumb", FORCE_COLOR="1"),
                                                    False), True),
        ("pipe with --color always", run(binary, env, False, "--color", "always"), True),
        ("--color always over NO_COLOR", run(binary, dict(env, NO_COLOR="1"), False, "--color",
                                             "always"), True),
        ("terminal with --color never", run(binary, env, True, "--color", "never"), False),
        ("--color never over FORCE_COLOR", run(binary, dict(env, FORCE_COLOR="1"), True, "--color",
                                               "never"), False),
        ("--color auto is the default", run(binary, env, True, "--color", "auto"), True),
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
