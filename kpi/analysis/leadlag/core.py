"""Lead-lag analysis of every driver against one outcome (see the package docstring)."""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.leadlag._series import (
    as_wide,
    bh,
    ccf_p,
    cross_correlation,
    granger_test,
    lag_cap,
    prepare_pair,
    prewhiten,
    regular,
    select_order,
)
from kpi.analysis.leadlag.results import (
    CAVEATS,
    MIN_PERIODS,
    OUTCOME_CHOICES,
    ROLES,
    SURVEY_KPIS,
    WARN_PERIODS,
    LeadLagResult,
)
from kpi.analysis.leadlag.text import default_role, expected_role
from kpi.errors import AnalysisError
from kpi.format import kpi_label
from kpi.segment import Segment, as_segment

__all__ = ["analyze", "candidate_kpis", "lead_lag", "outcome_options"]


_COLUMNS = [
    "kpi", "role", "best_lag", "ccf_at_best_lag", "granger_p_forward", "granger_p_reverse",
    "p_adj", "p_adj_reverse", "ccf_p_adj", "ccf_band", "default_role", "expected_role",
    "agreement", "n", "lag_order", "prewhiten_order", "differenced", "outcome", "error",
]  # fmt: skip


def analyze(
    frame: Any,
    outcome: str,
    drivers: list[str] | tuple[str, ...] | None = None,
    max_lag: int = 14,
    *,
    alpha: float = 0.05,
    ic: Literal["aic", "bic", "hqic"] = "aic",
    segment: Segment | str | None = None,
) -> LeadLagResult:
    """Lead-lag analysis of every driver against one outcome; see the package docstring.

    Parameters
    ----------
    frame : wide table: a ``date`` column (or DatetimeIndex) and one numeric column per KPI,
        one row per day or week (``KpiTable.wide()``); a ``KpiTable`` is accepted too.
    outcome : KPI id of the outcome column.
    drivers : KPI ids to test; default every other numeric column with enough data.
    max_lag : largest lag tested, in periods of the table's grain (days or weeks).
    alpha : significance level of the role rule.
    ic : information criterion for the VAR lag order ("aic", "bic" or "hqic").
    segment : analyse one segment of a table computed ``by`` a segment column (or of a wide
        frame holding that column): ``Segment("queue", "Billing")`` or ``"queue=Billing"``.

    Returns
    -------
    LeadLagResult (``table`` described in ``lead_lag``); its sentences are produced on read.
    """
    seg = as_segment(segment)
    wide, grain, _step = regular(as_wide(frame, seg))
    out, max_lag = _outcome(wide, outcome, max_lag)
    notes: list[str] = []
    candidates = _candidates(wide, outcome, drivers, notes)
    rows: list[dict[str, Any]] = []
    ccf_parts: list[pd.DataFrame] = []
    for kpi in candidates:
        drv = pd.to_numeric(wide[kpi], errors="coerce").astype(float)
        row, ccf = _test_driver(kpi, drv, out, max_lag, alpha, ic, grain == "day", notes)
        rows.append(row)
        if ccf is not None:
            ccf_parts.append(ccf)
    table = pd.DataFrame(rows)
    table["p_adj"] = bh(table["granger_p_forward"].to_numpy(float))
    table["p_adj_reverse"] = bh(table["granger_p_reverse"].to_numpy(float))
    table = _with_roles(table, outcome, alpha, 2 * max_lag + 1)
    notes = _data_notes(table, out, outcome, grain, max_lag, notes)
    ccf_long = (
        pd.concat(ccf_parts, ignore_index=True)[["kpi", "lag", "ccf", "band"]]
        if ccf_parts
        else pd.DataFrame({"kpi": [], "lag": [], "ccf": [], "band": []})
    )
    return LeadLagResult(
        outcome=outcome, grain=grain, max_lag=max_lag, alpha=float(alpha), drivers=table,
        ccf=ccf_long, warnings=tuple(notes) + CAVEATS, segment=seg,
    )  # fmt: skip


def _outcome(wide: pd.DataFrame, outcome: str, max_lag: int) -> tuple[pd.Series, int]:
    """The outcome series and the checked maximum lag."""
    if outcome not in wide.columns:
        raise AnalysisError(
            f"The outcome {outcome!r} is not in the table; pick one of: "
            f"{', '.join(map(str, wide.columns[:12]))}."
        )
    if int(max_lag) < 1:
        raise AnalysisError("The maximum lag must be at least 1 period.")
    out = pd.to_numeric(wide[outcome], errors="coerce").astype(float)
    n_outcome = int(out.notna().sum())
    if n_outcome < MIN_PERIODS:
        raise AnalysisError(
            f"Only {n_outcome} periods with {outcome} values: lead-lag needs at least "
            f"{MIN_PERIODS} (60 or more recommended); use a longer date range or a finer grain."
        )
    return out, int(max_lag)


def _candidates(wide: pd.DataFrame, outcome: str, drivers: Any, notes: list[str]) -> list[str]:
    """The drivers to test: the given ones, or every testable numeric column."""
    candidates: list[str] = []
    if drivers is not None:
        candidates = [str(d) for d in drivers if str(d) != outcome]
        unknown = [d for d in candidates if d not in wide.columns]
        if unknown:
            raise AnalysisError(
                f"Driver(s) {', '.join(unknown)} are not in the table; pick from the KPIs computed."
            )
    else:
        skipped: list[str] = []
        for col in (c for c in wide.columns if c != outcome):
            s = pd.to_numeric(wide[col], errors="coerce").astype(float)
            if not pd.api.types.is_numeric_dtype(wide[col]) and s.notna().sum() == 0:
                continue  # a label column, not a KPI
            enough = s.notna().sum() >= MIN_PERIODS and float(s.std(skipna=True) or 0.0) != 0.0
            (candidates if enough else skipped).append(str(col))
        if skipped:
            notes.append(
                f"Not tested (constant or fewer than {MIN_PERIODS} values): "
                f"{', '.join(map(kpi_label, skipped))}."
            )
    if not candidates:
        raise AnalysisError(
            "No driver KPI with enough data to test against the outcome; add drivers."
        )
    return candidates


def _empty_row(kpi: str) -> dict[str, Any]:
    nan = np.nan
    return {
        "kpi": kpi, "role": "no evidence", "best_lag": nan, "ccf_at_best_lag": nan,
        "granger_p_forward": nan, "granger_p_reverse": nan, "p_adj": nan, "p_adj_reverse": nan,
        "ccf_p_adj": nan, "ccf_band": nan, "ccf_lag0": nan, "default_role": default_role(kpi),
        "n": 0, "lag_order": 0, "prewhiten_order": 0, "differenced": False, "error": "",
        "_pos": (nan, nan), "_neg": (nan, nan), "_nf": 0,
    }  # fmt: skip


def _test_driver(
    kpi: str,
    drv: pd.Series,
    out: pd.Series,
    max_lag: int,
    alpha: float,
    ic: str,
    weekly_cycle: bool,
    notes: list[str],
) -> tuple[dict[str, Any], pd.DataFrame | None]:
    """One driver's tests: its row (numbers) and its pre-whitened cross-correlation."""
    row = _empty_row(kpi)
    try:
        pair = prepare_pair(drv, out, weekly_cycle=weekly_cycle, alpha=alpha)
        n = len(pair.x)
        cap = lag_cap(max_lag, n)
        xf, yf, pw_order = prewhiten(pair.x, pair.y, max_order=cap)
        ccf = cross_correlation(xf, yf, int(min(max_lag, len(xf) // 4)))
        nf = len(xf)
        band = float(stats.norm.isf(alpha / (2 * (2 * max_lag + 1))) / math.sqrt(nf))
        r = ccf.set_index("lag")["ccf"]
        pos, neg = r[r.index > 0].abs(), r[r.index < 0].abs()
        pos_lag = int(pos.index[int(np.nanargmax(pos.to_numpy()))]) if pos.notna().any() else 0
        neg_lag = int(neg.index[int(np.nanargmax(neg.to_numpy()))]) if neg.notna().any() else 0
        all_lag = int(r.index[int(np.nanargmax(r.abs().to_numpy()))])
        order = select_order(pair.x, pair.y, cap, ic)
        row.update(
            best_lag=all_lag, ccf_at_best_lag=float(r[all_lag]),
            granger_p_forward=granger_test(pair.y, pair.x, order).p_value,
            granger_p_reverse=granger_test(pair.x, pair.y, order).p_value,
            ccf_band=band, ccf_lag0=float(r[0]), n=int(n), lag_order=int(order),
            prewhiten_order=int(pw_order), differenced=bool(pair.differenced),
            _pos=(pos_lag, float(r[pos_lag]) if pos_lag else np.nan),
            _neg=(neg_lag, float(r[neg_lag]) if neg_lag else np.nan), _nf=nf,
        )  # fmt: skip
        if pair.filled > 0.1 * n:
            notes.append(
                f"{kpi_label(kpi)}: {pair.filled} of {n} periods had a missing value and were "
                "interpolated."
            )
        return row, ccf.assign(kpi=kpi, band=band)
    except AnalysisError as err:
        row["error"] = str(err)
    except (ValueError, np.linalg.LinAlgError) as err:  # numerical failure on odd data
        row["error"] = f"the tests failed on this series ({type(err).__name__})"
    return row, None


def _role(rec: dict[str, Any], alpha: float, n_lags: int) -> tuple[str, Any, float, float]:
    """(role, lag, r, p of the cross-correlation) of one tested driver: the role rule."""
    nf = int(rec["_nf"])
    pos_lag, pos_r = rec["_pos"]
    neg_lag, neg_r = rec["_neg"]
    p_pos = ccf_p(pos_r, nf, n_lags) if nf else np.nan
    p_neg = ccf_p(neg_r, nf, n_lags) if nf else np.nan
    p_zero = ccf_p(rec["ccf_lag0"], nf, n_lags) if nf else np.nan
    lead_ok = p_pos < alpha and rec["p_adj"] < alpha
    lag_ok = p_neg < alpha and rec["p_adj_reverse"] < alpha
    if lead_ok and (not lag_ok or abs(pos_r) >= abs(neg_r)):
        return "leading", pos_lag, pos_r, p_pos
    if lag_ok:
        return "lagging", neg_lag, neg_r, p_neg
    if p_zero < alpha:
        return "coincident", 0, rec["ccf_lag0"], p_zero
    rr = rec["ccf_at_best_lag"]
    return "no evidence", rec["best_lag"], rr, ccf_p(rr, nf, n_lags) if nf else np.nan


def _with_roles(table: pd.DataFrame, outcome: str, alpha: float, n_lags: int) -> pd.DataFrame:
    """The table with each driver's role, lag and agreement with the textbook (numbers only)."""
    outcome_default = default_role(outcome)
    cols: dict[str, list[Any]] = {
        k: [] for k in ("role", "best_lag", "ccf_at_best_lag", "ccf_p_adj", "expected_role",
                        "agreement")
    }  # fmt: skip
    for raw in table.to_dict("records"):
        rec = {str(k): v for k, v in raw.items()}
        role, lag, rr, cp = _role(rec, alpha, n_lags)
        exp = expected_role(rec["default_role"], outcome_default)
        agree = "" if role == "no evidence" or not exp else "agrees" if role == exp else "differs"
        for key, value in zip(cols, (role, lag, rr, cp, exp, agree), strict=True):
            cols[key].append(value)
    table = table.assign(
        role=cols["role"],
        best_lag=pd.array([int(v) if v == v else pd.NA for v in cols["best_lag"]], dtype="Int64"),
        ccf_at_best_lag=np.asarray(cols["ccf_at_best_lag"], float),
        ccf_p_adj=np.asarray(cols["ccf_p_adj"], float),
        expected_role=cols["expected_role"],
        agreement=cols["agreement"],
        outcome=outcome,
    )
    table = table.drop(columns=[c for c in table.columns if c.startswith("_")])
    order = {r: i for i, r in enumerate(ROLES)}
    table = (
        table.assign(_o=table["role"].map(order), _s=-table["ccf_at_best_lag"].abs().fillna(0))
        .sort_values(["_o", "best_lag", "_s"], kind="stable")
        .drop(columns=["_o", "_s"])
        .reset_index(drop=True)
    )
    return table[_COLUMNS]


def _data_notes(
    table: pd.DataFrame, out: pd.Series, outcome: str, grain: str, max_lag: int, notes: list[str]
) -> list[str]:
    """Warnings about this data: too short, sparse surveys at daily grain, lags capped."""
    notes = list(notes)
    n_max = int(table["n"].max()) if len(table) else 0
    unit_word = {"day": "days", "week": "weeks"}.get(grain, "periods")
    if n_max < WARN_PERIODS:
        notes.insert(
            0,
            f"Only {n_max} {unit_word} of data: lead-lag estimates are unstable below about "
            f"{WARN_PERIODS} {unit_word}; treat the roles as hints and re-check with more history.",
        )
    if grain == "day" and outcome in SURVEY_KPIS:
        share_missing = 1.0 - int(out.notna().sum()) / max(len(out), 1)
        if share_missing > 0.2:
            notes.append(
                f"{kpi_label(outcome)} has no value on {share_missing:.0%} of days: if surveys "
                "come in weekly, switch to weekly grain."
            )
    if max_lag * 4 > n_max and n_max:
        notes.append(
            f"A maximum lag of {max_lag} is long for {n_max} {unit_word}: lags were capped at "
            f"{max(1, n_max // 4)} for the cross-correlation and {lag_cap(max_lag, n_max)} for Granger."
        )
    return notes


def lead_lag(
    frame: Any,
    outcome: str,
    drivers: list[str] | tuple[str, ...] | None = None,
    max_lag: int = 14,
    *,
    alpha: float = 0.05,
    ic: Literal["aic", "bic", "hqic"] = "aic",
    segment: Segment | str | None = None,
) -> pd.DataFrame:
    """Which KPIs move before ``outcome``, and by how many periods: one row per driver.

    Parameters are those of ``analyze`` (``segment``: one segment of a table computed ``by``
    it, as a ``Segment`` or "queue=Billing"). The caveats are in ``df.attrs["warnings"]`` (a tuple of
    sentences; data-specific ones first), the overall reading in ``df.attrs["summary"]``.

    Returns
    -------
    DataFrame, one row per driver, sorted leading → coincident → lagging → no evidence:

    - ``kpi``: driver KPI id.
    - ``role``: "leading" (moves first), "coincident", "lagging" (moves after) or "no evidence".
    - ``best_lag``: periods by which the driver moves before the outcome (negative: after);
      for "no evidence" the largest cross-correlation, for information only.
    - ``ccf_at_best_lag``: pre-whitened cross-correlation at ``best_lag`` (sign = direction).
    - ``granger_p_forward`` / ``granger_p_reverse``: Granger ssr F-test p-values, driver →
      outcome and outcome → driver.
    - ``p_adj`` / ``p_adj_reverse``: the same, Benjamini–Hochberg adjusted across drivers.
    - ``ccf_p_adj``: p-value of the cross-correlation at ``best_lag``, Bonferroni across lags.
    - ``ccf_band``: the corrected significance band (±) of the cross-correlation.
    - ``default_role``: the textbook role from the KPI registry (leading / bridging / lagging).
    - ``expected_role``: the role relative to the outcome that the textbook roles suggest.
    - ``agreement``: "agrees" / "differs" (empty when there is no evidence or no textbook role).
    - ``n``: periods used; ``lag_order``: VAR lag order of the Granger tests (by ``ic``);
      ``prewhiten_order``: AR order of the pre-whitening filter; ``differenced``: whether the
      pair was differenced after the stationarity checks.
    - ``outcome``: the outcome KPI id; ``error``: why the driver could not be tested ("" when
      it was); ``summary``: one plain-language sentence, produced from the numbers.
    """
    return analyze(frame, outcome, drivers, max_lag, alpha=alpha, ic=ic, segment=segment).table


def candidate_kpis(frame: Any, segment: Segment | str | None = None) -> list[str]:
    """KPI columns of a wide table (of one ``segment``) with enough non-constant values to be
    tested."""
    wide, _grain, _ = regular(as_wide(frame, as_segment(segment)))
    out = []
    for col in wide.columns:
        if not pd.api.types.is_numeric_dtype(wide[col]):
            continue
        s = wide[col].astype(float)
        if s.notna().sum() >= MIN_PERIODS and float(s.std(skipna=True) or 0.0) > 0.0:
            out.append(str(col))
    return out


def outcome_options(frame: Any, segment: Segment | str | None = None) -> list[str]:
    """Testable KPIs, the usual outcomes first (CSAT, NPS, CSAT %, CES, repeat rate, volume)."""
    cands = candidate_kpis(frame, segment)
    return [k for k in OUTCOME_CHOICES if k in cands] + [
        k for k in cands if k not in OUTCOME_CHOICES
    ]
