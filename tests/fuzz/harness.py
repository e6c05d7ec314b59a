"""Run one input through the importer with a time bound and judge the outcome; fingerprint the database."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.fuzz.mutate import Case

REPO = Path(__file__).resolve().parent.parent.parent
GOOD_CSV = "Tỉnh,PCI,Xếp hạng\nHà Nội,65.5,2\nQuảng Ninh,70.1,1\nĐà Nẵng,64.2,3\nCần Thơ,63.0,4\n"


@dataclass
class Outcome:
    """How one input ended: accepted, rejected, or a failure of the importer (crash, hang, damage, bad message)."""

    case: Case
    verdict: str  # accepted | rejected | crash | hang | changed | unclear
    seconds: float
    detail: str = ""

    @property
    def failed(self) -> bool:
        """True when the importer misbehaved."""
        return self.verdict not in ("accepted", "rejected")

    def __str__(self) -> str:
        return f"[{self.verdict}] {self.case.name} ({self.case.how}; options {self.case.options}) " \
               f"{self.seconds:.1f}s\n{self.detail}"


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """Per base table: row count and an order-free hash of every row's full content."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
    out = {}
    for table in tables:  # names come from the catalog, not from input
        out[table] = con.execute(f'SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM "{table}" t').fetchone()
    return out


def make_template(folder: Path) -> Path:
    """A database with the reference data and one good PCI 2018 import (so a rejected file has rows to damage)."""
    from reformdash import service
    from reformdash.batches import commit
    from reformdash.ingest.importer import ImportOptions

    path = folder / "template.duckdb"
    store = service.open_store(str(path))
    try:
        service.init(store, demo=False)
        plan = service.plan_file(store, GOOD_CSV.encode(), "pci_2018_good.csv", ImportOptions())
        assert commit(store, plan, "fuzz") is not None
    finally:
        store.close()
    return path


def call_with_deadline(fn, seconds: float):
    """fn() in a daemon thread: (finished, result, exception, traceback text)."""
    box: dict = {}

    def run():
        try:
            box["result"] = fn()
        except BaseException as e:  # noqa: BLE001 - the point is to catch everything the importer lets out
            box["error"] = e
            box["trace"] = traceback.format_exc()

    worker = threading.Thread(target=run, daemon=True, name="fuzz-case")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        return False, None, None, ""
    return True, box.get("result"), box.get("error"), box.get("trace", "")


class Harness:
    """One store the cases run against; a rejected case must leave its content unchanged."""

    def __init__(self, db: Path, bound: float = 30.0):
        from reformdash import service

        self.store = service.open_store(str(db))
        self.bound = bound
        self.before = self._fingerprint()
        self.counts: dict[str, int] = {}

    def close(self) -> None:
        self.store.close()

    def _fingerprint(self) -> dict:
        cur = self.store.cursor()
        try:
            return fingerprint(cur)
        finally:
            cur.close()

    def run(self, case: Case) -> Outcome:
        """plan_file, then commit (and revert) what is accepted; judge what happened."""
        from reformdash import service
        from reformdash.batches import commit, revert
        from reformdash.errors import ImportRejected, ReformdashError
        from reformdash.ingest.importer import ImportOptions

        options = ImportOptions(**case.options)

        def work():
            plan = service.plan_file(self.store, case.data, case.name, options)
            batch = commit(self.store, plan, "fuzz")
            if batch is not None:
                revert(self.store, batch)
            return plan, batch

        start = time.perf_counter()
        finished, result, error, trace = call_with_deadline(work, self.bound)
        seconds = time.perf_counter() - start
        if not finished:
            outcome = Outcome(case, "hang", seconds, f"still running after {self.bound:.0f} s")
            self.counts[outcome.verdict] = self.counts.get(outcome.verdict, 0) + 1
            return outcome  # the thread still holds the store; the caller must stop using this harness
        if error is None:
            plan, batch = result
            outcome = Outcome(case, "accepted", seconds, f"{len(plan.analysis.scores)} scores, batch {batch}")
            self.before = self._fingerprint()  # an accepted file was written (and reverted): a new baseline
        elif isinstance(error, ImportRejected):
            outcome = judge_rejection(case, error, seconds)
            outcome = self._unchanged(outcome)
        elif isinstance(error, ReformdashError):
            outcome = Outcome(case, "unclear", seconds, f"{type(error).__name__}: {error.message}\n{trace}")
            outcome = self._unchanged(outcome)
        else:
            outcome = Outcome(case, "crash", seconds, trace)
            outcome = self._unchanged(outcome)
        self.counts[outcome.verdict] = self.counts.get(outcome.verdict, 0) + 1
        return outcome

    def _unchanged(self, outcome: Outcome) -> Outcome:
        after = self._fingerprint()
        if after != self.before:
            changed = sorted(t for t in set(after) | set(self.before) if after.get(t) != self.before.get(t))
            self.before = after
            return Outcome(outcome.case, "changed", outcome.seconds, f"tables changed after rejection: {changed}\n"
                           + outcome.detail)
        return outcome


def judge_rejection(case: Case, error, seconds: float) -> Outcome:
    """A clear rejection: at least one problem, each naming this file first ('Tệp «name»…'), no traceback text."""
    if not error.problems:
        return Outcome(case, "unclear", seconds, f"no problem listed: {error.message[:300]}")
    for problem in error.problems:
        text = problem.render("vi")
        if problem.file != case.name or not text.startswith(f"Tệp «{case.name}»"):
            return Outcome(case, "unclear", seconds, f"a problem does not name the file: {text[:300]}")
        if "Traceback" in text or "{" in text.split(":", 1)[1][:1]:
            return Outcome(case, "unclear", seconds, f"not a sentence: {text[:300]}")
    if not error.message.strip() or "Traceback" in error.message:
        return Outcome(case, "unclear", seconds, f"the message: {error.message[:300]}")
    return Outcome(case, "rejected", seconds, error.problems[0].render("vi")[:200])


# ---------------------------------------------------------------- the CLI in a subprocess

def cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    for key in ("REFORMDASH_DB", "REFORMDASH_LANG", "REFORMDASH_MAX_UPLOAD_MB", "REFORMDASH_MAX_UNPACKED_MB"):
        env.pop(key, None)
    return env


def cli_options(options: dict) -> list[str]:
    args = []
    for key, value in options.items():
        if value is True:
            args.append(f"--{key.replace('_', '-')}")
        else:
            args += [f"--{key.replace('_', '-')}", str(value)]
    return args


def run_cli(path: Path, db: Path, options: dict, bound: float, lang: str = "vi") -> tuple[str, str, float]:
    """`python -m reformdash import FILE` on a copy of the template: (verdict, detail, seconds)."""
    args = [sys.executable, "-m", "reformdash", "--db", str(db), "--lang", lang, "import", str(path),
            *cli_options(options)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(args, cwd=REPO, env=cli_env(), capture_output=True, text=True, timeout=bound)
    except subprocess.TimeoutExpired:
        return "hang", f"still running after {bound:.0f} s: {' '.join(args)}", time.perf_counter() - start
    seconds = time.perf_counter() - start
    if "Traceback" in proc.stderr or proc.returncode not in (0, 2):
        return "crash", f"exit {proc.returncode}\n{proc.stderr[-3000:]}", seconds
    if proc.returncode == 2:
        named = f"Tệp «{path.name}»" if lang == "vi" else f"File '{path.name}'"
        if named not in proc.stderr:
            return "unclear", f"stderr does not name the file: {proc.stderr[:500]}", seconds
        return "rejected", proc.stderr.splitlines()[1][:200] if len(proc.stderr.splitlines()) > 1 else "", seconds
    return "accepted", proc.stdout.splitlines()[0][:200] if proc.stdout else "", seconds
