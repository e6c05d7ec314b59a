"""Hostile backups (issue 15, hole 3): each is made from a real backup of the program, then altered as an attacker
would, with a manifest that tells the truth about it; `restore` refuses every one (exit 2, the object or member
named) and the database it would have replaced stays byte for byte what it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import duckdb
import pytest

from reformdash.cli import main

from .conftest import ROOT

ZEROS = bytes(1 << 20)
BOMB_MB = 300  # unpacked size of the bombs; the restoring process may write at most FILE_LIMIT_MB to any file
FILE_LIMIT_MB = 32


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def good(demo_db, tmp_path_factory) -> Path:
    """A backup the program made of the demo database."""
    zipped = tmp_path_factory.mktemp("good") / "good.zip"
    assert main(["--db", demo_db, "backup", str(zipped)]) == 0
    return zipped


@pytest.fixture
def target(demo_db, tmp_path) -> Path:
    """The database a restore would replace."""
    path = tmp_path / "dich" / "reformdash.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_db, path)
    return path


def snapshot(target: Path) -> tuple[str, list[str]]:
    """What must not change: the database's bytes and its folder's listing (no .bak, no unpacked leftovers)."""
    return sha(target), sorted(p.name for p in target.parent.iterdir())


def refused(target: Path, backup: Path, capsys, *named: str) -> str:
    """Restore with --force through the CLI: exit 2, every name in the message, the database untouched."""
    before = snapshot(target)
    capsys.readouterr()
    assert main(["--db", str(target), "restore", str(backup), "--force"]) == 2
    err = capsys.readouterr().err
    assert "Tệp sao lưu" in err and backup.name in err, err
    for name in named:
        assert name in err, (name, err)
    assert "Traceback" not in err
    assert snapshot(target) == before
    return err


def unpack(good: Path, folder: Path) -> tuple[dict, Path]:
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        db = folder / "reformdash.duckdb"
        db.write_bytes(zf.read("reformdash.duckdb"))
    return manifest, db


def honest_manifest(manifest: dict, db: Path) -> dict:
    """The manifest an attacker writes for an altered database: every figure restore checks, true."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                            ).fetchall()]
        tables = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608
    finally:
        conn.close()
    return dict(manifest, tables=tables, database_bytes=db.stat().st_size, database_sha256=sha(db))


def write_zip(path: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": the duplicate is the point
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return path


def altered(good: Path, folder: Path, sql: str, name: str) -> Path:
    """The good backup with `sql` run on its database, and a manifest that matches the result."""
    work = folder / name
    work.mkdir()
    manifest, db = unpack(good, work)
    conn = duckdb.connect(str(db))
    conn.execute(sql)
    conn.close()
    assert not Path(f"{db}.wal").exists()
    return write_zip(folder / f"{name}.zip", [("manifest.json", json.dumps(honest_manifest(manifest, db))),
                                              ("reformdash.duckdb", db.read_bytes())])


# the catalog ---------------------------------------------------------------------------------------------------
PASSWD_VIEW = """
DROP TABLE index_def;
CREATE VIEW index_def AS SELECT 'PCI' AS code, content AS name_vi, content AS name_en, 'điểm' AS unit,
    0.0 AS scale_min, 100.0 AS scale_max, true AS higher_is_better, NULL AS publisher, 'province' AS entity_kind,
    2005 AS first_year, '' AS aliases, 'reference' AS source FROM read_text('/etc/passwd');
"""


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs a server file to read")
def test_a_view_that_reads_a_server_file_in_place_of_a_table_is_refused(good, target, tmp_path, capsys):
    hostile = altered(good, tmp_path, PASSWD_VIEW, "passwd_view")
    with zipfile.ZipFile(hostile) as zf:  # the payload is real: opened as the dashboard opens a file, it leaks
        (tmp_path / "probe.duckdb").write_bytes(zf.read("reformdash.duckdb"))
    conn = duckdb.connect(str(tmp_path / "probe.duckdb"), read_only=True)
    assert "root:" in conn.execute("SELECT name_vi FROM index_def").fetchone()[0]
    conn.close()
    err = refused(target, hostile, capsys, "index_def", "khung nhìn (VIEW)")
    assert "không đúng lược đồ" in err and "root:" not in err


HOSTILE_SQL = {
    "extra_schema": ("CREATE SCHEMA khac; CREATE TABLE khac.bang (x INTEGER)", "khac"),
    "empty_schema": ("CREATE SCHEMA rong", "rong"),
    "table_macro": ("CREATE MACRO doc_tep(p) AS TABLE SELECT * FROM read_text(p)", "doc_tep"),
    "scalar_macro": ("CREATE MACRO cong(a, b) AS a + b", "cong"),
    "extra_view": ("CREATE VIEW xem_tep AS SELECT 1 AS x", "xem_tep"),
    "sequence": ("CREATE SEQUENCE seq_la START 7", "seq_la"),
    "changed_sequence": ("DROP SEQUENCE goal_id_seq CASCADE; CREATE SEQUENCE goal_id_seq INCREMENT BY -1 "
                         "MINVALUE -1000 START -1", "goal_id_seq"),
    "user_type": ("CREATE TYPE tam_trang AS ENUM ('vui', 'buon')", "tam_trang"),
    "extra_column": ("ALTER TABLE app_user ADD COLUMN ghi_chu VARCHAR DEFAULT 'x'", "ghi_chu"),
    "retyped_column": ("ALTER TABLE entity ALTER COLUMN region TYPE INTEGER USING 0", "entity.region"),
    "changed_default": ("ALTER TABLE batch ALTER COLUMN user_name SET DEFAULT current_setting('home_directory')",
                        "batch.user_name"),
    "extra_table": ("CREATE TABLE bang_la AS SELECT 1 AS x", "bang_la"),
    "missing_table": ("DROP TABLE registry_change", "registry_change"),
    "extra_index": ("CREATE INDEX chi_muc ON entity (region)", "chi_muc"),
}


@pytest.mark.parametrize("name", HOSTILE_SQL)
def test_objects_the_migrations_do_not_build_are_refused_by_name(name, good, target, tmp_path, capsys):
    sql, named = HOSTILE_SQL[name]
    err = refused(target, altered(good, tmp_path, sql, name), capsys, named)
    assert "không đúng lược đồ" in err


@pytest.mark.parametrize("key, value", [("schema", "x"), ("data_version", "1e999"), ("schema", "3")])
def test_a_meta_value_that_is_not_the_manifests_is_refused(key, value, good, target, tmp_path, capsys):
    hostile = altered(good, tmp_path, f"UPDATE meta SET value = '{value}' WHERE key = '{key}'", "meta")
    refused(target, hostile, capsys, "bị hỏng")


def test_the_english_message_names_the_object_too(good, target, tmp_path, capsys):
    hostile = altered(good, tmp_path, "CREATE MACRO doc_tep(p) AS TABLE SELECT * FROM read_text(p)", "macro_en")
    capsys.readouterr()
    assert main(["--lang", "en", "--db", str(target), "restore", str(hostile), "--force"]) == 2
    err = capsys.readouterr().err
    assert "function/macro 'main.doc_tep' (extra)" in err and "not the program's schema" in err


def downgrade(conn, version: int) -> None:
    """Make a database look as migrations 1…version left it: drop every table, view, sequence and column added later."""
    from reformdash.store import MIGRATIONS

    ref = duckdb.connect()
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if int(path.name.split("_", 1)[0]) <= version:
            ref.execute(path.read_text(encoding="utf-8"))
    columns = "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
    tables = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
    keep_tables = {r[0] for r in ref.execute(tables).fetchall()}
    keep_columns = set(ref.execute(columns).fetchall())
    keep_sequences = {r[0] for r in ref.execute("SELECT sequence_name FROM duckdb_sequences()").fetchall()}
    ref.close()
    for (view,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
        conn.execute(f'DROP VIEW "{view}"')
    for (table,) in conn.execute(tables).fetchall():
        if table not in keep_tables:
            conn.execute(f'DROP TABLE "{table}"')
    for table, column in conn.execute(columns).fetchall():
        if table in keep_tables and (table, column) not in keep_columns:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    for (sequence,) in conn.execute("SELECT sequence_name FROM duckdb_sequences()").fetchall():
        if sequence not in keep_sequences:
            conn.execute(f'DROP SEQUENCE "{sequence}"')
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", [str(version)])


def test_a_backup_of_an_older_schema_is_compared_with_that_schema_and_restored(good, tmp_path, capsys):
    """A backup made before migration 0004 has no registry_change table; it is restored (and migrated on open)."""
    manifest, db = unpack(good, tmp_path)
    conn = duckdb.connect(str(db))
    downgrade(conn, 3)
    conn.close()
    old = write_zip(tmp_path / "schema3.zip", [
        ("manifest.json", json.dumps(dict(honest_manifest(manifest, db), schema_version=3))),
        ("reformdash.duckdb", db.read_bytes())])
    fresh = tmp_path / "moi" / "reformdash.duckdb"
    assert main(["--db", str(fresh), "restore", str(old)]) == 0, capsys.readouterr().err
    # the same file claiming schema 4, whose migration adds registry_change: a table short (claiming the newest
    # schema would name every later table first, and the message names only the first few)
    bad = write_zip(tmp_path / "schema3_claims_4.zip", [
        ("manifest.json", json.dumps(dict(honest_manifest(manifest, db), schema_version=4))),
        ("reformdash.duckdb", db.read_bytes())])
    target = tmp_path / "t" / "reformdash.duckdb"
    target.parent.mkdir()
    shutil.copyfile(fresh, target)
    refused(target, bad, capsys, "registry_change")


# the manifest --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("field, value", [
    ("format_version", "1"), ("format_version", 1.0), ("format_version", True), ("format_version", -1),
    ("format_version", None), ("format_version", [1]), ("schema_version", "4"), ("schema_version", None),
    ("schema_version", 2.5), ("database_bytes", "5"), ("database_sha256", 12), ("tables", ["score"]),
    ("tables", {"score": "1"}),
], ids=lambda v: repr(v))
def test_a_manifest_field_of_the_wrong_type_is_a_clean_refusal(field, value, good, target, tmp_path, capsys):
    manifest, db = unpack(good, tmp_path)
    if value is None:
        manifest.pop(field)
    else:
        manifest[field] = value
    bad = write_zip(tmp_path / "manifest.zip", [("manifest.json", json.dumps(manifest)),
                                                ("reformdash.duckdb", db.read_bytes())])
    refused(target, bad, capsys, field, "không hợp lệ")


@pytest.mark.parametrize("text", ["[]", "1", '"x"', "[" * 100_000 + "]" * 100_000, "{\"format\": 1}"],
                         ids=["list", "number", "string", "deep", "format_number"])
def test_a_manifest_that_is_not_an_object_is_refused(text, good, target, tmp_path, capsys):
    _, db = unpack(good, tmp_path)
    refused(target, write_zip(tmp_path / "m.zip", [("manifest.json", text), ("reformdash.duckdb", db.read_bytes())]),
            capsys)


# the zip's members ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("member", ["../ra_ngoai.txt", "/tmp/tuyet_doi.txt", "thu_muc/../../ra_ngoai.txt",
                                    "..\\ra_ngoai.txt", "C:/Windows/x.txt", "C:x.txt", "./manifest.json"])
def test_a_member_whose_path_leaves_the_folder_is_refused_by_name(member, good, target, tmp_path, capsys):
    manifest, db = unpack(good, tmp_path)
    bad = write_zip(tmp_path / "slip.zip", [("manifest.json", json.dumps(manifest)), (member, b"x"),
                                            ("reformdash.duckdb", db.read_bytes())])
    assert member in [i.filename for i in zipfile.ZipFile(bad).infolist()], "zipfile kept the name as written"
    refused(target, bad, capsys, member, "không an toàn")
    assert not (tmp_path / "ra_ngoai.txt").exists() and not (target.parent.parent / "ra_ngoai.txt").exists()


def symlink(name: str, to: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # unix: the mode in external_attr is read
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize("name", ["reformdash.duckdb", "lien_ket"])
def test_a_symlink_member_is_refused_by_name(name, good, target, tmp_path, capsys):
    manifest, db = unpack(good, tmp_path)
    members = [("manifest.json", json.dumps(manifest)), (symlink(name, "/etc/passwd"), b"/etc/passwd")]
    if name != "reformdash.duckdb":
        members.append(("reformdash.duckdb", db.read_bytes()))
    refused(target, write_zip(tmp_path / "symlink.zip", members), capsys, name, "symlink")


@pytest.mark.parametrize("name", ["reformdash.duckdb", "manifest.json"])
def test_a_member_named_twice_is_refused(name, good, target, tmp_path, capsys):
    manifest, db = unpack(good, tmp_path)
    members = [("manifest.json", json.dumps(manifest)), ("reformdash.duckdb", db.read_bytes())]
    members.append((name, b"ban thu hai"))
    refused(target, write_zip(tmp_path / "twice.zip", members), capsys, name, "hai mục cùng tên")


def test_a_member_that_is_not_ours_is_refused(good, target, tmp_path, capsys):
    manifest, db = unpack(good, tmp_path)
    bad = write_zip(tmp_path / "extra.zip", [("manifest.json", json.dumps(manifest)),
                                             ("reformdash.duckdb", db.read_bytes()),
                                             ("reformdash.duckdb.wal", b"log")])
    refused(target, bad, capsys, "reformdash.duckdb.wal", "mục lạ")


# zip bombs -----------------------------------------------------------------------------------------------------
def bomb(path: Path, manifest: dict, lie: int | None = None) -> Path:
    """A database member of BOMB_MB of zeros (about 0.3 MB packed); `lie` = the size its headers declare."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(dict(manifest, database_bytes=lie or BOMB_MB << 20)))
        with zf.open("reformdash.duckdb", "w") as out:
            for _ in range(BOMB_MB):
                out.write(ZEROS)
    if lie is None:
        return path
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("reformdash.duckdb")
        central = data.find(b"PK\x01\x02", zf.start_dir)
        while data[central + 46:central + 46 + len(info.filename)] != info.filename.encode():
            central = data.find(b"PK\x01\x02", central + 4)
    assert data[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
    data[info.header_offset + 22:info.header_offset + 26] = lie.to_bytes(4, "little")  # local header
    data[central + 24:central + 28] = lie.to_bytes(4, "little")  # central directory
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("reformdash.duckdb").file_size == lie
    return path


def restore_with_a_file_size_limit(db: Path, backup: Path) -> subprocess.CompletedProcess:
    """`python -m reformdash restore` in a process the kernel stops (SIGXFSZ) if it writes a file over the limit."""
    resource = pytest.importorskip("resource")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT_MB << 20, FILE_LIMIT_MB << 20))

    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    return subprocess.run([sys.executable, "-m", "reformdash", "--db", str(db), "restore", str(backup), "--force"],
                          cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=limit, timeout=300)


@pytest.mark.parametrize("lie", [None, 5 << 20], ids=["honest_size", "lying_size"])
def test_a_zip_bomb_is_refused_before_anything_big_is_written(lie, good, target, tmp_path):
    manifest, _ = unpack(good, tmp_path)
    bombed = bomb(tmp_path / "bom.zip", manifest, lie)
    assert bombed.stat().st_size < 5 << 20
    before = snapshot(target)
    done = restore_with_a_file_size_limit(target, bombed)
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "bom.zip" in done.stderr and "Traceback" not in done.stderr
    assert "File too large" not in done.stderr, "the write hit the kernel's limit: the bomb was being unpacked"
    if lie is None:
        assert "bom nén" in done.stderr and "reformdash.duckdb" in done.stderr
    assert snapshot(target) == before
    assert sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()) < 64 << 20


def test_a_database_over_the_restore_limit_is_refused_unread(good, target, monkeypatch, capsys):
    monkeypatch.setenv("REFORMDASH_MAX_RESTORE_MB", "1")
    refused(target, good, capsys, "REFORMDASH_MAX_RESTORE_MB", "reformdash.duckdb")
    monkeypatch.delenv("REFORMDASH_MAX_RESTORE_MB")
    assert main(["--db", str(target), "restore", str(good), "--force"]) == 0, "the same backup within the limit"
