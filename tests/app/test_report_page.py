"""Report page: the pinned findings, reorder / remove / notes, downloads, presentation mode."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd
from streamlit.testing.v1 import AppTest

from kpi.findings import Finding
from kpi.ui import state

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "pages" / "report_page.py"


def _findings() -> list[Finding]:
    data = pd.DataFrame({"queue": ["Billing", "Sales"], "abandonment": [0.12, 0.05]})
    chart = alt.Chart(data).mark_bar().encode(x="queue:N", y="abandonment:Q").to_dict()
    return [
        Finding(
            "breakdown",
            "Abandonment by queue",
            "Billing abandons more than twice as often as Sales.",
            (("Billing", "12.0%"), ("Sales", "5.0%")),
            "Sample · all dates",
            chart,
            data,
        ),
        Finding(
            "impact",
            "New IVR in Billing",
            "Abandonment fell by 6 points after the new IVR.",
            (("Effect", "-6.0 pts"),),
            "Sample · Billing",
            None,
            None,
            note="Confirm with the IVR vendor.",
        ),
    ]


def _page(items: list[Finding] | None) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    if items is not None:
        at.session_state[state._FINDINGS] = items
    return at.run()


def _downloads(at: AppTest) -> list[str]:
    return [el.proto.label for el in at.get("download_button")]


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_empty_state_explains_how_to_pin() -> None:
    at = _page(None)
    assert not at.exception
    assert "Pin to report" in at.info[0].value
    assert _downloads(at) == []


def test_two_findings_are_listed_with_download_buttons() -> None:
    first, second = _findings()
    at = _page([first, second])
    assert not at.exception
    text = _text(at)
    assert "**1. Abandonment by queue**" in text and "**2. New IVR in Billing**" in text
    assert text.index("Abandonment by queue") < text.index("New IVR in Billing")
    labels = _downloads(at)
    assert {"⬇ HTML report", "⬇ PowerPoint", "⬇ Excel"} <= set(labels)
    assert labels.count("⬇ PNG") == 1 and labels.count("⬇ SVG") == 1  # only the first has a chart
    assert at.text_area(key=f"report_note_{second.id}").value == "Confirm with the IVR vendor."
    assert [m.value for m in at.metric] == ["12.0%", "5.0%", "-6.0 pts"]


def test_reorder_remove_and_note_update_the_session_findings() -> None:
    first, second = _findings()
    at = _page([first, second])
    at.button(key=f"report_down_{first.id}").click().run()
    assert not at.exception
    assert [f.id for f in at.session_state[state._FINDINGS]] == [second.id, first.id]
    assert at.button(key=f"report_up_{second.id}").disabled

    at.text_area(key=f"report_note_{first.id}").input("Ask Billing's team lead.").run()
    saved = {f.id: f.note for f in at.session_state[state._FINDINGS]}
    assert saved[first.id] == "Ask Billing's team lead."

    at.button(key=f"report_remove_{second.id}").click().run()
    assert not at.exception
    assert [f.id for f in at.session_state[state._FINDINGS]] == [first.id]
    assert "New IVR in Billing" not in _text(at)


def test_presentation_mode_steps_through_the_findings() -> None:
    first, second = _findings()
    at = _page([first, second])
    at.toggle(key="report_present").set_value(True).run()
    assert not at.exception
    assert at.header[0].value == "Abandonment by queue"
    assert len(at.get("vega_lite_chart")) == 1
    at.button(key="report_next").click().run()
    assert at.header[0].value == "New IVR in Billing"
    assert "Confirm with the IVR vendor." in at.info[0].value
    at.button(key="report_next").click().run()  # stays on the last one
    assert at.number_input(key="report_slide").value == 2
    at.button(key="report_prev").click().run()
    assert at.header[0].value == "Abandonment by queue"


def test_the_report_title_survives_presentation_mode() -> None:
    at = _page(_findings())
    at.text_input(key="report_title").input("Ops review, week 27").run()
    at.toggle(key="report_present").set_value(True).run()
    assert not at.exception
    at.toggle(key="report_present").set_value(False).run()
    assert not at.exception
    assert at.text_input(key="report_title").value == "Ops review, week 27"
