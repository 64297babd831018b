"""The Overview page (AppTest): the planted story on the sample, editable targets, public data."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi import engine
from kpi.analysis import overview
from kpi.dataset import load_sample
from kpi.metrics import KPIS

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
PAGE = str(ROOT / "pages" / "overview_page.py")


# The sections drawn only once opened (collapsed on a first visit).
OPENED = ("overview_trends_open", "overview_breakdown_open")


def _page(dataset=None, opened: tuple[str, ...] = OPENED) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    if dataset is not None:
        at.session_state["kpi_dataset"] = dataset
    for key in opened:
        at.session_state[key] = True  # what a click on the expander sets
    return at.run()


def _metric(at: AppTest, name: str):
    return next(m for m in at.metric if m.label.endswith(name))


def test_sample_shows_cards_the_planted_story_and_agrees_with_the_engine() -> None:
    at = _page()
    assert not at.exception
    labels = [m.label for m in at.metric]
    for kpi in overview.DEFAULT_CARD_KPIS:
        assert any(label.endswith(KPIS[kpi].name) for label in labels), kpi
    # The conflicting-signal detector names Tech Support and the week the AHT target started.
    sample = load_sample()
    truth = next(e for e in sample.truth["effects"] if e["id"] == "aht_target")
    change = pd.Timestamp(truth["date"])
    signals = [e.value for e in at.error if "calls look rushed" in e.value]
    assert len(signals) == 1
    assert "Tech Support" in signals[0] and f"{change:%d %b %Y}" in signals[0]
    assert not any("Sales" in e.value or "General" in e.value for e in at.error)
    # Cards show what the engine computes for the last complete week (the sample ends on a
    # Sunday, so that is the last week) and its change from the week before.
    weekly = engine.compute(sample, grain="week")
    last, previous = (
        weekly.frame["period"].max(),
        weekly.frame["period"].max() - pd.Timedelta(days=7),
    )
    for kpi in ("fcr", "csat", "abandonment_rate", "aht"):
        m = _metric(at, KPIS[kpi].name)
        assert m.value == KPIS[kpi].format(weekly.value(kpi, last)), kpi
        change = weekly.value(kpi, last) - weekly.value(kpi, previous)
        assert m.delta == overview.format_change(kpi, change), kpi
    # The breakdown table is the engine's grain-"all" table by queue.
    table = next(df for df in at.dataframe if "Queue" in df.value.columns).value
    by_queue = engine.compute(sample, grain="all", by=["queue"])
    billing = table.loc[table["Queue"] == "Billing"]
    assert billing["First contact resolution (%)"].item() == pytest.approx(
        100 * by_queue.value("fcr", queue="Billing")
    )


def test_changing_a_target_changes_the_card_status() -> None:
    at = _page()
    fcr = _metric(at, KPIS["fcr"].name)
    assert fcr.label.startswith("🔴")  # 66.1% in the last week, below the 70% trigger
    at.number_input(key="overview_target_fcr").set_value(60.0).run()
    assert not at.exception
    assert _metric(at, KPIS["fcr"].name).label.startswith("🟢")
    # A stricter trigger threshold fires on more weeks.
    before = len(at.warning)
    at.number_input(key="overview_trigger_abandonment").set_value(4.0).run()
    assert len(at.warning) > before


def test_events_added_here_are_shared_and_drawn() -> None:
    at = _page()
    n = len(at.session_state["kpi_events"])
    assert n == 2  # the sample's planted IVR and AHT target
    at.date_input(key="overview_event_date").set_value(dt.date(2026, 5, 18))
    at.text_input(key="overview_event_label").input("Chat launch")
    at.button(key="overview_event_add").click().run()
    assert not at.exception
    events = at.session_state["kpi_events"]
    assert len(events) == n + 1 and any(e.label == "Chat launch" for e in events)
    # The trend charts draw it (read through the pinned spec: the page sends data separately).
    at.button(key="overview_pin_trend").click().run()
    assert "Chat launch" in json.dumps(at.session_state["kpi_findings"][-1].chart, default=str)
    at.button(key="overview_event_remove").click().run()  # removes the first (oldest) event
    assert len(at.session_state["kpi_events"]) == n


def test_pin_buttons_add_findings() -> None:
    at = _page()
    at.button(key="overview_pin_cards").click().run()
    at.button(key="overview_pin_trend").click().run()
    found = at.session_state["kpi_findings"]
    assert [f.kind for f in found] == ["kpi_cards", "trend"]
    assert "KPIs with a target meet it" in found[0].sentence
    assert found[1].chart is not None and "layer" in found[1].chart


PUBLIC = {
    "pwc_calls": ["pwc_calls/01 Call-Center-Dataset.xlsx"],
    "city_311": [
        "city_311_daily/3-1-1-contact-centre-metrics-2023.xlsx",
        "city_311_daily/3-1-1-contact-centre-metrics-2024.xlsx",
    ],
    "call_center_daily": ["call_center_daily/Call Center Data.sarima_dated.csv"],
}


@pytest.mark.parametrize("name", list(PUBLIC))
def test_public_datasets_render_with_unavailable_kpis_explained(name: str) -> None:
    paths = [SHARED / p for p in PUBLIC[name]]
    if not all(p.exists() for p in paths):
        pytest.skip(f"public dataset {name} not found under {SHARED}")
    ingest = pytest.importorskip("kpi.ingest", reason="kpi.ingest (H3) not available")
    ds = ingest.read_files(paths).dataset
    at = _page(ds)
    assert not at.exception, at.exception
    table = engine.compute(ds, grain="week")
    missing = [k for k in overview.DEFAULT_CARD_KPIS if k in table.unavailable]
    assert missing, "every public dataset lacks some survey KPI"
    # The cards open on what the data has (never a zero, never a wall of "n/a") ...
    shown = overview.default_card_kpis(table.unavailable)
    assert len(shown) >= 3 and not set(shown) & set(missing)
    for kpi in shown:
        assert _metric(at, KPIS[kpi].name).value != "n/a"
    # ... and the missing core KPIs are named with their reason.
    note = next(i.value for i in at.info if i.value.startswith("Not available on this data"))
    for kpi in missing:
        assert KPIS[kpi].name in note
        assert table.unavailable[kpi] in note


def test_a_conflicting_signal_can_be_pinned_with_its_numbers_and_lines() -> None:
    at = _page()
    assert not at.exception
    keys = [b.key for b in at.button if str(b.key).startswith("overview_pin_signal_")]
    assert keys, "the sample's planted AHT target should raise a signal"
    at.button(key=keys[0]).click().run()
    assert not at.exception
    found = at.session_state["kpi_findings"]
    assert [f.kind for f in found] == ["signal"]
    f = found[0]
    assert f.title == "Conflicting signal — queue = Tech Support"
    numbers = dict(f.numbers)
    # truth.json: AHT 513 -> 386 s, FCR 77.0% -> 60.1%, CSAT 4.16 -> 3.62 (weekly means here).
    assert numbers["Average handle time"].startswith("8.6 min → 6.4 min")
    assert numbers["First contact resolution"].startswith("77.3% → 60.2%")
    assert numbers["From the week of"] == "23 Mar 2026"
    # One weekly line per KPI of the signal, for Tech Support only.
    assert f.chart is not None and len(f.chart["concat"]) == 3
    titles = [panel.get("title") for panel in f.chart["concat"]]
    assert [t.split(" (")[0] for t in titles] == [
        "Average handle time",
        "First contact resolution",
        "CSAT",
    ]
    # Tech Support's own weeks (AHT above 500 s before the target), not the centre's (~420 s).
    aht_name = f.chart["concat"][0]["data"]["name"]
    first_weeks = [row["value"] for row in f.chart["datasets"][aht_name][:3]]
    assert min(first_weeks) > 500


def test_a_subset_of_kpis_is_cut_from_a_wider_table_and_equals_the_engines(monkeypatch) -> None:
    """The Overview's 11 engine passes came down to 8: a request for some KPIs is cut from a
    table of the same request already computed (same rows, notes, reasons as the engine's)."""
    import streamlit as st

    from kpi.ui import state

    sample = load_sample()
    ds = replace(sample, frame=sample.frame.iloc[:20_000].copy(), _fingerprint=[])
    st.session_state.clear()
    real = engine.compute
    calls: list[tuple] = []

    def counted(data, kpis=None, grain="day", by=(), settings=None):
        calls.append((grain, tuple(by), None if kpis is None else tuple(kpis)))
        return real(data, kpis=kpis, grain=grain, by=by, settings=settings)

    monkeypatch.setattr(engine, "compute", counted)
    signal_kpis = ("aht", "fcr", "csat", "nps", "transfer_rate", "abandonment_rate", "asa")
    state.compute(ds, grain="week")
    cut = state.compute(ds, grain="week", kpis=signal_kpis)
    assert calls == [("week", (), None)]  # no second pass
    direct = real(ds, kpis=list(signal_kpis), grain="week")
    pd.testing.assert_frame_equal(cut.frame, direct.frame, check_exact=True)
    assert (cut.unavailable, cut.notes, cut.excluded) == (
        direct.unavailable,
        direct.notes,
        direct.excluded,
    )
    assert (cut.grain, cut.by, cut.remarks, cut.kpis) == (
        direct.grain,
        direct.by,
        direct.remarks,
        direct.kpis,
    )
    # via_full: the table of every KPI first (the page draws it anyway), then the cut.
    calls.clear()
    by_queue = state.compute(
        ds, grain="all", by=("queue",), kpis=("aht", "transfer_rate"), via_full=True
    )
    state.compute(ds, grain="all", by=("queue",))
    assert calls == [("all", ("queue",), None)]
    pd.testing.assert_frame_equal(
        by_queue.frame,
        real(ds, kpis=["aht", "transfer_rate"], grain="all", by=["queue"]).frame,
        check_exact=True,
    )
    # A narrower request is cut from a wider subset too; another grain is not.
    calls.clear()
    state.compute(ds, grain="all", by=("topic",), kpis=("aht", "contacts"))
    contacts = state.compute(ds, grain="all", by=("topic",), kpis=("contacts",))
    state.compute(ds, grain="week", by=("topic",), kpis=("contacts",))
    assert calls == [("all", ("topic",), ("aht", "contacts")), ("week", ("topic",), ("contacts",))]
    pd.testing.assert_frame_equal(
        contacts.frame,
        real(ds, kpis=["contacts"], grain="all", by=["topic"]).frame,
        check_exact=True,
    )
    st.session_state.clear()


def test_collapsed_sections_are_computed_only_once_opened() -> None:
    at = _page(opened=())
    assert not at.exception
    keys = {str(k) for k in (*[s.key for s in at.slider], *[n.key for n in at.number_input])}
    assert "overview_structural_share" not in keys  # collapsed: not drawn, not computed
    assert "overview_cost_per_minute" not in keys
    # Trends and breakdowns too: on a first visit the page draws the cards and the warnings,
    # and computes no table by queue with every KPI (the breakdown's).
    buttons = {str(b.key) for b in at.button}
    assert "overview_pin_cards" in buttons
    assert not buttons & {"overview_pin_trend", "overview_pin_breakdown"}
    assert not any("Queue" in df.value.columns for df in at.dataframe)
    memo = at.session_state["kpi_memo"]
    assert not [k for k in memo if k[0] == "compute" and k[2] == "all" and k[4] is None]
    at.session_state["overview_trends_open"] = True
    at.session_state["overview_breakdown_open"] = True
    at.run()
    assert {"overview_pin_trend", "overview_pin_breakdown"} <= {str(b.key) for b in at.button}
    at.session_state["overview_reasons_open"] = True  # what a click on the expander sets
    at.session_state["overview_cost_open"] = True
    at.run()
    assert not at.exception
    assert at.slider(key="overview_structural_share").value == 30
    assert at.number_input(key="overview_cost_per_minute").value == 0.0
    readings = [m.value for m in at.markdown if m.value.startswith("**Reading.**")]
    assert any("structural reason" in r or "No reason holds" in r for r in readings)
    assert any("repeat" in r.lower() for r in readings)
