#!/usr/bin/env python3
"""`--jobs N` changes nothing but the speed: lint, metrics and table over a generated portfolio
(bench/gen_journeys.py, with broken journeys, warnings and a shared catalog mixed in) give the same
exit code, stdout and stderr byte for byte with --jobs 1, 2 and 4.
Usage: jobs_test.py JOURNEY_BINARY SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile


def make_portfolio(source, out):
    subprocess.run([sys.executable, os.path.join(source, "bench", "gen_journeys.py"), "--out", out,
                    "--portfolio", "250", "--sizes", "", "--seed", "7"], check=True)
    folder = os.path.join(out, "portfolio")
    names = sorted(os.listdir(folder))
    with open(os.path.join(folder, "org.yaml"), "w", encoding="utf-8") as f:
        f.write("channels:\n  kiosk: {name: Kiosk, kind: digital, cost: 0.5}\n"
                "  kiosk: {name: Again}\n")  # a duplicate key: an error reported once
    for i, name in enumerate(names):
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if i % 11 == 0:
            text = text.replace("\nsteps:\n", "\ncatalog: org.yaml\nsteps:\n", 1)
        if i % 13 == 0:
            text = text.replace("end: success", "next: nowhere", 1)  # an error: blocked
        if i % 17 == 0:
            text = "\n".join(l for l in text.split("\n") if not l.startswith("owner:"))
        if i % 19 == 0:
            text = text.replace("\nsteps:\n", "\nstpes: []\nsteps:\n", 1)  # unknown key
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(folder, "docker-compose.yml"), "w", encoding="utf-8") as f:
        f.write("services:\n  web:\n    image: nginx\n")
    return folder


def main():
    binary, source = sys.argv[1], sys.argv[2]
    commands = [
        ["lint"], ["lint", "-f", "sarif"], ["lint", "-q", "-v"], ["metrics", "-f", "json"],
        ["metrics", "-f", "csv"], ["table", "-f", "csv"],
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_portfolio(source, tmp)
        env = dict(os.environ, TERM="dumb")
        env.pop("FORCE_COLOR", None)
        for command in commands:
            results = {}
            for jobs in ("1", "2", "4"):
                proc = subprocess.run([binary, *command, "--jobs", jobs, "portfolio"], cwd=tmp,
                                      env=env, capture_output=True, timeout=600)
                results[jobs] = (proc.returncode, proc.stdout, proc.stderr)
            one = results["1"]
            if one[0] not in (0, 1) or len(one[1]) + len(one[2]) < 1000:
                failures += 1
                print(f"FAIL {' '.join(command)}: exit {one[0]}, too little output: {one[2][:300]!r}")
            for jobs in ("2", "4"):
                if results[jobs] != one:
                    failures += 1
                    print(f"FAIL {' '.join(command)}: --jobs {jobs} differs from --jobs 1")
            print(f"{' '.join(command)}: exit {one[0]}, {len(one[1])} + {len(one[2])} bytes, "
                  f"{'same' if all(results[j] == one for j in results) else 'DIFFERENT'} with 1, 2, 4 jobs")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
