"""The only owner of database connections: migrations, reference data, named queries, writes."""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from reformdash import settings
from reformdash.errors import ReformdashError, Said, StoreBusy, StoreError
from reformdash.text import name_key
from reformdash.words import t

ROOT = settings.ROOT
QUERIES = ROOT / "queries"
MIGRATIONS = QUERIES / "migrations"
REFERENCE = ROOT / "data" / "reference"
# Only built-in extensions: government networks cannot download others.
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


@cache
def query_text(name: str) -> str:
    """The SQL of queries/<name>.sql."""
    path = QUERIES / f"{name}.sql"
    if not path.is_file():
        raise ReformdashError.said("store.no_query", "store.program_error.title", name=name)
    return path.read_text(encoding="utf-8")


# How DuckDB words a full disk (Linux/macOS errno text, Windows' ERROR_DISK_FULL) and a database it gave up on after
# a failed write (a checkpoint that could not write is FATAL: every later call on that instance fails until reopened).
DISK_FULL_MARKS = ("no space left on device", "disk quota exceeded", "not enough space on the disk",
                   "file too large")
INVALIDATED_MARKS = ("database has been invalidated",)


class _DriverErrors(contextlib.ContextDecorator):
    """A duckdb.Error leaving the store becomes a StoreError (from it): pages and the CLI catch one family.

    Holds no state but its words, so one instance decorates a method for every thread.
    """

    def __init__(self, what: str):
        self.what = what

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, duckdb.TransactionException):  # another session wrote the same rows: try again
            raise StoreBusy.said("db_locked", "store.busy.title") from error
        if isinstance(error, duckdb.Error):
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreError.said("store.error", "store.error.title", what=Said(self.what), detail=first) from error
        return False


def _guarded(factory):
    """A context-manager method whose DuckDB errors, its own and those of the block it runs, leave as StoreError."""

    @functools.wraps(factory)
    @contextmanager
    def guarded(*args, **kwargs):
        with _DriverErrors("store.what.write"), factory(*args, **kwargs) as value:
            yield value

    return guarded


def is_disk_full(error: BaseException) -> bool:
    """True when a DuckDB (or OS) error says the disk is full."""
    return any(mark in str(error).lower() for mark in DISK_FULL_MARKS)


def is_invalidated(error: BaseException) -> bool:
    """True when DuckDB invalidated the database: only a new connection can use it again."""
    return isinstance(error, duckdb.FatalException) or any(m in str(error).lower() for m in INVALIDATED_MARKS)


class DiskFull(ReformdashError):
    """A write failed because the disk is full (or DuckDB gave up on a failed write); stored data is intact.

    The message names no server path (pages show it to anyone); the CLI adds the path with text(lang, path=True).
    """

    def __init__(self, path: str, detail: str, disk_full: bool = True):
        self.path, self.detail, self.disk_full = path, detail, disk_full
        message, title = self._words("vi")
        super().__init__(message, title)

    def _words(self, lang: str) -> tuple[str, str]:
        lang = lang if lang in ("vi", "en") else "vi"
        if self.disk_full:
            return t("store.disk_full", lang), t("store.disk_full.title", lang)
        # the driver's detail names the file: keep only its first line, with the path taken out
        detail = self.detail.splitlines()[0].replace(self.path, "…")[:200] if self.detail else ""
        return t("store.write_failed", lang, detail=detail), t("store.write_failed.title", lang)

    def text(self, lang: str = "vi", path: bool = False) -> str:
        """The sentence in `lang`; with the database's path for the CLI (whose reader runs the server)."""
        message = self._words(lang)[0]
        return f"{message} ({self.path})" if path else message

    def heading(self, lang: str = "vi") -> str:
        return self._words(lang)[1]


class Store:
    """A DuckDB database file: one connection, a cursor per query, one writer at a time.

    A write that fails on a full disk raises DiskFull; if DuckDB invalidated the database (a checkpoint that could
    not write), the connection is replaced at once, so reads go on and writes work again once space is freed.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        created = False
        if self.path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            created = not Path(self.path).exists()
            _private_umask()
        self._conn = self._connect()
        if created and Path(self.path).exists():
            Path(self.path).chmod(0o600)  # the file holds password hashes: its owner only, whatever the umask
        self._write_lock = threading.Lock()
        self._reopen_lock = threading.Lock()
        self._generation = 0  # bumped by every reopen: threads that saw the same failure reopen once
        self._version: int | None = None
        self.after_commit = None  # called after each committed write (reformdash/replica.py publishes for readers)

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=self.read_only, config=DUCKDB_CONFIG)
        except duckdb.IOException as e:
            if is_disk_full(e):
                raise DiskFull(self.path, str(e)) from e
            raise StoreBusy.said("store.cannot_open", "store.busy.title", path=self.path, error=e) from e

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def reopen(self, seen_generation: int | None = None) -> None:
        """Replace the connection (after DuckDB invalidated it); once, however many threads saw the failure."""
        with self._reopen_lock:
            if seen_generation is not None and seen_generation != self._generation:
                return  # another thread already reopened since this one's failure
            old = self._conn
            try:
                old.close()
            except duckdb.Error:
                pass  # an invalidated database may refuse even this; the new connection replaces it anyway
            self._conn = self._connect()
            self._generation += 1
            self._version = None

    def _fault(self, error: duckdb.Error, generation: int) -> DiskFull | None:
        """The DiskFull to raise for a driver error (reopening first if DuckDB invalidated the database), or None."""
        invalidated = is_invalidated(error)
        if invalidated:
            try:
                self.reopen(generation)
            except ReformdashError:
                pass  # still full or held: the next call tries again
        if invalidated or is_disk_full(error):
            return DiskFull(self.path, str(error), disk_full=is_disk_full(error))
        return None

    # reading -------------------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor: DuckDB connections are not thread-safe, cursors are per thread."""
        return self._conn.cursor()

    def _read(self, name: str, params: dict, fetch):
        """Run a named read; after an invalidated database, reopen and run it once more (reads keep working)."""
        for attempt in (1, 2):
            generation = self._generation
            cur = self.cursor()
            try:
                return fetch(cur.execute(query_text(name), params or None))
            except duckdb.Error as e:
                fault = self._fault(e, generation)
                if fault is None:
                    raise
                if attempt == 2 or not is_invalidated(e):
                    raise fault from e
            finally:
                try:
                    cur.close()
                except duckdb.Error:
                    pass
        raise AssertionError("unreachable")

    @_DriverErrors("store.what.read")
    def df(self, name: str, **params: object) -> pd.DataFrame:
        """Run the named query and return a DataFrame."""
        return self._read(name, params, lambda result: result.df())

    @_DriverErrors("store.what.read")
    def rows(self, name: str, **params: object) -> list[tuple]:
        """Run the named query and return its rows."""
        return self._read(name, params, lambda result: result.fetchall())

    # writing -------------------------------------------------------------------------------------
    @_guarded
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One writer at a time; everything inside commits together or not at all.

        Raises DiskFull when the disk is full (nothing of the transaction is kept).
        """
        committed = False
        with self._write_lock:
            generation = self._generation
            cur = self.cursor()
            try:
                cur.begin()
                yield cur
                cur.commit()
                committed = True
            except BaseException as e:
                try:
                    cur.rollback()
                except duckdb.Error:
                    pass  # a failed commit has already ended the transaction: keep the commit's own error
                if isinstance(e, duckdb.Error):
                    fault = self._fault(e, generation)
                    if fault is not None:
                        raise fault from e
                raise
            finally:
                self._version = None
                try:
                    cur.close()
                except duckdb.Error:
                    pass
        if committed and self.after_commit is not None:
            self.after_commit()

    def data_version(self) -> int:
        """A number every write bumps: the key of cached results.

        Kept in memory between writes: DuckDB lets one process write a file, so every write goes through this
        object's transaction(), which forgets the number; the next call reads it again.
        """
        if self._version is None:
            row = self.rows("meta_value", key="data_version")
            self._version = int(row[0][0]) if row else 0
        return self._version

    # schema --------------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply migrations not yet applied, then refresh reference data if its files changed."""
        applied: list[str] = []
        has_meta = self.rows("meta_exists")[0][0]
        current = self.rows("meta_value", key="schema") if has_meta else []
        version = int(current[0][0]) if current else 0
        for path in sorted(MIGRATIONS.glob("*.sql")):
            number = int(path.name.split("_", 1)[0])
            if number <= version:
                continue
            with self.transaction() as tx:
                tx.execute(path.read_text(encoding="utf-8"))
                tx.execute(query_text("meta_set"), {"key": "schema", "value": str(number)})
            applied.append(path.name)
        self.refresh_reference()
        return applied

    def refresh_reference(self, force: bool = False) -> bool:
        """Reload data/reference/*.csv when they changed; user-added rows are kept."""
        digest = reference_digest()
        row = self.rows("meta_value", key="reference_sha256")
        if row and row[0][0] == digest and not force:
            return False
        tables = load_reference_tables()
        with self.transaction() as tx:
            tx.execute(query_text("reference_clear"))
            for table, frame in tables.items():
                tx.register("incoming", frame)
                cols = ", ".join(frame.columns)
                tx.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM incoming")  # noqa: S608 (fixed names)
                tx.unregister("incoming")
            tx.execute(query_text("meta_set"), {"key": "reference_sha256", "value": digest})
            bump_version(tx)
        return True


def _private_umask() -> None:
    """Files this process creates from now on are its owner's only (the umask gains 077, keeps its other bits).

    DuckDB creates the .wal again after every checkpoint, with the process umask, and has no setting for its mode:
    a chmod after creating the database cannot reach it.
    """
    os.umask(os.umask(0o077) | 0o077)


def bump_version(tx: duckdb.DuckDBPyConnection) -> None:
    """Mark that data changed (cache key for pages)."""
    tx.execute(query_text("data_version_bump"))


def reference_digest() -> str:
    """sha256 over the reference files, to know when to reload them."""
    h = hashlib.sha256()
    for path in sorted(REFERENCE.glob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _read_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / name, dtype=str, keep_default_na=False, encoding="utf-8")


def _none_if_blank(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for c in columns:
        frame[c] = frame[c].where(frame[c].str.strip() != "", None)
    return frame


def load_reference_tables() -> dict[str, pd.DataFrame]:
    """The reference CSVs shaped as the tables they fill."""
    indices = _read_csv("indices.csv")
    indices["higher_is_better"] = indices["higher_is_better"].str.lower().isin(["true", "1", "yes"])
    for c in ("scale_min", "scale_max"):
        indices[c] = indices[c].astype(float)
    indices["first_year"] = indices["first_year"].astype(int)
    components = _none_if_blank(_read_csv("components.csv"), ["parent_code", "valid_from_year", "valid_to_year",
                                                               "scale_min", "scale_max"])
    for c in ("valid_from_year", "valid_to_year"):
        components[c] = pd.to_numeric(components[c]).astype("Int64")
    for c in ("scale_min", "scale_max"):
        components[c] = pd.to_numeric(components[c])
    entities = _none_if_blank(_read_csv("entities.csv"), ["name_en", "parent_code", "valid_from", "valid_to",
                                                          "region", "code_2025"])
    for c in ("valid_from", "valid_to"):
        entities[c] = pd.to_datetime(entities[c]).dt.date
    aliases = _read_csv("entity_aliases.csv")
    names = pd.concat([
        pd.DataFrame({"alias": entities["name_vi"], "entity_code": entities["code"]}),
        pd.DataFrame({"alias": entities["name_en"].fillna(""), "entity_code": entities["code"]}),
        pd.DataFrame({"alias": entities["code"], "entity_code": entities["code"]}),
        aliases[["alias", "entity_code"]],
    ])
    names = names[names["alias"].str.strip() != ""].copy()
    names["alias_key"] = names["alias"].map(name_key)
    names = names.drop_duplicates(["alias_key", "entity_code"])
    lineage = _read_csv("entity_lineage.csv")
    lineage["effective_date"] = pd.to_datetime(lineage["effective_date"]).dt.date
    return {
        "index_def": indices,
        "component_def": components,
        "entity": entities,
        "entity_alias": names[["alias_key", "entity_code", "alias"]],
        "entity_lineage": lineage,
    }


def write_csv(frame: pd.DataFrame, out) -> None:
    """UTF-8 CSV with a header, as the CLI contract says."""
    frame.to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
