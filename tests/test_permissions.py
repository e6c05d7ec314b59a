"""Who may read what (issue 15, hole 11): the database, its log, backups and .bak copies are their owner's only
(0600) whatever the umask; a backup's manifest names no path of the server; single sign-on trusts only a verified
e-mail address."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reformdash import auth, backup, service
from reformdash.cli import main
from reformdash.store import Store

from .conftest import ROOT

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no group/other mode bits")


@pytest.fixture
def open_umask():
    """The usual umask 022 (files 0644), so a file made private only by luck of the umask shows."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


@posix_only
def test_the_database_init_creates_and_its_log_are_its_owners_only(open_umask, tmp_path, capsys):
    db = tmp_path / "data" / "reformdash.duckdb"
    assert main(["--db", str(db), "init", "--no-demo"]) == 0
    assert db.is_file() and private(db), oct(db.stat().st_mode)
    os.umask(0o022)
    store = Store(db)  # a write leaves a log (DuckDB makes it again after every checkpoint)
    try:
        auth.add_user(store, "quantri", "admin", "mat-khau-rat-dai-1")
        files = [p for p in db.parent.iterdir() if p.is_file()]
        assert Path(f"{db}.wal") in files
        assert [p.name for p in files if not private(p)] == []
    finally:
        store.close()


@posix_only
def own_copy(demo_db: str, tmp_path: Path) -> str:
    """A private copy of the demo database: another test's store may hold the shared file open in this process."""
    copy = tmp_path / "nguon" / "reformdash.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(demo_db, copy)
    return str(copy)


def test_backups_and_the_kept_old_database_are_their_owners_only(open_umask, demo_db, tmp_path):
    demo_db = own_copy(demo_db, tmp_path)
    zipped = tmp_path / "sao_luu.zip"
    assert main(["--db", demo_db, "backup", str(zipped)]) == 0
    assert private(zipped), oct(zipped.stat().st_mode)
    target = tmp_path / "dich" / "reformdash.duckdb"
    target.parent.mkdir()
    shutil.copyfile(demo_db, target)
    target.chmod(0o644)  # a database an older version made world-readable
    os.umask(0o022)
    assert main(["--db", str(target), "restore", str(zipped), "--force"]) == 0
    kept = Path(f"{target}.bak")
    assert kept.is_file() and private(kept), oct(kept.stat().st_mode)
    assert private(target), oct(target.stat().st_mode)
    store = service.open_store(str(target))
    try:
        live = backup.backup_store(store, tmp_path / "live.zip")  # the Data page's backup, inside the dashboard
    finally:
        store.close()
    assert private(Path(live["file"]))


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def test_a_backups_manifest_names_no_path_of_the_server(demo_db, tmp_path):
    demo_db = own_copy(demo_db, tmp_path)
    zipped = tmp_path / "sao_luu.zip"
    assert main(["--db", demo_db, "backup", str(zipped)]) == 0
    store = service.open_store(demo_db)
    try:
        live = Path(backup.backup_store(store, tmp_path / "live.zip")["file"])
    finally:
        store.close()
    for made in (zipped, live):
        text = zipfile.ZipFile(made).read("manifest.json").decode("utf-8")
        manifest = json.loads(text)
        assert "source" not in manifest
        paths = [s for s in strings(manifest) if "/" in s or "\\" in s]
        assert paths == [], paths
        for folder in (str(Path(demo_db).parent), str(tmp_path), str(ROOT), Path(demo_db).name):
            assert folder not in text


# single sign-on ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sso_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("sso") / "demo.duckdb"
    store = service.open_store(str(path))
    service.init(store)
    auth.add_user(store, "bientap", "editor", "bien-tap-2024", email="bientap@so.gov.vn")
    store.close()
    return str(path)


@pytest.mark.parametrize("claim, trust, expected", [
    (True, "false", ("bientap", "editor")),
    ("true", "false", ("bientap", "editor")),  # some providers send the claim as a string
    (False, "true", ("bientap@so.gov.vn", "viewer")),
    ("false", "true", ("bientap@so.gov.vn", "viewer")),
    (None, "false", ("bientap@so.gov.vn", "viewer")),  # absent: not verified
    (None, "true", ("bientap", "editor")),  # unless the setting trusts the provider
])
def test_only_a_verified_email_gets_its_accounts_role(sso_db, monkeypatch, claim, trust, expected):
    monkeypatch.setenv("REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL", trust)
    store = Store(sso_db)
    try:
        assert auth.match_identity(store, "BienTap@so.gov.vn", claim) == expected
    finally:
        store.close()


SSO_SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                        "client_id": "reformdash", "client_secret": "s",
                        "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}}


@pytest.mark.parametrize("secrets, expected", [
    ({}, ("bientap@so.gov.vn", "viewer")),
    ({"REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL": "true"}, ("bientap", "editor")),
], ids=["absent_claim", "absent_claim_trusted_in_secrets"])
def test_the_dashboard_signs_in_an_identity_without_email_verified_as_a_viewer(sso_db, monkeypatch, secrets,
                                                                                expected):
    monkeypatch.setenv("REFORMDASH_DB", sso_db)
    monkeypatch.delenv("REFORMDASH_SSO_TRUST_UNVERIFIED_EMAIL", raising=False)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.secrets = {**SSO_SECRETS, **secrets}
    app.user = {"is_logged_in": True, "email": "bientap@so.gov.vn", "name": "bientap"}  # no email_verified
    at = app.run()
    assert not at.exception, [e.message for e in at.exception]
    user = at.session_state["user"]
    assert (user.name, user.role, user.via) == (*expected, "sso")
