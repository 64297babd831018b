"""Regenerate the nineteenth blind acceptance corpus (tests/test_real_exports_19.py).

    .venv/bin/python tests/data/exports19/make_exports.py             # write the files
    .venv/bin/python tests/data/exports19/make_exports.py --expected  # also print the truth

Round 19 is about contact logs as a CX manager gets them from IT or BI, not from the vendor's
UI: a MySQL ``SELECT ... INTO OUTFILE`` dump of an in-house CDR table (tabs, ``\\N`` for NULL,
DATETIME(6) microseconds, 0/1 flags), an SSMS "Save Results As" CSV (``NULL`` written out,
datetime2(7) with seven fraction digits, bit columns, CRLF), a data-warehouse fact extract
(surrogate key + natural id, ``dim_`` / ``fact_`` prefixes, ``call_date`` + ``call_hour``, a
nightly ``load_ts`` that is not the call time, per-call ``_cnt`` columns), a leg-level log (one
row per call LEG sharing a ``call_id``, ``leg_no`` 1-3), two ad-hoc SQL extracts overlapping
by a day whose ``extracted_at`` differs, a JSON Lines API dump (nested objects, epoch
milliseconds, millisecond durations), a pandas-written Parquet file (dotted column names,
timezone-aware timestamps, timedelta durations, nullable booleans), a Hungarian call log
("2025.03.03. 08:05:12", ";", Hungarian words), a Google Sheets download (two frozen header
rows, empty trailing columns, TRUE / FALSE checkboxes, a notes column), a file whose
direction, channel and outcome are numeric codes with the legend in the header, and a
BigQuery ``EXPORT DATA`` shard (``... UTC`` microsecond timestamps, true / false, no wait
column: the wait is answered_at - started_at).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-18): contacts = rows of a contact
log (a transfer leg of a call is no new contact: contacts = distinct calls); abandonment =
abandoned / inbound queued (answered + abandoned + voicemail; outbound is not queued); ASA =
mean wait of answered inbound rows; AHT = mean talk + hold + ACW of handled rows (inbound
answered, outbound connected); service level (20 s, abandons negative) = answered within 20 s /
(answered + abandoned); rate and mean KPIs count every leg of a transfer chain, contacts,
transfer rate and FCR only the first leg; transfer rate over handled first legs; FCR over
handled contacts with a flag; CSAT the mean 1-5 rating over rated rows (a 0 "no survey" code
is no rating).
"""

from __future__ import annotations

import datetime as dt
import json
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
    guid,
    handled,
    hms,
    log_truth,
    r4,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
FEB = weekdays(dt.date(2025, 2, 10), dt.date(2025, 2, 21))
MAR = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
MAR3 = weekdays(dt.date(2025, 3, 17), dt.date(2025, 4, 4))  # three weeks, across a month end


def mixed(rng: random.Random, p_out: float, **kw: Any) -> dict[str, Any]:
    return dial_out(rng) if rng.random() < p_out else draw_call(rng, **kw)


def epoch_ms(t: dt.datetime) -> int:
    return round(t.replace(tzinfo=dt.UTC).timestamp() * 1000)


def add_flags(rng: random.Random, c: dict[str, Any], p_tr: float = 0.15) -> None:
    """Transferred / resolved / csat drawn for a handled call (None where not asked)."""
    if handled(c):
        c["transferred"] = rng.random() < p_tr
        c["resolved"] = None if rng.random() < 0.2 else (not c["transferred"]
                                                         and rng.random() < 0.78)  # fmt: skip
        c["csat"] = rng.choice([None, None, 1, 2, 3, 4, 4, 5, 5, 5])
    else:
        c["transferred"], c["resolved"], c["csat"] = False, None, None


# --- 1. MySQL SELECT ... INTO OUTFILE of an in-house CDR table ------------------------------------


@builder
def build_mysql_outfile_cdr() -> dict[str, Any]:
    # An IT colleague's dump of the ``cdr`` table: tab-separated, \N for NULL (MySQL's
    # OUTFILE default), a header added with UNION; calldate DATETIME(6) "2025-03-03
    # 08:05:12.483920"; direction 'inbound' / 'outbound'; queue, agent, queue_secs and
    # wrap_secs NULL where they do not apply; answered / abandoned / transferred TINYINT 0/1;
    # total_secs = queue + talk + hold (a distractor).
    rng = random.Random(1901)
    recs, rows = [], []
    n = lambda v: "\\N" if v is None else v  # noqa: E731
    for i, t in enumerate(spread(rng, MAR, 9)):
        c = mixed(rng, 0.2, p_ab=0.15)
        c["start"] = t
        c["transferred"] = handled(c) and c["inbound"] and rng.random() < 0.12
        recs.append(c)
        ok = handled(c)
        us = rng.randint(0, 999999)
        rows.append([
            70231 + i, f"{int(t.replace(tzinfo=dt.UTC).timestamp())}.{i % 97}",
            f"{t:%Y-%m-%d %H:%M:%S}.{us:06d}", "inbound" if c["inbound"] else "outbound",
            f"+4420{rng.randint(10000000, 99999999)}", rng.choice(["8000", "8001"]),
            n(rng.choice(QUEUES) if c["inbound"] else None), n(rng.choice(AGENTS) if ok else None),
            n(c["wait"] if c["inbound"] else None), c["talk"], c["hold"],
            n(c["acw"] if ok else None), c["wait"] + c["talk"] + c["hold"],
            int(ok), int(c["outcome"] == "abandoned"), int(bool(c["transferred"])),
        ])  # fmt: skip
    head = ["id", "uniqueid", "calldate", "direction", "src", "dst", "queue", "agent",
            "queue_secs", "talk_secs", "hold_secs", "wrap_secs", "total_secs", "answered",
            "abandoned", "transferred"]  # fmt: skip
    (OUT / "mysql_outfile_cdr.tsv").write_text(csv_text([head, *rows], sep="\t"), "utf-8")
    t = log_truth(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    return t


# --- 2. SSMS "Save Results As" CSV: NULL written out, datetime2(7), bit columns --------------------


@builder
def build_ssms_call_fact() -> dict[str, Any]:
    # SQL Server Management Studio grid saved as CSV: no quoting, CRLF, NULL written as the word
    # "NULL", datetime2(7) "2025-02-10 08:05:12.4839200", uniqueidentifier CallID in upper
    # case, PascalCase columns, bit 0/1 IsAbandoned / IsTransferred / FirstCallResolved (NULL
    # where no disposition was set), CsatScore tinyint NULL where no survey.
    rng = random.Random(1902)
    recs, rows = [], []
    nul = lambda v: "NULL" if v is None else v  # noqa: E731
    for t in spread(rng, FEB, 8):
        c = draw_call(rng, p_ab=0.13)
        c["start"] = t
        add_flags(rng, c)
        recs.append(c)
        ok = handled(c)
        us = rng.randint(0, 999999)
        end = t + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
        rows.append([
            guid(rng).upper(), f"{t:%Y-%m-%d %H:%M:%S}.{us:06d}0",
            f"{end:%Y-%m-%d %H:%M:%S}.{us:06d}0", rng.choice(QUEUES),
            nul(rng.choice(["mlopez", "ohaddad", "jpark", "snovak"]) if ok else None),
            c["wait"], nul(c["talk"] if ok else None), nul(c["hold"] if ok else None),
            nul(c["acw"] if ok else None), int(c["outcome"] == "abandoned"),
            int(bool(c["transferred"])),
            nul(None if c["resolved"] is None else int(c["resolved"])), nul(c["csat"]),
        ])  # fmt: skip
    head = ["CallID", "StartDateTime", "EndDateTime", "QueueName", "AgentLogin", "WaitSeconds",
            "TalkSeconds", "HoldSeconds", "WrapSeconds", "IsAbandoned", "IsTransferred",
            "FirstCallResolved", "CsatScore"]  # fmt: skip
    (OUT / "ssms_call_fact.csv").write_text(csv_text([head, *rows], eol="\r\n"), "utf-8")
    return log_truth(recs)


# --- 3. Data-warehouse fact extract: surrogate key, dim_/fact_, call_date + call_hour, load_ts ---


@builder
def build_dwh_fact_call() -> dict[str, Any]:
    # A BI analyst's extract of fact_call joined to its dimensions: call_sk (surrogate key),
    # call_nk (the ACD's call id), call_date + call_hour (0-23 integer: the warehouse keeps the
    # hour, not the minute), dim_queue_name, dim_agent_name ("Unknown" member for calls no
    # agent took, dim_agent_key -1), fact_offered_cnt (always 1), fact_answered_cnt /
    # fact_abandoned_cnt 0/1, fact_*_sec durations, fact_transfer_cnt, load_ts (the nightly
    # ETL run after the call day; Friday loads ran on Monday) and etl_batch_id. The call time
    # is call_date + call_hour, never load_ts.
    rng = random.Random(1903)
    recs, rows = [], []
    keys = {a: 101 + i for i, a in enumerate(AGENTS)}
    for i, t in enumerate(spread(rng, MAR3, 7)):
        c = draw_call(rng, p_ab=0.14)
        c["start"] = t.replace(minute=0, second=0)
        c["transferred"] = handled(c) and rng.random() < 0.1
        recs.append(c)
        ok = handled(c)
        agent = rng.choice(AGENTS) if ok else "Unknown"
        lag = 3 if t.weekday() == 4 else 1
        load = dt.datetime.combine(t.date() + dt.timedelta(days=lag), dt.time(2, 0)) + \
            dt.timedelta(seconds=rng.randint(0, 2400))  # fmt: skip
        rows.append([
            880100 + i, f"{t:%Y%m%d}{rng.randint(100000, 999999)}", f"{t:%Y-%m-%d}", t.hour,
            keys.get(agent, -1), agent, rng.choice(QUEUES), 1, int(ok),
            int(c["outcome"] == "abandoned"), c["wait"], c["talk"], c["hold"], c["acw"],
            int(bool(c["transferred"])), f"{load:%Y-%m-%d %H:%M:%S}",
            f"{load:%Y%m%d}01",
        ])  # fmt: skip
    write_csv(
        "dwh_fact_call.csv",
        ["call_sk", "call_nk", "call_date", "call_hour", "dim_agent_key", "dim_agent_name",
         "dim_queue_name", "fact_offered_cnt", "fact_answered_cnt", "fact_abandoned_cnt",
         "fact_queue_time_sec", "fact_talk_time_sec", "fact_hold_time_sec",
         "fact_acw_time_sec", "fact_transfer_cnt", "load_ts", "etl_batch_id"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 4. One row per call LEG: transfers share the call id -----------------------------------------


@builder
def build_call_legs() -> dict[str, Any]:
    # A CDR view with one row per leg: call_id shared by the legs of a call, leg_no 1-3,
    # leg_start (a transfer leg starts when the previous agent let go), leg_type initial /
    # transfer, leg_result answered / abandoned / transferred (answered, then passed on).
    # contacts = calls; a call is transferred when it has a second leg.
    rng = random.Random(1904)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAR, 7)):
        cid = f"C{2503000 + 17 * i}"
        legs = [draw_call(rng, p_ab=0.15)]
        legs[0].update(start=t, initial=True)
        while handled(legs[-1]) and len(legs) < 3 and rng.random() < (0.25 if len(legs) == 1
                                                                       else 0.3):  # fmt: skip
            prev = legs[-1]
            leg = draw_call(rng, p_ab=0.0)
            leg.update(initial=False, start=prev["start"] + dt.timedelta(
                seconds=prev["wait"] + prev["talk"] + prev["hold"]))  # fmt: skip
            legs.append(leg)
        legs[0]["transferred"] = len(legs) > 1
        for k, c in enumerate(legs):
            c.setdefault("transferred", False)
            recs.append(c)
            last = k == len(legs) - 1
            res = "abandoned" if c["outcome"] == "abandoned" else \
                "answered" if last else "transferred"  # fmt: skip
            rows.append([
                cid, k + 1, f"{c['start']:%Y-%m-%d %H:%M:%S}", "initial" if k == 0 else "transfer",
                rng.choice(QUEUES) if k == 0 else "Tier2", rng.choice(AGENTS) if handled(c) else "",
                c["wait"], c["talk"], c["hold"], c["acw"], res,
            ])  # fmt: skip
    write_csv(
        "call_legs.csv",
        ["call_id", "leg_no", "leg_start", "leg_type", "queue", "agent", "queue_wait_s",
         "talk_s", "hold_s", "wrap_s", "leg_result"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["calls"] = sum(r["initial"] for r in recs)
    t["legs_2plus"] = sum(not r["initial"] for r in recs)
    return t


# --- 5. Two ad-hoc extracts that overlap by a day ------------------------------------------------


@builder
def build_overlapping_extracts() -> dict[str, Any]:
    # The same query run twice by IT: "calls_extract_0303_0307.csv" (3-7 March, run 7 March
    # 18:02) and "calls_extract_0307_0314.csv" (7-14 March, run 14 March 18:05): Friday 7
    # March is in both. Each row carries the extract's run time (extracted_at), so the copies
    # differ there; the same call_id with the same started_at is the same call.
    rng = random.Random(1905)
    recs = []
    for t in spread(rng, MAR, 8):
        c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        c["id"] = f"{rng.randint(10**9, 10**10 - 1)}"
        c["q"], c["a"] = rng.choice(QUEUES), rng.choice(AGENTS)
        recs.append(c)

    def row(c: dict[str, Any], run: str) -> list[Any]:
        ok = handled(c)
        return [c["id"], f"{c['start']:%Y-%m-%d %H:%M:%S}", c["q"], c["a"] if ok else "",
                "ANSWERED" if ok else "ABANDONED", c["wait"], c["talk"], c["hold"], c["acw"],
                run]  # fmt: skip

    head = ["call_id", "started_at", "queue", "agent", "status", "wait_sec", "talk_sec",
            "hold_sec", "acw_sec", "extracted_at"]  # fmt: skip
    d7 = dt.date(2025, 3, 7)
    a = [row(c, "2025-03-07 18:02:11") for c in recs if c["start"].date() <= d7]
    b = [row(c, "2025-03-14 18:05:40") for c in recs if c["start"].date() >= d7]
    write_csv("calls_extract_0303_0307.csv", head, a)
    write_csv("calls_extract_0307_0314.csv", head, b)
    t = log_truth(recs)
    t.update(rows_a=len(a), rows_b=len(b), overlap=sum(c["start"].date() == d7 for c in recs))
    return t


# --- 6. JSON Lines API dump: nested objects, epoch ms, millisecond durations ----------------------


@builder
def build_contacts_nested() -> dict[str, Any]:
    # A developer's dump of the platform API, one JSON object per line: "id", "startedAt"
    # epoch MILLISECONDS (UTC), "direction" INBOUND / OUTBOUND, nested "queue" {"id", "name"}
    # (null for outbound), "agent" {"id", "name"} (null when no agent), "metrics" {"waitMs",
    # "talkMs", "holdMs", "wrapMs"} in milliseconds (waitMs null for outbound),
    # "disposition" COMPLETED / ABANDONED / NO_ANSWER, "survey" {"csat": 1-5} only when
    # answered.
    rng = random.Random(1906)
    recs, lines = [], []
    for t in spread(rng, FEB, 9):
        c = mixed(rng, 0.15, p_ab=0.14)
        c["start"] = t
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if handled(c) else None
        recs.append(c)
        ok = handled(c)
        ms = lambda s: s * 1000 + (rng.randint(0, 999) if s else 0)  # noqa: E731
        obj: dict[str, Any] = {
            "id": guid(rng), "startedAt": epoch_ms(t) + rng.randint(0, 999),
            "direction": "INBOUND" if c["inbound"] else "OUTBOUND", "channel": "VOICE",
            "queue": {"id": f"q-{rng.randint(10, 14)}", "name": rng.choice(QUEUES)}
            if c["inbound"] else None,
            "agent": {"id": f"u{rng.randint(100, 199)}", "name": rng.choice(AGENTS)}
            if ok else None,
            "metrics": {"waitMs": ms(c["wait"]) if c["inbound"] else None,
                        "talkMs": ms(c["talk"]), "holdMs": ms(c["hold"]),
                        "wrapMs": ms(c["acw"])},
            "disposition": "COMPLETED" if ok else
            "ABANDONED" if c["outcome"] == "abandoned" else "NO_ANSWER",
        }  # fmt: skip
        if c["csat"] is not None:
            obj["survey"] = {"csat": c["csat"]}
        lines.append(obj)
    # The truth keeps the millisecond values as written (milliseconds / 1000).
    for c, o in zip(recs, lines, strict=True):
        m = o["metrics"]
        c["wait"] = (m["waitMs"] or 0) / 1000
        c["talk"], c["hold"], c["acw"] = m["talkMs"] / 1000, m["holdMs"] / 1000, m["wrapMs"] / 1000
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if handled(c) else 0
    (OUT / "contacts_nested.jsonl").write_text(
        "".join(json.dumps(x, separators=(",", ":")) + "\n" for x in lines), "utf-8"
    )
    return log_truth(recs)


# --- 7. Parquet written by pandas: dotted names, tz-aware timestamps, timedelta durations ---------


@builder
def build_calls_dotted_parquet() -> dict[str, Any]:
    # A BI team's df.to_parquet() of a flattened API frame: "call.id", "call.started_at"
    # (timestamp[us, UTC]), "call.direction" in / out, "queue.id" (int), "queue.name",
    # "agent.name" (None), "timing.wait" / "timing.talk" / "timing.hold" / "timing.acw"
    # pandas Timedelta (Arrow duration[ns]), "result.abandoned" bool, "result.resolved"
    # nullable boolean, "survey.csat" nullable Int64.
    import pandas as pd  # noqa: PLC0415

    rng = random.Random(1907)
    recs, rows = [], []
    for t in spread(rng, MAR, 8):
        c = mixed(rng, 0.15, p_ab=0.15)
        c["start"] = t
        add_flags(rng, c, p_tr=0.0)
        del c["transferred"]
        recs.append(c)
        ok = handled(c)
        rows.append({
            "call.id": f"{rng.randint(10**11, 10**12 - 1)}",
            "call.started_at": pd.Timestamp(t, tz="UTC") + pd.Timedelta(
                microseconds=rng.randint(0, 999999)),
            "call.direction": "in" if c["inbound"] else "out",
            "queue.id": rng.randint(3, 5) if c["inbound"] else None,
            "queue.name": rng.choice(QUEUES) if c["inbound"] else None,
            "agent.name": rng.choice(AGENTS) if ok else None,
            "timing.wait": pd.Timedelta(seconds=c["wait"]) if c["inbound"] else pd.NaT,
            "timing.talk": pd.Timedelta(seconds=c["talk"]),
            "timing.hold": pd.Timedelta(seconds=c["hold"]),
            "timing.acw": pd.Timedelta(seconds=c["acw"]),
            "result.abandoned": c["outcome"] == "abandoned",
            "result.answered": ok,
            "result.resolved": c["resolved"],
            "survey.csat": c["csat"],
        })  # fmt: skip
    df = pd.DataFrame(rows)
    df["call.started_at"] = df["call.started_at"].astype("datetime64[us, UTC]")
    df["queue.id"] = df["queue.id"].astype("Int64")
    df["result.resolved"] = df["result.resolved"].astype("boolean")
    df["survey.csat"] = df["survey.csat"].astype("Int64")
    df.to_parquet(OUT / "calls_dotted.parquet", index=False)
    return log_truth(recs)


# --- 8. Hungarian call log: "2025.03.03. 08:05:12", ";" ------------------------------------------

HU_STATUS = {"answered": "Fogadott", "abandoned": "Elhagyott", "connected": "Kapcsolva",
             "no_answer": "Nem vette fel"}  # fmt: skip


@builder
def build_hu_hivasnaplo() -> dict[str, Any]:
    # A Budapest centre's log from its local PBX reporting tool (hu-HU): ";" separator, UTF-8
    # with a BOM, "Kezdés" "2025.03.17. 08:05:12" (year first, a dot after the day),
    # "Irány" Bejövő / Kimenő (in / out), "Állapot" Fogadott (answered) / Elhagyott
    # (abandoned) / Kapcsolva (outbound connected) / Nem vette fel (outbound not picked up),
    # "Várakozás (mp)" seconds ("mp" = másodperc), "Beszélgetés" H:MM:SS, "Tartás (mp)",
    # "Utómunka (mp)", "Költség (Ft)" with a decimal comma (a distractor).
    rng = random.Random(1908)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAR3, 5)):
        c = mixed(rng, 0.2, p_ab=0.17)
        c["start"] = t
        recs.append(c)
        ok = handled(c)
        rows.append([
            f"H{40117 + i}", f"{t:%Y.%m.%d.} {t:%H:%M:%S}",
            "Bejövő" if c["inbound"] else "Kimenő",
            rng.choice(["Ügyfélszolgálat", "Számlázás"]), rng.choice(AGENTS) if ok else "",
            c["wait"] if c["inbound"] else "", hms(c["talk"], pad=False), c["hold"], c["acw"],
            HU_STATUS[c["outcome"]],
            f"{c['talk'] / 60 * 4.35:.2f}".replace(".", ",") if not c["inbound"] else "0,00",
        ])  # fmt: skip
    text = csv_text([["Hívásazonosító", "Kezdés", "Irány", "Sor", "Ügyintéző",
                      "Várakozás (mp)", "Beszélgetés", "Tartás (mp)", "Utómunka (mp)",
                      "Állapot", "Költség (Ft)"], *rows], sep=";")  # fmt: skip
    (OUT / "hu_hivasnaplo.csv").write_text("\ufeff" + text, "utf-8")
    return log_truth(recs)


# --- 9. Google Sheets download: two frozen header rows, empty trailing columns, notes ------------


@builder
def build_gsheets_call_tracker() -> dict[str, Any]:
    # A team lead's shared sheet, File > Download > CSV: a frozen group row ("Call", "", "",
    # "Timing", ..., "Follow-up") above the column names, three empty columns to the right of
    # the grid (Sheets exports the full width: ",,,"), "Date" 3/17/2025 (month-first, not
    # padded) + "Time" 8:05:12, durations 0:03:25 (Sheets duration format), checkboxes TRUE /
    # FALSE ("Answered?", "Transferred?", "Resolved?" empty when nobody ticked it either way),
    # CSAT 1-5 or empty, free-text Notes with commas.
    rng = random.Random(1909)
    recs, rows = [], []
    notes = ["", "", "", "called back, no answer", "asked for a supervisor", "VIP, handle asap",
             "refund issued, see ticket 4471", "line was bad"]  # fmt: skip
    tf = lambda b: "TRUE" if b else "FALSE"  # noqa: E731
    for t in spread(rng, MAR3, 4):
        c = draw_call(rng, p_ab=0.18)
        c["start"] = t
        add_flags(rng, c)
        recs.append(c)
        ok = handled(c)
        rows.append([
            f"{t.month}/{t.day}/{t.year}", f"{t.hour}:{t:%M:%S}",
            f"+1 (415) 555-{rng.randint(1000, 9999)}", rng.choice(AGENTS) if ok else "",
            hms(c["wait"], pad=False), hms(c["talk"], pad=False), hms(c["hold"], pad=False),
            hms(c["acw"], pad=False), tf(ok), tf(c["transferred"]) if ok else "",
            "" if c["resolved"] is None else tf(c["resolved"]),
            "" if c["csat"] is None else c["csat"], rng.choice(notes), "", "", "",
        ])  # fmt: skip
    group = ["Call", "", "", "", "Timing", "", "", "", "Outcome", "", "Follow-up", "", "", "",
             "", ""]  # fmt: skip
    head = ["Date", "Time", "Caller", "Agent", "Wait", "Talk", "Hold", "Wrap", "Answered?",
            "Transferred?", "Resolved?", "CSAT", "Notes", "", "", ""]  # fmt: skip
    (OUT / "gsheets_call_tracker.csv").write_text(
        csv_text([group, head, *rows], eol="\r\n"), "utf-8"
    )
    return log_truth(recs)


# --- 10. Numeric codes with the legend in the header ---------------------------------------------


@builder
def build_coded_calls() -> dict[str, Any]:
    # An in-house reporting view that stores every category as a number, the legend written
    # into the header: "direction (1=in,2=out)", "channel (1=voice,2=chat)", "outcome
    # (1=answered,2=abandoned,3=voicemail,4=no answer)" (4 only on outbound), "wait_s",
    # "handle_s" (talk + hold + ACW, one figure), "csat (1-5, 0=no survey)".
    rng = random.Random(1910)
    recs, rows = [], []
    code = {"answered": 1, "abandoned": 2, "voicemail": 3, "connected": 1, "no_answer": 4}
    for i, t in enumerate(spread(rng, MAR3, 6)):
        c = mixed(rng, 0.18, p_ab=0.13, p_vm=0.05)
        c["start"] = t
        c["csat"] = rng.choice([None, None, None, 1, 3, 4, 5, 5]) if handled(c) else None
        recs.append(c)
        chat = c["inbound"] and rng.random() < 0.25
        rows.append([
            610000 + 3 * i, f"{t:%Y-%m-%d %H:%M:%S}", 1 if c["inbound"] else 2, 2 if chat else 1,
            code[c["outcome"]], c["wait"] if c["inbound"] else "", c["handle"], c["csat"] or 0,
        ])  # fmt: skip
    write_csv(
        "coded_calls.csv",
        ["call_ref", "start_local", "direction (1=in,2=out)", "channel (1=voice,2=chat)",
         "outcome (1=answered,2=abandoned,3=voicemail,4=no answer)", "wait_s", "handle_s",
         "csat (1-5, 0=no survey)"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    zeros = [r["csat"] or 0 for r in recs]
    t["csat_if_zero_read"] = r4(sum(zeros) / len(zeros))
    return t


# --- 11. BigQuery EXPORT DATA shard: "... UTC" microsecond timestamps, no wait column -------------


@builder
def build_bq_calls_shard() -> dict[str, Any]:
    # EXPORT DATA OPTIONS(format='CSV', header=true) writes "calls-000000000000.csv": TIMESTAMP
    # "2025-02-10 08:05:12.483920 UTC", BOOL true / false, NULL as an empty field, INT64
    # talk / hold / acw seconds. There is no wait column: the wait is answered_at - started_at
    # (whole seconds: both share the microseconds); abandoned calls have no answered_at.
    rng = random.Random(1911)
    recs, rows = [], []
    for t in spread(rng, FEB, 7):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ok = handled(c)
        us = rng.randint(0, 999999)

        def ts(x: dt.datetime, us: int = us) -> str:
            return f"{x:%Y-%m-%d %H:%M:%S}.{us:06d} UTC"

        ans = t + dt.timedelta(seconds=c["wait"])
        end = ans + dt.timedelta(seconds=c["talk"] + c["hold"]) if ok else ans
        rows.append([
            guid(rng), ts(t), ts(ans) if ok else "", ts(end), rng.choice(QUEUES),
            f"{rng.choice(AGENTS).split()[0].lower()}@example.com" if ok else "",
            "false" if ok else "true", c["talk"] if ok else "", c["hold"] if ok else "",
            c["acw"] if ok else "",
        ])  # fmt: skip
    write_csv(
        "calls-000000000000.csv",
        ["conversation_id", "started_at", "answered_at", "ended_at", "queue_name",
         "agent_email", "is_abandoned", "talk_seconds", "hold_seconds", "acw_seconds"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


if __name__ == "__main__":
    BUILD.main()
