"""The goals as a new user meets them (issue 14, B6): each goal stated in words, the sample apart from the
organisation's goals, an editor in words, a file previewed with its problems one per line, a list that refreshes."""

import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import goals
from reformdash.overview import focus_cards
from reformdash.store import Store

from .conftest import ROOT

HEADER = "Chỉ số,Chỉ số thành phần,Đơn vị,Loại mục tiêu,Mục tiêu,Năm gốc,Năm mục tiêu\n"


@pytest.fixture
def db(demo_db, tmp_path, monkeypatch):
    """A copy of the demo database (its goals are the sample's), used by the pages through REFORMDASH_DB."""
    path = tmp_path / "goals.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    return path


def goals_page(role: str | None = None, lang: str = "vi") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    if role:
        at.session_state["user"] = User("an", role)
    at.query_params["lang"] = lang
    return at.switch_page("pages/goals.py").run()


def editor(at):
    """The goal editor (AppTest lists st.data_editor among its dataframes)."""
    return next(d for d in at.dataframe if (d.key or "").startswith("goal_editor"))


def editor_rows(at) -> pd.DataFrame:
    return editor(at).value


def with_store(path, fn):
    store = Store(path)
    store.migrate()
    try:
        return fn(store)
    finally:
        store.close()


def test_two_goals_of_one_index_without_data_read_differently_on_the_overview(db):
    # a new focus with two PCI goals and no PCI data for their years: both lines said «Chưa có dữ liệu — PCI …»
    text = HEADER + "PCI,,Quảng Ninh,Top,5,,2030\nPCI,,Quảng Ninh,Tăng bậc,3,2019,2030\n"
    with_store(db, lambda s: goals.import_goals(s, text.encode(), "muc_tieu.csv"))
    cards = with_store(db, lambda s: focus_cards(s, "Quảng Ninh", "vi"))
    pci = next(c for c in cards.cards if c.index_code == "PCI")
    stated = [g[2] for g in pci.goals if "2030" in g[2]]
    assert stated == ["PCI: nằm trong nhóm 5 dẫn đầu năm 2030", "PCI: tăng 3 bậc so với năm 2019, đến năm 2030"]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    lines = next(m.value for m in at.markdown if "Tình hình thực hiện mục tiêu" in m.value).replace("\\", "")
    assert "**PCI: nằm trong nhóm 5 dẫn đầu năm 2030** — Chưa có kết quả năm 2030" in lines
    assert "**PCI: tăng 3 bậc so với năm 2019, đến năm 2030** — Chưa có kết quả năm 2030" in lines


@pytest.mark.parametrize("lang, own, sample", [("vi", "Mục tiêu của đơn vị", "Mục tiêu mẫu"),
                                               ("en", "The organisation's goals", "Sample goals")])
def test_the_goals_page_sets_the_sample_goals_apart(db, demo_db, tmp_path, monkeypatch, lang, own, sample):
    at = goals_page(lang=lang)
    assert [h.value for h in at.subheader] == [sample]  # the demo's goals are all the sample's
    assert at.info and own not in [h.value for h in at.subheader]
    other = tmp_path / "own.duckdb"  # written by the test, so another file than the one the page holds open
    shutil.copy(demo_db, other)
    with_store(other, lambda s: goals.import_goals(s, (HEADER + "PCI,,Đà Nẵng,Top,3,,2019\n").encode(), "x.csv"))
    monkeypatch.setenv("REFORMDASH_DB", str(other))
    at = goals_page(lang=lang)
    assert [h.value for h in at.subheader] == [own, sample]
    own_list = next(m.value for m in at.markdown if "nhóm 3" in m.value or "top 3" in m.value)
    assert own_list.count("\n- ") == 0 and "Ninh" not in own_list  # one goal, not mixed with the sample
    assert sum(int(m.value) for m in at.metric) == 1  # the counts are the organisation's goals, not the sample's


def test_the_goal_editor_shows_words_not_codes_and_saves_them_back(db):
    text = HEADER + ("PCI,,Đà Nẵng,Top,3,,2019\nPAPI,,Đà Nẵng,năm sau cao hơn năm trước,,,2019\n"
                     "PAR INDEX,Tất cả,Quảng Ninh,năm sau cao hơn năm trước,,2023,2025\n"
                     "SYT_CCHC,Mức độ hài lòng của người bệnh,Bệnh viện Đa khoa tỉnh,≥,87.5,,2025\n")
    with_store(db, lambda s: goals.import_goals(s, text.encode(), "x.csv"))
    at = goals_page("editor")
    rows = editor_rows(at)
    shown = set(rows.drop(columns="id").astype(str).to_numpy().ravel())
    assert not shown & {"rank_at_most", "yoy_increase", "value_at_least", "rank_up", "None", "nan", "<NA>", "*"}
    assert {"Nằm trong nhóm dẫn đầu", "Năm sau cao hơn năm trước", "Không thấp hơn", "Tất cả", "87,5",
            "Đà Nẵng · 48"} <= shown
    assert "Quảng Ninh · 22" in shown and len(rows) == 4  # the sample goals are not in the editor
    before = with_store(db, lambda s: goals.evaluate_goals(s))
    with_store(db, lambda s: goals.save_goals(s, goals.editor_frame(s)[0]))  # the editor's table saves as it is
    after = with_store(db, lambda s: goals.evaluate_goals(s))
    keep = ["index", "component", "entity_code", "kind", "target", "base_year", "target_year", "sample"]
    assert after[keep].equals(before[keep])


def test_a_goals_file_is_previewed_its_bad_rows_listed_one_per_line_and_the_list_refreshes(db):
    at = goals_page("editor")
    text = HEADER + ("PCI,,Đà Nẵng,Top,3,,2019\nPCI,,Đà Nẵg,Top,3,,2019\nPAPI,,Hà Nội,Top,abc,,1999\n")
    at.get("file_uploader")[0].upload("muc_tieu.csv", text.encode(), "text/csv").run()
    assert not at.exception, [e.message for e in at.exception]
    assert with_store(db, lambda s: goals.list_goals(s)["sample"].all())  # nothing saved by reading
    preview = next(d for d in at.dataframe if not (d.key or "").startswith("goal_editor")).value
    assert list(preview.iloc[:, 0]) == ["PCI: nằm trong nhóm 3 dẫn đầu năm 2019"]
    error = at.error[0].value
    problems = [line for line in error.split("\n") if line.startswith("- ")]
    assert len(problems) == 3  # one unknown name, a bad target and a bad year: each its own line, with its row
    assert "dòng 3" in problems[0] and all("dòng 4" in p for p in problems[1:])
    assert any("**1** mục tiêu đọc được và **2** dòng lỗi" in m.value for m in at.markdown)
    button = next(b for b in at.button if b.key == "goal_import")
    assert button.label == "Lưu 1 mục tiêu đọc được, bỏ qua các dòng lỗi"
    at = button.click().run()
    assert [s.value for s in at.success] == ["Đã lưu. (1)"]
    assert [h.value for h in at.subheader][0] == "Mục tiêu của đơn vị"  # the list shows the goal just saved
    assert any("Đà Nẵng" in m.value and "nằm trong nhóm 3" in m.value for m in at.markdown)


def test_the_editor_saves_and_the_page_shows_the_saved_goal_at_once(db):
    at = goals_page("editor")
    frame, _choices = with_store(db, lambda s: goals.editor_frame(s))
    assert frame.empty
    row = {"Chỉ số": "PCI", "Đơn vị": "Đà Nẵng · 48", "Loại mục tiêu": "Nằm trong nhóm dẫn đầu", "Mục tiêu": "3",
           "Năm mục tiêu": "2019"}
    at.session_state[editor(at).key] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    at = next(b for b in at.button if b.key == "goal_save").click().run()
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Đã lưu."]
    assert sum(int(m.value) for m in at.metric) == 1  # the saved goal is counted at once
    assert len(editor_rows(at)) == 1
