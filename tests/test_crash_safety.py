"""Crash safety: a process importing 100,000 rows is killed (SIGKILL) at random moments of its commit; the database
then opens without repair and holds all of the batch or none of it, and the next import works.

Default: CRASH_ROUNDS_DEFAULT kills, about 30 s on this machine (2 cores). More: REFORMDASH_CRASH_ROUNDS=50.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reformdash.batches import commit
from reformdash.catalog_admin import add_index, add_unit
from reformdash.store import Store

from .conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

CRASH_ROUNDS_DEFAULT = 6
ROWS = 100_000  # the batch that is killed
OLD_ROWS = 20_000  # an earlier batch it partly overwrites, so score_replaced matters
CRITERIA = [f"tc{i:02d}" for i in range(1, 21)]
YEARS = range(2016, 2026)
BIG = "ket_qua_lon.csv"
CHILD_TIMEOUT = 120  # seconds a child may take to reach its commit
SETTLE = 5  # seconds a child that finished its commit goes on holding the file (as the dashboard does)


def results_csv(rows: int, seed: int, step: int = 1) -> bytes:
    """Unit results in the long layout (Chỉ số, Năm, Đơn vị, Tiêu chí, Điểm): keys 0, step, 2·step… of the big
    file's key order (unit, year, criterion)."""
    rng = random.Random(seed)
    lines = ["Chỉ số,Năm,Đơn vị,Tiêu chí,Điểm"]
    for n in range(0, rows * step, step):
        unit, rest = divmod(n, len(YEARS) * len(CRITERIA))
        year, criterion = divmod(rest, len(CRITERIA))
        lines.append(f"CRASH,{YEARS[year]},Đơn vị số {unit + 1},{CRITERIA[criterion]},{rng.uniform(40, 100):.2f}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def import_bytes(store: Store, data: bytes, name: str, create_units: bool = False) -> int | None:
    from reformdash import service
    from reformdash.ingest.importer import ImportOptions

    options = ImportOptions(level="unit", parent="CRASH-P", create_units=create_units)
    return commit(store, service.plan_file(store, data, name, options), "t")


CHILD = """
import sys, time
from pathlib import Path
from reformdash import service
from reformdash.batches import commit
from reformdash.ingest.importer import ImportOptions
store = service.open_store(sys.argv[1])
if sys.argv[3] == "checkpoint":  # the commit's log exceeds the threshold: it checkpoints before returning
    cur = store.cursor(); cur.execute("SET checkpoint_threshold = '1MB'"); cur.close()
data = Path(sys.argv[2]).read_bytes()
plan = service.plan_file(store, data, Path(sys.argv[2]).name, ImportOptions(level="unit", parent="CRASH-P"))
print("COMMIT", flush=True)
t0 = time.perf_counter()
commit(store, plan, "crash")
print(f"DONE {time.perf_counter() - t0:.4f}", flush=True)
time.sleep(float(sys.argv[4]))
"""


def state(path: Path) -> dict:
    """Open the database as it is (no repair step) and read what the checks need."""
    store = Store(path)
    try:
        cur = store.cursor()
        q = lambda sql: cur.execute(sql).fetchone()  # noqa: E731
        batches = cur.execute(f"SELECT id, added, changed FROM batch WHERE file_name = '{BIG}'").fetchall()
        out = {
            "batches": batches,
            "scores": q("SELECT count(*) FROM score")[0],
            "keys": q("SELECT count(*) FROM (SELECT DISTINCT index_code, year, entity_code, component_code "
                      "FROM score)")[0],
            "value_sum": round(q("SELECT sum(value) FROM score")[0], 4),
            "replaced": q("SELECT count(*) FROM score_replaced")[0],
            "replaced_sum": round(q("SELECT coalesce(sum(value), 0) FROM score_replaced")[0], 4),
            "big_rows": q(f"SELECT count(*) FROM score s JOIN batch b ON b.id = s.batch_id "
                          f"WHERE b.file_name = '{BIG}'")[0],
            "data_version": store.data_version(),
        }
        cur.close()
        return out
    finally:
        store.close()


@pytest.fixture(scope="module")
def crash_setup(tmp_path_factory):
    """A base database (the units registered, an earlier batch of OLD_ROWS) and the big file; and the states
    before and after a commit that is not interrupted."""
    folder = tmp_path_factory.mktemp("crash")
    base = folder / "base.duckdb"
    store = Store(base)
    store.migrate()
    add_index(store, "CRASH", "Chỉ số thử sập nguồn", components=[(c, f"Tiêu chí {c}") for c in CRITERIA])
    add_unit(store, "CRASH-P", "Sở thử sập nguồn", "22")
    # every 5th key of the big file, over all its units (registered by this import)
    assert import_bytes(store, results_csv(OLD_ROWS, seed=2, step=ROWS // OLD_ROWS), "ket_qua_cu.csv",
                        create_units=True)
    store.close()
    big = folder / BIG
    big.write_bytes(results_csv(ROWS, seed=1))
    before = state(base)
    whole = folder / "whole.duckdb"
    shutil.copyfile(base, whole)
    child = run_child(whole, big, "plain", settle=0)
    out, _ = child.communicate(timeout=CHILD_TIMEOUT)
    assert child.returncode == 0 and "DONE" in out, out
    after = state(whole)
    assert after["big_rows"] == ROWS and after["replaced"] == OLD_ROWS, after
    assert after["scores"] == before["scores"] + ROWS - OLD_ROWS
    commit_seconds = float(out.split("DONE")[1].split()[0])
    return {"folder": folder, "base": base, "big": big, "before": before, "after": after,
            "commit_seconds": commit_seconds}


def run_child(db: Path, big: Path, mode: str, settle: float = SETTLE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(big), mode, str(settle)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_a_kill_during_the_commit_leaves_all_of_the_batch_or_none(crash_setup, capsys):
    rounds = int(os.environ.get("REFORMDASH_CRASH_ROUNDS", CRASH_ROUNDS_DEFAULT))
    rng = random.Random(os.environ.get("REFORMDASH_CRASH_SEED", "7"))
    before, after = crash_setup["before"], crash_setup["after"]
    span = crash_setup["commit_seconds"]
    tally = {"mid-commit, none kept": 0, "mid-commit, all kept": 0, "after commit": 0}
    rows = []
    reimported = False
    for n in range(rounds):
        db = crash_setup["folder"] / f"round{n}.duckdb"
        shutil.copyfile(crash_setup["base"], db)
        mode = "checkpoint" if n % 2 else "plain"
        child = run_child(db, crash_setup["big"], mode)
        try:
            deadline = time.monotonic() + CHILD_TIMEOUT
            line = ""
            while "COMMIT" not in line:
                line = child.stdout.readline()
                assert line or child.poll() is None, f"child ended before its commit: {child.stdout.read()}"
                assert time.monotonic() < deadline, "child never reached its commit"
            # spread over the commit and a little past it (a commit that returned must also survive a kill)
            delay = span * 1.5 * (n + rng.random()) / rounds
            time.sleep(delay)
            os.kill(child.pid, signal.SIGKILL)
            rest, _ = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        finished = "DONE" in rest
        found = state(db)  # opening it is the "no repair" check: it must just open
        assert found["keys"] == found["scores"], "a key stored twice"
        if found["batches"]:
            assert found == after, (n, delay, found)
            assert found["batches"][0][1:] == (ROWS - OLD_ROWS, OLD_ROWS)
            kept = "all"
        else:
            assert found == before, (n, delay, found)
            assert not finished, "a commit that returned was lost"
            kept = "none"
        tally["after commit" if finished else f"mid-commit, {kept} kept"] += 1
        rows.append(f"round {n:2d} {mode:10s} kill {delay * 1000:6.0f} ms after the marker: "
                    f"{'after commit' if finished else 'mid-commit'}, batch {kept}")
        # the next imports work on the reopened file: the big batch again if it was lost, then 50 rows changed
        store = Store(db)
        try:
            again = not found["batches"] and not reimported  # once is proof enough; it takes seconds
            if again:
                assert import_bytes(store, crash_setup["big"].read_bytes(), BIG)
                reimported = True
            assert import_bytes(store, results_csv(50, seed=3 + n), f"sau_su_co_{n}.csv")
        finally:
            store.close()
        final = state(db)
        new_keys = 50 - len(range(0, 50, ROWS // OLD_ROWS))  # of the 50 rows, those the old batch lacks
        expected = after["scores"] if found["batches"] or again else before["scores"] + new_keys
        assert final["keys"] == final["scores"] == expected
        db.unlink()
    with capsys.disabled():
        print(f"\ncrash safety: {rounds} kills, commit of {ROWS:,} rows takes {span * 1000:.0f} ms uninterrupted")
        for line in rows:
            print("  " + line)
        print("  " + ", ".join(f"{k}: {v}" for k, v in tally.items()))
    assert tally["mid-commit, none kept"] + tally["mid-commit, all kept"] >= 1 or rounds < 3, \
        f"no kill landed inside the commit: {tally}"
