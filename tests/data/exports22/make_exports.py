"""Regenerate the twenty-second blind acceptance corpus (tests/test_real_exports_22.py).

    .venv/bin/python tests/data/exports22/make_exports.py             # write the files
    .venv/bin/python tests/data/exports22/make_exports.py --expected  # also print the truth

Round 22 is about LOCALIZED UI EXPORTS OF THE BIG PLATFORMS: the column names, value words,
date, clock and number conventions a platform writes when its user interface is set to another
language: Genesys Cloud in German (the "Interaktionen" view: "Datum" 10.03.2025 08:05:12,
"Richtung" Eingehend / Ausgehend, "Abgebrochen" Ja / Nein, "... gesamt" H:MM:SS totals and a
"Dauer" that is NOT the handle time), NICE CXone in French (semicolons, UTF-8 BOM, CRLF,
"Abandon" Oui / Non, day-first dates), Five9 in Spanish (upper-case headers, "mar, 11 mar 2025
08:05:12" where "mar" is both Tuesday and March, "TIEMPO DE ESPERA EN COLA" beside "TIEMPO EN
ESPERA" = hold), Amazon Connect contact search with the Japanese console locale (2025/05/05
dates, durations in seconds, abandonment only as a blank agent-connected timestamp), Zendesk
Talk in Dutch ("Voltooid" / "Afgebroken in wachtrij" / "Voicemail", 07-04-2025 dates), Talkdesk
Explore in Italian (semicolons, "Tipo" In entrata / Abbandonata / Segreteria, "Entro il livello
di servizio" Sì / No) and an Amazon Connect historical metrics report with the Portuguese
(Brazil) locale (daily rows, decimal commas "38,00", "82,35%").

Each builder draws rows with its own seeded ``random.Random``, writes them the way the
localized export looks, and returns the KPIs computed in plain Python over the drawn records
(the summary: over the displayed numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-21): contacts = rows of a contact
log (sum offered in a summary); abandonment = abandoned / inbound queued (answered + abandoned +
voicemail; outbound is not queued); ASA = mean wait of answered inbound rows; AHT = mean talk +
hold + ACW of handled rows (inbound answered, outbound connected); service level (20 s,
abandons negative) = answered within 20 s / (answered + abandoned). Summaries: contacts = sum
offered, abandonment = abandoned / offered, ASA / AHT / the displayed service level weighted
by answered.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    dial_out,
    draw_call,
    draw_row,
    drawn_calls,
    guid,
    handled,
    hms,
    log_truth,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
MAR = weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 21))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 25))  # three weeks
MAY = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))


def put(name: str, header: list[str], rows: list[list[Any]], *, sep: str = ",",
        eol: str = "\n", enc: str = "utf-8") -> None:  # fmt: skip
    """Write one export as the tool does (separator, line ends, encoding)."""
    (OUT / name).write_bytes(csv_text([header, *rows], sep=sep, eol=eol).encode(enc))


AGENTS_DE = ["Anna Schmidt", "Jonas Weber", "Lea Fischer", "Paul Wagner", "Mia Becker"]
AGENTS_FR = ["Camille Martin", "Hugo Bernard", "Léa Dubois", "Louis Moreau", "Chloé Laurent"]
AGENTS_ES = ["Lucía García", "Mateo Fernández", "Sofía López", "Hugo Martínez", "Martina Ruiz"]
AGENTS_JA = ["sato.haruto", "suzuki.yui", "takahashi.ren", "tanaka.hina", "ito.sota"]
AGENTS_NL = ["Daan de Vries", "Emma Jansen", "Sem Bakker", "Julia Visser", "Lucas Smit"]
AGENTS_IT = ["Giulia Rossi", "Marco Russo", "Sara Ferrari", "Luca Esposito", "Chiara Bianchi"]


# --- 1. Genesys Cloud, German UI: the "Interaktionen" view -------------------------------------


@builder
def build_genesys_de_interaktionen() -> dict[str, Any]:
    # Genesys Cloud "Leistung > Interaktionen" exported with the German UI: "Datum" day-first
    # with dots ("10.03.2025 08:05:12"), "Richtung" Eingehend / Ausgehend (a fifth of the rows
    # are outbound dials, no queue, a quarter of them not picked up: empty totals),
    # "Abgebrochen" Ja / Nein, "Warteschlange gesamt", "Gespräch gesamt", "Halten gesamt",
    # "Nachbearbeitung gesamt" H:MM:SS; "Dauer" is the whole conversation (queue + talk +
    # hold), not the handle time.
    rng = random.Random(2201)
    recs, rows = [], []
    for t in spread(rng, MAR, 8):
        c = dial_out(rng, 0.25) if rng.random() < 0.2 else draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ok, inb = handled(c), c["inbound"]
        dur = c["wait"] + c["talk"] + c["hold"] if inb else c["talk"] + c["hold"] + 20

        def d(s: int, show: bool) -> str:
            return hms(s, pad=False) if show else ""

        rows.append([
            f"{t:%d.%m.%Y %H:%M:%S}", rng.choice(AGENTS_DE) if ok or not inb else "",
            hms(dur, pad=False), "Eingehend" if inb else "Ausgehend",
            f"tel:+4930{rng.randint(1000000, 9999999)}", "tel:+498912345600",
            rng.choice(["Kundenservice", "Vertrieb", "Technik"]) if inb else "",
            rng.choice(["Erledigt", "Rückruf", "Info gegeben"]) if ok else "",
            "Ja" if c["outcome"] == "abandoned" else "Nein", "Sprache",
            d(c["wait"], inb), d(c["talk"], ok), d(c["hold"], ok), d(c["acw"], ok),
            guid(rng),
        ])  # fmt: skip
    put(
        "genesys_de_interaktionen.csv",
        ["Datum", "Benutzer – Interagiert", "Dauer", "Richtung", "ANI", "DNIS",
         "Warteschlange", "Nachbearbeitungscode", "Abgebrochen", "Medientyp",
         "Warteschlange gesamt", "Gespräch gesamt", "Halten gesamt", "Nachbearbeitung gesamt",
         "Konversations-ID"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    return t


# --- 2. NICE CXone, French UI: contact detail ---------------------------------------------------


@builder
def build_cxone_fr_contacts() -> dict[str, Any]:
    # CXone "Détails du contact" downloaded with the French UI: semicolons, UTF-8 with a BOM,
    # CRLF; "Date de début" day-first ("07/04/2025 08:05:12"), "Nom de la compétence",
    # "Nom de l'agent", "Abandon" Oui / Non, durations in seconds ("Temps en file d'attente",
    # "Temps de conversation actif", "Temps de mise en attente", "Secondes ACW").
    rng = random.Random(2202)
    recs = drawn_calls(rng, APR, 6, p_ab=0.14)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            580331200 + i * 7, f"{c['start']:%d/%m/%Y %H:%M:%S}", "Téléphone",
            rng.choice(["FR Facturation", "FR Support technique", "FR Ventes"]),
            rng.choice(AGENTS_FR) if ok else "", "Entrant", "Non" if ok else "Oui",
            c["wait"], c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    put(
        "cxone_fr_contacts.csv",
        ["ID du contact", "Date de début", "Nom du média", "Nom de la compétence",
         "Nom de l'agent", "Direction", "Abandon", "Temps en file d'attente",
         "Temps de conversation actif", "Temps de mise en attente", "Secondes ACW"],
        rows, sep=";", eol="\r\n", enc="utf-8-sig",
    )  # fmt: skip
    return log_truth(recs)


# --- 3. Five9, Spanish UI: call log --------------------------------------------------------------

_DIAS = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
_MESES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]


@builder
def build_five9_es_call_log() -> dict[str, Any]:
    # Five9 "Registro de llamadas" with the Spanish UI: upper-case headers as Five9 writes
    # them, "MARCA DE TIEMPO" "mar, 11 mar 2025 08:05:12" (Tuesday 11 March: "mar" is both),
    # "TIPO DE LLAMADA" Entrante, "DISPOSICIÓN" words, H:MM:SS durations; "TIEMPO DE ESPERA EN
    # COLA" is the queue wait, "TIEMPO EN ESPERA" the hold; "ABANDONADA" 1 / 0.
    rng = random.Random(2203)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.16)
    rows = []
    for c in recs:
        ok = handled(c)
        t = c["start"]
        stamp = f"{_DIAS[t.weekday()]}, {t.day:02d} {_MESES[t.month - 1]} {t.year} {t:%H:%M:%S}"
        rows.append([
            f"{rng.randint(10**9, 10**10 - 1)}", stamp, "Atención al Cliente", "Entrante",
            rng.choice(AGENTS_ES) if ok else "",
            rng.choice(["Resuelto", "Pendiente", "Venta"]) if ok else "Abandonada",
            f"34{rng.randint(600000000, 699999999)}", "34911234567", hms(c["wait"]),
            hms(c["talk"]), hms(c["hold"]), hms(c["acw"]), 0 if ok else 1,
        ])  # fmt: skip
    put(
        "five9_es_call_log.csv",
        ["ID DE LLAMADA", "MARCA DE TIEMPO", "CAMPAÑA", "TIPO DE LLAMADA", "AGENTE",
         "DISPOSICIÓN", "ANI", "DNIS", "TIEMPO DE ESPERA EN COLA", "TIEMPO DE CONVERSACIÓN",
         "TIEMPO EN ESPERA", "TIEMPO DE TRABAJO POSTERIOR A LA LLAMADA", "ABANDONADA"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 4. Amazon Connect contact search, Japanese console locale -----------------------------------


@builder
def build_connect_ja_contacts() -> dict[str, Any]:
    # Contact search results downloaded from the Amazon Connect console set to Japanese:
    # "開始タイムスタンプ" "2025/05/05 08:05:12", "開始方法" インバウンド, "チャネル" 音声,
    # durations in seconds; an abandoned contact has a queue time but no agent and no
    # "エージェント接続タイムスタンプ" -- there is no abandoned column. "切断理由" keeps the API
    # enums.
    rng = random.Random(2204)
    recs = drawn_calls(rng, MAY, 6, p_ab=0.15)
    rows = []
    for c in recs:
        ok = handled(c)
        t = c["start"]
        conn = t + dt.timedelta(seconds=c["wait"])
        end = conn + dt.timedelta(seconds=c["talk"] + c["hold"]) if ok else conn
        rows.append([
            guid(rng), "音声", "インバウンド", f"{t:%Y/%m/%d %H:%M:%S}", f"{end:%Y/%m/%d %H:%M:%S}",
            rng.choice(["サポート", "請求", "営業"]), rng.choice(AGENTS_JA) if ok else "",
            f"{conn:%Y/%m/%d %H:%M:%S}" if ok else "", c["wait"],
            c["talk"] if ok else "", c["hold"] if ok else "", c["acw"] if ok else "",
            rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"]) if ok
            else "CUSTOMER_DISCONNECT",
        ])  # fmt: skip
    put(
        "connect_ja_contacts.csv",
        ["コンタクト ID", "チャネル", "開始方法", "開始タイムスタンプ", "切断タイムスタンプ", "キュー",
         "エージェント", "エージェント接続タイムスタンプ", "キュー内の時間", "エージェントとの対話時間",
         "顧客の保留時間", "アフターコンタクトワークの時間", "切断理由"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 5. Zendesk Talk, Dutch UI: calls --------------------------------------------------------------


@builder
def build_zendesk_nl_gesprekken() -> dict[str, Any]:
    # Zendesk Explore "Talk - Gesprekken" exported with the Dutch UI: "Gesprek gestart -
    # Tijdstempel" "07-04-2025 08:05:12", "Gespreksrichting" Inkomend, "Voltooiingsstatus
    # gesprek" Voltooid / Afgebroken in wachtrij / Voicemail (voicemail is queued, not
    # answered, not abandoned), durations in seconds ("Wachttijd gesprek" the queue wait,
    # "Wachtstandtijd gesprek" the hold).
    rng = random.Random(2205)
    recs = drawn_calls(rng, APR[:10], 8, p_ab=0.12, p_vm=0.06)
    words = {"answered": "Voltooid", "abandoned": "Afgebroken in wachtrij",
             "voicemail": "Voicemail"}  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            360012450 + i, f"{c['start']:%d-%m-%Y %H:%M:%S}", "Inkomend", words[c["outcome"]],
            rng.choice(["Klantenservice", "Facturatie"]), rng.choice(AGENTS_NL) if ok else "",
            c["wait"], c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    put(
        "zendesk_nl_gesprekken.csv",
        ["Gesprek-ID", "Gesprek gestart - Tijdstempel", "Gespreksrichting",
         "Voltooiingsstatus gesprek", "Groep", "Agent", "Wachttijd gesprek",
         "Gesprekstijd", "Wachtstandtijd gesprek", "Afrondingstijd gesprek"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["voicemails"] = sum(r["outcome"] == "voicemail" for r in recs)
    return t


# --- 6. Talkdesk Explore, Italian UI: contacts ----------------------------------------------------


@builder
def build_talkdesk_it_contatti() -> dict[str, Any]:
    # Talkdesk Explore "Contatti" with the Italian UI: semicolons, "Iniziata alle" day-first
    # ("05/05/2025 08:05:12"), "Tipo" In entrata / Abbandonata / Segreteria, seconds
    # ("Tempo di attesa" the queue wait, "Tempo in attesa" the hold, "Tempo di conversazione",
    # "Tempo post-chiamata"), "Entro il livello di servizio (Sì / No)".
    rng = random.Random(2206)
    recs = drawn_calls(rng, MAY, 8, p_ab=0.14, p_vm=0.05)
    words = {"answered": "In entrata", "abandoned": "Abbandonata", "voicemail": "Segreteria"}
    rows = []
    for c in recs:
        ok = handled(c)
        rows.append([
            guid(rng).replace("-", ""), f"{c['start']:%d/%m/%Y %H:%M:%S}", words[c["outcome"]],
            rng.choice(["Assistenza", "Commerciale"]), rng.choice(AGENTS_IT) if ok else "",
            c["wait"], c["talk"], c["hold"], c["acw"], c["handle"],
            "Sì" if ok and c["wait"] <= 20 else "No",
        ])  # fmt: skip
    put(
        "talkdesk_it_contatti.csv",
        ["ID interazione", "Iniziata alle", "Tipo", "Coda", "Nome agente", "Tempo di attesa",
         "Tempo di conversazione", "Tempo in attesa", "Tempo post-chiamata",
         "Tempo di gestione", "Entro il livello di servizio (Sì / No)"],
        rows, sep=";",
    )  # fmt: skip
    t = log_truth(recs)
    t["voicemails"] = sum(r["outcome"] == "voicemail" for r in recs)
    return t


# --- 7. Amazon Connect historical metrics, Portuguese (Brazil) locale -----------------------------


@builder
def build_connect_ptbr_metricas() -> dict[str, Any]:
    # A historical metrics report (queues, daily interval) downloaded with the console in
    # Portuguese (Brazil): "Início do intervalo" "07/04/2025 00:00", averages in seconds with a
    # decimal comma ("38,00"), "Nível de serviço 20 segundos" "82,35%"; the comma-decimal cells
    # are quoted in a comma-separated file.
    rng = random.Random(2207)
    rows, drawn = [], []
    for d in APR:
        for q in ("Atendimento", "Cobrança"):
            r = draw_row(rng, d, 60)
            r["sl"] = round(r["sl"], 2)
            drawn.append(r)
            rows.append([
                q, f"{d:%d/%m/%Y} 00:00", f"{d + dt.timedelta(days=1):%d/%m/%Y} 00:00",
                r["offered"], r["answered"], r["abandoned"],
                f"{r['asa']:.2f}".replace(".", ","), f"{r['aht']:.2f}".replace(".", ","),
                f"{r['sl']:.2f}%".replace(".", ","),
            ])  # fmt: skip
    put(
        "connect_ptbr_metricas.csv",
        ["Fila", "Início do intervalo", "Fim do intervalo", "Contatos na fila",
         "Contatos tratados", "Contatos abandonados", "Tempo médio de resposta da fila",
         "Tempo médio de tratamento", "Nível de serviço 20 segundos"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    return t


if __name__ == "__main__":
    BUILD.main()
