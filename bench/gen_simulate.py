#!/usr/bin/env python3
"""Writes the benchmark journey of `journey simulate`: 50 steps with branches, a rework loop, an
abandon and a failure exit, ranges and typical-and-tail spreads, working-time waits and three
calendars (a contact centre, a back office and a branch) with customer hours and an `arrivals:`
profile, as YAML for `journey` and as the same model in JSON for bench/simulate.py (standard
library only, so it cannot read YAML): there the hours are weekly intervals in minutes from
Monday 00:00.

Usage: gen_simulate.py OUT_DIR [--fixed]   (--fixed: every spread replaced by its mean, and no
calendars and no working-time waits, so that the means can be checked against `journey metrics`)
"""
import json
import math
import os
import sys

Z90 = 1.2815515655446004
CHANNELS = {
    "web": {"name": "Website", "kind": "digital"},
    "phone": {"name": "Contact centre", "kind": "assisted"},
    "post": {"name": "Post", "kind": "paper"},
    "branch": {"name": "Branch", "kind": "in-person"},
}
MINUTE, HOUR, DAY = 60, 3600, 86400
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Weekly hours as (first day, last day, "HH:MM", "HH:MM") groups, days 0 (Mon) to 6 (Sun).
HOURS = {
    "phone": [(0, 4, "08:00", "20:00"), (5, 5, "09:00", "13:00")],   # contact centre
    "branch": [(0, 4, "09:30", "16:30"), (5, 5, "09:00", "12:30")],  # a branch
    "ops": [(0, 4, "09:00", "17:00")],                                # back office
}
CUSTOMER_HOURS = [(0, 4, "07:00", "23:00"), (5, 6, "08:00", "22:00")]
ARRIVALS = [([(0, 4, "08:00", "18:00")], 0.6), ([(5, 6, "10:00", "16:00")], 0.15)]
# Waits in working time: (amount, "days" or "hours"), on back-office steps.
WORKING = {5: (3, "days"), 17: (4, "hours"), 33: (2, "days")}


def hours_text(groups):
    return "; ".join(f"{DAYS[a]}-{DAYS[b]} {begin}-{end}" if a != b else f"{DAYS[a]} {begin}-{end}"
                     for a, b, begin, end in groups)


def minutes(clock):
    hh, mm = clock.split(":")
    return int(hh) * 60 + int(mm)


def intervals(groups):
    out = []
    for a, b, begin, end in groups:
        for day in range(a, b + 1):
            out.append([day * 1440 + minutes(begin), day * 1440 + minutes(end)])
    return sorted(out)


def fixed(seconds):
    return {"shape": "fixed", "low": seconds, "high": seconds}


def uniform(low, high):
    return {"shape": "uniform", "low": low, "high": high}


def tail(typical, p90):
    return {"shape": "lognormal", "low": typical, "high": p90}


def mean(spread):
    if spread["shape"] == "uniform":
        return (spread["low"] + spread["high"]) / 2
    if spread["shape"] == "lognormal":
        sigma = math.log(spread["high"] / spread["low"]) / Z90
        return spread["low"] * math.exp(sigma * sigma / 2)
    return spread["low"]


def yaml_spread(spread):
    if spread["shape"] == "uniform":
        return f"{spread['low']}s-{spread['high']}s"
    if spread["shape"] == "lognormal":
        return f"{{typical: {spread['low']}s, p90: {spread['high']}s}}"
    return f"{spread['low']}s"


def build():
    steps = []
    actors = ["customer", "frontstage", "backstage", "system"]
    channels = ["web", "phone", "post", "branch", None]
    for i in range(47):
        actor = actors[(i * 7) % 4]
        channel = channels[(i * 3) % 5] if actor in ("customer", "frontstage") else None
        if i % 9 == 4:
            wait = uniform(2 * DAY, 5 * DAY)           # the post
        elif i % 11 == 6:
            wait = tail(4 * HOUR, 2 * DAY)             # a backlog
        elif channel == "phone":
            wait = uniform(5 * MINUTE, 25 * MINUTE)     # the queue
        else:
            wait = fixed((i % 5) * 10 * MINUTE)
        time = tail(10 * MINUTE, 40 * MINUTE) if i % 6 == 1 else fixed((i % 4 + 1) * 5 * MINUTE)
        step = {"id": f"s{i:02d}", "actor": actor, "channel": channel, "wait": wait, "time": time,
                "next": [], "end": None}
        steps.append(step)
    for i, step in enumerate(steps):
        after = f"s{i + 1:02d}" if i + 1 < len(steps) else "done"
        if i % 8 == 3 and i + 3 < len(steps):
            step["next"] = [[after, 0.6], [f"s{i + 3:02d}", 0.4]]          # a short cut
        elif i == 30:
            step["next"] = [["s20", 0.2], [after, 0.75], ["gives-up", 0.05]]  # rework loop
        elif i == 40:
            step["next"] = [[after, 0.9], ["refused", 0.1]]
        else:
            step["next"] = [[after, 1.0]]
    for i, (amount, unit) in WORKING.items():
        steps[i]["actor"], steps[i]["channel"] = "backstage", None
        steps[i]["working"] = {"amount": amount, "unit": unit}
    steps.append({"id": "done", "actor": "customer", "channel": "web", "wait": fixed(0),
                  "time": fixed(5 * MINUTE), "next": [], "end": "success"})
    steps.append({"id": "gives-up", "actor": "customer", "channel": None, "wait": fixed(0),
                  "time": fixed(0), "next": [], "end": "abandon"})
    steps.append({"id": "refused", "actor": "backstage", "channel": None, "wait": tail(HOUR, 6 * HOUR),
                  "time": fixed(10 * MINUTE), "next": [], "end": "failure"})
    return steps


def main():
    out = sys.argv[1]
    fixed_only = "--fixed" in sys.argv[2:]
    steps = build()
    if fixed_only:
        for s in steps:
            s["wait"] = fixed(mean(s["wait"]))
            s["time"] = fixed(mean(s["time"]))
            s.pop("working", None)
    os.makedirs(out, exist_ok=True)
    hours = {} if fixed_only else HOURS
    lines = ["journey: bench-simulate", "title: A 50-step journey to simulate"]
    if not fixed_only:
        lines.append(f"customer_hours: {hours_text(CUSTOMER_HOURS)}")
        lines.append("arrivals:")
        for groups, share in ARRIVALS:
            lines.append(f"  {hours_text(groups)}: {round(share * 100)}%")
    lines.append("channels:")
    for cid, c in CHANNELS.items():
        extra = f", hours: {hours_text(hours[cid])}" if cid in hours else ""
        lines.append(f"  {cid}: {{name: {c['name']}, kind: {c['kind']}{extra}}}")
    extra = f", hours: {hours_text(hours['ops'])}" if "ops" in hours else ""
    lines.append(f"teams:\n  ops: {{name: Operations{extra}}}")
    lines.append("steps:")
    for s in steps:
        lines.append(f"  - id: {s['id']}")
        lines.append(f"    name: Step {s['id']}")
        lines.append(f"    actor: {s['actor']}")
        if s["channel"]:
            lines.append(f"    channel: {s['channel']}")
        if s["actor"] == "backstage":
            lines.append("    team: ops")
        if "working" in s:
            lines.append(f"    wait: {s['working']['amount']} working {s['working']['unit']}")
        else:
            lines.append(f"    wait: {yaml_spread(s['wait'])}")
        lines.append(f"    time: {yaml_spread(s['time'])}")
        if s["end"]:
            lines.append(f"    end: {s['end']}")
        else:
            lines.append("    next:")
            for to, p in s["next"]:
                lines.append(f"      - {{to: {to}, p: {p}}}")
    with open(os.path.join(out, "bench-simulate.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    model = {"channels": {k: v["kind"] for k, v in CHANNELS.items()}, "steps": steps,
             "calendars": not fixed_only,
             "hours": {k: intervals(v) for k, v in hours.items()},
             "customer_hours": intervals(CUSTOMER_HOURS),
             "arrivals": [[intervals(groups), share] for groups, share in ARRIVALS]}
    with open(os.path.join(out, "bench-simulate.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, indent=1)
    print(f"{len(steps)} steps")


if __name__ == "__main__":
    main()
