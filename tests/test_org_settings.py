"""The organisation's focus, name and default peers live in the database (issue 14 B2): set by an administrator on
the Registry page or with the CLI, checked against the registry, logged; the presentation, the units page and the
rank changes page follow them."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import auth, catalog_admin, service, settings
from reformdash.batches import commit
from reformdash.cli import main
from reformdash.errors import Rejected
from reformdash.ingest.importer import ImportOptions

from .conftest import ROOT


def run(*args: str) -> int:
    return main(list(args))


# --- reading and writing ------------------------------------------------------------------------------------------

def test_without_settings_the_focus_is_the_environments(store, monkeypatch):
    org = settings.organisation(store)
    assert (org.focus, org.name, org.peers, org.named) == ("22", "Quảng Ninh", (), False)
    monkeypatch.setenv("REFORMDASH_FOCUS_ENTITY", "Hà Nội")
    assert settings.organisation(store).focus == "01"
    assert settings.set_organisation(store, "quantri", name="", peers="") == {}  # left empty: nothing to log


def test_an_administrator_sets_focus_name_and_peers_and_each_change_is_logged(store, monkeypatch):
    monkeypatch.setenv("REFORMDASH_FOCUS_ENTITY", "Hà Nội")  # the environment is only the first-run default
    changed = settings.set_organisation(store, "quantri", focus="Đà Nẵng", name="Sở Nội vụ TP. Đà Nẵng",
                                        peers=["Huế", "79"])
    assert changed == {"focus": "48", "name": "Sở Nội vụ TP. Đà Nẵng", "peers": "46,79"}
    org = settings.organisation(store)
    assert (org.focus, org.name, org.peers, org.named) == ("48", "Sở Nội vụ TP. Đà Nẵng", ("46", "79"), True)
    assert settings.set_organisation(store, "quantri", focus="48") == {}  # nothing changed, nothing logged
    settings.set_organisation(store, "lan", focus="22")
    log = settings.organisation_changes(store)
    assert list(log.columns) == ["changed_at", "changed_by", "setting", "old_setting", "new_setting"]
    assert log[["changed_by", "setting", "old_setting", "new_setting"]].iloc[0].tolist() == ["lan", "focus", "48", "22"]
    assert len(log) == 4


@pytest.mark.parametrize("values, message", [
    (dict(focus="Atlantis"), "Không có «Atlantis» trong danh mục"),
    (dict(peers="01,Xứ sở thần tiên"), "Không có «Xứ sở thần tiên» trong danh mục"),
    (dict(peers="22-SYT"), "Không có «22-SYT»"),  # a department is no peer on a provinces' ranking
    (dict(peers=",".join(["01", "79", "48", "31", "92", "75", "46", "56"])), "tối đa 7"),
    (dict(name="x" * 121), "tối đa 120 ký tự"),
    (dict(colour="red"), "Không có cài đặt «colour»"),
])
def test_bad_settings_are_refused_and_nothing_is_written(store, values, message):
    settings.set_organisation(store, "quantri", focus="01")
    with pytest.raises(Rejected, match=message):
        settings.set_organisation(store, "quantri", **{"focus": "79", **values})
    assert settings.organisation(store).focus == "01"
    assert len(settings.organisation_changes(store)) == 1


def test_default_peers_are_the_focus_region_unless_an_administrator_chose(store):
    assert settings.default_peers(store, "22") == ["01", "27", "31", "33"]  # Đồng bằng sông Hồng, not TP. HCM
    assert "46" in settings.region_peers(store, "48") and not {"01", "79"} & set(settings.default_peers(store, "48"))
    settings.set_organisation(store, "quantri", focus="22", peers="79,48")
    assert settings.default_peers(store, "22") == ["79", "48"]
    assert settings.default_peers(store, "01") == settings.region_peers(store, "01")[:settings.REGION_PEERS]


def test_cli_settings_set_and_show(tmp_path, capsys):
    db = str(tmp_path / "cli.duckdb")
    assert run("--db", db, "init", "--no-demo") == 0
    assert run("--db", db, "settings", "set", "focus=Hà Nội", "name=Sở Nội vụ Hà Nội", "peers=79") == 0
    assert "focus=01" in capsys.readouterr().out
    assert run("--db", db, "settings", "show", "--format", "json") == 0
    shown = pd.read_json(__import__("io").StringIO(capsys.readouterr().out))
    assert dict(zip(shown["setting"], shown["value"].astype(str))) == {"focus": "01", "name": "Sở Nội vụ Hà Nội",
                                                                      "peers": "79"}
    assert run("--db", db, "settings", "show", "--log") == 0
    assert "tester" in capsys.readouterr().out  # who changed it


@pytest.mark.parametrize("pair, message", [("focus=Atlantis", "Không có «Atlantis»"), ("focus", "khóa=giá trị"),
                                           ("colour=red", "Không có cài đặt «colour»")])
def test_cli_settings_set_exits_2_on_a_bad_value_and_writes_nothing(tmp_path, capsys, pair, message):
    db = str(tmp_path / "cli.duckdb")
    assert run("--db", db, "init", "--no-demo") == 0
    capsys.readouterr()
    assert run("--db", db, "settings", "set", pair) == 2
    assert message in capsys.readouterr().err
    store = service.open_store(db)
    assert settings.stored_settings(store) == {}
    store.close()


# --- the pages follow the settings --------------------------------------------------------------------------------

@pytest.fixture
def db(demo_db, tmp_path, monkeypatch):
    """A private copy of the demo database, served to AppTest."""
    from pages._common import clear_caches

    path = tmp_path / "org.duckdb"
    shutil.copyfile(demo_db, path)
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    clear_caches()
    yield str(path)
    clear_caches()


def page_store():
    """The dashboard's own connection (one writer per file)."""
    from pages._common import get_store

    return get_store()


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "vi"
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(f"pages/{page}.py").run()


def test_the_presentation_opens_the_organisations_focus(db):
    settings.set_organisation(page_store(), "quantri", focus="01", name="Sở Nội vụ Hà Nội")
    at = open_page("present")
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params["entity"] == "01"
    said = " ".join(m.value for m in at.markdown)
    assert "Hà Nội" in said and "Quảng Ninh" not in said
    assert any(c.value == "Sở Nội vụ Hà Nội" for c in at.caption)


def test_the_rank_changes_page_compares_with_the_focus_region(db):
    at = open_page("ranks", index="PCI")
    assert not at.exception, [e.message for e in at.exception]
    peers = at.multiselect(key="peers").value
    assert peers and "79" not in peers and set(peers) <= {"01", "27", "31", "33", "37", "30", "35", "36", "26",
                                                          "24", "25"}  # Đồng bằng sông Hồng
    settings.set_organisation(page_store(), "quantri", peers="79,48")
    at = open_page("ranks", index="PCI")
    assert at.multiselect(key="peers").value == ["79", "48"]


def test_the_sidebar_opens_on_the_focus_an_administrator_set(db):
    settings.set_organisation(page_store(), "quantri", focus="48")
    at = open_page("trends")
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params["entity"] == "48"


def test_the_units_page_opens_on_the_organisations_own_department_not_the_sample(db):
    store = page_store()
    at = open_page("units")
    assert at.selectbox(key="unit_parent").value == "22-SYT"  # only the sample has units yet
    # the organisation's own department under its focus, with its own (not sample) results
    parent = catalog_admin.add_unit(store, None, "Sở Nội vụ Quảng Ninh", "22", "quantri")
    for name in ("Phòng Cải cách hành chính", "Phòng Tổ chức biên chế"):
        catalog_admin.add_unit(store, None, name, parent, "quantri")
    own = ("Chỉ số,Năm,Đơn vị,Điểm\nSYT_CCHC,2024,Phòng Cải cách hành chính,88.5\n"
           "SYT_CCHC,2024,Phòng Tổ chức biên chế,91\n")
    assert commit(store, service.plan_file(store, own.encode(), "ket_qua.csv",
                                           ImportOptions(level="unit", parent=parent)), "lan")
    at = open_page("units")
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="unit_parent").value == parent
    assert "(mẫu)" not in at.markdown[0].value


def test_the_registry_page_sets_the_organisation_for_administrators_only(db):
    store = page_store()
    auth.add_user(store, "quantri", "admin", "quan-tri-vien-2024")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "vi"
    at.session_state["user"] = User("bientap", "editor")
    at = at.switch_page("pages/admin.py").run()
    assert not at.get("multiselect")  # an editor is refused before any form
    at.session_state["user"] = User("quantri", "admin")
    at = at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.selectbox(key="org_focus").set_value("48")
    at.text_input(key="org_name").input("Sở Nội vụ TP. Đà Nẵng")
    at.multiselect(key="org_peers").set_value(["46", "79"])
    at = at.button(key="org_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Đã lưu cài đặt" in s.value for s in at.success)
    org = settings.organisation(store)
    assert (org.focus, org.name, org.peers) == ("48", "Sở Nội vụ TP. Đà Nẵng", ("46", "79"))
    assert settings.organisation_changes(store)["changed_by"].tolist() == ["quantri"] * 3
