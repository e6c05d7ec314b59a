"""Several processes read one database while one process writes it (issue 15, item 14; docs/scaling.md).

The writer holds the file (DuckDB then lets no other process open it) and publishes a read-only copy after every
write; reader processes open that copy read-only, all at once, and follow each new one without a restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from reformdash import replica, service
from reformdash.batches import commit, revert
from reformdash.ingest.importer import ImportOptions

from .conftest import ROOT
from .test_disk_full import new_year_csv

READER = r"""
import json, sys
from reformdash.replica import ReplicaStore
store = ReplicaStore(sys.argv[1])
for line in sys.stdin:  # one line per question from the test: answer with what this process reads now
    version = store.data_version()
    years = [r[0] for r in store.rows("index_years", index_code="PCI")]
    print(json.dumps({"version": version, "last_year": max(years), "path": store.path}), flush=True)
"""


class Reader:
    """A reader process: asked, it prints the data version and PCI's last year as it reads them now."""

    def __init__(self, db: str):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen([sys.executable, "-c", READER, db], cwd=ROOT, env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self) -> dict:
        self.process.stdin.write("?\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the reader process ended"
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def writer(tmp_path):
    store = service.open_store(str(tmp_path / "reformdash.duckdb"))
    service.init(store)
    publisher = replica.Publisher(store)
    yield store, publisher
    store.close()


def test_readers_in_other_processes_follow_the_writer_without_restart(writer):
    store, publisher = writer
    db = store.path
    opened = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({db!r}, read_only=True)"],
                            capture_output=True, text=True)
    assert opened.returncode != 0 and "lock" in opened.stderr, "the writer's own file is held: readers need copies"
    readers = [Reader(db) for _ in range(3)]
    try:
        first = [r.ask() for r in readers]
        assert {a["last_year"] for a in first} == {2020}  # the demo holds PCI up to 2020
        assert len({a["version"] for a in first}) == 1

        plan = service.plan_file(store, new_year_csv(2021), "PCI 2021.csv", ImportOptions())
        batch_id = commit(store, plan, "tester")
        publisher.flush()  # the commit asked for a snapshot in a thread; the test waits for one here
        after = [r.ask() for r in readers]
        assert {a["last_year"] for a in after} == {2021}, after
        assert {a["version"] for a in after} == {store.data_version()}
        assert len({a["path"] for a in after}) == 1 and after[0]["path"] != first[0]["path"]

        revert(store, batch_id)
        publisher.flush()
        assert {r.ask()["last_year"] for r in readers} == {2020}
    finally:
        for r in readers:
            r.close()
    assert not publisher.errors
    assert len(list(replica.folder(db).glob("*.duckdb"))) <= replica.KEEP_SNAPSHOTS


def test_a_reader_never_writes(writer):
    store, _ = writer
    reader = replica.ReplicaStore(store.path)
    try:
        with pytest.raises(replica.ReadOnly):
            with reader.transaction():
                pass
        with pytest.raises(duckdb.Error):  # and the snapshot itself is opened read-only
            reader.cursor().execute("DELETE FROM score")
    finally:
        reader.close()


def test_snapshots_are_private(writer):
    store, _ = writer
    folder = replica.folder(store.path)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert all(p.stat().st_mode & 0o077 == 0 for p in folder.glob("*.duckdb"))
