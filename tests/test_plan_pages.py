"""The plan on the pages (AppTest): the Kế hoạch page in both languages for viewers and editors, its filters in the
URL, an editor's upload (preview, then commit), grid and note; the overview's headline; the units page's plan tab."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import service
from reformdash.plan import model, views

from .conftest import ROOT

WORDS = {"vi": ("đạt", "đúng tiến độ", "nguy cơ", "chưa đạt", "chưa có"),
         "en": ("met", "on track", "at risk", "not met", "no data")}


def plan_page(lang: str = "vi", role: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    if role:
        at.session_state["user"] = User("an", role)
    return at.switch_page("pages/plan.py").run()


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.fixture
def writable_db(tmp_path, monkeypatch):
    """A fresh database as `init` makes it (the sample plan included), for the tests that write."""
    path = tmp_path / "plan.duckdb"
    store = service.open_store(str(path))
    service.init(store)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    return path


def read_store(path):
    return service.open_store(str(path))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sample_plan_is_alive_on_a_fresh_init(monkeypatch, demo_db, lang):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = plan_page(lang)
    no_exception(at)
    assert at.title[0].value == ("Kế hoạch" if lang == "vi" else "Plan")
    assert ("Kế hoạch" if lang == "vi" else "Plan") in at.session_state["_menu"]
    badge = ":orange-badge[MẪU]" if lang == "vi" else ":orange-badge[SAMPLE]"
    assert any(badge in m.value for m in at.markdown), "the sample plan is labelled"
    matrix = at.dataframe[0].value
    whole = "Cả cơ quan" if lang == "vi" else "Whole department"
    assert whole in matrix.columns and len(matrix) == 20, "20 indicators × the department and its units"
    cells = [c for c in matrix[whole]]
    assert all(any(w in c for w in WORDS[lang]) for c in cells), "every cell says its status in words"
    # the headline sentence names the period and counts the targets
    assert any(("chỉ tiêu" if lang == "vi" else "targets") in m.value and "/20" in m.value.replace(" of ", "/")
               for m in at.markdown)


def test_viewers_get_no_editor_tools(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = plan_page("vi", plan_view="Cập nhật")  # a hand-made link to the editors' tab
    no_exception(at)
    assert [t.label for t in at.tabs] == ["Chỉ tiêu × đơn vị", "Một chỉ tiêu", "Báo cáo chậm, nhiệm vụ"]
    assert not at.get("file_uploader") and not at.get("download_button")
    editor = plan_page("vi", "editor", plan_view="Cập nhật")
    no_exception(editor)
    assert [t.label for t in editor.tabs][-1] == "Cập nhật"
    assert editor.get("file_uploader"), "an editor uploads the plan's sheets"


def test_filters_come_from_the_url_and_narrow_the_matrix(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    unit_code = "22-SYT-benhvienphoi"
    at = plan_page("vi", plan="22-SYT", period="2025", office="Phòng NVY", unit=unit_code)
    no_exception(at)
    assert at.selectbox(key="plan_period").value == "2025"
    assert at.selectbox(key="plan_office").value == "Phòng NVY"
    assert at.selectbox(key="plan_unit").value == unit_code
    matrix = at.dataframe[0].value
    assert set(matrix["Chủ trì"]) == {"Phòng NVY"}
    assert list(matrix.columns) == ["Chỉ tiêu", "Cả cơ quan", "Mục tiêu", "Chủ trì", "Bệnh viện Phổi"]
    assert all(("đạt" in c or "chưa có" in c) for c in matrix["Cả cơ quan"]), "a finished year is met or not"
    # a choice made on the page goes back to the URL
    at.selectbox(key="plan_office").set_value("(tất cả)").run()
    assert at.query_params["office"] in ("(tất cả)", ["(tất cả)"]) and len(at.dataframe[0].value) == 20


def test_one_indicator_has_its_charts_and_the_rule_in_words(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = plan_page("en", plan_view="One indicator", indicator="HSTT", period="2026-Q3")
    no_exception(at)
    assert len(at.get("plotly_chart")) == 2
    assert any("Whole department" in m.value and "against a target of" in m.value for m in at.markdown)
    table = at.dataframe[0].value
    assert "How it was judged" in table.columns and len(table) == 15  # the department and its 14 units


def test_late_reports_and_tasks_with_their_notes(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = plan_page("vi", plan_view="Báo cáo chậm, nhiệm vụ")
    no_exception(at)
    late, tasks = (d.value for d in at.dataframe)
    assert "Trung tâm Pháp y" in set(late["Đơn vị"])
    assert "Đã kiểm tra 4/14 đơn vị" in " ".join(tasks["Ghi chú tiến độ"])


def test_an_editor_uploads_results_sees_old_and_new_then_commits(writable_db):
    at = plan_page("vi", "editor", plan_view="Cập nhật")
    no_exception(at)
    at.radio(key="plan_upload_what").set_value("results").run()
    csv = ("Mã chỉ tiêu,Đơn vị,Kỳ,Giá trị,Ngày gửi\n"
           "HL,Bệnh viện Phổi,2026-Q3,99,20/09/2026\n"
           "HL,Trung tâm Pháp y,2026-Q3,91,30/11/2026\n")
    at.get("file_uploader")[0].upload("bao_cao_quy3.csv", csv.encode(), "text/csv").run()
    no_exception(at)
    counts = at.dataframe[0].value
    assert list(counts.iloc[0][["Thêm", "Thay đổi"]]) == [1, 1]
    changed = at.dataframe[1].value
    assert changed["value"].iloc[0].endswith("→ 99"), "the changed row shows old → new"
    at.button(key="plan_commit_upload").click().run()
    no_exception(at)
    assert any("Đã ghi lô" in s.value for s in at.success)
    store = read_store(writable_db)
    try:
        values = store.df("kpi_values", parent_code="22-SYT")
    finally:
        store.close()
    mine = values[(values["indicator_code"] == "HL") & (values["period"] == "2026-Q3")]
    assert set(mine[mine["entity_code"] == "22-SYT-benhvienphoi"]["value"]) == {99.0}
    assert len(mine[mine["entity_code"] == "22-SYT-trungtamphapy"]) == 1, "the late unit's report arrived"


def test_an_editor_types_a_units_figures_and_adds_a_note(writable_db):
    at = plan_page("en", "editor", plan_view="Update")
    at.segmented_control(key="plan_action").set_value("grid").run()
    at.selectbox(key="plan_grid_entity").set_value("22-SYT-trungtamphapy").run()
    at.selectbox(key="plan_grid_period").set_value("2026-Q3").run()
    no_exception(at)
    store = read_store(writable_db)
    try:
        grid = views.grid_rows(store, "22-SYT", "22-SYT-trungtamphapy", "2026-Q3")
    finally:
        store.close()
    assert grid["value"].isna().all(), "the unit has not reported Q3: the grid starts blank"
    # the grid's Change, as the page builds it from what is typed
    grid.loc[grid["code"] == "HL", "value"] = 93.0
    store = read_store(writable_db)
    try:
        change = model.preview(store, views.grid_change(store, "22-SYT", "22-SYT-trungtamphapy", "2026-Q3", grid,
                                                        dt.date(2026, 11, 30)))
        assert change.counts["value"] == {"added": 1, "changed": 0, "unchanged": 0}
    finally:
        store.close()
    at.segmented_control(key="plan_action").set_value("note").run()
    at.selectbox(key="plan_note_task").set_value("2026|NV03")
    at.text_input(key="plan_note_text").input("Đã kiểm tra thêm 3 đơn vị").run()
    at.button(key="plan_note_add").click().run()
    no_exception(at)
    assert any("Written as batch" in s.value for s in at.success)
    store = read_store(writable_db)
    try:
        tasks = model.tasks(store, "22-SYT")
    finally:
        store.close()
    assert "Đã kiểm tra thêm 3 đơn vị" in tasks[tasks["code"] == "NV03"]["notes"].iloc[0]


def test_the_grid_change_rejects_half_a_ratio(demo_db):
    store = service.open_store(demo_db)
    try:
        grid = views.grid_rows(store, "22-SYT", "22-SYT-benhvienphoi", "2026-Q3")
    finally:
        store.close()
    grid.loc[grid["code"] == "HSTT", ["numerator", "denominator"]] = [30.0, None]
    from reformdash.errors import ReformdashError

    with pytest.raises(ReformdashError, match="HSTT"):
        views.grid_change(None, "22-SYT", "22-SYT-benhvienphoi", "2026-Q3", grid, None)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_overview_shows_the_plans_headline_beside_the_index_cards(monkeypatch, demo_db, lang):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    no_exception(at)
    metrics = [m.value for m in at.metric]
    assert metrics[-1].endswith("/20"), "the plan's card: targets met or on track out of 20"
    late = "Chậm báo cáo" if lang == "vi" else "Late reports"
    assert any(late in c.value and "Trung tâm Pháp y" in c.value for c in at.caption)
    summary = next(m.value for m in at.markdown if m.value.startswith("### "))
    assert ("Sở Y tế Quảng Ninh (mẫu)" if lang == "vi" else "Quang Ninh Health Department (sample)") in summary


def test_the_overview_headline_counts_the_parents_targets(demo_db):
    store = service.open_store(demo_db)
    try:
        [head] = views.overview_headlines(store, "22", dt.date(2026, 12, 1))
    finally:
        store.close()
    assert head.period == "2026-Q3" and head.total == 20 and head.sample
    assert head.counts == {"met": 0, "on_track": 6, "at_risk": 13, "not_met": 0, "no_data": 1}
    assert head.late_units == ["Trung tâm Pháp y"]
    assert head.sentence.startswith("Quý III/2026, 6/20 chỉ tiêu đạt hoặc đúng tiến độ (0 đạt, 6 đúng tiến độ); "
                                    "13 chỉ tiêu có nguy cơ không đạt: ")


@pytest.mark.parametrize("lang, tab", [("vi", "Kế hoạch"), ("en", "Plan")])
def test_the_units_page_shows_each_units_plan_indicators(monkeypatch, demo_db, lang, tab):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.query_params["unit_view"] = tab
    at.switch_page("pages/units.py").run()
    no_exception(at)
    assert tab in [t.label for t in at.tabs]
    summary, mine = (d.value for d in at.dataframe[:2])
    assert len(summary) == 14, "one row per unit"
    # 19: the inspections indicator (KTRA) is the department's own figure
    assert len(mine) == 19 and ("Tình trạng" if lang == "vi" else "Status") in mine.columns
    at.selectbox(key="plan_unit_pick").set_value("22-SYT-benhvienphoi").run()
    assert not at.exception
