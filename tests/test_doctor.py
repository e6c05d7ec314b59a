"""`python -m reformdash doctor` on a good and on a bad installation: each failure named with what to fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

from reformdash import control, doctor, service

from .conftest import ROOT


def by_check(findings, lang="en") -> dict:
    return {f.check: f for f in findings}


@pytest.fixture
def good_db(tmp_path):
    db = tmp_path / "reformdash.duckdb"
    store = service.open_store(str(db))
    store.close()
    os.chmod(db, 0o600)
    return str(db)


def run_doctor(db: str, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    return subprocess.run([sys.executable, "-m", "reformdash", "--lang", "en", "--db", db, "doctor", *extra],
                          cwd=ROOT, env={**base, **(env or {})}, capture_output=True, text=True, timeout=300)


def test_a_good_installation_passes(good_db):
    found = by_check(doctor.run(good_db, "en"))
    for name in ("Settings", "Database", "File permissions", "Disk space"):
        assert found[name].ok is True, found[name]
    assert "schema 4/4" in found["Database"].detail or f"schema {doctor.latest_schema()}/" in found["Database"].detail
    assert found["Control channel"].ok is None  # nothing holds the file: commands run directly
    if not (Path("/usr/bin/chromium").exists() and shutil.which("fc-list")):
        pytest.skip("this machine lacks chromium or fontconfig: the exit code would rightly be 1")
    done = run_doctor(good_db)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1] == "Every check passed."
    assert "✗" not in done.stdout


def test_a_bad_installation_names_every_problem_and_its_fix(good_db, tmp_path):
    os.chmod(good_db, 0o644)
    done = run_doctor(good_db, "--url", "http://127.0.0.1:9", env={
        "REFORMDASH_MAX_UPLOAD_MB": "nhiều", "REFORMDASH_LOGIN_REQUIRED": "maybe",
        "REFORMDASH_CHROMIUM": str(tmp_path / "no-chromium"), "PATH": "/nonexistent"})
    out = done.stdout
    assert done.returncode == 1
    assert "✗ Settings: REFORMDASH_MAX_UPLOAD_MB = 'nhiều': must be a number above 0" in out
    assert "REFORMDASH_LOGIN_REQUIRED = 'maybe'" in out
    assert f"✗ File permissions: {good_db} has mode 644" in out and f"→ fix: run: chmod 600 {good_db}" in out
    assert "✗ Chromium (chart images, PDF):" in out and "apt-get install -y chromium" in out
    assert "✗ Vietnamese fonts: fc-list (fontconfig) is missing" in out  # PATH hides it
    assert "✗ Web server: http://127.0.0.1:9/_stcore/health does not answer" in out
    assert out.splitlines()[-1] == "5 check(s) failed: see 'fix' above."


def test_a_missing_damaged_or_old_database(tmp_path, good_db):
    missing = str(tmp_path / "none" / "x.duckdb")
    found = by_check(doctor.run(missing, "en"))["Database"]
    assert found.ok is False and "init" in found.fix

    import duckdb

    conn = duckdb.connect(good_db)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    conn.close()
    found = by_check(doctor.run(good_db, "en"))["Database"]
    assert found.ok is False and found.detail.startswith("schema 2, the program needs") and "init" in found.fix

    damaged = tmp_path / "damaged.duckdb"
    data = bytearray(Path(good_db).read_bytes())
    for at in range(3 * 4096 + 8, len(data), 4096):  # past DuckDB's three header blocks: every data block
        data[at:at + 16] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    found = by_check(doctor.run(str(damaged), "en"))["Database"]
    assert found.ok is False and "cannot be opened or read whole" in found.detail and "restore" in found.fix


def test_too_little_disk_space(good_db, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda path: usage(10 * 2**30, 10 * 2**30 - 50 * 2**20,
                                                                           50 * 2**20))
    found = by_check(doctor.run(good_db, "en"))["Disk space"]
    assert found.ok is False and found.detail.startswith("only 50 MB free") and "old backups" in found.fix


def test_a_held_database_is_checked_through_the_dashboard_and_an_unreachable_one_fails(good_db):
    store = service.open_store(good_db)
    holder = None
    try:
        control.serve(store)
        done = run_doctor(good_db)
        assert "✓ Control channel: the dashboard (process" in done.stdout, done.stdout
        assert "is held by the dashboard" in done.stdout and "✓ Database:" in done.stdout
        control.stop_all()
        store.close()
        holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({good_db!r}); "
                                   "print('ready', flush=True); sys.stdin.read()"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "ready"
        done = run_doctor(good_db)
        assert done.returncode == 1
        assert "✗ Control channel: cannot be reached" in done.stdout and "sudo -u reformdash" in done.stdout
    finally:
        control.stop_all()
        if holder:
            holder.stdin.close()
            holder.wait(timeout=30)
