"""Read replicas: several dashboard processes read one database while one process writes it.

DuckDB lets many processes open a file read-only only while no process holds it for writing, and the writer holds
it all the time. So the writer *publishes* a read-only copy after every write, and reader processes follow it:

- the writer (REFORMDASH_ROLE=writer: the staff dashboard, and the CLI through its control channel) copies the
  database after each committed write into `<db>.replica/<data version>-<n>.duckdb` (DuckDB's COPY FROM DATABASE in
  one read transaction: a consistent snapshot) and then points `<db>.replica/current` at it (an atomic rename);
- a reader (REFORMDASH_ROLE=reader) opens the snapshot `current` names, read-only, and looks at `current` again
  whenever a page asks for the data version (one stat of a small file); a newer snapshot is opened, the old one
  closed. Its pages' caches are keyed by the snapshot's path and version, so they renew themselves;
- a reader never writes: its store refuses every transaction with a sentence saying where staff work.

Any number of reader processes may open the same snapshot at once (they are read-only and nobody writes it).
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from pathlib import Path

import duckdb

from reformdash.backup import _sql_path  # the one quoting function for a path in ATTACH
from reformdash.errors import ReformdashError
from reformdash.store import DUCKDB_CONFIG, Store
from reformdash.words import t

KEEP_SNAPSHOTS = 3  # older ones are deleted (on POSIX a reader still reading one keeps its open file)


def folder(db_path: str) -> Path:
    """Where the writer publishes snapshots of db_path."""
    return Path(str(db_path) + ".replica")


def publish(store: Store) -> Path:
    """Copy the writer's database into a new snapshot and make it `current`; the snapshot's path."""
    out = folder(store.path)
    out.mkdir(mode=0o700, exist_ok=True)
    version = store.data_version()
    target = out / f"{version:08d}-{uuid.uuid4().hex[:8]}.duckdb"
    partial = target.with_suffix(".partial")
    cur = store.cursor()
    try:
        name = cur.execute("SELECT current_database()").fetchone()[0]
        alias = f"reformdash_replica_{uuid.uuid4().hex}"
        cur.execute(f"ATTACH '{_sql_path(partial)}' AS {alias}")
        try:
            cur.begin()  # one snapshot of every table
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
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    pointer = out / "current"
    tmp = out / f".current.{uuid.uuid4().hex}"
    tmp.write_text(target.name, encoding="utf-8")
    os.replace(tmp, pointer)  # readers see the old name or the new one, never half
    _prune(out, keep=target.name)
    return target


def _prune(out: Path, keep: str) -> None:
    snapshots = sorted(p for p in out.glob("*.duckdb") if p.name != keep)
    for old in snapshots[: max(0, len(snapshots) - (KEEP_SNAPSHOTS - 1))]:
        with contextlib.suppress(OSError):  # Windows: a reader still has it open; the next prune takes it
            old.unlink()
            Path(str(old) + ".wal").unlink(missing_ok=True)


class Publisher:
    """After each committed write of a writer's store, publish a snapshot (in a thread; writes coalesce)."""

    def __init__(self, store: Store):
        self.store = store
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        self.published = 0
        self.errors: list[str] = []
        publish(store)  # readers need a snapshot before the first write
        self.published += 1
        store.after_commit = self.request

    def request(self) -> None:
        """A write committed: publish soon; several writes in a row make one snapshot."""
        self._wanted.set()
        if self._lock.acquire(blocking=False):
            threading.Thread(target=self._run, name="reformdash-replica", daemon=True).start()

    def _run(self) -> None:
        try:
            while self._wanted.is_set():
                self._wanted.clear()
                try:
                    publish(self.store)
                    self.published += 1
                except (duckdb.Error, OSError, ReformdashError) as e:  # the readers keep the older snapshot
                    self.errors.append(str(e))
        finally:
            self._lock.release()
        if self._wanted.is_set():  # a write came between the last check and the release
            self.request()

    def flush(self) -> None:
        """Publish now, in this thread (tests, and the CLI before it exits)."""
        with self._lock:
            self._wanted.clear()
            publish(self.store)
            self.published += 1


class ReadOnly(ReformdashError):
    """This process serves readers only; writes happen in the writer process."""


class ReplicaStore(Store):
    """A reader's store: the writer's latest snapshot, read-only, followed as the writer publishes new ones."""

    def __init__(self, db_path: str):
        self.db_path = str(db_path)
        self.pointer = folder(self.db_path) / "current"
        self._seen = self._pointer_stamp()
        name = self._current_name()
        super().__init__(str(folder(self.db_path) / name), read_only=True)
        self._follow_lock = threading.Lock()

    def _pointer_stamp(self):
        try:
            s = self.pointer.stat()
        except FileNotFoundError as e:
            raise ReformdashError(t("replica.no_copy", db=self.db_path), t("replica.no_copy.title")) from e
        return s.st_mtime_ns, s.st_ino, s.st_size

    def _current_name(self) -> str:
        return self.pointer.read_text(encoding="utf-8").strip()

    def follow(self) -> bool:
        """Open the newest snapshot if the writer published one since; True when it switched."""
        stamp = self._pointer_stamp()
        if stamp == self._seen:
            return False
        with self._follow_lock:
            stamp = self._pointer_stamp()
            if stamp == self._seen:
                return False
            path = str(folder(self.db_path) / self._current_name())
            if path == self.path:
                self._seen = stamp
                return False
            new = duckdb.connect(path, read_only=True, config=DUCKDB_CONFIG)
            old, self._conn, self.path = self._conn, new, path
            self._version = None
            self._seen = stamp
        # cursors already running on the old snapshot finish on their own; closing the connection does not stop them
        with contextlib.suppress(duckdb.Error):
            old.close()
        return True

    def data_version(self) -> int:
        """The snapshot's data version, after following the writer (one stat of `current` per call)."""
        self.follow()
        return super().data_version()

    def transaction(self):
        """Readers never write."""
        raise ReadOnly(t("replica.read_only"), t("replica.read_only.title"))

    def migrate(self) -> list[str]:
        """The writer migrates; a snapshot has its schema already."""
        return []
