#!/usr/bin/env python3
"""`journey diff --format markdown` and `journey table --format md` as GitHub shows them.

Both are rendered with cmark-gfm (GitHub's Markdown renderer, with the extensions GitHub enables)
and the HTML is read back: the output must be tables with the expected columns, every cell must
show the journey's text exactly as written (pipes, backticks, emphasis and link marks, HTML,
entities, line breaks), and no element may come from a journey's text.

Usage: markdown_gfm_test.py JOURNEY INPUTS_DIR. Exits 77 (skipped) when cmark-gfm is missing.
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

NASTY = "a | b `code` *em* _u_ ~~s~~ [link](http://x.test) <b>bold</b> &amp; \\| end"

OLD = """journey: nasty
title: Old title
intent: Help me
owner: Someone
channels:
  web: {name: Web, kind: digital}
steps:
  - id: ask
    name: Ask
    channel: web
    time: 1m
    next: done
  - id: done
    name: Done
    channel: web
    end: success
"""

NEW = """journey: nasty
title: 'NEW_TITLE'
intent: Help me
owner: Someone
channels:
  web: {name: Web, kind: digital}
steps:
  - id: ask
    name: 'NEW_NAME'
    channel: web
    time: 5m
    next: [done, extra]
  - id: extra
    name: "two\\nlines"
    channel: web
    end: abandon
  - id: done
    name: Done
    channel: web
    end: success
"""

# `a`: GitHub links bare URLs wherever they are (the autolink extension); the link syntax around
# them must still show as written.
ALLOWED = {"table", "thead", "tbody", "tr", "th", "td", "br", "code", "strong", "h3", "h4", "p", "a"}


def yaml_quoted(text):
    return text.replace("'", "''")


class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.tags, self.cell = [], set(), None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "br" and self.cell is not None:
            self.cell += "\n"

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def gfm(markdown):
    # --unsafe keeps raw HTML as GitHub does before its sanitizer (which allows `<br>`): any tag
    # that came from a journey's text would show up here.
    proc = subprocess.run(["cmark-gfm", "--unsafe", "--extension", "table", "--extension", "strikethrough",
                           "--extension", "autolink", "--extension", "tagfilter"],
                          input=markdown, capture_output=True, text=True, check=True)
    parsed = Tables()
    parsed.feed(proc.stdout)
    return parsed


def main():
    binary, inputs = sys.argv[1], sys.argv[2]
    if shutil.which("cmark-gfm") is None:
        print("cmark-gfm is not installed: skipped")
        return 77
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    with tempfile.TemporaryDirectory() as tmp:
        old, new = os.path.join(tmp, "old.yaml"), os.path.join(tmp, "new.yaml")
        with open(old, "w", encoding="utf-8") as f:
            f.write(OLD)
        with open(new, "w", encoding="utf-8") as f:
            f.write(NEW.replace("NEW_TITLE", yaml_quoted(NASTY + " title"))
                    .replace("NEW_NAME", yaml_quoted(NASTY)))
        diff = subprocess.run([binary, "diff", "--format", "markdown", old, new],
                              capture_output=True, text=True)
        check(diff.returncode == 0, f"journey diff exited {diff.returncode}: {diff.stderr}")
        page = gfm(diff.stdout)
        check(page.tags <= ALLOWED, f"diff: elements from journey text: {page.tags - ALLOWED}")
        check(len(page.tables) == 3, f"diff: {len(page.tables)} tables, expected fields, steps, metrics")
        if len(page.tables) == 3:
            fields, steps, metrics = page.tables
            check(fields[0] == ["Field", "Before", "After"], f"diff: fields header {fields[0]}")
            check(["title", "Old title", NASTY + " title"] in fields,
                  f"diff: the title row does not show the text as written: {fields[1:]}")
            check(steps[0] == ["Change", "Step", "Name", "Field", "Before", "After"],
                  f"diff: steps header {steps[0]}")
            check(["added", "extra", "two\nlines", "", "", ""] in steps,
                  f"diff: no row for the added step: {steps}")
            check(["changed", "ask", NASTY, "name", "Ask", NASTY] in steps,
                  f"diff: the changed name does not show as written: {steps}")
            check(all(len(row) == 6 for row in steps), "diff: a steps row without 6 cells")
            check(metrics[0] == ["Metric", "Before", "After", "Change", "Budget"],
                  f"diff: metrics header {metrics[0]}")
            check(any(row[0] == "expected active time" for row in metrics[1:]),
                  f"diff: no active time row in {metrics}")

        same = subprocess.run([binary, "diff", "--format", "markdown", old, old],
                              capture_output=True, text=True)
        page = gfm(same.stdout)
        check(not page.tables and "no changes" in same.stdout,
              f"diff of a file with itself: {same.stdout}")

        table = subprocess.run([binary, "table", "--format", "md",
                                os.path.join(inputs, "portfolio", "card.yaml"),
                                os.path.join(inputs, "portfolio", "hostile.yaml"), new],
                               capture_output=True, text=True)
        check(table.returncode == 0, f"journey table exited {table.returncode}: {table.stderr}")
        page = gfm(table.stdout)
        check(page.tags <= ALLOWED, f"table: elements from journey text: {page.tags - ALLOWED}")
        check(len(page.tables) == 1, f"table: {len(page.tables)} tables")
        if page.tables:
            rows = page.tables[0]
            check(all(len(row) == 12 for row in rows), f"table: rows without 12 cells: {rows}")
            cells = [cell for row in rows for cell in row]
            for expected in (NASTY + " title", "<script>alert(1)</script>", 'A, "B" & <C>',
                             "Start | here", "End,\n two lines"):
                check(expected in cells, f"table: no cell shows `{expected}` as written: {rows}")
    if failures:
        print("\n".join(failures))
        return 1
    print("diff and table Markdown render as tables in cmark-gfm, every cell as written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
