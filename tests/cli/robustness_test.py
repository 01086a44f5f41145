#!/usr/bin/env python3
"""Hostile inputs through `journey lint`: each must give a diagnostic and exit 1 or 2, never a
crash, a hang or a sanitizer report."""
import os
import random
import subprocess
import sys
import tempfile


def cases(tmp):
    rnd = random.Random(7)
    valid = open(sys.argv[2], "rb").read()
    yield "empty file", b""
    yield "only comments", b"# nothing here\n# at all\n"
    yield "truncated", valid[: len(valid) // 2] + b"\n  - {to: [unclosed"
    yield "truncated mid-string", b'journey: x\ntitle: "I want'
    yield "binary garbage", bytes(rnd.randrange(256) for _ in range(4096))
    yield "NUL byte", b"journey: x\x00\ntitle: y\n"
    yield "invalid UTF-8", b"journey: x\ntitle: caf\xe9\n"
    yield "deep flow list", b"[" * 100000 + b"]" * 100000
    yield "deep block list", "".join("  " * i + "-\n" for i in range(3000)).encode()
    yield "deep mapping", "".join("  " * i + "k:\n" for i in range(3000)).encode()
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]\n"
    yield "alias bomb", bomb.encode()
    yield "recursive alias", b"a: &x\n  b: *x\n"
    yield "a scalar", b"just a string\n"
    yield "a list", b"- a\n- b\n"
    yield "two documents", valid + b"\n---\n" + valid
    yield "huge scalar", b"journey: x\ntitle: " + b"y" * (8 << 20) + b"\nsteps: 5\n"
    yield "tabs", b"journey: x\n\ttitle: y\n"
    yield "unknown anchor", b"a: *nothing\n"
    for i in range(40):
        data = bytearray(valid)
        for _ in range(rnd.randrange(1, 8)):
            op = rnd.randrange(3)
            pos = rnd.randrange(len(data))
            if op == 0:
                del data[pos]
            elif op == 1:
                data.insert(pos, rnd.choice(b"[]{}:-&*!|>'\"#\n \t%@`?,"))
            else:
                data[pos] = rnd.randrange(256)
        yield f"mutation {i}", bytes(data)


def main():
    binary = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases(tmp):
            path = os.path.join(tmp, "case.yaml")
            with open(path, "wb") as f:
                f.write(data)
            proc = subprocess.run([binary, "lint", path], capture_output=True, timeout=60)
            err = proc.stderr.decode("utf-8", "replace")
            ok = proc.returncode in (0, 1, 2) and "Sanitizer" not in err and "runtime error" not in err
            if name.startswith("mutation"):
                ok = ok and (proc.returncode == 0 or "case.yaml" in proc.stdout.decode("utf-8", "replace") + err)
            else:
                ok = ok and proc.returncode in (1, 2) and b"case.yaml:" in proc.stdout
            if not ok:
                failures += 1
                print(f"FAIL {name}: exit {proc.returncode}\n{proc.stdout[:2000]!r}\n{err[:2000]}")
        # A directory named like a journey file.
        d = os.path.join(tmp, "x.yaml")
        os.mkdir(d)
        proc = subprocess.run([binary, "lint", d], capture_output=True, timeout=60)
        if proc.returncode != 2 or b"x.yaml" not in proc.stderr:
            failures += 1
            print(f"FAIL directory named x.yaml: exit {proc.returncode} {proc.stderr!r}")
        proc = subprocess.run([binary, "lint", os.path.join(tmp, "missing.yaml")], capture_output=True)
        if proc.returncode != 2 or b"no such file" not in proc.stderr:
            failures += 1
            print(f"FAIL missing file: exit {proc.returncode} {proc.stderr!r}")
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
