"""Twelfth blind acceptance suite: regional and language variants of real exports.

The files in ``tests/data/exports12/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows; abandonment over inbound
answered + abandoned; ASA over inbound answered; AHT = talk + hold + ACW over handled contacts
(inbound answered, outbound connected); service level 20 s, abandons negative; summary reports
re-weighted by answered.

The header synonyms and period labels are documented for English, German, French, Spanish,
Dutch, Italian and Portuguese (docs/mapping.md). Files in those languages (Brazil, Mexico,
Argentina, Quebec, Austria, Switzerland, a German Genesys UI) must be read right. Files in
other languages (Polish, Swedish, Danish, Norwegian, Finnish, Czech, Turkish, Japanese) must be
read right OR refused with a message naming the file's columns, and may leave KPIs unavailable
-- but never give a wrong number (:func:`honest`); each is also imported with the mapping file
the refusal asks for, where the country's own date, clock and number formats must then read.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
Windows-1250 text decoded as Latin-1 (Polish / Czech names garbled), the Austrian month names
"Jänner" / "Feber", the Quebec clock "13 h 05", Swiss "5'12''" durations read as 512 seconds,
a German Genesys "Richtung" column (outbound calls counted in the abandonment rate), clocks
written with dots ("08.05.12", Danish / Finnish) and Norwegian week labels "Uke 36 2024".

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import functools
import json
import math
from typing import Any

import pytest
from exports_check import (
    DATA,
    DP,
    accounted,
    days,
    expect,
    grains,
    office_hours,
    reader,
    starts,
    text,
    values,
)

from kpi import ingest
from kpi.errors import KpiLabError
from kpi.ingest.mapping import Mapping

load = reader("exports12")
SEPT = ("2024-09-02", "2024-09-13")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


@functools.cache
def _mapped(name: str, spec: str) -> ingest.ImportResult:
    m = Mapping.from_dict({"kpi_lab_mapping": 1, **json.loads(spec)})
    return ingest.read_files([DATA / "exports12" / name], mapping=m, timezone="UTC")


def mapped(name: str, **spec: Any) -> ingest.ImportResult:
    """Import with a mapping file (``shape``, ``fields``, ``outcome``), memoised."""
    return _mapped(name, json.dumps(spec, sort_keys=True))


def honest(name: str, columns: tuple[str, ...], rows: int, **want: float) -> None:
    """Read right, or refused with a message naming the file's columns; each KPI either equals
    ``want`` or is unavailable -- never a wrong number."""
    try:
        r = load(name)
    except KpiLabError as e:
        assert any(c in str(e) for c in columns), str(e)
        return
    accounted(r, rows)
    assert days(r) == (want.pop("first", SEPT[0]), want.pop("last", SEPT[1]))
    got = values(r, *want)
    wrong = {k: (got[k], v) for k, v in want.items()
             if not math.isnan(got[k]) and abs(got[k] - v) > DP}  # fmt: skip
    assert not wrong, f"(got, expected): {wrong}"


# --- 1. Polish PBX log: Windows-1250, Odebrane / Porzucone ---------------------------------------

_PL = "pl_polaczenia_cp1250.csv"
_PL_MAP = {
    "shape": "interactions",
    "fields": {"start_time": "Data i godzina", "queue": "Kolejka", "agent_id": "Konsultant",
               "wait_seconds": "Czas oczekiwania (s)", "talk_seconds": "Czas rozmowy (s)",
               "hold_seconds": "Czas wstrzymania (s)", "acw_seconds": "Czas po rozmowie (s)"},
    "outcome": {"source": "Status", "values": {"Odebrane": "answered", "Porzucone": "abandoned"}},
}  # fmt: skip
_CP1250_WHY = (
    "kpi/ingest/readers.py _encoding returns 'latin-1' for every file that is not UTF-8, so a "
    "Windows-1250 export (Excel in Poland, Czechia, Slovakia, Hungary, Croatia) is decoded "
    "with the wrong code page: 'Obsługa klienta' becomes 'Obs³uga klienta', 'Sprzedaż' "
    "'Sprzeda¿', the header 'ID połączenia' 'ID po³¹czenia' (a mapping naming it as the user "
    "sees it fails), Czech 'Měsíc' 'Mìsíc' and 'Opuštěné' 'Opu\\x9aìné' (a C1 control "
    "character). The note says 'Latin-1'. Fix: when UTF-8 fails, choose between cp1252 and "
    "cp1250 (e.g. charset-normalizer, or score the decoded letters: C1 controls 0x80-0x9F "
    "rule out Latin-1; ł ą ż ś ě ř č ů under cp1250 versus ³ ¹ ¿ ø ì è ù under cp1252) and "
    "name the code page in the note. "
)


def test_pl_read_right_or_unavailable() -> None:
    # Today: 60 contacts and the start times read; the Polish columns are not mapped, so the
    # queue KPIs are said unavailable (no Polish synonyms are documented).
    honest(_PL, ("Kolejka", "Status"), 60, contacts=60, abandonment_rate=0.1333, asa=68.3365,
           aht=484.2308, service_level=0.45)  # fmt: skip


def test_pl_with_mapping_kpis() -> None:
    # "02.09.2024 08:05:12" day-first, waits "142,0" with a decimal comma.
    r = mapped(_PL, **_PL_MAP)
    accounted(r, 60)
    assert days(r) == SEPT
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 10:26:01",
                                                           "2024-09-13 15:32:36")  # fmt: skip
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1333, asa=68.3365, aht=484.2308,
           service_level=0.45)  # fmt: skip


def test_pl_windows_1250_names() -> None:
    r = mapped(_PL, **_PL_MAP)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Obsługa klienta", "Sprzedaż"}
    spec = json.loads(json.dumps(_PL_MAP))
    spec["fields"]["contact_id"] = "ID połączenia"
    assert mapped(_PL, **spec).report.rows_kept == 60


# --- 2. Swedish daily report: ISO dates, NBSP thousands, decimal commas --------------------------

_SE = "se_samtal_dag.csv"
_SE_KPIS = dict(contacts=15242, abandonment_rate=0.0607, asa=47.6077, aht=349.0728,
                service_level=0.7326)  # fmt: skip


def test_se_read_right_or_refused() -> None:
    # Today: refused, "holds no contacts the importer can see ... its columns: Datum, Kö,
    # Inkommande samtal, ...: map its volume column to offered or answered".
    honest(_SE, ("Inkommande samtal",), 10, **_SE_KPIS)


def test_se_with_mapping() -> None:
    # "1 368" (U+00A0) = 1368; "44,5" s; "65,8 %".
    r = mapped(_SE, shape="aggregated", fields={
        "date": "Datum", "queue": "Kö", "offered": "Inkommande samtal",
        "answered": "Besvarade samtal", "abandoned": "Avbrutna samtal",
        "asa_seconds": "Genomsnittlig väntetid (s)",
        "aht_seconds": "Genomsnittlig hanteringstid (s)", "service_level": "Svarsnivå"})  # fmt: skip
    accounted(r, 10)
    assert days(r) == SEPT
    expect(values(r, *KPIS), **_SE_KPIS)


# --- 3. Danish log: "02-09-2024" + "08.05.12", Besvaret Ja / Nej --------------------------------

_DK = "dk_opkald.csv"
_DK_KPIS = dict(contacts=60, abandonment_rate=0.1167, asa=51.2453, aht=473.3774,
                service_level=0.6333)  # fmt: skip
_DOTS_WHY = (
    "the clock written with dots, as the Danish, Norwegian and Finnish locales write it, is "
    "not read: in kpi/ingest/timestamps.py combine_date_time the time column goes to "
    "parse_duration(text, 'hms') whose _HMS pattern needs ':' ('11.24.16' is unreadable, "
    "every row quarantined 'missing or unparseable start_time'), and in a single timestamp "
    "column _best_format has no '%d.%m.%Y %H.%M.%S' ('2.9.2024 8.41.02'), pandas' mixed "
    "parser refuses it too. Fix: in combine_date_time turn '^(\\d{1,2})\\.(\\d{2})(\\.(\\d{2}))?$' "
    "into H:MM:SS before parsing, and add '%d.%m.%Y %H.%M.%S' / '%d.%m.%Y %H.%M' to the "
    "formats (a dotted time after a dotted date). With the clocks rewritten with ':' both "
    "files import with every expected value ('2 min 5 s' durations included). "
)


def test_dk_read_right_or_refused() -> None:
    # Today: refused, "'Dato' looks like dates — map it to start_time (other candidates:
    # Klokkeslæt)".
    honest(_DK, ("Dato",), 60, **_DK_KPIS)


def test_dk_with_mapping_dotted_clock() -> None:
    r = mapped(_DK, shape="interactions", fields={
        "contact_id": "Opkalds-ID", "start_time": ["Dato", "Klokkeslæt"], "queue": "Kø",
        "wait_seconds": "Ventetid (sek.)", "talk_seconds": "Samtaletid (sek.)",
        "acw_seconds": "Efterbehandling (sek.)"},
        outcome={"source": "Besvaret", "values": {"Ja": "answered", "Nej": "abandoned"}})  # fmt: skip
    accounted(r, 60)
    assert str(starts(r).min()) == "2024-09-02 11:24:16"
    expect(values(r, *KPIS), **_DK_KPIS)


# --- 4. Norwegian weekly report: "Uke 36 2024", "1 234,5", mm:ss --------------------------------

_NO = "no_ukerapport.csv"
_NO_KPIS = dict(contacts=51711, abandonment_rate=0.0678, asa=42.5745, aht=385.9354,
                service_level=0.696)  # fmt: skip


def test_no_read_right_or_refused() -> None:
    # Today: refused, "'Uke' looks like dates — map it to start_time" (for a weekly summary the
    # advice should say date, not start_time).
    honest(_NO, ("Uke",), 12, first="2024-09-02", last="2024-10-07", **_NO_KPIS)


def test_no_with_mapping_week_labels() -> None:
    # "Uke 36 2024" = ISO week 36 (2 September); "4 358" plain-space thousands; "00:58" mm:ss.
    r = mapped(_NO, shape="aggregated", fields={
        "date": "Uke", "queue": "Kø", "offered": "Innkommende anrop",
        "answered": "Besvarte anrop", "abandoned": "Tapte anrop",
        "asa_seconds": "Gj.snitt ventetid", "aht_seconds": "Gj.snitt behandlingstid",
        "service_level": "Servicenivå"})  # fmt: skip
    accounted(r, 12)
    assert days(r) == ("2024-09-02", "2024-10-07")
    assert "week" in grains(r), grains(r)
    expect(values(r, *KPIS), **_NO_KPIS)


# --- 5. Finnish log: "2.9.2024 8.05.12", durations "2 min 5 s" ---------------------------------

_FI = "fi_puhelut.csv"
_FI_KPIS = dict(contacts=60, abandonment_rate=0.1, asa=52.1296, aht=503.6667,
                service_level=0.6167)  # fmt: skip


def test_fi_read_right_or_refused() -> None:
    # Today: refused, "'Alkamisaika' looks like dates — map it to start_time".
    honest(_FI, ("Alkamisaika",), 60, **_FI_KPIS)


def test_fi_with_mapping_dotted_timestamps() -> None:
    r = mapped(_FI, shape="interactions", fields={
        "contact_id": "Puhelun tunnus", "start_time": "Alkamisaika", "queue": "Jono",
        "wait_seconds": "Jonotusaika", "talk_seconds": "Puheaika", "hold_seconds": "Pitoaika",
        "acw_seconds": "Jälkikäsittely"},
        outcome={"source": "Tila", "values": {"Vastattu": "answered",
                                              "Keskeytynyt": "abandoned"}})  # fmt: skip
    accounted(r, 60)
    assert days(r) == SEPT
    office_hours(r)
    expect(values(r, *KPIS), **_FI_KPIS)


# --- 6. Czech monthly report: Windows-1250, "září 2024" ------------------------------------------

_CZ = "cz_hovory_mesicni.csv"


def test_cz_read_right_or_refused() -> None:
    # Today: refused, "has no date or time column (its columns: ..., Fronta, ...)".
    honest(_CZ, ("Fronta",), 6, first="2024-07-01", last="2024-12-01", contacts=63195,
           abandonment_rate=0.0726, asa=42.3708, aht=363.7815, service_level=0.6748)  # fmt: skip


def test_cz_refusal_names_columns_as_written() -> None:
    # A refusal must name the columns as the user sees them: "Měsíc", "Přijaté hovory".
    with pytest.raises(KpiLabError) as err:
        load(_CZ)
    assert "Měsíc" in str(err.value) and "Přijaté hovory" in str(err.value), str(err.value)


# --- 7. Turkish log: dotless i headers, Cevaplandı / Terk Edildi --------------------------------

_TR = "tr_cagri_kaydi.csv"
_TR_KPIS = dict(contacts=60, abandonment_rate=0.2333, asa=56.6739, aht=480.7826,
                service_level=0.4833)  # fmt: skip


def test_tr_read_right_or_refused() -> None:
    # Today: refused, "'Tarih' looks like dates — map it to start_time".
    honest(_TR, ("Tarih",), 60, **_TR_KPIS)


def test_tr_with_mapping() -> None:
    # Headers with "ı", "ş", "İ" matched as written; "Cevaplandı" / "Terk Edildi" as mapped.
    r = mapped(_TR, shape="interactions", fields={
        "contact_id": "Çağrı No", "start_time": ["Tarih", "Saat"], "queue": "Kuyruk",
        "wait_seconds": "Bekleme Süresi (sn)", "talk_seconds": "Konuşma Süresi (sn)",
        "hold_seconds": "Beklemede Kalma Süresi (sn)",
        "acw_seconds": "Çağrı Sonrası İşlem (sn)"},
        outcome={"source": "Durum", "values": {"Cevaplandı": "answered",
                                               "Terk Edildi": "abandoned"}})  # fmt: skip
    accounted(r, 60)
    assert days(r) == SEPT
    assert str(starts(r).min()) == "2024-09-02 08:31:02"
    expect(values(r, *KPIS), **_TR_KPIS)


# --- 8. Brazilian Portuguese log: Windows-1252, Data/Hora, H:MM:SS ------------------------------

_BR = "br_atendimentos_cp1252.csv"


def test_br_log() -> None:
    r = load(_BR)
    accounted(r, 60)
    assert days(r) == SEPT
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 08:30:58",
                                                           "2024-09-13 14:53:33")  # fmt: skip
    assert set(r.dataset.frame["queue"].astype(str)) == {"Atendimento", "Cobrança"}
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1167, asa=49.2642, aht=452.2075,
           service_level=0.5667)  # fmt: skip


# --- 9. Mexican Spanish log: "01:05:12 p. m.", decimal point, day-first -------------------------

_MX = "mx_llamadas_pm.csv"


def test_mx_spanish_ampm() -> None:
    # "02/09/2024 01:36:04 p. m." = 13:36:04 on 2 September; 42 of 60 calls after noon.
    r = load(_MX)
    accounted(r, 60)
    assert days(r) == SEPT
    office_hours(r)
    assert int((starts(r).dt.hour >= 12).sum()) == 42
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 08:18:42",
                                                           "2024-09-13 17:06:03")  # fmt: skip
    # "11.5" s: a decimal POINT beside day-first dates.
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1833, asa=38.5102, aht=463.7143,
           service_level=0.5833)  # fmt: skip


# --- 10. Argentine daily report: "02/09/24", "00h05m12s" -----------------------------------------

_AR = "ar_reporte_diario.csv"


def test_ar_daily_report() -> None:
    # "13/09/24" day-first two-digit year; TME / TMO "00h07m28s"; "67,1%".
    r = load(_AR)
    accounted(r, 20)
    assert days(r) == SEPT
    assert r.dataset.shape == "aggregated"
    assert "day" in grains(r), grains(r)
    expect(values(r, *KPIS), contacts=5658, abandonment_rate=0.062, asa=48.4411, aht=381.413,
           service_level=0.7026)  # fmt: skip


# --- 11. Quebec French log: "13 h 05", durations "1 min 05 s" ------------------------------------

_QC = "qc_journal_appels.csv"


def test_qc_french_canadian_clock() -> None:
    r = load(_QC)
    accounted(r, 60)
    assert days(r) == SEPT
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 09:43:00",
                                                           "2024-09-13 17:23:00")  # fmt: skip
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1167, asa=54.3396, aht=473.5472,
           service_level=0.55)  # fmt: skip


# --- 12. Austrian monthly report: "Jänner 2024", "Feber 2024" -----------------------------------

_AT = "at_monatsbericht.csv"


def test_at_austrian_month_names() -> None:
    r = load(_AT)
    accounted(r, 12)
    assert days(r) == ("2024-01-01", "2024-06-01")
    assert "month" in grains(r), grains(r)
    expect(values(r, *KPIS), contacts=99537, abandonment_rate=0.0505, asa=59.2961,
           aht=347.1382, service_level=0.7099)  # fmt: skip


# --- 13. Swiss German log: "02.09.24", durations "5'12''" ---------------------------------------

_CH = "ch_anrufjournal.csv"


def test_ch_rows_and_two_digit_years() -> None:
    # "13.09.24" = 13 September 2024 (day-first, two-digit year), Datum + Uhrzeit combined.
    r = load(_CH)
    accounted(r, 60)
    assert days(r) == SEPT
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 10:49:42",
                                                           "2024-09-13 16:01:03")  # fmt: skip
    expect(values(r, "contacts", "abandonment_rate"), contacts=60, abandonment_rate=0.15)


def test_ch_minute_second_durations() -> None:
    r = load(_CH)
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.15, asa=39.1569, aht=438.7059,
           service_level=0.6)  # fmt: skip


# --- 14. Genesys Cloud interactions export, German UI -------------------------------------------

_GDE = "genesys_de_interaktionen.csv"


def test_genesys_de_rows() -> None:
    # 70 conversations, 9 of them outbound ("Ausgehend"); "13.09.2024 ..." day-first.
    r = load(_GDE)
    accounted(r, 70)
    assert days(r) == SEPT
    office_hours(r)


def test_genesys_de_outbound_not_in_abandonment() -> None:
    honest(_GDE, ("Richtung",), 70, contacts=70, abandonment_rate=0.082, asa=49.2679,
           aht=450.0615, service_level=0.6557)  # fmt: skip


# --- 15. Japanese call log: UTF-8 with BOM, 受付日時 / 応答 / 放棄 ----------------------------

_JP = "jp_call_log.csv"
_JP_KPIS = dict(contacts=60, abandonment_rate=0.15, asa=64.3725, aht=480.8824,
                service_level=0.45)  # fmt: skip


def test_jp_read_right_or_unavailable() -> None:
    # 通話ID is the id, 受付日時 the start, 待ち時間(秒) / 通話時間(秒) / 保留時間(秒) /
    # 後処理時間(秒) the durations (Japanese headers keep their letters; "(秒)" is seconds),
    # 結果 the outcome (応答 answered, 放棄 abandoned): every KPI comes out, and right.
    honest(_JP, ("受付日時", "結果"), 60, **_JP_KPIS)
    assert not [k for k, v in values(load(_JP), *_JP_KPIS).items() if math.isnan(v)]
    r = load(_JP)
    assert (str(starts(r).min()), str(starts(r).max())) == ("2024-09-02 08:34:10",
                                                           "2024-09-13 15:06:04")  # fmt: skip
    assert "utf-8" in text(r)


def test_jp_with_mapping() -> None:
    # Japanese header names in a mapping file; 応答 / 放棄 as the outcome values.
    r = mapped(_JP, shape="interactions", fields={
        "contact_id": "通話ID", "start_time": "受付日時", "queue": "キュー",
        "agent_id": "オペレーター", "wait_seconds": "待ち時間(秒)",
        "talk_seconds": "通話時間(秒)", "hold_seconds": "保留時間(秒)",
        "acw_seconds": "後処理時間(秒)"},
        outcome={"source": "結果", "values": {"応答": "answered", "放棄": "abandoned"}})  # fmt: skip
    accounted(r, 60)
    assert days(r) == SEPT
    assert set(r.dataset.frame["queue"].astype(str)) == {"カスタマーサポート", "営業"}
    expect(values(r, *KPIS), **_JP_KPIS)
