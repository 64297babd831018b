"""A simulated contact center with planted effects: the bundled sample and the test oracle.

:func:`simulate` returns a canonical interaction table (``kpi.schema`` columns and dtypes, one
row per contact) and a ``truth`` dict describing the effects planted in it, so that every
analysis page can be checked against a known answer. :func:`write_sample` writes the bundled
``sample_data/`` files.

The center
----------
Queues "Billing", "Tech Support", "Sales", "General"; channels phone (majority), chat and email;
40 agents ("A001".."A040") in 5 teams of 8 ("Atlas" -> Billing, "Beacon" and "Comet" -> Tech
Support, "Delta" -> Sales, "Echo" -> General and some Billing overflow). Topics "Password reset"
(~2.5 min), "Billing question" (~6 min), "Technical issue" (~10 min), "Dispute" (~12.5 min),
"Order" (~7 min) and "Other" (~5 min). Phone and chat open 08:00-20:00 on weekdays and 09:00-17:00
at weekends (weekend volume is a third of a weekday's); email arrives around the clock.

Column semantics (what the engine can rely on)
----------------------------------------------
* ``direction``: "inbound" (customer-initiated) or "outbound" (Sales call-outs, and proactive
  outreach with ``proactive`` True). ``proactive`` is False for every other row.
* Inbound phone and chat are queued: exactly one of ``answered`` / ``abandoned`` / ``blocked`` is
  True. ``blocked`` (phone only, on overloaded intervals) never queued: ``wait_seconds`` is NaN.
  ``wait_seconds`` is the queue time: until answer when answered, until hang-up when abandoned.
* Email is never abandoned or blocked (``answered`` True, the other two False); it has no queue
  wait (``wait_seconds`` NaN) but a ``first_response_seconds`` in hours. Chat has
  ``first_response_seconds`` = queue wait + the agent's first reply (answered chats only);
  phone has none (NaN).
* Outbound rows are ``answered`` True (connected calls), never abandoned/blocked, no wait.
* Agent fields (``agent_id``, ``team``, ``engagement``), handling times (``talk_seconds``,
  ``hold_seconds``, ``acw_seconds``, ``handle_seconds`` = talk + hold + ACW, ``idle_seconds``)
  and outcome flags ``transferred``, ``escalated``, ``resolved`` are set for answered rows only
  (NA/NaN otherwise). ``resolved`` is NA for outbound rows. ``hold_seconds`` is 0 for chat and
  email. ``converted`` is set for answered Sales rows only. ``topic`` is set for every row (the
  IVR / web-form reason). ``parent_contact_id`` is NA everywhere (transfers are one row each:
  the ``transferred`` flag, no separate transfer legs).
* Surveys (``csat`` 1-5, ``nps`` 0-10, ``ces`` 1-7 where 7 = most effort) for about a fifth of
  answered inbound contacts, NaN otherwise.
* ``engagement`` is the handling agent's engagement pulse (1-5, one decimal) on that day.
* ``cost``: handle minutes times a per-minute rate by channel (phone 0.90, chat 0.70, email
  0.60) plus 0.02 per minute of phone queueing; 0 for blocked calls.
* Repeat contacts: an unresolved answered contact brings the same ``customer_id`` back within
  1-7 days with probability 0.75 (same queue and topic); abandoned and blocked callers retry
  (minutes to two days later); customers also recur by chance (150,000 customers, skewed).
* Unrecorded drivers: a per-queue-day and per-interval load factor (unforecast volume) drives
  waits, abandonment and blocking; staffing follows the forecast, so access KPIs have no trend.

The planted effects (``truth["effects"]``)
------------------------------------------
Dates are ISO strings; a change is effective from the start of its date ("after" includes it).
Rates are fractions 0-1, durations seconds, CSAT the 1-5 mean of responses.

1. ``ivr`` — a new IVR menu in Billing makes callers more patient, cutting phone abandonment
   roughly in half. Fields: ``id``, ``queue`` ("Billing"), ``channel`` ("phone"), ``date`` (a
   Monday about 60% into the period), ``kpi`` ("abandonment_rate"), ``before``, ``after``
   (realised abandoned / (answered + abandoned) of inbound Billing phone contacts before and from
   the date; blocked excluded), ``effect`` (the expected change caused by the IVR over the
   realised post-period contacts: mean abandonment probability with the IVR minus without it,
   same waits; negative), ``control_queues`` (["Sales", "General"], unchanged), ``description``.
2. ``aht_target`` — an aggressive AHT target in Tech Support (talk and ACW cut ~28%, hold
   untouched): handle time falls ~25%, resolution, CSAT fall, repeats and transfers rise.
   Resolution depends at contact level on whether the time spent covered the time the issue
   needed, and a daily AR(1) "pressure" factor scales Tech Support talk/ACW, so daily AHT and
   daily FCR co-vary. Fields: ``id``, ``queue`` ("Tech Support"), ``date`` (a Monday about 40%
   into the period), ``aht_before_seconds``, ``aht_after_seconds`` (mean ``handle_seconds``),
   ``fcr_before``, ``fcr_after`` (share ``resolved``), ``csat_before``, ``csat_after`` (mean
   ``csat`` of responses), ``transfer_before``, ``transfer_after`` (share ``transferred``), all
   over answered inbound Tech Support contacts before / from the date; ``repeat_before``,
   ``repeat_after``: share of those contacts followed by another contact of the same customer
   (any queue) within ``repeat_window_days`` (7) days, contacts in the last 7 days excluded
   (right-censored); ``description``.
3. ``engagement_leads_csat`` — a centre-wide daily AR(1) latent (``phi`` 0.7) drives the agents'
   daily engagement pulse; CSAT on day t is shifted by ``beta`` * latent(t - 5). Fields: ``id``,
   ``driver`` ("engagement"), ``outcome`` ("csat"), ``lag_days`` (5), ``phi``, ``beta``,
   ``lag_correlation`` and ``contemporaneous_correlation`` (realised Pearson correlations of the
   daily mean engagement of answered contacts with the daily mean CSAT, at lag 5 and lag 0),
   ``description``. Nothing else depends on engagement.
4. ``shared_trend`` — contact volume grows ~25% over the period (more new customers) and mean
   hold time per answered contact grows ~30% (a degrading knowledge base), independently: no
   day-level link. Fields: ``id``, ``kpis`` (["contacts", "hold_time"]), ``note``,
   ``contacts_growth``, ``hold_growth`` (planted growth from the first to the last day, as
   fractions).

``truth`` itself: ``seed``, ``start``, ``end`` (first and last day, ISO), ``days``, ``rows``,
``effects``.

Layout: ``params`` (the center's constants), ``context`` (day-level state and random streams),
``arrivals`` (new contacts and repeat generations), ``process`` (queueing, handling, outcomes,
surveys), ``frame`` (the canonical table), ``truth`` (the planted effects as realised),
``generate`` (:func:`simulate`), ``write`` (:func:`write_sample`).
"""

from __future__ import annotations

from kpi.simulate.generate import simulate
from kpi.simulate.params import CHANNELS, QUEUES, TOPICS
from kpi.simulate.write import write_sample

__all__ = ["QUEUES", "CHANNELS", "TOPICS", "simulate", "write_sample"]
