#!/usr/bin/env python3
"""The report laid out by headless Chromium as a reader sees it, 1280 pixels wide: the page does
not scroll sideways, the intent table fits its box, no chart text is drawn outside its chart,
no stage name is wider than its band, and bar labels are not cut. At 600 pixels the intent
table scrolls in its own box and the page still does not scroll sideways. Checked on the
bundled journeys and on a journey of 30 steps with long stage, step and team names.

The measuring script is added to a copy of the report with its content security policy removed;
the report itself runs no script. Usage: report_layout_test.py JOURNEY_BINARY JOURNEYS_DIR.
Exits 77 (skipped) when Chromium is not installed.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from browser_tools import find_browser  # noqa: E402

MEASURE = """<script>
window.addEventListener('load', () => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push('page ' + root.scrollWidth + ' px wide in ' + root.clientWidth);
  for (const box of document.querySelectorAll('.table-scroll'))
    out.push((box.scrollWidth > box.clientWidth ? 'table scrolls ' : 'table fits ') + box.scrollWidth + ' in ' + box.clientWidth);
  for (const chart of document.querySelectorAll('svg.chart')) {
    const c = chart.getBoundingClientRect();
    const name = chart.querySelector('title').textContent;
    for (const t of chart.querySelectorAll('text')) {
      const b = t.getBoundingClientRect();
      if (b.left < c.left - 1 || b.right > c.right + 1 || b.top < c.top - 1 || b.bottom > c.bottom + 1)
        out.push('text outside ' + name + ': ' + t.textContent.slice(0, 40));
    }
    for (const t of chart.querySelectorAll('text.stage')) {
      const band = t.previousElementSibling.getBoundingClientRect();
      if (t.getBoundingClientRect().width > band.width + 1) out.push('stage wider than its band: ' + t.textContent);
    }
  }
  const pre = document.createElement('pre');
  pre.id = 'layout-facts';
  pre.textContent = out.join('\\n');
  document.body.appendChild(pre);
});
</script>"""


def long_names_journey():
    """30 steps in stages of one to three steps with long names, waits at teams with long names."""
    stages = ["Discover the options available", "Get help", "Apply with the paper form",
              "Wait for the decision letter", "Get the money into the account"]
    lines = ["journey: long-names", "title: Long names", "intent: Help me read every label",
             "start: Starts", "ends: [Done]", "stages:"]
    lines += [f"  - {s}" for s in stages]
    lines += ["teams:",
              "  ops: Operations team for the reassessment of applications that arrived incomplete",
              "  mail: Mailroom", "steps:"]
    for i in range(30):
        stage = stages[min(i // 3, 4)] if i < 12 else stages[4] if i >= 27 else stages[i % 4]
        lines += [f"  - id: s{i}",
                  f"    name: Phones to ask what the letter number {i} means and waits in the queue",
                  f"    stage: {stage}",
                  f"    team: {'ops' if i % 2 else 'mail'}",
                  f"    wait: {i + 1}h",
                  f"    emotion: {i % 7 - 3}"]
        lines.append(f"    next: s{i + 1}" if i < 29 else "    end: success")
    return "\n".join(lines) + "\n"


def facts(browser, report, width, tmp):
    with open(report, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = os.path.join(tmp, f"measure-{width}.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", MEASURE + "</body>"))
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={os.path.join(tmp, 'profile')}", f"--window-size={width},900",
         "--hide-scrollbars", "--virtual-time-budget=5000", "--dump-dom", "file://" + page],
        capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'<pre id="layout-facts">(.*?)</pre>', dom, re.S)
    return None if found is None else [line for line in found.group(1).splitlines() if line]


def main():
    journey, folder = sys.argv[1], sys.argv[2]
    browser = find_browser()
    if browser is None:
        print("chromium is not installed: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "long-names.yaml")
        with open(source, "w", encoding="utf-8") as f:
            f.write(long_names_journey())
        for label, inputs in (("journeys", [folder]), ("long names", [source]),
                              ("both", [folder, source])):
            report = os.path.join(tmp, "report.html")
            run = subprocess.run([journey, "report", *inputs, "--diagrams", "none", "-o", report],
                                 capture_output=True, text=True, timeout=120)
            if run.returncode != 0:
                failures.append(f"{label}: journey report exited {run.returncode}: {run.stderr}")
                continue
            wide = facts(browser, report, 1280, tmp)
            if wide is None:
                failures.append(f"{label}: the measuring script did not run")
                continue
            if not any(line.startswith("table ") for line in wide):
                failures.append(f"{label}: no intent table in its box")
            failures += [f"{label} at 1280 px: {line}" for line in wide
                         if not line.startswith("table fits ")]
            narrow = facts(browser, report, 600, tmp) or []
            if not any(line.startswith("table scrolls ") for line in narrow):
                failures.append(f"{label} at 600 px: the intent table does not scroll in its box")
            failures += [f"{label} at 600 px: {line}" for line in narrow
                         if not line.startswith("table ")]
            print(f"{label}: {len(wide)} facts at 1280 px: {wide}")
    for message in failures:
        print("FAIL:", message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
