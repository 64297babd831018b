"""The importer: real public datasets, vendor-shaped exports, a bad-file corpus, row accounting."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi import ingest
from kpi.errors import DataError, KpiLabError, MappingError

DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"
VENDORS = DATA / "vendors"
GOOD = DATA / "good"

PWC = "pwc_calls/01 Call-Center-Dataset.xlsx"
C311 = "city_311_daily/3-1-1-contact-centre-metrics-{}.xlsx"
CCD_DATED = "call_center_daily/Call Center Data.sarima_dated.csv"
CCD_UNDATED = "call_center_daily/Call Center Data.vestineo.csv"


def _accounted(result: ingest.ImportResult) -> None:
    r = result.report
    assert r.rows_read == r.rows_kept + r.rows_quarantined
    assert len(r.quarantine) == r.rows_quarantined
    assert result.dataset.n_rows == r.rows_kept - r.rows_joined


# --- the public datasets (../shared/data/README.md quotes the figures) ---------------------


@pytest.fixture(scope="module")
def pwc(shared_data: Path) -> ingest.ImportResult:
    return ingest.read_files([shared_data / PWC])


def test_pwc_imports_without_mapping_and_reproduces_published_figures(pwc) -> None:
    f = pwc.dataset.frame
    _accounted(pwc)
    assert pwc.report.rows_quarantined == 0 and pwc.report.rows_read == 5000
    assert pwc.mapping.preset == "pwc"
    # Published: 4,054 answered, 946 abandoned, 3,646 resolved, ASA 67.52 s, CSAT 3.40.
    assert int(f["answered"].sum()) == 4054
    assert int(f["abandoned"].sum()) == 946
    assert int(f["resolved"].sum()) == 3646
    assert f.loc[f["answered"].fillna(False), "wait_seconds"].mean() == pytest.approx(
        67.52, abs=0.005
    )
    assert f["csat"].mean() == pytest.approx(3.40, abs=0.005)
    # Date + Time combined; HH:MM:SS talk time read as seconds (ID0001: 00:02:23).
    first = f.iloc[0]
    assert first["start_time"] == pd.Timestamp("2021-01-01 09:12:58")
    assert first["talk_seconds"] == 143.0
    # Abandoned calls have empty speed/talk/rating: not an error.
    assert f.loc[f["abandoned"].fillna(False), "wait_seconds"].isna().all()
    # Monthly answer rate 82.1% / 80.3% / 80.7% (README).
    monthly = f.groupby(f["start_time"].dt.month)["answered"].mean().round(3).tolist()
    assert monthly == [0.821, 0.803, 0.807]


def test_pwc_through_engine_when_available(pwc) -> None:
    engine = pytest.importorskip("kpi.engine")
    try:
        table = engine.compute(pwc.dataset, kpis=["asa", "abandonment_rate", "csat"], grain="all")
    except Exception as err:  # the engine is another helper's; report instead of failing here
        pytest.skip(f"kpi.engine not usable yet: {err}")
    assert table.value("asa") == pytest.approx(67.52, abs=0.005)
    assert table.value("abandonment_rate") == pytest.approx(946 / 5000, abs=1e-9)
    assert table.value("csat") == pytest.approx(3.40, abs=0.005)


def test_311_daily_files_append_and_match_published_totals(shared_data: Path) -> None:
    result = ingest.read_files([shared_data / C311.format(2023), shared_data / C311.format(2024)])
    _accounted(result)
    ds = result.dataset
    assert ds.shape == "aggregated" and ds.n_rows == 365 + 213
    y = ds.frame[ds.frame["date"].dt.year == 2023]
    # Over all days (README): offered 400,896, handled 377,605, abandoned 19,661.
    assert y["offered"].sum() == 400_896
    assert y["answered"].sum() == 377_605
    assert y["abandoned"].sum() == 19_661
    # ASA 48.21 s plain mean of days vs 52.96 s weighted by calls handled.
    assert y["asa_seconds"].mean() == pytest.approx(48.21, abs=0.005)
    weighted = (y["asa_seconds"] * y["answered"]).sum() / y["answered"].sum()
    assert weighted == pytest.approx(52.96, abs=0.005)
    # Weekdays only (the third-party analysis): offered 356,598, ASA 53.06 s.
    wk = y[y["date"].dt.day_of_week < 5]
    assert wk["offered"].sum() == 356_598
    assert wk["asa_seconds"].mean() == pytest.approx(53.06, abs=0.005)
    assert any("third outcome" in w for w in result.report.warnings)


def test_call_center_daily_dated_matches_published(shared_data: Path) -> None:
    result = ingest.read_files([shared_data / CCD_DATED])
    _accounted(result)
    f = result.dataset.frame
    assert result.dataset.shape == "aggregated" and len(f) == 1251
    assert f["offered"].sum() == 248_373
    # Pooled abandonment 10.93%; ASA 24.9 s plain vs 29.8 s weighted; SL20 66.77% weighted.
    assert f["abandoned"].sum() / f["offered"].sum() == pytest.approx(0.1093, abs=5e-5)
    assert f["asa_seconds"].mean() == pytest.approx(24.9, abs=0.05)
    assert (f["asa_seconds"] * f["answered"]).sum() / f["answered"].sum() == pytest.approx(
        29.8, abs=0.05
    )
    assert (f["service_level"] * f["answered"]).sum() / f["answered"].sum() == pytest.approx(
        0.6677, abs=5e-4
    )


def test_call_center_undated_needs_the_one_choice_it_forces(shared_data: Path) -> None:
    # The vestineo file has no date column: a clear message by default...
    with pytest.raises(ingest.MissingTimestampError, match="has no date column"):
        ingest.read_files([shared_data / CCD_UNDATED])
    # ...and the documented fallback: the user gives the first row's date (the one choice).
    result = ingest.read_files([shared_data / CCD_UNDATED], undated_start="2020-01-01")
    _accounted(result)
    f = result.dataset.frame
    dated = ingest.read_files([shared_data / CCD_DATED]).dataset.frame
    assert (f["date"].to_numpy() == dated["date"].to_numpy()).all()  # same rows, same order
    assert f["abandoned"].sum() / f["offered"].sum() == pytest.approx(0.1093, abs=5e-5)
    # hh:mm:ss averages and "76.28%" rates parsed.
    assert (f["asa_seconds"] * f["answered"]).sum() / f["answered"].sum() == pytest.approx(
        29.8, abs=0.05
    )
    assert f["service_level"].iloc[0] == pytest.approx(0.7628)
    assert any("consecutive days" in w for w in result.report.warnings)


# --- vendor-shaped exports map automatically ---------------------------------------------


def test_amazon_connect_preset_dedupes_keeping_latest_and_converts_utc() -> None:
    r = ingest.read_files([VENDORS / "amazon_connect_ctr.csv"], timezone="Europe/Paris")
    _accounted(r)
    assert r.mapping.preset == "amazon_connect"
    f = r.dataset.frame.set_index("contact_id")
    assert r.report.rows_read == 6 and r.report.rows_kept == 5 and r.report.duplicates == 1
    assert r.report.quarantine["reason"].tolist() == ["duplicate contact_id (older record)"]
    # The older c-001 (LastUpdate 08:05) comes later in the file; the 08:07 record wins.
    assert f.loc["c-001", "talk_seconds"] == 280.0
    # 08:00:05Z is 09:00:05 in Paris (UTC+1 in March before DST).
    assert f.loc["c-001", "start_time"] == pd.Timestamp("2024-03-04 09:00:05")
    # Enqueued and never connected = abandoned; connected = answered.
    assert bool(f.loc["c-002", "abandoned"]) and not bool(f.loc["c-002", "answered"])
    assert bool(f.loc["c-003", "transferred"])
    assert f.loc["c-004", "parent_contact_id"] == "c-003"
    assert f.loc["c-004", "direction"] == "inbound"


def test_genesys_aggregated_preset_reweights_totals() -> None:
    r = ingest.read_files([VENDORS / "genesys_queue_performance.csv"])
    assert r.dataset.shape == "aggregated" and r.mapping.preset == "genesys_cloud"
    f = r.dataset.frame
    # Total Talk 06:25:00 over 110 answered = 210 s average; Avg Handle 00:05:00 = 300 s.
    assert f["talk_seconds"].tolist() == [210.0, 210.0, 300.0]
    assert f["aht_seconds"].iloc[0] == 300.0
    assert f["service_level"].tolist() == pytest.approx([0.825, 0.9, 0.7])
    assert f["answered"].sum() == 251


def test_five9_preset_hms_and_leading_zero_ids() -> None:
    r = ingest.read_files([VENDORS / "five9_call_log.csv"])
    assert r.mapping.preset == "five9"
    f = r.dataset.frame
    assert f["contact_id"].tolist()[0] == "0012345"
    assert f["start_time"].iloc[0] == pd.Timestamp("2016-10-27 14:51:34")
    assert f["talk_seconds"].tolist() == [250.0, 0.0, 390.0, 180.0]
    assert f["abandoned"].tolist() == [False, True, False, False]
    assert f["answered"].tolist() == [True, False, True, True]
    assert f["transferred"].tolist() == [False, False, True, False]
    assert f["direction"].tolist() == ["inbound", "inbound", "inbound", "outbound"]


def test_zendesk_preset_minutes_and_good_bad() -> None:
    r = ingest.read_files([VENDORS / "zendesk_tickets.csv"])
    assert r.mapping.preset == "zendesk"
    f = r.dataset.frame
    assert f["first_response_seconds"].tolist() == [720.0, 5700.0, 120.0, 1800.0]
    assert f["csat"].tolist()[:2] == [5.0, 1.0] and f["csat"].iloc[2:].isna().all()
    assert pd.isna(f["end_time"].iloc[2])


def test_nice_cxone_semicolon_latin1_decimal_comma_split_datetime() -> None:
    r = ingest.read_files([VENDORS / "nice_cxone_contacts.csv"])
    assert r.mapping.preset == "nice_cxone"
    f = r.dataset.frame
    assert f["agent_id"].iloc[0] == "José Núñez"
    assert f["talk_seconds"].iloc[0] == 310.5 and f["acw_seconds"].iloc[0] == 40.5
    assert f["customer_id"].iloc[0] == "0612345678"
    # 13/03/2024 forces day-first dates.
    assert f["start_time"].tolist()[2] == pd.Timestamp("2024-03-13 14:02:10")
    assert f["abandoned"].tolist() == [False, True, False]
    assert any("Windows-1252 (Western European) (not UTF-8)" in n for n in r.report.notes)


def test_talkdesk_preset_abandon_time_is_wait() -> None:
    f = ingest.read_files([VENDORS / "talkdesk_contacts.csv"]).dataset.frame
    assert f["abandoned"].tolist() == [False, True, True, False]
    assert f["wait_seconds"].tolist()[:3] == [12.0, 65.0, 4.0]
    assert f["transferred"].tolist() == [False, False, False, True]


# --- several files: append monthly exports, join a survey, dedupe, quarantine ----------------


def test_monthly_files_append_and_survey_joins() -> None:
    files = [GOOD / "contacts_jan.csv", GOOD / "contacts_feb.csv", GOOD / "survey.csv"]
    r = ingest.read_files(files)
    _accounted(r)
    rep = r.report
    assert rep.rows_read == 3 + 4 + 4
    reasons = dict(
        zip(
            rep.quarantine["contact_id"].fillna(rep.quarantine.get("Contact ID")),
            rep.quarantine["reason"],
            strict=True,
        )
    )
    assert reasons == {
        "A3": "duplicate contact_id (older record)",  # January's copy, ended 17:09 < 17:10
        "B1": "negative wait_seconds",
        "B3": "missing or unparseable start_time",
        "B2": "csat outside its 1-5 scale",  # the survey row (CSAT 9)
        "ZZ9": "survey for a contact_id not in the contacts",
    }
    f = r.dataset.frame.set_index("contact_id")
    assert sorted(f.index) == ["A1", "A2", "A3", "B2"]
    assert f.loc["A3", "talk_seconds"] == 560.0 and f.loc["A3", "csat"] == 4.0
    assert f.loc["A1", "nps"] == 9.0
    assert rep.rows_joined == 2
    assert any("over 4 hours" in w for w in rep.warnings)  # B2 talk 17,000 s kept, flagged
    assert "B2" in f.index
    assert "quarantined 5" in rep.summary()


def test_last_occurrence_wins_without_time_keys(tmp_path: Path) -> None:
    p = tmp_path / "dups.csv"
    p.write_text(
        "contact_id,start_time,talk_seconds\nX,2024-01-01 10:00,1\nX,2024-01-01 10:00,2\nY,2024-01-01 11:00,3\n"
    )
    r = ingest.read_files([p])
    _accounted(r)
    assert r.dataset.frame["talk_seconds"].tolist() == [2.0, 3.0]


# --- readers --------------------------------------------------------------------------------

_CONTACTS = pd.DataFrame(
    {
        "Call Id": ["a1", "a2", "a3"],
        "Start Time": ["2024-05-01 08:00:00", "2024-05-01 08:30:00", "2024-05-02 09:00:00"],
        "Talk Time": [120.5, 0.0, 61.0],
        "Answered (Y/N)": ["Yes", "No", "Yes"],
        "CSAT": [5, None, 4],
    }
)


@pytest.mark.parametrize(
    "fmt", ["csv_bom", "tsv", "semicolon_comma", "latin1", "parquet", "jsonl", "xlsx", "utf16"]
)
def test_every_format_reads_the_same(tmp_path: Path, fmt: str) -> None:
    df = _CONTACTS
    if fmt == "csv_bom":
        p = tmp_path / "c.csv"
        p.write_bytes(b"\xef\xbb\xbf" + df.to_csv(index=False).encode())
    elif fmt == "tsv":
        p = tmp_path / "c.tsv"
        df.to_csv(p, sep="\t", index=False)
    elif fmt == "semicolon_comma":
        p = tmp_path / "c.csv"
        df.to_csv(p, sep=";", decimal=",", index=False)
    elif fmt == "latin1":
        p = tmp_path / "c.csv"
        p.write_bytes(
            df.assign(**{"Agent": ["Zoé", "Günter", "Ana"]}).to_csv(index=False).encode("latin-1")
        )
    elif fmt == "utf16":
        p = tmp_path / "c.csv"
        p.write_bytes(df.to_csv(index=False, sep="\t").encode("utf-16"))
    elif fmt == "parquet":
        p = tmp_path / "c.parquet"
        df.to_parquet(p)
    elif fmt == "jsonl":
        p = tmp_path / "c.jsonl"
        df.to_json(p, orient="records", lines=True)
    else:
        p = tmp_path / "c.xlsx"
        with pd.ExcelWriter(p) as w:
            pd.DataFrame({"note": ["cover sheet"]}).iloc[:0].to_excel(
                w, sheet_name="Cover", index=False
            )
            df.to_excel(w, sheet_name="Calls", index=False)
    r = ingest.read_files([p])
    _accounted(r)
    f = r.dataset.frame
    assert f["contact_id"].tolist() == ["a1", "a2", "a3"]
    assert f["talk_seconds"].tolist() == [120.5, 0.0, 61.0]
    assert f["answered"].tolist() == [True, False, True]
    assert f["abandoned"].tolist() == [False, True, False]  # inverse of Answered (Y/N)
    assert f["start_time"].iloc[2] == pd.Timestamp("2024-05-02 09:00:00")
    assert f["csat"].iloc[0] == 5.0 and pd.isna(f["csat"].iloc[1])


def test_upload_pairs_and_sheets_listed(tmp_path: Path) -> None:
    p = tmp_path / "book.xlsx"
    with pd.ExcelWriter(p) as w:
        pd.DataFrame({"x": [1]}).to_excel(w, sheet_name="Notes", index=False)
        _CONTACTS.to_excel(w, sheet_name="Calls", index=False)
    upload = ("book.xlsx", p.read_bytes())
    assert ingest.list_sheets(upload) == ["Notes", "Calls"]
    r = ingest.read_files([upload], sheet="Calls")
    assert r.dataset.source == "upload" and r.dataset.n_rows == 3


def test_ragged_lines_are_quarantined_not_lost(tmp_path: Path) -> None:
    p = tmp_path / "ragged.csv"
    p.write_text(
        "contact_id,start_time,talk_seconds\nA,2024-01-01 10:00,5\nB,2024-01-01 11:00,6,extra,cells\nC,2024-01-01 12:00,7\n"
    )
    r = ingest.read_files([p])
    _accounted(r)
    assert r.report.rows_read == 3 and r.report.rows_kept == 2
    assert "has 5 fields where the header has 3" in r.report.quarantine["reason"].iloc[0]


def test_units_from_names_and_ranges(tmp_path: Path) -> None:
    p = tmp_path / "units.csv"
    p.write_text(
        "contact_id,start_time,talk_ms,Wait Time,Hold Time,ACW (min)\n"
        "A,2024-01-01 10:00,120000,00:01:05,250000,1.5\n"
        "B,2024-01-01 11:00,60000,02:30,400000,2\n"
    )
    mapping = ingest.auto_map(
        ["contact_id", "start_time", "talk_ms", "Wait Time", "Hold Time", "ACW (min)"]
    )
    mapping = mapping.with_field("talk_seconds", "talk_ms").with_field("acw_seconds", "ACW (min)")
    f = ingest.read_files([p], mapping=mapping).dataset.frame
    assert f["talk_seconds"].tolist() == [120.0, 60.0]  # "_ms" in the name
    assert f["wait_seconds"].tolist() == [65.0, 150.0]  # HH:MM:SS and MM:SS
    assert f["hold_seconds"].tolist() == [250.0, 400.0]  # median > 10,000: milliseconds
    assert f["acw_seconds"].tolist() == [90.0, 120.0]  # "(min)"


def test_booleans_codes_and_timezones(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text(
        "contact_id,start_time,resolved,transferred,escalated\n"
        "A,2024-07-01T10:00:00+02:00,1,0,true\n"
        "B,2024-07-01T09:00:00Z,2,3,false\n"
        "C,2024-07-01T09:30:00Z,1,1,\n"
    )
    f = ingest.read_files([p], timezone="America/New_York").dataset.frame
    assert f["resolved"].tolist() == [True, False, True]  # 1 = yes, 2 = no
    assert f["transferred"].tolist() == [False, True, True]  # counts > 0
    assert f["escalated"].tolist()[:2] == [True, False] and pd.isna(f["escalated"].iloc[2])
    # 10:00+02:00 = 08:00Z = 04:00 in New York (EDT).
    assert f["start_time"].tolist()[:2] == [
        pd.Timestamp("2024-07-01 04:00"),
        pd.Timestamp("2024-07-01 05:00"),
    ]


def test_shape_override_and_detection(tmp_path: Path) -> None:
    p = tmp_path / "daily.csv"
    p.write_text(
        "Date,Calls Offered,Calls Handled,ASA\n2024-01-01,100,90,20\n2024-01-02,80,78,12\n"
    )
    assert ingest.read_files([p]).dataset.shape == "aggregated"
    r = ingest.read_files([p], shape="interactions")
    assert r.dataset.shape == "interactions"  # the user's override wins; each row then is a contact
    assert r.dataset.frame["start_time"].tolist()[0] == pd.Timestamp("2024-01-01")


def test_progress_callback_is_called(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    ingest.read_files([VENDORS / "five9_call_log.csv"], progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and seen[-1][1] == "Done"


# --- mapping file -----------------------------------------------------------------------


def test_mapping_round_trip_and_cli_style_use(tmp_path: Path, shared_data: Path) -> None:
    pwc = ingest.read_files([shared_data / PWC])
    path = ingest.save_mapping(pwc.mapping, tmp_path / "pwc.json")
    loaded = ingest.load_mapping(path)
    assert loaded == pwc.mapping
    data = json.loads(path.read_text())
    assert data["fields"]["start_time"] == ["Date", "Time"]
    assert data["fields"]["abandoned"] == {"source": "Answered (Y/N)", "transform": "invert"}
    again = ingest.read_files([shared_data / PWC], mapping=loaded)
    assert again.dataset.fingerprint == pwc.dataset.fingerprint


def test_mapping_table_round_trip() -> None:
    m = ingest.PRESETS["pwc"]
    table = ingest.mapping_table(m)
    assert set(table.columns) == {"column", "source", "unit", "rule", "meaning"}
    back = ingest.mapping_from_table(table, "interactions", preset="pwc")
    assert {f.target: f for f in back.fields} == {f.target: f for f in m.fields}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "Mapping file 'm.json' is not valid JSON: save a mapping from the Data page and load that file.",
        ),
        (
            '{"shape": "interactions"}',
            "Mapping file 'm.json' is not a KPI Lab mapping (expected an object with a 'fields' object): save a mapping from the Data page and load that file.",
        ),
        (
            '{"fields": {"talk_minutes": "Talk"}}',
            "Mapping file 'm.json' maps to 'talk_minutes', which is not a column of the interactions table: use one of ",
        ),
        (
            '{"fields": {"talk_seconds": {"source": "Talk", "unit": "weeks"}}}',
            "Mapping file 'm.json': unit 'weeks' for 'talk_seconds' is unknown; use one of auto, s, ms, min, h, hms, hm.",
        ),
        (
            '{"shape": "daily", "fields": {}}',
            "Mapping file 'm.json' has shape 'daily': use 'interactions' (one row per contact) or 'aggregated' (one row per day or interval).",
        ),
    ],
)
def test_load_mapping_validates(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "m.json"
    p.write_text(content)
    with pytest.raises(MappingError) as err:
        ingest.load_mapping(p)
    assert str(err.value).startswith(message)


def test_mapping_naming_a_missing_column(tmp_path: Path) -> None:
    m = ingest.PRESETS["five9"].with_field("talk_seconds", "Talk Time")
    with pytest.raises(
        MappingError,
        match="The mapping uses column 'Talk Time', which is not in 'five9_call_log.csv'",
    ):
        ingest.read_files([VENDORS / "five9_call_log.csv"], mapping=m)


# --- the bad corpus: one clear sentence each -------------------------------------------------

BAD_CASES = [
    (
        "empty.csv",
        {},
        "'empty.csv' is empty: export the data again and check that the file has a header row and at least one data row.",
    ),
    (
        "blank_lines.csv",
        {},
        "'blank_lines.csv' is empty: export the data again and check that the file has a header row and at least one data row.",
    ),
    (
        "header_only.csv",
        {},
        "'header_only.csv' has column names but no data rows: export a period that contains contacts.",
    ),
    (
        "binary_renamed.csv",
        {},
        "'binary_renamed.csv' is not a text file (it contains binary data): export the data as CSV, TSV, Excel (.xlsx, .xls), Parquet or JSON lines.",
    ),
    (
        "no_timestamp.csv",
        {},
        "'no_timestamp.csv' has no date or time column (its columns: Call Id, Agent, Talk Time): add one, or map a column to start_time (contacts) or date (daily rows).",
    ),
    (
        "daily_no_date.csv",
        {},
        "'daily_no_date.csv' has no date column (its columns: Incoming Calls, Answered Calls, Abandoned Calls): add a date column, or give the date of the first row so that the rows are read as consecutive days.",
    ),
    (
        "survey_only.csv",
        {},
        "'survey_only.csv' looks like a survey file (contact ids and scores, no dates): import it together with the contacts file it belongs to.",
    ),
    (
        "no_header.csv",
        {},
        "The first line of 'no_header.csv' looks like data, not column names: add a header row with the column names and import it again.",
    ),
    (
        "all_bad_dates.csv",
        {},
        "No row of 'all_bad_dates.csv' could be used: all 3 rows were quarantined (first reason: missing or unparseable start_time). Check the date format or the mapping.",
    ),
    (
        "two_sheets.xlsx",
        {"sheet": "Data"},
        "'two_sheets.xlsx' has no sheet named 'Data'; its sheets are: Calls, Notes. Pick one of them.",
    ),
    (
        "two_sheets.xlsx",
        {"sheet": "Notes"},
        "Sheet 'Notes' of 'two_sheets.xlsx' is empty: pick the sheet or file that holds the data.",
    ),
    (
        "too_big.csv",
        {"max_bytes": 1000},
        "'too_big.csv' is 1.2 KB, over the 1.0 KB import limit: split it (for example one file per month) or export aggregated daily rows instead.",
    ),
    (
        "report.pdf",
        {},
        "'report.pdf' is not a supported file type (.pdf): export the data as CSV, TSV, Excel (.xlsx, .xls), Parquet or JSON lines.",
    ),
    (
        "legacy.xls",
        {},
        "'legacy.xls' could not be opened as an Excel 97-2003 workbook (the file is damaged): open it in Excel and save it as .xlsx or CSV.",
    ),
    (
        "webpage.xls",
        {},
        "'webpage.xls' is a web page (HTML) saved with an .xls name: open it in Excel and save it as .xlsx or CSV.",
    ),
    (
        "corrupt.xlsx",
        {},
        "'corrupt.xlsx' could not be opened as an Excel workbook (the file is damaged or is not really .xlsx): save it again from Excel as .xlsx or CSV.",
    ),
    (
        "broken.parquet",
        {},
        "'broken.parquet' could not be read as Parquet (the file is damaged or incomplete): export it again.",
    ),
    (
        "bad_lines.jsonl",
        {},
        "'bad_lines.jsonl' is not valid JSON lines (line 2 is not a JSON object): export one JSON object per line.",
    ),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "message"), BAD_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(BAD_CASES)]
)
def test_bad_file_gives_one_clear_sentence(name: str, kwargs: dict, message: str) -> None:
    with pytest.raises(DataError) as err:
        ingest.read_files([BAD / name], **kwargs)
    assert str(err.value) == message
    # The same message for an upload of the same bytes.
    with pytest.raises(DataError) as err2:
        ingest.read_files([(name, (BAD / name).read_bytes())], **kwargs)
    assert str(err2.value) == message


def test_bad_corpus_has_at_least_twelve_files() -> None:
    assert len({c[0] for c in BAD_CASES}) >= 12
    assert {p.name for p in BAD.iterdir()} == {c[0] for c in BAD_CASES}


def test_mixed_shapes_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(
        DataError,
        match=r"Cannot combine contact-level files \(five9_call_log.csv\) with daily summary files",
    ):
        ingest.read_files(
            [VENDORS / "five9_call_log.csv", VENDORS / "genesys_queue_performance.csv"]
        )
    with pytest.raises(DataError, match="does not exist"):
        ingest.read_files([tmp_path / "nope.csv"])
    with pytest.raises(DataError, match="No file was given"):
        ingest.read_files([])


def test_random_bytes_never_crash(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    for i in range(15):
        data = rng.integers(0, 256, int(rng.integers(1, 400)), dtype=np.uint8).tobytes()
        if i % 3 == 0:  # text-ish junk
            data = bytes(b % 95 + 32 for b in data).replace(b"~", b"\n")
        for name in ("x.csv", "x.xlsx", "x.parquet", "x.jsonl"):
            try:
                r = ingest.read_files([(name, data)])
            except KpiLabError as err:
                assert str(err).endswith((".", "row.")) and "\n" not in str(err)
            else:
                _accounted(r)


# --- every good file: nothing lost silently ------------------------------------------------


def _good_files() -> list[Path]:
    return sorted(VENDORS.iterdir())


@pytest.mark.parametrize("path", _good_files(), ids=lambda p: p.name)
def test_no_row_lost_silently(path: Path) -> None:
    r = ingest.read_files([path])
    _accounted(r)
    assert r.report.fill_rates["fill_rate"].between(0, 1).all()
    assert set(r.report.fill_rates["column"]) == set(r.dataset.frame.columns)
    filled = r.report.fill_rates.set_index("column")["filled"]
    # Arrow text is counted from its null count: the same as counting the cells.
    assert filled.to_dict() == r.dataset.frame.count().to_dict()


def test_fill_rates_and_quarantine_download() -> None:
    r = ingest.read_files([VENDORS / "talkdesk_contacts.csv"])
    fr = r.report.fill_rates.set_index("column")
    assert fr.loc["talk_seconds", "filled"] == 2 and fr.loc["talk_seconds", "fill_rate"] == 0.5
    frame = pd.DataFrame(
        {"a": ["=1+1", "+x", "-2", "@SUM(A1)", "ok", None], "b": [1, 2, 3, 4, 5, 6]}
    )
    text = ingest.safe_csv(frame).decode()
    assert text.splitlines()[1:5] == ["'=1+1,1", "'+x,2", "'-2,3", "'@SUM(A1),4"]
    assert "ok,5" in text


def test_daily_files_through_engine_when_available(shared_data: Path) -> None:
    engine = pytest.importorskip("kpi.engine")
    dated = ingest.read_files([shared_data / CCD_DATED]).dataset
    c311 = ingest.read_files([shared_data / C311.format(2023)]).dataset
    try:
        t = engine.compute(dated, kpis=["abandonment_rate", "asa"], grain="all")
        t311 = engine.compute(c311, kpis=["abandonment_rate", "asa"], grain="all")
    except Exception as err:  # the engine is another helper's; report instead of failing here
        pytest.skip(f"kpi.engine not usable yet: {err}")
    assert t.value("abandonment_rate") == pytest.approx(0.1093, abs=5e-5)
    assert t.value("asa") == pytest.approx(29.8, abs=0.05)  # weighted by answered, not 24.9
    assert t311.value("abandonment_rate") == pytest.approx(0.0490, abs=5e-5)  # 19,661 / 400,896
    assert t311.value("asa") == pytest.approx(52.96, abs=0.005)


def test_cli_reads_through_the_importer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from kpi.cli.common import load_inputs

    mapping = ingest.save_mapping(ingest.PRESETS["five9"], tmp_path / "m.json")
    args = argparse.Namespace(
        files=[VENDORS / "five9_call_log.csv"], mapping=mapping, sheet=None, verbose=True
    )
    ds = load_inputs(args)
    assert ds.n_rows == 4 and ds.source == "file"
    assert "Read 4 rows from five9_call_log.csv: kept 4, quarantined 0." in capsys.readouterr().err


# --- title lines above the header, CSAT on a 10-point scale ---------------------------------

_BODY = [
    ["ContactId", "Start Time", "Queue", "Answered (Y/N)", "Talk Time", "CSAT"],
    *[
        [f"C{i}", f"2025-01-0{1 + i % 5} 10:{i:02d}", "Sales", "Y", str(100 + i), str(1 + i % 5)]
        for i in range(30)
    ],
]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_title_lines_above_a_csv_header_are_skipped(tmp_path: Path, delimiter: str) -> None:
    width = len(_BODY[0])
    # A report title padded with empty cells, a one-field date range, a blank line.
    title = ["Contact detail report"] + [""] * (width - 1)
    lines = [delimiter.join(title), "Period: 1-5 Jan 2025", ""]
    lines += [delimiter.join(r) for r in _BODY]
    path = tmp_path / "report.csv"
    path.write_text("\n".join(lines) + "\n")
    result = ingest.read_files([path])
    _accounted(result)
    frame = result.dataset.frame
    assert result.report.rows_read == 30 and result.report.rows_quarantined == 0
    assert {"contact_id", "start_time", "queue", "answered", "talk_seconds", "csat"} <= set(frame)
    assert frame["talk_seconds"].sum() == sum(100 + i for i in range(30))
    assert any("header on line 4: 3 title lines above it skipped" in n for n in result.report.notes)


def test_title_rows_above_an_excel_header_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    body = pd.DataFrame(_BODY[1:], columns=_BODY[0])
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["Queue performance report"], ["Exported 2025-01-06"]]).to_excel(
            writer, header=False, index=False
        )
        body.to_excel(writer, index=False, startrow=3)
    result = ingest.read_files([path])
    _accounted(result)
    assert result.report.rows_read == 30 and result.report.rows_quarantined == 0
    assert result.dataset.frame["contact_id"].tolist()[:2] == ["C0", "C1"]
    assert any("header on row 4" in n for n in result.report.notes)


def test_a_first_line_of_data_is_still_refused_not_skipped(tmp_path: Path) -> None:
    path = tmp_path / "noheader.csv"
    path.write_text("\n".join(",".join(r) for r in _BODY[1:]) + "\n")
    with pytest.raises(DataError, match="looks like data, not column names"):
        ingest.read_files([path])


def test_csat_on_a_ten_point_scale_is_rescaled_not_quarantined(tmp_path: Path) -> None:
    answers = [1, 8, 10, 5, 9, 9, 10, 7, 3, 8]
    rows = ["id,start,csat"] + [f"c{i},2025-01-01 10:00,{v}" for i, v in enumerate(answers)]
    path = tmp_path / "ten.csv"
    path.write_text("\n".join(rows) + "\n")
    result = ingest.read_files([path])
    assert result.report.rows_quarantined == 0
    # 1 -> 1, 8 -> 1 + 7 * 4/9 (satisfied), 10 -> 5, 5 -> 1 + 4 * 4/9, 7 -> 3.67 (not)
    want = [1 + (a - 1) * 4 / 9 for a in answers]
    np.testing.assert_allclose(result.dataset.frame["csat"], want, rtol=1e-12)
    top2 = (result.dataset.frame["csat"] >= 4).mean()
    assert top2 == pytest.approx(0.6)  # the six answers of 8-10 count as satisfied
    assert any("1-10 scale rescaled to 1-5" in n for n in result.report.notes)
    # A 1-5 survey with one typo (a 9) is not a 10-point scale: the typo is quarantined.
    five = [1, 2, 3, 4, 5, 4, 5, 9]
    rows = ["id,start,csat"] + [f"c{i},2025-01-01 10:00,{v}" for i, v in enumerate(five)]
    path.write_text("\n".join(rows) + "\n")
    result = ingest.read_files([path])
    assert result.report.quarantine["reason"].tolist() == ["csat outside its 1-5 scale"]
    # Named as such, a short file is rescaled too.
    path.write_text("id,start,CSAT (1-10)\nc1,2025-01-01 10:00,10\nc2,2025-01-01 11:00,1\n")
    mapping = ingest.auto_map(["id", "start", "CSAT (1-10)"]).with_field("csat", "CSAT (1-10)")
    named = ingest.read_files([path], mapping)
    assert named.dataset.frame["csat"].tolist() == [5.0, 1.0]
    # On a 1-5 file nothing changes, and an 11 is still off any scale.
    path.write_text("id,start,csat\nc1,2025-01-01 10:00,4\nc2,2025-01-01 11:00,11\n")
    result = ingest.read_files([path])
    assert result.report.rows_quarantined == 1
    assert result.report.quarantine["reason"].tolist() == ["csat outside its 1-5 scale"]


def test_a_quoted_line_break_beyond_the_sample_is_still_read(tmp_path: Path) -> None:
    # The sniffer sees the first 64 KB only; a cell spanning lines further down must not break
    # its row (the reader goes quote-aware when lines break and the file has quotes).
    rows = ["id,start,queue,note"] + [
        f'c{i},2025-01-01 10:00,Sales,"plain {i}"' for i in range(3000)
    ]
    rows += ['c9999,2025-01-01 11:00,Sales,"two\nlines"', 'd1,2025-01-01 12:00,Sales,"x"']
    path = tmp_path / "late.csv"
    path.write_text("\n".join(rows) + "\n")
    assert path.stat().st_size > 65536
    result = ingest.read_files([path])
    _accounted(result)
    assert result.report.rows_read == 3002 and result.report.rows_quarantined == 0
    assert "c9999" in set(result.dataset.frame["contact_id"])
