#!/usr/bin/env python3
"""`journey lint --format sarif|junit` against the SARIF 2.1.0 and JUnit schemas, over lint runs
a CI job meets: clean, errors, a missing file, a bad configuration, absolute paths, paths with
spaces, non-ASCII letters and URI delimiters.

Besides the JSON schema, every URI is checked as SARIF's multitool does (SARIF1004): a URI with a
`uriBaseId` is a relative reference, `originalUriBaseIds` are absolute and end with `/`, and each
result's URI, resolved against its base and percent-decoded, names the file that was linted.
The schemas are bundled in tests/cli/schemas (OASIS sarif-schema-2.1.0.json, Jenkins junit-10.xsd).
Usage: output_schema_test.py JOURNEY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "schemas")

# RFC 3986, appendix A: the characters a URI may hold, and percent-encoded octets.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def check_uri(uri, where, absolute):
    check(URI_CHARS.match(uri) is not None, f"{where}: `{uri}` is not a valid RFC 3986 URI")
    if absolute:
        check(SCHEME.match(uri) is not None, f"{where}: `{uri}` should be an absolute URI")
    else:
        first_segment = uri.split("/", 1)[0]
        check(":" not in first_segment and not uri.startswith("/"),
              f"{where}: `{uri}` with a uriBaseId must be a relative reference (SARIF1004)")


def run(binary, cwd, *args):
    proc = subprocess.run([binary, "lint", *args], cwd=cwd, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def check_sarif(name, binary, cwd, args, validator, source_dir, expect):
    code, out, err = run(binary, cwd, "--format", "sarif", *args)
    check(code == expect["exit"], f"{name}: exit {code}, expected {expect['exit']}; stderr: {err}")
    try:
        log = json.loads(out)
    except json.JSONDecodeError as e:
        failures.append(f"{name}: not JSON: {e}")
        return
    for error in validator.iter_errors(log):
        failures.append(f"{name}: schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    check_uri(driver.get("informationUri", ""), f"{name}: informationUri", True)
    for rule in driver["rules"]:
        help_uri = rule.get("helpUri", "")
        check_uri(help_uri, f"{name}: rule {rule['id']} helpUri", True)
        check(help_uri.endswith(f"/docs/rules/{rule['id']}.md"),
              f"{name}: rule {rule['id']}: helpUri `{help_uri}` is not its page")
        check(os.path.isfile(os.path.join(source_dir, "docs", "rules", rule["id"] + ".md")),
              f"{name}: rule {rule['id']} has no docs/rules/{rule['id']}.md for its helpUri")
    bases = run_.get("originalUriBaseIds", {})
    check("%SRCROOT%" in bases, f"{name}: no originalUriBaseIds.%SRCROOT%")
    root = bases.get("%SRCROOT%", {}).get("uri", "")
    check_uri(root, f"{name}: %SRCROOT%", True)
    check(root.endswith("/"), f"{name}: %SRCROOT% `{root}` must end with /")

    def resolve(location, where):
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        if "uriBaseId" in artifact:
            check(artifact["uriBaseId"] in bases, f"{where}: undefined uriBaseId")
            check_uri(uri, where, False)
            uri = urllib.parse.urljoin(root, uri)
        else:
            check_uri(uri, where, True)
        check(uri.startswith("file:///"), f"{where}: `{uri}` does not resolve to a file URI")
        return urllib.parse.unquote(uri[len("file://"):], errors="strict")

    for i, result in enumerate(run_["results"]):
        path = resolve(result["locations"][0], f"{name}: results[{i}]")
        check(os.path.isfile(path), f"{name}: results[{i}] names `{path}`, which is no file")
    invocation = run_["invocations"][0]
    notifications = invocation.get("toolExecutionNotifications", [])
    check(invocation.get("executionSuccessful") == (not expect.get("notifications")),
          f"{name}: executionSuccessful is {invocation.get('executionSuccessful')}")
    check(len(notifications) == len(expect.get("notifications", [])),
          f"{name}: {len(notifications)} tool execution notifications, expected "
          f"{len(expect.get('notifications', []))}")
    for n, (descriptor, path) in zip(notifications, expect.get("notifications", [])):
        check(n.get("descriptor", {}).get("id") == descriptor,
              f"{name}: notification descriptor {n.get('descriptor')}, expected {descriptor}")
        check(n["level"] == "error", f"{name}: notification level {n['level']}")
        named = resolve(n["locations"][0], f"{name}: notification")
        check(named == path, f"{name}: notification names `{named}`, expected `{path}`")
    check(len(run_["results"]) == expect["results"],
          f"{name}: {len(run_['results'])} results, expected {expect['results']}")


def check_junit(name, binary, cwd, args, expect):
    if shutil.which("xmllint") is None:
        failures.append("xmllint is missing (Debian: libxml2-utils)")
        return
    code, out, _ = run(binary, cwd, "--format", "junit", *args)
    check(code == expect["exit"], f"{name} (junit): exit {code}, expected {expect['exit']}")
    proc = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(SCHEMAS, "junit-jenkins.xsd"),
                           "-"], input=out.encode("utf-8"), capture_output=True)
    check(proc.returncode == 0, f"{name} (junit): {proc.stderr.decode('utf-8', 'replace')}")
    errors = out.count("<error ")
    files = len({path for _, path in expect.get("notifications", [])})
    check(errors == files, f"{name} (junit): {errors} <error> elements, expected one per file, {files}")


def main():
    binary, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(SCHEMAS, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    inputs = os.path.join(HERE, "inputs")
    with tempfile.TemporaryDirectory(prefix="journey sarif é ") as tmp:
        work = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(work, "with space"))
        os.makedirs(os.path.join(work, "prêt à porter"))
        os.makedirs(os.path.join(work, "bad config"))
        shutil.copy(os.path.join(inputs, "clean.yaml"), os.path.join(work, "clean.yaml"))
        shutil.copy(os.path.join(inputs, "broken.yaml"), os.path.join(work, "broken.yaml"))
        shutil.copy(os.path.join(inputs, "broken.yaml"), os.path.join(work, "with space", "a b#1%.yaml"))
        shutil.copy(os.path.join(inputs, "broken.yaml"), os.path.join(work, "prêt à porter", "café.yaml"))
        shutil.copy(os.path.join(inputs, "broken.yaml"), os.path.join(work, "a:b?c.yaml"))
        shutil.copy(os.path.join(inputs, "clean.yaml"), os.path.join(work, "bad config", "j.yaml"))
        shutil.copy(os.path.join(inputs, "badconfig", ".journeylint.yaml"),
                    os.path.join(work, "bad config", ".journeylint.yaml"))
        broken_absolute = os.path.join(work, "broken.yaml")
        cases = [
            ("clean", ["clean.yaml"], {"exit": 0, "results": 0}),
            ("errors", ["broken.yaml"], {"exit": 1, "results": 8}),
            ("missing file", ["clean.yaml", "missing.yaml"],
             {"exit": 2, "results": 0, "notifications": [("io", os.path.join(work, "missing.yaml"))]}),
            ("missing absolute", [os.path.join(work, "nowhere", "gone.yaml")],
             {"exit": 2, "results": 0,
              "notifications": [("io", os.path.join(work, "nowhere", "gone.yaml"))]}),
            ("absolute path", [broken_absolute], {"exit": 1, "results": 8}),
            ("path with spaces", ["with space/a b#1%.yaml"], {"exit": 1, "results": 8}),
            ("unicode path", ["prêt à porter"], {"exit": 1, "results": 8}),
            ("unicode absolute path", [os.path.join(work, "prêt à porter", "café.yaml")],
             {"exit": 1, "results": 8}),
            ("colon in the first segment", ["a:b?c.yaml"], {"exit": 1, "results": 8}),
            ("dot slash", ["./broken.yaml"], {"exit": 1, "results": 8}),
            ("bad configuration", ["bad config"],
             {"exit": 2, "results": 0,
              "notifications": [("config", os.path.join(work, "bad config", ".journeylint.yaml"))] * 3}),
        ]
        for name, args, expect in cases:
            check_sarif(name, binary, work, args, validator, source_dir, expect)
            check_junit(name, binary, work, args, expect)
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{len(cases)} SARIF logs valid against SARIF 2.1.0 with resolvable URIs; "
          f"{len(cases)} JUnit reports valid against junit-10.xsd")
    return 0


if __name__ == "__main__":
    sys.exit(main())
