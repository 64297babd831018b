"""The standard weekly report: last complete week vs the previous week, targets, alerts, changes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kpi.analysis.overview.cards import DEFAULT_CARD_KPIS
from kpi.analysis.overview.triggers import DEFAULT_TRIGGERS as OVERVIEW_TRIGGERS
from kpi.analysis.overview.triggers import meets_target
from kpi.dataset import Dataset
from kpi.errors import AnalysisError, DataError
from kpi.findings import Finding
from kpi.report.weekly_findings import (
    TREND_WEEKS,
    alerts_finding,
    change_finding,
    scorecard_finding,
    trigger_rows,
)

__all__ = ["DEFAULT_CONFIG", "Week", "resolve_week", "weekly_kpi_table", "weekly_report"]

#: The report's KPIs: volume, then the Overview's default cards, so the report and the Overview
#: count "KPIs that met their target" over the same KPIs with the same rule.
CORE_KPIS: tuple[str, ...] = ("contacts", *DEFAULT_CARD_KPIS)

_OPS = {"<": "below", ">": "above", "drop": "drop", "rise": "rise"}

#: The registry's action triggers (the Overview's, :data:`kpi.analysis.overview.DEFAULT_TRIGGERS`)
#: as report rules: "<kpi>_<below|above|drop|rise>" -> threshold in the KPI's unit.
DEFAULT_TRIGGERS: dict[str, float] = {
    f"{t.kpi}_{_OPS[t.op]}": t.threshold for t in OVERVIEW_TRIGGERS
}

DEFAULT_CONFIG: dict[str, Any] = {
    "title": "Weekly KPI report",
    "kpis": list(CORE_KPIS),
    "targets": {},
    "triggers": dict(DEFAULT_TRIGGERS),
    "segment": {},
    "week": None,
    "alpha": 0.05,
    "max_changes": 5,
    "settings": {},
}

_CONFIG_KEYS = set(DEFAULT_CONFIG)
_TRIGGER_OPS = ("below", "above", "drop", "rise")


@dataclass(frozen=True, slots=True)
class Week:
    """The reported Monday-Sunday week and the one before it (dates inclusive)."""

    start: dt.date
    end: dt.date

    @property
    def previous_start(self) -> dt.date:
        return self.start - dt.timedelta(days=7)

    @property
    def previous_end(self) -> dt.date:
        return self.end - dt.timedelta(days=7)

    def describe(self) -> str:
        """e.g. "week of 22 Jun 2026 (Mon 22 Jun - Sun 28 Jun)"."""
        return f"week of {self.start:%d %b %Y} (Mon {self.start:%d %b} - Sun {self.end:%d %b})"


def _config(config: dict[str, Any] | None) -> dict[str, Any]:
    config = dict(config or {})
    unknown = sorted(set(config) - _CONFIG_KEYS)
    if unknown:
        raise DataError(
            f"Unknown report setting(s) {', '.join(map(repr, unknown))}: use "
            f"{', '.join(sorted(_CONFIG_KEYS))}."
        )
    merged = {**DEFAULT_CONFIG, **{k: v for k, v in config.items() if v is not None}}
    # The rules the config names, in its order, then the registry's others.
    triggers = dict(config.get("triggers") or {})
    triggers |= {k: v for k, v in DEFAULT_TRIGGERS.items() if k not in triggers}
    merged["triggers"] = triggers
    if not isinstance(merged["kpis"], list | tuple) or not merged["kpis"]:
        raise DataError('"kpis" must be a non-empty list of KPI ids, e.g. ["csat", "fcr"].')
    if not isinstance(merged["segment"], dict):
        raise DataError('"segment" must be an object such as {"queue": "Billing"}.')
    if not isinstance(merged["targets"], dict):
        raise DataError('"targets" must be an object such as {"csat": 4.2}.')
    return merged


def _dataset(data: Dataset | pd.DataFrame) -> Dataset:
    if isinstance(data, Dataset):
        return data
    if isinstance(data, pd.DataFrame):
        return Dataset.from_frame("data", data)
    raise DataError("The weekly report needs a dataset or a canonical table.")


def _apply_segment(ds: Dataset, segment: dict[str, Any]) -> Dataset:
    frame = ds.frame
    mask = pd.Series(True, index=frame.index)
    for column, wanted in segment.items():
        if column not in frame.columns:
            raise DataError(
                f'The report segment uses column "{column}", which this data does not have; '
                "remove it from the config or map the column on import."
            )
        values = [str(v) for v in (wanted if isinstance(wanted, list | tuple) else [wanted])]
        mask &= frame[column].astype("string").isin(values).fillna(False)
    if not bool(mask.any()):
        raise DataError(f"No rows match the report segment {segment}; check the values.")
    return Dataset(
        name=ds.name, frame=frame.loc[mask].reset_index(drop=True), shape=ds.shape,
        source=ds.source, report=ds.report, truth=ds.truth,
    )  # fmt: skip


def resolve_week(data: Dataset | pd.DataFrame, config: dict[str, Any] | None = None) -> Week:
    """The week to report: ``config["week"]`` (any date in it) or the last complete week.

    A week runs Monday to Sunday; it is complete when the data reaches its Sunday.
    """
    ds = _dataset(data)
    times = pd.to_datetime(ds.frame[ds.time_column], errors="coerce").dropna()
    if times.empty:
        raise DataError("The data has no dates, so there is no week to report.")
    wanted = (config or {}).get("week")
    if wanted:
        try:
            day = pd.Timestamp(str(wanted)).date()
        except ValueError as err:
            raise DataError(f'"week" must be a date such as "2026-06-22", not {wanted!r}.') from err
        start = day - dt.timedelta(days=day.weekday())
    else:
        last = times.max().date()
        # The week containing the last day is complete only if that day is its Sunday.
        end = last if last.weekday() == 6 else last - dt.timedelta(days=last.weekday() + 1)
        start = end - dt.timedelta(days=6)
    week = Week(start=start, end=start + dt.timedelta(days=6))
    first = times.min().date()
    if week.previous_start < first:
        raise AnalysisError(
            f"The data starts on {first:%d %b %Y}: a weekly report needs two complete weeks "
            f"(the {week.describe()} and the one before); load more history."
        )
    return week


def _filters(segment: dict[str, Any]) -> dict[str, list[str]] | None:
    if not segment:
        return None
    return {
        str(col): [str(v) for v in (val if isinstance(val, list | tuple) else [val])]
        for col, val in segment.items()
    }


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm step-down adjusted p-values (NaN kept as NaN)."""
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if ok.size == 0:
        return out
    order = ok[np.argsort(p[ok])]
    m = ok.size
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        out[idx] = running
    return out


def _paired_test(this: pd.Series, previous: pd.Series) -> tuple[float, int]:
    """Paired t-test of daily values matched by weekday; (p_value, pairs)."""
    from scipy import stats

    pairs = pd.concat([this.rename("a"), previous.rename("b")], axis=1).dropna()
    n = len(pairs)
    if n < 3:
        return math.nan, n
    diff = (pairs["a"] - pairs["b"]).to_numpy(dtype=float)
    if np.allclose(diff, diff[0]):
        return (1.0 if diff[0] == 0 else 0.0), n
    return float(stats.ttest_rel(pairs["a"], pairs["b"]).pvalue), n


def _threshold(kdef: Any, op: str, value: float) -> float:
    # Rates are fractions; a rate threshold above 1 ("8" for 8%) is read as a percentage.
    if getattr(kdef, "unit", "") == "rate" and op in ("below", "above") and value > 1:
        return value / 100
    if getattr(kdef, "unit", "") == "rate" and op in ("drop", "rise") and value >= 1:
        return value / 100
    return value


def _parse_triggers(triggers: dict[str, Any], kpis: dict[str, Any]) -> list[tuple[str, str, float]]:
    out = []
    for name, value in triggers.items():
        if value is None:
            continue
        kpi, _, op = str(name).rpartition("_")
        if op not in _TRIGGER_OPS or kpi not in kpis:
            raise DataError(
                f'Unknown trigger "{name}": write "<kpi id>_<below|above|drop|rise>", '
                'e.g. "csat_below": 4.0 or "nps_drop": 10.'
            )
        try:
            threshold = float(value)
        except (TypeError, ValueError) as err:
            raise DataError(f'Trigger "{name}" needs a number, not {value!r}.') from err
        out.append((kpi, op, _threshold(kpis[kpi], op, threshold)))
    return out


# Over 80 lines only through its docstring, which documents every config key; the body is ~35.
def weekly_report(
    dataset: Dataset | pd.DataFrame, config: dict[str, Any] | None = None
) -> list[Finding]:
    """The standard weekly report: last complete week vs the previous week.

    Findings, in order:

    1. ``kpi_cards`` "KPIs for the week": each KPI this week and last week (ratios of the week's
       sums, never averages of daily rates), the change, the target and whether it is met;
       table columns ``kpi, name, unit, this_week, previous_week, change, target, on_target,
       p_value, p_adj, significant, days``; chart: daily values of both weeks by weekday.
    2. ``table`` "Alerts": the triggers and whether each fired; table columns ``trigger, kpi,
       name, rule, threshold, this_week, previous_week, fired, reading`` (``fired`` is empty
       when the KPI cannot be computed on this data).
    3. one ``trend`` finding per KPI that changed significantly (at most ``max_changes``, most
       significant first): weekly values over the last 8 weeks with 95% CIs and the target;
       table columns ``period, value, numerator, denominator, ci_low, ci_high``.

    Significance: the seven daily values of the week are compared with the same weekdays of the
    previous week (paired t-test, so the weekly cycle cancels out), then Holm-adjusted over the
    KPIs tested. Seven pairs detect only large shifts: "not significant" means "not
    distinguishable from day-to-day noise", not "no change".

    Parameters
    ----------
    dataset : a ``Dataset`` (interactions or aggregated) or a canonical DataFrame.
    config : optional dict (e.g. a ``report.json``); every key is optional::

        {
          "title": "Weekly KPI report",          # the report title (used by `kpi report`)
          "kpis": ["contacts", "csat", "nps", "fcr", "ces",
                   "abandonment_rate", "service_level", "aht"],  # KPI ids (kpi.metrics.KPIS)
          "targets": {"csat": 4.2},              # override the registry's default targets
          "triggers": {                           # "<kpi>_<below|above|drop|rise>": threshold
                                                  #   (default: the registry's action triggers)
            "csat_below": 4.0,                    #   CSAT (1-5) under 4.0
            "fcr_below": 0.70,                    #   rates as fractions (70 is read as 70%)
            "abandonment_rate_above": 0.08,
            "nps_drop": 10                        #   NPS down 10+ points vs last week
          },                                      #   null disables a default trigger
          "segment": {"queue": "Billing"},       # restrict to a segment (value or list)
          "week": "2026-06-22",                  # any date in the week (default: last complete)
          "alpha": 0.05,                          # significance level after Holm adjustment
          "max_changes": 5,                       # at most this many change slides
          "settings": {"sl_threshold_seconds": 20}  # kpi.metrics.Settings fields
        }

    Returns
    -------
    list of Finding (see above).

    Raises
    ------
    DataError
        for an invalid config (unknown KPI, trigger or key; segment column missing).
    AnalysisError
        when the data does not hold two complete weeks.
    """
    from kpi.metrics import KPIS, Settings

    cfg = _config(config)
    unknown = [k for k in cfg["kpis"] if k not in KPIS]
    if unknown:
        raise DataError(
            f"Unknown KPI id(s) {', '.join(map(repr, unknown))} in the report config; "
            f"use ids such as {', '.join(CORE_KPIS)}."
        )
    rules = _parse_triggers(cfg["triggers"], KPIS)
    settings = Settings.from_dict(cfg["settings"]) if cfg["settings"] else Settings()
    full = ds = _dataset(dataset)
    if cfg["segment"]:
        ds = _apply_segment(ds, cfg["segment"])
    week = resolve_week(ds, cfg)
    alpha = float(cfg["alpha"])
    segment_text = ", ".join(f"{k} = {v}" for k, v in cfg["segment"].items()) or "all contacts"
    scope = (
        f"{ds.name} · {week.describe()} vs the week before · {segment_text} · {settings.describe()}"
    )
    wanted = list(dict.fromkeys([*cfg["kpis"], *(kpi for kpi, _, _ in rules)]))
    run = _Runner(full, settings, _filters(cfg["segment"]))
    table, daily, unavailable = _week_table(run, wanted, week, cfg, settings)
    table["p_adj"] = _holm(table["p_value"].to_numpy(dtype=float))
    table["significant"] = table["p_adj"] < alpha
    requested = list(cfg["kpis"])
    findings = [scorecard_finding(table, daily, week, scope, unavailable, requested, alpha)]
    findings.append(alerts_finding(trigger_rows(rules, table.set_index("kpi")), week, scope))
    changed = table[table["significant"] & table["in_report"]].sort_values("p_adj")
    if len(changed):
        start = week.start - dt.timedelta(weeks=TREND_WEEKS - 1)
        weekly_tab = run("week", start, week.end, list(changed["kpi"]))
        for row in changed.head(int(cfg["max_changes"])).itertuples(index=False):
            findings.append(change_finding(row, weekly_tab.frame, week, scope))
    return findings


@dataclass(frozen=True, slots=True)
class _Runner:
    """``engine.compute`` on the whole data with the report's settings and segment filters.

    The engine filters by dates and segment itself, so that windowed KPIs (repeat-contact FCR)
    still see the contacts just outside the week.
    """

    data: Dataset
    settings: Any
    filters: dict[str, list[str]] | None

    def __call__(self, grain: str, start: dt.date, end: dt.date, kpis: list[str]) -> Any:
        from kpi import engine

        return engine.compute(
            self.data, kpis=kpis, grain=grain, settings=self.settings, start=start, end=end,
            filters=self.filters,
        )  # fmt: skip


def _week_table(
    run: _Runner, wanted: list[str], week: Week, cfg: dict[str, Any], settings: Any
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Each KPI this week and last (``_kpi_rows``), the daily values of both weeks, and the KPIs
    the data cannot give with their reasons."""
    this_tab = run("all", week.start, week.end, wanted)
    prev_tab = run("all", week.previous_start, week.previous_end, wanted)
    if this_tab.frame.empty or prev_tab.frame.empty:
        raise AnalysisError(
            f"The {week.describe()} or the week before has no data; pick another week."
        )
    daily_tab = run("day", week.previous_start, week.end, wanted)
    unavailable = dict(this_tab.unavailable)
    daily = daily_tab.frame.assign(date=pd.to_datetime(daily_tab.frame["period"]))
    weeks = (this_tab.frame, prev_tab.frame, daily)
    return _kpi_rows(wanted, weeks, week, cfg, settings, unavailable), daily, unavailable


def _kpi_rows(
    wanted: list[str],
    weeks: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
    week: Week,
    cfg: dict[str, Any],
    settings: Any,
    unavailable: dict[str, str],
) -> pd.DataFrame:
    """One row per KPI: this and last week, the change, the target, the paired daily test."""
    from kpi.metrics import KPIS, better

    this_frame, prev_frame, daily = weeks
    rows = []
    for kpi in (k for k in wanted if k not in unavailable):
        kdef = KPIS[kpi]
        now, before = _single(this_frame, kpi), _single(prev_frame, kpi)
        series = daily.loc[daily["kpi"] == kpi].set_index("date")["value"].astype(float)
        days = pd.DatetimeIndex(series.index)
        this_days = pd.Series(series.to_numpy()[days.date >= week.start])
        prev_days = pd.Series(series.to_numpy()[days.date <= week.previous_end])
        this_days.index = days[days.date >= week.start].day_of_week
        prev_days.index = days[days.date <= week.previous_end].day_of_week
        p, n = _paired_test(this_days, prev_days)
        target = cfg["targets"].get(kpi, kdef.target)
        target = float(target) if target is not None else math.nan
        direction = better(kpi, settings)
        rows.append(
            {
                "kpi": kpi, "name": kdef.name, "unit": kdef.unit, "this_week": now,
                "previous_week": before, "change": now - before, "target": target,
                "better": direction, "on_target": meets_target(now, target, direction),
                "p_value": p, "days": n, "in_report": kpi in cfg["kpis"],
            }
        )  # fmt: skip
    if not rows:
        reasons = "; ".join(f"{KPIS[k].name}: {r}" for k, r in unavailable.items())
        raise AnalysisError(f"None of the report's KPIs can be computed on this data ({reasons}).")
    return pd.DataFrame(rows)


def weekly_kpi_table(
    dataset: Dataset | pd.DataFrame, config: dict[str, Any] | None = None
) -> pd.DataFrame:
    """The daily KPI table of the two weeks a weekly report compares (segment applied).

    Returns
    -------
    DataFrame with columns ``period, kpi, value, numerator, denominator, ci_low, ci_high``
    (``kpi.engine.KpiTable.frame`` at day grain).
    """
    from kpi import engine
    from kpi.metrics import KPIS, Settings

    cfg = _config(config)
    full = ds = _dataset(dataset)
    if cfg["segment"]:
        ds = _apply_segment(ds, cfg["segment"])
    week = resolve_week(ds, cfg)
    settings = Settings.from_dict(cfg["settings"]) if cfg["settings"] else Settings()
    table = engine.compute(
        full,
        kpis=[k for k in cfg["kpis"] if k in KPIS],
        grain="day",
        settings=settings,
        start=week.previous_start,
        end=week.end,
        filters=_filters(cfg["segment"]),
    )
    return table.frame


def _single(frame: pd.DataFrame, kpi: str) -> float:
    values = frame.loc[frame["kpi"] == kpi, "value"]
    return float(values.iloc[0]) if len(values) else math.nan
