"""The KPI registry and settings: every KPI documented, formatted and gated on its columns."""

from __future__ import annotations

import json

import pytest

from kpi.errors import AnalysisError
from kpi.metrics import (
    KPIS,
    SL_VARIANTS,
    Settings,
    available_kpis,
    better,
    derived_columns,
    kpi_sql,
)
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS

REQUIRED_IDS = {
    "contacts",
    "fcr",
    "repeat_contact_rate",
    "aht",
    "talk_time",
    "hold_time",
    "acw_time",
    "asa",
    "service_level",
    "abandonment_rate",
    "short_abandon_rate",
    "transfer_rate",
    "escalation_rate",
    "blocked_rate",
    "csat",
    "csat_top2",
    "nps",
    "ces",
    "frt",
    "occupancy",
    "cost_per_contact",
    "conversion_rate",
    "proactive_ratio",
    "engagement",
}
ALL_INTERACTION = [c.name for c in INTERACTION_COLUMNS]


def test_registry_has_every_required_kpi_and_each_is_documented():
    assert set(KPIS) >= REQUIRED_IDS
    canonical = set(ALL_INTERACTION)
    for kid, k in KPIS.items():
        assert k.id == kid
        assert k.unit in ("count", "seconds", "rate", "score", "nps", "currency")
        assert k.better in ("higher", "lower")
        assert k.category in ("experience", "access", "efficiency", "workforce", "business")
        assert k.role in ("leading", "lagging", "bridging")
        assert len(k.definition) > 30 and k.formula and k.numerator and k.denominator
        assert "÷" in k.formula or k.stat in ("count", "nps", "quantile")
        assert set(k.columns) <= canonical, kid
        for group in k.any_of:
            assert set(group) <= canonical
        if k.benchmark is not None:
            assert k.benchmark[0] <= k.benchmark[1]


def test_roles_follow_the_reference():
    # KPI_REFERENCE.md: FCR bridging; CSAT/NPS/CES/cost lagging; access/efficiency leading.
    assert KPIS["fcr"].role == "bridging"
    assert {KPIS[k].role for k in ("csat", "csat_top2", "nps", "ces", "cost_per_contact")} == {
        "lagging"
    }
    assert {KPIS[k].role for k in ("asa", "service_level", "abandonment_rate", "aht")} == {
        "leading"
    }


def test_default_targets_from_the_reference():
    assert KPIS["fcr"].target == 0.75
    assert KPIS["abandonment_rate"].target == 0.05
    assert KPIS["service_level"].target == 0.80
    assert KPIS["csat"].target == 4.2
    assert KPIS["csat_top2"].target == 0.85
    assert KPIS["asa"].target == 20.0
    assert KPIS["occupancy"].benchmark == (0.80, 0.85)


@pytest.mark.parametrize(
    ("kpi", "value", "text"),
    [
        ("fcr", 0.75, "75.0%"),
        ("nps", 40.0, "+40"),
        ("nps", -12.4, "-12"),
        ("aht", 270.0, "4.5 min"),
        ("asa", 5.0, "5.0 s"),
        ("contacts", 12345.0, "12,345"),
        ("csat", 4.2, "4.20"),
        # KpiDef.format delegates to kpi.format (the one formatter, #17): money carries its
        # currency, a duration keeps its KPI's one display unit (AHT in minutes), missing = n/a.
        ("cost_per_contact", 3.456, "€3.46"),
        ("aht", 4 * 3600.0, "240.0 min"),
        ("resolution_time", 4 * 3600.0, "4.0 h"),
        ("fcr", float("nan"), "n/a"),
        ("fcr", None, "n/a"),
    ],
)
def test_format(kpi, value, text):
    assert KPIS[kpi].format(value) == text


def test_settings_round_trip_and_describe():
    s = Settings(sl_threshold_seconds=30, sl_variant="abandons_positive", fcr_method="repeat")
    d = s.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert Settings.from_dict(d) == s
    assert Settings.from_dict(None) == Settings()
    text = s.describe()
    assert "30 s" in text and "abandons positive" in text and "repeat within 7 days" in text
    assert "abandons negative" in Settings().describe()
    assert set(SL_VARIANTS) == {
        "answered_only",
        "abandons_negative",
        "abandons_ignored",
        "abandons_positive",
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"sl_variant": "cisco"},
        {"fcr_method": "magic"},
        {"sl_threshold_seconds": -1},
        {"fcr_window_days": 0},
        {"unknown_setting": 1},
        {"sl_threshold_seconds": float("nan")},
    ],
)
def test_invalid_settings_raise_one_sentence(bad):
    with pytest.raises(AnalysisError) as err:
        Settings.from_dict(bad)
    assert str(err.value).endswith(".")


def test_csat_method_and_ces_direction():
    assert Settings().csat_kpi == "csat_top2"
    assert Settings(csat_method="mean").csat_kpi == "csat"
    assert better("ces") == "lower"
    assert better("ces", Settings(ces_higher_is_better=True)) == "higher"
    assert better("fcr") == "higher"


def test_available_kpis_names_missing_columns():
    full = available_kpis(ALL_INTERACTION, "interactions")
    assert all(v == () for v in full.values())
    cols = [c for c in ALL_INTERACTION if c not in ("csat", "talk_seconds", "handle_seconds")]
    av = available_kpis(cols, "interactions")
    assert av["csat"] == ("csat",) and av["csat_top2"] == ("csat",)
    assert av["aht"] == ("handle_seconds|talk_seconds",)
    assert av["fcr"] == ()
    # The FCR method decides which column FCR needs.
    no_flag = [c for c in ALL_INTERACTION if c != "resolved"]
    assert available_kpis(no_flag, "interactions")["fcr"] == ("resolved",)
    assert available_kpis(no_flag, "interactions", Settings(fcr_method="repeat"))["fcr"] == ()
    minimal = available_kpis(["contact_id", "start_time"], "interactions")
    assert minimal["contacts"] == ()
    assert minimal["asa"] == ("wait_seconds", "answered")


def test_available_kpis_for_daily_tables():
    cols = [c.name for c in AGGREGATE_COLUMNS]
    av = available_kpis(cols, "aggregated")
    for k in ("contacts", "asa", "aht", "service_level", "abandonment_rate", "fcr", "csat"):
        assert av[k] == (), k
    assert av["ces"] == ("contact-level data",)
    assert av["nps"] == av["csat_top2"] == ()  # summary columns of their own
    assert available_kpis(["date", "offered", "answered"], "aggregated")["asa"] == ("asa_seconds",)


def test_kpi_sql_depends_on_settings_and_columns():
    neg = kpi_sql("service_level", ALL_INTERACTION, Settings())
    ans = kpi_sql("service_level", ALL_INTERACTION, Settings(sl_variant="answered_only"))
    assert neg.aggs["den"] != ans.aggs["den"] and "_within" in neg.aggs["num"]
    assert (
        "wait_seconds <= 30.0"
        in derived_columns(ALL_INTERACTION, Settings(sl_threshold_seconds=30))["_within"]
    )
    handle = derived_columns(["start_time", "talk_seconds", "hold_seconds"], Settings())["_handle"]
    assert "acw_seconds" not in handle and "hold_seconds" in handle
    assert derived_columns(["start_time"], Settings())["_inbound"] == "TRUE"
    assert set(kpi_sql("aht", ALL_INTERACTION, Settings()).aggs) == {"num", "den", "ss"}


def test_action_triggers_from_the_reference():
    # KPI_REFERENCE.md: CSAT below 4.0, FCR below 70%, abandonment above 8%, NPS down 10+.
    assert KPIS["csat"].trigger == 4.0 and KPIS["csat"].better == "higher"
    assert KPIS["fcr"].trigger == 0.70
    assert KPIS["abandonment_rate"].trigger == 0.08 and KPIS["abandonment_rate"].better == "lower"
    assert KPIS["nps"].trigger is None and KPIS["nps"].trigger_change == 10.0
    with_trigger = {k for k, d in KPIS.items() if d.trigger is not None}
    assert with_trigger == {"csat", "fcr", "abandonment_rate"}


def test_summary_sql_is_typed():
    from kpi.metrics import KpiSql, Unavailable, aggregated_sql

    ces = aggregated_sql("ces", ["date", "offered"], Settings())
    assert isinstance(ces, Unavailable) and ces.needs_contacts and "contact-level" in ces.reason
    nps = aggregated_sql("nps", ["date", "offered"], Settings())
    assert isinstance(nps, Unavailable) and nps.missing == ("nps",)
    asa = aggregated_sql("asa", ["date", "offered"], Settings())
    assert isinstance(asa, Unavailable) and asa.missing == ("asa_seconds",)
    ok = aggregated_sql("asa", ["date", "asa_seconds", "answered"], Settings())
    assert isinstance(ok, KpiSql) and set(ok.aggs) == {"num", "den", "excl"}


def test_required_columns_follow_the_settings():
    assert KPIS["fcr"].required(Settings()) == ("resolved",)
    assert KPIS["fcr"].required(Settings(fcr_method="repeat")) == ("customer_id",)
    assert KPIS["aht"].required(Settings()) == ("handle_seconds|talk_seconds",)
    assert KPIS["fcr"].engine_pass(Settings(fcr_method="repeat")) == "window"
    assert KPIS["backlog"].engine_pass(Settings()) == "stock"
