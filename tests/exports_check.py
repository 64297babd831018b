"""Shared checks of the blind export suites (tests/test_real_exports*.py): read a file with no
mapping, then compare what the user is told and the KPIs with literals computed elsewhere."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from kpi import ingest
from kpi.engine import compute
from kpi.errors import KpiLabError

DP = 1e-4  # "to 4 decimals": every expected literal is rounded to 4 decimals
DATA = Path(__file__).resolve().parent / "data"


def reader(folder: str) -> Callable[..., ingest.ImportResult]:
    """``load(name, timezone="UTC")`` for the files of ``tests/data/<folder>``, memoised."""

    @functools.cache
    def load(name: str, timezone: str = "UTC") -> ingest.ImportResult:
        """Import one export with no mapping (timestamps with Z kept in UTC for stable days)."""
        return ingest.read_files([DATA / folder / name], timezone=timezone)

    return load


def accounted(r: ingest.ImportResult, read: int, quarantined: int | None = 0) -> None:
    """Rows read match the file; every row kept or quarantined; quarantine count when given."""
    rep = r.report
    why = rep.summary() + "\n" + rep.reasons().to_string()
    assert rep.rows_read == read, why
    assert rep.rows_kept + rep.rows_quarantined == rep.rows_read, why
    if quarantined is not None:
        assert rep.rows_quarantined == quarantined, why


def days(r: ingest.ImportResult) -> tuple[str, str]:
    """First and last day of the data (catches day/month swaps and misread years)."""
    rng = r.dataset.date_range
    assert rng is not None, "no dates were read"
    return rng[0].date().isoformat(), rng[1].date().isoformat()


def text(r: ingest.ImportResult) -> str:
    """What the user is told: summary, reader notes, warnings (not the mapping)."""
    rep = r.report
    out = " ".join([rep.summary(), *rep.notes, *rep.warnings])
    for name in rep.files:  # the file names must not satisfy a search ("eu_dayfirst.csv")
        out = out.replace(Path(name).name, "<file>").replace(Path(name).stem, "<file>")
    return out.lower()


def values(r: ingest.ImportResult, *kpis: str, grain: str = "all") -> dict[str, float]:
    """KPI values over the whole file (one engine call), NaN for an unavailable KPI."""
    table = compute(r.dataset, kpis=list(kpis), grain=grain)
    out = {}
    for k in kpis:
        try:
            out[k] = table.value(k)
        except KpiLabError as e:  # unavailable: report it as NaN with the reason in the diff
            out[k] = float("nan")
            out[k + "_why"] = str(e)  # type: ignore[assignment]
    return out


def expect(got: dict[str, float], **want: float) -> None:
    """All KPI values to 4 decimals; the failure lists every KPI, not just the first."""
    wrong = {k: (got.get(k), got.get(k + "_why", ""), v) for k, v in want.items()
             if not (isinstance(got.get(k), float) and abs(got[k] - v) <= DP)}  # fmt: skip
    assert not wrong, f"(got, why unavailable, expected): {wrong}"


def grains(r: ingest.ImportResult) -> set[str]:
    """The grain the import detected, wherever the importer keeps it."""
    found = {getattr(o, "grain", None) for o in (r.mapping, r.dataset, r.report)}
    return {str(g) for g in found if g not in (None, "auto", "")}


def starts(r: ingest.ImportResult) -> pd.Series:
    """The imported start times (contact logs) or period starts (summary reports)."""
    frame = r.dataset.frame
    return frame["start_time" if "start_time" in frame else "date"]


def office_hours(r: ingest.ImportResult) -> None:
    """Every contact was drawn between 08:00 and 18:00 (catches 12-hour / epoch misreads)."""
    h = starts(r).dt.hour
    assert h.between(8, 17).all(), h.value_counts().sort_index().to_dict()


def all_accounted(r: ingest.ImportResult, kept: int) -> None:
    """Rows kept as given; every row read is kept or quarantined (the read count is the
    importer's: layout lines may or may not be counted as rows)."""
    rep = r.report
    why = rep.summary() + "\n" + rep.reasons().to_string()
    assert rep.rows_kept == kept, why
    assert rep.rows_kept + rep.rows_quarantined == rep.rows_read, why


def unavailable(r: ingest.ImportResult, *kpis: str) -> None:
    """None of ``kpis`` comes out of the file (each is reported unavailable)."""
    got = values(r, *kpis)
    came = {k: got[k] for k in kpis if not math.isnan(got[k])}
    assert not came, f"KPIs that must not come out of this file: {came}"


def per_period(r: ingest.ImportResult, kpi: str, grain: str) -> dict[str, float]:
    """A KPI per period (all segments pooled): {first day: value}, periods with a value."""
    wide = compute(r.dataset, kpis=[kpi], grain=grain).wide()
    return {
        d.date().isoformat(): round(float(v), 4)
        for d, v in zip(wide["date"], wide[kpi], strict=True)
        if v == v and v
    }
