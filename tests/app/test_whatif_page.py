"""AppTest of the "What would it take?" page on the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")


def _page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "whatif_page.py"), default_timeout=60)


def _bold(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown if m.value.startswith("**June 2026"))


def test_baseline_starts_from_the_last_complete_month() -> None:
    at = _page().run()
    assert not at.exception
    assert any(s.value == "Baseline: June 2026" for s in at.subheader)
    # The baseline's inputs are the month's own AHT and FCR (phone, all queues).
    assert at.number_input(key="whatif_base_aht").value == pytest.approx(6.54)
    assert at.number_input(key="whatif_base_fcr").value == pytest.approx(69.6)
    for key in ("whatif_sl", "whatif_threshold", "whatif_shrinkage", "whatif_cost"):
        assert "(" in at.number_input(key=key).label  # every input says its unit
    assert "June 2026, all queues" in _bold(at)
    labels = [m.label for m in at.metric]
    assert labels.count("Cost per month") == 3  # baseline, AHT change only, scenario


def test_seed_story_in_one_click_and_pin() -> None:
    at = _page().run()
    at.selectbox(key="whatif_currency").set_value("€").run()  # the session's one currency
    at.button(key="whatif_preset").click().run()
    assert not at.exception
    values = {n.key: n.value for n in at.number_input}
    assert (values["whatif_base_aht"], values["whatif_base_fcr"]) == (8.0, 78.0)
    assert (values["whatif_scn_aht"], values["whatif_scn_fcr"]) == (5.0, 61.0)
    text = _bold(at)
    assert "AHT 8.0 → 5.0 min, FCR 78% → 61%" in text
    assert "survives the repeat calls" in text
    assert "€269,314 to €218,271" in text
    costs = [m.value for m in at.metric if m.label == "Cost per month"]
    assert costs == ["€269,314", "€199,179", "€218,271"]
    at.button(key="whatif_pin").click().run()
    assert not at.exception
    pinned = at.session_state["kpi_findings"]
    assert len(pinned) == 1 and pinned[0].title.startswith("What would it take")
    assert "survives" in pinned[0].sentence and pinned[0].table is not None


def test_changing_queue_currency_and_targets() -> None:
    at = _page().run()
    at.selectbox(key="whatif_queue").set_value("Billing").run()
    assert not at.exception
    assert "June 2026, Billing" in _bold(at)
    assert at.number_input(key="whatif_base_aht").value == pytest.approx(7.28)
    at.selectbox(key="whatif_currency").set_value("$").run()
    at.number_input(key="whatif_sl").set_value(90.0).run()
    at.number_input(key="whatif_asa").set_value(15.0).run()
    at.selectbox(key="whatif_interval").set_value(60).run()
    assert not at.exception
    assert at.number_input(key="whatif_cost").label == "Cost per agent-hour ($)"
    assert "$" in _bold(at)


def test_other_channel_warns_that_the_model_does_not_fit() -> None:
    at = _page().run()
    at.selectbox(key="whatif_channel").set_value("chat").run()
    assert not at.exception
    assert any("several chats at once" in i.value for i in at.info)


def test_page_through_the_app_frame() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/whatif_page.py").run()
    assert not at.exception
    assert any(t.value == "What would it take?" for t in at.title)
