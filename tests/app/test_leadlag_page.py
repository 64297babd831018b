"""AppTest of the "Leading vs lagging" page on the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")


def _page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "leadlag_page.py"), default_timeout=120)


def test_sample_shows_engagement_leading_csat() -> None:
    at = _page().run()
    assert not at.exception
    assert at.selectbox(key="leadlag_outcome").value == "csat"
    table = at.dataframe[0].value.set_index("KPI")
    # The sample plants: engagement moves CSAT 5 days later (truth.json engagement_leads_csat).
    # KPIs are shown by name (issue 18), never by id.
    assert table.loc["Employee engagement", "role in your data"] == "leading"
    assert abs(int(table.loc["Employee engagement", "moves first by (days)"]) - 5) <= 1
    assert table.loc["Employee engagement", "textbook role"] == "leading"
    text = "\n".join(m.value for m in at.markdown)
    assert "engagement moves 5 days before csat" in text or "engagement (" in text
    assert "not proof of cause" in text
    # the detail selector defaults to the leading driver
    assert at.selectbox(key="leadlag_detail_csat").value == "engagement"


def test_irf_and_pin() -> None:
    at = _page().run()
    at.toggle(key="leadlag_irf").set_value(True).run()
    assert not at.exception
    assert any("A one-off rise" in m.value for m in at.markdown)
    at.button(key="leadlag_pin").click().run()
    assert not at.exception
    pinned = at.session_state["kpi_findings"]
    assert len(pinned) == 1 and pinned[0].kind == "leadlag"
    assert "engagement" in pinned[0].sentence


def test_weekly_grain_and_other_outcome_render() -> None:
    at = _page().run()
    at.selectbox(key="leadlag_outcome").set_value("nps").run()
    assert not at.exception
    at.radio(key="leadlag_grain").set_value("week").run()
    assert not at.exception
    # 26 weeks of sample: the page says the weekly answer is a hint only
    text = "\n".join(m.value for m in at.markdown) + "\n".join(w.value for w in at.warning)
    assert "Only 2" in text or "Not enough" in text


def test_reachable_through_the_frame() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("pages/leadlag_page.py").run()
    assert not at.exception
    first = at.dataframe[0].value.iloc[0]
    assert (first["KPI"], first["role in your data"]) == ("Employee engagement", "leading")
