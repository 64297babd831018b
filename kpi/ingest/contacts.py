"""What a contact log's parsed columns mean beyond their cells: which rows are customer
contacts, when a contact was answered, and values to make alike.

Each rule runs on the parsed columns of one file (``out``: target -> values, changed in place)
and returns the notes the import report shows; rows that are no contact are returned with
their reason, for :func:`kpi.ingest.validate.parse_file` to set aside. The order in which
``parse_file`` applies them matters and is kept there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from kpi.ingest import parsers as P
from kpi.ingest.mapping import FieldMap, Mapping, OutcomeRule
from kpi.ingest.outcomes import apply_rule, listed_rows
from kpi.ingest.readers import RawTable

__all__ = [
    "CALL_FIELDS",
    "TICKET_FIELDS",
    "TICKET_ONLY",
    "NO_QUEUE_MEDIA",
    "answered_by_talk",
    "apply_outcome",
    "dials_connected",
    "fold_case",
    "merged_tickets",
    "milliseconds_labelled_seconds",
    "no_queue_wait",
    "not_contacts",
    "phone_keys",
    "reached_no_agent",
    "test_calls",
    "unknown_directions",
]


def answered_by_talk(out: dict[str, pd.Series]) -> list[str]:
    """A contact whose answered cell is blank but that has talk time was answered (an
    outbound dial left blank in an "Answered" column meant for inbound calls): counted as
    handled, said in a note. Flags that are given are never changed, and this runs before an
    outcome rule fills or corrects the flags."""
    if "answered" not in out or "talk_seconds" not in out:
        return []
    if not pd.api.types.is_bool_dtype(out["answered"].dtype):
        return []
    blank = out["answered"].isna().to_numpy(dtype=bool)
    if not blank.any():  # every flag given (a machine export): nothing to read
        return []
    answered = out["answered"].astype("boolean")
    talked = pd.to_numeric(out["talk_seconds"], errors="coerce").gt(0).fillna(False)
    fill = blank & talked.to_numpy(dtype=bool)
    if not fill.any():
        return []
    out["answered"] = answered.mask(fill, True)
    if "abandoned" in out:
        out["abandoned"] = out["abandoned"].astype("boolean").mask(fill, False)
    return [f"{int(fill.sum()):,} contacts with no answered value but talk time: read as answered"]


def dials_connected(mapping: Mapping, out: dict[str, pd.Series]) -> list[str]:
    """An outbound dial is answered when someone picked up, which a column saying "abandoned"
    (a queue's word, 0 on every dial) does not tell: where answered is only that column's
    opposite, an outbound row is answered when it has talk (else handle) time; said in a note."""
    f = mapping.get("answered")
    if f is None or f.transform != "invert" or "direction" not in out:
        return []
    time = next((out[c] for c in ("talk_seconds", "handle_seconds") if c in out), None)
    if time is None:
        return []
    dial = out["direction"].eq("outbound").fillna(False).to_numpy(dtype=bool)
    if not dial.any():
        return []
    talked = pd.to_numeric(time, errors="coerce").gt(0).fillna(False).to_numpy(dtype=bool)
    answered = out["answered"].astype("boolean")
    wrong = dial & answered.fillna(False).to_numpy(dtype=bool) & ~talked
    if not wrong.any():
        return []
    out["answered"] = answered.mask(wrong, False)
    return [
        f"'{f.source[0]}' says nothing of outbound dials: {int(wrong.sum()):,} dials with no "
        "talk time read as not connected (not handled; a dial is never abandoned)"
    ]


def reached_no_agent(mapping: Mapping, out: dict[str, pd.Series]) -> list[str]:
    """Where answered is only the opposite of an abandoned column, a contact that was not
    abandoned is not thereby answered: one with no talk, handle or wrap-up time and no agent
    named flowed out (to voicemail, another queue) or ended in the menu. Such rows read as not
    answered (they count as offered where they queued), when the file's times tell: at least
    half of the contacts of that channel the column calls answered show an agent or a time
    (a blended log may time its calls only). Dials are left to
    :func:`dials_connected`; said in a note."""
    f = mapping.get("answered")
    if f is None or f.transform != "invert":
        return []
    signs = [
        pd.to_numeric(out[c], errors="coerce").gt(0).fillna(False).to_numpy(dtype=bool)
        for c in ("talk_seconds", "handle_seconds", "acw_seconds")
        if c in out
    ]
    if "agent_id" in out:
        signs.append(P.filled_mask(out["agent_id"].astype("string")).to_numpy(dtype=bool))
    if not signs:
        return []
    reached = np.logical_or.reduce(signs)
    answered = out["answered"].astype("boolean")
    said = answered.fillna(False).to_numpy(dtype=bool, copy=True)  # not a view of the column
    if "direction" in out:
        said &= ~out["direction"].eq("outbound").fillna(False).to_numpy(dtype=bool)
    # Judged per channel: a blended log may time only its calls (a chat or e-mail with no
    # time was still answered).
    groups = (
        out["channel"].astype("string").fillna("").to_numpy()
        if "channel" in out
        else np.zeros(len(said), dtype=object)
    )
    timed = np.zeros(len(said), dtype=bool)
    for g in pd.unique(groups[said]):
        rows = groups == g
        if reached[said & rows].mean() >= 0.5:
            timed |= rows
    wrong = said & ~reached & timed
    if not wrong.any():
        return []
    out["answered"] = answered.mask(wrong, False)
    return [
        f"'{f.source[0]}' says not abandoned on {int(wrong.sum()):,} contacts that reached no "
        "agent (no talk, handle or wrap-up time, no agent): read as not answered (a flow-out "
        "to voicemail or another queue, or the end of the menu)"
    ]


def _reached_agent(out: dict[str, pd.Series]) -> pd.Series | None:
    """True where a contact shows it reached an agent (None when the file cannot say): talk
    time above zero where the file has talk times, else handle time above zero, else an agent
    named. An agent's name alone is weaker evidence: on an outbound dial it names whoever
    dialled, answered or not (an answering machine)."""
    agent = P.filled_mask(out["agent_id"].astype("string")) if "agent_id" in out else None
    for c in ("talk_seconds", "handle_seconds"):
        if c in out:
            seconds = pd.to_numeric(out[c], errors="coerce")
            reached = seconds.gt(0)
            if agent is not None:  # no time written: the agent's name decides
                reached = reached.mask(seconds.isna(), agent)
            return reached.fillna(False).astype(bool)
    return None if agent is None else agent.astype(bool)


def apply_outcome(mapping: Mapping, raw: RawTable, out: dict[str, pd.Series]) -> list[str]:
    """The outcome rule fills answered / abandoned / blocked where no field maps them; a
    correcting rule (``others="keep"``) overrides the mapped flags on the rows it lists."""
    rule = mapping.outcome
    if rule is None or rule.source not in raw.frame.columns:
        return []
    column = raw.frame[rule.source]
    queued = P.filled_mask(out["queue"].astype("string")) if "queue" in out else None
    flags, note = apply_rule(rule, column, _reached_agent(out), queued)
    if rule.others == "keep":
        rows = listed_rows(rule, column)
        for t, flag in flags.items():
            if t in out:
                out[t] = out[t].astype("boolean").mask(rows, flag)
            elif flag.fillna(False).any():  # blocked calls named only by the outcome column
                out[t] = flag
        n = int(np.count_nonzero(rows))
        return [
            f"Outcome column “{rule.source}”: corrects answered and abandoned on {n:,} rows "
            f"({_plain_rule(rule)}; other values leave the answered and abandoned columns as "
            "they are)"
        ]
    filled = [t for t in flags if t not in out]
    for t in filled:
        out[t] = flags[t]
    if not filled:
        return []
    said = (
        f"Outcome column “{rule.source}”: gives {_and(filled)} by its values ({_plain_rule(rule)})"
    )
    return [said] + ([note] if note else []) + _dials_in_outcome(rule, column, out)


def _dials_in_outcome(rule: OutcomeRule, column: pd.Series, out: dict[str, pd.Series]) -> list[str]:
    """An outcome column that also names outbound calls ("outbound", "outbound_missed": a
    Talkdesk "Call Type") counts them in no queue rate, but a dial that reached someone was
    handled: those rows are answered (connected) where they have talk time, never abandoned.
    Where no column gives the direction, this one does (the other rows inbound)."""
    if "answered" not in out:
        return []
    dials = [v for v, c in rule.values if c == "ignore" and P.direction_label(v) == "outbound"]
    if not dials:
        return []
    dial = column.astype("string").str.strip().isin(dials).fillna(False).to_numpy(dtype=bool)
    if not dial.any():
        return []
    said = []
    if "direction" not in out:
        out["direction"] = pd.Series(
            np.where(dial, "outbound", "inbound"), index=column.index, dtype="string"
        )
        said.append("gives the direction (the other rows inbound)")
    reached = _reached_agent(out)
    connected = dial & (reached.to_numpy(dtype=bool) if reached is not None else False)
    flag = pd.Series(connected, index=column.index)
    out["answered"] = out["answered"].astype("boolean").mask(dial, flag)
    if "abandoned" in out:
        out["abandoned"] = out["abandoned"].astype("boolean").mask(dial, False)
    said.append(
        f"{int(dial.sum()):,} outbound calls ({', '.join(dials)}) handled where connected "
        f"(talk time): {int(connected.sum()):,}"
    )
    return [f"“{rule.source}”: " + "; ".join(said)]


#: Outcome classes in plain words, for the import report's notes.
_CLASS_WORDS = {
    "voicemail": "voicemail or callback",
    "ignore": "counted in no rate",
    "hangup": "the customer hung up (abandoned unless it reached an agent)",
    "wrapup": "a wrap-up code an agent chose (answered when the contact reached an agent)",
    "ended": "the contact ended normally (answered when it reached an agent)",
}


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _plain_rule(rule: OutcomeRule) -> str:
    """ "ANSWERED means answered; HANG, ABANDON mean abandoned" (the rule in plain words)."""
    groups: dict[str, list[str]] = {}
    for value, cls in rule.values:
        groups.setdefault(cls, []).append(value)
    return "; ".join(
        f"{', '.join(vs)} {'means' if len(vs) == 1 else 'mean'} {_CLASS_WORDS.get(c, c)}"
        for c, vs in groups.items()
    )


#: An outcome that says the call was a test: no customer contact (set aside with its reason).
_TEST_CALL = re.compile(r"^\s*test(?:\s*call|ing)?s?\s*$", re.IGNORECASE)


def test_calls(mapping: Mapping, raw: RawTable) -> np.ndarray | None:
    """Rows whose outcome value says "Test" / "Test Call" (None without an outcome column)."""
    rule = mapping.outcome
    if rule is None or rule.source not in raw.frame.columns:
        return None
    tests = [v for v, _ in rule.values if _TEST_CALL.match(v)]
    if not tests:
        return None
    text = raw.frame[rule.source].astype("string").str.strip()
    return text.isin(tests).fillna(False).to_numpy(dtype=bool)


#: What only a ticket export maps (its status aside: a survey response has one too).
TICKET_ONLY = frozenset({"priority", "resolution_seconds", "solved_time", "first_response_seconds"})
#: Ticket fields: those and the status.
TICKET_FIELDS = TICKET_ONLY | {"status"}
#: What a call log records and neither a ticket export nor a survey does: the outcome and the
#: queue's times.
CALL_FIELDS = frozenset(
    {"answered", "abandoned", "blocked", "wait_seconds", "hold_seconds", "acw_seconds",
     "handle_seconds"}
)  # fmt: skip

#: Statuses of a CRM's call activity that has not happened (Zoho Desk: Scheduled, Overdue).
_PLANNED = ("scheduled", "overdue", "planned")

#: Ticket statuses of what is no contact: spam, the bin (Kayako "Trash", Zendesk "deleted").
_JUNK_STATUSES = ("spam", "trash", "trashed", "deleted", "junk", "spam/junk")


#: A help desk's tag on a ticket merged into another (Zendesk): the other one is the ticket.
_MERGED_TAG = re.compile(r"(?:^|[\s,;|])closed_by_merge(?:$|[\s,;|])", re.IGNORECASE)


def merged_tickets(raw: RawTable) -> np.ndarray | None:
    """Rows whose tags say the ticket was merged into another (Zendesk's ``closed_by_merge``),
    None when the file has no tags column that says so."""
    tags = next((c for c in raw.frame.columns if str(c).strip().lower() == "tags"), None)
    if tags is None:
        return None
    merged = raw.frame[tags].astype("string").str.contains(_MERGED_TAG).fillna(False)
    return merged.to_numpy(dtype=bool) if merged.any() else None


def not_contacts(
    frame: pd.DataFrame, tests: np.ndarray | None = None, merged: np.ndarray | None = None
) -> list[tuple[Any, str]]:
    """Rows that are no customer contact, each kind with its reason: test calls (``tests``,
    :func:`test_calls`), internal calls and the legs an agent adds to a call (direction
    ``internal``: between extensions, a 3rd-party transfer or conference leg, a consult), a
    help desk's spam and bin (a status of :data:`_JUNK_STATUSES`) and tickets merged into
    another (``merged``, :func:`merged_tickets`)."""
    out: list[tuple[Any, str]] = []
    if tests is not None:
        out.append((tests, "test call (not a customer contact)"))
    if merged is not None:
        out.append((merged, "ticket merged into another (tag closed_by_merge): not a ticket"))
    if "direction" in frame.columns:
        internal = frame["direction"].eq("internal").fillna(False).to_numpy(dtype=bool)
        out.append(
            (
                internal,
                "internal call or an agent's transfer / conference leg (not a customer contact)",
            )
        )
    if "status" in frame.columns:
        status = frame["status"].astype("string").str.strip().str.lower()
        junk = status.isin(_JUNK_STATUSES).fillna(False).to_numpy(dtype=bool)
        out.append((junk, "spam or deleted ticket (not a contact)"))
        if "solved_time" not in frame.columns:  # a CRM's call activities, not tickets
            planned = status.isin(_PLANNED).fillna(False).to_numpy(dtype=bool)
            out.append((planned, "a planned call (scheduled or overdue): not a contact yet"))
    return out


#: Segment columns whose spellings that differ only in case (or spaces) are one value.
_FOLDED = ("queue", "team", "channel", "topic")


def fold_case(out: dict[str, pd.Series]) -> list[str]:
    """ "Billing", "billing" and "BILLING" in a queue column (a hand-kept sheet, exports merged
    from two systems) are one queue: each is written as its most frequent spelling, and the
    report says so. Judged on the first 500 rows first: a machine export, which spells its
    labels one way, costs no pass over a million rows."""
    notes = []
    for c in _FOLDED:
        s = out.get(c)
        if s is None or not len(s):
            continue
        head = pd.Series(pd.unique(s.iloc[:500].dropna()), dtype="string")
        if head.str.casefold().duplicated().sum() == 0 and len(s) > 500:
            continue
        counts = s.value_counts(dropna=True)
        keys = pd.Series(counts.index, dtype="string").str.casefold().str.split().str.join(" ")
        if not keys.duplicated().any():
            continue
        best = {k: v for v, k in zip(counts.index[::-1], keys[::-1], strict=True)}
        spelled = {v: best[k] for v, k in zip(counts.index, keys, strict=True) if best[k] != v}
        out[c] = s.replace(spelled)
        shown = ", ".join(f"'{v}' as '{w}'" for v, w in list(spelled.items())[:4])
        more = ", ..." if len(spelled) > 4 else ""
        notes.append(f"{c} spellings that differ only in case taken as one: {shown}{more}")
    return notes


#: The times of one call, and the median (seconds) above which a talk or handle time labelled
#: in seconds is no plausible call (2.8 h; a ticket's response and resolution run to days).
_CALL_TIMES = ("wait_seconds", "talk_seconds", "hold_seconds", "acw_seconds", "handle_seconds")
_MS_MEDIAN = 10_000.0


def milliseconds_labelled_seconds(out: dict[str, pd.Series], used: list[FieldMap]) -> list[str]:
    """A call log whose columns say seconds but hold milliseconds: the talk (or handle) times
    run to hours per contact, and the contacts' own start and end times (when the file has
    them) do not last that long. Every call-time column the file labels in seconds is then
    read as milliseconds, and the report says so. A chat of hours that its end time confirms
    stays as it is."""
    units = {f.target: f.unit for f in used}
    timed = [c for c in _CALL_TIMES if c in out and units.get(c) == "s"]
    main = next((c for c in ("talk_seconds", "handle_seconds") if c in timed), None)
    if main is None:
        return []
    head = pd.to_numeric(out[main].iloc[:5000], errors="coerce")
    positive = head[head > 0]
    # as milliseconds, a plausible call (under 4 h): not a column of absurd values
    if positive.empty or not _MS_MEDIAN < positive.median() <= 14_400_000:
        return []
    if "start_time" in out and "end_time" in out:
        lasted = (out["end_time"].iloc[:5000] - out["start_time"].iloc[:5000]).dt.total_seconds()
        lasted = lasted[head > 0].dropna()
        if not lasted.empty and lasted.median() >= 0.5 * positive.median():
            return []  # the contacts did last that long (chats of hours)
    for c in timed:
        out[c] = out[c] / 1000.0
    return [
        f"call times labelled in seconds read as milliseconds ({', '.join(timed)}): a median "
        f"{main} of {positive.median():,.0f} would be hours per contact"
    ]


#: Media with no queue in front of an agent: an e-mail's "wait" of 0 is no wait.
#: (The pattern's text is also the lake's rule: ``kpi.engine.lake_mapping``.)
NO_QUEUE_MEDIA = r"e-?mail|^mail$|correo|courriel|邮件|メール|이메일"
_NO_QUEUE_MEDIA = re.compile(NO_QUEUE_MEDIA, re.IGNORECASE)


def no_queue_wait(out: dict[str, pd.Series]) -> list[str]:
    """E-mails in a blended log with a queue time of 0 (written where the medium has none):
    no wait, so that they count in no queue rate (ASA, service level, abandonment)."""
    if "channel" not in out or "wait_seconds" not in out:
        return []
    channel = out["channel"]
    distinct = (
        channel.cat.categories
        if isinstance(channel.dtype, pd.CategoricalDtype)
        else channel.iloc[:5000].dropna().unique()
    )
    labels = [v for v in distinct[:50] if _NO_QUEUE_MEDIA.search(str(v))]
    if not labels:
        return []
    wait = out["wait_seconds"]
    at = np.flatnonzero(wait.to_numpy(dtype=float, na_value=np.nan) == 0)
    if not len(at):
        return []
    none = np.zeros(len(wait), dtype=bool)  # the channel looked at on those rows only
    none[at] = channel.iloc[at].isin(labels).to_numpy(dtype=bool, na_value=False)
    if not none.any():
        return []
    out["wait_seconds"] = wait.mask(none)
    return [
        f"{int(none.sum()):,} e-mails with a wait of 0: no queue wait (they count in no queue rate)"
    ]


#: A phone number as people write it: digits with "+", spaces, brackets, dots or dashes.
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,24}$")
_PHONE_DIGITS = 10  # numbers compared by their last ten digits: "+1 (415) 555-0100" = 4155550100


def phone_keys(out: dict[str, pd.Series]) -> list[str]:
    """Customer ids that are phone numbers written several ways ("+1 (415) 555-0100",
    "415-555-0100", "4155550100") are one caller: each is kept as its last ten digits, so
    that repeat contacts find each other; the report says so. Judged on the first 200 ids."""
    s = out.get("customer_id")
    if s is None or not len(s):
        return []
    head = s.iloc[:1000].dropna().astype("string").iloc[:200]
    if len(head) < 5 or not bool(head.str.fullmatch(_PHONE).all()):
        return []
    digits = head.str.replace(r"\D", "", regex=True)
    if not bool(digits.str.len().ge(7).all()) or bool(head.eq(digits).all()):
        return []  # digits only already: nothing to make alike
    keys = s.astype("string").str.replace(r"\D", "", regex=True).str[-_PHONE_DIGITS:]
    out["customer_id"] = keys.mask(keys.eq(""), s.astype("string"))
    first = str(head.iloc[0])
    return [
        f"customer ids are phone numbers written in several ways: compared by their last "
        f"{_PHONE_DIGITS} digits ('{first}' = {keys.loc[head.index[0]]})"
    ]


def unknown_directions(mapping: Mapping, raw: RawTable, out: dict[str, pd.Series]) -> list[str]:
    """A warning when some direction labels say neither inbound nor outbound (codes, "internal"):
    the KPIs count those contacts as inbound. Counted per distinct raw value (a direction
    column is read dictionary-encoded: no pass over a million labels)."""
    f = mapping.get("direction")
    if f is None or "direction" not in out or f.transform or f.source[0] not in raw.frame:
        return []
    col = raw.frame[f.source[0]]
    if isinstance(col.dtype, pd.CategoricalDtype):
        labels = [P.direction_label(str(c)) for c in col.cat.categories]
        if all(lab in ("inbound", "outbound", "internal") for lab in labels):
            return []  # the common case: no count needed
        counts = pd.Series(col.cat.codes.value_counts().reindex(range(len(labels)), fill_value=0))
        counts.index = pd.Index(labels)
        counts = counts.groupby(level=0).sum()
    else:
        counts = out["direction"].value_counts(dropna=True)
    other = counts[~counts.index.isin(["inbound", "outbound", "internal"]) & (counts > 0)]
    if other.empty:
        return []
    shown = ", ".join(f"'{v}'" for v in list(other.index[:5]))
    more = f" and {len(other) - 5} more" if len(other) > 5 else ""
    return [
        f"direction values {shown}{more} ({int(other.sum()):,} contacts) say neither inbound nor "
        "outbound: they count as inbound; map the direction column's values if they are codes"
    ]
