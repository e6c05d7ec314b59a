"""The importer pauses the cyclic garbage collector while it reads a file, and always lets it run again."""

from __future__ import annotations

import gc
import threading

import pytest

from reformdash.errors import ImportRejected
from reformdash.ingest import collector, importer
from reformdash.ingest.importer import ImportOptions


def test_the_collector_is_paused_while_a_file_is_read_and_runs_again_after(monkeypatch, catalog_registry):
    seen = []
    real = importer.read_workbook
    monkeypatch.setattr(importer, "read_workbook", lambda *a: seen.append(gc.isenabled()) or real(*a))
    assert gc.isenabled()
    importer.inspect_file("Tỉnh,Điểm PCI\nQuảng Ninh,70\n".encode(), "a.csv", *catalog_registry,
                          ImportOptions(index="PCI", year=2020))
    assert seen == [False] and gc.isenabled()


def test_a_refused_file_lets_the_collector_run_again(catalog_registry):
    with pytest.raises(ImportRejected):
        importer.analyse(b"", "empty.csv", *catalog_registry)
    assert gc.isenabled()


def test_overlapping_imports_share_one_pause_and_a_collector_paused_before_stays_paused():
    inside, leave = threading.Event(), threading.Event()

    @collector.paused
    def slow():
        inside.set()
        leave.wait(5)

    other = threading.Thread(target=slow)
    other.start()
    inside.wait(5)
    collector.paused(lambda: None)()  # a second import ends first: the first one is still running
    assert not gc.isenabled()
    leave.set()
    other.join()
    assert gc.isenabled()
    gc.disable()
    try:
        collector.paused(lambda: None)()
        assert not gc.isenabled()  # the process had it off: the import does not turn it on
    finally:
        gc.enable()


@pytest.fixture
def catalog_registry(tmp_path):
    from reformdash.catalog import Catalog
    from reformdash.registry import Registry
    from reformdash.store import Store

    store = Store(tmp_path / "c.duckdb")
    store.migrate()
    yield Catalog.load(store), Registry.load(store)
    store.close()
