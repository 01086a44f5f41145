#!/usr/bin/env python3
"""`journey diff git:REV:PATH` against a throw-away git repository: reading an old version, paths
relative to the current folder, catalogs from the working tree, and the errors (not a repository,
bad revision, missing path), each a clear message with exit code 2.

Usage: diff_git_test.py JOURNEY_BINARY. Exits 77 (skipped) when git is not installed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

CATALOG = "teams:\n  ops: Operations\nprocesses:\n  check:\n    name: Check\n    team: ops\n"
JOURNEY = """journey: j
title: J
intent: I
owner: O
start: S
ends: [E]
catalog: ../org.yaml
steps:
  - id: ask
    name: Asks
    time: 5m
    next: check
  - id: check
    name: Checked
    actor: backstage
    process: check
    wait: {wait}
    end: success
"""


def main():
    journey = sys.argv[1]
    if shutil.which("git") is None:
        print("git is not installed: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GIT_CEILING_DIRECTORIES=tmp, GIT_CONFIG_NOSYSTEM="1",
                   HOME=tmp, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
        repo = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(repo, "journeys"))
        with open(os.path.join(repo, "org.yaml"), "w") as f:
            f.write(CATALOG)
        path = os.path.join(repo, "journeys", "j.yaml")
        with open(path, "w") as f:
            f.write(JOURNEY.format(wait="1d"))
        git = ["git", "-C", repo]
        for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
            subprocess.run(git + args, check=True, env=env)
        with open(path, "w") as f:
            f.write(JOURNEY.format(wait="3d"))

        def run(args, cwd):
            p = subprocess.run([journey, "diff"] + args, cwd=cwd, env=env, capture_output=True,
                               text=True, timeout=60)
            return p.returncode, p.stdout, p.stderr

        def expect(condition, message, result):
            if not condition:
                failures.append(f"{message}\n  got: {result}")

        result = run(["git:HEAD:journeys/j.yaml", "journeys/j.yaml"], repo)
        expect(result[0] == 0, "diff against HEAD exits 0", result)
        expect("journey j: git:HEAD:journeys/j.yaml -> journeys/j.yaml\n" in result[1],
               "the header names both versions", result)
        expect("      wait: 1d -> 3d\n" in result[1], "the changed wait is shown", result)
        expect("expected lead time" in result[1] and "+2d" in result[1],
               "the lead time delta is shown", result)

        sub = os.path.join(repo, "journeys")
        result = run(["git:HEAD:j.yaml", "j.yaml"], sub)
        expect(result[0] == 0 and "wait: 1d -> 3d" in result[1],
               "PATH is relative to the current folder", result)

        result = run(["git:HEAD:journeys/j.yaml", "git:HEAD:journeys/j.yaml"], repo)
        expect(result[0] == 0 and "no changes" in result[1], "both sides from git", result)

        result = run(["git:no-such-rev:journeys/j.yaml", "journeys/j.yaml"], repo)
        expect(result[0] == 2 and "cannot read git:no-such-rev:journeys/j.yaml" in result[2]
               and "no-such-rev" in result[2], "a bad revision is exit 2 with a message", result)

        result = run(["git:HEAD:journeys/missing.yaml", "journeys/j.yaml"], repo)
        expect(result[0] == 2 and "does not exist" in result[2],
               "a missing path is exit 2 with a message", result)

        outside = os.path.join(tmp, "outside")
        os.makedirs(outside)
        shutil.copy(path, outside)
        result = run(["git:HEAD:j.yaml", "j.yaml"], outside)
        expect(result[0] == 2 and "not a git repository" in result[2],
               "outside a repository is exit 2 with a message", result)

        result = run(["git:-p:j.yaml", "j.yaml"], repo)
        expect(result[0] == 2 and "is not a revision" in result[2],
               "an option is not taken for a revision", result)
    for message in failures:
        print("FAIL:", message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
