#!/usr/bin/env python3
"""Generates a corpus of varied, lint-clean journeys for the drawing benchmark (standard library only).

Each journey has 5 to 400 steps: a main line with probabilistic branches that skip ahead, rework
loops back, abandon exits, shared processes (one process used by many steps), frontstage and
backstage steps with teams, many teams and channels, and some long step names, branch labels,
pain points and titles. Deterministic for a given --seed; journey n is the same whatever --count.
"""
import argparse
import os
import random

KINDS = ["digital", "assisted", "in-person", "paper", "social"]
WAITS = ["0", "30s", "5m", "20m", "1h", "4h", "1d", "2d", "3d", "7d", "1h30m", "2w"]
TIMES = ["1m", "2m", "5m", "10m", "15m", "30m", "45s", "1.5h"]
ACTORS = ["customer", "frontstage", "backstage", "system"]
WORDS = ("customer form letter application check identity address proof income documents branch "
         "call queue agent review approval decision payment account card statement complaint "
         "callback reference number signature upload scan post email reminder").split()
LABELS = ["approved", "declined", "form complete", "form incomplete", "needs more documents",
          "rework", "shortcut", "eligible", "not eligible", "paid", "unpaid", "retry",
          "the customer calls back because the letter did not arrive in time"]
PAINS = ["Had to repeat details already given", "Long wait in the queue", "Letter was confusing",
         "Could not find the phone number", "Form asks for documents by post that were already sent twice"]


def words(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def journey_text(name, steps, rng):
    """A lint-clean journey of `steps` steps (at least 5)."""
    long_labels = rng.random() < 0.3
    n_channels = rng.randint(1, 12)
    n_teams = rng.randint(1, 16)
    n_processes = rng.randint(1, max(1, min(30, steps // 3)))
    channels = [(f"ch-{i}", words(rng, 1, 6 if long_labels else 2), rng.choice(KINDS)) for i in range(n_channels)]
    teams = [(f"team-{i}", words(rng, 1, 5 if long_labels else 2)) for i in range(n_teams)]
    processes = [(f"proc-{i}", words(rng, 1, 8 if long_labels else 3), teams[rng.randrange(n_teams)][0])
                 for i in range(n_processes)]
    # A few processes are shared by many steps.
    weights = [8 if i < 2 else 1 for i in range(n_processes)]
    branch_rate = rng.choice([0.05, 0.15, 0.3])
    loop_rate = rng.choice([0.0, 0.05, 0.12])
    width = len(str(steps))
    ids = [f"s{i:0{width}d}" for i in range(steps - 2)]
    success, abandon = "done", "gave-up"
    body = []
    used = set()
    for i, sid in enumerate(ids):
        nxt = ids[i + 1] if i + 1 < len(ids) else success
        long_name = long_labels and rng.random() < 0.4
        lines = [f"  - id: {sid}", f"    name: {quote(words(rng, 8, 30) if long_name else words(rng, 2, 5))}"]
        role = rng.random()
        if role < 0.45:
            ch = rng.choice(channels)[0]
            used.add(ch)
            lines.append(f"    channel: {ch}")
            if rng.random() < 0.3:
                team = rng.choice(teams)[0]
                used.add(team)
                lines += ["    actor: frontstage", f"    team: {team}"]
        else:
            pid = rng.choices(processes, weights)[0][0]
            used.add(pid)
            lines.append(f"    process: {pid}")
            if rng.random() < 0.2:
                lines.append(f"    actor: {rng.choice(ACTORS[1:])}")
        lines.append(f"    wait: {rng.choice(WAITS)}")
        lines.append(f"    time: {rng.choice(TIMES)}")
        if rng.random() < 0.2:
            lines.append(f"    cost: {rng.randint(1, 40) / 4}")
        if rng.random() < 0.15:
            lines.append(f"    pain: {quote(rng.choice(PAINS))}")
        if rng.random() < 0.3:
            lines.append(f"    emotion: {rng.randint(-3, 3)}")
        kind = rng.random()
        label = lambda: quote(rng.choice(LABELS) if long_labels else rng.choice(LABELS[:12]))
        if i + 1 == len(ids):
            lines += ["    next:", f"      - to: {nxt}", "        p: 95%", f"      - {abandon}"]
        elif kind < loop_rate and i >= 1:
            back = ids[i - rng.randint(1, min(i, 6))]
            lines += ["    next:", f"      - to: {nxt}", "        p: 0.9", f"        label: {label()}",
                      f"      - to: {back}", "        p: 10%", f"        label: {label()}"]
        elif kind < loop_rate + branch_rate and i + 3 < len(ids):
            lines += ["    next:", f"      - to: {nxt}", "        p: 0.7", f"        label: {label()}",
                      f"      - to: {ids[i + rng.randint(2, min(8, len(ids) - i - 1))]}", "        p: 0.25",
                      f"        label: {label()}", f"      - {abandon}"]
        elif kind < loop_rate + branch_rate + 0.05:
            lines.append(f"    next: [{nxt}, {abandon}]")
        else:
            lines.append(f"    next: {nxt}")
        body += lines
    body += [f"  - id: {success}", "    name: The customer has what they came for",
             f"    channel: {channels[0][0]}", "    end: success", f"  - id: {abandon}",
             "    name: The customer gives up", "    emotion: -3", "    end: abandon"]
    used.add(channels[0][0])
    used_processes = [p for p in processes if p[0] in used]
    used |= {team for _, _, team in used_processes}
    title = words(rng, 10, 25) if long_labels else f"generated journey {name}"
    out = [f"journey: {name}", f"title: {quote('I want ' + title)}", "intent: Corpus intent",
           "owner: Corpus owner", "start: The customer starts", "ends: [Done, Gave up]"]
    out.append("channels:")
    out += [f"  {cid}: {{name: {quote(cname)}, kind: {kind}}}" for cid, cname, kind in channels if cid in used]
    if any(t in used for t, _ in teams):
        out.append("teams:")
        out += [f"  {tid}: {quote(tname)}" for tid, tname in teams if tid in used]
    if used_processes:
        out.append("processes:")
        out += [f"  {pid}: {{name: {quote(pname)}, team: {team}}}" for pid, pname, team in used_processes]
    out.append("steps:")
    return "\n".join(out + body) + "\n"


def size_for(n, rng):
    """Mostly typical sizes, with a long tail up to 400 steps."""
    r = rng.random()
    if r < 0.15:
        return rng.randint(5, 15)
    if r < 0.75:
        return rng.randint(16, 60)
    if r < 0.93:
        return rng.randint(61, 150)
    return rng.randint(151, 400)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000, help="number of journeys")
    parser.add_argument("--first", type=int, default=0, help="number of the first journey")
    parser.add_argument("--steps", type=int, default=0, help="every journey has this many steps")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for n in range(args.first, args.first + args.count):
        rng = random.Random(args.seed * 1_000_003 + n)
        steps = args.steps or size_for(n, rng)
        with open(os.path.join(args.out, f"corpus-{n:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(journey_text(f"corpus-{n:04d}", steps, rng))


if __name__ == "__main__":
    main()
