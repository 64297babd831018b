"""Help-desk ticket KPIs (issue 16, item 8): resolution time, SLA compliance by priority, backlog.

Each KPI is one registry entry (``kpi/metrics/tickets.py``); these tests are its other half.
Every expected value is hand-computed from the six tickets below.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kpi.engine import compute
from kpi.metrics import KPIS, Settings, available_kpis
from kpi.schema import coerce

H = 3600.0


@pytest.fixture
def tickets() -> pd.DataFrame:
    """Six tickets over 2-6 March 2026; the data ends at f's creation (6 March 09:00).

    a urgent  answered in 0.5 h (target 1 h: met)   solved in 2 h  (target 4 h: met)
    b high    answered in 5 h   (target 4 h: missed) solved in 10 h (target 24 h: met)
    c normal  open, never answered: 72 h old at the end (> 8 h: a response breach; = 72 h, not
              past the resolution target: not judged yet)
    d low     answered in 1 h (24 h: met)          solved in 48 h (120 h: met), on 6 March 09:00
    e none    answered in 10 min (normal 8 h: met); closed with no solved time
    f P1      open, created at the data's end: not judged on either SLA yet
    """
    f = pd.DataFrame(
        {
            "contact_id": list("abcdef"),
            "start_time": pd.to_datetime(
                [
                    "2026-03-02 09:00",
                    "2026-03-02 10:00",
                    "2026-03-03 09:00",
                    "2026-03-04 09:00",
                    "2026-03-05 09:00",
                    "2026-03-06 09:00",
                ]
            ),
            "priority": ["Urgent", "high", "normal", "low", None, "P1"],
            "status": ["solved", "solved", "open", "solved", "closed", "open"],
            "first_response_seconds": [0.5 * H, 5 * H, np.nan, 1 * H, 600.0, np.nan],
            "resolution_seconds": [2 * H, 10 * H, np.nan, 48 * H, np.nan, np.nan],
        }
    )
    return coerce(f, "interactions")


def test_resolution_time_mean_and_median(tickets):
    t = compute(tickets, kpis=["resolution_time", "resolution_time_median"], grain="all")
    # Solved tickets a, b, d: 2 h, 10 h, 48 h.
    assert t.value("resolution_time") == pytest.approx((2 + 10 + 48) * H / 3)
    assert t.value("resolution_time_median") == pytest.approx(10 * H)
    assert KPIS["resolution_time"].format(t.value("resolution_time")) == "20.0 h"


def test_sla_compliance_by_priority(tickets):
    t = compute(tickets, kpis=["response_sla", "resolution_sla"], grain="all")
    r = t.frame.set_index("kpi")
    # Response: a, d, e met; b missed; c unanswered 72 h > 8 h (breach); f not judged yet.
    assert (r.loc["response_sla", "numerator"], r.loc["response_sla", "denominator"]) == (3, 5)
    # Resolution: a, b, d met; c exactly at its 72 h target and f fresh: not judged; e closed
    # without a time: left out and counted.
    assert (r.loc["resolution_sla", "numerator"], r.loc["resolution_sla", "denominator"]) == (3, 3)
    assert "1 open ticket without a first response" in t.notes["response_sla"]
    assert "1 closed ticket with no resolution time left out" in t.notes["resolution_sla"]
    assert t.excluded["resolution_sla"] == 1
    assert "urgent 1 h, high 4 h, normal 8 h, low 24 h" in t.describe("response_sla")


def test_sla_targets_are_settings(tickets):
    # A 6 h high-priority response target makes b (5 h) compliant: 4 of 5.
    s = Settings(sla_response_high_hours=6)
    t = compute(tickets, kpis=["response_sla"], grain="all", settings=s)
    assert t.value("response_sla") == pytest.approx(4 / 5)
    # A 71 h normal resolution target makes the open c (72 h old) a breach: 3 of 4.
    s = Settings(sla_resolution_normal_hours=71)
    assert compute(tickets, kpis=["resolution_sla"], grain="all", settings=s).value(
        "resolution_sla"
    ) == pytest.approx(3 / 4)


def test_backlog_is_open_at_each_period_end(tickets):
    t = compute(tickets, kpis=["backlog", "contacts"], grain="day")
    b = t.frame.loc[t.frame["kpi"] == "backlog"].set_index("period")["value"]
    # 2 Mar: a and b solved the same day -> 0; 3 Mar: c -> 1; 4 Mar: c, d -> 2; 5 Mar: e is
    # closed with no solved time (left out) -> 2; 6 Mar: d solved, f opened -> c, f = 2.
    assert b.tolist() == [0, 1, 2, 2, 2]
    assert t.excluded["backlog"] == 1 and "closed status" in t.notes["backlog"]
    assert compute(tickets, kpis=["backlog"], grain="all").value("backlog") == 2
    # A range still sees tickets opened before it: on 4 Mar, c (opened 3 Mar) is open.
    ranged = compute(tickets, kpis=["backlog"], grain="day", start="2026-03-04", end="2026-03-04")
    assert ranged.value("backlog", "2026-03-04") == 2
    assert "Level at the end of each day" in t.describe("backlog")


def test_backlog_from_solved_timestamps_and_by_segment(tickets):
    solved = tickets["start_time"] + pd.to_timedelta(tickets["resolution_seconds"], unit="s")
    f = tickets.drop(columns="resolution_seconds").assign(solved_time=solved)
    t = compute(f, kpis=["backlog", "resolution_time"], grain="day", by="status")
    assert t.value("backlog", "2026-03-04", status="open") == 1  # c
    assert t.value("backlog", "2026-03-04", status="solved") == 1  # d
    assert t.value("resolution_time", "2026-03-02", status="solved") == pytest.approx(6 * H)


def test_ticket_kpis_are_optional_on_a_contact_log():
    calls = coerce(
        pd.DataFrame(
            {
                "contact_id": ["1", "2"],
                "start_time": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 11:00"]),
            }
        )
    )
    t = compute(calls, grain="all")
    assert not any(k in t.unavailable for k in ("backlog", "resolution_time", "response_sla"))
    asked = compute(calls, kpis=["backlog", "response_sla"], grain="all")
    assert asked.unavailable["backlog"] == "missing column resolution_seconds or solved_time"
    assert "priority" in asked.unavailable["response_sla"]
    av = available_kpis(["start_time", "first_response_seconds", "priority"])
    assert av["response_sla"] == () and av["resolution_sla"] == ("resolution_seconds|solved_time",)
