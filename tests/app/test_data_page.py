"""The Data page: upload, report, mapping, supported KPIs, quarantine download, use/reset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from kpi import ingest
from kpi.errors import MappingError, MissingDateColumn
from kpi.ingest.mapping import Mapping, OutcomeRule
from kpi.ui import mapping_view as view

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

# A PwC-shaped export (same column names as the public "Call Centre Trends" file).
PWC_LIKE = (
    b"Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,"
    b"AvgTalkDuration,Satisfaction rating\n"
    b"ID0001,Diane,2021-01-01,09:12:58,Contract related,Y,Y,109,00:02:23,3\n"
    b"ID0002,Becky,2021-01-01,09:12:58,Technical Support,Y,N,70,00:04:02,3\n"
    b"ID0003,Stewart,2021-01-01,09:47:31,Contract related,N,N,,,\n"
    b"ID0004,Greg,2021-01-02,10:00:00,Payment related,Y,Y,-5,00:01:00,=HYPERLINK(1)\n"
    b"ID0005,Greg,2021-01-02,10:05:00,Payment related,Y,Y,30,00:03:00,4\n"
)


def _page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "data_page.py"), default_timeout=90)


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    return "\n".join(str(p) for p in parts)


def test_pwc_like_upload_shows_report_mapping_and_kpis() -> None:
    at = _page().run()
    assert not at.exception
    at.file_uploader(key="data_upload").upload("calls.csv", PWC_LIKE, "text/csv")
    at.run()
    assert not at.exception
    assert not at.error
    text = _text(at)
    # 5 rows: one negative speed of answer quarantined (the "=HYPERLINK" row).
    assert "Read 5 rows from calls.csv: kept 4, quarantined 1" in text
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Rows read": "5", "Rows kept": "4", "Rows set aside": "1"}
    assert "preset: pwc" in text
    assert "**Available:**" in text
    assert at.dataframe  # preview, fill rates, reasons
    # "Use this data" makes the upload the session's dataset.
    at.button(key="data_use").click()
    at.run()
    assert not at.exception
    assert at.success[0].value == "Every page now uses calls.csv (4 rows)."
    ds = at.session_state["kpi_dataset"]
    assert ds.n_rows == 4 and ds.name == "calls.csv"
    assert ds.frame["talk_seconds"].tolist()[:2] == [143.0, 242.0]
    # And back to the sample.
    at.button(key="data_reset").click()
    at.run()
    assert not at.exception
    assert "kpi_dataset" not in at.session_state


def test_bad_file_shows_one_sentence_and_no_exception() -> None:
    at = _page().run()
    at.file_uploader(key="data_upload").upload(
        "binary_renamed.csv", (DATA / "bad" / "binary_renamed.csv").read_bytes(), "text/csv"
    )
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "'binary_renamed.csv' is not a text file (it contains binary data): export the data as "
        "CSV, TSV, Excel (.xlsx, .xls), Parquet or JSON lines."
    ]


def test_undated_daily_file_asks_for_the_first_day() -> None:
    at = _page().run()
    at.file_uploader(key="data_upload").upload(
        "daily.csv",
        b"Incoming Calls,Answered Calls,Abandoned Calls\n100,90,10\n120,110,10\n",
        "text/csv",
    )
    at.run()
    assert not at.exception
    assert "has no date column" in at.error[0].value
    at.date_input(key="data_first_day").set_value("2024-01-01")
    at.run()
    assert not at.exception and not at.error
    assert "Read 2 rows from daily.csv: kept 2, quarantined 0." in _text(at)


def test_mapping_edit_is_applied() -> None:
    at = _page().run()
    at.file_uploader(key="data_upload").upload("calls.csv", PWC_LIKE, "text/csv")
    at.run()
    # The editor's Apply stores the edited mapping; unmapping csat drops it from the dataset.
    state_key = "data_page_mapping"
    from kpi import ingest

    result = at.session_state["data_page_import"][1]
    at.session_state[state_key] = result.mapping.with_field("csat", None).to_dict()
    at.run()
    assert not at.exception
    assert "csat" not in at.session_state["data_page_import"][1].dataset.frame.columns
    assert isinstance(result, ingest.ImportResult)


# --- Issue 16 (the mapping, visible and portable) and issue 18 item 1 ----------------------
# Day-first dates (13/01 can only be 13 January), a separate time column, unit-suffixed
# durations and an outcome column: 4 calls, 1 answered, 2 abandoned, 1 voicemail.
DAY_FIRST = (
    b"Date,Time,Call ID,Wait Time (s),Talk Time (s),Outcome\n"
    b"06/01/2025,09:00:00,1,10,100,ANSWERED\n"
    b"13/01/2025,09:05:00,2,20,200,ABANDONED\n"
    b"20/01/2025,09:10:00,3,30,,ABANDONED\n"
    b"27/01/2025,09:15:00,4,40,120,VOICEMAIL\n"
)
# No column the importer recognises as the start time; two that look like dates.
UNDATED = (
    b"Ref,Logged,Closed,Wait Time (s)\n"
    b"A,2024-03-01 09:00,2024-03-01 09:30,10\n"
    b"B,2024-03-02 10:00,2024-03-02 10:20,20\n"
    b"C,2024-03-02 11:00,2024-03-02 11:05,30\n"
)
ABANDONMENT = "Abandonment rate with these rules: **{}** ({} abandoned of {} offered contacts)."


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="data_upload").upload(name, data, "text/csv")
    return at.run()


def _result(at: AppTest) -> ingest.ImportResult:
    return at.session_state["data_page_import"][1]


def _edit(at: AppTest, key: str, rows: dict[int, dict[str, str]]) -> AppTest:
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_day_first_file_states_its_date_order_and_the_override_reimports() -> None:
    at = _upload(_page().run(), "day.csv", DAY_FIRST)
    assert not at.exception and not at.error
    text = _text(at)
    sentence = (
        "'Date': read day-first (13/01/2025 = 13 January 2025): 3 values have a first field over 12"
    )
    assert f"**Date order** — {sentence}" in text
    frame = _result(at).dataset.frame
    assert [str(t) for t in frame["start_time"]] == [
        "2025-01-06 09:00:00",
        "2025-01-13 09:05:00",
        "2025-01-20 09:10:00",
        "2025-01-27 09:15:00",
    ]
    # Per field: the column chosen and why, in plain words (unit from the header, samples).
    evidence = at.dataframe[0].value.set_index("Field")
    assert evidence.loc["Wait time", "Column in your file"] == "Wait Time (s)"
    assert evidence.loc["Wait time", "Why this column"] == (
        "Its header matches the usual name “Wait Time”; the header gives the unit (seconds)"
    )
    assert evidence.loc["Wait time", "Sample values"] == "10, 20, 30"
    assert evidence.loc["Start time", "Why this column"] == (
        "The day from 'Date' and the time of day from 'Time'"
    )
    # The override imports again month-first: 06/01/2025 is then 1 June.
    at.selectbox(key="data_date_order_start_time").set_value(view.ORDER_LABELS["mdy"]).run()
    assert not at.exception
    assert at.session_state["data_page_mapping"]["fields"]["start_time"]["date_order"] == "mdy"
    assert str(_result(at).dataset.frame["start_time"].iloc[0]) == "2025-06-01 09:00:00"
    assert (
        "**Date order** — 'Date': read month-first (06/01/2025 = 1 June 2025), as the mapping "
        "says (date_order)"
    ) in _text(at)
    assert at.selectbox(key="data_date_order_start_time").value == view.ORDER_LABELS["mdy"]


def test_editing_an_outcome_rule_changes_abandonment() -> None:
    at = _upload(_page().run(), "day.csv", DAY_FIRST)
    # Voicemail counts as offered, neither answered nor abandoned: 2 of 4 abandoned.
    assert ABANDONMENT.format("50.0%", 2, 4) in _text(at)
    rules = at.data_editor(key="data_outcome_editor").value
    assert rules.to_dict("list") == {
        "Value in the file": ["ANSWERED", "ABANDONED", "VOICEMAIL"],
        "Means": [
            view.OUTCOME_LABELS["answered"],
            view.OUTCOME_LABELS["abandoned"],
            view.OUTCOME_LABELS["voicemail"],
        ],
    }
    # VOICEMAIL -> abandoned: 3 of 4.
    at = _edit(at, "data_outcome_editor", {2: {"Means": view.OUTCOME_LABELS["abandoned"]}})
    assert not at.exception and not at.error
    assert ABANDONMENT.format("75.0%", 3, 4) in _text(at)
    assert _result(at).dataset.frame["abandoned"].tolist() == [False, True, True, True]
    assert at.session_state["data_page_mapping"]["outcome"]["values"]["VOICEMAIL"] == "abandoned"
    # Then ANSWERED -> ignore: the answered call counts in no rate, 3 of 3 are abandoned.
    at = _edit(at, "data_outcome_editor", {0: {"Means": view.OUTCOME_LABELS["ignore"]}})
    assert ABANDONMENT.format("100.0%", 3, 3) in _text(at)


def test_mapping_downloads_and_uploads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, bytes] = {}
    load = MemoryMediaFileStorage.load_and_get_id

    def spy(self: MemoryMediaFileStorage, data: bytes | str, mimetype: str, kind: object, filename: str | None = None) -> str:  # fmt: skip
        if filename and isinstance(data, bytes):
            served[filename] = data
        return load(self, data, mimetype, kind, filename)  # type: ignore[arg-type]

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    at = _upload(_page().run(), "day.csv", DAY_FIRST)
    at = _edit(at, "data_outcome_editor", {2: {"Means": view.OUTCOME_LABELS["abandoned"]}})
    assert ABANDONMENT.format("75.0%", 3, 4) in _text(at)
    download = served["kpi_mapping.json"]
    saved = json.loads(download)
    assert saved["outcome"] == {
        "source": "Outcome",
        "values": {"ANSWERED": "answered", "ABANDONED": "abandoned", "VOICEMAIL": "abandoned"},
    }
    assert saved["fields"]["wait_seconds"] == {"source": "Wait Time (s)", "unit": "s"}
    assert "header 'Wait Time (s)' matches 'Wait Time'" in saved["evidence"]["wait_seconds"]
    # Back to the automatic mapping: voicemail is not abandoned again.
    at.button(key="data_mapping_reset").click().run()
    assert ABANDONMENT.format("50.0%", 2, 4) in _text(at)
    # Loading the saved file gives the edited rule back, and the table says where it came from.
    at.file_uploader(key="data_mapping_upload").upload(
        "kpi_mapping.json", download, "application/json"
    )
    at.run()
    assert not at.exception and not at.error
    assert ABANDONMENT.format("75.0%", 3, 4) in _text(at)
    evidence = at.dataframe[0].value.set_index("Field")
    assert evidence.iloc[-1]["Why this column"] == "Set in the mapping file you loaded"
    assert evidence.loc["Wait time", "Sample values"] == "10, 20, 30"  # unchanged: still shown


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "'bad.json': The mapping file is not valid JSON"),
        (
            b'{"fields": {"talk_minutes": "Talk"}}',
            "'bad.json': The mapping file maps to 'talk_minutes', which is not a column of the "
            "interactions table",
        ),
        (
            b'{"fields": {}, "outcome": {"source": "Outcome", "values": {"X": "lost"}}}',
            "'bad.json': The mapping file: outcome value 'X' is given the meaning 'lost'",
        ),
    ],
)
def test_a_bad_mapping_file_gets_one_clear_sentence(content: bytes, message: str) -> None:
    at = _upload(_page().run(), "day.csv", DAY_FIRST)
    at.file_uploader(key="data_mapping_upload").upload("bad.json", content, "application/json")
    at.run()
    assert not at.exception
    assert [e.value for e in at.error if e.value.startswith(message)], [e.value for e in at.error]
    assert "Read 4 rows from day.csv: kept 4" in _text(at)  # the import stays as it was


def test_no_date_column_names_the_candidate_and_the_one_click_fix_works() -> None:
    at = _upload(_page().run(), "tickets.csv", UNDATED)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "'tickets.csv' has no column the importer recognises as the start time: 'Logged' looks "
        "like dates — use it as the start time (other candidates: 'Closed')."
    ]
    fix = at.selectbox(key="data_fix_date_column")
    assert (fix.value, fix.options) == ("Logged", ["Logged", "Closed"])
    at.button(key="data_fix_date_apply").click().run()
    assert not at.exception and not at.error
    assert "Read 3 rows from tickets.csv: kept 3, quarantined 0." in _text(at)
    frame = _result(at).dataset.frame
    assert [str(t) for t in frame["start_time"]] == [
        "2024-03-01 09:00:00",
        "2024-03-02 10:00:00",
        "2024-03-02 11:00:00",
    ]
    assert frame["wait_seconds"].tolist() == [10.0, 20.0, 30.0]  # the rest of the auto-mapping
    evidence = at.dataframe[0].value.set_index("Field")
    assert evidence.loc["Start time", "Why this column"] == "Chosen on this page"


def test_the_import_report_stays_after_a_page_switch_and_back() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/data_page.py").run()
    at = _upload(at, "day.csv", DAY_FIRST)
    at.selectbox(key="data_shape").set_value("one contact").run()
    at.button(key="data_use").click().run()
    assert at.success[0].value == "Every page now uses day.csv (4 rows)."
    at.switch_page("pages/report_page.py").run()
    at.switch_page("pages/data_page.py").run()
    assert not at.exception
    text = _text(at)
    assert "Read 4 rows from day.csv: kept 4, quarantined 0." in text
    assert "The import of day.csv, the data every page uses now." in text
    assert not [i for i in at.info if "Until you load a file" in i.value]
    assert at.selectbox(key="data_shape").value == "one contact"  # the choice behind the data
    assert _result(at).dataset is at.session_state["kpi_dataset"]  # not imported again
    # Edits still work on the remembered files.
    at = _edit(at, "data_outcome_editor", {2: {"Means": view.OUTCOME_LABELS["abandoned"]}})
    assert ABANDONMENT.format("75.0%", 3, 4) in _text(at)
    # "Back to the sample" forgets it.
    at.button(key="data_reset").click().run()
    assert [i.value for i in at.info] == [
        "Until you load a file, every page uses the bundled sample contact center."
    ]


def test_unit_edit_reimports_in_that_unit() -> None:
    at = _upload(_page().run(), "day.csv", DAY_FIRST)
    units = at.data_editor(key="data_units_editor").value
    assert units.to_dict("list") == {
        "Field": ["Wait time", "Talk time"],
        "Column in your file": ["Wait Time (s)", "Talk Time (s)"],
        "Unit": ["seconds", "seconds"],
    }
    at = _edit(at, "data_units_editor", {1: {"Unit": view.UNIT_LABELS["min"]}})
    assert not at.exception
    talk = _result(at).dataset.frame["talk_seconds"].tolist()
    assert talk[:2] == [6000.0, 12000.0] and talk[3] == 7200.0


def test_monthly_report_shows_its_grain_and_the_override() -> None:
    monthly = b"Month,Inbound Calls,Abandoned Calls\nApr 2024,100,10\nMay 2024,200,30\n"
    at = _upload(_page().run(), "monthly.csv", monthly)
    assert not at.exception and not at.error
    assert (
        "**Period of each row** — Each row summarises a month (detected from the dates). "
        "Every page works at that grain or a coarser one."
    ) in _text(at)
    at.selectbox(key="data_grain").set_value(view.GRAIN_LABELS["quarter"]).run()
    assert not at.exception
    assert _result(at).report.grain == "quarter"
    assert "Each row summarises a quarter (set in the mapping)" in _text(at)


# --- the helpers behind the page ------------------------------------------------------------
def test_evidence_says_where_an_edited_field_comes_from() -> None:
    auto = Mapping("interactions").with_field("wait_seconds", "Q", unit="s")
    evidence = {"wait_seconds": "f.csv: header 'Q' matches 'q_time'; sample values: 1, 2"}
    edited = auto.with_field("talk_seconds", "T")
    table = view.evidence_table(edited, auto, evidence, "edited", ["f.csv"])
    assert table.values.tolist() == [
        ["Wait time", "Q", "Its header matches the usual name “q_time”", "seconds", "1, 2"],
        ["Talk time", "T", "Chosen on this page", "detect from the header and values", ""],
    ]


def test_rule_and_columns_round_trip_and_refuse_bad_edits() -> None:
    rule = OutcomeRule("Outcome", (("AGENT", "answered"), ("HANG", "abandoned")))
    table = view.outcome_table(rule)
    assert view.rule_from_table(rule, table) == rule
    table.loc[1, "Means"] = "lost"
    with pytest.raises(MappingError, match="'lost' is not a meaning for the outcome value 'HANG'"):
        view.rule_from_table(rule, table)
    m = Mapping("interactions").with_field("start_time", ("Date", "Time"), date_order="dmy")
    cols = view.column_table(m)
    assert view.columns_from_table(m, cols) == m  # unchanged: the date order is kept
    cols.loc[cols["Field"] == "Queue", "Column in your file"] = "Skill"
    assert view.columns_from_table(m, cols).get("queue").source == ("Skill",)  # type: ignore[union-attr]
    cols.loc[cols["Field"] == "Queue", "Column in your file"] = "A + B + C"
    with pytest.raises(MappingError, match="names 3 columns"):
        view.columns_from_table(m, cols)


def test_missing_date_message_uses_the_typed_error() -> None:
    err = MissingDateColumn(
        "any wording", file="m.csv", target="date", candidates=("Period", "Week")
    )
    assert view.missing_date_message(err) == (
        "'m.csv' has no column the importer recognises as the date (period start): 'Period' "
        "looks like dates — use it as the date (period start) (other candidates: 'Week')."
    )
    assert view.missing_date_message(MissingDateColumn("as is", target="date")) == "as is"
    with pytest.raises(MappingError, match="too large to be a mapping file"):
        view.read_mapping_file(b" " * 1_000_001, "big.json")


# ---------------------------------------------------------------------------------------------
# the team's data lake (a server-side Parquet source, KPI_LAB_SOURCES)

SAMPLE = ROOT / "sample_data" / "contacts.parquet"


@pytest.fixture(scope="module")
def lake_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A root holding the sample as a month-partitioned lake, and a link out of the root."""
    import duckdb

    base = tmp_path_factory.mktemp("lakeapp")
    (base / "lake").mkdir()
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT *, strftime(start_time, '%Y-%m') AS month FROM '{SAMPLE}') "
        f"TO '{base / 'lake' / 'contacts'}' (FORMAT parquet, PARTITION_BY (month))"
    )
    con.close()
    (base / "secret").mkdir()
    (base / "secret" / "x.parquet").write_bytes(b"PAR1")
    (base / "lake" / "leaky").mkdir()
    (base / "lake" / "leaky" / "other").symlink_to(base / "secret")
    (base / "lake" / "escape").symlink_to(base / "secret")
    return base


def _lake_env(monkeypatch: pytest.MonkeyPatch, root: Path, **extra: object) -> None:
    config = {"parquet_roots": {"team": str(root / "lake")}, **extra}
    monkeypatch.setenv("KPI_LAB_SOURCES", json.dumps(config))


def test_a_lake_range_becomes_the_data_every_page_uses(
    monkeypatch: pytest.MonkeyPatch, lake_root: Path
) -> None:
    import datetime as dt

    _lake_env(monkeypatch, lake_root)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/data_page.py").run()
    assert not at.exception and not at.error
    assert at.selectbox(key="data_source_root").options == ["team"]
    # The link out of the root is not offered; the folder holding one is, and refused on use.
    assert at.selectbox(key="data_source_dataset").options == ["contacts", "leaky"]
    at.selectbox(key="data_source_dataset").set_value("leaky").run()
    assert "leaky/other leads outside the data source" in at.error[0].value
    at.selectbox(key="data_source_dataset").set_value("contacts").run()
    assert not at.error
    at.date_input(key="data_source_dates").set_value((dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    at.button(key="data_source_use").click().run()
    assert not at.exception and not at.error
    name = "team/contacts, 01 Feb 2026 – 28 Feb 2026"
    assert at.success[0].value == f"Every page now uses {name}."
    assert "Read 30,253 rows, kept 30,253, quarantined 0." in _text(at)
    assert {m.label: m.value for m in at.metric} == {
        "Rows in the range": "30,253", "Rows kept": "30,253", "Rows set aside": "0"
    }  # fmt: skip
    assert not [i for i in at.info if "Until you load a file" in i.value]
    at.switch_page("pages/overview_page.py").run()
    assert not at.exception
    assert f"**{name}** · 30,253 contacts · 01 Feb 2026 – 28 Feb 2026" in _text(at)
    assert at.session_state["kpi_dataset"].n_rows == 30_253


def test_a_range_over_the_cap_says_what_to_do_and_loads_nothing(
    monkeypatch: pytest.MonkeyPatch, lake_root: Path
) -> None:
    _lake_env(monkeypatch, lake_root, max_rows=10_000)
    at = _page().run()
    assert "at most 10,000 rows" in _text(at)
    at.button(key="data_source_use").click().run()  # the default: the last four weeks
    assert not at.exception
    assert "more than the 10,000 this app loads at once" in at.error[0].value
    assert "kpi compute PATH" in at.error[0].value
    assert "kpi_dataset" not in at.session_state or at.session_state["kpi_dataset"] is None


def test_no_source_configured_shows_nothing_new(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KPI_LAB_SOURCES", raising=False)
    at = _page().run()
    assert not at.exception
    assert not [s for s in at.subheader if "data lake" in s.value]
    assert not [w for w in at.selectbox if str(w.key).startswith("data_source")]
