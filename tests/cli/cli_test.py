#!/usr/bin/env python3
"""Golden tests for the journey CLI: runs one case and compares exit code, stdout and stderr.

A case is cases/<name>.cmd: the first line holds the arguments (shell words; `{bin}` is the
journey binary), an optional `stdin: FILE` line feeds a file to standard input, and
`env: NAME=VALUE` lines set variables. The expected result is cases/<name>.golden. Cases run in
tests/cli/inputs; its absolute path reads `{inputs}` in the output. Set JOURNEY_UPDATE_GOLDEN=1 to rewrite the golden files from the actual output.
"""
import os
import shlex
import subprocess
import sys


def render(code, out, err):
    return f"exit: {code}\n--- stdout\n{out}--- stderr\n{err}"


def main():
    binary, case_dir, name = sys.argv[1], sys.argv[2], sys.argv[3]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(case_dir, name + ".cmd"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    args = [binary if w == "{bin}" else w for w in shlex.split(lines[0])]
    stdin_data = None
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["TERM"] = "dumb"
    for line in lines[1:]:
        key, _, value = line.partition(": ")
        if key == "stdin":
            with open(os.path.join(here, "inputs", value), "rb") as f:
                stdin_data = f.read()
        elif key == "env":
            k, _, v = value.partition("=")
            env[k] = v
    proc = subprocess.run(args, cwd=os.path.join(here, "inputs"), input=stdin_data,
                          capture_output=True, env=env, timeout=120)
    actual = render(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                    proc.stderr.decode("utf-8", "replace"))
    # Absolute paths of the inputs folder (SARIF's %SRCROOT%) read `{inputs}`, wherever the tree is.
    actual = actual.replace(os.path.join(here, "inputs"), "{inputs}")
    golden = os.path.join(case_dir, name + ".golden")
    if os.environ.get("JOURNEY_UPDATE_GOLDEN"):
        with open(golden, "w", encoding="utf-8") as f:
            f.write(actual)
        return 0
    with open(golden, encoding="utf-8") as f:
        expected = f.read()
    if actual != expected:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                   "expected", "actual"))
        print(f"\n{name}: output differs from {golden} (JOURNEY_UPDATE_GOLDEN=1 to accept)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
