#!/usr/bin/env python3
"""The shipped pre-commit hook, end to end with pre-commit itself, in a temporary git repository
that also holds a workflow, docker-compose.yml, .pre-commit-config.yaml and .journeylint.yaml.

pre-commit cannot fetch repositories here, so the hook runs as a `local` one pointing at the built
binary, with the `files`/`exclude` patterns and arguments read from the shipped
.pre-commit-hooks.yaml (validated with `pre-commit validate-manifest`), so the shipped patterns
are what is tested. The hook must pass on good journeys and block a broken one.
Usage: precommit_test.py JOURNEY_BINARY SOURCE_DIR
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

GOOD = """journey: apply
title: I want to apply for a card
owner: Cards
intent: Pay with a card
start: Wants a card
ends: [Has a card]
catalog: org.yaml
steps:
  - id: apply
    name: Apply online
    channel: web
    time: 5m
    end: success
"""

ORG = "channels:\n  web: {name: Website, kind: digital, cost: 0.10}\n"

OTHERS = {
    ".github/workflows/ci.yml": "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                                "    steps:\n      - run: journey lint journeys\n",
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n",
    "deploy/app.yaml": "server:\n  port: 8080\n",  # not a journey: skipped by its keys
    "journeys/drafts/idea.yaml": "journey: idea\nsteps: [oops\n",  # excluded by .journeylint.yaml
    ".journeylint.yaml": "exclude: [drafts/]\nrules:\n  missing-owner: error\n",
}


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(repo, path, text):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    binary, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    manifest = os.path.join(source, ".pre-commit-hooks.yaml")
    subprocess.run(["pre-commit", "validate-manifest", manifest], check=True)
    with open(manifest, encoding="utf-8") as f:
        hook = next(h for h in yaml.safe_load(f) if h["id"] == "journey-lint")
    entry = shlex.split(hook["entry"])
    assert entry[0] == "journey", hook["entry"]
    example = os.path.join(source, "examples", "pre-commit-config.yaml")
    subprocess.run(["pre-commit", "validate-config", example], check=True)
    with open(example, encoding="utf-8") as f:
        local = yaml.safe_load(f)["repos"][0]["hooks"][0]
    for key in ("entry", "files", "exclude", "require_serial"):
        assert local[key] == hook[key], f"examples/pre-commit-config.yaml: `{key}` differs from the shipped hook"

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "repo")
        os.makedirs(repo)
        env = dict(os.environ, PRE_COMMIT_HOME=os.path.join(tmp, "cache"), NO_COLOR="1",
                   GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
        env.pop("FORCE_COLOR", None)
        git(repo, "init", "-q")
        config = {"repos": [{"repo": "local", "hooks": [{
            "id": hook["id"], "name": hook["name"],
            "entry": shlex.join([binary] + entry[1:]),
            "language": "system", "files": hook["files"], "exclude": hook["exclude"],
            "require_serial": hook.get("require_serial", False)}]}]}
        write(repo, ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
        for path, text in OTHERS.items():
            write(repo, path, text)
        write(repo, "journeys/apply.yaml", GOOD)
        write(repo, "journeys/org.yaml", ORG)
        git(repo, "add", "-A")

        def run(title, expect_ok, must_contain=()):
            nonlocal failures
            proc = subprocess.run(["pre-commit", "run", "--all-files", "--color", "never"],
                                  cwd=repo, env=env, capture_output=True, text=True, timeout=300)
            out = proc.stdout + proc.stderr
            print(f"--- {title}: pre-commit exit {proc.returncode}\n{out}")
            ok = (proc.returncode == 0) == expect_ok and all(s in out for s in must_contain)
            for other in ("docker-compose", "workflows", "deploy/app", "drafts", ".journeylint"):
                if other in out:
                    ok = False
                    print(f"FAIL {title}: another tool's file reached the linter: {other}")
            if not ok:
                failures += 1
                print(f"FAIL {title}: expected {'pass' if expect_ok else 'block'}")

        run("good journeys", True, ["journey lint", "Passed"])
        broken = GOOD.replace("    end: success\n", "    next: missing-step\n")
        write(repo, "journeys/apply.yaml", broken)
        git(repo, "add", "-A")
        run("a broken journey", False, ["Failed", "journeys/apply.yaml", "missing-step"])
        write(repo, "journeys/apply.yaml", GOOD.replace("owner: Cards\n", ""))
        git(repo, "add", "-A")
        run("the repository's .journeylint.yaml in force", False, ["missing-owner"])
    print("pre-commit hook:", "FAILED" if failures else "passes on good journeys, blocks a broken one")
    return 1 if failures else 0


if __name__ == "__main__":
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        print("pre-commit or git not installed")
        sys.exit(1)
    sys.exit(main())
