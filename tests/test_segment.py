"""kpi.segment: the Segment value object and the one list of segment columns."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.errors import AnalysisError
from kpi.segment import SEGMENT_COLUMNS, Segment, as_segment, column_label


def test_parse_accepts_spaces_and_round_trips() -> None:
    s = Segment.parse("queue=Billing")
    assert s == Segment("queue", "Billing")
    assert Segment.parse("queue = Billing") == s
    assert Segment.parse(" team=A=B ") == Segment("team", "A=B")  # only the first "=" splits
    assert str(s) == "queue=Billing"
    assert Segment.parse(str(s)) == s
    assert s.label() == "Queue: Billing"
    assert Segment("agent_id", "a7").label() == "Agent: a7"
    assert hash(s) == hash(Segment("queue", " Billing "))


@pytest.mark.parametrize("bad", ["queue", "=Billing", "queue=", "", "  =  "])
def test_bad_segments_raise_a_clear_error(bad: str) -> None:
    with pytest.raises(AnalysisError, match="queue=Billing"):
        Segment.parse(bad)


def test_as_segment_at_the_boundary() -> None:
    assert as_segment(None) is None and as_segment("  ") is None
    assert as_segment("channel = chat") == Segment("channel", "chat")
    seg = Segment("queue", "Billing")
    assert as_segment(seg) is seg
    with pytest.raises(AnalysisError):
        as_segment(3)  # type: ignore[arg-type]


def test_mask_selects_the_rows_and_names_a_missing_column() -> None:
    f = pd.DataFrame({"queue": ["Billing", "Tech", " Billing", None]})
    assert Segment("queue", "Billing").mask(f).fillna(False).tolist() == [True, False, True, False]
    with pytest.raises(AnalysisError, match="no 'team' column"):
        Segment("team", "A").mask(f)


def test_segment_columns_are_the_schema_columns() -> None:
    from kpi import schema

    assert SEGMENT_COLUMNS == ("queue", "channel", "topic", "agent_id", "team", "direction")
    assert set(SEGMENT_COLUMNS) == set(schema.SEGMENT_COLUMNS)
    assert [column_label(c) for c in SEGMENT_COLUMNS[:4]] == ["Queue", "Channel", "Topic", "Agent"]
    assert column_label("business_unit") == "Business unit"
