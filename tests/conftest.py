"""Shared test fixtures: repository paths and the public datasets in ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
ARTIFACTS = Path(os.environ.get("KPI_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (public datasets); tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"public datasets not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder CI keeps (screenshots of browser journeys, exported reports)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
