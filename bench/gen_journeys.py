#!/usr/bin/env python3
"""Generates large journeys and a portfolio of typical ones for the benchmark (standard library only)."""
import argparse
import os
import random

CHANNELS = [
    ("web", "Website", "digital", "24/7", 0.10),
    ("app", "Mobile app", "digital", "24/7", 0.05),
    ("phone", "Contact centre", "assisted", "Mon-Fri 08:00-20:00; Sat 09:00-13:00; Sun closed", 6.50),
    ("email", "Email", "assisted", "Mon-Fri 09:00-17:00", 4.20),
    ("branch", "Branch", "in-person", "Mon-Fri 09:00-17:00; Sat 09:00-12:30", 14.00),
    ("post", "Post", "paper", None, 1.20),
    ("social", "Social media", "social", "24/7", 3.10),
]
TEAMS = ["contact-centre", "mailroom", "lending", "onboarding", "fraud", "cards", "digital-support", "records"]
WAITS = ["0", "30s", "5m", "20m", "1h", "4h", "1d", "2d", "3d", "7d", "1h30m", "P1DT2H"]
TIMES = ["1m", "2m", "5m", "10m", "15m", "30m", "45s", "1.5h"]
PAINS = ["Had to repeat details already given", "Long wait in the queue", "Letter was confusing",
         "Could not find the phone number", "Form asks for documents by post"]
ACTORS = ["customer", "frontstage", "backstage", "system"]


def journey_text(name, steps, rng):
    """A valid journey of `steps` steps: a main line with probabilistic branches that skip ahead,
    rework loops back a few steps, abandon exits, and a success end; every step reachable and able
    to reach an end."""
    processes = [(f"proc-{i}", f"Process {i}", TEAMS[i % len(TEAMS)]) for i in range(12)]
    width = len(str(steps))
    ids = [f"s{i:0{width}d}" for i in range(steps - 2)]
    success, abandon = "done", "gave-up"
    body = []
    for i, sid in enumerate(ids):
        nxt = ids[i + 1] if i + 1 < len(ids) else success
        lines = [f"  - id: {sid}", f"    name: Step {i} of the journey"]
        role = rng.random()
        if role < 0.45:
            ch = CHANNELS[rng.randrange(len(CHANNELS))][0]
            lines.append(f"    channel: {ch}")
            if rng.random() < 0.3:
                lines.append("    actor: frontstage")
                lines.append(f"    team: {rng.choice(TEAMS)}")
        else:
            pid = processes[rng.randrange(len(processes))][0]
            lines.append(f"    process: {pid}")
            if rng.random() < 0.2:
                lines.append(f"    actor: {rng.choice(ACTORS)}")
        lines.append(f"    wait: {rng.choice(WAITS)}")
        lines.append(f"    time: {rng.choice(TIMES)}")
        if rng.random() < 0.2:
            lines.append(f"    cost: {rng.randint(1, 40) / 4}")
        if rng.random() < 0.15:
            lines.append(f"    pain: {rng.choice(PAINS)}")
        if rng.random() < 0.3:
            lines.append(f"    emotion: {rng.randint(-3, 3)}")
        kind = rng.random()
        if i + 1 == len(ids):
            lines += ["    next:", f"      - to: {nxt}", "        p: 95%", f"      - {abandon}"]
        elif kind < 0.10 and i >= 3:
            back = ids[i - rng.randint(1, 3)]
            lines += ["    next:", f"      - to: {nxt}", "        p: 0.9", f"      - to: {back}",
                      "        p: 10%", "        label: rework"]
        elif kind < 0.20 and i + 3 < len(ids):
            lines += ["    next:", f"      - to: {nxt}", "        p: 0.7", f"      - to: {ids[i + rng.randint(2, 3)]}",
                      "        p: 0.25", "        label: shortcut", f"      - {abandon}"]
        elif kind < 0.25:
            lines.append(f"    next: [{nxt}, {abandon}]")
        else:
            lines.append(f"    next: {nxt}")
        body += lines
    body += [f"  - id: {success}", "    name: The customer has what they came for", "    channel: web",
            "    end: success", f"  - id: {abandon}", "    name: The customer gives up", "    emotion: -3",
            "    end: abandon"]
    used = {line.split(": ", 1)[1] for line in body if line.startswith(("    channel: ", "    team: ", "    process: "))}
    out = [f"journey: {name}", f"title: I want generated journey {name}", "intent: Benchmark intent",
           "owner: Benchmark owner", "start: The customer starts", "ends: [Done, Gave up]", "channels:"]
    for cid, cname, kind, hours, cost in CHANNELS:
        if cid not in used:
            continue
        out += [f"  {cid}:", f"    name: {cname}", f"    kind: {kind}"]
        if hours:
            out.append(f"    hours: {hours}")
        out += [f"    cost: {cost}", "    response: 1d"]
    used_processes = [p for p in processes if p[0] in used]
    used |= {team for _, _, team in used_processes}
    out.append("teams:")
    out += [f"  {t}: {t.replace('-', ' ').title()}" for t in TEAMS if t in used]
    out.append("processes:")
    out += [f"  {pid}:\n    name: {pname}\n    team: {team}" for pid, pname, team in used_processes]
    out.append("steps:")
    return "\n".join(out + body) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--portfolio", type=int, default=500, help="number of typical journeys")
    parser.add_argument("--sizes", default="10000,100000", help="sizes of the large journeys, comma-separated")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "portfolio"), exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",") if s):
        label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
        with open(os.path.join(args.out, f"big-{label}.yaml"), "w", encoding="utf-8") as f:
            f.write(journey_text(f"big-{label}", size, rng))
    for n in range(args.portfolio):
        with open(os.path.join(args.out, "portfolio", f"journey-{n:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(journey_text(f"journey-{n:04d}", rng.randint(20, 60), rng))


if __name__ == "__main__":
    main()
