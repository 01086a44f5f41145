#!/usr/bin/env python3
"""`journey render -T mermaid` drawn by Mermaid itself, as GitHub and GitLab draw it.

Every bundled journey (and a journey full of Mermaid and HTML syntax) is written as Mermaid, and
a file:// page running mermaid.min.js from the npm package renders each in headless Chromium.
Checks: Mermaid parses and renders every diagram; each SVG holds the label of every step the
customer sees (customer and frontstage steps, and ends), exactly as written; no markup from the
journey ran or became an element.

Usage: mermaid_browser_test.py JOURNEY SOURCE_DIR CACHE_DIR. The npm package (a pinned version) is
fetched once into CACHE_DIR with `npm pack`. Exits 77 (skipped) when npm or Chromium is missing.
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from browser_tools import find_browser  # noqa: E402

MERMAID = "mermaid@11.9.0"

HOSTILE = """journey: hostile-mermaid
title: 'Mermaid "syntax" --> end %% <b>bold</b> #1'
owner: O'Brien & Co
intent: Help me break the diagram
start: '"quoted" start <img src=x onerror="document.body.dataset.pwned=1">'
channels:
  web: {name: 'Web ]] end subgraph "x"', kind: digital}
  phone: {name: 'Phone `code` | pipe', kind: assisted}
steps:
  - id: end
    name: 'end'
    channel: web
    next: [graph, style]
  - id: graph
    name: 'A --> B; click A call alert(1) "x" #35; &amp; <script>document.body.dataset.pwned=2</script>'
    channel: web
    pain: '%% not a comment ``` `tick`'
    next: {to: style, label: '|label| with "quotes" & <i>tags</i>'}
  - id: style
    name: 'style ¿Qué tal? 日本語 (parens) [brackets] {braces}'
    channel: phone
    end: success
"""


def visible_names(path):
    """The names of the steps the outside-in view draws: the customer sees them, or they end."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    names = []
    for step in doc.get("steps") or []:
        actor = step.get("actor") or ("backstage" if step.get("team") or step.get("process")
                                      else "customer")
        end = step.get("end")
        if actor in ("customer", "frontstage") or (end not in (None, False, "no", "false")):
            names.append(str(step["name"]))
    return names


def squash(text):
    return re.sub(r"\s+", "", text)


def fetch_mermaid(cache):
    script = os.path.join(cache, MERMAID.replace("@", "-"), "mermaid.min.js")
    if os.path.isfile(script):
        return script
    os.makedirs(os.path.dirname(script), exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        proc = subprocess.run(["npm", "pack", MERMAID, "--silent"], cwd=tmp, capture_output=True,
                              text=True, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"npm pack {MERMAID} failed:\n{proc.stderr}")
        tarball = os.path.join(tmp, proc.stdout.strip().splitlines()[-1])
        with tarfile.open(tarball) as tar:
            member = tar.extractfile("package/dist/mermaid.min.js")
            with open(script + ".part", "wb") as out:
                shutil.copyfileobj(member, out)
    os.replace(script + ".part", script)
    return script


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>mermaid</title>
<script src="mermaid.min.js"></script></head><body>
<pre id="results">pending</pre>
<script>
const diagrams = %s;
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
(async () => {
  const results = [];
  for (let i = 0; i < diagrams.length; ++i) {
    try {
      await mermaid.parse(diagrams[i]);
      const {svg} = await mermaid.render('diagram' + i, diagrams[i]);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.body.appendChild(holder);
      const labels = holder.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text');
      results.push({ok: true, text: Array.from(labels).map(e => e.textContent).join('\\n'),
                    scripts: holder.querySelectorAll('script, img, iframe, i').length,
                    error_svg: svg.includes('Syntax error')});
    } catch (e) {
      results.push({ok: false, error: String(e && e.message || e)});
    }
  }
  document.getElementById('results').textContent = JSON.stringify(results);
})();
</script></body></html>
"""


def main():
    binary, source_dir, cache = sys.argv[1], sys.argv[2], sys.argv[3]
    if shutil.which("npm") is None:
        print("npm is not installed (Debian: nodejs npm): skipped")
        return 77
    browser = find_browser()
    if browser is None:
        print("chromium is not installed: skipped")
        return 77
    os.makedirs(cache, exist_ok=True)
    script = fetch_mermaid(cache)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        hostile = os.path.join(tmp, "hostile.yaml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        journeys = [hostile]
        for path in sorted(glob.glob(os.path.join(source_dir, "journeys", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                if "steps" in (yaml.safe_load(f) or {}):
                    journeys.append(path)
        expected = [visible_names(path) for path in journeys]
        diagrams = []
        for path in journeys:
            proc = subprocess.run([binary, "render", "-T", "mermaid", path], capture_output=True,
                                  text=True, timeout=120)
            if proc.returncode != 0 or not proc.stdout.startswith("---\ntitle:"):
                failures.append(f"{path}: journey render -T mermaid exited {proc.returncode}: "
                                f"{proc.stderr}")
            diagrams.append(proc.stdout)
        shutil.copy(script, os.path.join(tmp, "mermaid.min.js"))
        page = os.path.join(tmp, "page.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(PAGE % json.dumps(diagrams).replace("</", "<\\/"))
        dom = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={os.path.join(tmp, 'profile')}", "--allow-file-access-from-files",
             "--virtual-time-budget=30000", "--dump-dom", "file://" + page],
            capture_output=True, text=True, timeout=300).stdout
    match = re.search(r'<pre id="results">(.*?)</pre>', dom, re.S)
    if not match or match.group(1) == "pending":
        print("the page did not finish rendering:\n" + dom[:2000])
        return 1
    if "data-pwned" in dom:
        failures.append("markup from a journey ran in the page")
    results = json.loads(html.unescape(match.group(1)))
    for path, labels, result in zip(journeys, expected, results):
        name = os.path.basename(path)
        if not result["ok"]:
            failures.append(f"{name}: Mermaid cannot render it: {result['error']}")
            continue
        if result["error_svg"]:
            failures.append(f"{name}: Mermaid drew a syntax error")
        if result["scripts"]:
            failures.append(f"{name}: the journey's markup became {result['scripts']} elements")
        text = squash(result["text"])
        for label in labels:
            if squash(label) not in text:
                failures.append(f"{name}: the diagram lacks the step `{label}`")
    if len(results) != len(journeys):
        failures.append(f"{len(results)} results for {len(journeys)} journeys")
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{len(journeys)} journeys drawn by {MERMAID} in Chromium, every visible step labelled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
