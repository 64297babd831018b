"""Money: cost per contact and the cost of repeat contacts, so FCR can be read in money."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kpi.analysis.overview._common import frame_of
from kpi.format import fmt_count, fmt_money

__all__ = ["MoneyResult", "money"]


@dataclass(frozen=True, slots=True)
class MoneyResult:
    """Cost per contact and the cost of repeat contacts.

    Attributes
    ----------
    cost_per_contact : cost of one contact (currency units).
    basis : "data" (the data's ``cost`` column), "per_minute" (AHT x cost per handled minute)
        or "per_contact" (entered by the user); "" when no cost is known.
    contacts : contacts in the period.
    total_cost : cost_per_contact x contacts.
    repeats : repeat contacts (the repeat-contact KPI's numerator, or unresolved first contacts).
    repeat_cost : repeats x cost_per_contact.
    fcr : first-contact resolution (fraction) or NaN.
    first_contacts : FCR's denominator or NaN.
    cost_per_fcr_point : money saved per year-period by one more point of FCR (1% of first
        contacts not coming back) — the translation of FCR into money.
    currency : the currency symbol or code the amounts are in ("€", "USD"; "" = none given).
    warnings : approximations made.

    ``summary`` is the plain-language sentence, produced from the numbers when asked.
    """

    cost_per_contact: float
    basis: str
    contacts: float
    total_cost: float
    repeats: float
    repeat_cost: float
    fcr: float
    first_contacts: float
    cost_per_fcr_point: float
    currency: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """What a contact and the repeats cost, and what a point of FCR is worth."""
        if not self.basis:
            return "Enter a cost per handled minute or per contact to translate repeats into money."
        cur = self.currency
        text = (
            f"A contact costs about {fmt_money(self.cost_per_contact, cur)}; the "
            f"{fmt_count(self.repeats)} repeat contacts cost {fmt_money(self.repeat_cost, cur, 0)}"
        )
        if math.isnan(self.cost_per_fcr_point):
            return text + "."
        return (
            f"{text}, and each point of FCR is worth about "
            f"{fmt_money(self.cost_per_fcr_point, cur, 0)} over this period."
        )

    def to_frame(self) -> pd.DataFrame:
        """``item, value`` rows for a table or an export."""
        items = [
            ("cost_per_contact", self.cost_per_contact),
            ("contacts", self.contacts),
            ("total_cost", self.total_cost),
            ("repeats", self.repeats),
            ("repeat_cost", self.repeat_cost),
            ("fcr", self.fcr),
            ("cost_per_fcr_point", self.cost_per_fcr_point),
        ]
        return pd.DataFrame(items, columns=["item", "value"])


def _row(frame: pd.DataFrame, kpi: str) -> pd.Series | None:
    rows = frame.loc[frame["kpi"] == kpi]
    if rows.empty or rows["value"].isna().all():
        return None
    return rows.iloc[-1]


def money(
    table: Any,
    *,
    cost_per_minute: float | None = None,
    cost_per_contact: float | None = None,
    currency: str = "",
) -> MoneyResult:
    """Cost per contact and what repeat contacts cost, so FCR can be read in money.

    The data's ``cost`` column wins when present (the ``cost_per_contact`` KPI); otherwise
    ``cost_per_minute`` x AHT, otherwise the entered ``cost_per_contact``.

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with grain "all" and no segments, holding ``contacts``
        and where available ``cost_per_contact``, ``aht``, ``repeat_contact_rate``, ``fcr``.
    cost_per_minute : cost of one handled minute (used when the data has no cost column).
    cost_per_contact : cost of one contact (used when neither of the above is available).
    currency : a symbol or code for the sentence ("€", "USD").

    Returns
    -------
    MoneyResult
        The repeat cost is repeats x cost per contact ("cost of poor FCR", KPI_REFERENCE.md).
    """
    frame = frame_of(table)
    warnings: list[str] = []
    contacts_row = _row(frame, "contacts")
    contacts = float(contacts_row["value"]) if contacts_row is not None else float("nan")
    cpc, basis = float("nan"), ""
    data_cost = _row(frame, "cost_per_contact")
    aht = _row(frame, "aht")
    if data_cost is not None:
        cpc, basis = float(data_cost["value"]), "data"
    elif cost_per_minute is not None and cost_per_minute > 0 and aht is not None:
        cpc, basis = float(aht["value"]) / 60.0 * cost_per_minute, "per_minute"
        warnings.append(
            "Cost per contact = AHT x cost per handled minute: queue time, IVR and overheads "
            "are not included."
        )
    elif cost_per_contact is not None and cost_per_contact > 0:
        cpc, basis = float(cost_per_contact), "per_contact"
    fcr_row = _row(frame, "fcr")
    fcr = float(fcr_row["value"]) if fcr_row is not None else float("nan")
    first = float(fcr_row["denominator"]) if fcr_row is not None else float("nan")
    rep = _row(frame, "repeat_contact_rate")
    if rep is not None and not math.isnan(float(rep["numerator"])):
        repeats = float(rep["numerator"])
    elif fcr_row is not None:
        repeats = float(fcr_row["denominator"] - fcr_row["numerator"])
        warnings.append(
            "Repeat contacts estimated as unresolved first contacts (no repeat-contact data)."
        )
    else:
        repeats = float("nan")
    total = cpc * contacts
    repeat_cost = cpc * repeats
    per_point = 0.01 * first * cpc
    return MoneyResult(
        cost_per_contact=cpc,
        basis=basis,
        contacts=contacts,
        total_cost=total,
        repeats=repeats,
        repeat_cost=repeat_cost,
        fcr=fcr,
        first_contacts=first,
        cost_per_fcr_point=per_point,
        currency=currency,
        warnings=tuple(warnings),
    )
