"""Shared fixtures: a migrated in-memory store, the catalog and registry, and the real workbooks folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reformdash.catalog import Catalog  # noqa: E402
from reformdash.registry import Registry  # noqa: E402
from reformdash.store import Store  # noqa: E402

REAL = ROOT.parent / "shared" / "data" / "real"


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch, tmp_path):
    """Keep the machine running the tests out of them: no real database, user or limits leak in."""
    for name in ("REFORMDASH_DB", "REFORMDASH_LANG", "REFORMDASH_MAX_UPLOAD_MB", "REFORMDASH_MAX_UNPACKED_MB",
                 "REFORMDASH_LOGIN_REQUIRED", "REFORMDASH_PASSWORD", "REFORMDASH_FOCUS_ENTITY",
                 "REFORMDASH_PPTX_TEMPLATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REFORMDASH_USER", "tester")


@pytest.fixture
def store(tmp_path):
    """A fresh database file with the reference data and no scores."""
    s = Store(tmp_path / "test.duckdb")
    s.migrate()
    yield s
    s.close()


@pytest.fixture(scope="session")
def reference_store(tmp_path_factory):
    """One migrated database for read-only tests."""
    s = Store(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    s.migrate()
    yield s
    s.close()


@pytest.fixture(scope="session")
def catalog(reference_store):
    """The catalog of the reference data."""
    return Catalog.load(reference_store)


@pytest.fixture(scope="session")
def registry(reference_store):
    """The registry of the reference data."""
    return Registry.load(reference_store)


def pytest_report_header(config):
    """Say up front whether the real workbooks are there (their tests skip otherwise)."""
    if REAL.is_dir():
        return f"real workbooks: {REAL}"
    return f"real workbooks: ABSENT at {REAL} — the real-data tests will be skipped"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """Path of a database with the demo data, built once per session (tests that write use their own copy)."""
    from reformdash import service

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store = service.open_store(str(path))
    service.init(store)
    store.close()
    return str(path)
