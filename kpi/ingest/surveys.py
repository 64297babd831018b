"""Survey responses joined to the contacts they answer.

A survey export holds contact ids and scores (CSAT, NPS, CES). Imported beside a contact log it
adds its scores to the contacts it names: it is never counted as contacts itself, even when its
responses are dated (:func:`responses_beside_log`). Its ids are matched to the log's as
written, else ignoring what survey tools change in them (case, braces, leading zeros, a prefix
such as ``CTR-``; :func:`match_ids`), and the report says how.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from kpi.ingest import parsers as P
from kpi.ingest.contacts import CALL_FIELDS, TICKET_ONLY
from kpi.ingest.validate import ParsedFile, first_reason
from kpi.schema import SURVEY_COLUMNS

__all__ = ["join_survey", "match_ids", "responses_beside_log"]

#: A share of a file's ids found among another file's contacts that makes it their survey.
_MATCHED = 0.5


def responses_beside_log(parsed: list[ParsedFile]) -> tuple[list[ParsedFile], list[str]]:
    """The files, with each contact file that is really survey responses to another file's
    contacts made a survey, and a note for each.

    Such a file has none of the outcome, queue-time or ticket fields a contact log has (a
    survey's "Duration" is the time spent answering; its status is the response's), and at
    least half of its ids name contacts of another file of the import that has them: its
    contact id column, else the column whose values name them (SurveyMonkey's "Custom Data 1").
    Its dates are when each answer was given, not contacts.
    """
    logs = [p for p in parsed if p.role == "main" and _own_fields(p) & _LOG_FIELDS]
    if not logs or not any(p.role == "main" and p not in logs for p in parsed):
        return parsed, []  # no log, or no other file that could answer its contacts
    ids = pd.Index(pd.concat([p.frame["contact_id"] for p in logs]).dropna().unique())
    out, notes = [], []
    for p in parsed:
        keyed = None if p in logs or p.role != "main" else _keyed_by(p, ids)
        if keyed is None:
            out.append(p)
            continue
        column, survey = keyed
        out.append(survey)
        scores = [c for c in SURVEY_COLUMNS if c in survey.frame.columns]
        said = "its scores are joined to them" if scores else "it has no score column KPI Lab knows"
        notes.append(
            f"'{p.raw.source}' read as survey responses to the contacts of "
            f"{', '.join(repr(q.raw.source) for q in logs)} (its '{column}' names those "
            f"contacts): {said}; its dates are when each answer was given"
        )
    return out, notes


#: What a contact log records and a survey export does not: the outcome, the queue times, a
#: ticket's times and priority.
_LOG_FIELDS = CALL_FIELDS | TICKET_ONLY


def _own_fields(p: ParsedFile) -> set[str]:
    """The targets a contact file maps from columns of its own (not answered derived from a
    duration: a survey's time spent answering)."""
    if p.mapping.shape != "interactions":
        return set()
    return {f.target for f in p.mapping.fields if f.transform != "positive"}


def _keyed_by(p: ParsedFile, ids: pd.Index) -> tuple[str, ParsedFile] | None:
    """(the column naming the contacts, the file as a survey keyed by it) when ``p`` is survey
    responses to the contacts ``ids``, else None."""
    if p.mapping.shape != "interactions" or _own_fields(p) & _LOG_FIELDS:
        return None
    f = p.mapping.get("contact_id")
    if f is not None and len(f.source) == 1:
        candidates = [(f.source[0], p.frame["contact_id"])]
    else:
        used = p.mapping.sources()
        candidates = [(str(c), p.raw.frame[c]) for c in p.raw.frame.columns if str(c) not in used]
    for name, values in candidates:
        text = P.parse_text(values)  # trimmed, blank missing, whole numbers without ".0"
        named = text.notna()
        if named.sum() < 2:
            continue
        matched, _ = match_ids(text, ids)
        if matched[named].notna().mean() >= _MATCHED:
            frame = p.frame.assign(contact_id=text.to_numpy())
            return name, replace(p, role="survey", frame=frame)
    return None


#: A prefix a survey tool puts before the contact id ("CTR-", "call_", "ID:").
_PREFIX = re.compile(r"^([A-Za-z]{1,8}[-_:#])")


def _loose(ids: pd.Series) -> pd.Series:
    """Ids as a survey tool may have rewritten them, made alike: lower case, without braces,
    quotes or spaces, and digits without leading zeros."""
    text = ids.astype("string").str.strip().str.strip("{}\"'").str.lower()
    digits = text.str.fullmatch(r"\d+").fillna(False)
    return text.mask(digits, text.str.lstrip("0").replace("", "0"))


def match_ids(survey: pd.Series, contacts: pd.Index) -> tuple[pd.Series, str | None]:
    """The contact id each survey id names (missing when none), and how they were matched when
    not as written (None: as written).

    As written first; else ignoring case, braces, quotes and leading zeros, and a prefix that
    most survey ids share and no contact id has. A loose form two contacts share names none.
    """
    exact = survey.where(survey.isin(contacts))
    named = survey.notna()
    if not named.any() or exact[named].notna().mean() >= 0.9:
        return exact, None
    keys = pd.Series(contacts.astype("string"), index=_loose(pd.Series(contacts)).to_numpy())
    keys = keys[~keys.index.duplicated(keep=False)]
    loose = _loose(survey)
    how = "ignoring case, braces and leading zeros"
    prefix = survey.astype("string").str.extract(_PREFIX, expand=False)
    common = prefix.mode()
    if len(common) and prefix[named].eq(common.iloc[0]).fillna(False).mean() >= 0.9:
        word = str(common.iloc[0])
        if not pd.Series(contacts.astype("string")).str.lower().str.startswith(word.lower()).any():
            loose = _loose(survey.astype("string").str.removeprefix(word))
            how += f" and the prefix '{word}'"
    found = pd.Series(loose.map(keys).to_numpy(), index=survey.index, dtype="string")
    found = found.where(named)
    if found[named].notna().mean() <= exact[named].notna().mean():
        return exact, None
    return found, how


def join_survey(
    frame: pd.DataFrame, reason: pd.Series, p: ParsedFile
) -> tuple[pd.DataFrame, int, pd.DataFrame | None, str | None]:
    """Fill survey columns of kept contacts from a survey file; unmatched rows are quarantined.

    Returns the frame, the responses joined, the quarantined responses (as written) and how the
    ids were matched (None: as written). Several responses to one contact: the latest (by the
    response time when the file has one, else the last in the file) is kept, the others set
    aside. The scores replace the contact's own where given; another column is added only when
    the contacts have none, and a dated file (responses read beside a log,
    :func:`responses_beside_log`) gives its scores only.
    """
    s = p.frame.copy()
    r = p.reason.copy()
    kept_ids = pd.Index(frame.loc[reason.isna(), "contact_id"].dropna().unique())
    s["contact_id"], how = match_ids(s["contact_id"], kept_ids)
    when = next((c for c in ("updated_at", "start_time") if c in s.columns), None)
    order = np.arange(len(s))
    if when is not None:
        stamps = s[when].reset_index(drop=True)
        order = stamps.sort_values(kind="stable", na_position="first").index.to_numpy()
    latest = s["contact_id"].iloc[order].duplicated(keep="last").reindex(s.index)
    dup = latest & r.isna() & s["contact_id"].notna()
    r = first_reason(r, dup, "duplicate survey for contact_id (older response)")
    unmatched = s["contact_id"].isna() & r.isna()
    r = first_reason(r, unmatched, "survey for a contact_id not in the contacts")
    good = s.loc[r.isna()].set_index("contact_id")
    dated = {f.target for f in p.mapping.fields} & {"start_time", "end_time"}
    cols = [c for c in good.columns if c in SURVEY_COLUMNS or not (dated or c in frame.columns)]
    frame = frame.copy()
    for c in cols:
        if c == "updated_at":
            continue
        mapped = frame["contact_id"].map(good[c])
        if c in frame.columns:
            frame[c] = mapped.where(mapped.notna(), frame[c]) if len(good) else frame[c]
        else:
            frame[c] = mapped
    q = None
    if r.notna().any():
        q = p.raw.as_written(p.raw.frame.loc[r.notna()])
        q.insert(0, "file", p.raw.source)
        q["reason"] = r[r.notna()].astype("string").to_numpy()
    return frame, int(r.isna().sum()), q, how
