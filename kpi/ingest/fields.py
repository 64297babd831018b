"""One mapped field of one file -> canonical values, a per-row 'unparseable' mask and a note."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from kpi.errors import MappingError
from kpi.ingest import parsers as P
from kpi.ingest import timestamps as T
from kpi.ingest.dates import DateOrderDecision, detect_date_order
from kpi.ingest.headers import header_legend
from kpi.ingest.mapping import FieldMap
from kpi.ingest.zones import carries_offsets, header_zone, in_zone
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Column, Shape

__all__ = ["apply_field", "col_def", "decide_order"]


def col_def(target: str, shape: Shape) -> Column:
    if target == "updated_at":
        return Column("updated_at", "datetime", "Last update of the record.")
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    for c in cols:
        if c.name == target:
            return c
    raise MappingError(f"'{target}' is not a column of the {shape} table: fix the mapping.")


Result = tuple[pd.Series, pd.Series, str | None, FieldMap]


def apply_field(
    f: FieldMap,
    raw: pd.DataFrame,
    shape: Shape,
    timezone: str | None,
    *,
    locale_dayfirst: bool = False,
    order: DateOrderDecision | None = None,
) -> Result:
    """(canonical values, unparseable mask, note, field with the detected unit filled in).

    ``locale_dayfirst``: the reader saw a ``;`` separator or decimal commas (a hint for dates
    whose values do not decide their day/month order). ``order``: the date order already
    decided for this field (:func:`decide_order`), else it is decided here.
    """
    kind = col_def(f.target, shape).kind
    if kind == "bool" and f.transform in ("", "invert") and len(f.source) == 1:
        value, bad, note, f2 = _apply_field(f, raw, shape, timezone, locale_dayfirst, order)
        value, said = P.marks_or_blank(raw[f.source[0]], value, inverted=f.transform == "invert")
        return value, bad, "; ".join(n for n in (note, said) if n) or None, f2
    return _apply_field(f, raw, shape, timezone, locale_dayfirst, order)


def _apply_field(
    f: FieldMap,
    raw: pd.DataFrame,
    shape: Shape,
    timezone: str | None,
    locale_dayfirst: bool,
    order: DateOrderDecision | None,
) -> Result:
    kind = col_def(f.target, shape).kind
    cols = [raw[c] for c in f.source]
    if len(cols) == 1 and isinstance(cols[0].dtype, pd.CategoricalDtype):
        if kind in ("id", "category", "bool") or f.transform in _ELEMENTWISE:
            return _apply_by_category(f, cols[0], kind, shape, timezone)
        # Distribution-based detection (units, percent scale) needs every cell: decode.
        plain = cols[0].astype(cols[0].cat.categories.dtype)
        return apply_field(
            f,
            raw.assign(**{f.source[0]: plain}),
            shape,
            timezone,
            locale_dayfirst=locale_dayfirst,
            order=order,
        )
    if f.transform == "interval_end":
        return _interval_start(f, cols, raw, shape, timezone)
    if f.transform:
        return _apply_transform(f, cols, raw, shape, timezone)
    if kind == "datetime":
        if order is None:
            order = decide_order(f, raw, shape, locale_dayfirst)
        return _apply_datetime(f, cols, timezone, order)
    return _apply_kind(f, cols[0], kind, shape)


def _apply_transform(
    f: FieldMap, cols: list[pd.Series], raw: pd.DataFrame, shape: Shape, timezone: str | None
) -> Result:
    none = pd.Series(False, index=raw.index)
    t = f.transform
    if t == "invert":
        v, _ = P.parse_bool(cols[0])
        return ~v, none, None, f
    if t in ("present", "absent"):
        there = P.filled_mask(cols[0])
        return (there if t == "present" else ~there).astype("boolean"), none, None, f
    if t == "positive":
        secs, bad, unit = P.parse_duration(cols[0], f.unit, f.source[0])
        return secs.gt(0).astype("boolean").mask(secs.isna()), bad, None, replace(f, unit=unit)
    if t == "queued_not_answered":  # a third column: the contact went on to a next one
        out = P.filled_mask(cols[0]) & ~np.logical_or.reduce([P.filled_mask(c) for c in cols[1:]])
        return out.astype("boolean"), none, None, f
    if t == "equals":
        low = P.parse_text(cols[0]).str.lower()
        wanted = {v.lower() for v in f.values}
        out = low.isin(wanted).astype("boolean").mask(low.isna())
        if f.target == "direction":  # direction codes: the listed ones mean outbound
            labels = pd.Series("inbound", index=raw.index, dtype="string")
            note = (
                f"'{f.source[0]}': {', '.join(f.values)} "
                f"{'means' if len(f.values) == 1 else 'mean'} outbound, any other value inbound"
            )
            return labels.mask(out.fillna(False), "outbound").mask(low.isna()), none, note, f
        return out, none, None, f
    if t == "elapsed":
        return _apply_elapsed(f, cols, timezone)
    if t in ("coalesce", "sum"):
        parts = [
            apply_field(replace(f, source=(c,), transform=""), raw, shape, timezone)
            for c in f.source
        ]
        value = parts[0][0]
        bad = parts[0][1]
        for v, b, _, _ in parts[1:]:
            value = value + v if t == "sum" else value.fillna(v)
            bad = bad | b
        return value, bad, None, replace(f, unit=parts[0][3].unit)
    return _apply_kind(f, cols[0], col_def(f.target, shape).kind, shape)  # per_answered


def decide_order(
    f: FieldMap, raw: pd.DataFrame, shape: Shape, locale_dayfirst: bool
) -> DateOrderDecision | None:
    """The day/month order of a date field written as text, decided from all its values (or
    forced by the mapping); None for fields that are not plain text dates."""
    if f.transform or col_def(f.target, shape).kind != "datetime":
        return None
    col = raw[f.source[0]]
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(col.cat.categories.dtype)
    if not P.is_text(col):
        return None
    got = detect_date_order(
        col, locale_dayfirst=locale_dayfirst, forced=f.date_order, periods=shape == "aggregated"
    )
    return replace(got, column=f.source[0], target=f.target)


def _apply_datetime(
    f: FieldMap, cols: list[pd.Series], timezone: str | None, order: DateOrderDecision | None
) -> Result:
    dayfirst = order.dayfirst if order is not None else None
    if len(cols) == 2:
        v, bad, note = T.combine_date_time(cols[0], cols[1], timezone, dayfirst=dayfirst)
    else:
        v, bad, note = T.parse_datetime(cols[0], timezone, dayfirst=dayfirst)
    v, zoned = _header_zone(f, cols, v, timezone)
    note = f"{note}; {zoned}" if note and zoned else note or zoned
    said = order.describe(f.source[0]) if order is not None else None
    if said:
        note = f"{said}; {note}" if note else said
    return v, bad, note, f


def _interval_start(
    f: FieldMap, cols: list[pd.Series], raw: pd.DataFrame, shape: Shape, timezone: str | None
) -> Result:
    """A date and the END of each interval ("Interval Ending" 08:30; 24:00 ends the day): each
    row's interval starts one interval length earlier, the length being the most common step
    between a day's interval ends."""
    plain = replace(f, transform="")
    value, bad, note, _ = _apply_datetime(
        plain, cols, timezone, decide_order(plain, raw, shape, False)
    )
    ends = pd.Series(value.to_numpy(), index=value.index).dropna().drop_duplicates().sort_values()
    steps = ends.diff().dropna()
    steps = steps[(steps > pd.Timedelta(0)) & (steps <= pd.Timedelta(hours=1))]
    if steps.empty:
        return value, bad, note, f
    step = steps.mode().iloc[0]
    minutes = int(step.total_seconds() // 60)
    said = f"'{f.source[-1]}' gives each interval's end: it starts {minutes} minutes earlier"
    return value - step, bad, f"{note}; {said}" if note else said, f


def _header_zone(
    f: FieldMap, cols: list[pd.Series], value: pd.Series, timezone: str | None
) -> tuple[pd.Series, str | None]:
    """Times whose header names their zone ("Start Time (UTC)", "Date (America/Chicago)") and
    whose cells carry no offset: read in that zone and converted to the import's zone."""
    zone = next((z for z in (header_zone(s) for s in f.source) if z), None)
    if zone is None or not pd.api.types.is_datetime64_dtype(value.dtype):
        return value, None
    if carries_offsets(cols[0]):
        return value, None  # the cells say their offset: converted already
    target = timezone or T.local_zone()
    if target == zone:
        return value, None
    said = f"'{f.source[0]}' names its zone ({zone}): converted to {target} time"
    return in_zone(value, zone, target), said


def _apply_elapsed(f: FieldMap, cols: list[pd.Series], timezone: str | None) -> Result:
    """Seconds from the first timestamp column to the second (created -> first response); with
    a third column, to the third where the second is empty (started -> connected, else ->
    ended: the wait of a contact never connected)."""
    parsed = [
        _apply_datetime(
            replace(f, source=(str(c.name),)),
            [c],
            timezone,
            detect_date_order(c, forced=f.date_order) if P.is_text(c) else None,
        )
        for c in cols
    ]
    start, end = parsed[0][0], parsed[1][0]
    bad = parsed[0][1] | parsed[1][1]
    for later, bad_later, _, _ in parsed[2:]:
        bad = bad | (end.isna() & bad_later)
        end = end.fillna(later)
    secs = (end - start).dt.total_seconds().astype("float64")
    plain = f.target.removesuffix("_seconds").replace("_", " ")
    note = f"The {plain} is the time from '{f.source[0]}' to '{f.source[1]}', in seconds"
    if len(f.source) > 2:
        note += f" (to '{f.source[2]}' where '{f.source[1]}' is empty)"
    return secs, bad, note, replace(f, unit="s")


def _apply_duration(f: FieldMap, col: pd.Series, shape: Shape) -> Result:
    """Seconds, with a note when the unit was not seconds and the mapping did not name it."""
    # Decimal minutes are recognised from the values only where a row is one contact: a
    # summary's averages of whole seconds can be sixtieths too (1,037 s / 3 contacts).
    each = shape == "interactions"
    v, bad, unit = P.parse_duration(col, f.unit, f.source[0], minutes=each)
    note = None
    if f.unit == "auto" and unit != "s":
        label = {
            "ms": "milliseconds",
            "min": "minutes",
            "h": "hours",
            "hms": "clock durations (H:MM:SS, or MM:SS when a value has two parts)",
            "hm": "hours and minutes (H:MM)",
        }[unit]
        note = f"'{f.source[0]}' read as {label}"
        if unit == "min" and not P.unit_from_name(f.source[0]):
            note += _minutes_evidence(col, v)
    return v, bad, note, replace(f, unit=unit)


def _apply_kind(f: FieldMap, col: pd.Series, kind: str, shape: Shape) -> Result:
    none = pd.Series(np.zeros(len(col), dtype=bool), index=col.index, copy=False)
    if kind == "duration":
        return _apply_duration(f, col, shape)
    if kind == "bool":
        v, unknown = P.parse_bool(col)
        return v, none, _unrecognised(f, unknown), f
    if kind in ("id", "category"):
        if f.target == "direction":
            return P.parse_direction(col), none, None, f
        if kind == "id":  # mostly distinct values: parse them all, no dictionary pass
            return P.parse_id_text(col), none, None, f
        return P.parse_text(col), none, None, f
    if kind == "score":
        col, said = _no_answer_codes(f, col)
        v, bad, note = P.parse_score(col)
        note = "; ".join(n for n in (said, note) if n) or None
        if f.target == "csat":
            v, scale = P.csat_to_five(v, f.source[0])
            note = "; ".join(n for n in (note, scale) if n) or None
        return v, bad, (f"'{f.source[0]}': {note}" if note else None), f
    if kind == "rate":
        v, bad, note = P.parse_rate(col)
        said = {
            "percent": f"'{f.source[0]}' read as a percentage",
            "mixed": f"'{f.source[0]}' holds rates written as fractions (0.56) and as "
            "percentages (66.1) alike: each read by its size (above 1: a percentage)",
        }.get(note or "")
        return v, bad, said, f
    v, bad, how = P.parse_number_noted(col, integer_like=kind == "count")
    return v, bad, (f"'{f.source[0]}': {how}" if how else None), f


#: A legend label that says a code is no answer ("0=no survey", "9=not asked").
_NO_ANSWER = ("no ", "not ", "none", "n/a", "unanswered", "skipped", "declined")


def _no_answer_codes(f: FieldMap, col: pd.Series) -> tuple[pd.Series, str | None]:
    """A survey column whose header's legend names codes that are no answer ("csat (1-5,
    0=no survey)"): those cells are empty, not a score of 0."""
    legend = header_legend(f.source[0])
    codes = [c for c, label in legend.items() if label.lower().startswith(_NO_ANSWER)]
    if not codes:
        return col, None
    text = col.astype("string").str.strip()
    hit = text.isin(codes).fillna(False)
    means = "means" if len(codes) == 1 else "mean"
    said = f"{', '.join(codes)} {means} no answer (the header's legend): {int(hit.sum()):,} empty"
    return col.mask(hit), said


def _minutes_evidence(col: pd.Series, seconds: pd.Series) -> str:
    """Why a column with no unit in its header was read as decimal minutes, with an example."""
    odd = (seconds % 60).gt(0).to_numpy(dtype=bool, na_value=False)
    example = ""
    if odd.any():
        i = int(np.flatnonzero(odd)[0])
        example = f", e.g. {str(col.iloc[i]).strip()} = {seconds.iloc[i]:.0f} s"
    return (
        " (decimal minutes: no unit in the header, and every value is a whole number of "
        f"seconds divided by 60{example})"
    )


#: Transforms whose result for a cell depends on that cell alone.
_ELEMENTWISE = ("invert", "present", "absent", "equals")


def _unrecognised(f: FieldMap, unknown: pd.Series | np.ndarray) -> str | None:
    n = int(unknown.sum())
    if not n:
        return None
    return f"'{f.source[0]}': {n:,} values not recognised as yes/no were left empty"


def _apply_by_category(
    f: FieldMap, col: pd.Series, kind: str, shape: Shape, timezone: str | None
) -> tuple[pd.Series, pd.Series, str | None, FieldMap]:
    """``apply_field`` on a dictionary-encoded column: parse each distinct value once (plus
    one missing cell), then spread the results over the rows by the category codes."""
    cats = pd.Series(col.cat.categories)
    small = cats.reindex(range(len(cats) + 1))  # the extra last entry is a missing cell
    codes = col.cat.codes.to_numpy()  # -1 (missing) picks that last entry

    def spread_bool(values: pd.Series) -> np.ndarray:
        return np.asarray(values.to_numpy(dtype=bool, na_value=False))[codes]

    def spread(values: pd.Series) -> pd.Series:
        if isinstance(values.dtype, pd.BooleanDtype):
            arr = values.array
            data = np.asarray(arr.to_numpy(dtype=bool, na_value=False))[codes]
            mask = np.asarray(arr.isna())[codes]
            return pd.Series(pd.arrays.BooleanArray(data, mask), index=col.index, copy=False)
        if isinstance(values.dtype, np.dtype):
            return pd.Series(values.to_numpy()[codes], index=col.index, copy=False)
        return pd.Series(
            values.array.take(np.where(codes < 0, len(cats), codes)), index=col.index, copy=False
        )

    if kind == "bool" and not f.transform:
        v, unknown = P.parse_bool(small)
        unknown_rows = spread_bool(unknown)
        none = pd.Series(np.zeros(len(col), dtype=bool), index=col.index, copy=False)
        return spread(v), none, _unrecognised(f, unknown_rows), f
    value, bad, note, f2 = apply_field(f, small.to_frame(f.source[0]), shape, timezone)
    bad_rows = pd.Series(
        spread_bool(bad) if bad.any() else np.zeros(len(col), dtype=bool),
        index=col.index,
        copy=False,
    )
    if kind == "category" and P.is_text(value):
        # Stay dictionary-encoded until the rows are filtered (``canonical`` decodes).
        labels = value.iloc[: len(cats)]
        if labels.notna().all() and labels.is_unique:  # one label each: the same codes
            cat = pd.Categorical.from_codes(
                codes, categories=pd.Index(labels.to_numpy(dtype=object)), validate=False
            )
            return pd.Series(cat, index=col.index, copy=False), bad_rows, note, f2
        ucodes, uniques = pd.factorize(value, use_na_sentinel=True)
        cat = pd.Categorical.from_codes(
            ucodes.astype(np.int32)[codes], categories=pd.Index(uniques), validate=False
        )
        return pd.Series(cat, index=col.index, copy=False), bad_rows, note, f2
    return spread(value), bad_rows, note, f2
