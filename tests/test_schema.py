"""kpi.schema: the canonical columns are the one source of truth."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi import schema

ROOT = Path(__file__).resolve().parents[1]


def test_required_columns() -> None:
    assert schema.INTERACTION_REQUIRED == ("contact_id", "start_time")
    assert schema.AGGREGATE_REQUIRED == ("date",)


def test_ranges_of_survey_scales() -> None:
    assert (schema.column("csat").minimum, schema.column("csat").maximum) == (1, 5)
    assert (schema.column("nps").minimum, schema.column("nps").maximum) == (0, 10)
    assert (schema.column("ces").minimum, schema.column("ces").maximum) == (1, 7)
    for name in schema.DURATION_COLUMNS:
        assert schema.column(name).minimum == 0, name


def test_detect_shape() -> None:
    assert schema.detect_shape(["contact_id", "start_time"]) == "interactions"
    assert schema.detect_shape(["date", "offered"]) == "aggregated"
    with pytest.raises(ValueError, match="no timestamp column"):
        schema.detect_shape(["queue"])


def test_out_of_range_flags_exactly_the_bad_values() -> None:
    frame = pd.DataFrame(
        {
            "start_time": pd.to_datetime(["2026-01-01"] * 5),
            "csat": [1, 5, 6, np.nan, 0],
            "talk_seconds": [0.0, -1.0, 10.0, np.inf, np.nan],
        }
    )
    flags = schema.out_of_range(frame)
    assert flags["csat"].tolist() == [False, False, True, False, True]
    assert flags["talk_seconds"].tolist() == [False, True, False, True, False]


def test_coerce_casts_and_drops_unknown_columns() -> None:
    frame = pd.DataFrame(
        {
            "contact_id": [1, 2],
            "start_time": ["2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"],
            "answered": [True, False],
            "wait_seconds": ["12", "x"],
            "extra": [1, 2],
        }
    )
    out = schema.coerce(frame)
    assert list(out.columns) == ["contact_id", "start_time", "wait_seconds", "answered"]
    assert str(out["start_time"].dtype) == "datetime64[ns]"
    assert out["wait_seconds"].iloc[0] == 12.0 and np.isnan(out["wait_seconds"].iloc[1])
    assert str(out["answered"].dtype) == "boolean"
    assert out["contact_id"].tolist() == ["1", "2"]


def test_empty_frame_has_canonical_dtypes() -> None:
    empty = schema.empty_frame()
    assert list(empty.columns) == [c.name for c in schema.INTERACTION_COLUMNS]
    assert str(empty["csat"].dtype) == "float64"


def _literal_lists_of_canonical_names(path: Path, names: set[str]) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            strings = {
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
            if len(strings & names) >= 12:
                lines.append(node.lineno)
    return lines


def test_canonical_column_list_is_spelled_out_only_in_schema() -> None:
    # A literal list/tuple of 12+ canonical names anywhere but kpi/schema.py is a second copy.
    names = {c.name for c in schema.INTERACTION_COLUMNS}
    sources = [
        *ROOT.joinpath("kpi").rglob("*.py"),
        *ROOT.joinpath("pages").glob("*.py"),
        ROOT / "app.py",
    ]
    offenders = {
        str(p.relative_to(ROOT)): lines
        for p in sources
        if p.name != "schema.py" and (lines := _literal_lists_of_canonical_names(p, names))
    }
    assert offenders == {}


def test_the_copy_detector_finds_a_copy(tmp_path: Path) -> None:
    fake = tmp_path / "fake.py"
    fake.write_text("COLS = " + repr(tuple(c.name for c in schema.INTERACTION_COLUMNS)))
    assert _literal_lists_of_canonical_names(
        fake, {c.name for c in schema.INTERACTION_COLUMNS}
    ) == [1]


def test_mapping_json_schema_lists_every_transform() -> None:
    # docs/mapping.schema.json is written by hand: it must offer exactly the transforms the
    # importer reads (it once lacked "sum").
    from kpi.ingest.mapping import TRANSFORMS

    text = json.loads((ROOT / "docs" / "mapping.schema.json").read_text())
    found: list[list[str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "transform" in node and isinstance(node["transform"], dict):
                found.append(node["transform"].get("enum", []))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(text)
    assert found and all(sorted(e) == sorted(TRANSFORMS) for e in found), found
