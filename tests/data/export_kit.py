"""Helpers shared by the blind export generators (``tests/data/exports*/make_exports.py``):
clock text, calendars, random calls and the plain-Python truth computed from the drawn rows.
Nothing here calls KPI Lab: the expected values stay independent of the code under test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import sys
import zipfile
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


def r4(x: float) -> float:
    """To 4 decimals, as every expected literal is written."""
    return round(x, 4)


def mmss(sec: int) -> str:
    """Minutes:seconds, minutes unbounded ("75:12" for 1 h 15 min 12 s)."""
    return f"{sec // 60:02d}:{sec % 60:02d}"


def log_truth(recs: list[dict[str, Any]], sl_t: float = 20.0) -> dict[str, Any]:
    """KPIs of a contact log: contacts = rows (a transfer leg with ``initial`` False is no new
    contact), abandonment over inbound queued, ASA over inbound answered, AHT over handled
    (``handle`` is 0 when not handled), service level abandons negative; transfer rate, FCR
    (``resolved`` flags) and CSAT when the records have them."""
    inb = [r for r in recs if r["inbound"]]
    queued = [r for r in inb if r["outcome"] in ("answered", "abandoned", "voicemail")]
    ans = [r for r in queued if r["outcome"] == "answered"]
    ab = [r for r in queued if r["outcome"] == "abandoned"]
    handled = [r for r in recs if r["outcome"] in ("answered", "connected")]
    out: dict[str, Any] = {
        "rows": len(recs),
        "contacts": sum(r.get("initial", True) for r in recs),
        "abandonment_rate": r4(len(ab) / len(queued)),
        "asa": r4(mean([r["wait"] for r in ans])),
        "aht": r4(mean([r["handle"] for r in handled])),
        "service_level": r4(sum(r["wait"] <= sl_t for r in ans) / (len(ans) + len(ab))),
        "first_day": min(r["start"] for r in recs).date().isoformat(),
        "last_day": max(r["start"] for r in recs).date().isoformat(),
    }
    if any("transferred" in r for r in recs):
        out["transfer_rate"] = r4(sum(bool(r.get("transferred")) for r in handled) / len(handled))
    flagged = [r for r in handled if r.get("resolved") is not None]
    if flagged:
        out["fcr"] = r4(sum(r["resolved"] for r in flagged) / len(flagged))
    rated = [r["csat"] for r in recs if r.get("csat") is not None]
    if rated:
        out["csat"] = r4(mean(rated))
    return out


def draw_row(rng: random.Random, day: Any, base: int, gap: int = 0) -> dict[str, Any]:
    """One summary row: offered = answered + abandoned + a third outcome (flow-outs, 0..gap)."""
    offered = rng.randint(int(base * 0.7), int(base * 1.3))
    abandoned = rng.randint(0, max(1, offered // 8))
    flow = rng.randint(0, gap)
    answered = offered - abandoned - flow
    talk, hold, acw = rng.randint(180, 420), rng.randint(0, 40), rng.randint(20, 90)
    within = round(answered * rng.uniform(0.55, 0.95))
    return {
        "day": day, "offered": offered, "answered": answered, "abandoned": abandoned,
        "flow": flow, "asa": rng.randint(8, 95), "talk": talk, "hold": hold, "acw": acw,
        "aht": talk + hold + acw, "within": within,
        "transferred": rng.randint(0, max(1, answered // 10)),
        "sl": 100 * within / (answered + abandoned),
    }  # fmt: skip


def summary_truth(rows: list[dict[str, Any]], sl: str = "pct") -> dict[str, Any]:
    """KPIs of summary rows re-weighted by answered (rows drawn by :func:`draw_row`); ``sl``
    "pct": r["sl"] (the percentage as displayed) weighted by answered, "count": within /
    (answered + abandoned); transfer rate over answered, talk time weighted by answered."""
    ans = sum(r["answered"] for r in rows)
    off = sum(r["offered"] for r in rows)
    out: dict[str, Any] = {
        "rows": len(rows),
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
        "asa": r4(sum(r["asa"] * r["answered"] for r in rows) / ans),
        "aht": r4(sum(r["aht"] * r["answered"] for r in rows) / ans),
    }
    if sl == "pct":
        out["service_level"] = r4(sum(r["sl"] / 100 * r["answered"] for r in rows) / ans)
    else:
        out["service_level"] = r4(
            sum(r["within"] for r in rows) / sum(r["answered"] + r["abandoned"] for r in rows)
        )
    if all("transferred" in r and "talk" in r for r in rows):
        out["transfer_rate"] = r4(sum(r["transferred"] for r in rows) / ans)
        out["talk_time"] = r4(sum(r["talk"] * r["answered"] for r in rows) / ans)
    out["first_day"] = min(r["day"] for r in rows).isoformat()
    out["last_day"] = max(r["day"] for r in rows).isoformat()
    return out


def drawn_calls(
    rng: random.Random,
    days: list[dt.date],
    per_day: int,
    p_ab: float = 0.15,
    p_vm: float = 0.0,
    **spread_kw: Any,
) -> list[dict[str, Any]]:
    """Drawn inbound calls (:func:`draw_call`) with their start times (:func:`spread`)."""
    out = []
    for t in spread(rng, days, per_day, **spread_kw):
        c = draw_call(rng, p_ab=p_ab, p_vm=p_vm)
        c["start"] = t
        out.append(c)
    return out


def ans_word(c: dict[str, Any]) -> str:
    return "Answered" if c["outcome"] == "answered" else "Abandoned"


def guid(rng: random.Random) -> str:
    """A random GUID ("6f1c0a2e-11aa-4d2b-9d0e-31b1f0c0aa01")."""
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def save_xlsx(wb: Any, path: Path) -> None:
    """Save an openpyxl workbook with fixed zip member dates and core properties: the same
    bytes on every run."""
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 6, 15, 6, 0)
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*", rb"\g<1>2024-06-15T06:00:00Z",
                    data,
                )  # fmt: skip
            dst.writestr(zipfile.ZipInfo(info.filename, (2024, 6, 15, 6, 0, 0)), data,
                         zipfile.ZIP_DEFLATED)  # fmt: skip


def dial_out(rng: random.Random, p_no: float = 0.3) -> dict[str, Any]:
    """An outbound dial: connected (talk + hold + ACW) or not picked up."""
    if rng.random() < p_no:
        return {"outcome": "no_answer", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                "inbound": False}  # fmt: skip
    talk, acw = rng.randint(30, 600), rng.randint(5, 90)
    hold = rng.choice([0, 0, rng.randint(5, 60)])
    return {"outcome": "connected", "wait": 0, "talk": talk, "hold": hold, "acw": acw,
            "handle": talk + hold + acw, "inbound": False}  # fmt: skip


def handled(c: dict[str, Any]) -> bool:
    """An inbound call answered or an outbound dial connected: counted in the AHT."""
    return c["outcome"] in ("answered", "connected")


def wavg(rows: list[dict[str, Any]], key: str, weight: str = "answered") -> float:
    """A per-row average weighted by ``weight`` over the rows that have a figure."""
    have = [r for r in rows if r.get(key) is not None]
    return r4(sum(r[key] * r[weight] for r in have) / sum(r[weight] for r in have))


def rows_truth(rows: list[dict[str, Any]], sl: str = "pct", **extra: Any) -> dict[str, Any]:
    """KPIs of summary rows as displayed (``asa`` / ``aht`` seconds, ``sl`` percent); ``sl``
    "pct" weights the percentage by answered, "count" is within / (answered + abandoned),
    "offered" weights the percentage by offered (a report's SL over offered), "" leaves
    service level out."""
    off = sum(r["offered"] for r in rows)
    out: dict[str, Any] = {
        "rows": len(rows),
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
        "asa": wavg(rows, "asa"),
        "aht": wavg(rows, "aht"),
    }
    if sl == "pct":
        out["service_level"] = r4(wavg(rows, "sl") / 100)
    elif sl == "count":
        out["service_level"] = r4(
            sum(r["within"] for r in rows) / sum(r["answered"] + r["abandoned"] for r in rows)
        )
    elif sl == "offered":
        out["service_level"] = r4(wavg(rows, "sl", "offered") / 100)
    out["first_day"] = min(r["day"] for r in rows).date().isoformat()
    out["last_day"] = max(r["day"] for r in rows).date().isoformat()
    return {**out, **extra}
