#!/usr/bin/env python3
"""The HTML report in a real browser: a journey full of markup is rendered with headless Chromium
and the resulting DOM is checked: the markup shows as text and none of it ran.

Usage: report_browser_test.py JOURNEY_BINARY. Exits 77 (skipped) when Chromium is not installed.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from browser_tools import find_browser  # noqa: E402

HOSTILE = """journey: hostile
title: <script>document.title='PWNED-TITLE'</script>Hostile journey
intent: <img src=x onerror="document.body.setAttribute('data-pwned','intent')">
owner: O'Brien & "Co"
start: <svg onload="document.body.setAttribute('data-pwned','start')">
ends:
  - <iframe src="javascript:parent.document.body.setAttribute('data-pwned','end')"></iframe>
teams:
  t: Team <script>document.body.setAttribute('data-pwned','team')</script>
processes:
  p:
    name: <script>document.body.setAttribute('data-pwned','process')</script>
    team: t
channels:
  web:
    name: Web </svg><script>document.body.setAttribute('data-pwned','channel')</script>
    kind: digital
steps:
  - id: s1
    name: <script>alert(1)</script>
    channel: web
    time: 1m
    pain: "]]> <!-- --> <b onmouseover=x>bold</b>"
    next: s2
  - id: s2
    name: Done & dusted
    process: p
    time: 1m
    end: success
"""


def main():
    journey = sys.argv[1]
    browser = find_browser()
    if browser is None:
        print("chromium is not installed: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "hostile.yaml")
        with open(source, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        report = os.path.join(tmp, "report.html")
        run = subprocess.run([journey, "report", source, "-o", report], capture_output=True,
                             text=True, timeout=120)
        if run.returncode != 0:
            print(f"journey report exited {run.returncode}:\n{run.stderr}")
            return 1
        profile = os.path.join(tmp, "profile")
        dom = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=3000",
             "--dump-dom", "file://" + report],
            capture_output=True, text=True, timeout=180).stdout

    def expect(condition, message):
        if not condition:
            failures.append(message)

    expect("<body" in dom and "</html>" in dom, "the browser produced no document")
    expect("Intent table" in dom and "Portfolio map" in dom, "the report's sections are missing")
    expect(dom.count("<svg") >= 2, "the inline diagrams are missing")
    expect("data-pwned" not in dom.split("<body", 1)[-1].split(">", 1)[0],
           "injected markup ran: the body has a data-pwned attribute")
    expect("<title>Customer journey report</title>" in dom, "the page title was changed")
    expect("<script" not in dom.lower(), "a script element made it into the page")
    expect("<iframe" not in dom.lower(), "an iframe made it into the page")
    expect("<img" not in dom.lower(), "an img element made it into the page")
    expect("&lt;script&gt;alert(1)&lt;/script" in dom,
           "the step name does not show as text in the diagram")
    expect("&lt;script&gt;document.title='PWNED-TITLE'&lt;/script&gt;Hostile journey" in dom,
           "the title does not show as text")
    expect("O'Brien &amp; \"Co\"" in dom or "O'Brien &amp; &quot;Co&quot;" in dom,
           "the owner does not show as text")
    for message in failures:
        print("FAIL:", message)
    if failures:
        return 1
    print("report rendered in", browser, "with every piece of markup shown as text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
