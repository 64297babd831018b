"""The standard weekly report: last complete week vs the previous week, targets, alerts, changes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kpi.dataset import Dataset
from kpi.errors import AnalysisError, DataError
from kpi.findings import Finding

__all__ = ["DEFAULT_CONFIG", "Week", "resolve_week", "weekly_kpi_table", "weekly_report"]

CORE_KPIS: tuple[str, ...] = (
    "contacts",
    "service_level",
    "asa",
    "abandonment_rate",
    "aht",
    "fcr",
    "csat",
    "nps",
)

DEFAULT_TRIGGERS: dict[str, float] = {
    "csat_below": 4.0,
    "fcr_below": 0.70,
    "abandonment_rate_above": 0.08,
    "nps_drop": 10.0,
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
_TREND_WEEKS = 8


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
    triggers = dict(DEFAULT_TRIGGERS)
    triggers.update(config.get("triggers") or {})
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


def _meets(value: float, target: float, better: str) -> bool | None:
    if math.isnan(value) or target is None or math.isnan(target):
        return None
    return value >= target if better == "higher" else value <= target


def _fmt(kdef: Any, value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return str(kdef.format(value)) if kdef is not None else f"{value:.3g}"


def _fmt_change(kdef: Any, change: float) -> str:
    if math.isnan(change):
        return "n/a"
    unit = getattr(kdef, "unit", "")
    sign = "+" if change > 0 else "-" if change < 0 else "±"
    if unit == "rate":
        return f"{sign}{abs(change) * 100:.1f} pts"
    if unit == "nps":
        return f"{sign}{abs(change):.1f} pts"
    return f"{sign}{_fmt(kdef, abs(change))}"


def _fmt_p(p: float) -> str:
    if math.isnan(p):
        return "n/a"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


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


_OP_WORDS = {"below": "below", "above": "above", "drop": "down by", "rise": "up by"}


def _trigger_rows(
    rules: list[tuple[str, str, float]], values: pd.DataFrame, kpis: dict[str, Any]
) -> pd.DataFrame:
    rows = []
    for kpi, op, threshold in rules:
        kdef = kpis[kpi]
        if kpi in values.index:
            now = float(values.loc[kpi, "this_week"])
            before = float(values.loc[kpi, "previous_week"])
        else:
            now = before = math.nan
        change = now - before
        measured = {"below": now, "above": now, "drop": -change, "rise": change}[op]
        if math.isnan(measured):
            fired: bool | None = None
        elif op in ("below",):
            fired = measured < threshold
        else:
            fired = measured > threshold if op == "above" else measured >= threshold
        shown = (
            _fmt(kdef, threshold)
            if op in ("below", "above")
            else _fmt_change(kdef, threshold).lstrip("+")
        )
        if op in ("below", "above"):
            reading = f"{_fmt(kdef, now)} ({'under' if op == 'below' else 'over'} {shown})"
        else:
            reading = f"{_fmt_change(kdef, change)} ({'down' if op == 'drop' else 'up'} {shown}+)"
        rows.append(
            {
                "reading": reading,
                "trigger": f"{kpi}_{op}",
                "kpi": kpi,
                "name": kdef.name,
                "rule": f"{kdef.name} {_OP_WORDS[op]} {shown}",
                "threshold": threshold,
                "this_week": now,
                "previous_week": before,
                "fired": fired,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "trigger",
            "kpi",
            "name",
            "rule",
            "threshold",
            "this_week",
            "previous_week",
            "fired",
            "reading",
        ],
    )


def _scorecard_chart(daily: pd.DataFrame, week: Week, order: list[str]) -> dict[str, Any]:
    import altair as alt

    frame = daily.assign(
        weekday=daily["date"].dt.strftime("%a"),
        week=np.where(daily["date"].dt.date >= week.start, "This week", "Previous week"),
    )[["name", "weekday", "week", "value"]]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("weekday:N", sort=days, title=None),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
            color=alt.Color(
                "week:N",
                sort=["Previous week", "This week"],
                scale=alt.Scale(range=["#9aa5b1", "#2563eb"]),
                title=None,
            ),
        )
        .properties(width=170, height=110)
        .facet(facet=alt.Facet("name:N", title=None, sort=order), columns=4)
        .resolve_scale(y="independent")
        .configure_legend(orient="top")
    )
    return chart.to_dict()


_UNIT_SCALE = {"rate": (100.0, " (%)"), "seconds": (1.0, " (s)")}


def _axis_label(name: str, unit: str) -> str:
    return name + _UNIT_SCALE.get(unit, (1.0, ""))[1]


def _trend_chart(
    weekly: pd.DataFrame, name: str, unit: str, target: float | None
) -> dict[str, Any]:
    import altair as alt

    # Rates are drawn in percent and weeks as evenly spaced "week of" labels.
    factor = _UNIT_SCALE.get(unit, (1.0, ""))[0]
    frame = weekly.assign(
        week=weekly["period"].dt.strftime("%d %b"),
        value=weekly["value"] * factor,
        ci_low=weekly["ci_low"] * factor,
        ci_high=weekly["ci_high"] * factor,
    )[["week", "value", "ci_low", "ci_high"]]
    title = _axis_label(name, unit)
    x = alt.X("week:O", sort=list(frame["week"]), title="Week of", axis=alt.Axis(labelAngle=0))
    base = alt.Chart(frame).encode(x=x)
    layers = [
        base.mark_errorbar(ticks=True).encode(y=alt.Y("ci_low:Q", title=title), y2="ci_high:Q"),
        base.mark_line(point=True).encode(
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False))
        ),
    ]
    if target is not None and not math.isnan(target):
        layers.append(
            alt.Chart(pd.DataFrame({"target": [target * factor]}))
            .mark_rule(strokeDash=[6, 4], color="#d64545")
            .encode(y="target:Q")
        )
    return alt.layer(*layers).properties(width=640, height=280).to_dict()


def weekly_report(  # noqa: PLR0915 -- ratchet (#17): split or fix pending
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
          "kpis": ["contacts", "service_level", "asa", "abandonment_rate",
                   "aht", "fcr", "csat", "nps"],  # KPI ids (kpi.metrics.KPIS)
          "targets": {"csat": 4.2},              # override the registry's default targets
          "triggers": {                           # "<kpi>_<below|above|drop|rise>": threshold
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
    from kpi import engine
    from kpi.metrics import KPIS, Settings, better

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
    # The engine filters by dates and segment itself, so that windowed KPIs (repeat-contact
    # FCR) still see the contacts just outside the week.
    filters = _filters(cfg["segment"])

    def run(grain: str, start: dt.date, end: dt.date, kpis: list[str]) -> Any:
        return engine.compute(
            full, kpis=kpis, grain=grain, settings=settings, start=start, end=end, filters=filters
        )

    this_tab = run("all", week.start, week.end, wanted)
    prev_tab = run("all", week.previous_start, week.previous_end, wanted)
    if this_tab.frame.empty or prev_tab.frame.empty:
        raise AnalysisError(
            f"The {week.describe()} or the week before has no data; pick another week."
        )
    daily_tab = run("day", week.previous_start, week.end, wanted)
    unavailable = dict(this_tab.unavailable)

    daily = daily_tab.frame.assign(date=pd.to_datetime(daily_tab.frame["period"]))
    rows = []
    for kpi in wanted:
        kdef = KPIS[kpi]
        if kpi in unavailable:
            continue
        now = _single(this_tab.frame, kpi)
        before = _single(prev_tab.frame, kpi)
        series = daily.loc[daily["kpi"] == kpi].set_index("date")["value"].astype(float)
        this_days = series[series.index.date >= week.start]
        prev_days = series[series.index.date <= week.previous_end]
        this_days.index = this_days.index.day_of_week
        prev_days.index = prev_days.index.day_of_week
        p, n = _paired_test(this_days, prev_days)
        target = cfg["targets"].get(kpi, getattr(kdef, "target", None))
        target = float(target) if target is not None else math.nan
        rows.append(
            {
                "kpi": kpi,
                "name": kdef.name,
                "unit": kdef.unit,
                "this_week": now,
                "previous_week": before,
                "change": now - before,
                "target": target,
                "better": better(kpi, settings),
                "on_target": _meets(now, target, better(kpi, settings)),
                "p_value": p,
                "days": n,
                "in_report": kpi in cfg["kpis"],
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        reasons = "; ".join(f"{KPIS[k].name}: {r}" for k, r in unavailable.items())
        raise AnalysisError(f"None of the report's KPIs can be computed on this data ({reasons}).")
    table["p_adj"] = _holm(table["p_value"].to_numpy(dtype=float))
    table["significant"] = table["p_adj"] < alpha
    values = table.set_index("kpi")

    findings = [_scorecard(table, daily, week, scope, unavailable, list(cfg["kpis"]), alpha, KPIS)]
    findings.append(_alerts(_trigger_rows(rules, values, KPIS), week, scope))
    changed = table[table["significant"] & table["in_report"]].sort_values("p_adj")
    if len(changed):
        start = week.start - dt.timedelta(weeks=_TREND_WEEKS - 1)
        weekly_tab = run("week", start, week.end, list(changed["kpi"]))
        for row in changed.head(int(cfg["max_changes"])).itertuples(index=False):
            findings.append(_change(row, weekly_tab.frame, week, scope, KPIS))
    return findings


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


def _scorecard(
    table: pd.DataFrame,
    daily: pd.DataFrame,
    week: Week,
    scope: str,
    unavailable: dict[str, str],
    requested: list[str],
    alpha: float,
    kpis: dict[str, Any],
) -> Finding:
    shown = table[table["in_report"]]
    numbers = []
    for row in shown.itertuples(index=False):
        kdef = kpis[row.kpi]
        numbers.append(
            (
                row.name,
                f"{_fmt(kdef, row.this_week)} ({_fmt_change(kdef, row.change)} vs "
                f"{_fmt(kdef, row.previous_week)})",
            )
        )
    with_target = shown[shown["on_target"].notna()]
    met = int(with_target["on_target"].astype(bool).sum())
    significant = shown[shown["significant"]]
    if len(significant):
        moves = ", ".join(
            f"{r.name} {'up' if r.change > 0 else 'down'}" for r in significant.itertuples()
        )
        change_text = f"{len(significant)} changed beyond day-to-day noise ({moves})"
    else:
        change_text = "none moved beyond day-to-day noise"
    sentence = (
        f"In the {week.describe()}, {met} of {len(with_target)} KPIs with a target met it, and "
        f"compared with the week before {change_text}."
    )
    missing = [k for k in requested if k in unavailable]
    if missing:
        sentence += " Not available on this data: " + ", ".join(kpis[k].name for k in missing) + "."
    names = dict(zip(table["kpi"], table["name"], strict=True))
    units = dict(zip(table["kpi"], table["unit"], strict=True))
    labels = {k: _axis_label(names[k], units[k]) for k in names}
    factors = {k: _UNIT_SCALE.get(units[k], (1.0, ""))[0] for k in names}
    chart_frame = daily[daily["kpi"].isin(list(shown["kpi"]))]
    chart_frame = chart_frame.assign(
        name=chart_frame["kpi"].map(labels),
        value=chart_frame["value"] * chart_frame["kpi"].map(factors).astype(float),
    )
    columns = [
        "kpi", "name", "unit", "this_week", "previous_week", "change", "target", "on_target",
        "p_value", "p_adj", "significant", "days",
    ]  # fmt: skip
    return Finding(
        kind="kpi_cards",
        title=f"KPIs for the week of {week.start:%d %b %Y}",
        sentence=sentence,
        numbers=tuple(numbers),
        scope=f"{scope} · changes tested day by day, paired by weekday, Holm-adjusted, "
        f"alpha {alpha:g}",
        chart=_scorecard_chart(chart_frame, week, [labels[k] for k in shown["kpi"]]),
        table=shown[columns].reset_index(drop=True),
    )


def _alerts(triggers: pd.DataFrame, week: Week, scope: str) -> Finding:
    fired = triggers[triggers["fired"].fillna(False).astype(bool)]
    if len(fired):
        title = f"Alerts: {len(fired)} trigger{'s' if len(fired) != 1 else ''} fired"
        sentence = f"In the {week.describe()}: " + "; ".join(fired["rule"]) + " — worth a look."
    else:
        title = "Alerts: no trigger fired"
        sentence = f"No alert fired in the {week.describe()} ({len(triggers)} rules checked)."
    numbers = tuple((r.name, r.reading) for r in fired.itertuples())
    unknown = triggers[triggers["fired"].isna()]
    if len(unknown):
        sentence += " Not checked (KPI not available): " + ", ".join(unknown["name"]) + "."
    return Finding(
        kind="table",
        title=title,
        sentence=sentence,
        numbers=numbers,
        scope=scope,
        table=triggers.reset_index(drop=True),
    )


def _change(
    row: Any, weekly: pd.DataFrame, week: Week, scope: str, kpis: dict[str, Any]
) -> Finding:
    kdef = kpis[row.kpi]
    frame = weekly.loc[weekly["kpi"] == row.kpi]
    frame = frame[["period", "value", "numerator", "denominator", "ci_low", "ci_high"]]
    frame = frame.assign(period=pd.to_datetime(frame["period"])).reset_index(drop=True)
    direction = "rose" if row.change > 0 else "fell"
    improved = (row.change > 0) == (row.better == "higher")
    # A volume change is neither good nor bad news by itself.
    verdict = (
        "a change" if row.unit == "count" else "an improvement" if improved else "a deterioration"
    )
    sentence = (
        f"{row.name} {direction} from {_fmt(kdef, row.previous_week)} to "
        f"{_fmt(kdef, row.this_week)} ({_fmt_change(kdef, row.change)}), {verdict} larger than "
        f"day-to-day noise (adjusted p {_fmt_p(row.p_adj)}, {row.days} weekdays compared)."
    )
    target = None if math.isnan(row.target) else row.target
    numbers = (
        ("This week", _fmt(kdef, row.this_week)),
        ("Previous week", _fmt(kdef, row.previous_week)),
        ("Change", _fmt_change(kdef, row.change)),
        ("Adjusted p", _fmt_p(row.p_adj)),
    )
    if target is not None:
        numbers += (("Target", _fmt(kdef, target)),)
    return Finding(
        kind="trend",
        title=f"{row.name} {direction} this week",
        sentence=sentence,
        numbers=numbers,
        scope=f"{scope} · last {_TREND_WEEKS} weeks with 95% intervals",
        chart=_trend_chart(frame, row.name, row.unit, target),
        table=frame,
    )
