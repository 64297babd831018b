"""The importer's Arrow and NumPy speed tricks, in one private module.

Nothing here changes what the importer decides: each function is a faster equivalent of a
plain pandas operation (filtering rows, taking rows, converting an Arrow table, finding ids
that repeat), measured on the import benchmark (``benchmarks/bench_ingest.py``). The
process-wide settings (Arrow's memory pool, the shared thread pool) stay in
:mod:`kpi._fastpath`.
"""

from __future__ import annotations

import functools
import sys
from concurrent.futures import Future
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi._fastpath import executor

__all__ = [
    "BOOLEAN",
    "EarlyRepeats",
    "bitmap_bits",
    "compact",
    "decode",
    "edge_space",
    "emptied",
    "fits_ns",
    "has_blank",
    "is_arrow_text",
    "keep_text",
    "match_text",
    "pick",
    "repeated",
    "repeated_text",
    "replace_at",
    "rows",
    "text_buffers",
    "text_keys",
    "to_frame",
]

BOOLEAN = {pa.bool_(): pd.BooleanDtype()}


def is_arrow_text(s: pd.Series) -> bool:
    """Text held in Arrow (pandas' "str" and "string" dtypes), whose buffers can be used as they
    are."""
    return isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"


def _is_text(s: pd.Series) -> bool:
    if isinstance(s.dtype, pd.CategoricalDtype):
        return _is_text(pd.Series(s.cat.categories))
    return s.dtype == object or pd.api.types.is_string_dtype(s.dtype)


def text_buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets as int64, n + 1 of them; bytes as uint8) of one Arrow string array, no copy
    of the bytes: string i is ``data[offsets[i]:offsets[i + 1]]``."""
    bufs = arr.buffers()
    wide = pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type)
    offsets = np.frombuffer(bufs[1], dtype=np.int64 if wide else np.int32)
    offsets = offsets[arr.offset : arr.offset + len(arr) + 1].astype(np.int64, copy=False)
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return offsets, data


def bitmap_bits(buffer: pa.Buffer, offset: int, n: int) -> np.ndarray:
    """``n`` bits of an Arrow bitmap (validity or boolean values) from bit ``offset``, as
    booleans."""
    packed = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(packed, count=offset + n, bitorder="little")[offset:].view(bool)


def edge_bytes(b: np.ndarray) -> bool:
    """Whether any byte may start or end a string needing a trim: ASCII white space and other
    control bytes (up to 32), and any non-ASCII byte (it could belong to a Unicode space).
    Control bytes that are not white space only cost a needless trim."""
    return bool(np.any((b <= 32) | (b >= 128)))


def edge_space(values: pa.Array | pa.ChunkedArray) -> bool:
    """True when some string may start or end with white space (ASCII white space, or any
    non-ASCII byte, which could be a Unicode space): trimming is then needed. Judged from the
    first and last byte of each string, without building a trimmed copy."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    for arr in chunks:
        if len(arr) == 0:
            continue
        offsets, data = text_buffers(arr)
        if len(data) == 0 or offsets[-1] == offsets[0]:
            continue
        # Offsets never decrease: strings that start at the very end (empty ones) are a suffix
        # and strings that end at 0 a prefix; both are left out. An empty string elsewhere
        # reads a neighbour's byte: at worst a needless trim, never a miss.
        starts = offsets[: int(np.searchsorted(offsets[:-1], len(data)))]
        if edge_bytes(data[starts]):
            return True
        ends = offsets[1 + int(np.searchsorted(offsets[1:], 0, side="right")) :]
        if edge_bytes(data[ends - 1]):
            return True
    return False


def has_blank(values: pa.Array | pa.ChunkedArray) -> bool:
    """True when some string is empty (not missing), judged from the offsets: no per-row
    lengths are built."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    for arr in chunks:
        if len(arr) == 0:
            continue
        offsets, _ = text_buffers(arr)
        empty = offsets[1:] == offsets[:-1]
        if arr.null_count and empty.any():
            empty &= bitmap_bits(arr.buffers()[0], arr.offset, len(arr))  # not missing
        if empty.any():
            return True
    return False


def rows(  # noqa: C901 -- one pass over the columns; the in-place bookkeeping is its point
    frame: pd.DataFrame | dict[str, pd.Series],
    keep: np.ndarray,
    *,
    in_place: bool = False,
) -> pd.DataFrame:
    """The rows of ``frame`` where ``keep`` is True, renumbered from 0, column by column (two
    columns at a time on the shared pool). pandas' own row filter spends most of its time on
    the index, and its take on chunked Arrow text concatenates every chunk first (about 50 ms a
    column). Dictionary-encoded text comes out decoded (as :func:`decode`).

    ``frame`` may be a dict of columns the caller hands over: each is dropped from it as soon as
    it is filtered, so that it can be freed then rather than after the last column. With
    ``in_place=True`` (only for such a dict, whose columns nothing else holds) NumPy columns
    are compacted in place (:func:`compact`): their old values are overwritten.
    """
    if in_place and not isinstance(frame, dict):
        raise TypeError("in_place needs a dict of columns the caller hands over")
    cols = [str(c) for c in frame] if isinstance(frame, dict) else list(frame.columns)
    # Two columns may hold one array (a source mapped twice): it is compacted once, for the
    # first of them, and the others take that result. Arrays that overlap otherwise (views at
    # different offsets) are copied instead.
    first_of: dict[str, str] = {}
    copied: set[str] = set()
    if in_place:
        arrays = {c: frame[c].to_numpy() for c in cols if isinstance(frame[c].dtype, np.dtype)}
        owner: dict[tuple[int, str, int, int], str] = {}
        for c, a in arrays.items():
            key = (a.__array_interface__["data"][0], a.dtype.str, a.strides[0], len(a))
            first_of[c] = owner.setdefault(key, c)
        firsts = [c for c in arrays if first_of[c] == c]
        for i, c in enumerate(firsts):
            for d in firsts[i + 1 :]:
                if np.may_share_memory(arrays[c], arrays[d]):
                    copied |= {c, d}
        del arrays

    def take(c: str) -> Any:  # a boolean mask: Arrow filters text twice as fast as it takes
        s = frame.pop(c) if isinstance(frame, dict) else frame[c]
        if isinstance(s.dtype, pd.CategoricalDtype) and _is_text(s):
            return decode(s, keep).array
        if is_arrow_text(s):
            return keep_text(s, keep)
        if not isinstance(s.dtype, np.dtype):
            return s.array[keep]
        if not in_place or c in copied:
            return s.to_numpy()[keep]
        values = s.to_numpy().view()
        try:
            values.flags.writeable = True  # ours alone (see the docstring)
        except ValueError:  # a read-only buffer underneath (e.g. Arrow memory): copy
            return values[keep]
        return compact(values, keep)

    todo = [c for c in cols if first_of.get(c, c) == c]
    done = dict(zip(todo, executor().map(take, todo), strict=True))
    out = {c: done[first_of.get(c, c)] for c in cols}
    if isinstance(frame, dict):
        frame.clear()  # the columns that shared an array
    return pd.DataFrame(out, columns=cols, copy=False)


def compact(values: np.ndarray, keep: np.ndarray, block: int = 8192) -> np.ndarray:
    """``values[keep]`` moved to the front of ``values`` (overwriting it), returned as a view.

    Block by block, through a small buffer that is reused: no new array as large as the
    column. Rows before the first dropped one stay where they are.
    """
    dropped = np.flatnonzero(~keep)
    if not len(dropped):
        return values
    write = int(dropped[0])
    for start in range(write, len(values), block):
        part = values[start : start + block][keep[start : start + block]]
        values[write : write + len(part)] = part
        write += len(part)
    return values[:write]


def pick(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """The rows of ``frame`` at ``positions`` (few, ascending), renumbered from 0. Chunked Arrow
    text is taken chunk by chunk: Arrow's take on a chunked array joins the chunks first."""
    out = {}
    for c in frame.columns:
        s = frame[c]
        if isinstance(s.dtype, pd.CategoricalDtype) and _is_text(s):
            out[c] = decode(s, positions).array
        elif is_arrow_text(s):
            values = pa.array(s.array)
            chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
            ends = np.cumsum([len(ch) for ch in chunks])
            which = np.searchsorted(ends, positions, side="right")
            parts = []
            for k in np.unique(which):
                local = positions[which == k] - (ends[k] - len(chunks[k]))
                parts.append(chunks[k].take(pa.array(local)))
            out[c] = pd.array(pa.chunked_array(parts, type=values.type), dtype=s.dtype)
        elif isinstance(s.dtype, np.dtype):
            out[c] = s.to_numpy()[positions]
        else:
            out[c] = s.array.take(positions)
    return pd.DataFrame(out, columns=frame.columns, copy=False)


def keep_text(s: pd.Series, keep: np.ndarray) -> Any:
    """The rows of Arrow text ``s`` where ``keep`` is True, chunk by chunk: a chunk that keeps
    every row is kept as it is (no copy). Quarantined rows are usually few and bunched (a bad
    export day, re-delivered records), so most of a large file's chunks are not copied."""
    values = pa.array(s.array)
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    parts = []
    start = 0
    for chunk in chunks:
        part = keep[start : start + len(chunk)]
        start += len(chunk)
        if part.all():
            parts.append(chunk)
        elif part.any():
            parts.append(chunk.filter(pa.array(part)))
    return pd.array(pa.chunked_array(parts, type=values.type), dtype=s.dtype)


def emptied(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s column names with no rows, sharing no memory with it (a slice of Arrow text
    would keep the whole column alive)."""
    return pd.DataFrame(columns=frame.columns)


def decode(s: pd.Series, rows: np.ndarray | None = None) -> pd.Series:
    """A Categorical of text -> the canonical "string" dtype (Arrow's take: pandas' own cast
    of a million rows is ten times slower); ``rows``: only those rows (positions or a boolean
    mask), renumbered."""
    codes = s.cat.codes.to_numpy()
    if rows is not None:
        codes = codes[rows]
    labels = pa.array(np.asarray(s.cat.categories, dtype=object), type=pa.large_string())
    values = pc.take(labels, pa.array(codes, mask=codes < 0))
    index = s.index if rows is None else pd.RangeIndex(len(codes))
    return pd.Series(pd.array(values, dtype="string"), index=index, name=s.name, copy=False)


def replace_at(s: pd.Series, positions: np.ndarray, values: pd.Series) -> pd.Series:
    """``s`` as "string" with the rows at ``positions`` set to ``values`` (in that order). Only
    the part of each Arrow chunk from its first position to its last is rebuilt, in one take
    (row i from the chunk, or from ``values`` where i is a position); the rest is kept as it
    is. pandas' ``__setitem__`` rebuilds a million-row Arrow text column twice, Arrow's
    ``replace_with_mask`` is slower than a take."""
    arr = pa.array(s.astype("string").array)
    new = pa.array(values.astype("string").array).cast(arr.type)
    order = np.argsort(positions, kind="stable")
    positions, new = positions[order], new.take(pa.array(order))
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    starts = np.cumsum([0, *(len(c) for c in chunks)])
    cut = np.searchsorted(positions, starts)  # positions[cut[k]:cut[k + 1]] are in chunk k
    parts = []
    for k, chunk in enumerate(chunks):
        lo, hi = cut[k], cut[k + 1]
        if lo == hi:
            parts.append(chunk)
            continue
        at = positions[lo:hi] - starts[k]
        first, last = int(at[0]), int(at[-1]) + 1
        part = chunk.slice(first, last - first)
        take = np.arange(len(part), dtype=np.int64)
        take[at - first] = len(part) + np.arange(hi - lo)
        both = pa.chunked_array([part, new.slice(lo, hi - lo)], type=arr.type)
        parts += [chunk.slice(0, first), both.take(pa.array(take)).combine_chunks()]
        parts.append(chunk.slice(last))
    out = pa.chunked_array(parts, type=arr.type)
    return pd.Series(pd.array(out, dtype="string"), index=s.index, name=s.name, copy=False)


def _byte_table(letters: bytes) -> np.ndarray:
    """A lookup table over the 256 byte values: True for ``letters`` in either case."""
    table = np.zeros(256, dtype=bool)
    table[list(letters.lower() + letters.upper())] = True
    return table


#: A first byte that may begin white space (ASCII, or a no-break space in UTF-8): such a string
#: is left to the regular expression, which trims it.
_LEAD = np.zeros(256, dtype=bool)
_LEAD[:33] = _LEAD[128:] = True
#: Above this many candidate strings, the expression runs on their distinct values only.
_DISTINCT_FROM = 10_000


@functools.cache
def _pair_table(first: bytes, second: bytes) -> np.ndarray:
    """A lookup table over the 65,536 little-endian 16-bit words: True where the low byte is
    one of ``first`` and the high byte one of ``second`` (either case), or the low byte may
    begin white space (:data:`_LEAD`: the expression trims it)."""
    word = np.arange(1 << 16, dtype=np.uint32)
    b0, b1 = word & 0xFF, word >> 8
    return (_byte_table(first)[b0] & _byte_table(second)[b1]) | _LEAD[b0]


def match_text(arr: pa.Array, pattern: str, prefix: tuple[bytes, ...]) -> np.ndarray:
    """True where a string of ``arr`` matches the RE2 ``pattern`` (missing: False), as
    ``pc.match_substring_regex`` would say, for a pattern whose matches all start (after white
    space) with one of the letters ``prefix[k]`` at position k, either case.

    The letters are checked on the Arrow buffers first (position 0 on every string, then the
    next positions on the few that pass), and the expression runs only on the strings left
    (on their distinct values when they are many): a million ids or queue names cost a few
    vectorised passes instead of a million regular-expression matches.
    """
    out = np.zeros(len(arr), dtype=bool)
    offsets, data = text_buffers(arr)
    if not len(arr) or not len(data):
        return out
    tables = [_byte_table(letters) for letters in prefix]
    starts = offsets[:-1]
    if len(prefix) > 1 and len(data) > 1:
        # The first two letters of every string in one pass, read as one little-endian 16-bit
        # word and looked up in a table of the words that pass (one letter lets through a
        # whole column of ids such as "C1024"). A string shorter than the prefix may read its
        # neighbour's bytes: the length check drops it.
        pairs = np.ndarray(shape=(len(data) - 1,), dtype="<u2", buffer=data, strides=(1,))
        keep = _pair_table(prefix[0], prefix[1])[pairs[np.minimum(starts, len(data) - 2)]]
        first = 2
    else:
        b0 = data[np.minimum(starts, len(data) - 1)]
        keep = tables[0][b0] | _LEAD[b0]
        first = 1
    pos = np.flatnonzero(keep)
    pos = pos[offsets[pos + 1] - starts[pos] >= len(prefix)]
    lead = _LEAD[data[starts[pos]]]
    for k in range(first, len(prefix)):
        keep = lead | tables[k][data[starts[pos] + k]]
        pos, lead = pos[keep], lead[keep]
    if not len(pos):
        return out
    some = pc.take(arr, pa.array(pos))
    if len(pos) < _DISTINCT_FROM:
        hit = pc.match_substring_regex(some, pattern).fill_null(False)
    else:
        coded = pc.dictionary_encode(some)
        words = pc.match_substring_regex(coded.dictionary, pattern).fill_null(False)
        hit = pc.take(words, coded.indices).fill_null(False)
    out[pos] = hit.to_numpy(zero_copy_only=False)
    return out


def repeated(ids: pd.Series) -> np.ndarray:
    """True where the id may occur more than once in ``ids`` (a superset: confirm on the few
    rows it marks). A missing id is never marked."""
    values = pa.array(ids.array) if not isinstance(ids.dtype, np.dtype) else None
    if values is None or not (
        pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
    ):
        return (ids.notna() & ids.duplicated(keep=False)).to_numpy()
    return repeated_text(values)


def repeated_text(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """:func:`repeated` of Arrow text.

    Hashing a million distinct strings costs more than reading them, so each id is reduced to
    a 32-bit key (length, first and last 8 bytes) and the keys are sorted: equal ids give
    equal keys, and distinct ids rarely share one.
    """
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    keys = np.concatenate([text_keys(c) for c in chunks]) if chunks else np.zeros(0, np.uint32)
    ordered = _sorted_keys(keys)
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.zeros(len(keys), dtype=bool)
    shared = np.unique(ordered[1:][same])
    # Which keys are shared: first through a table of their low 16 bits (64 KB, it stays in
    # the cache; read through a view of the keys, no copy), then exactly on the rows that pass
    # it. Many shared keys (overlapping exports) would pass nearly every row: 20 bits then.
    if len(shared) <= 2048:
        table = np.zeros(1 << 16, dtype=bool)
        table[shared & 0xFFFF] = True
        low = keys.view(np.uint16)[0 if sys.byteorder == "little" else 1 :: 2]
        out = table[low]
    else:
        table = np.zeros(1 << 20, dtype=bool)
        table[shared & 0xFFFFF] = True
        out = table[keys & 0xFFFFF]
    maybe = np.flatnonzero(out)
    out[maybe] = np.isin(keys[maybe], shared)
    if values.null_count:  # a missing id is never marked
        valid = pc.is_valid(values)
        if isinstance(valid, pa.ChunkedArray):
            valid = valid.combine_chunks()
        out &= valid.to_numpy(zero_copy_only=False)
    return out


def _sorted_keys(keys: np.ndarray) -> np.ndarray:
    """``np.sort`` of uint32 keys, as two passes of NumPy's radix sort over their 16-bit halves
    (low half first, then a stable pass on the high half): a third less time than its
    comparison sort on a million keys."""
    if len(keys) < 1 << 16:
        return np.sort(keys)
    lo, hi = (0, 1) if sys.byteorder == "little" else (1, 0)
    by_low = keys[np.argsort(keys.view(np.uint16)[lo::2], kind="stable")]
    return by_low[np.argsort(by_low.view(np.uint16)[hi::2], kind="stable")]


class EarlyRepeats:
    """:func:`repeated_text` of the contact id column, started on the shared pool as soon as
    the file is read, so that it runs while the frame is built and the mapping proposed (one
    core is free then) rather than when the columns are parsed (both are busy).

    :meth:`of` gives the result only for ids that are the very text it looked at (the same
    Arrow buffers: parsing changed nothing, no row was set aside in between); for any other
    ids, None, and the caller computes them as usual.
    """

    def __init__(self, values: pa.ChunkedArray) -> None:
        self._values = values
        self._result: Future[np.ndarray] = executor().submit(repeated_text, values)

    def of(self, ids: pd.Series) -> np.ndarray | None:
        """The repeats of ``ids`` when they are the text this check started on, else None.

        Safe to wait for from the pool: this check was queued before any task of the same
        import, so a task waiting for it starts only once a thread has taken it.
        """
        if not is_arrow_text(ids) or not _same_buffers(pa.array(ids.array), self._values):
            return None
        return self._result.result()


def _same_buffers(a: pa.Array | pa.ChunkedArray, b: pa.Array | pa.ChunkedArray) -> bool:
    """Whether two Arrow arrays are views of the same memory, chunk by chunk (and so hold the
    same values: Arrow buffers do not change)."""

    def layout(x: pa.Array | pa.ChunkedArray) -> list[tuple[Any, ...]]:
        chunks = x.chunks if isinstance(x, pa.ChunkedArray) else [x]
        return [
            (c.type, c.offset, len(c), *(buf.address if buf else None for buf in c.buffers()))
            for c in chunks
        ]

    return layout(a) == layout(b)


#: The low ``w`` bytes of a little-endian uint64 set, for ``w`` = 0..8.
_LOW_BYTES = np.array([(1 << (8 * w)) - 1 for w in range(9)], dtype=np.uint64)


def text_keys(arr: pa.Array, block: int = 1 << 15) -> np.ndarray:
    """A uint32 key per string of an Arrow text array from its bytes' length, first 8 and
    last 8 bytes: equal strings always get equal keys (missing strings: any key). Worked out
    ``block`` strings at a time, so that the temporary arrays stay small and are reused."""
    n = len(arr)
    out = np.empty(n, dtype=np.uint32)
    if n == 0:
        return out
    offsets, data = text_buffers(arr)
    # Padded so that every string has 8 bytes from its start (a copy of the bytes: gathering
    # from the unpadded bytes and patching the last few strings costs more).
    padded = np.concatenate([data[: offsets[-1]], np.zeros(8, dtype=np.uint8)])
    # Every 8-byte window of the text as one little-endian uint64 (overlapping, unaligned);
    # read by fancy indexing (np.take would first copy this strided view, 8 bytes a byte).
    windows = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
    for start in range(0, n, block):
        stop = min(start + block, n)
        starts, ends = offsets[start:stop], offsets[start + 1 : stop + 1]
        lens = ends - starts
        mask = _LOW_BYTES[np.minimum(lens, 8)]  # a string shorter than 8 bytes: its bytes only
        first = windows[starts] & mask
        last = windows[np.maximum(starts, ends - 8)] & mask
        with np.errstate(over="ignore"):
            key = first * np.uint64(0x9E3779B97F4A7C15)
            key ^= (last + np.uint64(0x632BE59BD9B4E019)) * np.uint64(0xBF58476D1CE4E5B9)
            key ^= lens.astype(np.uint64) * np.uint64(0x94D049BB133111EB)
            key ^= key >> np.uint64(29)
        out[start:stop] = key ^ (key >> np.uint64(32))
    return out


def to_frame(box: list[pa.Table]) -> pd.DataFrame:
    """The table in ``box`` (taken out of it, so that its memory can be let go as it is
    converted) as pandas: text as Arrow-backed strings, yes/no as nullable booleans.

    Numbers, naive timestamps (:func:`numpy_column`) and yes/no columns
    (:func:`boolean_column`) are copied on the shared pool into memory from Arrow's pool
    rather than NumPy's: the pool still holds what the CSV parser just let go (see
    ``kpi._fastpath.configure_arrow_memory``), so no new pages are faulted in, where ``to_pandas`` asks the
    system for fresh ones. Text and dictionary columns go through ``to_pandas``, which wraps
    Arrow text without a copy.
    """
    table = box.pop()
    fits = fits_ns(table)  # dates in nanoseconds, pandas' unit, where they fit
    names = table.column_names
    # Copied on the shared pool (NumPy releases the GIL) while this thread converts the rest.
    futures: dict[int, Future[Any]] = {}
    for i, col in enumerate(table.columns):
        if numpy_type(col.type, fits):
            futures[i] = executor().submit(numpy_column, col, fits)
        elif pa.types.is_boolean(col.type):
            futures[i] = executor().submit(boolean_column, col)
    rest = [i for i in range(len(names)) if i not in futures]
    others = table.select(rest)
    del table  # each converted column's Arrow memory goes back to the pool once it is copied
    converted: dict[int, Any] = {}
    if rest:
        rest_frame = others.to_pandas(
            date_as_object=False,
            split_blocks=True,
            self_destruct=True,
            types_mapper=BOOLEAN.get,
            coerce_temporal_nanoseconds=fits,
        )
        for k, i in enumerate(rest):
            converted[i] = rest_frame.iloc[:, k]
    converted.update({i: f.result() for i, f in futures.items()})
    frame = pd.DataFrame({i: converted[i] for i in range(len(names))}, copy=False)
    frame.columns = pd.Index(names)
    return frame


_INT64_MIN = np.iinfo(np.int64).min  # NaT


def boolean_column(col: pa.ChunkedArray) -> pd.arrays.BooleanArray:
    """A yes/no column as pandas' nullable booleans (values and missing flags unpacked from
    Arrow's bitmaps into memory from Arrow's pool), as ``to_pandas`` gives it with
    ``types_mapper=BOOLEAN.get``."""
    n = len(col)
    values = np.frombuffer(pa.allocate_buffer(max(n, 1)), dtype=bool, count=n)
    missing = np.frombuffer(pa.allocate_buffer(max(n, 1)), dtype=bool, count=n)
    start = 0
    for chunk in col.chunks:
        m = len(chunk)
        if m == 0:
            continue
        validity, data = chunk.buffers()[:2]
        values[start : start + m] = (
            bitmap_bits(data, chunk.offset, m) if data is not None else False
        )
        if chunk.null_count and validity is not None:
            missing[start : start + m] = ~bitmap_bits(validity, chunk.offset, m)
            values[start : start + m] &= ~missing[start : start + m]  # False under a gap
        else:
            missing[start : start + m] = False
        start += m
    return pd.arrays.BooleanArray(values, missing, copy=False)


def numpy_type(t: pa.DataType, fits_ns: bool) -> bool:
    """Whether :func:`numpy_column` converts a column of type ``t``."""
    return (
        pa.types.is_integer(t)
        or (pa.types.is_floating(t) and t.bit_width in (32, 64))
        or (pa.types.is_timestamp(t) and t.tz is None and fits_ns)
    )


def numpy_column(col: pa.ChunkedArray, fits_ns: bool) -> np.ndarray:
    """A number or naive timestamp column (:func:`numpy_type`) as one contiguous NumPy array
    in Arrow's memory pool, as ``to_pandas`` would give it (integers with gaps as floats with
    NaN, timestamps in ns with NaT)."""
    t = col.type
    dtype: np.dtype
    if pa.types.is_timestamp(t):
        dtype = np.dtype("datetime64[ns]")
        scale = NS_PER[t.unit]
    elif pa.types.is_integer(t) and col.null_count:
        dtype, scale = np.dtype(np.float64), 1
    else:
        dtype, scale = np.dtype(t.to_pandas_dtype()), 1
    storage = np.dtype(np.int64) if dtype.kind == "M" else np.dtype(t.to_pandas_dtype())
    n = len(col)
    buffer = pa.allocate_buffer(max(n, 1) * dtype.itemsize)  # Arrow's default pool
    out = np.frombuffer(buffer, dtype=dtype, count=n)
    ints = out.view(np.int64) if dtype.kind == "M" else out
    start = 0
    for chunk in col.chunks:
        m = len(chunk)
        if m == 0:
            continue
        data = chunk.buffers()[1]
        target = ints[start : start + m]
        if data is None:  # no values at all (every cell missing)
            target[:] = 0
        elif scale == 1:
            target[:] = np.frombuffer(data, dtype=storage)[chunk.offset :][:m]
        else:
            np.multiply(np.frombuffer(data, dtype=storage)[chunk.offset :][:m], scale, out=target)
        if chunk.null_count:
            target[~bitmap_bits(chunk.buffers()[0], chunk.offset, m)] = (
                _INT64_MIN if dtype.kind == "M" else np.nan
            )
        start += m
    return out


def fits_ns(table: pa.Table) -> bool:
    """Whether every date, time and duration in ``table`` fits in nanoseconds (years 1678-2261),
    judged from each column's earliest and latest value."""
    for col in table.columns:
        t = col.type
        if pa.types.is_timestamp(t) or pa.types.is_duration(t):
            per_ns = NS_PER[t.unit]
        elif pa.types.is_date32(t):
            per_ns = 86_400 * 10**9
        elif pa.types.is_date64(t):
            per_ns = 10**6
        else:
            continue
        if col.null_count == len(col):
            continue
        ints = col.cast(pa.int32() if pa.types.is_date32(t) else pa.int64())  # as stored
        low, high = (v.as_py() for v in pc.min_max(ints).values())
        if low * per_ns <= -(2**63) or high * per_ns >= 2**63:
            return False
    return True


NS_PER = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}


# --- excel -----------------------------------------------------------------------------------


def text_ends_with(s: pd.Series, value: str) -> np.ndarray:
    """True where the text of ``s`` ends with ``value`` (missing: False): one Arrow pass for
    Arrow text, as :func:`text_equals`."""
    if is_arrow_text(s):
        hits = pc.ends_with(pa.array(s.array), value)
        return np.asarray(hits.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    return s.astype("string").str.endswith(value).fillna(False).to_numpy(dtype=bool)


def text_equals(s: pd.Series, value: str) -> np.ndarray:
    """True where the text of ``s`` is ``value`` (missing: False): one Arrow comparison for
    Arrow text (a million ids: about a millisecond; trimming first, or pandas' string methods,
    take ten times that)."""
    if is_arrow_text(s):
        hits = pc.equal(pa.array(s.array), pa.scalar(value))
        return np.asarray(hits.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    return s.astype("string").eq(value).fillna(False).to_numpy(dtype=bool)
