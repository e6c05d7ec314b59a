"""Every CLI command works while the dashboard holds the database (issue 15, item 12).

DuckDB lets no second process open a file one process writes, so the CLI sends its command through the dashboard's
control channel (reformdash/control.py) and the dashboard runs the same CLI functions on its own store. The first
tests hold the database in this test process, as the dashboard does, and run the real CLI in a subprocess; the last
one does it against a real `streamlit run` server opened in chromium, and sees the import on the page.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reformdash import control, service

from .conftest import ROOT
from .test_disk_full import new_year_csv

PASSWORD = "mat-khau-thu-nghiem-9"


def run_cli(db: str, *args: str, password: str | None = None, user: str = "quantri") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    env.update(REFORMDASH_USER=user, PYTHONPATH=str(ROOT))
    if password:
        env["REFORMDASH_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "reformdash", "--db", db, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def assert_held(db: str) -> None:
    """Another process cannot open the file: what the CLI gets is really the control channel."""
    opened = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({db!r})"], capture_output=True,
                            text=True)
    assert opened.returncode != 0 and "Could not set lock" in opened.stderr, opened.stderr


@pytest.fixture(scope="module")
def held(tmp_path_factory):
    """A demo database held by this process with its control channel open, as the dashboard holds it."""
    folder = tmp_path_factory.mktemp("control")
    db = str(folder / "reformdash.duckdb")
    done = run_cli(db, "init")
    assert done.returncode == 0, done.stderr
    store = service.open_store(db)
    server = control.serve(store)
    yield db, store, server, folder
    control.stop_all()
    store.close()


def test_the_control_file_and_socket_are_private(held):
    db, _, server, _ = held
    info = json.loads(control.control_file(db).read_text())
    assert stat.S_IMODE(os.stat(control.control_file(db)).st_mode) == 0o600
    assert info["family"] == "unix" and stat.S_IMODE(os.stat(info["address"]).st_mode) == 0o600
    assert len(info["token"]) == 64 and info["pid"] == os.getpid()


def test_users_scores_batches_import_revert_through_the_channel(held):
    db, store, _, folder = held
    subprocess_check = run_cli  # the CLI in its own process, as an administrator types it
    r = subprocess_check(db, "users", "add", "xem", "--role", "viewer", password=PASSWORD)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "Đã tạo tài khoản «xem» (viewer)."
    assert "xem" in set(store.df("user_list")["name"]), "written by the process that holds the file"
    r = subprocess_check(db, "--lang", "en", "users", "disable", "xem")
    assert (r.returncode, r.stdout.strip()) == (0, "Account 'xem' disabled."), r.stderr
    r = subprocess_check(db, "users", "list", "--format", "csv")
    assert r.returncode == 0 and "xem,viewer,,True,True" in r.stdout, r.stdout
    r = subprocess_check(db, "users", "password", "xem", password="mat-khau-moi-12345")
    assert r.returncode == 0, r.stderr

    r = subprocess_check(db, "scores", "--index", "PCI", "--year", "2019", "--format", "csv")
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and lines[0] == "index,year,entity_code,entity_name,component,value,rank,rank_of"
    assert len([x for x in lines if x.startswith("PCI,2019,") and ",," in x]) == 63

    new_file = folder / "PCI 2020.csv"
    new_file.write_bytes(new_year_csv())
    r = subprocess_check(db, "import", str(new_file), "--dry-run")
    assert r.returncode == 0 and "Chạy thử: chưa ghi gì." in r.stdout
    r = subprocess_check(db, "import", str(new_file))
    assert r.returncode == 0, r.stderr
    batch_id = int(r.stdout.split("Đã ghi lô ")[1].split(".")[0])
    r = subprocess_check(db, "batches", "--format", "json")
    batches = json.loads(r.stdout)
    assert batches[0]["id"] == batch_id and batches[0]["user_name"] == "quantri", "the caller's name, not the server's"
    assert store.df("scores", index_code="PCI", year=2020, entity_code=None, lang="vi").shape[0] > 0

    r = subprocess_check(db, "--lang", "en", "revert", str(batch_id))
    assert r.returncode == 0 and r.stdout.startswith(f"Batch {batch_id} reverted:"), r.stderr
    r = subprocess_check(db, "--lang", "en", "revert", str(batch_id))
    assert (r.returncode, r.stderr.strip()) == (2, f"batch {batch_id} was already reverted.")  # a refusal: exit 2
    assert_held(db)


def test_rejected_input_keeps_exit_2_and_files_come_back(held):
    db, _, _, folder = held
    bad = folder / "hong.csv"
    bad.write_text("Tỉnh,PCI 2020\nKhông có tỉnh này,55\n", encoding="utf-8")
    r = run_cli(db, "import", str(bad))
    assert r.returncode == 2 and "hong.csv" in r.stderr
    r = run_cli(db, "import", str(folder / "khong-co.csv"))
    assert r.returncode == 1 and "khong-co.csv" in r.stderr
    out = folder / "bao_cao.xlsx"
    r = run_cli(db, "export", "xlsx", "--entity", "Quảng Ninh", "--year", "2019", "--out", str(out))
    assert r.returncode == 0 and r.stdout.strip() == str(out), r.stderr
    assert out.read_bytes()[:2] == b"PK"
    r = run_cli(db, "users", "add", "khong-mat-khau", "--role", "viewer")  # no terminal, no $REFORMDASH_PASSWORD
    assert r.returncode == 2 and "REFORMDASH_PASSWORD" in r.stderr


def test_a_wrong_token_is_refused(held):
    db, store, _, _ = held
    info = control.read_control(db)
    before = store.rows("user_list")
    with pytest.raises(control.Unreachable, match="wrong token"):
        control.send({**info, "token": "0" * 64}, {"argv": ["users", "add", "ke-gian", "--role", "admin"],
                                                   "password": "12345678910"}, "en")
    with pytest.raises(control.Unreachable, match="wrong token"):
        control.send({**info, "token": ""}, {"argv": ["batches"]}, "en")
    assert store.rows("user_list") == before


def test_when_the_dashboard_cannot_be_reached_the_cli_says_what_to_do_in_its_language(tmp_path):
    db = str(tmp_path / "held.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({db!r}); "
                               "print('ready', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = run_cli(db, "--lang", "en", "users", "disable", "ai-do")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert r.stderr.startswith(f"The database {db} is held by another program"), r.stderr
        assert "control channel" in r.stderr and "Cơ sở dữ liệu" not in r.stderr
        r = run_cli(db, "batches")
        assert r.returncode == 1 and r.stderr.startswith(f"Cơ sở dữ liệu {db} đang được chương trình khác mở")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_the_real_dashboard_runs_cli_commands_and_shows_the_import(tmp_path):
    """`streamlit run` on a temporary database, opened in chromium (opening a page opens the store and the channel);
    the CLI adds and locks an account, reads scores and batches, imports a new year that the page then shows, and
    reverts it."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, served
    from tests.browser.test_pages_in_browser import wait_until_idle

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent")
    from playwright.sync_api import sync_playwright

    db = str(tmp_path / "served.duckdb")
    assert run_cli(db, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    env.update(REFORMDASH_DB=db, PYTHONUNBUFFERED="1")
    with served(env, tmp_path) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2200})
            page.goto(f"{base}/?lang=vi")
            wait_until_idle(page)
            assert control.control_file(db).exists()
            assert_held(db)
            r = run_cli(db, "users", "add", "x", "--role", "viewer", password=PASSWORD)
            assert r.returncode == 0, r.stderr
            r = run_cli(db, "users", "disable", "x")
            assert r.returncode == 0 and "đã bị khóa" in r.stdout
            r = run_cli(db, "scores", "--index", "PCI", "--year", "2019", "--format", "csv")
            assert r.returncode == 0 and len(r.stdout.splitlines()) > 63
            r = run_cli(db, "batches")
            assert r.returncode == 0 and "pci.csv" in r.stdout
            new_file = tmp_path / "PCI 2021.csv"  # the demo holds PCI up to 2020
            new_file.write_bytes(new_year_csv(2021))
            r = run_cli(db, "import", str(new_file))
            assert r.returncode == 0 and "Đã ghi lô " in r.stdout, r.stderr
            batch = r.stdout.split("Đã ghi lô ")[1].split(".")[0]
            page.reload()
            wait_until_idle(page)
            page.get_by_text("PCI 2021").first.wait_for(timeout=60_000)
            assert not page.locator('[data-testid="stException"]').count()
            r = run_cli(db, "--lang", "en", "revert", batch)
            assert r.returncode == 0 and r.stdout.startswith(f"Batch {batch} reverted"), r.stderr
            r = run_cli(db, "--lang", "en", "revert", batch)
            assert r.returncode == 2 and r.stderr.strip() == f"batch {batch} was already reverted."  # a refusal
        finally:
            browser.close()
    assert not control.control_file(db).exists(), "the dashboard removes its control file when it stops"
