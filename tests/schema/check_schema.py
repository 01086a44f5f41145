#!/usr/bin/env python3
"""Checks docs/*.schema.json: they are what `journey schema` prints; the bundled journeys and
catalog, and the lint fixtures the parser reads without complaint, validate against them; fixtures
with parser findings do not; the schema's duration, hours and probability patterns agree with the
parser on known good and bad values.

Usage: check_schema.py ROOT JOURNEY_BINARY
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "build", "tools", "journey")
DOCS = os.path.join(ROOT, "docs")

# 0. The files in docs/ are the output of `journey schema` (checked before anything is skipped).
for name, args in (("journey.schema.json", []), ("catalog.schema.json", ["--catalog"]),
                   ("scenario.schema.json", ["--scenario"])):
    with open(os.path.join(DOCS, name), encoding="utf-8", newline="") as f:
        written = f.read()
    generated = subprocess.run([BINARY, "schema", *args], capture_output=True, check=True,
                               text=True).stdout
    if written != generated:
        print(f"docs/{name} differs from `journey schema {' '.join(args)}`; regenerate it with\n"
              f"  build/tools/journey schema {' '.join(args + ['>'])} docs/{name}")
        sys.exit(1)

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (install python3-jsonschema python3-yaml)")
    sys.exit(77)

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
DOCS = os.path.join(ROOT, "docs")


def load_schema(name):
    path = os.path.join(DOCS, name)
    with open(path, encoding="utf-8") as f:
        return "file://" + path, json.load(f)


JOURNEY_URI, JOURNEY = load_schema("journey.schema.json")
CATALOG_URI, CATALOG = load_schema("catalog.schema.json")


def validator(uri, schema):
    jsonschema.Draft7Validator.check_schema(schema)
    store = {JOURNEY_URI: JOURNEY, CATALOG_URI: CATALOG}
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18

        registry = Registry().with_resources(
            (u, Resource.from_contents(s, default_specification=_draft7())) for u, s in store.items())
        return jsonschema.Draft7Validator(dict(schema, **{"$id": uri}), registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver(base_uri=uri, referrer=schema, store=store)
        return jsonschema.Draft7Validator(schema, resolver=resolver)


def _draft7():
    from referencing.jsonschema import DRAFT7

    return DRAFT7


SCENARIO_URI, SCENARIO = load_schema("scenario.schema.json")


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML without YAML 1.1's timestamps: `2025-03-31` stays text, as journey (yaml-cpp)
    and editors' YAML 1.2 read it."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(f):
    return yaml.load(f, Loader=Yaml12Loader)


JOURNEY_V = validator(JOURNEY_URI, JOURNEY)
SCENARIO_V = validator(SCENARIO_URI, SCENARIO)
CATALOG_V = validator(CATALOG_URI, CATALOG)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def errors(v, doc):
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in v.iter_errors(doc)]


# 1. Every bundled file validates; catalogs (no `journey` key) against the catalog schema.
files = sorted(glob.glob(os.path.join(ROOT, "journeys", "*.yaml")) + glob.glob(os.path.join(ROOT, "journeys", "*.yml")))
# Survey sidecars (`x.surveys.yaml`): each result validates as the journey schema's `survey`.
sidecars = [p for p in files if ".surveys." in os.path.basename(p)]
files = [p for p in files if p not in sidecars]
SURVEY_V = validator(JOURNEY_URI + ".survey", {"$ref": JOURNEY_URI + "#/definitions/survey"})
check(sidecars, "expected a survey sidecar among the bundled journeys")
for path in sidecars:
    with open(path, encoding="utf-8") as f:
        doc = load_yaml(f)
    check(isinstance(doc, dict) and set(doc) <= {"journey", "surveys"} and doc.get("surveys"),
          f"{os.path.relpath(path, ROOT)}: a sidecar holds `surveys` (and `journey`) only")
    for i, result in enumerate(doc.get("surveys") or []):
        for e in errors(SURVEY_V, result):
            failures.append(f"{os.path.relpath(path, ROOT)}: surveys/{i}/{e}")
check(len(files) >= 7, f"expected at least 7 bundled files, found {len(files)}")
journeys = catalogs = 0
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = load_yaml(f)
    is_catalog = isinstance(doc, dict) and not ({"journey", "title", "steps"} & doc.keys())
    v = CATALOG_V if is_catalog else JOURNEY_V
    catalogs += is_catalog
    journeys += not is_catalog
    for e in errors(v, doc):
        failures.append(f"{os.path.relpath(path, ROOT)}: {e}")
check(catalogs == 1, f"expected one catalog (org.yaml), found {catalogs}")
check(journeys >= 6, f"expected at least six journeys, found {journeys}")


# Scenario files: the bundled ones and the CLI cases' validate, but the one with an unknown key.
scenarios = sorted(glob.glob(os.path.join(ROOT, "journeys", "scenarios", "*.yaml")) +
                   glob.glob(os.path.join(ROOT, "tests", "cli", "inputs", "compare", "*.yaml")))
check(len(scenarios) >= 5, f"expected at least 5 scenario files, found {len(scenarios)}")
for path in scenarios:
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    found = errors(SCENARIO_V, doc)
    if path.endswith("unknown-key.yaml"):
        check(found, f"{os.path.relpath(path, ROOT)}: the scenario schema accepts `volum`")
    else:
        for e in found:
            failures.append(f"{os.path.relpath(path, ROOT)}: {e}")
check(errors(SCENARIO_V, {"journeys": {}}), "scenario schema accepts a scenario without `scenario`")
check(errors(SCENARIO_V, {"scenario": "s", "journeys": {"j": {"steps": {"a": {"shares": [{"to": "b"}]}}}}}),
      "scenario schema accepts a share without `p`")


# 2. Patterns agree with the parser (lib/model/duration.cpp, hours.cpp, parse/reader.cpp).
def step_with(**fields):
    step = {"id": "a", "name": "A", "end": "success"}
    step.update(fields)
    return {"journey": "j", "title": "T", "steps": [step]}


def channel_with(**fields):
    channel = {"kind": "digital"}
    channel.update(fields)
    return {"journey": "j", "title": "T", "channels": {"c": channel}, "steps": [{"id": "a", "name": "A", "end": True}]}


good_durations = ["45s", "10m", "2h", "1h30m", "1h 30m", "1.5h", ".5h", "3d", "1w", "1w2d3h4m5s", "2 hours",
                  "90 min", "1 day 2 hours", "3 weeks", "10 secs", "0s", " 2h ", "P1DT2H", "PT30M", "PT45S",
                  "P2W", "P1W1D", "PT1H30M", "PT1.5H", "P3D", 0, "0", "2 Days", "1 Hour", "30 MINUTES",
                  "2 Wks 1 Day", "2hrs"]
bad_durations = ["", "30", "3x", "3 fortnights", "30m1h", "1h1h", "-1h", "h", "1H", "1M", "2D", "3 Months", "P1Y", "P1M", "PT1D",
                 "P1H", "P", "PT", "P1", "PT1M1H", "P1DTT1H", 30, 1.5, True, ["1h"]]
for d in good_durations:
    check(not errors(JOURNEY_V, step_with(wait=d)), f"schema rejects the duration {d!r} the parser accepts")
for d in bad_durations:
    check(errors(JOURNEY_V, step_with(wait=d)), f"schema accepts the duration {d!r} the parser rejects")

# Spreads (lib/model/spread.cpp): a range of two durations, or typical and tail. A reversed range
# is refused by the parser only (the schema cannot compare two durations).
good_spreads = ["2d-5d", "10m - 1h", "0-2h", "P1D-P3D", "1h30m-2 hours", " 1d-2d ",
                {"typical": "2d", "p90": "7d"}, {"typical": "10m", "p90": "10m"}]
bad_spreads = ["2d-", "-2d", "2-7d", "1d-2d-3d", "2d--3d", "2d-3x", {"typical": "2d"}, {"p90": "2d"},
               {"typical": "2d", "p95": "3d"}, {"typical": "2d", "p90": "7"}, ["2d", "5d"]]
for d in good_spreads:
    check(not errors(JOURNEY_V, step_with(wait=d, time=d)), f"schema rejects the spread {d!r} the parser accepts")
for d in bad_spreads:
    check(errors(JOURNEY_V, step_with(wait=d)), f"schema accepts the spread {d!r} the parser rejects")

good_hours = ["24/7", "Mon-Fri 08:00-20:00", "Mon-Fri 08:00-20:00; Sat 09:00-13:00",
              "Mon-Fri 08:00-20:00; Sat 09:00-13:00; Sun closed", "Sun closed", "Mon-Fri closed; Sat 10:00-12:00",
              "Mon-Fri 09:00-12:00, 13:00-17:00", "Sat,Sun 10:00-16:00", "Fri-Mon 10:00-11:00", "Mon 00:00-24:00",
              "mon-fri 9:00-17:00", "Monday 09:00-17:00", "Mon 08:00-20:00;"]
bad_hours = ["", "Mon-Fri", "Mon-Fri 8-20", "Mon 25:00-26:00", "Mon 08:60-09:00", "Funday 09:00-10:00",
             "closed", "08:00-20:00", "always", 24]
for h in good_hours:
    check(not errors(JOURNEY_V, channel_with(hours=h)), f"schema rejects the hours {h!r} the parser accepts")
for h in bad_hours:
    check(errors(JOURNEY_V, channel_with(hours=h)), f"schema accepts the hours {h!r} the parser rejects")

for p in [0, 1, 0.25, "40%", "12.5%", "100%", "0%"]:
    check(not errors(JOURNEY_V, step_with(next={"to": "a", "p": p})), f"schema rejects p {p!r}")
for p in [1.5, -0.1, "150%", "half", "40", "101%"]:
    check(errors(JOURNEY_V, step_with(next={"to": "a", "p": p})), f"schema accepts p {p!r}")

# 3. Keys, enums and required fields.
check(errors(JOURNEY_V, step_with(chanel="web")), "schema accepts the unknown step key `chanel`")
check(errors(JOURNEY_V, dict(step_with(), jorney="j")), "schema accepts the unknown key `jorney`")
check(errors(JOURNEY_V, step_with(actor="custmer")), "schema accepts the actor `custmer`")
check(errors(JOURNEY_V, step_with(end="none")), "schema accepts the end `none`")
check(errors(JOURNEY_V, step_with(emotion=4)), "schema accepts emotion 4")
check(errors(JOURNEY_V, step_with(emotion=1.5)), "schema accepts emotion 1.5")
check(errors(JOURNEY_V, step_with(cost=-1)), "schema accepts a negative cost")
check(errors(JOURNEY_V, step_with(cost=1e13)), "schema accepts a cost above 10^12 the parser rejects")
check(not errors(JOURNEY_V, step_with(cost=1e12)), "schema rejects the largest cost the parser accepts")
check(errors(JOURNEY_V, channel_with(kind="digtal")), "schema accepts the kind `digtal`")
check(errors(JOURNEY_V, {"journey": "j", "title": "T", "channels": {"c": {"name": "C"}}, "steps": [{"id": "a", "name": "A"}]}),
      "schema accepts a channel without `kind`")
check(errors(JOURNEY_V, {"journey": "Open Account", "title": "T", "steps": [{"id": "a", "name": "A"}]}),
      "schema accepts a journey id that is not a slug")
check(errors(JOURNEY_V, {"journey": "j", "title": "T", "steps": []}), "schema accepts empty steps")
check(errors(JOURNEY_V, {"journey": "j", "steps": [{"id": "a", "name": "A"}]}), "schema accepts a journey without a title")
check(errors(JOURNEY_V, step_with(next=[{"p": 0.5}])), "schema accepts a branch without `to`")
for next_value in ["b", 5, ["b", "c"], {"to": "b", "p": 1, "label": "x"}, [{"to": "b", "p": "40%"}, "c"], None]:
    check(not errors(JOURNEY_V, step_with(next=next_value)), f"schema rejects next {next_value!r}")
for end in ["success", "abandon", "failure", True, False, None]:
    check(not errors(JOURNEY_V, step_with(end=end)), f"schema rejects end {end!r}")
check(not errors(JOURNEY_V, {"journey": "j", "title": "T", "teams": {"t": "T", "u": None, "v": {"name": "V"}},
                             "processes": {"p": "P", "q": {"name": "Q", "team": "t"}},
                             "steps": [{"id": "a", "name": "A", "team": "t", "end": True}]}),
      "schema rejects the shorthand forms of teams and processes")
check(not errors(CATALOG_V, {"catalog": "base.yaml", "teams": {"t": "T"}}), "catalog schema rejects a valid catalog")
check(not errors(CATALOG_V, None), "catalog schema rejects an empty catalog")
check(errors(CATALOG_V, {"steps": []}), "catalog schema accepts `steps`")
check(errors(CATALOG_V, {"channels": {"web": {"kind": "web"}}}), "catalog schema accepts the kind `web`")

# 4. Lint fixtures: what the parser reads without complaint, the schema accepts; what the parser
# refuses (unknown keys, bad values, missing fields), the schema refuses too. Files with YAML
# errors or duplicate keys are left out: PyYAML cannot read them the way journey does.
PARSER_RULES = {"unknown-key", "invalid-value", "missing-field"}
UNREADABLE_RULES = {"yaml-syntax", "duplicate-key"}
fixtures = sorted(p for p in glob.glob(os.path.join(ROOT, "tests", "lint", "fixtures", "**", "*.yaml"), recursive=True)
                  if not p.endswith(".journeylint.yaml") and not p.endswith(".surveys.yaml"))
clean = refused = 0
for path in fixtures:
    name = os.path.relpath(path, ROOT)
    lint = subprocess.run([BINARY, "lint", "--format", "json", path], capture_output=True, text=True)
    rules = {d["rule"] for d in json.loads(lint.stdout)}
    if rules & UNREADABLE_RULES:
        continue
    with open(path, encoding="utf-8") as f:
        doc = load_yaml(f)
    is_catalog = isinstance(doc, dict) and not ({"journey", "title", "steps"} & doc.keys())
    found = errors(CATALOG_V if is_catalog else JOURNEY_V, doc)
    if rules & PARSER_RULES:
        refused += 1
        check(found, f"{name}: the parser reports {sorted(rules & PARSER_RULES)} but the schema accepts it")
    else:
        clean += 1
        for e in found:
            failures.append(f"{name}: the parser accepts it but the schema says {e}")
check(clean >= 10 and refused >= 3, f"expected at least 10 clean and 3 refused fixtures, found {clean} and {refused}")

if failures:
    print("\n".join(failures))
    print(f"{len(failures)} schema check(s) failed")
    sys.exit(1)
print(f"schema ok: docs are `journey schema`'s output; {journeys} journeys, {catalogs} catalog and {clean} clean "
      f"fixtures valid, {refused} fixtures with parser findings refused; patterns agree with the parser")
