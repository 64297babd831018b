"""Import rules added in the fifth session, each on the smallest input that shows it, with
hand-computed values: dates whose weekday and month are written in another language, and the
headers and values of Japanese, Chinese and Korean exports."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.ingest.grain import english_months
from kpi.ingest.headers import header_key, header_unit
from kpi.ingest.parsers import parse_direction
from kpi.ingest.shape import looks_like_timestamps
from kpi.ingest.timestamps import parse_datetime
from kpi.schema import coerce


def _read(text: str, name: str = "report.csv") -> ingest.ImportResult:
    return ingest.read_files([(name, text.encode())], timezone="UTC")


def _text(values: list[str]) -> pd.Series:
    return pd.Series(values, dtype="string")


def test_months_in_other_languages_are_written_in_english() -> None:
    got = english_months(_text(["10 ene 2025 09:00", "3. März 2025", "10 de marzo de 2025", None]))
    assert got is not None
    assert got.tolist()[:3] == ["10 Jan 2025 09:00", "3 Mar 2025", "10 Mar 2025"]
    assert english_months(_text(["10 Mar 2025", "3 May 2025"])) is None  # English already
    assert english_months(_text(["10 abc 2025"])) is None  # no month: left alone


@pytest.mark.parametrize(
    ("cells", "first"),
    [
        (["lun, 10 mar 2025 09:00:55", "mié, 12 mar 2025 17:30:00"], "2025-03-10 09:00:55"),
        (["Mo., 10. März 2025 08:05", "Di., 11. März 2025 10:00"], "2025-03-10 08:05:00"),
        (["lundi 3 février 2025 14:05", "mardi 4 février 2025 09:00"], "2025-02-03 14:05:00"),
        (["seg, 7 abr 2025 08:00", "ter, 8 abr 2025 08:00"], "2025-04-07 08:00:00"),
        (["Mar 10, 2025 8:00 AM", "Mar 11, 2025 9:30 AM"], "2025-03-10 08:00:00"),  # a month
    ],
)
def test_dates_with_a_weekday_and_month_in_another_language(cells: list[str], first: str) -> None:
    assert looks_like_timestamps(cells)
    out, bad, _ = parse_datetime(_text(cells))
    assert not bad.any()
    assert str(out.iloc[0]) == first


def test_japanese_chinese_korean_headers_keep_their_letters() -> None:
    assert header_key("キュー内の時間") == "キュー内の時間"
    assert header_key("待ち時間（秒）") == "待ち時間" and header_unit("待ち時間（秒）") == "s"
    assert header_key("通话时长(秒)") == "通话时长" and header_unit("通话时长(秒)") == "s"
    assert header_key("대기 시간(초)") == "대기시간" and header_unit("대기 시간(초)") == "s"
    assert header_unit("통화 시간") is None  # "시간" is "time", not hours
    assert header_key("ＩＤ") == "id"  # full-width letters


def test_directions_in_japanese_chinese_korean() -> None:
    got = parse_direction(_text(["インバウンド", "アウトバウンド", "呼入", "外呼", "수신", "발신"]))
    assert got.tolist() == ["inbound", "outbound", "inbound", "outbound", "inbound", "outbound"]


def test_a_japanese_call_log_with_no_mapping() -> None:
    # 4 inbound calls, 1 abandoned (放棄) after 40 s. Abandonment 1 / 4; ASA over the 3 answered
    # (応答): (10 + 30 + 50) / 3 = 30; AHT = talk + hold + ACW over them: (300 + 0 + 60, 200 + 20
    # + 40, 400 + 0 + 80) / 3 = 1100 / 3; service level 20 s: 1 of 4 (10 s) = 0.25.
    r = _read(
        "通話ID,受付日時,キュー,オペレーター,待ち時間（秒）,通話時間（秒）,保留時間（秒）,"
        "後処理時間（秒）,結果\n"
        "J1,2025/05/05 09:00:00,営業,鈴木,10,300,0,60,応答\n"
        "J2,2025/05/05 09:10:00,営業,佐藤,30,200,20,40,応答\n"
        "J3,2025/05/05 09:20:00,サポート,,40,,,,放棄\n"
        "J4,2025/05/06 11:00:00,サポート,鈴木,50,400,0,80,応答\n"
    )
    assert r.report.rows_kept == 4
    t = compute(r.dataset, kpis=["abandonment_rate", "asa", "aht", "service_level"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(0.25)
    assert t.value("asa") == pytest.approx(30.0)
    assert t.value("aht") == pytest.approx(1100 / 3)
    assert t.value("service_level") == pytest.approx(0.25)


def test_survey_figures_of_a_summary_are_pooled_over_their_responses() -> None:
    # NPS from shares: promoters 0.5 x 100 + 0.2 x 50 = 60, detractors 0.1 x 100 + 0.4 x 50 = 30,
    # over 150 responses: 100 x (60 - 30) / 150 = 20. Top box: (0.9 x 10 + 0.6 x 30) / 40 =
    # 0.675. FCR over its basis: (0.8 x 10 + 0.5 x 30) / 40 = 0.575.
    daily = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-03-03", "2025-03-04"]),
            "answered": [100.0, 200.0],
            "nps_promoters": [0.5, 0.2],
            "nps_detractors": [0.1, 0.4],
            "nps_responses": [100.0, 50.0],
            "csat_top2": [0.9, 0.6],
            "csat_responses": [10.0, 30.0],
            "fcr_rate": [0.8, 0.5],
            "fcr_responses": [10.0, 30.0],
        }
    )
    t = compute(coerce(daily, "aggregated"), kpis=["nps", "csat_top2", "fcr"], grain="all")
    assert t.value("nps") == pytest.approx(20.0)
    assert t.value("csat_top2") == pytest.approx(0.675)
    assert t.value("fcr") == pytest.approx(0.575)
    assert "responses" in t.notes["nps"] and "basis" in t.notes["fcr"]


def test_iso_cells_of_a_day_first_column_keep_their_order() -> None:
    # A workbook's date cells (ISO text once mixed with subtotal labels) under a day-first
    # decision: 2025-03-04 stays 4 March (read day-first it would be 3 April).
    cells = ["2025-03-04 00:00:00", "13/03/2025 Total", "2025-03-12 00:00:00", "14/03/2025 9:05"]
    out, bad, _ = parse_datetime(_text(cells), dayfirst=True)
    assert [str(v)[:16] for v in out] == ["2025-03-04 00:00", "NaT", "2025-03-12 00:00",
                                          "2025-03-14 09:05"]  # fmt: skip
    assert bad.tolist() == [False, True, False, False]


def test_a_time_zone_column_converts_each_row() -> None:
    # 09:00 in Chicago and 09:00 in Los Angeles are 10:00 and 12:00 in New York (March 3, no
    # daylight saving yet); a row in New York time stays.
    r = ingest.read_files(
        [
            (
                "sites.csv",
                b"Call ID,Start Time,Time Zone,Wait (s),Talk (s),Answered\n"
                b"1,2025-03-03 09:00:00,America/Chicago,10,100,Y\n"
                b"2,2025-03-03 09:00:00,PST,20,200,Y\n"
                b"3,2025-03-03 09:00:00,America/New_York,30,300,Y\n",
            )
        ],
        timezone="America/New_York",
    )
    hours = r.dataset.frame.sort_values("contact_id")["start_time"].dt.hour.tolist()
    assert hours == [10, 12, 9]
    assert any("'Time Zone' gives each row's time zone" in n for n in r.report.notes)


def test_phone_numbers_written_several_ways_are_one_customer() -> None:
    r = _read(
        "Call ID,Start Time,Phone Number,Talk (s),Answered\n"
        "1,2025-03-03 09:00:00,+1 (415) 555-0100,100,Y\n"
        "2,2025-03-03 10:00:00,415-555-0100,100,Y\n"
        "3,2025-03-03 11:00:00,4155550100,100,Y\n"
        "4,2025-03-03 12:00:00,(510) 555-3342,100,Y\n"
        "5,2025-03-03 13:00:00,510.555.3342,100,Y\n"
    )
    assert r.dataset.frame["customer_id"].tolist() == ["4155550100"] * 3 + ["5105553342"] * 2


def test_priority_labels_by_their_number_or_word() -> None:
    from kpi.metrics.sql import priority_of

    got = [priority_of(v) for v in ("Sev 1", "P2 - High", "Severity 3", "S4", "1 low", "Meh")]
    assert got == ["urgent", "high", "normal", "low", "low", None]


def test_iso_dates_of_a_column_pin_the_order_of_its_written_ones() -> None:
    from kpi.ingest.dates import detect_date_order

    # A workbook's date cells (ISO, 2-12 June) beside dates retyped by hand: read day-first,
    # 04/06 and 06/06 are 4 and 6 June, both inside that period; read month-first, 6 April and
    # 6 June, one inside: 2 against 1.
    cells = ["2025-06-02", "2025-06-05", "2025-06-12", "04/06/2025", "06/06/2025"]
    got = detect_date_order(_text(cells))
    assert (got.order, got.decided_by, got.count) == ("dmy", "iso", 2)
    assert "ISO dates set its period" in (got.describe("Date") or "")


def test_survey_ids_match_contacts_loosely_and_say_how() -> None:
    from kpi.ingest.surveys import match_ids

    contacts = pd.Index(["9d52-aa01", "000048169", "00000042", "x-1"])
    got, how = match_ids(pd.Series(["9d52-aa01", "000048169", None, "nope"]), contacts)
    assert got.tolist()[:2] == ["9d52-aa01", "000048169"] and how is None  # as written: 2 of 3
    survey = pd.Series(["CTR-9D52-AA01", "CTR-48169", "CTR-{00000042}", "CTR-777", None])
    got, how = match_ids(survey, contacts)
    assert [None if pd.isna(v) else v for v in got] == [
        "9d52-aa01",
        "000048169",
        "00000042",
        None,
        None,
    ]
    assert how == "ignoring case, braces and leading zeros and the prefix 'CTR-'"
    # A loose form two contacts share names neither.
    got, _ = match_ids(pd.Series(["7", "x-1"]), pd.Index(["07", "007", "X-1"]))
    assert [None if pd.isna(v) else v for v in got] == [None, "X-1"]


def test_ambiguous_dates_take_the_order_in_which_they_span_one_period() -> None:
    from kpi.ingest.dates import detect_date_order

    uk_week = pd.Series([f"0{d}/03/2025 09:00" for d in range(3, 8)])  # 3-7 March, day-first
    got = detect_date_order(uk_week)
    # day-first: 3-7 March (4 days); month-first: 3 March - 3 July (122 days)
    assert (got.order, got.decided_by, got.count, got.other) == ("dmy", "span", 4, 122)
    assert "span 4 days, read month-first 122 days" in (got.describe("Date") or "")
    us = pd.Series([f"01/{d:02d}/2025" for d in range(2, 13)])  # 2-12 Jan; 1 Feb - 1 Dec: 303
    got = detect_date_order(us)
    assert (got.order, got.decided_by, got.count, got.other) == ("mdy", "span", 10, 303)
    tie = pd.Series(["01/02/2025", "02/01/2025"])  # 30 days either way: nothing decides
    assert (detect_date_order(tie).order, detect_date_order(tie).decided_by) == ("mdy", "assumed")


def test_a_column_of_marks_or_blanks_reads_blank_as_no() -> None:
    from kpi.ingest import parsers as P

    raw = pd.Series(["✓", "", None, "✔", "✓"], name="Answered", dtype="string")
    values, _ = P.parse_bool(raw)
    got, said = P.marks_or_blank(raw, values)
    assert got.tolist() == [True, False, False, True, True]
    assert said == "'Answered': a mark or blank: 2 blank cells read as no"
    flipped, _ = P.marks_or_blank(raw, ~values, inverted=True)  # abandoned = not answered
    assert flipped.tolist() == [False, True, True, False, False]
    # Ticks and crosses: the cross is the no, a blank was not recorded.
    both = pd.Series(["✓", "X", "", "✓"], name="Resolved?", dtype="string")
    got, said = P.marks_or_blank(both, P.parse_bool(both)[0])
    assert [None if pd.isna(v) else v for v in got] == [True, False, None, True]
    assert said == "'Resolved?': ticks and crosses: 1 cross read as no"
    yes_no = pd.Series(["Y", "", "N"], dtype="string")  # a Y/N column: a blank stays unknown
    assert P.marks_or_blank(yes_no, P.parse_bool(yes_no)[0])[1] is None


def test_a_typed_zero_among_clock_durations_is_zero_seconds() -> None:
    from kpi.ingest.parsers import parse_duration

    # Excel [mm]:ss cells with a General 0 typed where there was no hold, mostly zeros.
    text = pd.Series(["0", "0", "0", "0:01:59", "0", "0:00:42", "x"], dtype="string")
    secs, bad, _ = parse_duration(text, "auto", "Hold")
    assert secs.tolist()[:6] == [0.0, 0.0, 0.0, 119.0, 0.0, 42.0]
    assert bad.tolist() == [False] * 6 + [True]


def test_a_summarys_first_of_month_dates_read_as_months() -> None:
    from kpi.ingest.dates import detect_date_order

    us = pd.Series([f"{m:02d}/01/2025" for m in range(1, 13)])  # 1 Jan .. 1 Dec, month-first
    got = detect_date_order(us, periods=True)
    assert (got.order, got.decided_by, got.count) == ("mdy", "months", 12)
    uk = pd.Series([f"01/{m:02d}/2025" for m in range(1, 13)])
    assert detect_date_order(uk, periods=True).order == "dmy"
    # In a contact log the same dates are twelve days (contacts come every day).
    assert (detect_date_order(us).order, detect_date_order(us).decided_by) == ("dmy", "span")
    dotted = pd.Series(["01.01.2025", "01.02.2025", "01.03.2025"])  # day-first by convention
    assert detect_date_order(dotted, periods=True).decided_by == "hint"


def test_counts_grouped_two_ways_in_one_column() -> None:
    from kpi.ingest.parsers import parse_number_noted

    text = pd.Series(["1,480", "1.105", "1\u202f439", "987", None], dtype="string")
    got, bad, note = parse_number_noted(text, integer_like=True)
    assert got.tolist()[:4] == [1480.0, 1105.0, 1439.0, 987.0] and not bad.any()
    assert note is not None and "both read as thousands separators" in note
    # Not counts (a rate, a duration): both stay decimals, as before.
    got, _, _ = parse_number_noted(text.iloc[:2])
    assert got.tolist() == [1.48, 1.105]


def test_satisfaction_words_on_a_five_point_scale() -> None:
    from kpi.ingest.parsers import parse_score

    words = ["Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied",
             "Very dissatisfied", None, "n/a?"]  # fmt: skip
    got, bad, note = parse_score(pd.Series(words, dtype="string"))
    assert got.tolist()[:5] == [5.0, 4.0, 3.0, 2.0, 1.0]
    assert bad.tolist() == [False] * 6 + [True]
    assert note is not None and "5-point scale" in note
    # Two levels only (satisfied / unsatisfied): the good / bad reading, 5 / 1, as before.
    got, _, _ = parse_score(pd.Series(["satisfied", "unsatisfied"], dtype="string"))
    assert got.tolist() == [5.0, 1.0]
