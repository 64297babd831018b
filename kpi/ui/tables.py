"""Screen tables: an analysis' tidy frame -> what a manager reads (names, units, formats).

The analyses return frames with identifier-like columns (``kpi``, ``x_raw``, ``n_weeks``) and
raw floats. Each helper here returns ``(table, column_config)`` for ``st.dataframe``, or a
``Shown`` pair: the plain ``main`` table and the diagnostic ``details`` columns a page puts
behind a "Details" expander. Numbers stay numbers where the user may sort by them (formatted
through ``column_config``); p-values and intervals are text from :mod:`kpi.format`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from kpi import format as fmt
from kpi.segment import column_label

__all__ = [
    "Shown",
    "aht_topic_table",
    "balance_table",
    "correlation_table",
    "kpi_columns",
    "leadlag_table",
    "pareto_table",
    "triggers_table",
    "week_numbers",
    "week_ranges",
]

_FORMATS = {"%": "%.1f%%", "s": "%.0f s", "min": "%.1f min", "h": "%.1f h", "": "%.2f"}


@dataclass(frozen=True)
class Shown:
    """A table for the screen: the plain ``main`` columns, and ``details`` for an expander."""

    main: pd.DataFrame
    config: dict[str, Any]
    details: pd.DataFrame | None = None


def _number_format(kpi: str, currency: str) -> str:
    unit = fmt.display_unit(kpi, currency)
    if fmt.kpi_unit(kpi) == "count":
        return "localized"
    if fmt.kpi_unit(kpi) == "nps":
        return "%+.0f"
    if fmt.kpi_unit(kpi) == "currency":
        return f"{currency}%.2f" if len(currency.strip()) == 1 else f"%.2f {currency}".rstrip()
    return _FORMATS.get(unit, "%.2f")


def kpi_columns(
    frame: pd.DataFrame, kpis: Iterable[str], currency: str = ""
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Columns named by KPI id -> the KPI's display unit, headed "Name (unit)", formatted.

    Other columns keep their values; a segment column with an underscore gets a plain header
    ("agent_id" -> "Agent").

    Returns
    -------
    (table, column_config) for ``st.dataframe``.
    """
    kpis = [k for k in kpis if k in frame.columns]
    out = pd.DataFrame(index=frame.index)
    config: dict[str, Any] = {}
    for col in frame.columns:
        if col in kpis:
            header = fmt.axis_title(col, currency or "cost")
            out[header] = [fmt.to_display(col, v) for v in frame[col]]
            out[header] = out[header].astype("float64")
            config[header] = st.column_config.NumberColumn(
                header, format=_number_format(col, currency), help=None
            )
        else:
            header = column_label(col) if "_" in col else col
            out[header] = frame[col]
    return out.reset_index(drop=True), config


# ----------------------------------------------------------------------------------------------
# Weeks as ranges: "weeks 8, 10 and 13–27"
# ----------------------------------------------------------------------------------------------
_WC = re.compile(
    r"w/c (\d{1,2} \w{3})(?: (\d{4}))?(?: – (\d{1,2} \w{3} \d{4}))?",
)


def week_numbers(text: str) -> list[dt.date]:
    """The Mondays named in an analysis' week list ("w/c 16 Feb 2026, w/c 23 Mar – 29 Jun 2026")."""
    out: list[dt.date] = []
    for first, year, last in _WC.findall(text):
        end = dt.datetime.strptime(last, "%d %b %Y").date() if last else None
        start_year = year or (str(end.year) if end else "")
        if not start_year:
            continue
        start = dt.datetime.strptime(f"{first} {start_year}", "%d %b %Y").date()
        if end is not None and start > end:  # "w/c 29 Dec – 05 Jan 2026": the start is a year back
            start = start.replace(year=start.year - 1)
        day = start
        while end is not None and day <= end:
            out.append(day)
            day += dt.timedelta(days=7)
        if end is None:
            out.append(start)
    return sorted(set(out))


def week_ranges(mondays: Sequence[dt.date]) -> str:
    """ISO week numbers grouped into runs: "weeks 8, 10 and 13–27 of 2026".

    Consecutive weeks make one run; years are named once (or per run when the list spans two).
    """
    if not mondays:
        return ""
    days = sorted(set(mondays))
    runs: list[list[dt.date]] = [[days[0]]]
    for d in days[1:]:
        if (d - runs[-1][-1]).days == 7:
            runs[-1].append(d)
        else:
            runs.append([d])
    years = {d.isocalendar().year for d in days}

    def label(run: list[dt.date]) -> str:
        a, b = run[0].isocalendar(), run[-1].isocalendar()
        ya = f" {a.year}" if len(years) > 1 else ""
        yb = f" {b.year}" if len(years) > 1 else ""
        if len(run) == 1:
            return f"{a.week}{ya}"
        if a.year == b.year:
            return f"{a.week}–{b.week}{yb}"
        return f"{a.week}{ya} – {b.week}{yb}"

    parts = [label(r) for r in runs]
    word = "week" if len(days) == 1 else "weeks"
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    suffix = f" of {years.pop()}" if len(years) == 1 else ""
    return f"{word} {joined}{suffix}"


def triggers_table(fired: pd.DataFrame) -> Shown:
    """Fired action triggers: Where, Rule, Weeks (count), Which weeks (ranges), Latest, Action."""
    rows = []
    for rec in fired.to_dict("records"):
        mondays = week_numbers(str(rec.get("weeks", "")))
        rows.append(
            {
                "Where": _where(str(rec["where"])),
                "Rule": str(rec["rule"]),
                "Weeks": int(rec["n_weeks"]),
                "Which weeks": week_ranges(mondays) or str(rec.get("weeks", "")),
                "Latest": fmt.fmt_kpi(str(rec["kpi"]), rec.get("latest_value"))
                if rec.get("kpi") != "nps"
                else fmt.fmt_change(rec.get("latest_value"), "nps"),
                "Action": str(rec["action"]),
            }
        )
    main = pd.DataFrame(rows, columns=["Where", "Rule", "Weeks", "Which weeks", "Latest", "Action"])
    config = {"Weeks": st.column_config.NumberColumn("Weeks", format="%d")}
    return Shown(main, config)


def _where(text: str) -> str:
    if text == "All":
        return "Whole centre"
    col, sep, value = text.partition(" = ")
    return f"{column_label(col)}: {value}" if sep else text


def pareto_table(pareto: pd.DataFrame) -> Shown:
    """Contact reasons: Reason, Contacts, Share, Cumulative share, Share last 4 weeks,
    Change vs before (pts), Structural; the week counts go to details."""
    main = pd.DataFrame(
        {
            "Reason": pareto["topic"].astype(str),
            "Contacts": pareto["contacts"].astype(float),
            "Share": 100 * pareto["share"].astype(float),
            "Cumulative share": 100 * pareto["cumulative_share"].astype(float),
            "Share, last 4 weeks": 100 * pareto["share_recent"].astype(float),
            "Change vs before (pts)": 100 * pareto["share_change"].astype(float),
            "Structural": pareto["structural"].map({True: "yes", False: "no"}),
        }
    )
    config = {
        "Contacts": st.column_config.NumberColumn(format="localized"),
        "Share": st.column_config.NumberColumn(format="%.1f%%"),
        "Cumulative share": st.column_config.NumberColumn(format="%.1f%%"),
        "Share, last 4 weeks": st.column_config.NumberColumn(format="%.1f%%"),
        "Change vs before (pts)": st.column_config.NumberColumn(format="%+.1f"),
    }
    details = pd.DataFrame(
        {
            "Reason": main["Reason"],
            "Weeks at or above the structural share": pareto.get("weeks_at_or_above"),
            "Weeks with contacts": pareto.get("weeks"),
        }
    )
    return Shown(main, config, details)


def aht_topic_table(frame: pd.DataFrame) -> Shown:
    """Handle time by topic against its norm, in minutes; a missing norm bound shows blank."""

    def minutes(value: Any) -> str:
        v = fmt.to_display("aht", None if pd.isna(value) else float(value) * 60)
        return "" if v is None else f"{v:.1f} min"

    main = pd.DataFrame(
        {
            "Topic": frame["topic"].astype(str),
            "Handled": frame["handled"].astype(float),
            "Average handle time": [fmt.fmt_kpi("aht", v) for v in frame["aht_seconds"]],
            "Norm": frame["norm"].astype(str),
            "Norm from": [minutes(v) for v in frame["norm_low_minutes"]],
            "Norm to": [minutes(v) for v in frame["norm_high_minutes"]],
            "Status": frame["status"].astype(str),
        }
    )
    return Shown(main, {"Handled": st.column_config.NumberColumn(format="localized")})


def correlation_table(matrix: pd.DataFrame) -> Shown:
    """Pairs of KPIs: KPI, with, r, 95% CI, p (adjusted) as "< 0.001", significant, periods,
    effective periods and the warning; r stays a number (sortable)."""
    main = pd.DataFrame(
        {
            "KPI": [fmt.kpi_label(k) for k in matrix["kpi_x"]],
            "with": [fmt.kpi_label(k) for k in matrix["kpi_y"]],
            "r": matrix["r"].astype(float).round(2),
            "95% CI": [
                f"{lo:+.2f} to {hi:+.2f}" if pd.notna(lo) and pd.notna(hi) else fmt.NA
                for lo, hi in zip(matrix["ci_low"], matrix["ci_high"], strict=True)
            ],
            "p (adjusted)": [fmt.fmt_p(p) for p in matrix["p_adj"]],
            "significant": matrix["significant"].map({True: "yes", False: "no"}),
            "periods": matrix["n"].astype(int),
            "effective periods": matrix["n_eff"].astype(float).round(0),
            "warning": matrix["warning"].astype(str),
        }
    )
    config = {"r": st.column_config.NumberColumn(format="%+.2f")}
    return Shown(main, config)


def balance_table(table: pd.DataFrame, kpi_x: str, kpi_y: str, by: str) -> Shown:
    """The balance view per agent/team: shrunk values in display units and the quadrant; the raw
    values, intervals and shrinkage weights go to details."""
    who = column_label(by)
    x_name, y_name = fmt.kpi_label(kpi_x), fmt.kpi_label(kpi_y)
    main = pd.DataFrame(
        {
            who: table["entity"].astype(str),
            "Quadrant": table["quadrant"].astype(str),
            "Clearly there": table["clear"].map({True: "yes", False: "no"}),
            x_name: [fmt.fmt_kpi(kpi_x, v) for v in table["x_shrunk"]],
            y_name: [fmt.fmt_kpi(kpi_y, v) for v in table["y_shrunk"]],
            "Contacts": table["n_y"].astype(float),
        }
    )
    details = pd.DataFrame(
        {
            who: main[who],
            f"{x_name}, observed": [fmt.fmt_kpi(kpi_x, v) for v in table["x_raw"]],
            f"{x_name}, 95% interval": [
                fmt.fmt_interval(lo, hi, fmt.kpi_unit(kpi_x))
                for lo, hi in zip(table["x_low"], table["x_high"], strict=True)
            ],
            f"{x_name}, weight of own data": [fmt.fmt_share(v, 0) for v in table["x_weight_own"]],
            f"{y_name}, observed": [fmt.fmt_kpi(kpi_y, v) for v in table["y_raw"]],
            f"{y_name}, 95% interval": [
                fmt.fmt_interval(lo, hi, fmt.kpi_unit(kpi_y))
                for lo, hi in zip(table["y_low"], table["y_high"], strict=True)
            ],
            f"{y_name}, weight of own data": [fmt.fmt_share(v, 0) for v in table["y_weight_own"]],
            f"Contacts ({x_name})": table["n_x"].astype(float),
        }
    )
    return Shown(main, {"Contacts": st.column_config.NumberColumn(format="localized")}, details)


def leadlag_table(table: pd.DataFrame, grain: str) -> Shown:
    """Lead-lag per driver: KPI (name), role, lead in days/weeks, r, Granger p as "< 0.001",
    textbook role and agreement; the reading sentence goes to details."""
    unit = {"day": "days", "week": "weeks"}.get(grain, "periods")
    main = pd.DataFrame(
        {
            "KPI": [fmt.kpi_label(k) for k in table["kpi"]],
            "role in your data": table["role"].astype(str),
            f"moves first by ({unit})": table["best_lag"],
            "r (pre-whitened)": table["ccf_at_best_lag"].astype(float).round(2),
            "Granger p (adjusted)": [fmt.fmt_p(p) for p in table["p_adj"]],
            "textbook role": table["default_role"].astype(str),
            "agreement": table["agreement"].astype(str),
        }
    )
    from kpi.ui.widgets import readable

    details = pd.DataFrame(
        {
            "KPI": main["KPI"],
            "textbook expects": table["expected_role"].astype(str),
            "reading": [readable(str(s)) for s in table["summary"]],
        }
    )
    config = {"r (pre-whitened)": st.column_config.NumberColumn(format="%+.2f")}
    return Shown(main, config, details)
