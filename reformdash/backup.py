"""Backups: one zip file (the database copied by DuckDB, and a manifest) taken while the dashboard runs; restore."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import shutil
import stat
import tempfile
import time
import uuid
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from reformdash import settings
from reformdash.errors import ReformdashError, StoreBusy
from reformdash.store import DUCKDB_CONFIG, MIGRATIONS, Store, query_text
from reformdash.words import t

FORMAT = "reformdash-backup"
FORMAT_VERSION = 1
DB_MEMBER = "reformdash.duckdb"
MANIFEST_MEMBER = "manifest.json"
MANIFEST_MAX_BYTES = 1 << 20  # ours is about 1 kB
BOMB_RATIO = 200  # a DuckDB file deflates about 10:1, zeros about 1000:1 (the same guard as ingest/read.py)
BOMB_FROM_BYTES = 50 << 20  # below this, the ratio of a mostly empty database may be high and harmless
FREE_MARGIN = 64 << 20  # room left on the disk after unpacking, for DuckDB and the dashboard
# A backup's database is opened where nothing it holds can read a file, load an extension or change this back.
SANDBOX_CONFIG = {**DUCKDB_CONFIG, "enable_external_access": False, "allow_community_extensions": False,
                  "lock_configuration": True}
# the kinds of backup_catalog.sql, whole objects first: a missing table is named before its missing columns
KINDS = ("schema", "table", "view", "function", "sequence", "type", "index", "column", "constraint")
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
        return _package(copy, dest, "live")


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
        except (duckdb.IOException, duckdb.ResourceInUseException) as e:
            # Another process's lock (IOException) or this process's own open store (ResourceInUse): snapshot it.
            if "lock" not in str(e).lower() and not isinstance(e, duckdb.ResourceInUseException):
                raise BackupRejected(t("backup.source_unreadable", lang, file=db_path, detail=str(e)[:200]),
                                     t("backup.title", lang)) from e
            copy = _snapshot(db_path, Path(tmp), lang)
            method = "snapshot"
        return _package(copy, dest, method)


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


def _package(copy: Path, dest: Path, method: str) -> dict:
    """Zip the copied database with its manifest (schema version, time, row counts, sha256).

    The manifest names no path of the server: a backup travels, and where the database lives is nobody's business.
    """
    if Path(f"{copy}.wal").exists():  # the zip holds one file: fold any log into it first
        duckdb.connect(str(copy), config=DUCKDB_CONFIG).close()
    info = describe(copy)
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "method": method, "duckdb_version": duckdb.__version__,
        "schema_version": info["schema_version"], "data_version": info["data_version"],
        "tables": info["tables"], "database_bytes": copy.stat().st_size, "database_sha256": _sha256(copy),
    }
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    # 0600 from the first byte, whatever the umask: the zip holds the accounts' password hashes
    with os.fdopen(_create_private(partial), "wb") as raw, \
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.write(copy, DB_MEMBER)
    _fsync(partial)
    os.replace(partial, dest)
    return {**manifest, "file": str(dest), "bytes": dest.stat().st_size}


def describe(db_file: Path) -> dict:
    """Schema version, data version and the row count of every table of a database file (opened sandboxed)."""
    conn = _open_sandboxed(db_file)
    try:
        return _describe(conn)
    finally:
        conn.close()


def _describe(conn: duckdb.DuckDBPyConnection) -> dict:
    tables = [row[0] for row in conn.execute(query_text("backup_tables")).fetchall()]
    counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608 (catalog names)
              for name in tables}
    meta = {}
    if "meta" in counts:
        for key in ("schema", "data_version"):
            row = conn.execute(query_text("meta_value"), {"key": key}).fetchone()
            meta[key] = int(row[0]) if row else 0
    return {"tables": counts, "schema_version": meta.get("schema"), "data_version": meta.get("data_version")}


def _open_sandboxed(db_file: Path) -> duckdb.DuckDBPyConnection:
    """A backup's database opened read-only, where nothing it holds can read a file or load an extension."""
    return duckdb.connect(str(db_file), read_only=True, config=SANDBOX_CONFIG)


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

    Refuses (BackupRejected) a file that is not a zip; a member whose name leaves the folder, a symlink, a name
    twice, a member that is not ours; a manifest that is not ours or whose fields have the wrong type; a database
    larger than the limit, the free disk or its own declared size (a zip bomb is never written out); a database
    whose sha256, catalog, tables or row counts differ from the manifest and from the schema the migrations build
    (a VIEW in place of a table could read the server's files for every visitor); a schema newer than this program.
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
            members = _members(zf, reject)
            if MANIFEST_MEMBER not in members:
                raise reject("backup.not_a_backup")
            manifest = _read_manifest(zf, members[MANIFEST_MEMBER], reject)
            strangers = sorted(set(members) - {MANIFEST_MEMBER, DB_MEMBER})
            if strangers:
                raise reject("backup.unexpected_member", member=strangers[0])
            if DB_MEMBER not in members:
                raise reject("backup.damaged", detail=DB_MEMBER)
            db_file = _unpack_database(zf, members[DB_MEMBER], manifest["database_bytes"], workdir, reject)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError,
            RuntimeError, NotImplementedError, ValueError) as e:  # RuntimeError: encrypted; also deep JSON
        raise reject("backup.damaged", detail=str(e)[:200]) from e
    if _sha256(db_file) != manifest["database_sha256"]:
        raise reject("backup.damaged", detail="sha256")
    try:
        conn = _open_sandboxed(db_file)
    except duckdb.Error as e:
        raise reject("backup.damaged", detail=str(e)[:200]) from e
    try:
        foreign = _catalog_differences(conn, manifest["schema_version"], lang)
        if foreign:
            more = [t("backup.more", lang, n=len(foreign) - 8)] if len(foreign) > 8 else []
            raise reject("backup.foreign_schema", objects="; ".join(foreign[:8] + more))
        found = _describe(conn)  # reads the tables only now that they are known to be the program's own
    except (duckdb.Error, ValueError) as e:  # ValueError: a meta value that is not a number
        raise reject("backup.damaged", detail=str(e)[:200]) from e
    finally:
        conn.close()
    if found["tables"] != manifest["tables"] or found["schema_version"] != manifest["schema_version"]:
        raise reject("backup.damaged", detail="tables/rows")
    return manifest, db_file


def _members(zf: zipfile.ZipFile, reject) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by name; refuses a name that could leave the folder, a symlink and a name seen twice."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename
        if _unsafe_name(name):
            raise reject("backup.unsafe_member", member=name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise reject("backup.symlink_member", member=name)
        if name in members:
            raise reject("backup.duplicate_member", member=name)
        members[name] = info
    return members


def _unsafe_name(name: str) -> bool:
    """'../x', '/etc/x', 'a\\b', 'C:x', 'a/./b' or a control character: never a name this program writes."""
    parts = name.split("/")
    return (not name or name.startswith("/") or "\\" in name or ":" in name or any(p in ("..", ".") for p in parts)
            or any(ord(c) < 32 for c in name))


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out, cap: int, reject) -> int:
    """Copy a member into out, never more than cap bytes whatever its header says; the bytes copied."""
    written = 0
    with zf.open(info) as src:
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > cap:
                raise reject("backup.bomb", member=info.filename, ratio=_ratio(info), size=info.file_size)
            out.write(chunk)
    return written


def _read_manifest(zf: zipfile.ZipFile, info: zipfile.ZipInfo, reject) -> dict:
    """manifest.json, checked field by field: a wrong type is a refusal, never a traceback."""
    if info.file_size > MANIFEST_MAX_BYTES:
        raise reject("backup.too_big", member=info.filename, size=_mb(info.file_size), limit=_mb(MANIFEST_MAX_BYTES))
    buffer = io.BytesIO()
    _read_capped(zf, info, buffer, MANIFEST_MAX_BYTES, reject)
    manifest = json.loads(buffer.getvalue().decode("utf-8"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise reject("backup.not_a_backup")

    def bad(field: str) -> BackupRejected:
        return reject("backup.bad_manifest", field=field, value=repr(manifest.get(field))[:60])

    version = manifest.get("format_version")
    if not _is_count(version) or version < 1:
        raise bad("format_version")
    schema = manifest.get("schema_version")
    if not _is_count(schema) or schema < 1:
        raise bad("schema_version")
    if version > FORMAT_VERSION or schema > latest_schema():
        raise reject("backup.too_new", schema=schema, known=latest_schema())
    if not _is_count(manifest.get("database_bytes")):
        raise bad("database_bytes")
    digest = manifest.get("database_sha256")
    if not isinstance(digest, str) or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise bad("database_sha256")
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(k, str) and _is_count(v) for k, v in tables.items()):
        raise bad("tables")
    return manifest


def _unpack_database(zf: zipfile.ZipFile, info: zipfile.ZipInfo, declared: int, workdir: Path, reject) -> Path:
    """The database member written to workdir (0600), after its sizes are checked; never more than declared."""
    size = info.file_size
    if size != declared:
        raise reject("backup.damaged", detail="database_bytes")
    limit = int(float(settings.get("REFORMDASH_MAX_RESTORE_MB")) * 1024 * 1024)
    if size > limit:
        raise reject("backup.too_big", member=info.filename, size=_mb(size), limit=_mb(limit))
    if size > BOMB_FROM_BYTES and _ratio(info) > BOMB_RATIO:
        raise reject("backup.bomb", member=info.filename, ratio=_ratio(info), size=size)
    free = shutil.disk_usage(workdir).free
    if size + FREE_MARGIN > free:
        raise reject("backup.no_space", size=_mb(size), folder=workdir.parent, free=_mb(free))
    db_file = workdir / DB_MEMBER
    with os.fdopen(_create_private(db_file), "wb") as out:
        written = _read_capped(zf, info, out, size, reject)
    if written != size:
        raise reject("backup.damaged", detail="database_bytes")
    return db_file


def _catalog_differences(conn: duckdb.DuckDBPyConnection, schema: int, lang: str) -> list[str]:
    """Every catalog object of the backup that the migrations up to `schema` do not build the same way, named."""
    found = _catalog(conn.execute(query_text("backup_catalog")).fetchall())
    expected = _reference_catalog(schema)
    order = {"extra": 0, "missing": 1, "different": 2}  # what was added or taken away tells most: named first
    whole = {name for kind, name in found.keys() ^ expected.keys() if kind in ("table", "view")}
    out = []
    for kind, name in found.keys() | expected.keys():
        if kind in ("column", "constraint") and _owner(kind, name) in whole:
            continue  # a table added, or taken away, or replaced by a view, is named once, not column by column
        if (kind, name) not in expected:
            what = "extra"
        elif (kind, name) not in found:
            what = "missing"
        elif found[kind, name] != expected[kind, name]:
            what = "different"
        else:
            continue
        out.append((order[what], KINDS.index(kind), name, kind, what))
    return [t("backup.object", lang, kind=t(f"backup.kind.{kind}", lang), name=name,
              what=t(f"backup.diff.{what}", lang)) for _, _, name, kind, what in sorted(out)]


def _owner(kind: str, name: str) -> str:
    """The table of a column ('main.t.c') or constraint ('main.t: CHECK(...)')."""
    return name.rsplit(".", 1)[0] if kind == "column" else name.split(": ", 1)[0]


@functools.cache
def _reference_catalog(schema: int) -> dict[tuple[str, str], list[str]]:
    """The catalog the migrations up to `schema` build in a fresh in-memory database."""
    conn = duckdb.connect(config=SANDBOX_CONFIG)
    try:
        for path in sorted(MIGRATIONS.glob("*.sql")):
            if int(path.name.split("_", 1)[0]) <= schema:
                conn.execute(path.read_text(encoding="utf-8"))
        return _catalog(conn.execute(query_text("backup_catalog")).fetchall())
    finally:
        conn.close()


def _catalog(rows: list[tuple]) -> dict[tuple[str, str], list[str]]:
    objects: dict[tuple[str, str], list[str]] = {}
    for kind, name, detail in rows:
        objects.setdefault((kind, name), []).append(detail)
    return {key: sorted(details) for key, details in objects.items()}


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
            os.chmod(kept, 0o600)  # an old database may have been made world-readable
            if wal.exists():
                os.replace(wal, f"{kept}.wal")
                os.chmod(f"{kept}.wal", 0o600)
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


def _create_private(path: Path) -> int:
    """A new file only its owner may read, whatever the umask (it holds password hashes); its descriptor."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0  # not bool, not float, not a string of digits


def _ratio(info: zipfile.ZipInfo) -> int:
    return round(info.file_size / max(info.compress_size, 1))


def _mb(size: int) -> str:
    return f"{size / 1048576:.1f}"


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
