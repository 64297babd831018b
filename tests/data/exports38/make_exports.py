"""Regenerate the thirty-eighth blind acceptance corpus (tests/test_real_exports_38.py).

    .venv/bin/python tests/data/exports38/make_exports.py             # write the files
    .venv/bin/python tests/data/exports38/make_exports.py --expected  # also print the truth

Round 38: post-contact SURVEY exports uploaded together with the contact log they belong to
(``read_files([log, survey])``), as a CX manager does to get CSAT, NPS and the customer effort
score per queue. Each builder writes a PAIR (a contact log and the survey tool's export of the
same weeks) or, for the last one, a survey export alone:

1. Genesys Cloud interactions + a Qualtrics response export (three header rows: names, question
   texts, ImportIds; StartDate / EndDate / RecordedDate; embedded data ``ContactId`` written as
   an upper-case GUID in braces; partial responses with ``Finished`` = False).
2. Five9 call log (CALL ID zero-padded to 9 digits) + a SurveyMonkey export (two-row header:
   question, then "Response" / "Open-Ended Response"; ``Custom Data 1`` holds the call id with
   the leading zeros dropped; satisfaction answered in words "Very satisfied".."Very
   dissatisfied"; NPS 0-10).
3. Zendesk tickets + Zendesk satisfaction ratings (Good / Bad / Offered): ratings of tickets
   created before the tickets export's period.
4. Amazon Connect contact search + a post-call IVR survey table (keypad 1-5 CSAT, 0-10 NPS, 1-7
   effort, low = little effort) keyed ``CTR-<CONTACT ID>``; callers who hung up after Q1.
5. Avaya call log with the caller's number + a Medallia export keyed by phone number and call
   date (no contact id at all), with a 1-7 ease score where 7 = very easy (high is good).
6. Talkdesk calls + a Delighted NPS export, newest first, several responses to one call (the
   customer changed their mind: the newest response is kept), comments with commas and line
   breaks, responses to calls of the week before the log.
7. A Typeform export (NPS + CSAT) uploaded ALONE: "Start Date (UTC)" and "Submit Date (UTC)".

Truth, computed with plain Python over the drawn records: CSAT = mean 1-5 rating over the
responses that joined a contact of the log; NPS = 100 x (promoters 9-10 - detractors 0-6) /
NPS answers; CES = mean effort rating as answered (1-7). A partial response counts for the
questions it answered. Several responses to one contact: the NEWEST (latest answer time) is the
contact's answer and the others are set aside. A response to a contact that is not in the log
(other period, other id) is set aside with its reason. Contacts = rows of the log; the log KPIs
follow rounds 1-37 (abandonment over inbound queued, ASA over answered, AHT over handled).
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
    drawn_calls,
    guid,
    handled,
    hms,
    log_truth,
    mean,
    r4,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
TWO = ("Billing", "Support")  # the queues whose scores are asserted
MAR = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
FEB_LAST = weekdays(dt.date(2025, 2, 24), dt.date(2025, 2, 28))


def calls(rng: random.Random, days: list[dt.date] = MAR, per_day: int = 10) -> list[dict[str, Any]]:
    """Inbound calls with a queue and an agent (answered only)."""
    recs = drawn_calls(rng, days, per_day, p_ab=0.12)
    for c in recs:
        c["queue"] = rng.choice(QUEUES)
        c["agent"] = rng.choice(AGENTS) if handled(c) else ""
    return recs


def answers(rng: random.Random, csat: bool = True, nps: bool = True, ces: bool = True,
            p_partial: float = 0.15) -> dict[str, Any]:  # fmt: skip
    """One response: CSAT 1-5, NPS 0-10, CES 1-7 (low = little effort); a partial response
    answers only the first question(s)."""
    a: dict[str, Any] = {
        "csat": rng.choice([1, 2, 3, 4, 4, 5, 5, 5]) if csat else None,
        "nps": rng.choice([0, 3, 5, 6, 7, 8, 8, 9, 9, 10, 10]) if nps else None,
        "ces": rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 7]) if ces else None,
        "partial": False,
    }
    if rng.random() < p_partial:
        a["partial"] = True
        a["nps" if csat else "csat"] = None
        a["ces"] = None
    return a


def nps_of(xs: list[int]) -> float:
    return r4(100 * (sum(x >= 9 for x in xs) - sum(x <= 6 for x in xs)) / len(xs))


def scores(joined: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """CSAT / NPS / CES of (call, response) pairs: overall and for the two queues."""
    out: dict[str, Any] = {}
    for label, sel in [("all", joined)] + [
        (q, [(c, a) for c, a in joined if c["queue"] == q]) for q in TWO
    ]:
        for k in ("csat", "nps", "ces"):
            xs = [a[k] for _, a in sel if a.get(k) is not None]
            if xs:
                out[f"{k}_{label}"] = nps_of(xs) if k == "nps" else r4(mean(xs))
    out["joined"] = len(joined)
    return out


def stamp(c: dict[str, Any], rng: random.Random, lo: int = 600, hi: int = 7200) -> dt.datetime:
    """When the survey was answered: minutes to hours after the call."""
    return c["start"] + dt.timedelta(seconds=c["wait"] + c["handle"] + rng.randint(lo, hi))


def write_text(name: str, text: str) -> None:
    (OUT / name).write_text(text, encoding="utf-8")


# --- 1. Genesys Cloud interactions + Qualtrics ---------------------------------------------------


@builder
def build_qualtrics() -> dict[str, Any]:
    # Genesys Cloud "Interactions" export (one row per conversation, durations H:MM:SS) and
    # the Qualtrics "Export data" CSV of the post-call e-mail survey: row 1 the column names,
    # row 2 the question texts, row 3 {"ImportId":...}; Q1 CSAT 1-5, Q2 NPS 0-10 (with the
    # Q2_NPS_GROUP Qualtrics adds), Q3 effort 1-7, Q4 a comment. The embedded data field
    # ContactId holds the conversation id as the CRM wrote it: upper case, in braces.
    rng = random.Random(3801)
    recs = calls(rng)
    rows = []
    for c in recs:
        c["id"] = guid(rng)
        ok = handled(c)
        rows.append([
            c["id"], f"{c['start']:%Y-%m-%d %H:%M:%S}", "inbound", "voice", c["queue"],
            c["agent"], f"tel:+1617555{rng.randint(1000, 9999)}", hms(c["wait"]),
            hms(c["talk"]), hms(c["hold"]), hms(c["acw"]), "NO" if ok else "YES",
        ])  # fmt: skip
    write_csv(
        "genesys_interactions_mar.csv",
        ["Conversation ID", "Conversation Start", "Direction", "Media Type", "Queue",
         "Users - Interacted", "ANI", "Total Queue", "Total Talk", "Total Hold", "Total ACW",
         "Abandoned"],
        rows,
    )  # fmt: skip
    joined = []
    resp = []
    for c in recs:
        if handled(c) and rng.random() < 0.4:
            a = answers(rng)
            joined.append((c, a))
            resp.append((c, a, stamp(c, rng)))
    resp.sort(key=lambda t: t[2])
    names = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
             "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
             "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
             "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q2_NPS_GROUP", "Q3", "Q4",
             "ContactId", "Queue"]  # fmt: skip
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
             "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
             "Recipient Last Name", "Recipient First Name", "Recipient Email",
             "External Data Reference", "Location Latitude", "Location Longitude",
             "Distribution Channel", "User Language",
             "Overall, how satisfied were you with the support you received today?",
             "How likely is it that you would recommend Acme to a friend or colleague?",
             "How likely is it that you would recommend Acme to a friend or colleague? - Group",
             "How much effort did you personally have to put forth to handle your request?",
             "Is there anything else you would like to tell us?", "ContactId", "Queue"]  # fmt: skip
    ids = ['{"ImportId":"startDate","timeZone":"America/Denver"}',
           '{"ImportId":"endDate","timeZone":"America/Denver"}', '{"ImportId":"status"}',
           '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
           '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"America/Denver"}',
           '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}',
           '{"ImportId":"recipientFirstName"}', '{"ImportId":"recipientEmail"}',
           '{"ImportId":"externalDataReference"}', '{"ImportId":"locationLatitude"}',
           '{"ImportId":"locationLongitude"}', '{"ImportId":"distributionChannel"}',
           '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}',
           '{"ImportId":"QID2_NPS_GROUP"}', '{"ImportId":"QID3"}', '{"ImportId":"QID4_TEXT"}',
           '{"ImportId":"ContactId"}', '{"ImportId":"Queue"}']  # fmt: skip
    out = []
    for c, a, t in resp:
        t0 = t - dt.timedelta(seconds=rng.randint(40, 200))
        grp = (
            ""
            if a["nps"] is None
            else ("Promoter" if a["nps"] >= 9 else "Detractor" if a["nps"] <= 6 else "Passive")
        )
        out.append([
            f"{t0:%Y-%m-%d %H:%M:%S}", f"{t:%Y-%m-%d %H:%M:%S}", "IP Address",
            f"73.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
            60 if a["partial"] else 100, int((t - t0).total_seconds()),
            "False" if a["partial"] else "True", f"{t:%Y-%m-%d %H:%M:%S}",
            "R_" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                           for _ in range(15)),
            "", "", "", "", "39.7392", "-104.9903", "email", "EN",
            a["csat"] if a["csat"] is not None else "",
            a["nps"] if a["nps"] is not None else "", grp,
            a["ces"] if a["ces"] is not None else "",
            rng.choice(["", "", "Quick and friendly", "Took too long, had to call twice"]),
            "{" + c["id"].upper() + "}", c["queue"],
        ])  # fmt: skip
    write_text("qualtrics_postcall_survey.csv", csv_text([names, texts, ids, *out]))
    t = log_truth(recs)
    t.update(scores(joined))
    t["responses"] = len(resp)
    t["partial"] = sum(a["partial"] for _, a in joined)
    return t


# --- 2. Five9 call log + SurveyMonkey ----------------------------------------------------------

_WORDS = {5: "Very satisfied", 4: "Satisfied", 3: "Neither satisfied nor dissatisfied",
          2: "Dissatisfied", 1: "Very dissatisfied"}  # fmt: skip


@builder
def build_surveymonkey() -> dict[str, Any]:
    # Five9 "Call Log" report: CALL ID zero-padded to 9 digits, DATE yyyy/mm/dd + TIME, SKILL,
    # durations H:MM:SS. SurveyMonkey "All responses - condensed" CSV: row 1 the questions,
    # row 2 "Response" / "Open-Ended Response"; Custom Data 1 = the call id as a number (the
    # zeros lost); satisfaction answered in words; NPS 0-10.
    rng = random.Random(3802)
    recs = calls(rng)
    rows = []
    for i, c in enumerate(recs):
        c["id"] = f"{48120 + i * 7:09d}"
        ok = handled(c)
        rows.append([
            c["id"], f"{c['start']:%Y/%m/%d}", f"{c['start']:%H:%M:%S}", "Inbound_Main",
            c["queue"], c["agent"], f"617555{rng.randint(1000, 9999)}", hms(c["wait"]),
            hms(c["talk"]), hms(c["hold"]), hms(c["acw"]),
            rng.choice(["Resolved", "Callback Scheduled", "Transferred"]) if ok else "Abandon",
        ])  # fmt: skip
    write_csv(
        "five9_call_log.csv",
        ["CALL ID", "DATE", "TIME", "CAMPAIGN", "SKILL", "AGENT NAME", "ANI", "QUEUE WAIT TIME",
         "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME", "DISPOSITION"],
        rows,
    )  # fmt: skip
    joined, out = [], []
    for c in recs:
        if handled(c) and rng.random() < 0.4:
            a = answers(rng, ces=False)
            joined.append((c, a))
            t = stamp(c, rng)
            t0 = t - dt.timedelta(seconds=rng.randint(30, 180))
            out.append([
                str(11400000000 + rng.randint(0, 99999999)), "432198765",
                f"{t0:%m/%d/%Y %I:%M:%S %p}", f"{t:%m/%d/%Y %I:%M:%S %p}", "", "", "", "",
                str(int(c["id"])),
                _WORDS[a["csat"]] if a["csat"] is not None else "",
                a["nps"] if a["nps"] is not None else "",
                rng.choice(["", "", "Agent was great, thanks", "Hold music, again"]),
            ])  # fmt: skip
    q1 = "Overall, how satisfied or dissatisfied are you with our customer service?"
    q2 = "How likely is it that you would recommend this company to a friend or colleague?"
    header = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
              "Email Address", "First Name", "Last Name", "Custom Data 1", q1, q2,
              "Is there anything else you'd like to share?"]  # fmt: skip
    sub = ["", "", "", "", "", "", "", "", "", "Response", "Response", "Open-Ended Response"]
    write_text("surveymonkey_csat_nps.csv", csv_text([header, sub, *out]))
    t = log_truth(recs)
    t.update(scores(joined))
    t["responses"] = len(out)
    return t


# --- 3. Zendesk tickets + satisfaction ratings ---------------------------------------------------


@builder
def build_zendesk() -> dict[str, Any]:
    # Zendesk tickets CSV export (Id, Status, Priority, Group, Assignee, Created at, Solved at)
    # for 3-14 March, and the satisfaction ratings view exported beside it: Ticket ID,
    # Satisfaction (Good / Bad / Offered: asked, not answered), comment, group. The ratings
    # view covers the last 30 days: tickets created in February are rated too.
    rng = random.Random(3803)
    tickets = []
    for i, d in enumerate([d for d in MAR for _ in range(9)]):
        t0 = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(seconds=rng.randint(0, 36000))
        tickets.append({"id": 20511 + i * 3, "start": t0, "queue": rng.choice(TWO + ("Sales",)),
                        "solved": t0 + dt.timedelta(minutes=rng.randint(20, 4000))})  # fmt: skip
    rows = [[t["id"], f"Order #{rng.randint(10000, 99999)}", "Solved", rng.choice(["Normal", "High",
             "Low"]), t["queue"], rng.choice(AGENTS), f"{t['start']:%Y-%m-%d %H:%M:%S}",
             f"{t['solved']:%Y-%m-%d %H:%M:%S}", "web"] for t in tickets]  # fmt: skip
    write_csv(
        "zendesk_tickets_mar.csv",
        ["Id", "Subject", "Status", "Priority", "Group", "Assignee", "Created at", "Solved at",
         "Via"],
        rows,
    )  # fmt: skip
    out, joined, offered, outside = [], [], 0, 0
    for t in tickets:
        u = rng.random()
        if u < 0.35:
            a = {"csat": rng.choice([5, 5, 5, 1])}
            joined.append((t, a))
            out.append([t["id"], "Good" if a["csat"] == 5 else "Bad",
                        rng.choice(["", "Thanks, solved fast", "Still broken, again"]),
                        t["queue"]])  # fmt: skip
        elif u < 0.5:
            offered += 1
            out.append([t["id"], "Offered", "", t["queue"]])
    for k in range(7):  # February tickets, before the export
        outside += 1
        out.append([20100 + k * 5, rng.choice(["Good", "Bad"]), "", rng.choice(TWO)])
    out.sort(key=lambda r: r[0])
    write_csv("zendesk_satisfaction_ratings.csv",
              ["Ticket ID", "Satisfaction", "Satisfaction Comment", "Ticket Group"], out)  # fmt: skip
    s = scores(joined)
    return {"rows": len(tickets), "first_day": "2025-03-03", "last_day": "2025-03-14",
            "rated": len(joined), "offered": offered, "outside": outside, **s}  # fmt: skip


# --- 4. Amazon Connect + post-call IVR survey keyed "CTR-<id>" ---------------------------------


@builder
def build_connect_ivr() -> dict[str, Any]:
    # Amazon Connect contact search export (Contact ID lower-case GUID) and the DynamoDB table
    # of the post-call IVR survey exported to CSV (the attributes the survey Lambda writes):
    # "contactId" written "CTR-" + the contact id in upper case, keypad answers csat 1-5, nps
    # 0-10, ces 1-7 (1 = very low effort); a caller who hung up after the first question has
    # nps and ces blank.
    rng = random.Random(3804)
    recs = calls(rng)
    rows = []
    for c in recs:
        c["id"] = guid(rng)
        ok = handled(c)
        end = c["start"] + dt.timedelta(seconds=c["wait"] + c["handle"])
        rows.append([
            c["id"], "VOICE", "INBOUND", f"{c['start']:%Y-%m-%dT%H:%M:%S}Z",
            f"{end:%Y-%m-%dT%H:%M:%S}Z", c["queue"], c["agent"].lower().replace(" ", "."),
            c["wait"], c["talk"] if ok else "", c["hold"] if ok else "", c["acw"] if ok else "",
            "CUSTOMER_DISCONNECT" if not ok else rng.choice(["AGENT_DISCONNECT",
                                                            "CUSTOMER_DISCONNECT"]),
        ])  # fmt: skip
    write_csv(
        "connect_contact_search.csv",
        ["Contact ID", "Channel", "Initiation method", "Initiation timestamp",
         "Disconnect timestamp", "Queue", "Agent", "Queue duration", "Agent interaction duration",
         "Customer hold duration", "After contact work duration", "Disconnect reason"],
        rows,
    )  # fmt: skip
    joined, out = [], []
    for c in recs:
        if handled(c) and rng.random() < 0.45:
            a = answers(rng, p_partial=0.2)
            joined.append((c, a))
            out.append([
                "CTR-" + c["id"].upper(), c["queue"],
                a["csat"], "" if a["nps"] is None else a["nps"],
                "" if a["ces"] is None else a["ces"], "COMPLETE" if not a["partial"] else "HANGUP",
            ])  # fmt: skip
    write_csv("connect_postcall_survey.csv",
              ["contactId", "queueName", "csat", "nps", "ces", "surveyStatus"], out)  # fmt: skip
    t = log_truth(recs)
    t.update(scores(joined))
    t["responses"] = len(out)
    return t


# --- 5. Avaya log with ANI + Medallia keyed by phone and call date ------------------------------


@builder
def build_medallia() -> dict[str, Any]:
    # A call log with the caller's number (ANI, 10 digits) and a Medallia export of the
    # post-call survey: no contact id, only "Phone Number" (+1 (617) 555-0134) and "Call
    # Date" (MM/DD/YYYY); "Likelihood to Recommend" 0-10, "Overall Satisfaction" 1-5, "Ease
    # of Resolution" 1-7 where 7 = very easy (high is good). Each caller calls at most once
    # a day, so phone + date names one call.
    rng = random.Random(3805)
    recs = calls(rng)
    pool = [f"617555{n:04d}" for n in rng.sample(range(1000, 9999), len(recs))]
    rows = []
    for i, c in enumerate(recs):
        c["ani"] = pool[i]
        ok = handled(c)
        rows.append([
            f"{c['start']:%m/%d/%Y %H:%M:%S}", c["ani"], c["queue"], c["agent"],
            c["wait"], c["talk"], c["hold"], c["acw"], "ANSWERED" if ok else "ABANDONED",
            f"{710000 + i}",
        ])  # fmt: skip
    write_csv(
        "avaya_call_detail.csv",
        ["Call Start", "ANI", "Split/Skill", "Agent Name", "Queue Time (s)", "Talk Time (s)",
         "Hold Time (s)", "ACW Time (s)", "Disposition", "UCID"],
        rows,
    )  # fmt: skip
    joined, out = [], []
    for c in recs:
        if handled(c) and rng.random() < 0.4:
            a = answers(rng)
            a["ces"] = rng.choice([7, 7, 6, 6, 5, 4, 3, 2, 1])  # ease: 7 = very easy
            joined.append((c, a))
            n = c["ani"]
            out.append([
                f"MED-{rng.randint(10**7, 10**8 - 1)}", f"+1 ({n[:3]}) {n[3:6]}-{n[6:]}",
                f"{c['start']:%m/%d/%Y}", a["nps"] if a["nps"] is not None else "",
                a["csat"] if a["csat"] is not None else "",
                a["ces"] if not a["partial"] else "", "Post-Call IVR", "Acme Contact Center",
            ])  # fmt: skip
            if a["partial"]:
                a["ces"] = None
    write_csv(
        "medallia_survey_export.csv",
        ["Survey ID", "Phone Number", "Call Date", "Likelihood to Recommend",
         "Overall Satisfaction", "Ease of Resolution", "Survey Type", "Unit"],
        out,
    )  # fmt: skip
    t = log_truth(recs)
    t.update(scores(joined))
    t["responses"] = len(out)
    return t


# --- 6. Talkdesk + Delighted NPS, newest first, several responses per call --------------------


@builder
def build_delighted() -> dict[str, Any]:
    # Talkdesk "Calls" export (Call ID 32 hex, lower case) and a Delighted NPS export (newest
    # first, the web UI's order): Score 0-10, Comment (commas, line breaks), Created At, and
    # the person properties sent with the survey: "Call ID" (UPPER case), "Ring Group". Some
    # customers answered twice for one call (Delighted sends a reminder; the newest response
    # is their answer); the export runs from 24 February, before the calls export starts.
    rng = random.Random(3806)
    recs = calls(rng)
    early = calls(rng, FEB_LAST, 4)
    for c in recs + early:
        c["id"] = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    rows = []
    for c in recs:
        ok = handled(c)
        rows.append([
            c["id"], "inbound", f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"],
            c["wait"], c["talk"] + c["hold"], c["hold"], c["acw"],
            "answered" if ok else "abandoned", f"+1617555{rng.randint(1000, 9999)}",
        ])  # fmt: skip
    write_csv(
        "talkdesk_calls.csv",
        ["Call ID", "Type", "Start Time", "Ring Groups", "Agent Name", "Waiting Time",
         "Talk Time", "Hold Time", "Wrap Up Time", "Call Status", "Customer Phone Number"],
        rows,
    )  # fmt: skip
    comments = ["", "", "Fast, friendly, fixed it.", "Waited 20 minutes, then got cut off,\n"
                "called back and it was fine", "Great agent, 10/10", "meh, \"ok\" I guess",
                "Billing is confusing,\nplease simplify"]  # fmt: skip
    resp, joined, dups, outside = [], [], 0, 0
    for c in recs:
        if handled(c) and rng.random() < 0.45:
            t = stamp(c, rng)
            a = answers(rng, csat=False, ces=False, p_partial=0.0)
            if rng.random() < 0.2:  # an earlier answer, replaced by the newest
                first = {"nps": rng.choice([0, 2, 4, 6, 10])}
                resp.append((c, first, t - dt.timedelta(minutes=rng.randint(30, 600))))
                dups += 1
            resp.append((c, a, t + dt.timedelta(hours=rng.randint(20, 30))))
            joined.append((c, a))
    for c in early:
        if handled(c) and rng.random() < 0.5:
            resp.append((c, {"nps": rng.choice([3, 9, 10])}, stamp(c, rng)))
            outside += 1
    resp.sort(key=lambda x: x[2], reverse=True)
    out = []
    for c, a, t in resp:
        rid = rng.randint(10**8, 10**9)
        out.append([
            rid, f"{c['queue'].lower()}{rng.randint(10, 99)}@example.com", "", a["nps"],
            rng.choice(comments), f"{t:%Y-%m-%d %H:%M:%S -0500}",
            f"{t:%Y-%m-%d %H:%M:%S -0500}", f"https://delighted.com/r/{rid}", "email",
            c["id"].upper(), c["queue"],
        ])  # fmt: skip
    write_csv(
        "delighted_nps_export.csv",
        ["Response ID", "Email", "Name", "Score", "Comment", "Created At", "Updated At",
         "Permalink", "Delighted Source", "Call ID", "Ring Group"],
        out,
    )  # fmt: skip
    t = log_truth(recs)
    t.update(scores(joined))
    t.update(responses=len(out), older_duplicates=dups, outside=outside)
    return t


# --- 7. Typeform export uploaded alone -----------------------------------------------------------


@builder
def build_typeform_alone() -> dict[str, Any]:
    # Typeform "Download responses" CSV of a chat survey: "#" (response token), the questions
    # as headers (NPS 0-10, CSAT 1-5), the hidden field "conversation_id", "Start Date (UTC)",
    # "Submit Date (UTC)", "Network ID". Uploaded without the chat log: the answers are read by
    # the day they were submitted.
    rng = random.Random(3807)
    out, got = [], []
    for d in MAR:
        for _ in range(rng.randint(3, 7)):
            t = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(seconds=rng.randint(0, 36000))
            a = answers(rng, ces=False)
            got.append(a)
            out.append([
                "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32)),
                a["nps"] if a["nps"] is not None else "",
                a["csat"] if a["csat"] is not None else "",
                f"CHAT-{rng.randint(100000, 999999)}",
                f"{t - dt.timedelta(seconds=rng.randint(20, 90)):%Y-%m-%d %H:%M:%S}",
                f"{t:%Y-%m-%d %H:%M:%S}", "".join(rng.choice("0123456789abcdef") for _ in range(10)),
            ])  # fmt: skip
    write_csv(
        "typeform_chat_survey.csv",
        ["#", "How likely are you to recommend us to a friend?",
         "How satisfied were you with the chat?", "conversation_id", "Start Date (UTC)",
         "Submit Date (UTC)", "Network ID"],
        out,
    )  # fmt: skip
    cs = [a["csat"] for a in got if a["csat"] is not None]
    ns = [a["nps"] for a in got if a["nps"] is not None]
    return {"rows": len(out), "csat": r4(mean(cs)), "nps": nps_of(ns),
            "first_day": "2025-03-03", "last_day": "2025-03-14"}  # fmt: skip


if __name__ == "__main__":
    BUILD.main()
