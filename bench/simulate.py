#!/usr/bin/env python3
"""A plain, single-threaded simulation of a journey (the JSON model bench/gen_simulate.py writes),
standard library only: the baseline `journey simulate` is timed and checked against.

Each customer starts at the first step, draws each wait and time (fixed, uniform, or log-normal
with median `low` and 90th percentile `high`), adds them up and follows the branches until an
end. Prints the mean, P50, P80, P90, P95 and max (nearest rank, from the sorted values) of lead
time, wait and customer effort over all customers, as JSON.

Usage: simulate.py MODEL.json [CUSTOMERS] [SEED]
"""
import json
import math
import random
import sys

Z90 = 1.2815515655446004


def drawer(spread, rng):
    low, high = spread["low"], spread["high"]
    if spread["shape"] == "uniform":
        return lambda: rng.uniform(low, high)
    if spread["shape"] == "lognormal":
        mu, sigma = math.log(low), math.log(high / low) / Z90
        return lambda: rng.lognormvariate(mu, sigma)
    return lambda: low


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    steps = model["steps"]
    index = {s["id"]: i for i, s in enumerate(steps)}
    kinds = model["channels"]
    plan = []
    for s in steps:
        kind = kinds.get(s["channel"]) if s["channel"] else None
        effort_time = s["actor"] == "customer" or (s["actor"] == "frontstage" and kind in ("assisted", "in-person"))
        effort_wait = s["actor"] in ("customer", "frontstage") and kind == "assisted"
        plan.append((drawer(s["wait"], rng), drawer(s["time"], rng), effort_wait, effort_time,
                     [index[to] for to, _ in s["next"]], [p for _, p in s["next"]]))
    leads, waits, efforts = [], [], []
    for _ in range(customers):
        lead = wait = effort = 0.0
        u = 0
        while True:
            draw_wait, draw_time, effort_wait, effort_time, targets, weights = plan[u]
            w, t = draw_wait(), draw_time()
            lead += w + t
            wait += w
            effort += (w if effort_wait else 0.0) + (t if effort_time else 0.0)
            if not targets:
                break
            u = rng.choices(targets, weights)[0]
        leads.append(lead)
        waits.append(wait)
        efforts.append(effort)
    out = {}
    for name, values in (("lead_time", leads), ("wait_time", waits), ("customer_effort", efforts)):
        values.sort()
        n = len(values)
        figures = {"mean": sum(values) / n}
        for q in (50, 80, 90, 95):
            figures[f"p{q}"] = values[max(1, math.ceil(q / 100 * n)) - 1]
        figures["max"] = values[-1]
        out[name] = figures
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
