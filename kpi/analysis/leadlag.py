"""Leading vs lagging: which KPIs move before an outcome KPI, and by how many days.

For each candidate driver and one outcome (CSAT by default) the analysis

1. puts both series on a regular calendar (interior gaps interpolated, edges trimmed);
2. removes day-of-week effects (daily grain) and checks stationarity with ADF (H0: unit root)
   and KPSS (H0: stationary; statsmodels clips its p-value to [0.01, 0.10]) on the
   seasonally adjusted series with a trend term; stationary pairs are detrended, otherwise both
   series are differenced;
3. pre-whitens: an AR model is fitted to the driver (order by AIC) and both series are filtered
   with it, so the cross-correlation band ±z/√n is valid (Box & Jenkins; the band assumes one of
   the two series is white noise);
4. cross-correlates at lags −k…+k (lag L > 0: the driver moves L periods *before* the outcome);
   the significance band is Bonferroni-corrected across the 2k + 1 lags;
5. runs Granger tests in both directions (ssr F-test, as R ``lmtest::grangertest``) on the
   prepared pair, with the VAR lag order chosen by an information criterion (capped);
6. adjusts the Granger p-values across drivers with Benjamini–Hochberg (passed explicitly:
   ``multipletests`` defaults to Holm–Sidak).

A driver is ``leading`` only when **both** the adjusted forward Granger p-value and the
lag-corrected pre-whitened cross-correlation at a positive lag are significant; under no link
each of the two tests alone keeps the rate of false "leading" labels at or below alpha, and BH
across drivers keeps the family-wise rate at alpha when no driver is linked (calibrated by
``benchmarks/leadlag_calibration.py``). ``lagging`` mirrors it (reverse Granger, negative lag);
``coincident`` is a corrected significant same-period correlation without a confirmed lead.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from kpi.errors import AnalysisError

__all__ = [
    "CAVEATS",
    "MIN_PERIODS",
    "OUTCOME_CHOICES",
    "ROLES",
    "WARN_PERIODS",
    "GrangerResult",
    "ImpulseResponse",
    "LeadLagResult",
    "Stationarity",
    "aligned_series",
    "analyze",
    "candidate_kpis",
    "check_stationarity",
    "cross_correlation",
    "granger_test",
    "impulse_response",
    "lead_lag",
    "outcome_options",
    "prewhiten",
]

Role = Literal["leading", "coincident", "lagging", "no evidence"]
ROLES: tuple[str, ...] = ("leading", "coincident", "lagging", "no evidence")
# Outcomes a manager usually asks about (churn is not in the KPI registry; "contacts" is volume).
OUTCOME_CHOICES: tuple[str, ...] = (
    "csat",
    "nps",
    "csat_top2",
    "ces",
    "repeat_contact_rate",
    "contacts",
)
SURVEY_KPIS: frozenset[str] = frozenset({"csat", "csat_top2", "nps", "ces"})
MIN_PERIODS = 20  # below this the tests cannot run at all
WARN_PERIODS = 60  # below this the roles are unstable (say so)
_ROLE_RANK = {"leading": 0, "bridging": 1, "lagging": 2}

CAVEATS: tuple[str, ...] = (
    "Moving first is not proof of cause: Granger precedence means past values of the driver "
    "help predict the outcome, and a third factor that moves both (earlier for one of them) "
    "produces the same pattern.",
    "Survey KPIs (CSAT, NPS, CES) collected weekly, or with few responses a day, are mostly "
    "noise at daily grain: analyse them at weekly grain (and then you need about 60 weeks).",
    "Roles are relative to the chosen outcome and period: a KPI can lead CSAT and lag volume, "
    "and a link can change after a process change.",
)


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GrangerResult:
    """Granger ssr F-test (H0: ``cause`` does not help predict ``effect``)."""

    f_stat: float
    p_value: float
    df_num: int
    df_denom: int
    lag_order: int


@dataclass(frozen=True, slots=True)
class Stationarity:
    """ADF and KPSS on one series; ``stationary`` = ADF rejects and KPSS does not."""

    adf_p: float
    kpss_p: float  # clipped to [0.01, 0.10] by statsmodels
    stationary: bool


@dataclass(frozen=True, slots=True)
class LeadLagResult:
    """Everything ``analyze`` found; ``table`` is what ``lead_lag`` returns.

    Attributes
    ----------
    outcome : the outcome KPI id.
    grain : "day", "week" or "period".
    max_lag : largest lag tested, in periods.
    alpha : significance level of the role rule.
    table : one row per driver (see ``lead_lag`` for the columns).
    ccf : long table ``kpi, lag, ccf, band`` (pre-whitened cross-correlation of every driver).
    summary : one plain-language sentence about the whole result.
    warnings : data-specific warnings followed by the standing caveats.
    """

    outcome: str
    grain: str
    max_lag: int
    alpha: float
    table: pd.DataFrame
    ccf: pd.DataFrame
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """The per-driver table (a copy)."""
        return self.table.copy()

    def display_table(self) -> pd.DataFrame:
        """The columns a manager reads, with readable names (for the page and the report)."""
        t = self.table
        unit = {"day": "days", "week": "weeks"}.get(self.grain, "periods")
        return pd.DataFrame(
            {
                "KPI": t["kpi"],
                "role in your data": t["role"],
                f"moves first by ({unit})": t["best_lag"],
                "r (pre-whitened)": t["ccf_at_best_lag"].round(2),
                "Granger p_adj": t["p_adj"].round(4),
                "textbook role": t["default_role"],
                "textbook expects": t["expected_role"],
                "agreement": t["agreement"],
                "reading": t["summary"],
            }
        )

    def headline_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, value) pairs for a pinned finding: each non-null role with its lag."""
        unit = {"day": "d", "week": "wk"}.get(self.grain, "")
        out = []
        for rec in self.table.to_dict("records"):
            if rec["role"] == "no evidence":
                continue
            lag = rec["best_lag"]
            lag_txt = f"{int(lag):+d}{unit}" if lag is not pd.NA and lag == lag else ""
            out.append((str(rec["kpi"]), f"{rec['role']} {lag_txt}".strip()))
        n_none = int((self.table["role"] == "no evidence").sum())
        out.append(("no evidence", f"{n_none} KPIs"))
        return tuple(out)

    def row(self, kpi: str) -> dict[str, Any]:
        """One driver's row as a dict (``AnalysisError`` if it was not tested)."""
        hit = self.table[self.table["kpi"] == kpi]
        if hit.empty:
            raise AnalysisError(f"{kpi!r} was not among the drivers tested; add it to the drivers.")
        return hit.iloc[0].to_dict()


@dataclass(frozen=True, slots=True)
class ImpulseResponse:
    """Response of the outcome to a one-off shock in the driver, from a small VAR.

    Attributes
    ----------
    driver, outcome : KPI ids.
    shock : size of the driver shock, in the driver's units (default: one typical surprise,
        the standard deviation of the driver's VAR residual).
    lag_order : VAR order.
    differenced : whether the VAR ran on differences (then ``level`` is the cumulative response).
    frame : ``step, response, ci_low, ci_high, level, level_low, level_high`` (95% asymptotic
        bands); ``level`` is the change in the outcome's level ``step`` periods after the shock.
    peak_step, peak_level : where the level response is largest in size, and its value.
    summary : one sentence.
    warnings : caveats.
    """

    driver: str
    outcome: str
    shock: float
    lag_order: int
    differenced: bool
    frame: pd.DataFrame
    peak_step: int
    peak_level: float
    peak_low: float
    peak_high: float
    summary: str
    warnings: tuple[str, ...] = field(default=())

    def to_frame(self) -> pd.DataFrame:
        return self.frame.copy()


# --------------------------------------------------------------------------------------------
# Statistical building blocks (plain arrays)
# --------------------------------------------------------------------------------------------
def granger_test(effect: np.ndarray, cause: np.ndarray, lag_order: int) -> GrangerResult:
    """Granger causality ssr F-test of ``cause`` -> ``effect`` at one lag order.

    Wraps ``statsmodels.tsa.stattools.grangercausalitytests`` (which no longer takes ``verbose``
    in statsmodels 0.15) and returns plain numbers; equals R ``lmtest::grangertest``.

    Parameters
    ----------
    effect, cause : equal-length 1-D arrays, already stationary.
    lag_order : number of lags of both series in the regressions (>= 1).
    """
    from statsmodels.tsa.stattools import grangercausalitytests

    lag_order = max(1, int(lag_order))
    data = np.column_stack([np.asarray(effect, float), np.asarray(cause, float)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = grangercausalitytests(data, [lag_order])
    f_stat, p_value, df_denom, df_num = res[lag_order][0]["ssr_ftest"]
    return GrangerResult(
        f_stat=float(f_stat),
        p_value=float(p_value),
        df_num=int(df_num),
        df_denom=int(df_denom),
        lag_order=lag_order,
    )


def check_stationarity(
    values: np.ndarray, *, alpha: float = 0.05, trend: bool = True
) -> Stationarity:
    """ADF (H0 unit root) and KPSS (H0 stationary) on one series.

    The series counts as stationary when ADF rejects a unit root and KPSS does not reject
    stationarity; when in doubt it is differenced, because Granger tests on unit-root series
    reject far too often. With ``trend`` both tests include a linear trend ("ct").
    """
    from statsmodels.tsa.stattools import adfuller, kpss

    x = np.asarray(values, float)
    regression = "ct" if trend else "c"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            adf_p = float(
                adfuller(x, regression=regression, autolag="AIC", result_object=True).pvalue
            )
        except (ValueError, np.linalg.LinAlgError):
            adf_p = float("nan")
        try:
            kpss_p = float(kpss(x, regression=regression, nlags="auto", result_object=True).pvalue)
        except (ValueError, OverflowError, np.linalg.LinAlgError):
            kpss_p = float("nan")
    stationary = bool(adf_p <= alpha and not kpss_p < alpha)
    return Stationarity(adf_p=adf_p, kpss_p=kpss_p, stationary=stationary)


def _ar_fit(x: np.ndarray, max_order: int) -> np.ndarray:
    """AR coefficients of a demeaned series, order by AIC on a common sample (0..max_order)."""
    n = len(x)
    max_order = int(max(0, min(max_order, n // 4)))
    if max_order == 0:
        return np.zeros(0)
    y = x[max_order:]
    lagmat = np.column_stack([x[max_order - i : n - i] for i in range(1, max_order + 1)])
    best_aic, best = len(y) * math.log(max(float(y @ y) / len(y), 1e-300)), np.zeros(0)
    for p in range(1, max_order + 1):
        coef, *_ = np.linalg.lstsq(lagmat[:, :p], y, rcond=None)
        resid = y - lagmat[:, :p] @ coef
        aic = len(y) * math.log(max(float(resid @ resid) / len(y), 1e-300)) + 2 * p
        if aic < best_aic:
            best_aic, best = aic, coef
    return best


def _ar_filter(x: np.ndarray, coef: np.ndarray) -> np.ndarray:
    p = len(coef)
    if p == 0:
        return x.copy()
    out = x[p:].copy()
    for i, c in enumerate(coef, start=1):
        out -= c * x[p - i : len(x) - i]
    return out


def prewhiten(
    driver: np.ndarray, outcome: np.ndarray, max_order: int = 10
) -> tuple[np.ndarray, np.ndarray, int]:
    """Filter both series with the AR model of the driver (order by AIC, at most ``max_order``).

    Returns the filtered driver, the filtered outcome and the AR order used.
    """
    x = np.asarray(driver, float) - np.mean(driver)
    y = np.asarray(outcome, float) - np.mean(outcome)
    coef = _ar_fit(x, max_order)
    return _ar_filter(x, coef), _ar_filter(y, coef), len(coef)


def cross_correlation(driver: np.ndarray, outcome: np.ndarray, max_lag: int) -> pd.DataFrame:
    """Sample cross-correlation r(L) = corr(driver_t, outcome_{t+L}) for L = −max_lag…max_lag.

    L > 0 means the driver moves L periods before the outcome. Biased (1/n) estimator, as in
    ``statsmodels.tsa.stattools.ccf(adjusted=False)``.

    Returns
    -------
    DataFrame with columns ``lag, ccf``.
    """
    x = np.asarray(driver, float) - np.mean(driver)
    y = np.asarray(outcome, float) - np.mean(outcome)
    n = len(x)
    denom = n * math.sqrt(float(x @ x) / n) * math.sqrt(float(y @ y) / n)
    lags = np.arange(-max_lag, max_lag + 1)
    r = np.empty(len(lags))
    for i, lag in enumerate(lags):
        if lag >= 0:
            r[i] = float(x[: n - lag] @ y[lag:]) / denom if lag < n else np.nan
        else:
            r[i] = float(x[-lag:] @ y[: n + lag]) / denom if -lag < n else np.nan
    return pd.DataFrame({"lag": lags.astype(int), "ccf": r})


# --------------------------------------------------------------------------------------------
# Series preparation
# --------------------------------------------------------------------------------------------
def _as_wide(frame: Any) -> pd.DataFrame:
    if hasattr(frame, "wide") and callable(frame.wide):  # a KpiTable
        frame = frame.wide()
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError("Lead-lag needs a table with a date column and one column per KPI.")
    if "date" in frame.columns:
        wide = frame.set_index("date")
    elif "period" in frame.columns:
        wide = frame.set_index("period")
    elif isinstance(frame.index, pd.DatetimeIndex):
        wide = frame
    else:
        raise AnalysisError(
            "The table has no 'date' column: compute the KPIs by day or week first."
        )
    try:
        wide.index = pd.DatetimeIndex(pd.to_datetime(wide.index))
    except (ValueError, TypeError) as err:
        raise AnalysisError(
            "The 'date' column could not be read as dates; check its format."
        ) from err
    wide = wide[wide.index.notna()].sort_index()
    if wide.index.has_duplicates:
        raise AnalysisError(
            "The table has several rows per date (one per segment?): pick one segment or compute "
            "the KPIs without a breakdown."
        )
    return wide


def _regular(wide: pd.DataFrame) -> tuple[pd.DataFrame, str, int]:
    """Put the table on a regular calendar; returns it, the grain name and the step in days."""
    if len(wide) < 3:
        return wide, "period", 0
    steps = np.diff(wide.index.values).astype("timedelta64[s]").astype(float) / 86400.0
    step = float(np.median(steps))
    if step < 0.99:
        raise AnalysisError(
            "The table is finer than daily: compute the KPIs by day or week for lead-lag analysis."
        )
    if abs(step - 1) < 0.01 or abs(step - 7) < 0.01:
        days = int(round(step))
        full = pd.date_range(wide.index[0], wide.index[-1], freq=pd.Timedelta(days=days))
        if len(full) <= 3 * len(wide):
            return wide.reindex(full), ("day" if days == 1 else "week"), days
    return wide, "period", int(round(step))


@dataclass(frozen=True, slots=True)
class _Pair:
    dates: pd.DatetimeIndex
    x: np.ndarray  # prepared driver
    y: np.ndarray  # prepared outcome
    differenced: bool
    filled: int


def _design(dates: pd.DatetimeIndex, weekly_cycle: bool) -> tuple[np.ndarray, int]:
    """Columns: day-of-week dummies (if any), then constant and trend. Returns (X, n_seasonal)."""
    n = len(dates)
    trend = np.arange(n, dtype=float) / max(n - 1, 1)
    cols: list[np.ndarray] = []
    if weekly_cycle:
        dow = np.asarray(dates.day_of_week)
        for d in range(1, 7):
            col = (dow == d).astype(float)
            if col.any():
                cols.append(col - col.mean())  # centred: removing them leaves the level alone
    n_seasonal = len(cols)
    cols += [np.ones(n), trend]
    return np.column_stack(cols), n_seasonal


def _prepare_pair(x: pd.Series, y: pd.Series, *, weekly_cycle: bool, alpha: float) -> _Pair:
    both = pd.concat([x.rename("x"), y.rename("y")], axis=1).astype(float)
    missing_inside = both.interpolate(limit_area="inside").notna() & both.isna()
    filled = int(missing_inside.any(axis=1).sum())
    both = both.interpolate(limit_area="inside").dropna()
    if len(both) < MIN_PERIODS:
        raise AnalysisError(f"only {len(both)} periods where both series have values")
    X, k = _design(both.index, weekly_cycle and len(both) >= 28)
    adjusted, residual = {}, {}
    for name in ("x", "y"):
        v = both[name].to_numpy(float)
        if np.nanstd(v) <= 1e-12 * max(1.0, float(np.nanmax(np.abs(v)))):
            raise AnalysisError("the series is constant")
        beta, *_ = np.linalg.lstsq(X, v, rcond=None)
        adjusted[name] = v - X[:, :k] @ beta[:k]  # day-of-week effects removed, trend kept
        residual[name] = v - X @ beta  # trend removed too
    stationary = all(check_stationarity(adjusted[n], alpha=alpha).stationary for n in ("x", "y"))
    if stationary:
        xs, ys, dates = residual["x"], residual["y"], both.index
    else:
        xs, ys, dates = np.diff(adjusted["x"]), np.diff(adjusted["y"]), both.index[1:]
        xs, ys = xs - xs.mean(), ys - ys.mean()
    return _Pair(dates=dates, x=xs, y=ys, differenced=not stationary, filled=filled)


def _lag_cap(max_lag: int, n: int) -> int:
    # VAR with 2 series and p lags has 2p + 1 coefficients per equation: keep >= ~8 obs per lag.
    return int(max(1, min(max_lag, n // 8)))


def _select_order(x: np.ndarray, y: np.ndarray, cap: int, ic: str) -> int:
    from statsmodels.tsa.api import VAR

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            orders = (
                VAR(np.column_stack([y, x])).select_order(maxlags=cap, trend="c").selected_orders
            )
            p = int(orders[ic])
        except (ValueError, np.linalg.LinAlgError):
            p = 1
    return max(1, min(p, cap))


# --------------------------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------------------------
def _registry() -> dict[str, Any]:
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover - registry written in parallel
        return {}
    return dict(KPIS)


def _default_role(kpi: str, registry: dict[str, Any]) -> str:
    kdef = registry.get(kpi)
    return str(getattr(kdef, "role", "")) if kdef is not None else ""


def _kpi_name(kpi: str, registry: dict[str, Any]) -> str:
    kdef = registry.get(kpi)
    return str(getattr(kdef, "name", kpi)) if kdef is not None else kpi


def _expected_role(driver_default: str, outcome_default: str) -> str:
    """What the textbook roles suggest for the driver relative to the outcome."""
    if driver_default not in _ROLE_RANK or outcome_default not in _ROLE_RANK:
        return ""
    d, o = _ROLE_RANK[driver_default], _ROLE_RANK[outcome_default]
    return "leading" if d < o else "lagging" if d > o else "coincident"


def _ccf_p(r: float, n: int, n_lags: int) -> float:
    """Two-sided p of one cross-correlation under white noise, Bonferroni over ``n_lags``."""
    if not math.isfinite(r):
        return float("nan")
    p = 2.0 * stats.norm.sf(abs(r) * math.sqrt(n))
    return float(min(1.0, p * n_lags))


def _unit(grain: str, n: int) -> str:
    word = {"day": "day", "week": "week"}.get(grain, "period")
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


def _fmt_p(p: float) -> str:
    if not math.isfinite(p):
        return "n/a"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


# --------------------------------------------------------------------------------------------
# Public analysis
# --------------------------------------------------------------------------------------------
def analyze(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    frame: Any,
    outcome: str,
    drivers: list[str] | tuple[str, ...] | None = None,
    max_lag: int = 14,
    *,
    alpha: float = 0.05,
    ic: Literal["aic", "bic", "hqic"] = "aic",
) -> LeadLagResult:
    """Lead-lag analysis of every driver against one outcome; see the module docstring.

    Parameters
    ----------
    frame : wide table: a ``date`` column (or DatetimeIndex) and one numeric column per KPI,
        one row per day or week (``KpiTable.wide()``); a ``KpiTable`` is accepted too.
    outcome : KPI id of the outcome column.
    drivers : KPI ids to test; default every other numeric column with enough data.
    max_lag : largest lag tested, in periods of the table's grain (days or weeks).
    alpha : significance level of the role rule.
    ic : information criterion for the VAR lag order ("aic", "bic" or "hqic").

    Returns
    -------
    LeadLagResult (``table`` described in ``lead_lag``).
    """
    wide = _as_wide(frame)
    wide, grain, _step = _regular(wide)
    if outcome not in wide.columns:
        raise AnalysisError(
            f"The outcome {outcome!r} is not in the table; pick one of: "
            f"{', '.join(map(str, wide.columns[:12]))}."
        )
    max_lag = int(max_lag)
    if max_lag < 1:
        raise AnalysisError("The maximum lag must be at least 1 period.")
    out = pd.to_numeric(wide[outcome], errors="coerce").astype(float)
    n_outcome = int(out.notna().sum())
    if n_outcome < MIN_PERIODS:
        raise AnalysisError(
            f"Only {n_outcome} periods with {outcome} values: lead-lag needs at least "
            f"{MIN_PERIODS} (60 or more recommended); use a longer date range or a finer grain."
        )

    notes: list[str] = []
    skipped: list[str] = []
    if drivers is None:
        candidates = []
        for col in wide.columns:
            if col == outcome:
                continue
            s = pd.to_numeric(wide[col], errors="coerce").astype(float)
            if not pd.api.types.is_numeric_dtype(wide[col]) and s.notna().sum() == 0:
                continue  # a label column, not a KPI
            if s.notna().sum() < MIN_PERIODS or float(s.std(skipna=True) or 0.0) == 0.0:
                skipped.append(str(col))
                continue
            candidates.append(str(col))
    else:
        candidates = [str(d) for d in drivers if str(d) != outcome]
        unknown = [d for d in candidates if d not in wide.columns]
        if unknown:
            raise AnalysisError(
                f"Driver(s) {', '.join(unknown)} are not in the table; pick from the KPIs computed."
            )
    if not candidates:
        raise AnalysisError(
            "No driver KPI with enough data to test against the outcome; add drivers."
        )
    if skipped:
        notes.append(
            f"Not tested (constant or fewer than {MIN_PERIODS} values): {', '.join(skipped)}."
        )

    registry = _registry()
    outcome_default = _default_role(outcome, registry)
    weekly_cycle = grain == "day"
    n_lags_tested = 2 * max_lag + 1
    rows: list[dict[str, Any]] = []
    ccf_parts: list[pd.DataFrame] = []
    for kpi in candidates:
        row: dict[str, Any] = {
            "kpi": kpi,
            "role": "no evidence",
            "best_lag": np.nan,
            "ccf_at_best_lag": np.nan,
            "granger_p_forward": np.nan,
            "granger_p_reverse": np.nan,
            "p_adj": np.nan,
            "p_adj_reverse": np.nan,
            "ccf_p_adj": np.nan,
            "ccf_band": np.nan,
            "ccf_lag0": np.nan,
            "default_role": _default_role(kpi, registry),
            "n": 0,
            "lag_order": 0,
            "prewhiten_order": 0,
            "differenced": False,
            "_error": "",
            "_pos": (np.nan, np.nan),
            "_neg": (np.nan, np.nan),
            "_nf": 0,
        }
        try:
            drv = pd.to_numeric(wide[kpi], errors="coerce").astype(float)
            pair = _prepare_pair(drv, out, weekly_cycle=weekly_cycle, alpha=alpha)
            n = len(pair.x)
            cap = _lag_cap(max_lag, n)
            xf, yf, pw_order = prewhiten(pair.x, pair.y, max_order=cap)
            k = int(min(max_lag, len(xf) // 4))
            ccf = cross_correlation(xf, yf, k)
            nf = len(xf)
            band = float(stats.norm.isf(alpha / (2 * n_lags_tested)) / math.sqrt(nf))
            ccf_parts.append(ccf.assign(kpi=kpi, band=band))
            r = ccf.set_index("lag")["ccf"]
            pos = r[r.index > 0].abs()
            neg = r[r.index < 0].abs()
            pos_lag = int(pos.idxmax()) if pos.notna().any() else 0
            neg_lag = int(neg.idxmax()) if neg.notna().any() else 0
            all_lag = int(r.abs().idxmax())
            order = _select_order(pair.x, pair.y, cap, ic)
            fwd = granger_test(pair.y, pair.x, order)
            rev = granger_test(pair.x, pair.y, order)
            row.update(
                best_lag=all_lag,
                ccf_at_best_lag=float(r[all_lag]),
                granger_p_forward=fwd.p_value,
                granger_p_reverse=rev.p_value,
                ccf_band=band,
                ccf_lag0=float(r[0]),
                n=int(n),
                lag_order=int(order),
                prewhiten_order=int(pw_order),
                differenced=bool(pair.differenced),
                _pos=(pos_lag, float(r[pos_lag]) if pos_lag else np.nan),
                _neg=(neg_lag, float(r[neg_lag]) if neg_lag else np.nan),
                _nf=nf,
            )
            if pair.filled > 0.1 * n:
                notes.append(
                    f"{kpi}: {pair.filled} of {n} periods had a missing value and were interpolated."
                )
        except AnalysisError as err:
            row["_error"] = str(err)
        except (ValueError, np.linalg.LinAlgError) as err:  # numerical failure on odd data
            row["_error"] = f"the tests failed on this series ({type(err).__name__})"
        rows.append(row)

    table = pd.DataFrame(rows)
    table["p_adj"] = _bh(table["granger_p_forward"].to_numpy(float))
    table["p_adj_reverse"] = _bh(table["granger_p_reverse"].to_numpy(float))

    roles, best_lags, best_r, ccf_ps, summaries, expected, agrees = [], [], [], [], [], [], []
    unit_grain = grain
    for rec in table.to_dict("records"):
        role, lag, rr = "no evidence", rec["best_lag"], rec["ccf_at_best_lag"]
        nf = int(rec["_nf"])
        pos_lag, pos_r = rec["_pos"]
        neg_lag, neg_r = rec["_neg"]
        p_pos = _ccf_p(pos_r, nf, n_lags_tested) if nf else np.nan
        p_neg = _ccf_p(neg_r, nf, n_lags_tested) if nf else np.nan
        p_zero = _ccf_p(rec["ccf_lag0"], nf, n_lags_tested) if nf else np.nan
        lead_ok = p_pos < alpha and rec["p_adj"] < alpha
        lag_ok = p_neg < alpha and rec["p_adj_reverse"] < alpha
        if lead_ok and (not lag_ok or abs(pos_r) >= abs(neg_r)):
            role, lag, rr, cp = "leading", pos_lag, pos_r, p_pos
        elif lag_ok:
            role, lag, rr, cp = "lagging", neg_lag, neg_r, p_neg
        elif p_zero < alpha:
            role, lag, rr, cp = "coincident", 0, rec["ccf_lag0"], p_zero
        else:
            cp = _ccf_p(rr, nf, n_lags_tested) if nf else np.nan
        roles.append(role)
        best_lags.append(lag)
        best_r.append(rr)
        ccf_ps.append(cp)
        exp = _expected_role(rec["default_role"], outcome_default)
        expected.append(exp)
        if role == "no evidence" or not exp:
            agrees.append("")
        else:
            agrees.append("agrees" if role == exp else "differs")
        summaries.append(
            _driver_summary(
                rec, role, lag, rr, outcome, unit_grain, registry, outcome_default, exp, alpha
            )
        )
    table["role"] = roles
    table["best_lag"] = pd.array([int(v) if v == v else pd.NA for v in best_lags], dtype="Int64")
    table["ccf_at_best_lag"] = np.asarray(best_r, float)
    table["ccf_p_adj"] = np.asarray(ccf_ps, float)
    table["expected_role"] = expected
    table["agreement"] = agrees
    table["summary"] = summaries
    table["outcome"] = outcome
    table = table.drop(columns=[c for c in table.columns if c.startswith("_")])
    order = {r: i for i, r in enumerate(ROLES)}
    table = (
        table.assign(_o=table["role"].map(order), _s=-table["ccf_at_best_lag"].abs().fillna(0))
        .sort_values(["_o", "best_lag", "_s"], kind="stable")
        .drop(columns=["_o", "_s"])
        .reset_index(drop=True)
    )
    table = table[
        [
            "kpi",
            "role",
            "best_lag",
            "ccf_at_best_lag",
            "granger_p_forward",
            "granger_p_reverse",
            "p_adj",
            "p_adj_reverse",
            "ccf_p_adj",
            "ccf_band",
            "default_role",
            "expected_role",
            "agreement",
            "n",
            "lag_order",
            "prewhiten_order",
            "differenced",
            "outcome",
            "summary",
        ]
    ]

    n_max = int(table["n"].max()) if len(table) else 0
    unit_word = {"day": "days", "week": "weeks"}.get(grain, "periods")
    if n_max < WARN_PERIODS:
        notes.insert(
            0,
            f"Only {n_max} {unit_word} of data: lead-lag estimates are unstable below about "
            f"{WARN_PERIODS} {unit_word}; treat the roles as hints and re-check with more history.",
        )
    if grain == "day" and outcome in SURVEY_KPIS:
        share_missing = 1.0 - n_outcome / max(len(out), 1)
        if share_missing > 0.2:
            notes.append(
                f"{outcome} has no value on {share_missing:.0%} of days: if surveys come in weekly, "
                "switch to weekly grain."
            )
    if max_lag * 4 > n_max and n_max:
        notes.append(
            f"A maximum lag of {max_lag} is long for {n_max} {unit_word}: lags were capped at "
            f"{max(1, n_max // 4)} for the cross-correlation and {_lag_cap(max_lag, n_max)} for Granger."
        )
    ccf_long = (
        pd.concat(ccf_parts, ignore_index=True)[["kpi", "lag", "ccf", "band"]]
        if ccf_parts
        else pd.DataFrame({"kpi": [], "lag": [], "ccf": [], "band": []})
    )
    summary = _overall_summary(table, outcome, grain)
    all_warnings = tuple(notes) + CAVEATS
    table.attrs["warnings"] = all_warnings
    table.attrs["outcome"] = outcome
    table.attrs["grain"] = grain
    table.attrs["max_lag"] = max_lag
    table.attrs["summary"] = summary
    return LeadLagResult(
        outcome=outcome,
        grain=grain,
        max_lag=max_lag,
        alpha=float(alpha),
        table=table,
        ccf=ccf_long,
        summary=summary,
        warnings=all_warnings,
    )


def lead_lag(
    frame: Any,
    outcome: str,
    drivers: list[str] | tuple[str, ...] | None = None,
    max_lag: int = 14,
    *,
    alpha: float = 0.05,
    ic: Literal["aic", "bic", "hqic"] = "aic",
) -> pd.DataFrame:
    """Which KPIs move before ``outcome``, and by how many periods: one row per driver.

    Parameters are those of ``analyze``. The caveats are in ``df.attrs["warnings"]`` (a tuple of
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
    - ``outcome``: the outcome KPI id; ``summary``: one plain-language sentence.
    """
    return analyze(frame, outcome, drivers, max_lag, alpha=alpha, ic=ic).table


def _bh(p: np.ndarray) -> np.ndarray:
    from statsmodels.stats.multitest import multipletests

    out = np.full(len(p), np.nan)
    ok = np.isfinite(p)
    if ok.any():
        # method passed explicitly: multipletests defaults to Holm-Sidak.
        out[ok] = multipletests(p[ok], method="fdr_bh")[1]
    return out


def _driver_summary(
    rec: dict[str, Any],
    role: str,
    lag: Any,
    r: float,
    outcome: str,
    grain: str,
    registry: dict[str, Any],
    outcome_default: str,
    expected: str,
    alpha: float,
) -> str:
    kpi = rec["kpi"]
    if rec.get("_error"):
        return f"{kpi} could not be tested: {rec['_error']}."
    direction = "rise" if r > 0 else "fall"
    textbook = ""
    if rec["default_role"]:
        textbook = f" Textbook view: {kpi} is a {rec['default_role']} KPI"
        if expected:
            verdict = (
                "the data agrees"
                if role == expected
                else "the data shows no evidence either way"
                if role == "no evidence"
                else "the data disagrees"
            )
            textbook += f", so it would be expected to be {expected} for {outcome}; {verdict}."
        else:
            textbook += "."
    if role == "leading":
        return (
            f"{kpi} moves {_unit(grain, int(lag))} before {outcome}: a rise in {kpi} is followed by "
            f"a {direction} in {outcome} (pre-whitened r = {r:+.2f}, Granger p_adj = "
            f"{_fmt_p(rec['p_adj'])}).{textbook}"
        )
    if role == "lagging":
        return (
            f"{kpi} moves {_unit(grain, -int(lag))} after {outcome}: a rise in {outcome} is "
            f"followed by a {direction} in {kpi} (pre-whitened r = {r:+.2f}, reverse Granger "
            f"p_adj = {_fmt_p(rec['p_adj_reverse'])}).{textbook}"
        )
    if role == "coincident":
        together = "together" if r > 0 else "in opposite directions"
        return (
            f"{kpi} and {outcome} move {together} in the same {_unit(grain, 1)[2:]} (pre-whitened "
            f"r = {r:+.2f}) with no confirmed lead either way.{textbook}"
        )
    return (
        f"No evidence that {kpi} moves before or after {outcome} (Granger p_adj = "
        f"{_fmt_p(rec['p_adj'])} forward, {_fmt_p(rec['p_adj_reverse'])} reverse; no "
        f"cross-correlation beyond the corrected band).{textbook}"
    )


def _overall_summary(table: pd.DataFrame, outcome: str, grain: str) -> str:
    lead = table[table["role"] == "leading"]
    if lead.empty:
        coinc = table[table["role"] == "coincident"]["kpi"].tolist()
        tail = f"; {', '.join(coinc)} move in the same period" if coinc else ""
        return f"No KPI shows a confirmed lead over {outcome} in this data{tail}."
    parts = [
        f"{k} ({_unit(grain, int(lag))})"
        for k, lag in zip(lead["kpi"], lead["best_lag"], strict=True)
    ]
    return f"{len(lead)} of {len(table)} KPIs move before {outcome}: {', '.join(parts)}."


def candidate_kpis(frame: Any) -> list[str]:
    """KPI columns of a wide table with enough non-constant values to be tested."""
    wide, _grain, _ = _regular(_as_wide(frame))
    out = []
    for col in wide.columns:
        if not pd.api.types.is_numeric_dtype(wide[col]):
            continue
        s = wide[col].astype(float)
        if s.notna().sum() >= MIN_PERIODS and float(s.std(skipna=True) or 0.0) > 0.0:
            out.append(str(col))
    return out


def outcome_options(frame: Any) -> list[str]:
    """Testable KPIs, the usual outcomes first (CSAT, NPS, CSAT %, CES, repeat rate, volume)."""
    cands = candidate_kpis(frame)
    return [k for k in OUTCOME_CHOICES if k in cands] + [
        k for k in cands if k not in OUTCOME_CHOICES
    ]


# --------------------------------------------------------------------------------------------
# Pair helpers for charts and the optional impulse response
# --------------------------------------------------------------------------------------------
def aligned_series(frame: Any, driver: str, outcome: str, lag: int) -> pd.DataFrame:
    """The two series on one time axis, the driver shifted forward by ``lag`` periods.

    Both are standardised (z-scores) so they share an axis. With a driver that leads by ``lag``,
    the shifted driver and the outcome rise and fall together.

    Returns
    -------
    Long DataFrame ``date, series, kpi, value, z`` where ``series`` is the display label
    (e.g. "engagement, 5 days earlier") and ``value`` the raw KPI value.
    """
    wide, grain, _ = _regular(_as_wide(frame))
    for col in (driver, outcome):
        if col not in wide.columns:
            raise AnalysisError(f"{col!r} is not in the table; pick one of the KPIs computed.")
    lag = int(lag)
    parts = []
    for kpi, shift in ((outcome, 0), (driver, lag)):
        s = pd.to_numeric(wide[kpi], errors="coerce").astype(float)
        z = (s - s.mean()) / (s.std() or 1.0)
        if shift:
            label = f"{kpi}, {_unit(grain, abs(shift))} {'earlier' if shift > 0 else 'later'}"
        else:
            label = kpi
        parts.append(
            pd.DataFrame(
                {
                    "date": wide.index,
                    "series": label,
                    "kpi": kpi,
                    "value": s.shift(shift).to_numpy(),
                    "z": z.shift(shift).to_numpy(),
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    return out.dropna(subset=["z"]).reset_index(drop=True)


def impulse_response(
    frame: Any,
    driver: str,
    outcome: str,
    *,
    periods: int = 14,
    lag_order: int | None = None,
    shock: float | None = None,
    max_lag: int = 14,
    ic: Literal["aic", "bic", "hqic"] = "aic",
) -> ImpulseResponse:
    """Impulse response of ``outcome`` to a one-off shock in ``driver`` from a two-KPI VAR.

    The pair is prepared as in ``analyze`` (day-of-week removed; detrended or differenced). The
    response is the non-orthogonalised IRF scaled to ``shock`` (default: the standard deviation
    of the driver's VAR residual, a typical surprise) with 95% asymptotic bands (Lütkepohl);
    on differenced data the level response is the cumulative sum.

    Returns
    -------
    ImpulseResponse; its ``frame`` has columns ``step, response, ci_low, ci_high, level,
    level_low, level_high``.
    """
    from statsmodels.tsa.api import VAR

    wide, grain, _ = _regular(_as_wide(frame))
    for col in (driver, outcome):
        if col not in wide.columns:
            raise AnalysisError(f"{col!r} is not in the table; pick one of the KPIs computed.")
    try:
        pair = _prepare_pair(
            pd.to_numeric(wide[driver], errors="coerce"),
            pd.to_numeric(wide[outcome], errors="coerce"),
            weekly_cycle=grain == "day",
            alpha=0.05,
        )
    except AnalysisError as err:
        raise AnalysisError(
            f"The impulse response of {outcome} to {driver} cannot run: {err}."
        ) from err
    n = len(pair.x)
    cap = _lag_cap(max_lag, n)
    order = int(lag_order) if lag_order else _select_order(pair.x, pair.y, cap, ic)
    data = np.column_stack([pair.x, pair.y])  # 0 = driver, 1 = outcome
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = VAR(data).fit(order, trend="c")
            irf = res.irf(periods)
            resp = irf.irfs[:, 1, 0]
            se = irf.stderr(orth=False)[:, 1, 0]
            cum = irf.cum_effects[:, 1, 0]
            cum_se = irf.cum_effect_stderr(orth=False)[:, 1, 0]
        except (ValueError, np.linalg.LinAlgError) as err:
            raise AnalysisError(
                f"The VAR for {driver} and {outcome} could not be fitted; try a smaller lag order."
            ) from err
    size = float(shock) if shock is not None else float(np.sqrt(res.sigma_u[0, 0]))
    z = 1.959963984540054
    level, level_se = (cum, cum_se) if pair.differenced else (resp, se)
    table = pd.DataFrame(
        {
            "step": np.arange(periods + 1, dtype=int),
            "response": resp * size,
            "ci_low": (resp - z * se) * size,
            "ci_high": (resp + z * se) * size,
            "level": level * size,
            "level_low": (level - z * level_se) * size,
            "level_high": (level + z * level_se) * size,
        }
    )
    after = table[table["step"] >= 1]
    peak = after.loc[after["level"].abs().idxmax()]
    registry = _registry()
    kd, ko = registry.get(driver), registry.get(outcome)
    shock_txt = kd.format(size) if kd is not None and hasattr(kd, "format") else f"{size:.3g}"
    peak_txt = f"{float(peak['level']):+.3g}"
    if ko is not None and getattr(ko, "unit", "") == "rate":
        peak_txt = f"{float(peak['level']) * 100:+.2f} points"
    excludes_zero = float(peak["level_low"]) > 0 or float(peak["level_high"]) < 0
    summary = (
        f"A one-off rise of {shock_txt} in {driver} is followed by a change of {peak_txt} in "
        f"{outcome} after {_unit(grain, int(peak['step']))} "
        + (
            "(the 95% band excludes zero)."
            if excludes_zero
            else "(the 95% band includes zero: no clear response)."
        )
    )
    warns: list[str] = []
    if n < WARN_PERIODS:
        warns.append(f"Only {n} periods: the impulse response bands are wide and unreliable.")
    warns.append(
        "The impulse response is what the VAR predicts after a one-off surprise; it describes "
        "the data's dynamics, not what an intervention would do."
    )
    return ImpulseResponse(
        driver=driver,
        outcome=outcome,
        shock=size,
        lag_order=order,
        differenced=bool(pair.differenced),
        frame=table,
        peak_step=int(peak["step"]),
        peak_level=float(peak["level"]),
        peak_low=float(peak["level_low"]),
        peak_high=float(peak["level_high"]),
        summary=summary,
        warnings=tuple(warns),
    )
