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
