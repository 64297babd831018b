"""Write the bundled sample files (``sample_data/``) for a seed."""

from __future__ import annotations

import json
from pathlib import Path

from kpi.simulate.generate import simulate


def write_sample(out_dir: Path | str, seed: int = 7) -> list[Path]:
    """Write the sample files: ``contacts.parquet``, ``contacts_excerpt.csv``, ``truth.json``.

    The parquet file (zstd, no index) is byte-identical for the same seed; the CSV excerpt holds
    the first 500 rows with ISO timestamps; ``truth.json`` has sorted keys and indent 2.
    Returns the written paths in that order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frame, truth = simulate(seed)
    parquet = out / "contacts.parquet"
    frame.to_parquet(parquet, engine="pyarrow", compression="zstd", index=False)
    excerpt = out / "contacts_excerpt.csv"
    frame.head(500).to_csv(
        excerpt, index=False, date_format="%Y-%m-%dT%H:%M:%S", lineterminator="\n"
    )
    truth_path = out / "truth.json"
    truth_path.write_text(json.dumps(truth, indent=2, sort_keys=True, allow_nan=False) + "\n")
    return [parquet, excerpt, truth_path]
