"""AppTest of the "Before/after" page on the bundled sample."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")


def _page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "impact_page.py"), default_timeout=120)


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_ivr_in_billing_shows_a_fall() -> None:
    at = _page().run()
    assert not at.exception
    # The sample's pinned IVR event (truth.json: Billing, 2026-04-27) is the default change.
    ivr = next(o for o in at.selectbox(key="impact_event").options if o.startswith("New IVR"))
    at.selectbox(key="impact_event").set_value(ivr).run()
    at.selectbox(key="impact_segment_column").set_value("queue").run()
    at.selectbox(key="impact_segment").set_value("Billing").run()
    at.selectbox(key="impact_kpi").set_value("abandonment_rate").run()
    assert not at.exception
    text = _text(at)
    assert "Abandonment rate in Billing fell from" in text
    assert "after 27 Apr 2026" in text
    assert any("smallest change" in i.value for i in at.info)
    table = at.dataframe[0].value
    assert table.loc[0, "KPI"] == "Abandonment rate" and table.loc[0, "change"].endswith("pts")


def test_control_did_and_pin() -> None:
    at = _page().run()
    at.selectbox(key="impact_control").set_value("Sales").run()
    assert not at.exception
    text = _text(at)
    assert "relative to Sales" in text and "Parallel-trend check" in text
    at.button(key="impact_pin").click().run()
    assert not at.exception
    pinned = at.session_state["kpi_findings"]
    assert len(pinned) == 1 and pinned[0].kind == "impact" and "fell" in pinned[0].sentence


def test_other_date_outside_of_a_change_gives_a_warning_not_an_exception() -> None:
    at = _page().run()
    at.selectbox(key="impact_event").set_value("Another date...").run()
    at.date_input(key="impact_date").set_value(dt.date(2026, 1, 10)).run()
    assert not at.exception
    assert any("Only" in w.value and "days" in w.value for w in at.warning)


def test_page_through_the_app_frame() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("pages/impact_page.py").run()
    assert not at.exception
    assert any("fell from" in m.value or "went from" in m.value for m in at.markdown)


def test_two_chosen_periods_compare_just_those_days() -> None:
    at = _page().run()
    ivr = next(o for o in at.selectbox(key="impact_event").options if o.startswith("New IVR"))
    at.selectbox(key="impact_event").set_value(ivr).run()
    at.selectbox(key="impact_segment_column").set_value("queue").run()
    at.selectbox(key="impact_segment").set_value("Billing").run()
    at.selectbox(key="impact_kpi").set_value("abandonment_rate").run()
    everything = at.dataframe[0].value
    assert everything.loc[0, "days before"] == "112"  # every day before 27 Apr 2026
    at.radio(key="impact_period_mode").set_value("Two periods I choose").run()
    assert not at.exception
    table = at.dataframe[0].value
    # Default: the four weeks either side of the change.
    assert (table.loc[0, "days before"], table.loc[0, "days after"]) == ("28", "28")
    assert "Periods: 30 Mar – 26 Apr 2026 vs 27 Apr – 24 May 2026" in "\n".join(
        c.value for c in at.caption
    )
    # Leave out a two-week ramp-up after the launch: still a clear fall, on 14 days.
    at.date_input(key="impact_after_range").set_value(
        (dt.date(2026, 5, 11), dt.date(2026, 5, 24))
    ).run()
    table = at.dataframe[0].value
    assert table.loc[0, "days after"] == "14"
    assert table.loc[0, "change"].startswith("\u2212")  # a fall
    # Periods that overlap are refused with a sentence, not a traceback.
    at.date_input(key="impact_after_range").set_value(
        (dt.date(2026, 4, 1), dt.date(2026, 4, 20))
    ).run()
    assert not at.exception
    assert any(w.value.startswith("The periods overlap") for w in at.warning)


def test_comparison_segments_give_expected_without_the_change() -> None:
    at = _page().run()
    ivr = next(o for o in at.selectbox(key="impact_event").options if o.startswith("New IVR"))
    at.selectbox(key="impact_event").set_value(ivr).run()
    at.selectbox(key="impact_segment_column").set_value("queue").run()
    at.selectbox(key="impact_segment").set_value("Billing").run()
    at.selectbox(key="impact_kpi").set_value("abandonment_rate").run()
    at.multiselect(key="impact_controls").set_value(["Sales", "General"]).run()
    assert not at.exception
    text = _text(at)
    # issue 19: observed vs expected from several comparison series, with the pre-period fit
    assert "judging by Sales and General" in text and "without the change" in text
    assert "Pre-period fit" in text
    # issue 18 item 8: the verdict names the other KPIs that moved (Holm-adjusted)
    assert "Other KPIs also moved after the change" in text
    # issue 18 item 7: the Tech Support AHT target is not a caveat of a Billing analysis, and
    # the candidate-date table shows no p-value under the note that it is not valid
    assert not any("AHT target" in w.value for w in at.warning)
    candidates = at.dataframe[-1].value
    assert "significant" not in candidates.columns and "p" not in candidates.columns
    at.button(key="impact_pin").click().run()
    pinned = at.session_state["kpi_findings"]
    assert pinned[-1].numbers[0][0] == "Observed after"
