"""Call legs: an export with one row per leg (or segment) of a call, the call's id on each.

A CDR view or a contact-center export may write a call transferred twice as three rows that
share the call id, with a leg number or leg id beside it (``call_id`` + ``leg_no``; Zendesk
Talk's ``Call ID`` + ``Leg ID``). Counted as rows, a call would count three times; read as an
id that restarts (:func:`kpi.ingest.combine.unique_ids`), its legs would be three calls.

:func:`link_legs` links them as a chain, as Amazon Connect links a transfer's contact records:
the first leg keeps the call's id and counts as the contact; every later leg gets an id of its
own (``C1#2``) and the call's id as its ``parent_contact_id``. Volumes and the transfer rate
then count calls (initial contacts); the queue KPIs count each leg that queued, as they count
each of Connect's contact records. A call with a later leg (not an agent's consult) is
transferred. An agent's consult leg (``Leg type`` = ``Consultation``) is no customer contact:
its direction is ``internal``, and the import sets it aside with that reason.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kpi.ingest.headers import header_key

__all__ = ["leg_column", "link_legs", "transfers_from_chains"]

#: Header keys of a leg's number or id within its call.
_LEG_KEYS = frozenset(
    {"legno", "legnumber", "legid", "legseq", "legsequence", "legindex", "leg", "segmentno",
     "segmentnumber", "segmentid", "segmentseq", "segmentsequence", "callleg", "calllegid"}
)  # fmt: skip
#: Header keys of a leg's type ("initial", "transfer", "consultation").
_LEG_TYPES = frozenset({"legtype", "segmenttype", "calllegtype"})
_CONSULT = re.compile(r"consult", re.IGNORECASE)


def leg_column(columns: list[str]) -> str | None:
    """The column that numbers (or names) the legs of a call, if the file has one."""
    return next((c for c in columns if header_key(c) in _LEG_KEYS), None)


def link_legs(frame: pd.DataFrame, out: dict[str, pd.Series]) -> list[str]:
    """Link the legs of each call (see the module's docstring) in ``out``; the note that says
    so (none when the file has no leg column, or no call with more than one leg)."""
    leg = leg_column([str(c) for c in frame.columns])
    if leg is None or "contact_id" not in out or "parent_contact_id" in out:
        return []
    ids = out["contact_id"].astype("string")
    several = ids.duplicated(keep=False).fillna(False).to_numpy(dtype=bool)
    if not several.any():
        return []
    number = pd.to_numeric(frame[leg], errors="coerce")
    when = out.get("start_time")
    order = pd.DataFrame(
        {
            "id": ids,
            "n": number,
            "t": when if when is not None else pd.Series(pd.NaT, index=ids.index),
            "p": np.arange(len(ids)),
        }
    ).sort_values(["id", "n", "t", "p"], na_position="last")
    rank = order.groupby("id", sort=False).cumcount().reindex(ids.index).to_numpy()
    later = several & (rank > 0)
    label = (
        frame[leg]
        .astype("string")
        .str.strip()
        .fillna(pd.Series(rank, index=ids.index).astype("string"))
    )
    out["contact_id"] = ids.mask(later, ids + "#" + label)
    out["parent_contact_id"] = ids.where(later, pd.NA)
    consult = _consults(frame, later)
    if consult.any():
        direction = out.get("direction", pd.Series("inbound", index=ids.index, dtype="string"))
        out["direction"] = direction.astype("string").mask(consult, "internal")
    if "transferred" not in out:
        passed_on = pd.Series(later & ~consult, index=ids.index).groupby(ids).transform("any")
        out["transferred"] = (passed_on & (rank == 0)).astype("boolean")
    calls = int(np.count_nonzero(~later))
    return [
        f"the call id repeats on the legs of a call ('{leg}'): {calls:,} calls, {int(later.sum()):,} later legs linked to their call (each call "
        "counts once; the queue KPIs count each leg that queued; a call with a later leg is "
        "transferred)"
    ]


def _consults(frame: pd.DataFrame, later: np.ndarray) -> np.ndarray:
    """Later legs whose type says an agent consulted another (no customer contact)."""
    kind = next((c for c in frame.columns if header_key(str(c)) in _LEG_TYPES), None)
    if kind is None:
        return np.zeros(len(frame), dtype=bool)
    said = frame[kind].astype("string").str.contains(_CONSULT).fillna(False).to_numpy(dtype=bool)
    return said & later


def transfers_from_chains(out: dict[str, pd.Series]) -> list[str]:
    """A contact that another contact record continues (its ``parent_contact_id``: Amazon
    Connect's "Initial contact ID", CXone's "Master Contact ID") was transferred, when the file
    has no transfer column: the initial contact of a chain with a later record that is not a
    callback (an outbound record). Said in a note."""
    if "transferred" in out or "parent_contact_id" not in out or "contact_id" not in out:
        return []
    ids = out["contact_id"].astype("string")
    parent = out["parent_contact_id"].astype("string")
    child = (parent.notna() & parent.ne(ids)).fillna(False)
    if "direction" in out:
        child &= out["direction"].astype("string").ne("outbound").fillna(True)
    if not bool(child.any()):
        return []
    initial = (parent.isna() | parent.eq(ids)).fillna(True)
    passed_on = ids.isin(set(parent[child].dropna())).fillna(False)
    out["transferred"] = (passed_on & initial).astype("boolean").mask(~initial, False)
    return [
        f"transferred: {int((passed_on & initial).sum()):,} initial contacts continued by a "
        "later contact record (its parent contact id; a callback does not count)"
    ]
