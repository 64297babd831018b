"""AppTest of the "Relationships" page on the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")


def _page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "relationships_page.py"), default_timeout=120)


def test_renders_matrix_pair_and_balance_on_the_sample() -> None:
    at = _page().run()
    assert not at.exception
    table = at.dataframe[0].value
    # 8 default KPIs -> 28 pairs, one row each
    assert len(table) == 28
    assert {"KPI", "with", "r", "p (adjusted)", "periods"} <= set(table.columns)
    captions = "\n".join(c.value for c in at.caption)
    assert (
        "Spearman correlation per day" in captions and "guards: weekday+trend removed" in captions
    )
    markdown = "\n".join(m.value for m in at.markdown)
    # the planted AHT target: in Tech Support AHT and FCR co-vary (truth.json aht_target)
    assert "Fast and not resolving (possible rushing or transfer gaming)" in markdown
    assert at.dataframe[1].value.shape[0] == 40  # 40 agents A001..A040


def test_tech_support_segment_finds_aht_fcr_and_pins() -> None:
    at = _page().run()
    at.selectbox(key="rel_segment").set_value("Queue: Tech Support").run()
    assert not at.exception
    table = at.dataframe[0].value
    row = table[
        (table["KPI"] == "Average handle time") & (table["with"] == "First contact resolution")
    ]
    if row.empty:
        row = table[
            (table["with"] == "Average handle time") & (table["KPI"] == "First contact resolution")
        ]
    assert row["significant"].iloc[0] == "yes" and row["r"].iloc[0] > 0.4
    at.button(key="rel_pin_matrix").click().run()
    at.button(key="rel_pin_pair").click().run()
    assert not at.exception
    pinned = at.session_state["kpi_findings"]
    assert [f.kind for f in pinned] == ["correlation", "correlation"]
    assert "Tech Support" in pinned[0].title


def test_guards_off_agents_as_points_and_weekly_grain_render() -> None:
    at = _page().run()
    at.toggle(key="rel_guards").set_value(False).run()
    assert not at.exception
    assert any("Guards are off" in w.value for w in at.warning)
    at.selectbox(key="rel_points").set_value("agent_id").run()
    assert not at.exception
    at.radio(key="rel_grain").set_value("week").run()
    assert not at.exception
    at.radio(key="rel_balance_pair").set_value("Transfer rate vs AHT").run()
    assert not at.exception
    assert "Many transfers and fast (possible rushing or transfer gaming)" in "\n".join(
        m.value for m in at.markdown
    )
