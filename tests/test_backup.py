"""Backup and restore: every table comes back row for row, also from a file the dashboard holds and writes;
bad backups and occupied destinations are refused with the file named, and nothing changes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from reformdash import auth, backup, goals, service
from reformdash.batches import commit, revert
from reformdash.cli import main
from reformdash.ingest.importer import ImportOptions

from .conftest import ROOT

DEMO = ROOT / "data" / "demo"
HOLD_SECONDS = 20  # upper bound of a child holding the file; it is killed as soon as the test is done


def papi_2020(factor: float = 0.99) -> bytes:
    """The demo's PAPI 2019 rows as a 2020 file (about 1,100 scores), values times factor so they are new."""
    frame = pd.read_csv(DEMO / "papi.csv", dtype=str, keep_default_na=False)
    frame = frame[frame["year"] == "2019"].copy()
    frame["year"] = "2020"
    frame["value"] = [f"{float(v) * factor:.6f}" if v else v for v in frame["value"]]
    return frame.to_csv(index=False).encode("utf-8")


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every table of a database file (from its catalog, so a new table is never forgotten), rows sorted."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                            "ORDER BY table_name").fetchall()]
        content = {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY ALL').fetchall() for n in names}
        content["(sequences)"] = conn.execute("SELECT sequence_name, last_value FROM duckdb_sequences() "
                                              "ORDER BY 1").fetchall()
        return content
    finally:
        conn.close()


def half_written_batches(path: Path) -> list[tuple]:
    """The writer's batches whose score rows are not all there (live) or not all gone (reverted); and more than
    one live batch of the loop, which imports once and reverts before it imports again."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        broken = conn.execute(
            "SELECT b.id, b.added + b.changed, count(s.batch_id) FROM batch b LEFT JOIN score s "
            "ON s.batch_id = b.id WHERE b.user_name = 'writer' GROUP BY ALL "
            "HAVING count(s.batch_id) <> CASE WHEN b.reverted_at IS NULL THEN b.added + b.changed "
            "ELSE 0 END").fetchall()
        live = conn.execute("SELECT count(*) FROM batch WHERE user_name = 'writer' "
                            "AND reverted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    return broken + ([("live batches", live)] if live > 1 else [])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def busy_db(demo_db, tmp_path) -> Path:
    """The demo database plus an import, a revert, goals and accounts: something in every table."""
    path = tmp_path / "live" / "reformdash.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_db, path)
    store = service.open_store(str(path))
    try:
        batch = commit(store, service.plan_file(store, papi_2020(), "papi_2020.csv", ImportOptions()), "an")
        units = (DEMO / "sample_units.csv").read_text(encoding="utf-8").replace("78.38", "79.5")
        changed = commit(store, service.plan_file(store, units.encode(), "units_v2.csv", ImportOptions(
            level="unit", parent="22-SYT", create_units=True)), "binh")
        assert batch and changed
        revert(store, changed)  # score_replaced and reverted_at have rows to compare
        goal = "Chỉ số,Chỉ số thành phần,Đơn vị,Loại mục tiêu,Mục tiêu,Năm gốc,Năm mục tiêu\n" \
               "PAPI,,Đà Nẵng,top,10,,2020\n"
        goals.import_goals(store, goal.encode(), "muc_tieu.csv")
        auth.add_user(store, "quantri", "admin", "mat-khau-rat-dai-1")
        auth.add_user(store, "xem", "viewer", None, email="xem@example.vn")
    finally:
        store.close()
    return path


def test_backup_then_restore_into_a_fresh_folder_gives_back_every_table(busy_db, tmp_path, capsys):
    before = tables(busy_db)
    assert all(before[t] for t in ("score", "score_replaced", "batch", "goal", "app_user", "entity")), \
        "the fixture fills the tables the comparison is about"
    zipped = tmp_path / "sao_luu.zip"
    assert main(["--db", str(busy_db), "backup", str(zipped)]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out
    manifest = json.loads(zipfile.ZipFile(zipped).read("manifest.json"))
    assert manifest["format"] == "reformdash-backup" and manifest["method"] == "file"
    assert manifest["schema_version"] == backup.latest_schema()
    assert manifest["tables"] == {t: len(rows) for t, rows in before.items() if t != "(sequences)"}
    fresh = tmp_path / "may_moi" / "data" / "reformdash.duckdb"
    assert main(["--db", str(fresh), "restore", str(zipped)]) == 0
    after = tables(fresh)
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    # the restored database works: the next batch gets the next id, not one already used
    store = service.open_store(str(fresh))
    try:
        new_id = commit(store, service.plan_file(store, papi_2020(0.98), "papi_2020_v2.csv", ImportOptions()),
                        "an")
        assert new_id == max(r[0] for r in before["batch"]) + 1
    finally:
        store.close()


def test_a_backup_of_the_file_the_dashboard_holds_and_writes_is_consistent(busy_db, tmp_path):
    """A child process holds the database, as `streamlit run` does, and imports and reverts a batch in a loop
    with frequent checkpoints; every backup taken meanwhile holds each batch entirely or not at all."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(busy_db), str(HOLD_SECONDS)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "held", writer.stderr.read()
        assert writer.stdout.readline().strip() == "writing"
        manifests = []
        for n in range(4):
            out = tmp_path / f"b{n}.zip"
            assert main(["--db", str(busy_db), "backup", str(out)]) == 0
            manifests.append(json.loads(zipfile.ZipFile(out).read("manifest.json")))
            restored = tmp_path / f"r{n}" / "db.duckdb"
            assert main(["--db", str(restored), "restore", str(out)]) == 0
            assert half_written_batches(restored) == []
        assert {m["method"] for m in manifests} == {"snapshot"}
        versions = [m["data_version"] for m in manifests]
        assert len(set(versions)) > 1, f"the writer wrote between the backups: {versions}"
    finally:
        writer.kill()
        writer.wait(timeout=10)


WRITER = """
import sys, time
from reformdash import service
from reformdash.batches import commit, revert
from reformdash.ingest.importer import ImportOptions
from tests.test_backup import papi_2020
store = service.open_store(sys.argv[1])
cur = store.cursor()
cur.execute("SET checkpoint_threshold = '64KB'")  # checkpoints often, so backups meet them
cur.close()
data = papi_2020(0.97)  # differs from the fixture's batch, so every commit writes
print("held", flush=True)
deadline = time.monotonic() + float(sys.argv[2])
first = True
while time.monotonic() < deadline:
    batch = commit(store, service.plan_file(store, data, "papi_2020_loop.csv", ImportOptions()), "writer")
    if first:
        print("writing", flush=True)
        first = False
    assert batch
    revert(store, batch)
"""


def test_the_dashboards_own_process_backs_up_while_another_session_writes(busy_db, tmp_path):
    store = service.open_store(str(busy_db))
    stop = threading.Event()
    errors, writes = [], []

    def write():
        data = papi_2020(0.97)
        try:
            while not stop.is_set():
                batch = commit(store, service.plan_file(store, data, "loop.csv", ImportOptions()), "writer")
                revert(store, batch)
                writes.append(batch)
        except Exception as e:  # noqa: BLE001 (reported by the assertion below)
            errors.append(e)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        done = [backup.backup_store(store, tmp_path / f"live{n}.zip") for n in range(3)]
    finally:
        stop.set()
        thread.join(timeout=60)
        store.close()
    assert errors == [] and len(writes) > 1
    assert {d["method"] for d in done} == {"live"}
    for n, d in enumerate(done):
        manifest, db_file = backup.read_backup(d["file"], Path(tmp_path), "vi")
        assert half_written_batches(db_file) == [], n
        db_file.unlink()


# refusing -----------------------------------------------------------------------------------------------------
def damaged_backups(good: Path, folder: Path) -> dict[str, Path]:
    """Files that must never be restored."""
    out = {}
    out["junk.zip"] = folder / "junk.zip"
    out["junk.zip"].write_bytes(b"khong phai tep nen")
    out["database.duckdb"] = folder / "copy.duckdb"  # a bare database is not a backup
    out["foreign.zip"] = folder / "foreign.zip"
    with zipfile.ZipFile(out["foreign.zip"], "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "other-app"}))
        zf.writestr("reformdash.duckdb", b"x")
    out["no_manifest.zip"] = folder / "no_manifest.zip"
    with zipfile.ZipFile(out["no_manifest.zip"], "w") as zf:
        zf.writestr("data.csv", "a,b\n1,2\n")
    data = good.read_bytes()
    out["truncated.zip"] = folder / "truncated.zip"
    out["truncated.zip"].write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        database = bytearray(zf.read("reformdash.duckdb"))
    flipped = bytearray(database)
    flipped[len(flipped) // 2] ^= 0xFF
    out["flipped_byte.zip"] = folder / "flipped_byte.zip"
    with zipfile.ZipFile(out["flipped_byte.zip"], "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("reformdash.duckdb", bytes(flipped))
    newer = dict(manifest, schema_version=backup.latest_schema() + 1)
    out["newer.zip"] = folder / "newer.zip"
    with zipfile.ZipFile(out["newer.zip"], "w") as zf:
        zf.writestr("manifest.json", json.dumps(newer))
        zf.writestr("reformdash.duckdb", bytes(database))
    lying = dict(manifest, tables=dict(manifest["tables"], score=manifest["tables"]["score"] + 1))
    out["wrong_counts.zip"] = folder / "wrong_counts.zip"
    with zipfile.ZipFile(out["wrong_counts.zip"], "w") as zf:
        zf.writestr("manifest.json", json.dumps(lying))
        zf.writestr("reformdash.duckdb", bytes(database))
    return out


def test_bad_backups_are_refused_naming_the_file_and_nothing_changes(busy_db, tmp_path, capsys):
    good = tmp_path / "good.zip"
    assert main(["--db", str(busy_db), "backup", str(good)]) == 0
    shutil.copyfile(busy_db, tmp_path / "copy.duckdb")
    target = tmp_path / "target" / "reformdash.duckdb"
    target.parent.mkdir()
    shutil.copyfile(busy_db, target)
    before = sha(target)
    listing = sorted(p.name for p in target.parent.iterdir())
    capsys.readouterr()
    for name, bad in damaged_backups(good, tmp_path).items():
        assert main(["--db", str(target), "restore", str(bad), "--force"]) == 2, name
        err = capsys.readouterr().err
        assert bad.name in err and "Tệp sao lưu bị từ chối" in err, (name, err)
        assert ("không phải là tệp sao lưu" in err) or ("bị hỏng" in err) or ("phiên bản mới hơn" in err), err
        assert sha(target) == before and sorted(p.name for p in target.parent.iterdir()) == listing, name
    assert main(["--lang", "en", "--db", str(target), "restore", str(tmp_path / "junk.zip"), "--force"]) == 2
    assert "is not a reformdash backup" in capsys.readouterr().err


def test_restore_never_overwrites_silently_and_keeps_the_old_file(busy_db, demo_db, tmp_path, capsys):
    zipped = tmp_path / "b.zip"
    assert main(["--db", str(busy_db), "backup", str(zipped)]) == 0
    assert main(["--db", str(busy_db), "backup", str(zipped)]) == 2, "an existing backup is not overwritten"
    target = tmp_path / "t" / "reformdash.duckdb"
    target.parent.mkdir()
    shutil.copyfile(demo_db, target)
    old = sha(target)
    capsys.readouterr()
    assert main(["--db", str(target), "restore", str(zipped)]) == 2
    assert "--force" in capsys.readouterr().err and sha(target) == old
    # the dashboard holds the target: refused, unchanged
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(target), str(HOLD_SECONDS)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["--db", str(target), "restore", str(zipped), "--force"]) == 1
        assert "đang được chương trình khác mở" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert sha(target) == old and not Path(f"{target}.bak").exists()
    assert main(["--db", str(target), "restore", str(zipped), "--force"]) == 0
    assert "được giữ ở" in capsys.readouterr().out
    assert sha(Path(f"{target}.bak")) == old
    assert tables(target) == tables(busy_db)
    assert main(["--db", str(target), "restore", str(zipped), "--force"]) == 0  # a second .bak does not clobber
    assert len(list(target.parent.glob("*.bak"))) == 2


HOLDER = """
import sys, time
from reformdash.store import Store
store = Store(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_the_cli_backs_up_a_file_this_same_process_holds_open(busy_db, tmp_path):
    """A store open in this process (DuckDB: 'already attached') is snapshotted, not a traceback (seen in CI)."""
    store = service.open_store(str(busy_db))
    try:
        assert main(["--db", str(busy_db), "backup", str(tmp_path / "held.zip")]) == 0
    finally:
        store.close()
    restored = tmp_path / "restored" / "reformdash.duckdb"
    assert main(["--db", str(restored), "restore", str(tmp_path / "held.zip")]) == 0
    assert tables(restored) == tables(Path(busy_db))
