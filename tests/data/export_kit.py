"""Helpers shared by the blind export generators (``tests/data/exports*/make_exports.py``):
clock text, calendars, random calls and the plain-Python truth computed from the drawn rows.
Nothing here calls KPI Lab: the expected values stay independent of the code under test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Builder = Callable[[], dict[str, Any]]


def csv_text(rows: list[list[Any]], *, sep: str = ",", eol: str = "\n", **kw: Any) -> str:
    """Rows as CSV text (``kw``: more ``csv.writer`` options, e.g. ``quoting``)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=eol, **kw).writerows(rows)
    return buf.getvalue()


class Builders:
    """A generator's file builders: ``@builders`` registers a ``build_<name>`` function (it
    writes its files and returns their truth); files are written beside the generator."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.fns: dict[str, Builder] = {}

    def __call__(self, fn: Builder) -> Builder:
        self.fns[fn.__name__.removeprefix("build_")] = fn
        return fn

    def write_csv(
        self, name: str, header: list[str], rows: list[list[Any]], *, sep: str = ","
    ) -> None:
        (self.out / name).write_text(csv_text([header, *rows], sep=sep), encoding="utf-8")

    def main(self) -> None:
        """Write every file; with ``--expected``, print each builder's truth."""
        truths = {name: fn() for name, fn in self.fns.items()}
        if "--expected" in sys.argv:
            for name, t in truths.items():
                print(name, json.dumps(t, default=str))


def hms(sec: float, pad: bool = True) -> str:
    s = int(round(sec))
    h, m, s = s // 3600, s % 3600 // 60, s % 60
    return f"{h:02d}:{m:02d}:{s:02d}" if pad else f"{h}:{m:02d}:{s:02d}"


def weekdays(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [], start
    while d <= end:
        if d.weekday() < 5:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def spread(rng: random.Random, days: list[dt.date], per_day: int, h0: int = 8, h1: int = 18
           ) -> list[dt.datetime]:  # fmt: skip
    out = []
    for d in days:
        secs = sorted(rng.randint(h0 * 3600, h1 * 3600 - 1) for _ in range(per_day))
        out += [dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=s) for s in secs]
    return out


def draw_call(rng: random.Random, p_ab: float = 0.15, p_vm: float = 0.0) -> dict[str, Any]:
    u = rng.random()
    outcome = "abandoned" if u < p_ab else "voicemail" if u < p_ab + p_vm else "answered"
    if outcome == "answered":
        wait = rng.choice([rng.randint(0, 20), rng.randint(0, 20), rng.randint(21, 240)])
        talk, acw = rng.randint(45, 720), rng.randint(5, 150)
        hold = rng.choice([0, 0, rng.randint(5, 120)])
    else:
        wait = rng.randint(3, 300)
        talk = hold = acw = 0
    return {"outcome": outcome, "wait": wait, "talk": talk, "hold": hold, "acw": acw,
            "handle": talk + hold + acw if outcome == "answered" else 0, "inbound": True}  # fmt: skip


def contact_truth(recs: list[dict[str, Any]], sl_t: float = 20.0) -> dict[str, Any]:
    inb = [r for r in recs if r["inbound"]]
    queued = [r for r in inb if r["outcome"] in ("answered", "abandoned", "voicemail")]
    ans = [r for r in queued if r["outcome"] == "answered"]
    ab = [r for r in queued if r["outcome"] == "abandoned"]
    handled = [r for r in recs if r["outcome"] == "answered" or (not r["inbound"] and r["handle"])]
    return {
        "rows": len(recs),
        "offered": len(queued),
        "answered": len(ans),
        "abandoned": len(ab),
        "abandonment_rate": round(len(ab) / len(queued), 4),
        "asa": round(mean([r["wait"] for r in ans]), 4),
        "aht": round(mean([r["handle"] for r in handled]), 4),
        "service_level": round(sum(r["wait"] <= sl_t for r in ans) / (len(ans) + len(ab)), 4),
        "first_day": min(r["start"] for r in recs).date().isoformat(),
        "last_day": max(r["start"] for r in recs).date().isoformat(),
    }
