#!/usr/bin/env python3
"""The report as a board prints it: `journey report` of a folder is printed to PDF by headless
Chromium on A4 and on Letter, and the PDF is checked with poppler-utils:

- the paper is the size asked for, and the page count is within what the layout allows;
- the pages are printed at full size, not shrunk to fit something too wide;
- every journey starts at the top of a new page, its six KPI tiles on one page;
- no page ends with a heading (headings keep with their content);
- nothing is drawn outside the page box: a band along every edge of every page, inside the
  margin, is blank (pdftoppm images read here).

Usage: print_test.py JOURNEY_BINARY JOURNEYS_DIR. Exits 77 (skipped) when Chromium or
poppler-utils are not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from browser_tools import find_browser  # noqa: E402

PAPERS = {  # name: (CSS size, width and height in PDF points)
    "A4": ("A4", (595.3, 841.9)),
    "Letter": ("letter", (612.0, 792.0)),
}
HEADINGS = ["How the customer feels along the way", "Where the customer’s time goes",
            "Stage by stage", "Persona by persona", "Lint findings", "All figures", "Intent table", "Portfolio map",
            "What the customer experiences, and what the organisation sees"]
TILES = ["Lead time", "Waiting", "Handoffs", "Right first time", "Cost to serve", "Success"]
DPI = 36
BAND_MM = 5  # the margins are 10 mm or more: this band along each edge must stay blank


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    at = 0
    while len(fields) < 4:  # magic, width, height, maxval; comments start with '#'
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    if fields[0] != b"P5":
        raise ValueError(f"{path}: not a binary PGM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[at + 1:at + 1 + width * height]
    return width, height, pixels


def ink_in_bands(path):
    """The edges (top, bottom, left, right) whose band holds a pixel that is not white."""
    width, height, pixels = read_pgm(path)
    band = max(1, round(BAND_MM / 25.4 * DPI))
    inked = []

    def dark(x, y):
        return pixels[y * width + x] < 235

    bands = {
        "top": ((0, width), (0, band)),
        "bottom": ((0, width), (height - band, height)),
        "left": ((0, band), (0, height)),
        "right": ((width - band, width), (0, height)),
    }
    for edge, ((x0, x1), (y0, y1)) in bands.items():
        if any(dark(x, y) for y in range(y0, y1) for x in range(x0, x1)):
            inked.append(edge)
    return inked


def page_texts(pdf, pages):
    texts = []
    for page in range(1, pages + 1):
        out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                             capture_output=True, text=True, check=True).stdout
        texts.append([line.strip() for line in out.splitlines() if line.strip()])
    return texts


def check_paper(journey, browser, report_html, titles, paper, tmp, failures):
    css_size, (want_w, want_h) = PAPERS[paper]
    page = os.path.join(tmp, f"report-{paper}.html")
    with open(report_html, encoding="utf-8") as f:
        html = f.read()
    # The paper a printer would be set to (headless Chromium has no printer, and its default is
    # Letter); the report itself leaves the paper size to the printer.
    html = html.replace("</style>", f"@page{{size:{css_size}}}\n@page wide{{size:{css_size} landscape}}\n"
                        "</style>", 1)
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    pdf = os.path.join(tmp, f"report-{paper}.pdf")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={os.path.join(tmp, 'profile-' + paper)}",
                    f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "file://" + page],
                   capture_output=True, timeout=120, check=False)
    if not os.path.exists(pdf):
        failures.append(f"{paper}: Chromium wrote no PDF")
        return
    info = subprocess.run(["pdfinfo", "-l", "-1", pdf], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    # Per journey: its figures (one portrait page, three at most) and its diagram (one landscape
    # page); before them the summary with the intent table, and the map.
    low, high = 2 + 2 * len(titles), 3 + 4 * len(titles)
    if not low <= pages <= high:
        failures.append(f"{paper}: {pages} pages, expected {low} to {high}")
    for number, w, h in re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info, re.M):
        size = sorted((float(w), float(h)))
        if abs(size[0] - min(want_w, want_h)) > 2 or abs(size[1] - max(want_w, want_h)) > 2:
            failures.append(f"{paper}: page {number} is {w} x {h} pt")
    # Printed at full size: Chromium shrinks every page when one element is wider than the
    # paper (a wide intent table did, to 72%). The report's h1 is 19pt (2em of 9.5pt); its words'
    # boxes are about 1.15em high, 15.6pt when shrunk.
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    first = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Customer</word>', bbox)
    if first is None:
        failures.append(f"{paper}: page 1 has no heading word 'Customer'")
    elif float(first.group(2)) - float(first.group(1)) < 19:
        failures.append(f"{paper}: the pages are shrunk: the 19pt heading is "
                        f"{float(first.group(2)) - float(first.group(1)):.1f}pt high")
    texts = page_texts(pdf, pages)
    for title in titles:
        starts = [i for i, lines in enumerate(texts) if lines and lines[0] == title]
        if not starts:
            failures.append(f"{paper}: no page starts with the journey {title!r}")
            continue
        lines = texts[starts[0]]
        missing = [t for t in TILES if not any(line.startswith(t) or f" {t}" in line
                                               for line in lines)]
        if missing:
            failures.append(f"{paper}: {title!r}: tiles not on its first page: {missing}")
    for i, lines in enumerate(texts):
        if lines and lines[-1] in HEADINGS:
            failures.append(f"{paper}: page {i + 1} ends with the heading {lines[-1]!r}")
    prefix = os.path.join(tmp, f"page-{paper}")
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), pdf, prefix], check=True)
    images = sorted(f for f in os.listdir(tmp) if f.startswith(f"page-{paper}") and
                    f.endswith(".pgm"))
    if len(images) != pages:
        failures.append(f"{paper}: pdftoppm made {len(images)} images of {pages} pages")
    for i, name in enumerate(images):
        inked = ink_in_bands(os.path.join(tmp, name))
        if inked:
            failures.append(f"{paper}: page {i + 1} has content outside the page box "
                            f"({', '.join(inked)} edge)")
    print(f"{paper}: {pages} pages")


def main():
    journey, folder = sys.argv[1], sys.argv[2]
    browser = find_browser()
    missing = [tool for tool in ("pdfinfo", "pdftotext", "pdftoppm") if not shutil.which(tool)]
    if browser is None or missing:
        print("chromium or poppler-utils is not installed: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        run = subprocess.run([journey, "report", folder, "-o", report], capture_output=True,
                             text=True, timeout=120)
        if run.returncode != 0:
            print(f"journey report exited {run.returncode}:\n{run.stderr}")
            return 1
        table = subprocess.run([journey, "table", folder, "--format", "json"],
                               capture_output=True, text=True, timeout=60, check=True).stdout
        titles = [row["title"] for group in json.loads(table)["intents"]
                  for row in group["journeys"]]
        if not titles:
            print("no journeys in", folder)
            return 1
        for paper in PAPERS:
            check_paper(journey, browser, report, titles, paper, tmp, failures)
    for message in failures:
        print("FAIL:", message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
