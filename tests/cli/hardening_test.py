#!/usr/bin/env python3
"""Hostile environments through the `journey` binary: output paths that are not regular files,
folders the walk cannot read, spreadsheet formulas, terminal control characters, blank text,
overflowing numbers, misleading catalog messages and a huge standard input."""
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
FAILURES = []

JOURNEY = """journey: {id}
title: {title}
intent: Test hardening
owner: {owner}
steps:
  - id: apply
    name: Applies
    cost: {cost}
    next: done
  - id: done
    name: Done
    cost: {cost}
    end: success
"""


def journey(id="hardening", title="I want to apply", owner="Tests", cost=1):
    return JOURNEY.format(id=id, title=title, owner=owner, cost=cost)


def run(*args, stdin=None, cwd=None, timeout=120):
    return subprocess.run([BINARY, *args], capture_output=True, stdin=stdin, cwd=cwd,
                          timeout=timeout)


def check(name, ok, proc=None):
    if not ok:
        detail = ""
        if proc is not None:
            detail = f": exit {proc.returncode}\n{proc.stdout[:1500]!r}\n{proc.stderr[:1500]!r}"
        FAILURES.append(f"{name}{detail}")
        print(f"FAIL {name}{detail}")


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path


def output_paths(tmp):
    good = write(os.path.join(tmp, "out", "good.yaml"), journey())
    # A symbolic link to /dev/null: written through, the link and the device stay.
    link = os.path.join(tmp, "out", "null.json")
    os.symlink("/dev/null", link)
    proc = run("metrics", good, "-f", "json", "-o", link)
    check("-o symlink to /dev/null", proc.returncode == 0 and os.path.islink(link)
          and stat.S_ISCHR(os.stat("/dev/null").st_mode), proc)
    # /dev/stdout writes to standard output, whatever it is.
    proc = run("metrics", good, "-f", "csv", "-o", "/dev/stdout")
    check("-o /dev/stdout", proc.returncode == 0 and proc.stdout.startswith(b"journey,file,"), proc)
    # A named pipe gets the data; it is not replaced by a file.
    fifo = os.path.join(tmp, "out", "fifo")
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    proc = run("metrics", good, "-f", "csv", "-o", fifo)
    data = os.read(reader, 65536)
    os.close(reader)
    check("-o FIFO", proc.returncode == 0 and data.startswith(b"journey,file,")
          and stat.S_ISFIFO(os.lstat(fifo).st_mode), proc)
    # A symbolic link to a file: the file is replaced, the link kept.
    real = write(os.path.join(tmp, "out", "real", "m.csv"), "old")
    link = os.path.join(tmp, "out", "latest.csv")
    os.symlink("real/m.csv", link)
    proc = run("metrics", good, "-f", "csv", "-o", link)
    check("-o symlink to a file", proc.returncode == 0 and os.path.islink(link)
          and open(real).read().startswith("journey,file,"), proc)
    # A directory is refused with exit 2 and says so.
    proc = run("metrics", good, "-o", os.path.join(tmp, "out"))
    check("-o directory", proc.returncode == 2 and b"is a directory" in proc.stderr, proc)
    # A copy of /dev/null made with mknod (root only) stays a device.
    device = os.path.join(tmp, "out", "null-copy")
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        print("skip: mknod needs root")
        return
    proc = run("lint", good, "-f", "json", "-o", device)
    check("-o mknod'ed device", proc.returncode == 0 and stat.S_ISCHR(os.lstat(device).st_mode), proc)


def unreadable_folders(tmp):
    root = os.path.join(tmp, "tree")
    write(os.path.join(root, "a", "good.yaml"), journey())
    write(os.path.join(root, "b", "broken.yaml"), "journey: [")
    os.symlink("loop.yaml", os.path.join(root, "a", "loop.yaml"))
    proc = run("lint", os.path.join(root, "a"))
    check("symlink loop in a tree", proc.returncode == 2
          and b"loop.yaml: error: is a symbolic link loop" in proc.stderr, proc)
    proc = run("lint", os.path.join(root, "a", "loop.yaml"))
    check("symlink loop as a file", proc.returncode == 2 and b"symbolic link loop" in proc.stderr
          and b"no such file" not in proc.stderr, proc)
    # A folder nobody but root may read, linted as `nobody` (root can read anything).
    os.remove(os.path.join(root, "a", "loop.yaml"))
    locked = os.path.join(root, "b")
    os.chmod(locked, 0)
    os.chmod(tmp, 0o755)
    command = [BINARY, "lint", root]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            print("skip: the unreadable folder case needs setpriv when run as root")
            os.chmod(locked, 0o755)
            return
        command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
    proc = subprocess.run(command, capture_output=True, timeout=60)
    os.chmod(locked, 0o755)
    check("unreadable folder", proc.returncode == 2 and (locked + ": error: cannot read this folder: "
                                                         "permission denied").encode() in proc.stderr,
          proc)


def csv_formulas(tmp):
    folder = os.path.join(tmp, "csv")
    write(os.path.join(folder, "=1+2.yaml"),
          journey(title='"=HYPERLINK(\\"http://evil\\",\\"x\\")"', owner='"+cmd|\' /C calc\'!A0"'))
    proc = run("table", "-f", "csv", "=1+2.yaml", cwd=folder)
    out = proc.stdout.decode()
    check("table csv neutralises formulas", proc.returncode == 0
          and "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"" in out
          and "\"'+cmd|' /C calc'!A0\"" in out and "\"'=1+2.yaml\"" in out
          and ",=" not in out and ",+" not in out, proc)
    proc = run("metrics", "-f", "csv", "=1+2.yaml", cwd=folder)
    out = proc.stdout.decode()
    check("metrics csv neutralises the file name, numbers stay numbers", proc.returncode == 0
          and "hardening,\"'=1+2.yaml\",2," in out and ",=" not in out, proc)


def terminal_controls(tmp):
    bad = write(os.path.join(tmp, "tty", "keys.yaml"),
                journey().replace("owner: Tests\n",
                                  'owner: Tests\n"\\e[2K\\e[1A\\rhidden\\e]0;pwned\\a\\u202e": 1\n'))
    for fmt in ("text", "github"):
        proc = run("lint", "-f", fmt, bad)
        both = proc.stdout + proc.stderr
        check(f"lint {fmt}: no raw controls", proc.returncode == 1 and b"\x1b" not in both
              and b"\x07" not in both and b"\r" not in both and "\u202e".encode() not in both
              and b"\\x1b[2K\\x1b[1A\\x0dhidden\\x1b]0;pwned\\x07\\u202e" in both, proc)
    # The source line under a diagnostic, escaped, with the caret still under the column.
    raw = write(os.path.join(tmp, "tty", "raw.yaml"),
                journey().replace("    name: Done\n", "    name: Done\n    tags: [a\x07b, \x1b[2J, 7]\n"))
    proc = run("lint", raw)
    lines = proc.stdout.decode().splitlines()
    shown = "    tags: [a\\x07b, \\x1b[2J, 7]"
    check("source line escaped", proc.returncode == 1 and b"\x1b" not in proc.stdout
          and b"\x07" not in proc.stdout and shown in lines, proc)
    if shown in lines:
        caret = lines[lines.index(shown) + 1]
        # yaml-cpp stops at the `[` after the raw ESC: the caret must stand under it, past the
        # escapes that widened the line.
        check("caret under the column of the escaped line",
              caret == " " * shown.index("[2J") + "^", proc)
    # Metrics text names the journey and file as they are, escaped.
    named = write(os.path.join(tmp, "tty", "n\x1b[31m.yaml"), journey())
    proc = run("metrics", named)
    check("metrics text escaped", proc.returncode == 0 and b"\x1b" not in proc.stdout
          and b"n\\x1b[31m.yaml" in proc.stdout, proc)


def values(tmp):
    blank = write(os.path.join(tmp, "values", "blank.yaml"), journey(title='"\\t \\u0085"'))
    proc = run("lint", blank)
    check("blank title", proc.returncode == 1 and b"blank.yaml:2:8: error: `title` shows nothing"
          in proc.stdout, proc)
    huge = write(os.path.join(tmp, "values", "huge.yaml"), journey(cost="1e308"))
    proc = run("lint", huge)
    check("cost 1e308", proc.returncode == 1 and b"huge.yaml:8:11: error: `cost` is too large"
          in proc.stdout, proc)
    proc = run("metrics", huge)
    check("metrics of cost 1e308 leaves it out", proc.returncode == 1, proc)


def catalogs(tmp):
    folder = os.path.join(tmp, "catalogs")
    os.makedirs(os.path.join(folder, "shared"))
    for name, target, expected in (("dir", "shared", b"is a directory, not a file"),
                                   ("dev", "/dev/zero", b"is a device, not a file"),
                                   ("mem", "/proc/self/mem", b"cannot read: "),
                                   ("gone", "missing.yaml", b"not found")):
        path = write(os.path.join(folder, name + ".yaml"),
                     journey().replace("steps:", f"catalog: {target}\nsteps:"))
        proc = run("lint", path)
        check(f"catalog: {target}", proc.returncode == 1 and expected in proc.stdout
              and (name == "gone" or b"not found" not in proc.stdout), proc)


def huge_stdin(tmp):
    path = os.path.join(tmp, "huge.yaml")
    with open(path, "wb") as f:
        f.truncate(300 << 20)  # sparse: 300 MB of NUL bytes without using the disk
    with open(path, "rb") as f:
        proc = run("lint", "-", stdin=f)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"300 MB on stdin: exit {proc.returncode}, peak RSS of the children {peak_mib:.0f} MiB")
    check("300 MB on stdin refused", proc.returncode == 2
          and b"standard input is larger than 256 MiB" in proc.stderr, proc)
    # AddressSanitizer's shadow memory and quarantine add about half again to any peak; reading
    # everything before refusing (the defect) peaks at 530 MiB natively and far above 500 under it.
    limit_mib = 500 if os.environ.get("JOURNEY_SANITIZED") else 300
    check(f"300 MB on stdin refused at the limit (peak {peak_mib:.0f} MiB, bound {limit_mib})",
          peak_mib < limit_mib)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        huge_stdin(tmp)  # first: the peak RSS measured is that of the children so far
        output_paths(tmp)
        unreadable_folders(tmp)
        csv_formulas(tmp)
        terminal_controls(tmp)
        values(tmp)
        catalogs(tmp)
    print(f"{len(FAILURES)} failed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
