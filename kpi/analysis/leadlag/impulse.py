"""The pair behind a lead: the two series aligned at the lag, and the VAR impulse response."""

from __future__ import annotations

import warnings
from typing import Any, Literal

import numpy as np
import pandas as pd

from kpi.analysis.leadlag._series import (
    Pair,
    as_wide,
    lag_cap,
    prepare_pair,
    regular,
    select_order,
)
from kpi.analysis.leadlag.results import WARN_PERIODS, ImpulseResponse
from kpi.analysis.leadlag.text import unit_text
from kpi.errors import AnalysisError
from kpi.format import kpi_label
from kpi.segment import Segment, as_segment

__all__ = ["aligned_series", "impulse_response"]


def aligned_series(
    frame: Any, driver: str, outcome: str, lag: int, *, segment: Segment | str | None = None
) -> pd.DataFrame:
    """The two series on one time axis, the driver shifted forward by ``lag`` periods.

    Both are standardised (z-scores) so they share an axis. With a driver that leads by ``lag``,
    the shifted driver and the outcome rise and fall together.

    Returns
    -------
    Long DataFrame ``date, series, kpi, value, z`` where ``series`` is the display label
    key by KPI id (e.g. "engagement, 5 days earlier"; charts put the KPI's name in its place)
    and ``value`` the raw KPI value. ``segment``: as in ``analyze``.
    """
    wide, grain, _ = regular(as_wide(frame, as_segment(segment)))
    for col in (driver, outcome):
        if col not in wide.columns:
            raise AnalysisError(f"{col!r} is not in the table; pick one of the KPIs computed.")
    lag = int(lag)
    parts = []
    for kpi, shift in ((outcome, 0), (driver, lag)):
        s = pd.to_numeric(wide[kpi], errors="coerce").astype(float)
        z = (s - s.mean()) / (s.std() or 1.0)
        if shift:
            label = f"{kpi}, {unit_text(grain, abs(shift))} {'earlier' if shift > 0 else 'later'}"
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


def _pair(wide: pd.DataFrame, grain: str, driver: str, outcome: str) -> Pair:
    """The driver and outcome prepared as in ``analyze`` (a clear error when they cannot be)."""
    for col in (driver, outcome):
        if col not in wide.columns:
            raise AnalysisError(f"{col!r} is not in the table; pick one of the KPIs computed.")
    try:
        return prepare_pair(
            pd.to_numeric(wide[driver], errors="coerce"),
            pd.to_numeric(wide[outcome], errors="coerce"),
            weekly_cycle=grain == "day",
            alpha=0.05,
        )
    except AnalysisError as err:
        raise AnalysisError(
            f"The impulse response of {kpi_label(outcome)} to {kpi_label(driver)} cannot run: "
            f"{err}."
        ) from err


def _var_response(
    pair: Pair, order: int, periods: int, shock: float | None, driver: str, outcome: str
) -> tuple[pd.DataFrame, float]:
    """The VAR's response of the outcome to a driver shock by step, and the shock's size."""
    from statsmodels.tsa.api import VAR

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
                f"The VAR for {kpi_label(driver)} and {kpi_label(outcome)} could not be fitted; "
                "try a smaller lag order."
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
    return table, size


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
    segment: Segment | str | None = None,
) -> ImpulseResponse:
    """Impulse response of ``outcome`` to a one-off shock in ``driver`` from a two-KPI VAR.

    The pair is prepared as in ``analyze`` (day-of-week removed; detrended or differenced). The
    response is the non-orthogonalised IRF scaled to ``shock`` (default: the standard deviation
    of the driver's VAR residual, a typical surprise) with 95% asymptotic bands (Lütkepohl);
    on differenced data the level response is the cumulative sum. ``segment``: as in
    ``analyze``.

    Returns
    -------
    ImpulseResponse; its ``frame`` has columns ``step, response, ci_low, ci_high, level,
    level_low, level_high``.
    """
    seg = as_segment(segment)
    wide, grain, _ = regular(as_wide(frame, seg))
    pair = _pair(wide, grain, driver, outcome)
    n = len(pair.x)
    order = int(lag_order) if lag_order else select_order(pair.x, pair.y, lag_cap(max_lag, n), ic)
    table, size = _var_response(pair, order, periods, shock, driver, outcome)
    after = table[table["step"] >= 1]
    peak = after.iloc[int(np.argmax(after["level"].abs().to_numpy()))]
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
        grain=grain,
        warnings=tuple(warns),
        segment=seg,
    )
