"""Balance view: agents (or teams) on an efficiency KPI vs an experience KPI, small samples shrunk."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kpi.analysis.relations.correlation import wcorr
from kpi.analysis.relations.prepare import as_float, kpi_better, kpi_unit
from kpi.analysis.relations.results import BalanceResult
from kpi.analysis.relations.shrink import shrink_mean, shrink_rate
from kpi.analysis.relations.text import entity_words, kpi_name, quadrant_labels
from kpi.errors import AnalysisError

__all__ = ["balance_table"]

_TIDY_COLUMNS = {"period", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"}


def _entity_column(table: Any, tidy: pd.DataFrame, by: str | None) -> str:
    """The column holding the entities: ``by``, the table's single ``by``, or its one extra column."""
    if by is None:
        tb = tuple(getattr(table, "by", ()) or ())
        candidates = list(tb) or [c for c in tidy.columns if c not in _TIDY_COLUMNS]
        if len(candidates) != 1:
            raise AnalysisError("Say which column holds the agents or teams (by=...).")
        by = str(candidates[0])
    if by not in tidy.columns:
        raise AnalysisError(f"The KPI table has no '{by}' column: compute it by '{by}'.")
    return by


def _check(tidy: pd.DataFrame, x: str, y: str, by: str) -> None:
    if x == y:
        raise AnalysisError("Pick two different KPIs.")
    computed = set(tidy["kpi"].astype(str))
    for k in (x, y):
        if k not in computed:
            raise AnalysisError(
                f"KPI '{k}' was not computed per {by}: it may need columns this data lacks."
            )
    if not {"numerator", "denominator"} <= set(tidy.columns):
        raise AnalysisError("The KPI table has no numerators/denominators to weigh agents by.")


def _per_entity(tidy: pd.DataFrame, k: str, by: str) -> pd.DataFrame:
    """One KPI's rows, one per entity (indexed by the entity as text), with a usable value."""
    sub = tidy[(tidy["kpi"].astype(str) == k) & tidy[by].notna()]
    sub = sub.assign(
        value=as_float(sub["value"]),
        numerator=as_float(sub["numerator"]),
        denominator=as_float(sub["denominator"]),
    )
    sub = sub[np.isfinite(sub["value"]) & (sub["denominator"] > 0)]
    sub = sub.set_index(sub[by].astype(str))
    return sub[~sub.index.duplicated()]


def _shrunk(sub: pd.DataFrame, k: str) -> tuple[pd.DataFrame, list[str]]:
    """Shrunk values of one KPI: beta-binomial for rates, none for counts, normal for means."""
    unit = kpi_unit(k)
    is_rate = unit == "rate" or (
        unit is None
        and bool(((sub["numerator"] <= sub["denominator"]) & (sub["numerator"] >= 0)).all())
        and bool(sub["value"].between(0, 1).all())
    )
    if is_rate:
        return shrink_rate(sub), []
    if unit == "count":
        v = sub["value"]
        return pd.DataFrame({"shrunk": v, "low": v, "high": v, "weight_own": 1.0}), []
    return shrink_mean(sub)


def _placed(
    parts: dict[str, pd.DataFrame], keep: list[str], x: str, y: str
) -> tuple[pd.DataFrame, list[str]]:
    """One row per kept entity: volumes, raw and shrunk values with intervals, for x and y."""
    warnings: list[str] = []
    out = pd.DataFrame(index=pd.Index(keep, name="entity"))
    for k, pre in ((x, "x"), (y, "y")):
        sub = parts[k].loc[keep]
        shr, notes = _shrunk(sub, k)
        warnings.extend(notes)
        out[f"n_{pre}"] = sub["denominator"].to_numpy()
        out[f"{pre}_raw"] = sub["value"].to_numpy()
        for c in ("shrunk", "low", "high"):
            out[f"{pre}_{c}"] = shr[c].to_numpy(dtype=float)
        out[f"{pre}_weight_own"] = np.asarray(shr["weight_own"], dtype=float)
    return out, warnings


def _is_better(v: pd.Series, centre: float, kpi: str) -> pd.Series:
    return v <= centre if kpi_better(kpi) == "lower" else v >= centre


def _raw_worst_warning(out: pd.DataFrame, y: str) -> list[str]:
    """A caveat when the entity with the worst raw experience value rests on few contacts."""
    y_raw = out["y_raw"].to_numpy(dtype=float)
    worst = int(np.nanargmin(y_raw) if kpi_better(y) == "higher" else np.nanargmax(y_raw))
    raw_worst = out.iloc[worst]
    if raw_worst["n_y"] >= np.median(out["n_y"]) / 2:
        return []
    return [
        f"{raw_worst['entity']} has the worst raw {kpi_name(y)} on only "
        f"{int(raw_worst['n_y'])} contacts; shrinkage moves it to {raw_worst['y_shrunk']:.3g}."
    ]


def balance_table(
    table: Any,
    x: str = "aht",
    y: str = "fcr",
    *,
    by: str | None = None,
    min_volume: int = 1,
) -> BalanceResult:
    """Place agents (or teams) on an efficiency vs experience plane, small samples shrunk.

    Small-sample agents are pulled toward the centre by empirical Bayes (:mod:`.shrink`), so a
    12-contact agent is not flagged as the worst: rates (unit "rate") with a beta-binomial prior
    fitted by maximum marginal likelihood; means (seconds, scores) with a normal-normal model
    whose between-agent variance is the DerSimonian-Laird estimate and whose within-agent SE
    comes from the engine's interval.

    Parameters
    ----------
    table : ``engine.compute(data, grain="all", by=["agent_id"])`` (a ``KpiTable``) or its tidy
        frame: ``<by>, kpi, value, numerator, denominator[, ci_low, ci_high]``.
    x, y : KPI ids (e.g. "aht" and "fcr", "aht" and "csat", "transfer_rate" and "aht").
    by : the entity column (default: the table's single ``by`` column).
    min_volume : drop entities with a smaller denominator on either KPI.

    Returns
    -------
    BalanceResult
        ``table`` columns: ``entity, n_x, n_y, x_raw, y_raw, x_shrunk, y_shrunk, x_low, x_high,
        y_low, y_high, x_weight_own, y_weight_own, quadrant, clear``.
    """
    tidy = table.frame if hasattr(table, "frame") else table
    if not isinstance(tidy, pd.DataFrame) or not {"kpi", "value"} <= set(tidy.columns):
        raise AnalysisError("Expected a KPI table with 'kpi', 'value', 'numerator', 'denominator'.")
    by = _entity_column(table, tidy, by)
    _check(tidy, x, y, by)
    parts = {k: _per_entity(tidy, k, by) for k in (x, y)}
    cx, cy = (float(parts[k]["numerator"].sum() / parts[k]["denominator"].sum()) for k in (x, y))
    common = parts[x].index.intersection(parts[y].index)
    big = np.ones(len(common), dtype=bool)
    for k in (x, y):
        big &= parts[k]["denominator"].reindex(common).to_numpy(dtype=float) >= min_volume
    keep = [str(e) for e, ok in zip(common, big, strict=True) if ok]
    if len(keep) < 3:
        raise AnalysisError(
            f"Only {len(keep)} {by} values have both {kpi_name(x)} and {kpi_name(y)}: need at least 3."
        )
    out, warnings = _placed(parts, keep, x, y)
    labels = quadrant_labels(x, y)
    gx, gy = _is_better(out["x_shrunk"], cx, x), _is_better(out["y_shrunk"], cy, y)
    out["quadrant"] = [labels[(bool(a), bool(b))] for a, b in zip(gx, gy, strict=True)]
    out["clear"] = ((out["x_low"] > cx) | (out["x_high"] < cx)) & (
        (out["y_low"] > cy) | (out["y_high"] < cy)
    )
    out = out.reset_index()
    w = np.sqrt(out["n_x"].to_numpy(float) * out["n_y"].to_numpy(float))
    r = wcorr(out["x_shrunk"].to_numpy(float), out["y_shrunk"].to_numpy(float), w)
    warnings.extend(_raw_worst_warning(out, y))
    if len(out) < 10:
        warnings.append(f"only {len(out)} {entity_words(by)}: the quadrants are a rough guide")
    return BalanceResult(
        kpi_x=x,
        kpi_y=y,
        by=by,
        x_center=cx,
        y_center=cy,
        n_entities=len(out),
        r=float(r),
        table=out,
        quadrants=labels,
        warnings=tuple(dict.fromkeys(warnings)),
    )
