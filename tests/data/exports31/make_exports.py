"""Regenerate the thirty-first blind acceptance corpus (tests/test_real_exports_31.py).

    .venv/bin/python tests/data/exports31/make_exports.py             # write the files
    .venv/bin/python tests/data/exports31/make_exports.py --expected  # also print the truth

Round 31 is about exports written in OTHER LANGUAGES AND LOCALES, round two (rounds 12 and 22
had the first ones): each builder writes the file the way a platform localized for that
country writes it (headers, value words, dates with month / weekday words or CJK date marks,
numbers, durations, encoding) and returns the KPIs computed in plain Python over the records it
drew (summaries: over the displayed numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-30): contact logs: contacts =
rows; abandonment = abandoned / (answered + abandoned) over inbound rows; ASA = mean wait of
answered rows; AHT = mean talk + hold + ACW of handled rows; service level (20 s, abandons
negative) = answered within 20 s / (answered + abandoned). Summaries: contacts = sum offered,
abandonment = abandoned / offered, ASA / AHT / the displayed service level weighted by
answered.

Files: a Chinese call-center log (通话记录, "2025年3月10日 09:05:12", 接通 / 未接通, GBK); a
Korean daily summary (일자 "2025. 3. 10.", 인입 / 응답 / 포기 / 서비스레벨); a Korean call log
with the 오전 / 오후 clock ("2025-03-10 오후 2:05:12"); a Japanese daily queue report in
Shift-JIS (cp932) with "2025/03/10(月)" dates; a Brazilian Portuguese contact log (";",
"seg, 10 mar. 2025", "R$ 1.234,56" costs); a French daily summary ("lun. 10 mars 2025", narrow
no-break-space thousands "1 234", decimal commas); a German Genesys queue report ("Mo.,
10.03.2025", averages "00:00:38,5"); a Polish log ("10 marca 2025 09:05"); a Turkish daily
summary ("10 Mart 2025 Pazartesi", "(sn)" seconds); a Swedish log ("5 maj 2025 08:05:12",
Besvarat / Avbrutet); a Spanish daily summary with TMO / TME / NS abbreviations; an Italian
daily summary whose "TMA" is the tempo medio di attesa (the ASA) beside "TMC" (talk).
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
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    mmss,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
MAR = weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 21))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 25))  # three weeks
MAY = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))


def put(name: str, header: list[str] | None, rows: list[list[Any]], *, sep: str = ",",
        eol: str = "\n", enc: str = "utf-8", top: str = "") -> None:  # fmt: skip
    """Write one export as the tool does (title lines, separator, line ends, encoding)."""
    body = csv_text(([header] if header else []) + rows, sep=sep, eol=eol)
    (OUT / name).write_bytes((top + body).encode(enc))


def dec(x: float, nd: int = 1) -> str:
    """A decimal comma ("38,5")."""
    return f"{x:.{nd}f}".replace(".", ",")


def shown(rows: list[dict[str, Any]], nd: int = 1) -> None:
    """The service level as the report displays it (rounded to ``nd`` decimals)."""
    for r in rows:
        r["sl"] = round(r["sl"], nd)


# --- 1. Chinese call-center log (通话记录), GBK, "2025年3月10日 09:05:12" ------------------------


@builder
def build_cn_tonghua_jilu() -> dict[str, Any]:
    # A Chinese cloud call-center's "通话记录" export, saved for Excel in GBK: 呼叫时间
    # "2025年3月10日 09:05:12", 主叫号码, 坐席 (blank when not connected), 技能组, 排队时长(秒),
    # 通话时长 "00:05:12", 保持时长(秒), 话后处理时长(秒), 呼叫结果 接通 / 未接通.
    rng = random.Random(3101)
    recs = drawn_calls(rng, MAR, 9, p_ab=0.16)
    agents = ["王芳", "李娜", "张伟", "刘洋", "陈静"]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        s = c["start"]
        rows.append([
            f"CR{20250310000 + 17 * i}", f"{s.year}年{s.month}月{s.day}日 {s:%H:%M:%S}",
            f"1{rng.randint(3, 8)}{rng.randint(100000000, 999999999)}",
            rng.choice(agents) if ok else "", rng.choice(["售后服务", "账单咨询", "新装业务"]),
            c["wait"], hms(c["talk"]), c["hold"], c["acw"], "接通" if ok else "未接通",
        ])  # fmt: skip
    put(
        "cn_tonghua_jilu.csv",
        ["通话ID", "呼叫时间", "主叫号码", "坐席", "技能组", "排队时长(秒)", "通话时长",
         "保持时长(秒)", "话后处理时长(秒)", "呼叫结果"],
        rows, enc="gbk", eol="\r\n",
    )  # fmt: skip
    return log_truth(recs)


# --- 2. Korean daily summary: 일자 "2025. 3. 10.", 인입 / 응답 / 포기 / 서비스레벨 ---------------


@builder
def build_kr_ilbyeol_tonggye() -> dict[str, Any]:
    # A Korean ACD's daily statistics (일별 통계): 일자 written the way Korean Excel writes a
    # date ("2025. 3. 10."), 인입 (offered), 응답 (answered), 포기 (abandoned), 응답률(%),
    # 서비스레벨(%) "82.5", 평균대기시간(초), 평균통화시간(초), 평균후처리시간(초).
    rng = random.Random(3102)
    drawn, rows = [], []
    for d in APR:
        r = draw_row(rng, d, 140)
        r["sl"] = round(r["sl"], 1)
        r["talk"] += r["hold"]  # the ACD's talk time counts the hold
        r["aht"] = r["talk"] + r["acw"]
        drawn.append(r)
        rows.append([
            f"{d.year}. {d.month}. {d.day}.", r["offered"], r["answered"], r["abandoned"],
            f"{100 * r['answered'] / r['offered']:.1f}", f"{r['sl']:.1f}", r["asa"], r["talk"],
            r["acw"],
        ])  # fmt: skip
    put(
        "kr_ilbyeol_tonggye.csv",
        ["일자", "인입", "응답", "포기", "응답률(%)", "서비스레벨(%)", "평균대기시간(초)",
         "평균통화시간(초)", "평균후처리시간(초)"],
        rows, enc="utf-8-sig",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 3. Korean call log: "2025-03-10 오후 2:05:12" (오전 / 오후 clock) --------------------------


@builder
def build_kr_tonghwa_naeyeok() -> dict[str, Any]:
    # A Korean call log (통화 내역) as Korean Excel writes a timestamp: "2025-05-05 오전
    # 9:05:12" / "오후 2:05:12" (12-hour clock, 오전 = AM, 오후 = PM, no leading zero). 대기시간(초),
    # 통화시간(초), 후처리시간(초), 통화결과 응답 / 포기.
    rng = random.Random(3103)
    recs = drawn_calls(rng, MAY, 8, p_ab=0.15)
    agents = ["김민준", "이서연", "박지호", "최유진", "정하은"]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        s = c["start"]
        half = "오전" if s.hour < 12 else "오후"
        h12 = s.hour % 12 or 12
        rows.append([
            f"K{5050000 + i}", f"{s:%Y-%m-%d} {half} {h12}:{s:%M:%S}", "인바운드",
            rng.choice(["일반상담", "요금문의"]), rng.choice(agents) if ok else "",
            c["wait"], c["talk"] + c["hold"], c["acw"], "응답" if ok else "포기",
        ])  # fmt: skip
        c["hold"] = 0
    put(
        "kr_tonghwa_naeyeok.csv",
        ["콜ID", "시작시간", "구분", "큐", "상담원", "대기시간(초)", "통화시간(초)",
         "후처리시간(초)", "통화결과"],
        rows, enc="utf-8-sig",
    )  # fmt: skip
    return log_truth(recs)


# --- 4. Japanese daily queue report, Shift-JIS (cp932), "2025/03/10(月)" ----------------------

_JA_WD = "月火水木金土日"


@builder
def build_jp_queue_nippou_sjis() -> dict[str, Any]:
    # A Japanese ACD's daily queue report (キュー別日報) saved by a Windows PC: cp932, CRLF, a
    # title line and the period, then 日付 "2025/03/10(月)", キュー, 着信数, 応答数, 放棄数,
    # 平均応答時間(秒), 平均通話時間 "0:05:12", 平均後処理時間(秒), サービスレベル "82.5%".
    rng = random.Random(3104)
    drawn, rows = [], []
    for d in MAR:
        for q in ("代表窓口", "テクニカルサポート"):
            r = draw_row(rng, d, 70)
            r["sl"] = round(r["sl"], 1)
            r["aht"] = r["talk"] + r["acw"]
            drawn.append(r)
            rows.append([
                f"{d:%Y/%m/%d}({_JA_WD[d.weekday()]})", q, r["offered"], r["answered"],
                r["abandoned"], r["asa"], hms(r["talk"], pad=False), r["acw"], f"{r['sl']:.1f}%",
            ])  # fmt: skip
    put(
        "jp_queue_nippou_sjis.csv",
        ["日付", "キュー", "着信数", "応答数", "放棄数", "平均応答時間(秒)", "平均通話時間",
         "平均後処理時間(秒)", "サービスレベル"],
        rows, enc="cp932", eol="\r\n",
        top="キュー別日報\r\n期間：2025/03/10～2025/03/21\r\n\r\n",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 5. Brazilian Portuguese contact log: "seg, 10 mar. 2025", "R$ 1.234,56" -----------------

_PT_WD = ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"]
_PT_MON = ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
           "nov.", "dez."]  # fmt: skip


@builder
def build_br_contatos_custo() -> dict[str, Any]:
    # A Brazilian BPO's contact log (";" separated, CRLF): "Data/Hora" "seg, 07 abr. 2025
    # 09:05:12", Fila, Agente, Espera "00:00:38", Conversação "00:05:12", Pós-atendimento (s),
    # Situação Atendida / Abandonada, and the telephony cost "Custo" "R$ 1.234,56" (per call:
    # "R$ 0,87"; a few long international calls over R$ 1.000).
    rng = random.Random(3105)
    recs = drawn_calls(rng, APR, 6, p_ab=0.13)
    agents = ["Ana Souza", "Bruno Lima", "Carla Dias", "Diego Rocha", "Elisa Alves"]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        s = c["start"]
        cost = (c["talk"] + c["hold"]) * rng.choice([0.0025, 0.0031]) if ok else 0.0
        if ok and i % 23 == 5:
            cost = rng.uniform(1000, 1900)
        reais = f"{cost:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        rows.append([
            f"{_PT_WD[s.weekday()]}, {s.day:02d} {_PT_MON[s.month - 1]} {s.year} {s:%H:%M:%S}",
            f"P{2025040700 + i}", rng.choice(["Atendimento", "Cobrança", "Retenção"]),
            rng.choice(agents) if ok else "", hms(c["wait"]), hms(c["talk"] + c["hold"]),
            c["acw"], "Atendida" if ok else "Abandonada", f"R$ {reais}",
        ])  # fmt: skip
        c["talk"] += c["hold"]
        c["hold"] = 0
    put(
        "br_contatos_custo.csv",
        ["Data/Hora", "Protocolo", "Fila", "Agente", "Espera", "Conversação",
         "Pós-atendimento (s)", "Situação", "Custo"],
        rows, sep=";", eol="\r\n",
    )  # fmt: skip
    return log_truth(recs)


# --- 6. French daily summary: "lun. 10 mars 2025", "1 234" (U+202F), decimal commas ----------

_FR_WD = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
_FR_MON = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."]  # fmt: skip
NNBSP = "\u202f"  # the thousands separator of French number formatting (CLDR)


@builder
def build_fr_synthese_quotidienne() -> dict[str, Any]:
    # A French centre's daily summary (";", decimal commas), written by a reporting tool that
    # uses the CLDR French number format: thousands split by a narrow no-break space ("1 234");
    # dates "lun. 10 mars 2025"; "Délai moyen de réponse (s)" "38,2", "DMT (s)" (durée moyenne
    # de traitement) "412,7", "Taux de service 20 s" "82,5 %".
    rng = random.Random(3106)
    drawn, rows = [], []
    for d in MAR:
        r = draw_row(rng, d, 1400)
        r["asa"] = rng.randint(80, 900) / 10
        r["aht"] = rng.randint(2800, 5200) / 10
        r["sl"] = round(r["sl"], 1)
        drawn.append(r)

        def grp(n: int) -> str:
            return f"{n:,}".replace(",", NNBSP)

        rows.append([
            f"{_FR_WD[d.weekday()]} {d.day} {_FR_MON[d.month - 1]} {d.year}", grp(r["offered"]),
            grp(r["answered"]), grp(r["abandoned"]), dec(r["asa"]), dec(r["aht"]),
            f"{dec(r['sl'])}{NNBSP}%",
        ])  # fmt: skip
    put(
        "fr_synthese_quotidienne.csv",
        ["Jour", "Appels présentés", "Appels décrochés", "Appels abandonnés",
         "Délai moyen de réponse (s)", "DMT (s)", "Taux de service 20 s"],
        rows, sep=";", eol="\r\n", enc="utf-8-sig",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 7. German Genesys queue report: "Mo., 10.03.2025", averages "00:00:38,5" ----------------

_DE_WD = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]


def hms_tenths(x: float) -> str:
    """ "00:05:12,5": H:MM:SS with tenths after a decimal comma."""
    whole = int(x)
    return f"{hms(whole)},{round((x - whole) * 10)}"


@builder
def build_genesys_de_warteschlangen() -> dict[str, Any]:
    # Genesys Cloud "Warteschlangenleistung" exported with the German UI, one row per queue and
    # day: "Datum" "Mo., 07.04.2025", "Warteschlange", "Angeboten", "Angenommen", "Abgebrochen",
    # "Durchschn. Antwortzeit" "00:00:38,5", "Durchschn. Bearbeitung" "00:07:12,3", "Service
    # Level %" "82,5" (decimal comma, comma-separated file, so quoted).
    rng = random.Random(3107)
    drawn, rows = [], []
    for d in APR:
        for q in ("Kundenservice", "Technik"):
            r = draw_row(rng, d, 55)
            r["asa"] = rng.randint(60, 950) / 10
            r["aht"] = rng.randint(2500, 5800) / 10
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            rows.append([
                f"{_DE_WD[d.weekday()]}, {d:%d.%m.%Y}", q, r["offered"], r["answered"],
                r["abandoned"], hms_tenths(r["asa"]), hms_tenths(r["aht"]), dec(r["sl"]),
            ])  # fmt: skip
    put(
        "genesys_de_warteschlangen.csv",
        ["Datum", "Warteschlange", "Angeboten", "Angenommen", "Abgebrochen",
         "Durchschn. Antwortzeit", "Durchschn. Bearbeitung", "Service Level %"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 8. Polish log: "10 marca 2025 09:05" (genitive month names) ------------------------------

_PL_MON = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"]  # fmt: skip


@builder
def build_pl_rejestr_polaczen() -> dict[str, Any]:
    # A Polish PBX's call register (Rejestr połączeń), UTF-8, ";" separated: "Data" "10 marca
    # 2025 09:05:12" (the month in the genitive as Polish writes dates), Kolejka, Konsultant,
    # Czas oczekiwania (s), Czas rozmowy (s), Czas obsługi po rozmowie (s), Status Odebrane /
    # Nieodebrane.
    rng = random.Random(3108)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.14)
    agents = ["Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", "Tomasz Kamiński"]
    rows = []
    for c in recs:
        ok = handled(c)
        s = c["start"]
        rows.append([
            f"{s.day} {_PL_MON[s.month - 1]} {s.year} {s:%H:%M:%S}",
            rng.choice(["Obsługa klienta", "Reklamacje"]), rng.choice(agents) if ok else "",
            c["wait"], c["talk"] + c["hold"], c["acw"], "Odebrane" if ok else "Nieodebrane",
        ])  # fmt: skip
        c["talk"] += c["hold"]
        c["hold"] = 0
    put(
        "pl_rejestr_polaczen.csv",
        ["Data", "Kolejka", "Konsultant", "Czas oczekiwania (s)", "Czas rozmowy (s)",
         "Czas obsługi po rozmowie (s)", "Status"],
        rows, sep=";",
    )  # fmt: skip
    return log_truth(recs)


# --- 9. Turkish daily summary: "7 Nisan 2025 Pazartesi", "(sn)" seconds ------------------------

_TR_MON = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
           "Ekim", "Kasım", "Aralık"]  # fmt: skip
_TR_WD = ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"]


@builder
def build_tr_gunluk_rapor() -> dict[str, Any]:
    # A Turkish call centre's daily report (Günlük Çağrı Raporu): "Tarih" "7 Nisan 2025
    # Pazartesi" (Turkish long date), Gelen Çağrı, Cevaplanan, Kaçan, Ort. Bekleme (sn),
    # Ort. Görüşme Süresi (sn), Servis Seviyesi (%) "82,5" (decimal comma, ";").
    rng = random.Random(3109)
    drawn, rows = [], []
    for d in APR:
        r = draw_row(rng, d, 180)
        r["sl"] = round(r["sl"], 1)
        drawn.append(r)
        rows.append([
            f"{d.day} {_TR_MON[d.month - 1]} {d.year} {_TR_WD[d.weekday()]}", r["offered"],
            r["answered"], r["abandoned"], r["asa"], r["aht"], dec(r["sl"]),
        ])  # fmt: skip
    put(
        "tr_gunluk_rapor.csv",
        ["Tarih", "Gelen Çağrı", "Cevaplanan", "Kaçan", "Ort. Bekleme (sn)",
         "Ort. Görüşme Süresi (sn)", "Servis Seviyesi (%)"],
        rows, sep=";",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 10. Swedish log: "5 maj 2025 08:05:12", Besvarat / Avbrutet ------------------------------

_SV_MON = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
           "nov.", "dec."]  # fmt: skip


@builder
def build_se_samtalslogg() -> dict[str, Any]:
    # A Swedish switchboard's call log (Samtalslogg), ";" separated: "Starttid" "5 maj 2025
    # 08:05:12", Kö, Handläggare, Väntetid (s), Samtalstid (s), Efterarbete (s), Resultat
    # Besvarat / Avbrutet.
    rng = random.Random(3110)
    recs = drawn_calls(rng, MAY, 8, p_ab=0.15)
    agents = ["Elin Andersson", "Oskar Johansson", "Maja Karlsson", "Erik Nilsson"]
    rows = []
    for c in recs:
        ok = handled(c)
        s = c["start"]
        rows.append([
            f"{s.day} {_SV_MON[s.month - 1]} {s.year} {s:%H:%M:%S}",
            rng.choice(["Kundtjänst", "Fakturor"]), rng.choice(agents) if ok else "",
            c["wait"], c["talk"] + c["hold"], c["acw"], "Besvarat" if ok else "Avbrutet",
        ])  # fmt: skip
        c["talk"] += c["hold"]
        c["hold"] = 0
    put(
        "se_samtalslogg.csv",
        ["Starttid", "Kö", "Handläggare", "Väntetid (s)", "Samtalstid (s)", "Efterarbete (s)",
         "Resultat"],
        rows, sep=";",
    )  # fmt: skip
    return log_truth(recs)


# --- 11. Spanish daily summary: TMO, TME, NS abbreviations -------------------------------------


@builder
def build_es_resumen_tmo_ns() -> dict[str, Any]:
    # A Spanish outsourcer's daily summary for the client: "Fecha" "10/03/2025", "Recibidas",
    # "Atendidas", "Abandonadas", "TME" (tiempo medio de espera, mm:ss), "TMO" (tiempo medio de
    # operación = handle time, mm:ss), "NS" (nivel de servicio, "82,5%"), ";" separated.
    rng = random.Random(3111)
    drawn, rows = [], []
    for d in MAR:
        r = draw_row(rng, d, 260)
        r["sl"] = round(r["sl"], 1)
        drawn.append(r)
        rows.append([
            f"{d:%d/%m/%Y}", r["offered"], r["answered"], r["abandoned"], mmss(r["asa"]),
            mmss(r["aht"]), f"{dec(r['sl'])}%",
        ])  # fmt: skip
    put(
        "es_resumen_tmo_ns.csv",
        ["Fecha", "Recibidas", "Atendidas", "Abandonadas", "TME", "TMO", "NS"],
        rows, sep=";",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 12. Italian daily summary: TMA = tempo medio di ATTESA, TMC = conversazione --------------


@builder
def build_it_riepilogo_tma_tmc() -> dict[str, Any]:
    # An Italian public-service contact centre's daily SLA summary (";", decimal commas): "Data"
    # "07/04/2025", "Chiamate entranti", "Risposte", "Abbandonate", "TMA (sec)" -- in Italian
    # reporting the tempo medio di ATTESA (the wait before an answer, i.e. the ASA), "TMC (sec)"
    # the tempo medio di conversazione (talk), "TMPL (sec)" the post-lavorazione (ACW) and
    # "Livello di servizio (20 sec)" "82,5%".
    rng = random.Random(3112)
    drawn, rows = [], []
    for d in APR:
        r = draw_row(rng, d, 320)
        r["sl"] = round(r["sl"], 1)
        r["talk"] += r["hold"]
        r["aht"] = r["talk"] + r["acw"]
        drawn.append(r)
        rows.append([
            f"{d:%d/%m/%Y}", r["offered"], r["answered"], r["abandoned"], r["asa"], r["talk"],
            r["acw"], f"{dec(r['sl'])}%",
        ])  # fmt: skip
    put(
        "it_riepilogo_tma_tmc.csv",
        ["Data", "Chiamate entranti", "Risposte", "Abbandonate", "TMA (sec)", "TMC (sec)",
         "TMPL (sec)", "Livello di servizio (20 sec)"],
        rows, sep=";",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"]
    return t


if __name__ == "__main__":
    BUILD.main()
