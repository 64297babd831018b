"""The Overview's logic: cards, status, triggers, conflicting signals, topics and money.

Most tests run on small hand-built KpiTable-shaped frames with hand-computed answers; the last
ones run on the bundled sample and check the planted AHT-target story (``truth.json``).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd
import pytest

from kpi.analysis import overview as ov
from kpi.charts.trends import pareto_chart, sparkline_data, trend_chart, trend_frame
from kpi.errors import AnalysisError

COLS = ["period", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"]
WEEKS = pd.date_range("2026-01-05", periods=20, freq="7D")  # Mondays


def tidy(
    series: dict[str, list[float]],
    periods: pd.DatetimeIndex = WEEKS,
    denominator: float = 100.0,
    **segment: str,
) -> pd.DataFrame:
    """A KpiTable-shaped tidy frame: one row per (period, kpi)."""
    rows = []
    for kpi, values in series.items():
        for p, v in zip(periods, values, strict=False):
            rows.append(
                {
                    "period": p,
                    **segment,
                    "kpi": kpi,
                    "value": float(v),
                    "numerator": float(v) * denominator,
                    "denominator": denominator,
                    "ci_low": float(v) * 0.95,
                    "ci_high": float(v) * 1.05,
                }
            )
    return pd.DataFrame(rows)


class FakeTable:
    """Just what the Overview reads from a KpiTable."""

    def __init__(
        self,
        frame: pd.DataFrame,
        grain: str = "week",
        by: tuple[str, ...] = (),
        unavailable: dict[str, str] | None = None,
    ) -> None:
        self.frame = frame
        self.grain = grain
        self.by = by
        self.unavailable = unavailable or {}


# ---------------------------------------------------------------------------------------------
# Status and cards


@pytest.mark.parametrize(
    ("value", "target", "better", "red_at", "expected"),
    [
        (4.3, 4.2, "higher", 4.0, "green"),
        (4.2, 4.2, "higher", 4.0, "green"),  # meeting the target exactly is green
        (4.1, 4.2, "higher", 4.0, "amber"),
        (3.9, 4.2, "higher", 4.0, "red"),
        (0.04, 0.05, "lower", 0.08, "green"),
        (0.06, 0.05, "lower", 0.08, "amber"),
        (0.09, 0.05, "lower", 0.08, "red"),
        (25.0, 30.0, "higher", None, "amber"),  # NPS: 10-point amber band below a target of 30
        (15.0, 30.0, "higher", None, "red"),
        (520.0, 480.0, "lower", None, "amber"),  # 10% band: red above 480 * 1.1 = 528
        (540.0, 480.0, "lower", None, "red"),
        (float("nan"), 4.2, "higher", 4.0, "none"),
    ],
)
def test_rag_status(value, target, better, red_at, expected) -> None:
    assert ov.rag_status(value, target, better, red_at) == expected


def _card_table() -> FakeTable:
    # Five weekly periods; the data ends on a Wednesday, so the last week is incomplete.
    periods = pd.date_range("2026-03-02", periods=5, freq="7D")
    frame = tidy(
        {
            "fcr": [0.74, 0.76, 0.72, 0.78, 0.50],
            "csat": [4.3, 4.1, 4.0, 3.95, 4.5],
            "aht": [400, 420, 410, 380, 300],
        },
        periods,
    )
    return FakeTable(frame, unavailable={"nps": "needs the column nps (missing)"})


def test_cards_use_the_latest_complete_period_and_compare_with_the_one_before() -> None:
    table = _card_table()
    data_end = pd.Timestamp("2026-04-01 17:00")  # Wednesday of the week starting 30 Mar
    cards = {
        c.kpi: c for c in ov.kpi_cards(table, ["fcr", "csat", "aht", "nps"], data_end=data_end)
    }
    fcr = cards["fcr"]
    # Week of 23 Mar (0.78) vs week of 16 Mar (0.72): +6 points; the partial week is ignored.
    assert fcr.period == pd.Timestamp("2026-03-23")
    assert fcr.value == pytest.approx(0.78)
    assert fcr.change == pytest.approx(0.06)
    assert fcr.change_text == "+6.0 pts"
    assert fcr.value_text == "78.0%"
    assert fcr.target == pytest.approx(0.75)  # registry default (KPI_REFERENCE: FCR >= 75%)
    assert fcr.status == "green"
    # The sparkline still shows every period, the partial one included.
    assert fcr.sparkline == pytest.approx((0.74, 0.76, 0.72, 0.78, 0.50))
    csat = cards["csat"]
    assert csat.value == pytest.approx(3.95)
    assert csat.status == "red"  # below the 4.0 action trigger
    assert csat.change_text == "-0.05"
    aht = cards["aht"]
    assert aht.delta_color == "inverse"  # a fall in AHT shows green
    assert aht.change_text == "-30.0 s"
    kw = aht.metric_kwargs()
    assert kw["chart_type"] == "line" and kw["chart_data"] == [400, 420, 410, 380, 300]
    assert "Formula" in kw["help"]
    nps = cards["nps"]
    assert nps.unavailable == "needs the column nps (missing)"
    assert nps.value_text == "n/a" and math.isnan(nps.value) and nps.status == "none"


def test_changing_a_target_changes_the_status() -> None:
    table = _card_table()
    end = pd.Timestamp("2026-04-01")
    [card] = ov.kpi_cards(table, ["fcr"], data_end=end)
    assert card.status == "green"
    [card] = ov.kpi_cards(table, ["fcr"], {"fcr": 0.80}, data_end=end)
    assert card.status == "amber" and card.target_text == "≥ 80.0%"
    # The 70% action trigger stays the red line however high the target is set...
    [card] = ov.kpi_cards(table, ["fcr"], {"fcr": 0.95}, data_end=end)
    assert card.status == "amber"
    # ... and an edited trigger moves it.
    [card] = ov.kpi_cards(table, ["fcr"], {"fcr": 0.95}, data_end=end, red_at={"fcr": 0.80})
    assert card.status == "red"


def test_without_data_end_the_last_period_is_used() -> None:
    [card] = ov.kpi_cards(_card_table(), ["fcr"])
    assert card.value == pytest.approx(0.50)
    assert card.change == pytest.approx(-0.28)


@pytest.mark.parametrize(
    ("kpi", "change", "text"),
    [
        ("fcr", -0.171, "-17.1 pts"),
        ("aht", -129.0, "-2.1 min"),  # from 100 s on, minutes (as the registry formats AHT)
        ("aht", -0.4, "-0.4 s"),
        ("nps", 4.6, "+4.6 pts"),
        ("csat", -0.55, "-0.55"),
        ("contacts", 1200.0, "+1,200"),
    ],
)
def test_format_change(kpi, change, text) -> None:
    assert ov.format_change(kpi, change) == text


# ---------------------------------------------------------------------------------------------
# Breakdown and AHT by topic


def test_breakdown_table_is_wide_with_display_units() -> None:
    frame = pd.concat(
        [
            tidy({"contacts": [300], "fcr": [0.8], "aht": [420]}, WEEKS[:1], queue="Billing"),
            tidy({"contacts": [500], "fcr": [0.6], "aht": [600]}, WEEKS[:1], queue="Tech"),
        ]
    )
    out = ov.breakdown_table(FakeTable(frame, grain="all", by=("queue",)), ["fcr", "aht"])
    # one display unit per KPI (issue 18 item 3): AHT in minutes, as on its card (was "(s)")
    assert list(out.columns) == [
        "queue",
        "Contacts",
        "First contact resolution (%)",
        "Average handle time (min)",
    ]
    assert out["queue"].tolist() == ["Tech", "Billing"]  # most contacts first
    assert out["First contact resolution (%)"].tolist() == pytest.approx([60.0, 80.0])
    raw = ov.breakdown_table(FakeTable(frame, grain="all", by=("queue",)), display=False)
    assert raw.loc[raw["queue"] == "Billing", "fcr"].item() == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("topic", "norm"),
    [
        ("Password reset", "password reset"),
        ("PASSWORD", "password reset"),
        ("Billing question", "billing"),
        ("Billing dispute", "disputes"),  # disputes are checked before billing
        ("Technical issue", "technical"),
        ("Order", None),
    ],
)
def test_topic_norm_matches_keywords_case_insensitively(topic, norm) -> None:
    found = ov.topic_norm(topic)
    assert (found.name if found else None) == norm


def test_aht_by_topic_uses_topic_norms_and_the_overall_target_for_the_rest() -> None:
    topics = {
        "Password reset": 150.0,  # 2.5 min: within 2-3 min
        "Billing question": 500.0,  # 8.3 min: above 5-7 min
        "Technical issue": 600.0,  # 10 min: within 8-12
        "Dispute": 500.0,  # 8.3 min: below 10-15
        "Order": 400.0,  # no norm: overall target 360 s -> above target
    }
    frame = pd.concat(tidy({"aht": [v]}, WEEKS[:1], topic=t) for t, v in topics.items())
    out = ov.aht_by_topic(FakeTable(frame, grain="all", by=("topic",)), 360.0).set_index("topic")
    assert out["status"].to_dict() == {
        "Technical issue": "within",
        "Billing question": "above",
        "Dispute": "below",
        "Order": "above target",
        "Password reset": "within",
    }
    assert out.loc["Billing question", "norm_low_minutes"] == pytest.approx(5.0)
    assert out.loc["Billing question", "norm_high_minutes"] == pytest.approx(7.0)
    assert out.loc["Order", "norm"] == "overall target"
    assert out.loc["Order", "norm_high_minutes"] == pytest.approx(6.0)


# ---------------------------------------------------------------------------------------------
# Action triggers


def test_triggers_say_when_where_and_what_to_do() -> None:
    weeks = WEEKS[:6]
    overall = tidy({"csat": [4.2, 4.2, 4.1, 4.1, 4.2, 4.2], "abandonment_rate": [0.05] * 6}, weeks)
    by_queue = pd.concat(
        [
            tidy({"csat": [4.2, 3.9, 3.8, 4.1, 4.2, 3.7]}, weeks, queue="Billing"),
            tidy(
                {"csat": [4.3] * 6, "fcr": [0.72, 0.69, 0.71, 0.7, 0.72, 0.72]},
                weeks,
                queue="Sales",
            ),
            # Below the line but on 10 responses only: ignored.
            tidy({"csat": [3.0] * 6}, weeks, denominator=10.0, queue="Tiny"),
        ]
    )
    out = ov.evaluate_triggers(FakeTable(overall), FakeTable(by_queue, by=("queue",)))
    assert len(out) == 2
    billing = out.loc[out["where"] == "queue = Billing"].iloc[0]
    assert billing["kpi"] == "csat" and billing["n_weeks"] == 3
    assert billing["weeks"] == "w/c 12 Jan – 19 Jan 2026, w/c 09 Feb 2026"
    assert billing["worst_value"] == pytest.approx(3.7)
    assert billing["action"].startswith("Review recent calls")
    sales = out.loc[out["where"] == "queue = Sales"].iloc[0]
    assert sales["kpi"] == "fcr" and sales["n_weeks"] == 1  # 0.70 is not below 70%
    assert "transfer reasons" in sales["sentence"]
    # Editing a threshold changes what fires.
    stricter = [ov.Trigger("abandonment_rate", ">", 0.04, "Check queue depth.")]
    out2 = ov.evaluate_triggers(FakeTable(overall), None, stricter)
    assert out2["where"].tolist() == ["All"] and out2["n_weeks"].item() == 6


def test_nps_trigger_fires_on_a_pooled_drop_of_ten_points() -> None:
    weeks = WEEKS[:9]
    dropped = tidy({"nps": [40, 40, 40, 40, 28, 28, 28, 28, 28]}, weeks)
    out = ov.evaluate_triggers(FakeTable(dropped))
    # Window 4 vs the 4 before: weeks 8 (28 vs 40) fires, week 9 (28 vs 37) does not.
    assert out["n_weeks"].item() == 1
    assert out["last_week"].item() == weeks[7]
    assert out["worst_value"].item() == pytest.approx(-12.0)
    small = tidy({"nps": [40, 40, 40, 40, 32, 32, 32, 32]}, weeks[:8])
    assert ov.evaluate_triggers(FakeTable(small)).empty  # an 8-point drop does not fire


def test_trigger_weeks_spanning_a_new_year_name_both_years() -> None:
    weeks = pd.date_range("2025-12-22", periods=3, freq="7D")
    out = ov.evaluate_triggers(FakeTable(tidy({"fcr": [0.6, 0.6, 0.6]}, weeks)))
    assert out["weeks"].item() == "w/c 22 Dec 2025 – 05 Jan 2026"


# ---------------------------------------------------------------------------------------------
# Conflicting signals


def _queue_weeks(rng: np.random.Generator, queue: str, change_at: int | None) -> pd.DataFrame:
    n = len(WEEKS)
    after = np.arange(n) >= (change_at if change_at is not None else n)
    aht = np.where(after, 385.0, 513.0) + rng.normal(0, 12, n)
    fcr = np.where(after, 0.60, 0.77) + rng.normal(0, 0.012, n)
    csat = np.where(after, 3.62, 4.16) + rng.normal(0, 0.04, n)
    transfer = np.where(after, 0.108, 0.068) + rng.normal(0, 0.006, n)
    abandon = 0.06 + rng.normal(0, 0.006, n)
    asa = 30 + rng.normal(0, 2, n)
    return tidy(
        {
            "aht": aht,
            "fcr": fcr,
            "csat": csat,
            "transfer_rate": transfer,
            "abandonment_rate": abandon,
            "asa": asa,
        },
        queue=queue,
    )


def test_rushed_calls_named_with_the_change_week_and_no_signal_in_controls() -> None:
    rng = np.random.default_rng(3)
    frame = pd.concat(
        [
            _queue_weeks(rng, "Tech Support", 8),
            _queue_weeks(rng, "Sales", None),
            _queue_weeks(rng, "General", None),
        ]
    )
    signals = ov.detect_signals(FakeTable(frame, by=("queue",)))
    kinds = {(s.kind, s.segment) for s in signals}
    assert kinds == {
        ("rushed_calls", "queue = Tech Support"),
        ("transfer_without_resolution", "queue = Tech Support"),
    }
    rushed = next(s for s in signals if s.kind == "rushed_calls")
    assert rushed.start == WEEKS[8]
    assert rushed.end == WEEKS[-1] + pd.Timedelta(days=6)
    assert rushed.evidence["aht_before"] == pytest.approx(513, abs=10)
    assert rushed.evidence["fcr_after"] == pytest.approx(0.60, abs=0.01)
    assert rushed.evidence["n_weeks_before"] == 8
    assert "Tech Support" in rushed.sentence and "02 Mar 2026" in rushed.sentence
    assert "First contact resolution fell" in rushed.sentence and "CSAT" in rushed.sentence
    table = ov.signals_frame(signals)
    assert list(table.columns) == ["kind", "segment", "start", "end", "sentence"]


def test_a_small_aht_drift_is_noise_not_a_signal() -> None:
    # AHT 3% lower in the second half with FCR and CSAT also a touch lower: below the
    # 5% minimum change, so nothing is reported.
    rng = np.random.default_rng(11)
    n = len(WEEKS)
    after = np.arange(n) >= 10
    frame = tidy(
        {
            "aht": np.where(after, 485.0, 500.0) + rng.normal(0, 3, n),
            "fcr": np.where(after, 0.765, 0.77) + rng.normal(0, 0.002, n),
            "csat": np.where(after, 4.15, 4.16) + rng.normal(0, 0.01, n),
        }
    )
    assert ov.detect_signals(FakeTable(frame), segment_column=None) == []


def test_abandonment_up_while_asa_flat() -> None:
    rng = np.random.default_rng(5)
    n = len(WEEKS)
    after = np.arange(n) >= 12
    flat = tidy(
        {
            "abandonment_rate": np.where(after, 0.09, 0.05) + rng.normal(0, 0.004, n),
            "asa": 30 + rng.normal(0, 1.5, n),
        }
    )
    [sig] = ov.detect_signals(FakeTable(flat), segment_column=None)
    assert sig.kind == "abandonment_without_wait" and sig.segment == "All"
    assert sig.start == WEEKS[12]
    assert sig.evidence["abandonment_rate_before"] == pytest.approx(0.05, abs=0.003)
    # The same rise with the wait going up is ordinary queueing, not a conflicting signal.
    rising = tidy(
        {
            "abandonment_rate": np.where(after, 0.09, 0.05) + rng.normal(0, 0.004, n),
            "asa": np.where(after, 55.0, 30.0) + rng.normal(0, 1.5, n),
        }
    )
    assert ov.detect_signals(FakeTable(rising), segment_column=None) == []


def test_agent_with_low_aht_and_high_transfers_is_flagged() -> None:
    agents = {
        # agent: (aht seconds, transfers, contacts)
        "A1": (400, 28, 400),
        "A2": (420, 30, 400),
        "A3": (390, 26, 400),
        "A4": (410, 25, 400),
        "A5": (250, 100, 400),  # short calls, 25% transferred
        "A6": (260, 30, 400),  # short calls but normal transfers: efficient, not gaming
    }
    rows = []
    for agent, (aht, x, n) in agents.items():
        rows.append(
            {
                "period": WEEKS[0],
                "agent_id": agent,
                "kpi": "aht",
                "value": float(aht),
                "numerator": aht * n,
                "denominator": float(n),
                "ci_low": np.nan,
                "ci_high": np.nan,
            }
        )
        rows.append(
            {
                "period": WEEKS[0],
                "agent_id": agent,
                "kpi": "transfer_rate",
                "value": x / n,
                "numerator": float(x),
                "denominator": float(n),
                "ci_low": np.nan,
                "ci_high": np.nan,
            }
        )
    [sig] = ov.detect_transfer_gaming(FakeTable(pd.DataFrame(rows), grain="all", by=("agent_id",)))
    assert sig.segment == "agent_id = A5" and sig.kind == "transfer_without_resolution"
    assert sig.evidence["transfer_rate"] == pytest.approx(0.25)
    assert sig.evidence["aht_peer_median"] == pytest.approx(395.0)  # median of the six AHTs
    assert sig.evidence["p_value"] < 1e-6


# ---------------------------------------------------------------------------------------------
# Contact reasons


def test_pareto_share_and_structural_reasons() -> None:
    weeks = WEEKS[:8]
    # Weekly contacts: "Login" is 40% every week (structural); "Outage" is 30% in one week only.
    weekly = []
    for i, p in enumerate(weeks):
        outage = 60 if i == 3 else 5
        counts = {"Login": 80, "Billing": 115 - outage, "Outage": outage, "Other": 5}
        for t, c in counts.items():
            weekly.append(tidy({"contacts": [c]}, pd.DatetimeIndex([p]), topic=t))
    weekly_frame = pd.concat(weekly)
    totals = weekly_frame.groupby("topic", as_index=False)["value"].sum()
    total_frame = pd.concat(
        tidy({"contacts": [v]}, weeks[:1], topic=t)
        for t, v in zip(totals["topic"], totals["value"], strict=True)
    )
    out = ov.topic_pareto(FakeTable(total_frame, grain="all"), FakeTable(weekly_frame)).set_index(
        "topic"
    )
    assert out.index.tolist() == ["Billing", "Login", "Outage", "Other"]
    assert out.loc["Login", "share"] == pytest.approx(640 / 1600)
    assert out.loc["Login", "cumulative_share"] == pytest.approx(
        (825 + 640) / 1600
    )  # Billing 7 x 110 + 55
    assert bool(out.loc["Login", "structural"]) is True
    assert out.loc["Login", "weeks_at_or_above"] == 8
    assert bool(out.loc["Outage", "structural"]) is False
    assert out.loc["Outage", "weeks_at_or_above"] == 1


def test_a_one_day_spike_is_an_incident() -> None:
    days = pd.date_range("2026-02-02", periods=42, freq="D")
    rng = np.random.default_rng(1)
    base = np.where(days.day_of_week < 5, 100.0, 30.0)
    counts = rng.poisson(base).astype(float)
    counts[17] = 260.0  # Thursday 19 Feb: an outage
    frame = tidy({"contacts": counts}, days, topic="Technical issue")
    out = ov.topic_spikes(FakeTable(frame, grain="day"))
    assert out["date"].tolist() == [pd.Timestamp("2026-02-19")]
    assert out["contacts"].item() == 260.0
    assert "one-off spike" in out["sentence"].item()
    # Weekends are quiet: the weekday median keeps every Monday from looking like a spike.
    assert out["typical"].item() == pytest.approx(np.median(counts[[3, 10, 24, 31, 38, 17]]), abs=6)


# ---------------------------------------------------------------------------------------------
# Money


def _money_frame(with_cost: bool) -> pd.DataFrame:
    rows = [
        ("contacts", 1000.0, 1000.0, np.nan),
        ("aht", 300.0, 300.0 * 900, 900.0),
        ("repeat_contact_rate", 0.15, 150.0, 1000.0),
        ("fcr", 0.75, 600.0, 800.0),
    ]
    if with_cost:
        rows.append(("cost_per_contact", 4.0, 4000.0, 1000.0))
    return pd.DataFrame(
        [
            {
                "period": WEEKS[0],
                "kpi": k,
                "value": v,
                "numerator": num,
                "denominator": den,
                "ci_low": np.nan,
                "ci_high": np.nan,
            }
            for k, v, num, den in rows
        ]
    )


def test_money_from_cost_per_minute_and_from_the_data() -> None:
    m = ov.money(FakeTable(_money_frame(False), grain="all"), cost_per_minute=1.0)
    # 5 min AHT x 1.00 per minute = 5.00 per contact; 150 repeats cost 750; one FCR point is
    # 1% of 800 first contacts = 8 contacts = 40.
    assert m.basis == "per_minute"
    assert m.cost_per_contact == pytest.approx(5.0)
    assert m.repeats == 150 and m.repeat_cost == pytest.approx(750.0)
    assert m.cost_per_fcr_point == pytest.approx(40.0)
    assert m.total_cost == pytest.approx(5000.0)
    assert "750" in m.summary
    m2 = ov.money(FakeTable(_money_frame(True), grain="all"), cost_per_minute=1.0)
    assert m2.basis == "data" and m2.cost_per_contact == pytest.approx(4.0)
    assert m2.repeat_cost == pytest.approx(600.0)
    m3 = ov.money(FakeTable(_money_frame(False), grain="all"), cost_per_contact=3.0)
    assert m3.basis == "per_contact" and m3.repeat_cost == pytest.approx(450.0)
    none = ov.money(FakeTable(_money_frame(False), grain="all"))
    assert none.basis == "" and math.isnan(none.repeat_cost)


def test_money_estimates_repeats_from_fcr_when_there_is_no_repeat_kpi() -> None:
    frame = _money_frame(False)
    frame = frame.loc[frame["kpi"] != "repeat_contact_rate"]
    m = ov.money(FakeTable(frame, grain="all"), cost_per_contact=2.0)
    assert m.repeats == pytest.approx(200.0)  # 800 first contacts - 600 resolved
    assert any("estimated" in w for w in m.warnings)


# ---------------------------------------------------------------------------------------------
# Charts


def test_trend_chart_has_band_line_target_and_events() -> None:
    frame = tidy({"fcr": [0.7, 0.72, 0.74, 0.73]}, WEEKS[:4])
    events = [(pd.Timestamp("2026-01-19").date(), "New IVR"), ("2030-01-01", "Far away")]
    spec = trend_chart(FakeTable(frame), "fcr", target=0.75, events=events).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["area", "line", "rule", "rule", "text"]
    assert spec["layer"][0]["encoding"]["y2"]["field"] == "ci_high"
    datasets = spec["datasets"]
    values = [v for rows in datasets.values() for v in rows]
    assert {"target": 0.75, "label": "target 0.75"} in values
    labels = [v.get("label") for v in values if "date" in v]
    assert labels == ["New IVR"]  # the 2030 event is outside the plotted dates
    no_target = trend_chart(FakeTable(frame), "fcr").to_dict()
    assert [layer["mark"]["type"] for layer in no_target["layer"]] == ["area", "line"]
    # Two events a week apart: their labels are printed on different rows, not over each other.
    near = [("2026-01-12", "Launch A"), ("2026-01-19", "Launch B")]
    spec = trend_chart(FakeTable(frame), "fcr", events=near).to_dict()
    rows = [v for data in spec["datasets"].values() for v in data if "ypx" in v]
    assert sorted(r["ypx"] for r in rows) == [2, 14]


def test_sparkline_and_trend_frame() -> None:
    frame = pd.concat(
        [
            tidy({"aht": [1, 2, 3]}, WEEKS[:3], queue="A"),
            tidy({"aht": [7, 8, 9]}, WEEKS[:3], queue="B"),
        ]
    )
    assert trend_frame(FakeTable(frame), "aht", {"queue": "B"})["value"].tolist() == [7, 8, 9]
    assert sparkline_data(FakeTable(tidy({"aht": [1, np.nan, 3, 4]}, WEEKS[:4])), "aht", 2) == [
        3,
        4,
    ]


def test_pareto_chart_spec() -> None:
    pareto = pd.DataFrame(
        {
            "topic": ["A", "B"],
            "contacts": [70.0, 30.0],
            "share": [0.7, 0.3],
            "cumulative_share": [0.7, 1.0],
            "structural": [True, False],
        }
    )
    spec = pareto_chart(pareto).to_dict()
    assert [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in spec["layer"]
    ] == ["bar", "line"]
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["A", "B"]


# ---------------------------------------------------------------------------------------------
# The bundled sample: the planted AHT-target story


@cache
def _sample():
    from kpi.dataset import load_sample

    return load_sample()


@cache
def _weekly_by_queue():
    engine = pytest.importorskip("kpi.engine", reason="kpi.engine (H2) not written yet")
    return engine.compute(
        _sample(),
        kpis=["aht", "fcr", "csat", "transfer_rate", "abandonment_rate", "asa"],
        grain="week",
        by=["queue"],
    )


def test_sample_signal_names_tech_support_at_the_aht_target_date() -> None:
    ds = _sample()
    truth = next(e for e in ds.truth["effects"] if e["id"] == "aht_target")
    signals = ov.detect_signals(_weekly_by_queue())
    rushed = [s for s in signals if s.kind == "rushed_calls"]
    assert [s.segment for s in rushed] == ["queue = Tech Support"]
    [sig] = rushed
    change = pd.Timestamp(truth["date"])
    assert abs((sig.start - change).days) <= 14
    # The evidence matches the planted before/after (truth.json) within noise.
    assert sig.evidence["aht_after"] / sig.evidence["aht_before"] == pytest.approx(
        truth["aht_after_seconds"] / truth["aht_before_seconds"], abs=0.05
    )
    assert sig.evidence["fcr_before"] - sig.evidence["fcr_after"] == pytest.approx(
        truth["fcr_before"] - truth["fcr_after"], abs=0.04
    )
    assert not any(s.segment in ("queue = Sales", "queue = General") for s in signals)


def test_sample_cards_and_breakdown_agree_with_the_engine() -> None:
    engine = pytest.importorskip("kpi.engine", reason="kpi.engine (H2) not written yet")
    ds = _sample()
    from kpi.metrics import Settings

    settings = Settings()
    weekly = engine.compute(ds, kpis=list(ov.DEFAULT_CARD_KPIS), grain="week", settings=settings)
    cards = ov.kpi_cards(weekly, data_end=ds.date_range[1], settings=settings)
    assert not any(c.unavailable for c in cards)
    for card in cards:
        # The hover text carries the engine's formula and the settings used.
        assert weekly.describe(card.kpi) in card.help and settings.describe() in card.help
        assert card.value == pytest.approx(weekly.value(card.kpi, card.period)), card.kpi
        assert card.previous == pytest.approx(weekly.value(card.kpi, card.previous_period))
    by_queue = engine.compute(ds, kpis=["fcr", "aht"], grain="all", by=["queue"])
    table = ov.breakdown_table(by_queue, ["fcr", "aht"], display=False).set_index("queue")
    assert table.loc["Billing", "fcr"] == pytest.approx(by_queue.value("fcr", queue="Billing"))
    spark = sparkline_data(weekly, "fcr")
    assert spark[-1] == pytest.approx(weekly.wide()["fcr"].dropna().iloc[-1])


def test_cards_chart_has_one_panel_per_kpi_with_values_and_target_lines() -> None:
    # Two KPIs with values (one with a target), one with none: two panels, one target rule,
    # rates drawn in percent (0.8 -> 80).
    from kpi.charts import cards_chart

    periods = pd.to_datetime(["2026-01-05", "2026-01-12"])
    frame = pd.DataFrame(
        {
            "period": list(periods) * 2,
            "kpi": ["fcr", "fcr", "aht", "aht"],
            "value": [0.8, 0.7, 300.0, 320.0],
        }
    )
    spec = cards_chart(frame, ["fcr", "aht", "nps"], {"fcr": 0.75}).to_dict()
    assert len(spec["concat"]) == 2
    fcr_layers = spec["concat"][0]["layer"]
    assert len(fcr_layers) == 2 and len(spec["concat"][1]["layer"]) == 1
    datasets = spec["datasets"]
    shown = sorted(v["shown"] for rows in datasets.values() for v in rows if "shown" in v)
    assert 80.0 in shown and 75.0 in shown and 300.0 in shown


def test_default_cards_drop_what_the_data_lacks_and_top_up_with_access_kpis() -> None:
    # A daily report without surveys or resolution: core CSAT/NPS/FCR/CES are missing.
    lacking = {"csat", "nps", "fcr", "ces", "aht", "repeat_contact_rate"}
    assert ov.default_card_kpis(lacking) == [
        "abandonment_rate",
        "service_level",
        "contacts",
        "asa",
        "transfer_rate",
    ]
    assert ov.default_card_kpis(set()) == list(ov.DEFAULT_CARD_KPIS)


def test_asa_card_shows_median_and_p90_of_the_same_period():
    from kpi.engine import compute
    from kpi.schema import coerce

    waits = [1, 2, 3, 4, 100] * 4
    f = coerce(
        pd.DataFrame(
            {
                "contact_id": [f"c{i}" for i in range(20)],
                "start_time": pd.Timestamp("2026-03-02") + pd.to_timedelta(range(20), unit="h"),
                "wait_seconds": waits,
                "answered": True,
            }
        ),
        "interactions",
    )
    t = compute(f, grain="week")
    card = ov.kpi_cards(t, ["asa"])[0]
    assert card.value == pytest.approx(22.0)
    # sorted waits: four each of 1, 2, 3, 4 and 100; rank 0.9 x 19 = 17.1 falls among the 100s
    assert "**Median wait** 3.0 s · **90th percentile** 1.7 min" in card.help


# ---------------------------------------------------------------------------------------------
# Signals hold a Segment and numbers; the sentence is produced on read (issue 17)


def test_signal_holds_a_segment_and_reads_its_sentence_from_the_evidence() -> None:
    import dataclasses

    from kpi.segment import Segment

    assert "sentence" not in {f.name for f in dataclasses.fields(ov.Signal)}
    evidence = {
        "change_week": WEEKS[8],
        "aht_before": 510.0,
        "aht_after": 420.0,
        "fcr_before": 0.72,
        "fcr_after": 0.6,
    }
    sig = ov.Signal("rushed_calls", "queue = Tech Support", evidence, WEEKS[8], WEEKS[-1])
    assert sig.where == Segment("queue", "Tech Support")
    assert sig.label() == "Queue: Tech Support" and sig.segment == "queue = Tech Support"
    assert sig.sentence.startswith(
        "In Tech Support, from the week of 02 Mar 2026 Average handle time fell 90.0 s "
        "(8.5 min → 7.0 min) while First contact resolution fell 12.0 pts (72.0% → 60.0%)"
    )
    # The sentence follows the numbers; the whole centre is named as such.
    centre = dataclasses.replace(sig, where=None, evidence=evidence | {"fcr_after": 0.5})
    assert centre.segment == "All" and centre.label() == "Whole centre"
    assert centre.sentence.startswith("Across the centre, from the week of 02 Mar 2026")
    assert "First contact resolution fell 22.0 pts" in centre.sentence
    assert ov.Signal("rushed_calls", "All", evidence).where is None
    assert ov.signals_frame([sig])["sentence"].iloc[0] == sig.sentence


def test_transfer_gaming_signal_names_the_agent_by_its_column_label() -> None:
    from kpi.segment import Segment

    evidence = {"aht": 250.0, "aht_peer_median": 395.0, "transfer_rate": 0.25,
                "transfer_rate_peer_median": 0.07}  # fmt: skip
    sig = ov.Signal("transfer_without_resolution", Segment("agent_id", "A5"), evidence)
    assert sig.sentence.startswith(
        "Agent A5 has a short AHT (4.2 min vs 6.6 min for the median peer) but transfers 25.0% "
        "of contacts (peers 7.0%)"
    )


def test_trend_reading_takes_a_segment_its_text_or_the_older_dict() -> None:
    from kpi.segment import Segment

    frame = pd.concat(
        [
            tidy({"aht": [500.0] * 4 + [400.0] * 4}, periods=WEEKS[:8], queue="Billing"),
            tidy({"aht": [300.0] * 8}, periods=WEEKS[:8], queue="Sales"),
        ]
    )
    table = FakeTable(frame, by=("queue",))
    by_dict = ov.trend_reading(table, "aht", segment={"queue": "Billing"})
    assert ov.trend_reading(table, "aht", segment=Segment("queue", "Billing")) == by_dict
    assert ov.trend_reading(table, "aht", segment="queue=Billing") == by_dict
    assert by_dict.startswith("Average handle time fell from 8.3 min")
    with pytest.raises(AnalysisError, match="not computed by 'team'"):
        ov.trend_reading(table, "aht", segment="team=North")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_welch_p_matches_scipy_stats(seed: int) -> None:
    """The Overview's Welch test (written with scipy.special for a fast cold start) is scipy's."""
    from scipy import stats

    from kpi.analysis.overview.signals import _welch_p

    rng = np.random.default_rng(seed)
    a = rng.normal(10, 2, size=7 + seed)
    b = rng.normal(11, 4, size=5 + 3 * seed)
    assert _welch_p(b, a) == pytest.approx(stats.ttest_ind(b, a, equal_var=False).pvalue, rel=1e-12)
