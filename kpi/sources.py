"""Server-side data sources for a team deployment: allowed Parquet roots and a Spark master.

An operator names what the app may read, never the user:

* the ``KPI_LAB_SOURCES`` environment variable, a JSON object::

      KPI_LAB_SOURCES='{"parquet_roots": {"contacts": "/data/lake/contacts"},
                        "spark_master": "spark://spark-master:7077", "max_rows": 5000000}'

  (``parquet_roots`` may also be a list of folders, each named after its last part), or
* a ``[kpi_lab_sources]`` table in ``.streamlit/secrets.toml``::

      [kpi_lab_sources]
      spark_master = "local[2]"
      [kpi_lab_sources.parquet_roots]
      contacts = "/data/lake/contacts"

A user picks a root by name and a file, folder or glob inside it; :meth:`Sources.resolve`
resolves symlinks and ``..`` and refuses anything that lands outside the root.
"""

from __future__ import annotations

import glob as _glob
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpi.errors import DataError

__all__ = [
    "DEFAULT_MAX_ROWS",
    "ENV_VAR",
    "PARQUET_SUFFIXES",
    "SECRETS_KEY",
    "ParquetRoot",
    "Sources",
    "load_sources",
]

ENV_VAR = "KPI_LAB_SOURCES"
SECRETS_KEY = "kpi_lab_sources"
#: Rows the app loads from a lake into one session at most (``max_rows`` in the configuration).
DEFAULT_MAX_ROWS = 5_000_000
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True, slots=True)
class ParquetRoot:
    """One folder the app may read Parquet from: a display name and its resolved path."""

    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class Sources:
    """The configured server-side sources (empty when nothing is configured).

    Attributes
    ----------
    roots : the allowed Parquet roots, in configuration order.
    spark_master : a Spark master URL (``local[2]``, ``spark://host:7077``, ``sc://host``) or None.
    origin : where the configuration came from ("KPI_LAB_SOURCES", a secrets file, or "").
    max_rows : the most rows the app loads from a lake into a session (a date range holding
        more is refused: a shorter range, or ``kpi compute PATH`` out of core).
    """

    roots: tuple[ParquetRoot, ...] = ()
    spark_master: str | None = None
    origin: str = ""
    max_rows: int = DEFAULT_MAX_ROWS

    @property
    def configured(self) -> bool:
        """True when at least one root or a Spark master is configured."""
        return bool(self.roots) or self.spark_master is not None

    def root(self, name: str) -> ParquetRoot:
        """The root called ``name`` (DataError when there is none)."""
        for r in self.roots:
            if r.name == name:
                return r
        known = ", ".join(r.name for r in self.roots) or "none configured"
        raise DataError(f"No data source called {name!r}: the server offers {known}.")

    def resolve(self, name: str, relative: str = "") -> list[Path]:
        """The Parquet files or folder that ``relative`` names inside the root ``name``.

        ``relative`` is a file, a folder or a glob relative to the root ("" = the whole root).
        Every match is resolved (symlinks, ``..``) and must lie inside the root, else
        ``DataError``; an absolute path is refused outright.

        Returns
        -------
        The resolved paths: one folder or file, or the files a glob matches (sorted).
        """
        root = self.root(name)
        base = root.path.resolve(strict=False)
        text = relative.strip()
        if Path(text).is_absolute() or text.startswith("~"):
            raise DataError("Name a path inside the data source, not an absolute path.")
        candidate = base / text if text else base
        if _glob.has_magic(text):
            found = [Path(p) for p in sorted(_glob.glob(str(candidate), recursive=True))]
            if not found:
                raise DataError(f"Nothing in {root.name} matches {text!r}.")
        else:
            found = [candidate]
        out = []
        for p in found:
            real = p.resolve(strict=False)
            if not real.is_relative_to(base):
                raise DataError(
                    f"{text!r} leads outside the data source {root.name}: only files inside it "
                    "can be read."
                )
            if not real.exists():
                raise DataError(f"{text!r} does not exist in the data source {root.name}.")
            out.append(real)
        return out

    def files(self, name: str, relative: str = "") -> list[Path]:
        """Every Parquet file ``relative`` names inside the root ``name``, each resolved.

        Folders are walked here (never handed to a reader as a glob, which would follow a
        symlink out of the root): a file or sub-folder that resolves outside the root raises
        ``DataError`` naming it, rather than being read or silently skipped.
        """
        base = self.root(name).path.resolve(strict=False)
        out: list[Path] = []
        for p in self.resolve(name, relative):
            out += _walk(p, base, relative) if p.is_dir() else [p]
        files = [p for p in out if p.suffix.lower() in PARQUET_SUFFIXES]
        if not files:
            raise DataError(f"{relative or name!r} holds no Parquet file.")
        return files

    def datasets(self, name: str, limit: int = 200) -> list[str]:
        """Entries of a root a user can pick: its Parquet files and sub-folders (relative names)."""
        base = self.root(name).path.resolve(strict=False)
        if not base.is_dir():
            return []
        out = []
        for p in sorted(base.iterdir()):
            if p.name.startswith("."):
                continue
            if p.is_dir() or p.suffix.lower() in (".parquet", ".pq"):
                real = p.resolve(strict=False)
                if real.is_relative_to(base):  # a symlink out of the root is not offered
                    out.append(p.name)
            if len(out) >= limit:
                break
        return out


def _walk(folder: Path, base: Path, shown: str) -> list[Path]:
    """Resolved files under ``folder`` (symlinks followed once), each checked inside ``base``."""
    out: list[Path] = []
    seen: set[Path] = set()
    todo = [folder]
    while todo:
        here = todo.pop()
        if here in seen:
            continue
        seen.add(here)
        for p in sorted(here.iterdir()):
            if p.name.startswith("."):
                continue
            real = p.resolve(strict=False)
            if not real.is_relative_to(base):
                rel = p.relative_to(folder) if p.is_relative_to(folder) else p.name
                raise DataError(
                    f"{shown or 'The data source'!s}/{rel} leads outside the data source: only "
                    "files inside it can be read (ask the operator to remove the link)."
                )
            if real.is_dir():
                todo.append(real)
            elif real.is_file():
                out.append(real)
    return sorted(set(out))


def _max_rows(value: Any, origin: str) -> int:
    if value is None:
        return DEFAULT_MAX_ROWS
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DataError(f"{origin}: 'max_rows' must be a positive whole number of rows.")
    return value


def _roots(value: Any, origin: str) -> tuple[ParquetRoot, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list | tuple):
        pairs = [(Path(str(v)).name or str(v), v) for v in value]
    elif isinstance(value, Mapping):
        pairs = list(value.items())
    else:
        raise DataError(f"{origin}: 'parquet_roots' must be a table of name = folder, or a list.")
    out = []
    for name, folder in pairs:
        if not isinstance(folder, str) or not folder.strip():
            raise DataError(f"{origin}: the Parquet root {name!r} must be a folder path.")
        out.append(ParquetRoot(str(name), Path(os.path.expanduser(folder))))
    if len({r.name for r in out}) != len(out):
        raise DataError(f"{origin}: two Parquet roots share a name.")
    return tuple(out)


def _from_mapping(data: Any, origin: str) -> Sources:
    if not isinstance(data, Mapping):
        raise DataError(f"{origin} must be an object with 'parquet_roots' and/or 'spark_master'.")
    unknown = set(data) - {"parquet_roots", "spark_master", "max_rows"}
    if unknown:
        raise DataError(
            f"{origin}: unknown setting(s) {', '.join(sorted(unknown))}; use parquet_roots, "
            "spark_master and max_rows."
        )
    master = data.get("spark_master")
    if master is not None and (not isinstance(master, str) or not master.strip()):
        raise DataError(
            f"{origin}: 'spark_master' must be a URL such as local[2] or spark://host:7077."
        )
    return Sources(
        _roots(data.get("parquet_roots"), origin),
        master,
        origin,
        _max_rows(data.get("max_rows"), origin),
    )


def load_sources(
    env: Mapping[str, str] | None = None,
    secrets: Mapping[str, Any] | None = None,
    secrets_files: tuple[Path, ...] | None = None,
) -> Sources:
    """The server's data sources: ``KPI_LAB_SOURCES`` first, else ``[kpi_lab_sources]`` secrets.

    Parameters
    ----------
    env : environment (default ``os.environ``).
    secrets : an already-loaded secrets mapping (the app passes ``st.secrets``); when None the
        files ``./.streamlit/secrets.toml`` and ``~/.streamlit/secrets.toml`` are read.
    secrets_files : override the secrets files looked at (tests).

    Returns
    -------
    Sources (empty when nothing is configured). A malformed configuration raises ``DataError``.
    """
    env = os.environ if env is None else env
    raw = env.get(ENV_VAR, "").strip()
    if raw:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise DataError(f"{ENV_VAR} is not valid JSON (at character {err.pos}).") from err
        return _from_mapping(data, ENV_VAR)
    if secrets is not None:
        if SECRETS_KEY in secrets:
            return _from_mapping(dict(secrets[SECRETS_KEY]), f"secrets [{SECRETS_KEY}]")
        return Sources()
    files = secrets_files
    if files is None:
        files = (
            Path.cwd() / ".streamlit" / "secrets.toml",
            Path.home() / ".streamlit" / "secrets.toml",
        )
    for f in files:
        if not f.is_file():
            continue
        try:
            data = tomllib.loads(f.read_text())
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise DataError(f"{f} is not valid TOML ({err}).") from err
        if SECRETS_KEY in data:
            return _from_mapping(data[SECRETS_KEY], f"{f} [{SECRETS_KEY}]")
    return Sources()
