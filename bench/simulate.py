#!/usr/bin/env python3
"""A plain, single-threaded simulation of a journey (the JSON model bench/gen_simulate.py writes),
standard library only: the baseline `journey simulate` is timed and checked against.

Each customer starts at the first step, draws each wait and time (fixed, uniform, or log-normal
with median `low` and 90th percentile `high`), adds them up and follows the branches until an
end. When the model has calendars (weekly open intervals in minutes from Monday 00:00), it uses
the semantics of `journey simulate` (docs/format.md, "Calendars"):

- a customer starts at a time of the week drawn from `arrivals` (each window's share spread
  evenly over its hours, the rest evenly over the hours no window names);
- a step's work hours are its team's hours, else its channel's; an `actor: customer` step also
  needs the customer's hours;
- a step whose wait ends while its hours are closed starts at the next opening: that hold-up is
  closed time, and part of the wait (but not of customer effort);
- a working-time wait (`3 working days`) lasts that much open time of the work hours, counted
  from the next opening; a working day is the week's open time over the days with any opening;
- the active time of a started step runs on, open or not.

Prints the mean, P50, P80, P90, P95 and max (nearest rank, from the sorted values) of lead time,
wait, customer effort and closed time over all customers, and the share held up, as JSON.

Usage: simulate.py MODEL.json [CUSTOMERS] [SEED]
"""
import json
import math
import random
import sys

Z90 = 1.2815515655446004
WEEK = 7 * 86400


class Calendar:
    """Weekly open intervals in seconds from Monday 00:00, sorted and disjoint."""

    def __init__(self, minutes):
        self.intervals = [(begin * 60, end * 60) for begin, end in minutes]

    def intersect(self, other):
        out = []
        for a0, a1 in self.intervals:
            for b0, b1 in other.intervals:
                if max(a0, b0) < min(a1, b1):
                    out.append([max(a0, b0) // 60, min(a1, b1) // 60])
        return Calendar(sorted(out))

    def working_day(self):
        days = set()
        for begin, end in self.intervals:
            day = begin // 86400
            while day * 86400 < end and day < 7:
                days.add(day)
                day += 1
        return sum(end - begin for begin, end in self.intervals) / len(days)

    def next_open(self, t):
        """The first time at or after t when open."""
        week = math.floor(t / WEEK)
        into = t - week * WEEK
        for begin, end in self.intervals:
            if into < end:
                return t if into >= begin else week * WEEK + begin
        return (week + 1) * WEEK + self.intervals[0][0]

    def add_working(self, t, work):
        """The time at which `work` seconds of open time have passed from t."""
        if work <= 0:
            return t
        while True:
            t = self.next_open(t)
            week = math.floor(t / WEEK)
            into = t - week * WEEK
            end = next(e for b, e in self.intervals if into < e)
            if work <= end - into:
                return t + work
            work -= end - into
            t = week * WEEK + end


def arrival_sampler(windows, rng):
    """Draws a start time of the week: `windows` is [[intervals in minutes], share]."""
    pieces, weights, named = [], [], []
    rest = 1.0
    for minutes, share in windows:
        total = sum(end - begin for begin, end in minutes)
        for begin, end in minutes:
            pieces.append((begin * 60, end * 60))
            weights.append(share * (end - begin) / total)
            named.append((begin, end))
        rest -= share
    named.sort()
    gaps, at = [], 0
    for begin, end in named + [(7 * 1440, 7 * 1440)]:
        if begin > at:
            gaps.append((at, begin))
        at = max(at, end)
    gap_minutes = sum(end - begin for begin, end in gaps)
    if rest > 1e-9:
        for begin, end in gaps:
            pieces.append((begin * 60, end * 60))
            weights.append(rest * (end - begin) / gap_minutes)
    if not pieces:
        pieces, weights = [(0, WEEK)], [1.0]

    def draw():
        begin, end = rng.choices(pieces, weights)[0]
        return rng.uniform(begin, end)
    return draw


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
    calendars = model.get("calendars", False)
    hours = {k: Calendar(v) for k, v in model.get("hours", {}).items()}
    customer_hours = Calendar(model.get("customer_hours", [[0, 7 * 1440]]))
    start_time = arrival_sampler(model.get("arrivals", []), rng) if calendars else (lambda: 0.0)
    plan = []
    for s in steps:
        kind = kinds.get(s["channel"]) if s["channel"] else None
        effort_time = s["actor"] == "customer" or (s["actor"] == "frontstage" and kind in ("assisted", "in-person"))
        effort_wait = s["actor"] in ("customer", "frontstage") and kind == "assisted"
        work = None
        if calendars:
            work = hours.get("ops") if s["actor"] == "backstage" else None
            work = work or hours.get(s["channel"])
        starts = work
        if calendars and s["actor"] == "customer":
            starts = work.intersect(customer_hours) if work else customer_hours
        working = None
        if "working" in s and work:
            amount, unit = s["working"]["amount"], s["working"]["unit"]
            working = amount * (work.working_day() if unit == "days" else 3600)
        plan.append((drawer(s["wait"], rng), drawer(s["time"], rng), effort_wait, effort_time,
                     work, starts, working,
                     [index[to] for to, _ in s["next"]], [p for _, p in s["next"]]))
    leads, waits, efforts, closeds = [], [], [], []
    held_up = 0
    for _ in range(customers):
        start = start_time()
        lead = wait = effort = closed = 0.0
        u = 0
        while True:
            draw_wait, draw_time, effort_wait, effort_time, work, starts, working, targets, weights = plan[u]
            if working is not None:
                now = start + lead
                w = work.add_working(now, working) - now
            else:
                w = draw_wait()
            t = draw_time()
            effort += (w if effort_wait else 0.0) + (t if effort_time else 0.0)
            if starts is not None:
                ready = start + lead + w
                held = starts.next_open(ready) - ready
                closed += held
                w += held
            lead += w + t
            wait += w
            if not targets:
                break
            u = rng.choices(targets, weights)[0]
        leads.append(lead)
        waits.append(wait)
        efforts.append(effort)
        closeds.append(closed)
        held_up += closed > 0
    out = {}
    measures = [("lead_time", leads), ("wait_time", waits), ("customer_effort", efforts)]
    if calendars:
        measures.append(("closed_time", closeds))
    for name, values in measures:
        values.sort()
        n = len(values)
        figures = {"mean": sum(values) / n}
        for q in (50, 80, 90, 95):
            figures[f"p{q}"] = values[max(1, math.ceil(q / 100 * n)) - 1]
        figures["max"] = values[-1]
        out[name] = figures
    if calendars:
        out["held_up"] = held_up / customers
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
