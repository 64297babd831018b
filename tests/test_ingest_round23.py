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
