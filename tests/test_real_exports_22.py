"""Twenty-second blind acceptance suite: localized UI exports of the big platforms.

The files in ``tests/data/exports22/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows of a contact log (sum
offered in a summary); abandonment and service level (20 s, abandons negative) over inbound
queued contacts (voicemail is queued, not abandoned); ASA over answered; AHT = talk + hold +
ACW over handled contacts (inbound answered, outbound connected); summaries weighted by
answered.

Files: Genesys Cloud "Interaktionen" in German, NICE CXone contact detail in French, a Five9
call log in Spanish, Amazon Connect contact search with the Japanese locale, Zendesk Talk calls
in Dutch, Talkdesk Explore contacts in Italian, an Amazon Connect historical metrics report in
Portuguese (Brazil).

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number, nothing said): German "Dauer" (queue + talk + hold) taken as the handle
time; Dutch and Italian AHT from talk (+ hold) only, the localized hold / ACW columns unmapped.
Said (unavailable or the import refused): the localized wait, talk, ACW and outcome columns of
the French, Dutch and Italian files; the Spanish "MARCA DE TIEMPO" and the Japanese
"開始タイムスタンプ" not taken as start times; the Portuguese summary's volume columns.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import math

from exports_check import accounted, days, expect, office_hours, reader, values

from kpi import ingest

load = reader("exports22")
MAR = ("2025-03-10", "2025-03-21")
APR = ("2025-04-07", "2025-04-25")
MAY = ("2025-05-05", "2025-05-16")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")
NOT_IN_LOGS = ("transfer_rate", "fcr", "csat")  # no such column in any of these files


def unavailable(r: ingest.ImportResult, *kpis: str) -> None:
    """None of ``kpis`` comes out of the file (each is reported unavailable)."""
    got = values(r, *kpis)
    came = {k: got[k] for k in kpis if not math.isnan(got[k])}
    assert not came, f"KPIs that must not come out of this file: {came}"


def log_read(name: str, rows: int, window: tuple[str, str]) -> None:
    """A contact log: every row kept, the drawn days, office-hours starts, no extra KPIs."""
    r = load(name)
    accounted(r, rows)
    assert days(r) == window
    office_hours(r)
    unavailable(r, *NOT_IN_LOGS)


# --- 1. Genesys Cloud, German UI, "Interaktionen" view -------------------------------------------

_DE = "genesys_de_interaktionen.csv"


def test_genesys_de_rows_days() -> None:
    log_read(_DE, 80, MAR)  # "10.03.2025 08:05:12", 18 outbound dials kept


def test_genesys_de_volume() -> None:
    # "Abgebrochen" Ja / Nein over "Eingehend" rows only.
    expect(values(load(_DE), "contacts", "abandonment_rate"), contacts=80,
           abandonment_rate=0.129)  # fmt: skip


def test_genesys_de_timing() -> None:
    expect(values(load(_DE), "asa", "aht", "service_level"), asa=40.7778, aht=459.9853,
           service_level=0.6452)  # fmt: skip


# --- 2. NICE CXone, French UI, contact detail ----------------------------------------------------

_FR = "cxone_fr_contacts.csv"


def test_cxone_fr_rows_days() -> None:
    log_read(_FR, 90, APR)  # semicolons, BOM, CRLF, "07/04/2025" day-first


def test_cxone_fr_volume() -> None:
    expect(values(load(_FR), "contacts", "abandonment_rate"), contacts=90,
           abandonment_rate=0.1556)  # fmt: skip


def test_cxone_fr_timing() -> None:
    expect(values(load(_FR), "asa", "aht", "service_level"), asa=50.7237, aht=458.6974,
           service_level=0.5444)  # fmt: skip


# --- 3. Five9, Spanish UI, call log --------------------------------------------------------------

_ES = "five9_es_call_log.csv"
_ES_WHY = (
    "said: the import is refused (MissingDateColumn 'has no date or time column'): 'MARCA DE "
    "TIEMPO' (Five9's TIMESTAMP in Spanish, 'lun, 10 mar 2025 08:05:12' with Spanish weekday "
    "and month abbreviations) is neither recognised by name nor parsed as dates."
)


def test_five9_es_rows_days() -> None:
    log_read(_ES, 70, MAR)


def test_five9_es_kpis() -> None:
    # "TIEMPO DE ESPERA EN COLA" is the wait, "TIEMPO EN ESPERA" the hold.
    expect(values(load(_ES), *KPIS), contacts=70, abandonment_rate=0.1143, asa=51.3065,
           aht=492.3387, service_level=0.5714)  # fmt: skip


# --- 4. Amazon Connect contact search, Japanese console locale -----------------------------------

_JA = "connect_ja_contacts.csv"
_JA_WHY = (
    "said: the import is refused (MissingDateColumn): it names '開始タイムスタンプ' (start "
    "timestamp, '2025/05/05 08:05:12') as looking like dates but does not take it as the start "
    "time; no Japanese header is mapped (キュー内の時間 wait, エージェントとの対話時間 talk, "
    "abandonment = blank 'エージェント接続タイムスタンプ')."
)


def test_connect_ja_rows_days() -> None:
    log_read(_JA, 60, MAY)


def test_connect_ja_kpis() -> None:
    expect(values(load(_JA), *KPIS), contacts=60, abandonment_rate=0.1, asa=37.7037,
           aht=514.4074, service_level=0.6833)  # fmt: skip


# --- 5. Zendesk Talk, Dutch UI -------------------------------------------------------------------

_NL = "zendesk_nl_gesprekken.csv"


def test_zendesk_nl_rows_days() -> None:
    log_read(_NL, 80, ("2025-04-07", "2025-04-18"))  # "07-04-2025" day-first


def test_zendesk_nl_contacts() -> None:
    expect(values(load(_NL), "contacts"), contacts=80)


def test_zendesk_nl_aht() -> None:
    expect(values(load(_NL), "aht"), aht=512.3538)


def test_zendesk_nl_queue_kpis() -> None:
    # 8 voicemails: queued, neither answered nor abandoned.
    expect(values(load(_NL), "abandonment_rate", "asa", "service_level"),
           abandonment_rate=0.0875, asa=55.6769, service_level=0.5556)  # fmt: skip


# --- 6. Talkdesk Explore, Italian UI -------------------------------------------------------------

_IT = "talkdesk_it_contatti.csv"


def test_talkdesk_it_rows_days() -> None:
    log_read(_IT, 80, MAY)  # semicolons, "05/05/2025" day-first


def test_talkdesk_it_contacts_asa() -> None:
    # "Tempo di attesa" is the wait, "Tempo in attesa" the hold.
    expect(values(load(_IT), "contacts", "asa"), contacts=80, asa=66.8194)


def test_talkdesk_it_aht() -> None:
    expect(values(load(_IT), "aht"), aht=484.1667)


def test_talkdesk_it_queue_kpis() -> None:
    expect(values(load(_IT), "abandonment_rate", "service_level"), abandonment_rate=0.075,
           service_level=0.5641)  # fmt: skip


# --- 7. Amazon Connect historical metrics, Portuguese (Brazil) locale -----------------------------

_PT = "connect_ptbr_metricas.csv"
_PT_WHY = (
    "said: the import is refused (DataError 'holds no contacts the importer can see'): "
    "'Contatos na fila' / 'Contatos tratados' / 'Contatos abandonados' are not recognised as "
    "offered / answered / abandoned, so the daily summary is not seen as one."
)


def test_connect_ptbr_rows_days() -> None:
    r = load(_PT)
    accounted(r, 30)
    assert days(r) == APR


def test_connect_ptbr_kpis() -> None:
    # "38,00" decimal-comma averages, "82,35%" service level, weighted by answered.
    expect(values(load(_PT), *KPIS), contacts=1840, abandonment_rate=0.0641, asa=46.8345,
           aht=360.2195, service_level=0.7121)  # fmt: skip
