"""Regenerate the twelfth blind acceptance corpus (tests/test_real_exports_12.py).

    .venv/bin/python tests/data/exports12/make_exports.py             # write the files
    .venv/bin/python tests/data/exports12/make_exports.py --expected  # also print the truth

Round 12 is about REGIONAL and LANGUAGE variants of real exports. Each builder draws rows with
its own seeded ``random.Random``, writes them the way a platform localized for that country
writes them (headers, value words, dates, numbers, durations, encoding), and returns the KPIs
computed in plain Python over the drawn records (summary reports: over the *displayed* numbers)
-- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-11):

* contact logs: contacts = rows; abandonment = abandoned / (answered + abandoned) over inbound
  rows; ASA = mean wait of inbound answered rows; AHT = mean talk + hold + ACW over handled rows
  (inbound answered, outbound connected); service level (20 s, abandons negative) = inbound
  answered within 20 s / (answered + abandoned);
* summary reports: contacts = sum offered; abandonment = sum abandoned / sum offered; ASA, AHT
  and a service-level percentage weighted by answered.

Round 12 shapes (none of these languages or regional forms is in an earlier round): a Polish
PBX log (Windows-1250, "02.09.2024 08:05:12", Odebrane / Porzucone), a Swedish daily report
(ISO dates, NBSP thousands "1 234", decimal commas, Besvarade / Avbrutna), a Danish log
("02-09-2024" + "08.05.12" clock with dots, Besvaret Ja / Nej), a Norwegian weekly report ("Uke
36 2024", plain-space thousands "1 234,5", mm:ss averages), a Finnish log ("2.9.2024 8.05.12",
durations "2 min 5 s", Vastattu / Keskeytynyt), a Czech monthly report (Windows-1250, "září
2024"), a Turkish log (dotless i headers, Cevaplandı / Terk Edildi), a Brazilian Portuguese log
(Windows-1252, Data/Hora, H:MM:SS, Atendida / Abandonada), a Mexican Spanish log ("02/09/2024
01:05:12 p. m.", decimal POINT with day-first dates), an Argentine daily report (two-digit
years "02/09/24", durations "00h05m12s"), a Quebec French log (ISO date + "13 h 05" clock,
durations "1 min 05 s", Répondu / Abandonné), an Austrian monthly report ("Jänner 2024",
"Feber 2024"), a Swiss German log ("02.09.24", durations "5'12''", Angenommen / Verpasst), a
Genesys Cloud interactions export in German (Richtung Eingehend / Ausgehend, Abgebrochen Ja /
Nein) and a Japanese call log (UTF-8 with BOM, 受付日時 / 通話時間 / 応答 / 放棄).
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
    draw_call,
    draw_row,
    drawn_calls,
    hms,
    log_truth,
    mmss,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
SEPT = weekdays(dt.date(2024, 9, 2), dt.date(2024, 9, 13))  # days 13+ disambiguate d/m
NBSP = "\u00a0"


def write(name: str, rows: list[list[Any]], *, sep: str = ";", enc: str = "utf-8") -> None:
    """Header + rows as CSV in ``enc`` (CRLF: every shape here is an Excel / Windows export)."""
    (OUT / name).write_bytes(csv_text(rows, sep=sep, eol="\r\n").encode(enc))


def dec(x: float, nd: int = 1) -> str:
    """A decimal comma ("47,5")."""
    return f"{x:.{nd}f}".replace(".", ",")


def grouped(n: float, sep: str, nd: int = 0) -> str:
    """Thousands grouped by ``sep``, decimal comma ("1 234,5")."""
    return f"{n:,.{nd}f}".replace(",", "#").replace(".", ",").replace("#", sep)


def truth_log(recs: list[dict[str, Any]]) -> dict[str, Any]:
    t = log_truth(recs)
    t["first_start"] = min(r["start"] for r in recs).isoformat(sep=" ")
    t["last_start"] = max(r["start"] for r in recs).isoformat(sep=" ")
    return t


# --- 1. Polish PBX log: Windows-1250, Odebrane / Porzucone -------------------------------------


@builder
def build_pl_polaczenia_cp1250() -> dict[str, Any]:
    # Excel pl-PL ("CSV (rozdzielany średnikami)"): ';', Windows-1250 (ł, ą, ż), "02.09.2024
    # 08:05:12", waits with a decimal comma "12,5", Status "Odebrane" (answered) / "Porzucone"
    # (abandoned).
    rng = random.Random(1201)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        c["wait"] += rng.choice([0, 0.5])
        ans = c["outcome"] == "answered"
        rows.append([
            f"PL{240900 + i}", f"{c['start']:%d.%m.%Y %H:%M:%S}",
            rng.choice(["Obsługa klienta", "Sprzedaż"]),
            rng.choice(["Łukasz Wójcik", "Agnieszka Bąk", "Paweł Żak"]) if ans else "",
            dec(c["wait"]), c["talk"], c["hold"], c["acw"], "Odebrane" if ans else "Porzucone",
        ])  # fmt: skip
    head = ["ID połączenia", "Data i godzina", "Kolejka", "Konsultant",
            "Czas oczekiwania (s)", "Czas rozmowy (s)", "Czas wstrzymania (s)",
            "Czas po rozmowie (s)", "Status"]  # fmt: skip
    write("pl_polaczenia_cp1250.csv", [head, *rows], enc="cp1250")
    return truth_log(recs)


# --- 2. Swedish daily report: ISO dates, NBSP thousands, decimal commas ------------------------


@builder
def build_se_samtal_dag() -> dict[str, Any]:
    # Excel sv-SE: ';', "Datum" ISO 2024-09-02 (Swedish dates are ISO), counts "1 234" with a
    # NO-BREAK SPACE, averages "47,5", Svarsnivå "85,3 %".
    rng = random.Random(1202)
    rows, out = [], []
    for d in SEPT:
        r = draw_row(rng, d, 1500)
        r["asa"] += rng.choice([0, 0.5])
        r["aht"] += rng.choice([0, 0.5])
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"{d:%Y-%m-%d}", "Kundtjänst", grouped(r["offered"], NBSP),
            grouped(r["answered"], NBSP), grouped(r["abandoned"], NBSP), dec(r["asa"]),
            dec(r["aht"]), f"{dec(r['sl'])} %",
        ])  # fmt: skip
    head = ["Datum", "Kö", "Inkommande samtal", "Besvarade samtal", "Avbrutna samtal",
            "Genomsnittlig väntetid (s)", "Genomsnittlig hanteringstid (s)", "Svarsnivå"]  # fmt: skip
    write("se_samtal_dag.csv", [head, *out])
    return summary_truth(rows)


# --- 3. Danish log: "02-09-2024" + "08.05.12", Besvaret Ja / Nej ------------------------------


@builder
def build_dk_opkald() -> dict[str, Any]:
    # Danish locale: dates "02-09-2024" (day-month-year with hyphens), the clock with DOTS
    # "08.05.12" in its own column, "Besvaret" Ja / Nej, seconds "(sek.)".
    rng = random.Random(1203)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        t = c["start"]
        rows.append([
            7300 + i, f"{t:%d-%m-%Y}", f"{t:%H.%M.%S}", rng.choice(["Kundeservice", "Salg"]),
            c["wait"], c["talk"], c["acw"], "Ja" if c["outcome"] == "answered" else "Nej",
        ])  # fmt: skip
    head = ["Opkalds-ID", "Dato", "Klokkeslæt", "Kø", "Ventetid (sek.)", "Samtaletid (sek.)",
            "Efterbehandling (sek.)", "Besvaret"]  # fmt: skip
    write("dk_opkald.csv", [head, *rows])
    for c in recs:  # the file has no hold column: handle = talk + ACW
        c["hold"] = 0
        c["handle"] = c["talk"] + c["acw"] if c["outcome"] == "answered" else 0
    return truth_log(recs)


# --- 4. Norwegian weekly report: "Uke 36 2024", "1 234,5", mm:ss --------------------------------


@builder
def build_no_ukerapport() -> dict[str, Any]:
    # "Uke 36 2024" week labels (ISO weeks), counts with a plain-space thousands separator
    # "1 234", "Gj.snitt ventetid" / "Gj.snitt behandlingstid" mm:ss, "Servicenivå" "85,3%".
    rng = random.Random(1204)
    rows, out = [], []
    for wk in range(36, 42):
        for q in ("Kundeservice", "Bedrift"):
            r = draw_row(rng, dt.date.fromisocalendar(2024, wk, 1), 4000)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                f"Uke {wk} 2024", q, grouped(r["offered"], " "), grouped(r["answered"], " "),
                grouped(r["abandoned"], " "), mmss(r["asa"]), mmss(r["aht"]), f"{dec(r['sl'])}%",
            ])  # fmt: skip
    head = ["Uke", "Kø", "Innkommende anrop", "Besvarte anrop", "Tapte anrop",
            "Gj.snitt ventetid", "Gj.snitt behandlingstid", "Servicenivå"]  # fmt: skip
    write("no_ukerapport.csv", [head, *out])
    return summary_truth(rows)


# --- 5. Finnish log: "2.9.2024 8.05.12", durations "2 min 5 s" ---------------------------------


def fi_dur(sec: int) -> str:
    m, s = divmod(sec, 60)
    return f"{m} min {s} s" if m else f"{s} s"


@builder
def build_fi_puhelut() -> dict[str, Any]:
    # Finnish locale: "2.9.2024 8.05.12" (no leading zeros on day, month and hour, the clock
    # with dots), durations written "2 min 5 s" / "45 s", Tila Vastattu / Keskeytynyt.
    rng = random.Random(1205)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        t = c["start"]
        rows.append([
            f"FI-{5100 + i}", f"{t.day}.{t.month}.{t.year} {t.hour}.{t:%M.%S}",
            rng.choice(["Asiakaspalvelu", "Laskutus"]), fi_dur(c["wait"]), fi_dur(c["talk"]),
            fi_dur(c["hold"]), fi_dur(c["acw"]),
            "Vastattu" if c["outcome"] == "answered" else "Keskeytynyt",
        ])  # fmt: skip
    head = ["Puhelun tunnus", "Alkamisaika", "Jono", "Jonotusaika", "Puheaika", "Pitoaika",
            "Jälkikäsittely", "Tila"]  # fmt: skip
    write("fi_puhelut.csv", [head, *rows])
    return truth_log(recs)


# --- 6. Czech monthly report: Windows-1250, "září 2024" -----------------------------------------

CZ_MONTHS = ["leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen",
             "září", "říjen", "listopad", "prosinec"]  # fmt: skip


@builder
def build_cz_hovory_mesicni() -> dict[str, Any]:
    # July - December 2024 as Czech month names ("červenec 2024", "září 2024"), Windows-1250,
    # ';', averages with a decimal comma, "Úroveň služeb" "85,3 %".
    rng = random.Random(1206)
    rows, out = [], []
    for m in range(7, 13):
        r = draw_row(rng, dt.date(2024, m, 1), 12000)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"{CZ_MONTHS[m - 1]} 2024", "Zákaznická linka", r["offered"], r["answered"],
            r["abandoned"], dec(r["asa"], 0), dec(r["aht"], 0), f"{dec(r['sl'])} %",
        ])  # fmt: skip
    head = ["Měsíc", "Fronta", "Nabídnuté hovory", "Přijaté hovory", "Opuštěné hovory",
            "Průměrná doba čekání (s)", "Průměrná doba hovoru (s)", "Úroveň služeb"]  # fmt: skip
    write("cz_hovory_mesicni.csv", [head, *out], enc="cp1250")
    return summary_truth(rows)


# --- 7. Turkish log: dotless i headers, Cevaplandı / Terk Edildi -------------------------------


@builder
def build_tr_cagri_kaydi() -> dict[str, Any]:
    # Turkish contact-center export (UTF-8, ','): "Çağrı No", "Tarih" 02.09.2024, "Saat"
    # 08:05:12, "Bekleme Süresi (sn)", "Konuşma Süresi (sn)", "Durum" Cevaplandı / Terk Edildi.
    rng = random.Random(1207)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        t = c["start"]
        rows.append([
            f"TR{880000 + i}", f"{t:%d.%m.%Y}", f"{t:%H:%M:%S}",
            rng.choice(["Müşteri Hizmetleri", "Satış"]), c["wait"], c["talk"], c["hold"],
            c["acw"], "Cevaplandı" if c["outcome"] == "answered" else "Terk Edildi",
        ])  # fmt: skip
    head = ["Çağrı No", "Tarih", "Saat", "Kuyruk", "Bekleme Süresi (sn)",
            "Konuşma Süresi (sn)", "Beklemede Kalma Süresi (sn)", "Çağrı Sonrası İşlem (sn)",
            "Durum"]  # fmt: skip
    write("tr_cagri_kaydi.csv", [head, *rows], sep=",")
    return truth_log(recs)


# --- 8. Brazilian Portuguese log: Windows-1252, Data/Hora, H:MM:SS ------------------------------


@builder
def build_br_atendimentos_cp1252() -> dict[str, Any]:
    # A Brazilian platform (pt-BR, Windows-1252, ';'): "Protocolo", "Data/Hora" 02/09/2024
    # 08:05:12, "Fila", "Atendente", durations H:MM:SS, "Status" Atendida / Abandonada.
    rng = random.Random(1208)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        ans = c["outcome"] == "answered"
        rows.append([
            f"2024{90000 + i:06d}", f"{c['start']:%d/%m/%Y %H:%M:%S}",
            rng.choice(["Atendimento", "Cobrança"]),
            rng.choice(["João Araújo", "Luíza Gonçalves"]) if ans else "", hms(c["wait"]),
            hms(c["talk"]), hms(c["hold"]), hms(c["acw"]), "Atendida" if ans else "Abandonada",
        ])  # fmt: skip
    head = ["Protocolo", "Data/Hora", "Fila", "Atendente", "Tempo de espera",
            "Tempo de conversa", "Tempo em espera", "Pós-atendimento", "Status"]  # fmt: skip
    write("br_atendimentos_cp1252.csv", [head, *rows], enc="cp1252")
    return truth_log(recs)


# --- 9. Mexican Spanish log: "01:05:12 p. m.", decimal point, day-first --------------------------


def es_ampm(t: dt.datetime) -> str:
    return f"{t:%d/%m/%Y} {t.hour % 12 or 12:02d}:{t:%M:%S} {'a. m.' if t.hour < 12 else 'p. m.'}"


@builder
def build_mx_llamadas_pm() -> dict[str, Any]:
    # es-MX: ',' separator and decimal POINT ("12.5"), dates day-first "02/09/2024", the
    # 12-hour clock written "01:05:12 p. m." / "09:15:00 a. m." (with spaces and dots),
    # Resultado Contestada / Abandonada.
    rng = random.Random(1209)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        c["wait"] += rng.choice([0, 0.5])
        rows.append([
            f"MX-{31000 + i}", es_ampm(c["start"]), rng.choice(["Ventas", "Soporte"]),
            f"{c['wait']:.1f}", c["talk"], c["acw"],
            "Contestada" if c["outcome"] == "answered" else "Abandonada",
        ])  # fmt: skip
    head = ["ID de llamada", "Fecha y hora", "Cola", "Tiempo de espera (seg)",
            "Tiempo de conversación (seg)", "Trabajo posterior (seg)", "Resultado"]  # fmt: skip
    write("mx_llamadas_pm.csv", [head, *rows], sep=",")
    for c in recs:  # no hold column
        c["hold"] = 0
        c["handle"] = c["talk"] + c["acw"] if c["outcome"] == "answered" else 0
    t = truth_log(recs)
    t["pm_rows"] = sum(r["start"].hour >= 12 for r in recs)
    return t


# --- 10. Argentine daily report: "02/09/24", durations "00h05m12s" -------------------------------


def hms_letters(sec: int) -> str:
    return f"{sec // 3600:02d}h{sec % 3600 // 60:02d}m{sec % 60:02d}s"


@builder
def build_ar_reporte_diario() -> dict[str, Any]:
    # es-AR: ';', two-digit years "02/09/24", "TME" (tiempo medio de espera = ASA) and "TMO"
    # (tiempo medio operativo = AHT) written "00h01m05s", "Nivel de servicio" "85,3%".
    rng = random.Random(1210)
    rows, out = [], []
    for d in SEPT:
        for q in ("Atención al cliente", "Ventas"):
            r = draw_row(rng, d, 300)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                f"{d:%d/%m/%y}", q, r["offered"], r["answered"], r["abandoned"],
                hms_letters(r["asa"]), hms_letters(r["aht"]), f"{dec(r['sl'])}%",
            ])  # fmt: skip
    head = ["Fecha", "Cola", "Llamadas entrantes", "Atendidas", "Abandonadas", "TME", "TMO",
            "Nivel de servicio"]  # fmt: skip
    write("ar_reporte_diario.csv", [head, *out])
    return summary_truth(rows)


# --- 11. Quebec French log: "13 h 05", durations "1 min 05 s" ------------------------------------


def qc_dur(sec: int) -> str:
    return f"{sec // 60} min {sec % 60:02d} s"


@builder
def build_qc_journal_appels() -> dict[str, Any]:
    # fr-CA: ISO dates "2024-09-02" (the Canadian standard), the clock in its own column
    # written "13 h 05" (no seconds), durations "1 min 05 s", "Résultat" Répondu / Abandonné,
    # ';' and UTF-8.
    rng = random.Random(1211)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        c["start"] = c["start"].replace(second=0)
        t = c["start"]
        rows.append([
            f"QC{42000 + i}", f"{t:%Y-%m-%d}", f"{t.hour} h {t:%M}",
            rng.choice(["Service à la clientèle", "Facturation"]), qc_dur(c["wait"]),
            qc_dur(c["talk"]), qc_dur(c["hold"]), qc_dur(c["acw"]),
            "Répondu" if c["outcome"] == "answered" else "Abandonné",
        ])  # fmt: skip
    head = ["No d'appel", "Date", "Heure", "File d'attente", "Temps d'attente",
            "Durée de conversation", "Mise en attente", "Post-traitement", "Résultat"]  # fmt: skip
    write("qc_journal_appels.csv", [head, *rows])
    return truth_log(recs)


# --- 12. Austrian monthly report: "Jänner 2024", "Feber 2024" -----------------------------------

AT_MONTHS = ["Jänner", "Feber", "März", "April", "Mai", "Juni"]


@builder
def build_at_monatsbericht() -> dict[str, Any]:
    # de-AT: the Austrian month names "Jänner" (January) and "Feber" (February), then März ..
    # Juni; two queues; German headers the product knows; "Servicelevel" "85,3 %".
    rng = random.Random(1212)
    rows, out = [], []
    for m in range(1, 7):
        for q in ("Privatkunden", "Geschäftskunden"):
            r = draw_row(rng, dt.date(2024, m, 1), 9000)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                f"{AT_MONTHS[m - 1]} 2024", q, r["offered"], r["answered"], r["abandoned"],
                r["asa"], r["aht"], f"{dec(r['sl'])} %",
            ])  # fmt: skip
    head = ["Monat", "Warteschlange", "Angebotene Anrufe", "Angenommene Anrufe",
            "Abgebrochene Anrufe", "Durchschnittliche Wartezeit (Sek.)",
            "Durchschnittliche Bearbeitungszeit (Sek.)", "Servicelevel"]  # fmt: skip
    write("at_monatsbericht.csv", [head, *out])
    return summary_truth(rows)


# --- 13. Swiss German log: "02.09.24", durations "5'12''" ---------------------------------------


def ch_dur(sec: int) -> str:
    return f"{sec // 60}'{sec % 60:02d}''"


@builder
def build_ch_anrufjournal() -> dict[str, Any]:
    # de-CH PBX journal: "Datum" with a two-digit year "02.09.24", "Uhrzeit" 08:05:12,
    # durations in minutes' seconds'' ("5'12''", "0'45''"), "Status" Angenommen / Verpasst.
    rng = random.Random(1213)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        t = c["start"]
        rows.append([
            f"CH-{9400 + i}", f"{t:%d.%m.%y}", f"{t:%H:%M:%S}", "Kundendienst",
            ch_dur(c["wait"]), ch_dur(c["talk"]), ch_dur(c["hold"]), ch_dur(c["acw"]),
            "Angenommen" if c["outcome"] == "answered" else "Verpasst",
        ])  # fmt: skip
    head = ["Anruf-ID", "Datum", "Uhrzeit", "Warteschlange", "Wartezeit", "Gesprächszeit",
            "Haltezeit", "Nachbearbeitung", "Status"]  # fmt: skip
    write("ch_anrufjournal.csv", [head, *rows])
    return truth_log(recs)


# --- 14. Genesys Cloud interactions export, German UI ---------------------------------------------


@builder
def build_genesys_de_interaktionen() -> dict[str, Any]:
    # Genesys Cloud "Interaktionen" exported with the UI in German: "Konversations-ID" (GUID),
    # "Datum" 02.09.2024 08:05:12, "Richtung" Eingehend / Ausgehend (a fifth of the rows are
    # outbound: no queue, "Abgebrochen" Nein), "Warteschlange", "Benutzer", "Abgebrochen" Ja /
    # Nein, "Gesamt Warteschlange" / "Gesamt Gespräch" / "Gesamt Halten" / "Gesamt
    # Nachbearbeitung" H:MM:SS (empty when not applicable).
    rng = random.Random(1214)
    recs, rows = [], []
    for t in spread(rng, SEPT, 7):
        if rng.random() < 0.2:
            talk, acw = rng.randint(30, 600), rng.randint(5, 90)
            c = {"outcome": "connected", "inbound": False, "wait": 0, "talk": talk, "hold": 0,
                 "acw": acw, "handle": talk + acw}  # fmt: skip
        else:
            c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        ans = c["outcome"] != "abandoned"
        rows.append([
            f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}", f"{t:%d.%m.%Y %H:%M:%S}",
            "Eingehend" if c["inbound"] else "Ausgehend", "Sprache",
            "Support DE" if c["inbound"] else "", rng.choice(["Jonas Huber", "Lea Meier"])
            if ans else "", "Nein" if ans else "Ja", hms(c["wait"]) if c["inbound"] else "",
            hms(c["talk"]) if ans else "", hms(c["hold"]) if ans else "",
            hms(c["acw"]) if ans else "",
        ])  # fmt: skip
    head = ["Konversations-ID", "Datum", "Richtung", "Medientyp", "Warteschlange", "Benutzer",
            "Abgebrochen", "Gesamt Warteschlange", "Gesamt Gespräch", "Gesamt Halten",
            "Gesamt Nachbearbeitung"]  # fmt: skip
    write("genesys_de_interaktionen.csv", [head, *rows], sep=",")
    t = truth_log(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    return t


# --- 15. Japanese call log: UTF-8 with BOM, 受付日時 / 応答 / 放棄 --------------------------------


@builder
def build_jp_call_log() -> dict[str, Any]:
    # A Japanese cloud PBX (UTF-8 with a BOM so that Excel shows it): 通話ID, 受付日時
    # "2024/09/02 08:05:12", キュー, オペレーター, 待ち時間(秒), 通話時間(秒), 保留時間(秒),
    # 後処理時間(秒), 結果 応答 (answered) / 放棄 (abandoned).
    rng = random.Random(1215)
    recs, rows = drawn_calls(rng, SEPT, 6), []
    for i, c in enumerate(recs):
        ans = c["outcome"] == "answered"
        rows.append([
            f"JP{610000 + i}", f"{c['start']:%Y/%m/%d %H:%M:%S}",
            rng.choice(["カスタマーサポート", "営業"]), rng.choice(["佐藤", "鈴木"]) if ans else "",
            c["wait"], c["talk"], c["hold"], c["acw"], "応答" if ans else "放棄",
        ])  # fmt: skip
    head = ["通話ID", "受付日時", "キュー", "オペレーター", "待ち時間(秒)", "通話時間(秒)",
            "保留時間(秒)", "後処理時間(秒)", "結果"]  # fmt: skip
    write("jp_call_log.csv", [head, *rows], sep=",", enc="utf-8-sig")
    return truth_log(recs)


if __name__ == "__main__":
    BUILD.main()
