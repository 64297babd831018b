"""The ``kpi`` console script end to end (installed entry point, real processes)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.cli import SUBCOMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def _kpi(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("kpi", path=str(Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "kpi.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=300, check=False)


def test_help_lists_every_subcommand() -> None:
    out = _kpi("--help")
    assert out.returncode == 0
    assert SUBCOMMANDS == (
        "sample",
        "map",
        "compute",
        "impact",
        "leadlag",
        "staffing",
        "report",
    )
    for name in SUBCOMMANDS:
        assert name in out.stdout


def test_sample_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert _kpi("sample", "--out", str(a), "--seed", "3").returncode == 0
    assert _kpi("sample", "--out", str(b), "--seed", "3").returncode == 0
    names = sorted(p.name for p in a.iterdir())
    assert names == ["contacts.parquet", "contacts_excerpt.csv", "truth.json"]
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    truth = json.loads((a / "truth.json").read_text())
    assert truth["seed"] == 3
    assert {e["id"] for e in truth["effects"]} == {
        "ivr",
        "aht_target",
        "engagement_leads_csat",
        "shared_trend",
    }


def test_compute_on_the_excerpt_writes_the_tidy_table(tmp_path: Path) -> None:
    out = tmp_path / "kpis.csv"
    res = _kpi(
        "compute",
        str(ROOT / "sample_data" / "contacts_excerpt.csv"),
        "--grain",
        "day",
        "--by",
        "queue",
        "--out",
        str(out),
    )
    assert res.returncode == 0, res.stderr
    import pandas as pd

    table = pd.read_csv(out)
    assert list(table.columns[:3]) == ["period", "queue", "kpi"]
    assert {"value", "numerator", "denominator", "ci_low", "ci_high"} <= set(table.columns)
    # Contacts per queue and day equal the excerpt's own row counts (initial contacts only).
    excerpt = pd.read_csv(ROOT / "sample_data" / "contacts_excerpt.csv", parse_dates=["start_time"])
    expected = excerpt.groupby([excerpt["start_time"].dt.date, "queue"]).size()
    got = table[table["kpi"] == "contacts"].set_index(["period", "queue"])["value"]
    assert int(got.sum()) == int(expected.sum())


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("compute", "no_such_file.csv", "--out", "x.csv"), "no_such_file.csv"),
        (
            ("impact", "no_such_file.csv", "--kpi", "fcr", "--change", "2026-03-01"),
            "no_such_file.csv",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(args: tuple[str, ...], fragment: str) -> None:
    res = _kpi(*args)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0], res.stderr


def test_main_returns_2_on_user_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert main(["compute", str(empty), "--out", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "empty" in err and "Traceback" not in err


def test_impact_where_limits_both_arms_to_the_channel_the_change_touched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The planted IVR touched Billing's phone queue only (expected effect -6.43 pts, truth.json):
    # on all channels e-mail and chat dilute the DiD; with --where channel=phone it is recovered.
    truth = json.loads((ROOT / "sample_data" / "truth.json").read_text())
    expected = next(e["effect"] for e in truth["effects"] if e["id"] == "ivr")
    args = ["impact", str(ROOT / "sample_data" / "contacts.parquet"), "--kpi"]
    args += ["abandonment_rate", "--change", "2026-04-27", "--segment", "queue=Billing"]
    args += ["--control", "queue=Sales", "--json"]
    assert main([*args, "--where", "channel=phone"]) == 0
    phone = json.loads(capsys.readouterr().out)
    assert phone["ci_low"] <= expected <= phone["ci_high"]
    assert main(args) == 0
    everything = json.loads(capsys.readouterr().out)
    assert abs(everything["effect"]) < abs(phone["effect"])
    assert main([*args, "--where", "colour=red"]) == 2
    assert "--where names column 'colour'" in capsys.readouterr().err
    assert main([*args, "--where", "queue=Billing"]) == 2
    assert "filters the column that --segment compares" in capsys.readouterr().err


@pytest.fixture(scope="module")
def hive_lake(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three weeks of the sample as one file and as a ``date=``-partitioned folder."""
    import duckdb

    base = tmp_path_factory.mktemp("cli_lake")
    one, folder = base / "three_weeks.parquet", base / "lake"
    sample = ROOT / "sample_data" / "contacts.parquet"
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM '{sample}' WHERE start_time < TIMESTAMP '2026-01-26') TO '{one}'"
    )
    con.execute(
        f"COPY (SELECT *, CAST(start_time AS DATE) AS date FROM '{one}') TO '{folder}' "
        "(FORMAT parquet, PARTITION_BY (date))"
    )
    con.close()
    return one, folder


def test_compute_on_a_hive_lake_equals_the_imported_file(
    hive_lake: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    one, folder = hive_lake
    common = ["--grain", "week", "--by", "channel", "--from", "2026-01-06", "--to", "2026-01-20"]
    assert main(["compute", str(one), *common, "--out", str(tmp_path / "mem.json")]) == 0
    args = ["compute", str(folder), *common, "--memory-limit", "500MB"]
    args += ["--temp-dir", str(tmp_path / "spill"), "--verbose"]
    assert main([*args, "--out", str(tmp_path / "lake.json")]) == 0
    assert "kept 20,924, quarantined 0." in capsys.readouterr().err
    mem = json.loads((tmp_path / "mem.json").read_text())
    lake = json.loads((tmp_path / "lake.json").read_text())
    assert lake["quarantine"]["rows_read"] == 20_924 and "quarantine" not in mem
    a, b = pd.DataFrame(mem["rows"]), pd.DataFrame(lake["rows"])
    assert a["kpi"].nunique() == 26 and len(a) == 210  # 3 weeks x 3 channels, not all apply
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, check_dtype=False)
    assert lake["notes"] == mem["notes"] and lake["unavailable"] == mem["unavailable"]
    # A glob of the same folder, quoted as a shell would pass it, is a lake too.
    glob = str(folder / "date=2026-01-1*" / "*.parquet")
    assert main(["compute", glob, "--kpis", "contacts", "--out", str(tmp_path / "g.csv")]) == 0
    assert pd.read_csv(tmp_path / "g.csv")["period"].str[:10].min() == "2026-01-10"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("compute", "no_lake/*.parquet", "--out", "x.csv"), "No Parquet file matches"),
        (("compute", "EMPTY", "--out", "x.csv"), "No Parquet file under"),
        (
            ("compute", str(ROOT / "sample_data" / "contacts_excerpt.csv"), "--engine", "spark"),
            "is not Parquet: --engine spark",
        ),
        (("compute", "no_such.parquet", "--engine", "duckdb", "--out", "x.csv"), "does not exist"),
    ],
    ids=["glob-matches-nothing", "empty-folder", "spark-on-csv", "missing-file"],
)
def test_bad_lake_paths_are_one_sentence_and_exit_2(
    args: tuple[str, ...], fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "EMPTY").mkdir()
    argv = [str(tmp_path / a) if a in ("EMPTY", "no_lake/*.parquet") else a for a in args]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "x.csv")]
    assert main(argv) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and fragment in err[0], err
