"""kpi.format: the one formatter of every value the product shows."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from kpi import format as F
from kpi.errors import AnalysisError
from kpi.metrics import KPIS


def test_every_registry_kpi_has_one_display_unit_and_a_name() -> None:
    for kid, k in KPIS.items():
        unit = F.display_unit(kid)
        if k.unit == "seconds":
            assert unit in ("s", "min", "h"), kid
        elif k.unit == "rate":
            assert unit == "%"
        assert F.kpi_label(kid) == k.name and ("_" not in kid or kid not in F.kpi_label(kid))
        # the value shown and the value typed back agree (round trip through the display unit)
        assert F.from_display(kid, F.to_display(kid, 123.0)) == pytest.approx(123.0)


@pytest.mark.parametrize(
    ("kpi", "value", "text"),
    [
        ("aht", 372.0, "6.2 min"),  # minutes on the card ...
        ("aht", 95.0, "1.6 min"),  # ... whatever the size: one unit per KPI
        ("asa", 21.34, "21.3 s"),
        ("asa", 126.0, "126 s"),
        ("hold_time", 45.0, "45.0 s"),
        ("fcr", 0.78, "78.0%"),
        ("nps", 40.0, "+40"),
        ("nps", -12.4, "-12"),
        ("csat", 4.2, "4.20"),
        ("contacts", 214780, "214,780"),
        ("cost_per_contact", 4.5, "€4.50"),
        ("aht", float("nan"), "n/a"),
        ("aht", None, "n/a"),
        ("unknown_kpi", 66.1422, "66.1"),
        ("unknown_kpi", 431.1236, "431"),
    ],
)
def test_fmt_kpi(kpi: str, value: float, text: str) -> None:
    assert F.fmt_kpi(kpi, value) == text


def test_the_target_box_and_the_card_use_the_same_unit() -> None:
    # issue 18 item 3: "6.2 min vs <= 6.0 s" -- a target typed as 6 for AHT means 6 minutes
    target = F.from_display("aht", 6)
    assert target == pytest.approx(360.0)
    assert F.fmt_target("aht", target) == "≤ 6.0 min"
    assert F.fmt_kpi("aht", 372.0) == "6.2 min"
    assert F.to_display("aht", 372.0) == pytest.approx(6.2)
    assert F.from_display("fcr", 80) == pytest.approx(0.8)
    assert F.fmt_target("fcr", 0.8) == "≥ 80.0%"
    assert F.axis_title("aht") == "Average handle time (min)"
    assert F.axis_title("fcr") == "First contact resolution (%)"
    assert F.axis_title("csat") == "CSAT (mean)"
    assert F.to_display("aht", None) is None and F.from_display("aht", None) is None
    with pytest.raises(AnalysisError, match="Average handle time"):
        F.from_display("aht", "six")


@pytest.mark.parametrize(
    ("delta", "unit", "text"),
    [
        (0.021, "rate", "+2.1 pts"),
        (-0.171, "rate", "-17.1 pts"),
        (4.6, "nps", "+4.6 pts"),
        (-30.0, "seconds", "-30.0 s"),
        (-129.0, "seconds", "-2.1 min"),  # a change reads in the unit that fits its size
        (-0.4, "seconds", "-0.4 s"),
        (7200.0, "seconds", "+120.0 min"),
        (11000.0, "seconds", "+3.1 h"),
        (-0.05, "score", "-0.05"),
        (1234.0, "count", "+1,234"),
        (-0.4, "currency", "-€0.40"),
        (-0.0004, "rate", "+0.0 pts"),  # never "-0.0"
        (float("nan"), "rate", "n/a"),
    ],
)
def test_fmt_change(delta: float, unit: str, text: str) -> None:
    assert F.fmt_change(delta, unit) == text


def test_unsigned_change_and_kpi_change() -> None:
    assert F.fmt_change(-0.038, "rate", signed=False) == "3.8 pts"
    assert F.fmt_kpi_change("fcr", 0.06) == "+6.0 pts"
    assert F.fmt_kpi_change("aht", -30) == "-30.0 s"


def test_fmt_interval_shows_the_unit_once_on_one_scale() -> None:
    assert F.fmt_interval(-0.046, -0.030, "rate", signed=True) == "-4.6 to -3.0 pts"
    assert F.fmt_interval(0.72, 0.78, "rate") == "72.0 to 78.0%"
    # 90 s and 130 s on one scale (minutes, from the larger end), not "90.0 s to 2.2 min"
    assert F.fmt_interval(90, 130, "seconds") == "1.5 to 2.2 min"
    assert F.fmt_interval(-20, 150, "seconds", signed=True) == "-0.3 to +2.5 min"
    assert F.fmt_interval(3.9, 4.1, "score") == "3.90 to 4.10"
    assert F.fmt_interval(float("nan"), 1, "rate") == "n/a"


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (1.35e-12, "< 0.001"),
        (0.0009, "< 0.001"),
        (0.004, "0.004"),
        (0.0312, "0.03"),
        (0.0496, "0.049"),  # never rounded up across 0.05
        (0.3, "0.30"),
        (0.999, "> 0.99"),
        (float("nan"), "n/a"),
        (None, "n/a"),
    ],
)
def test_fmt_p(p: float, text: str) -> None:
    assert F.fmt_p(p) == text
    assert "e-" not in F.fmt_p(p)


def test_fmt_p_clause_never_reads_equals_less_than() -> None:
    assert F.fmt_p_clause(1e-9) == "p < 0.001"
    assert F.fmt_p_clause(0.03) == "p = 0.03"
    assert F.fmt_p_clause(float("nan")) == "p = n/a"


def test_counts_shares_money_and_dates() -> None:
    assert F.fmt_count(214780) == "214,780"
    assert F.fmt_count(float("inf")) == "n/a"
    assert F.fmt_share(0.125) == "12.5%"
    assert F.fmt_money(1234.5) == "€1,234.50"
    assert F.fmt_money(-3) == "-€3.00"
    assert F.fmt_money(-0.001) == "€0.00"
    assert F.fmt_money(1234.5, "CHF") == "1,234.50 CHF"
    assert F.fmt_money(10, "$", decimals=0) == "$10"
    assert F.fmt_kpi("cost_per_contact", 4.5, currency="£") == "£4.50"
    assert F.display_unit("cost_per_contact", "£") == "£"
    assert F.fmt_date(pd.Timestamp("2026-03-02 17:00")) == "2 Mar 2026"
    assert F.fmt_date(dt.date(2026, 3, 2)) == "2 Mar 2026"
    assert F.fmt_date("2026-03-02") == "2 Mar 2026"
    assert F.fmt_date(pd.NaT) == "n/a" and F.fmt_date(None) == "n/a"
    assert F.fmt_date_range("2026-03-02", "2026-03-08") == "2–8 Mar 2026"
    assert F.fmt_date_range("2026-03-30", "2026-04-05") == "30 Mar – 5 Apr 2026"
    assert F.fmt_date_range("2025-12-29", "2026-01-04") == "29 Dec 2025 – 4 Jan 2026"
    assert F.fmt_date_range("2026-03-02", "2026-03-02") == "2 Mar 2026"


def test_values_by_unit_and_labels() -> None:
    assert F.fmt_value(0.089, "rate") == "8.9%"
    assert F.fmt_value(126, "seconds") == "2.1 min"
    assert F.fmt_value(45, "seconds") == "45.0 s"
    assert F.fmt_value(5 * 3600, "seconds") == "5.0 h"
    assert F.fmt_value(126, "s") == "126 s"
    assert F.fmt_value(math.inf, "rate") == "n/a"
    assert F.fmt_value(True, "count") == "n/a"
    assert F.kpi_unit("aht") == "seconds" and F.kpi_unit("nope") == "value"
    assert F.kpi_label("x_weight_own") == "X weight own"
