"""The Data page: upload, report, mapping, supported KPIs, quarantine download, use/reset."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

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
        "CSV, TSV, Excel (.xlsx), Parquet or JSON lines."
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
