"""The plan editor (issue 12 item 1): the Kế hoạch page's grids of indicators and a year's targets make a Change read
by the plan sheet's own rules; an editor's change through the page is one batch that `revert` undoes."""

from __future__ import annotations

import datetime as dt

import pytest

from pages._auth import User
from reformdash import batches, service
from reformdash.errors import ImportRejected
from reformdash.plan import edit, judge, model

from .test_plan_pages import no_exception, plan_page, read_store, writable_db  # noqa: F401 (a fixture)

PARENT = "22-SYT"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def store(demo_db):
    s = service.open_store(demo_db)
    yield s
    s.close()


def frames(store):
    return edit.indicator_frame(store, PARENT), edit.target_frame(store, PARENT, 2026)


def test_the_editor_frames_read_back_unchanged(store):
    indicators, targets = frames(store)
    assert len(indicators) == 20 and len(targets) == 20
    shown = dict(zip(targets["indicator_code"], targets["target"]))
    assert shown["TTTT"] == "> 10%" and shown["BC"] == "giảm 3–5%"
    assert shown["XL"] == "> 90% đơn vị đạt loại Tốt trở lên"
    change = model.preview(store, edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY))
    assert change.counts == {"indicator": {"added": 0, "changed": 0, "unchanged": 20},
                             "target": {"added": 0, "changed": 0, "unchanged": 20}}
    assert change.is_noop and change.notes == [], "an untouched range target adds no note"


def test_a_good_edit_changes_one_target_and_one_name(store):
    indicators, targets = frames(store)
    indicators.loc[indicators["code"] == "HL", "name_vi"] = "Mức độ hài lòng (sửa)"
    targets.loc[targets["indicator_code"] == "HL", "target"] = "95"
    targets.loc[targets["indicator_code"] == "CT", ["target", "base_year"]] = ["giảm 20%", 2024]
    change = model.preview(store, edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY))
    assert change.counts["indicator"] == {"added": 0, "changed": 1, "unchanged": 19}
    assert change.counts["target"] == {"added": 0, "changed": 2, "unchanged": 18}
    rows = change.to_write["target"].set_index("indicator_code")
    assert rows.loc["HL", "kind"] == "at_least" and rows.loc["HL", "target"] == 95
    assert (rows.loc["CT", "kind"], rows.loc["CT", "target"], rows.loc["CT", "base_year"]) == ("decrease_by", 20, 2024)
    assert rows.loc["CT", "text"] == "giảm 20% so với năm 2024"
    old = change.changed["indicator"]
    assert list(old["old_name_vi"]) == ["Mức độ hài lòng của người dân về giải quyết TTHC (MẪU)"]


@pytest.mark.parametrize("column, value, message", [
    ("target", "abc", "dòng 1, cột Giá trị mục tiêu, giá trị «abc»: thiếu con số của mục tiêu"),
    ("base_year", 2027, "dòng 1, cột Năm gốc, giá trị «2027»: năm gốc phải trước năm của mục tiêu (2026)"),
])
def test_a_bad_target_is_refused_with_the_plan_sheets_message(store, column, value, message):
    indicators, targets = frames(store)
    targets.loc[0, column] = value
    with pytest.raises(ImportRejected) as e:
        edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY)
    assert "trang «Mục tiêu năm 2026»" in e.value.message and message in e.value.message
    english = pytest.raises(ImportRejected, edit.edited_change, store, PARENT, 2026, indicators, targets, "en",
                            TODAY)
    assert "Targets 2026" in english.value.message


def test_an_indicator_keeps_its_code_and_a_direction_must_be_understood(store):
    indicators, targets = frames(store)
    indicators.loc[0, "code"] = "HL2"
    indicators.loc[1, "direction"] = "sideways"
    with pytest.raises(ImportRejected) as e:
        edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY)
    assert "dòng 1, cột Mã chỉ tiêu, giá trị «HL2»: mã của chỉ tiêu đã có không đổi được (mã cũ: HL)" \
        in e.value.message
    assert "dòng 2, cột Chiều tốt, giá trị «sideways»: không hiểu chiều tốt" in e.value.message


def test_a_new_indicator_with_english_name_and_a_units_own_target(store):
    indicators, targets = frames(store)
    indicators.loc[len(indicators)] = {"code": "SMS", "name_vi": "Tin nhắn trả kết quả", "name_en": "Result texts",
                                       "unit": "%", "direction": "higher", "aggregation": "ratio",
                                       "owner": "Văn phòng Sở", "was": None}
    targets.loc[len(targets)] = {"indicator_code": "SMS", "whose": PARENT, "kind": "at_least",
                                 "target": "80", "base_year": None}
    targets.loc[len(targets)] = {"indicator_code": "SMS", "whose": "22-SYT-benhvienphoi", "kind": None,
                                 "target": "60%", "base_year": None}
    change = model.preview(store, edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY))
    assert change.counts["indicator"]["added"] == 1 and change.counts["target"]["added"] == 2
    new = change.to_write["indicator"].iloc[0]
    assert (new["code"], new["name_en"], new["aggregation"], new["applies_to"], new["sort_order"]) == \
        ("SMS", "Result texts", "ratio", "*", 21)
    own = change.to_write["target"].set_index("entity_code").loc["22-SYT-benhvienphoi"]
    assert (own["kind"], own["target"]) == ("at_least", 60), "a bare number follows the indicator's direction"


def test_a_target_for_an_unknown_indicator_is_refused(store):
    indicators, targets = frames(store)
    targets.loc[len(targets)] = {"indicator_code": "NOPE", "whose": PARENT, "kind": "at_least",
                                 "target": "5", "base_year": None}
    with pytest.raises(ImportRejected, match="dòng 21, cột Chỉ tiêu, giá trị «NOPE»: kế hoạch của"):
        edit.edited_change(store, PARENT, 2026, indicators, targets, today=TODAY)


def test_the_english_page_names_the_sample_indicators_in_english(store):
    frame = judge.evaluate(store, "2026-Q3", PARENT, TODAY, "en")
    names = set(frame["indicator_name"])
    assert "Citizens' satisfaction with administrative procedures (SAMPLE)" in names
    assert not any("MẪU" in n for n in names), "no Vietnamese name on the English page"
    assert edit.choices(store, PARENT, TODAY, "en").aggregations["ratio"] == "numerator/denominator"


def test_an_editor_changes_a_target_and_a_name_on_the_page_as_one_batch_revert_undoes(writable_db):  # noqa: F811
    at = plan_page("vi", "editor", plan_view="Cập nhật")
    at.segmented_control(key="plan_action").set_value("plan").run()
    no_exception(at)
    assert [e.key for e in at.data_editor] == [f"plan_ind_editor_{PARENT}", f"plan_target_editor_{PARENT}_2026"]
    assert at.data_editor[0].value.columns.tolist()[:2] == ["code", "name_vi"]
    # what a person types in the grids (AppTest seeds a keyed editor's edit state)
    at.session_state[f"plan_ind_editor_{PARENT}"] = {"edited_rows": {0: {"name_vi": "Hài lòng về TTHC (sửa)"}},
                                                     "added_rows": [], "deleted_rows": []}
    at.session_state[f"plan_target_editor_{PARENT}_2026"] = {"edited_rows": {1: {"target": "> 15%"}},
                                                              "added_rows": [], "deleted_rows": []}
    at.button(key="plan_edit_preview").click().run()
    no_exception(at)
    counts = at.dataframe[2].value
    assert counts.set_index("Bảng").loc[["Chỉ tiêu", "Mục tiêu"], "Thay đổi"].tolist() == [1, 1]
    changed = [d.value for d in at.dataframe[3:5]]
    assert changed[0]["name_vi"].iloc[0].endswith("→ Hài lòng về TTHC (sửa)")
    assert changed[1]["target"].iloc[0] == "10 → 15", "old → new"
    at.button(key="plan_commit_edit").click().run()
    no_exception(at)
    assert any("Đã ghi lô" in s.value for s in at.success)
    store = read_store(writable_db)
    try:
        plan = model.load(store, PARENT)
        assert plan.indicators["HL"].name_vi == "Hài lòng về TTHC (sửa)"
        assert plan.target_for("TTTT", PARENT, "2026").target == 15
        assert plan.indicators["HL"].batch_id == plan.target_for("TTTT", PARENT, "2026").batch_id, "one batch"
        batch = plan.indicators["HL"].batch_id
        batches.revert(store, batch)
        plan = model.load(store, PARENT)
        assert plan.indicators["HL"].name_vi == "Mức độ hài lòng của người dân về giải quyết TTHC (MẪU)"
        assert plan.target_for("TTTT", PARENT, "2026").target == 10
    finally:
        store.close()


def test_a_viewer_sees_no_plan_editor(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = plan_page("vi", plan_view="Cập nhật", role="viewer")
    no_exception(at)
    assert not at.data_editor and "Cập nhật" not in [t.label for t in at.tabs]
    assert User("an", "viewer").role == "viewer"
