"""Backups: one zip file (the database copied by DuckDB, and a manifest) taken while the dashboard runs; restore."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from reformdash.errors import ReformdashError, StoreBusy
from reformdash.i18n import t
from reformdash.store import DUCKDB_CONFIG, MIGRATIONS, Store, query_text

FORMAT = "reformdash-backup"
FORMAT_VERSION = 1
DB_MEMBER = "reformdash.duckdb"
MANIFEST_MEMBER = "manifest.json"
SNAPSHOT_ATTEMPTS = 20  # copies of a file another process holds, until one is taken while nothing was written


class BackupRejected(ReformdashError):
    """A backup file that cannot be restored, or a destination that would be overwritten; nothing was changed."""


def latest_schema() -> int:
    """The newest migration number this program knows."""
    return max(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))


# making a backup ---------------------------------------------------------------------------------------------
def backup_store(store: Store, dest: str | Path, force: bool = False, lang: str = "vi") -> dict:
    """Back up an open store from inside its own process (the dashboard): one read transaction, one snapshot."""
    dest = _check_dest(dest, force, lang)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".backup-") as tmp:
        copy = Path(tmp) / DB_MEMBER
        cur = store.cursor()
        try:
            name = cur.execute("SELECT current_database()").fetchone()[0]
            alias = f"reformdash_backup_{uuid.uuid4().hex}"  # several sessions may back up at once
            cur.execute(f"ATTACH '{_sql_path(copy)}' AS {alias}")
            try:
                cur.begin()  # COPY FROM DATABASE is several statements: one transaction makes them one snapshot
                try:
                    cur.execute(f'COPY FROM DATABASE "{name}" TO {alias}')
                    cur.commit()
                except BaseException:
                    cur.rollback()
                    raise
            finally:
                cur.execute(f"DETACH {alias}")
        finally:
            cur.close()
        return _package(copy, dest, store.path, "live")


def backup_bytes(store: Store) -> bytes:
    """A backup of the open store as the bytes of its .zip (the Data page's download)."""
    with tempfile.TemporaryDirectory(prefix="reformdash-backup-") as tmp:
        dest = Path(tmp) / file_name()
        backup_store(store, dest)
        return dest.read_bytes()


def file_name(now: datetime | None = None) -> str:
    """'reformdash-sao-luu-20261122-1105.zip': sorts by time, safe on every office machine."""
    return f"reformdash-sao-luu-{(now or datetime.now()):%Y%m%d-%H%M}.zip"


def backup_file(db_path: str | Path, dest: str | Path, force: bool = False, lang: str = "vi") -> dict:
    """Back up a database file from another process; a file the dashboard holds is copied as a snapshot.

    DuckDB lets no other process open a file while one writes it, not even to read. The snapshot is the
    database file and its write-ahead log copied while neither changed (checked before and after); opening that
    copy is what opening the file after a crash would be, which DuckDB makes consistent (committed transactions,
    all or nothing: tests/test_crash_safety.py).
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupRejected(t("backup.no_database", lang, file=db_path), t("backup.title", lang))
    dest = _check_dest(dest, force, lang)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".backup-") as tmp:
        copy = Path(tmp) / DB_MEMBER
        try:
            _copy_database(db_path, copy)
            method = "file"
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise BackupRejected(t("backup.source_unreadable", lang, file=db_path, detail=str(e)[:200]),
                                     t("backup.title", lang)) from e
            copy = _snapshot(db_path, Path(tmp), lang)
            method = "snapshot"
        return _package(copy, dest, str(db_path), method)


def _copy_database(source: Path, copy: Path) -> None:
    """COPY FROM DATABASE a file opened read-only (its log replayed in memory, the file untouched)."""
    conn = duckdb.connect(config=DUCKDB_CONFIG)
    try:
        conn.execute(f"ATTACH '{_sql_path(source)}' AS reformdash_source (READ_ONLY)")
        conn.execute(f"ATTACH '{_sql_path(copy)}' AS reformdash_backup")
        conn.execute("COPY FROM DATABASE reformdash_source TO reformdash_backup")
    finally:
        conn.close()


def _snapshot(db_path: Path, folder: Path, lang: str) -> Path:
    """A copy of a database another process holds: its file and log copied while neither changed, then read whole.

    Reading every table (COPY FROM DATABASE) checks every block's checksum, so a copy torn by a write the
    stamps missed fails here and is taken again; a log cut short loses only the unfinished last commit.
    """
    wal = Path(f"{db_path}.wal")
    for attempt in range(SNAPSHOT_ATTEMPTS):
        raw = folder / f"raw-{attempt}-{db_path.name}"
        before = _stamp(db_path), _stamp(wal)
        shutil.copyfile(db_path, raw)
        if before[1] is not None:
            try:
                shutil.copyfile(wal, f"{raw}.wal")
            except FileNotFoundError:  # a checkpoint removed it meanwhile: the stamps differ, try again
                pass
        if (_stamp(db_path), _stamp(wal)) == before:
            copy = folder / f"copy-{attempt}-{DB_MEMBER}"
            try:
                _copy_database(raw, copy)
                return copy
            except duckdb.Error:
                pass
        time.sleep(0.05 * (attempt + 1))
    raise StoreBusy(t("backup.busy", lang, file=db_path, attempts=SNAPSHOT_ATTEMPTS), t("backup.title", lang))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns


def _package(copy: Path, dest: Path, source: str, method: str) -> dict:
    """Zip the copied database with its manifest (schema version, time, row counts, sha256)."""
    if Path(f"{copy}.wal").exists():  # the zip holds one file: fold any log into it first
        duckdb.connect(str(copy), config=DUCKDB_CONFIG).close()
    info = describe(copy)
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(source), "method": method, "duckdb_version": duckdb.__version__,
        "schema_version": info["schema_version"], "data_version": info["data_version"],
        "tables": info["tables"], "database_bytes": copy.stat().st_size, "database_sha256": _sha256(copy),
    }
    partial = dest.with_name(f".{dest.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.write(copy, DB_MEMBER)
    _fsync(partial)
    os.replace(partial, dest)
    return {**manifest, "file": str(dest), "bytes": dest.stat().st_size}


def describe(db_file: Path) -> dict:
    """Schema version, data version and the row count of every table of a database file (opened read-only)."""
    conn = duckdb.connect(config=DUCKDB_CONFIG)
    try:
        conn.execute(f"ATTACH '{_sql_path(db_file)}' AS reformdash_described (READ_ONLY)")
        conn.execute("USE reformdash_described")
        tables = [row[0] for row in conn.execute(query_text("backup_tables")).fetchall()]
        counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608 (catalog names)
                  for name in tables}
        meta = {}
        if "meta" in counts:
            for key in ("schema", "data_version"):
                row = conn.execute(query_text("meta_value"), {"key": key}).fetchone()
                meta[key] = int(row[0]) if row else 0
    finally:
        conn.close()
    return {"tables": counts, "schema_version": meta.get("schema"), "data_version": meta.get("data_version")}


def _check_dest(dest: str | Path, force: bool, lang: str) -> Path:
    dest = Path(dest).resolve()
    if dest.exists() and not force:
        raise BackupRejected(t("backup.dest_exists", lang, file=dest), t("backup.title", lang))
    if not dest.parent.is_dir():
        raise BackupRejected(t("backup.no_folder", lang, file=dest), t("backup.title", lang))
    return dest


# restoring ----------------------------------------------------------------------------------------------------
def read_backup(path: str | Path, workdir: Path, lang: str = "vi") -> tuple[dict, Path]:
    """Check a backup file and unpack its database into workdir: (manifest, database file).

    Refuses (BackupRejected) a file that is not a zip, a zip without our manifest, a database whose sha256,
    tables or row counts differ from the manifest, or a schema newer than this program.
    """
    path = Path(path)

    def reject(key: str, **params: object) -> BackupRejected:
        return BackupRejected(t(key, lang, file=path, **params), t("backup.rejected_title", lang))

    if not path.is_file():
        raise reject("backup.no_file")
    if not zipfile.is_zipfile(path):
        raise reject("backup.not_a_backup")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if MANIFEST_MEMBER not in names:
                raise reject("backup.not_a_backup")
            manifest = json.loads(zf.read(MANIFEST_MEMBER).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise reject("backup.not_a_backup")
            if manifest.get("format_version", 0) > FORMAT_VERSION or (manifest.get("schema_version") or 0) > \
                    latest_schema():
                raise reject("backup.too_new", schema=manifest.get("schema_version"), known=latest_schema())
            if DB_MEMBER not in names:
                raise reject("backup.damaged", detail=DB_MEMBER)
            if zf.getinfo(DB_MEMBER).file_size != manifest.get("database_bytes"):  # also bounds what is unpacked
                raise reject("backup.damaged", detail="database_bytes")
            db_file = workdir / DB_MEMBER
            with zf.open(DB_MEMBER) as src, open(db_file, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise reject("backup.damaged", detail=str(e)[:200]) from e
    if _sha256(db_file) != manifest.get("database_sha256"):
        raise reject("backup.damaged", detail="sha256")
    try:
        found = describe(db_file)
    except duckdb.Error as e:
        raise reject("backup.damaged", detail=str(e)[:200]) from e
    if found["tables"] != manifest.get("tables") or found["schema_version"] != manifest.get("schema_version"):
        raise reject("backup.damaged", detail="tables/rows")
    return manifest, db_file


def restore(backup: str | Path, db_path: str | Path, force: bool = False, lang: str = "vi") -> dict:
    """Replace (or create) the database at db_path with a checked backup; the old file is kept as .bak."""
    target = Path(db_path).resolve()
    wal = Path(f"{target}.wal")
    exists = target.exists() or wal.exists()
    if exists and not force:
        raise BackupRejected(t("backup.target_exists", lang, file=target), t("backup.title", lang))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".restore-") as tmp:
        manifest, db_file = read_backup(backup, Path(tmp), lang)
        kept = None
        if exists:
            try:  # the dashboard must not hold the file being replaced
                duckdb.connect(str(target), config=DUCKDB_CONFIG).close()
            except duckdb.IOException as e:
                raise StoreBusy(t("backup.target_busy", lang, file=target), t("backup.title", lang)) from e
            kept = _free_name(Path(f"{target}.bak"))
            os.replace(target, kept)
            if wal.exists():
                os.replace(wal, f"{kept}.wal")
        os.replace(db_file, target)
    _fsync_dir(target.parent)
    Store(target).close()  # opens without repair before we say it is restored
    return {**manifest, "restored_to": str(target), "kept": str(kept) if kept else None}


def _free_name(path: Path) -> Path:
    if not path.exists():
        return path
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name[:-4]}.{stamp}.bak")


# helpers ------------------------------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _sql_path(path: Path | str) -> str:
    return str(path).replace("'", "''")


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
