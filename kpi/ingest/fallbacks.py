"""Last-resort readings of columns the synonym table leaves unmapped (#16, third round).

Each helper looks at plain column names and sample values (no mapping state), so that the
auto-mapper (:mod:`kpi.ingest.automap`) stays a list of steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from kpi.ingest.headers import header_key

__all__ = ["bare_duration"]

#: Header keys of a contact's length with no word for what it measures (phone-system call logs:
#: RingCentral / 8x8 "Duration", "Length", "Call Length").
#: (Also in German, French, Spanish, Dutch and Italian: "Dauer" beside a talk, hold and ACW
#: column is the whole conversation, queue time included, not its handle time.)
_BARE = frozenset(
    {"duration", "length", "calllength", "totalduration", "durationhms", "dauer", "duree",
     "duracion", "duur", "durata"}
)  # fmt: skip
_DURATION_VALUE = re.compile(
    r"^(\d+([.,]\d+)?|(\d+ days? )?\d{1,3}:\d{2}(:\d{2}(\.\d+)?)?"
    r"|(\d+\s*h)?\s*(\d+\s*m(in)?)?\s*(\d+\s*s(ec)?)?)$",
    re.IGNORECASE,
)


def bare_duration(
    cols: Iterable[str], used: set[str], samples: Mapping[str, Sequence[str]]
) -> str | None:
    """The one unused column named only "Duration" (or "Length") whose values are durations:
    a phone system's call log writes the connected call's length there, i.e. the talk time.
    None when there is none or more than one (the user then says which)."""
    hits = []
    for c in cols:
        if c in used or header_key(c) not in _BARE:
            continue
        vals = [str(v).strip() for v in samples.get(c, []) if str(v).strip()][:100]
        if vals and all(_DURATION_VALUE.match(v) for v in vals):
            hits.append(c)
    return hits[0] if len(hits) == 1 else None
