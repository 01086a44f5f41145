#!/usr/bin/env python3
"""`journey init` as a workshop uses it: the starter lints clean (no errors, no warnings), renders,
validates against the schema its modeline names, uses the nearest catalog, and never overwrites.

Usage: init_test.py JOURNEY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(binary, cwd, *args):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def lints_clean_and_renders(binary, cwd, path, name):
    lint = run(binary, cwd, "lint", path)
    check(lint.returncode == 0 and lint.stdout == "" and "0 errors, 0 warnings" in lint.stderr,
          f"{name}: the starter does not lint clean: {lint.stdout}{lint.stderr}")
    for target in ("starter.svg", "starter.png", "starter.mmd"):
        render = run(binary, cwd, "render", path, "-o", target)
        check(render.returncode == 0 and os.path.getsize(os.path.join(cwd, target)) > 0,
              f"{name}: render -o {target} exited {render.returncode}: {render.stderr}")


def modeline_schema(cwd, path):
    with open(os.path.join(cwd, path), encoding="utf-8") as f:
        first = f.readline()
    prefix = "# yaml-language-server: $schema="
    check(first.startswith(prefix), f"{path}: first line is not the schema modeline: {first}")
    return first[len(prefix):].strip()


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        # A repository with a catalog at its root, the schema in .vscode/ and journeys in a folder.
        repo = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(repo, ".git"))
        os.makedirs(os.path.join(repo, ".vscode"))
        os.makedirs(os.path.join(repo, "journeys"))
        shutil.copy(os.path.join(source, "journeys", "org.yaml"), os.path.join(repo, "org.yaml"))
        schema = run(binary, repo, "schema", "-o", ".vscode/journey.schema.json")
        check(schema.returncode == 0, f"journey schema: {schema.stderr}")
        made = run(binary, repo, "init", "journeys/lost-card.yaml")
        check(made.returncode == 0, f"init: exit {made.returncode}: {made.stderr}")
        path = "journeys/lost-card.yaml"
        with open(os.path.join(repo, path), encoding="utf-8") as f:
            text = f.read()
        doc = yaml.safe_load(text)
        check(doc.get("catalog") == "../org.yaml", f"init: catalog is {doc.get('catalog')}")
        check(doc.get("journey") == "lost-card", f"init: journey id is {doc.get('journey')}")
        check("channels" not in doc and "teams" not in doc,
              "init: the starter defines channels or teams the catalog has")
        check(modeline_schema(repo, path) == "../.vscode/journey.schema.json",
              f"init: modeline names {modeline_schema(repo, path)}")
        with open(os.path.join(repo, ".vscode", "journey.schema.json"), encoding="utf-8") as f:
            for error in jsonschema.Draft7Validator(json.load(f)).iter_errors(doc):
                failures.append(f"init: against its schema: {error.message}")
        commented = [line for line in text.splitlines() if "#" in line]
        check(len(commented) >= 20, f"init: only {len(commented)} commented lines")
        lints_clean_and_renders(binary, repo, path, "with a catalog")

        # Never overwrites, not even a dangling link.
        again = run(binary, repo, "init", path)
        with open(os.path.join(repo, path), encoding="utf-8") as f:
            check(f.read() == text, "init overwrote the file")
        check(again.returncode == 2 and "already exists" in again.stderr,
              f"second init: exit {again.returncode}: {again.stderr}")
        os.symlink("nowhere.yaml", os.path.join(repo, "journeys", "link.yaml"))
        linked = run(binary, repo, "init", "journeys/link.yaml")
        check(linked.returncode == 2 and not os.path.exists(os.path.join(repo, "journeys", "nowhere.yaml")),
              f"init through a dangling link: exit {linked.returncode}")

        # Alone in a folder: its own channels and teams, the published schema.
        alone = os.path.join(tmp, "alone")
        os.makedirs(os.path.join(alone, ".git"))
        made = run(binary, alone, "init")
        check(made.returncode == 0, f"init alone: {made.stderr}")
        with open(os.path.join(alone, "journey.yaml"), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        check("catalog" not in doc and "channels" in doc and "teams" in doc,
              "init alone: expected local channels and teams, no catalog")
        check(modeline_schema(alone, "journey.yaml").startswith("https://"),
              "init alone: the modeline does not name the published schema")
        with open(os.path.join(source, "docs", "journey.schema.json"), encoding="utf-8") as f:
            for error in jsonschema.Draft7Validator(json.load(f)).iter_errors(doc):
                failures.append(f"init alone: against the schema: {error.message}")
        lints_clean_and_renders(binary, alone, "journey.yaml", "alone")
        skipped = run(binary, repo, "init", "--no-catalog", "journeys/plain.yaml")
        check(skipped.returncode == 0, f"init --no-catalog: {skipped.stderr}")
        lints_clean_and_renders(binary, repo, "journeys/plain.yaml", "--no-catalog")
    if failures:
        print("\n".join(failures))
        return 1
    print("journey init: starters lint clean, render, match their schema, never overwrite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
