"""Shared fixtures. Tests never reach the network: providers are real local ones or doubles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GUARD = ROOT / "tests" / "guard" / "pt_BR"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def guard_files() -> list[Path]:
    return sorted(GUARD.glob("*.txt"))
