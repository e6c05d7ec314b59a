"""AppTest runs every page, in both languages, on the demo data and on an empty database."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from reformdash import service

from .conftest import ROOT

PAGES = ["overview", "trends", "ranks", "components", "compare", "units", "goals", "map"]


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "empty.duckdb"
    store = service.open_store(str(path))
    service.init(store, demo=False)  # as `init --no-demo`: the dashboard must not fill it later
    store.close()
    return str(path)


def decode(array) -> list:
    """Plotly 7 sends numeric arrays as {'dtype', 'bdata'} (base64): back to a list."""
    import base64

    import numpy as np

    if isinstance(array, dict) and "bdata" in array:
        return list(np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]))
    return list(array)


def open_page(page: str, lang: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    if page == "overview":
        return at.run()
    return at.switch_page(f"pages/{page}.py").run()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo_data(monkeypatch, demo_db, page, lang):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page(page, lang)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "every page has a title"
    if page in ("trends", "ranks", "components", "compare", "units", "map"):
        assert at.get("plotly_chart"), f"{page} draws its charts"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_explains_an_empty_database(monkeypatch, empty_db, page):
    monkeypatch.setenv("REFORMDASH_DB", empty_db)
    at = open_page(page, "vi")
    assert not at.exception, [e.message for e in at.exception]
    assert any("Chưa có" in i.value or "tải" in i.value.lower() for i in at.info), "an empty page says what to load"


def test_overview_shows_the_focus_province_in_both_languages(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    vi = open_page("overview", "vi")
    assert "Quảng Ninh" in vi.title[0].value
    # PCI 2020 (VCCI's ranking page, score and rank only) is the latest year
    assert any("75,09" in m.value for m in vi.metric)
    assert any("Năm 2020, Chỉ số PCI của tỉnh Quảng Ninh đạt 75,09 điểm, xếp thứ 1/63" in m.value
               for m in vi.markdown)
    en = open_page("overview", "en")
    assert any("75.09" in m.value for m in en.metric)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_components_page_offers_only_years_with_sub_indices(monkeypatch, demo_db, lang):
    # PCI 2020 was published with its overall score only: the page opens on 2019 and draws its heatmap
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("components", lang, index="PCI")
    assert not at.exception
    year = at.selectbox(key="pick_year")
    assert year.value == 2019 and 2020 not in year.options and "2020" not in year.options
    assert at.get("plotly_chart")
    asked = open_page("components", lang, index="PCI", year="2020")
    assert asked.selectbox(key="pick_year").value == 2019 and asked.get("plotly_chart")


def test_the_url_chooses_the_focus_and_the_index(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("trends", "vi", entity="48", index="PAPI")
    assert at.selectbox(key="focus_entity").value == "48"
    assert at.selectbox(key="index_code").value == "PAPI"
    assert at.query_params["entity"] == ["48"] or at.query_params["entity"] == "48"


def test_trend_figure_on_the_page_inverts_the_rank_axis(monkeypatch, demo_db):
    import json

    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("trends", "en", entity="22", index="PCI", **{"from": "2013", "to": "2019"})
    import plotly.io

    spec = at.get("plotly_chart")[0].proto.spec
    fig = plotly.io.from_json(spec)
    assert fig.layout.yaxis2.autorange == "reversed"
    years = decode(fig.data[0].x)
    assert min(years) == 2013 and max(years) == 2019
    assert json.loads(spec)["layout"]["separators"] == ".,"


def test_rank_change_years_come_from_the_url(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("ranks", "vi", index="PCI", base="2017", now="2019", view="So sánh hai năm")
    assert at.selectbox(key="pick_base").value == 2017 and at.selectbox(key="pick_now").value == 2019
    [slope] = at.get("plotly_chart")  # the tab kept in the URL is the only view built
    assert "Thứ hạng năm 2017 và năm 2019" in json.loads(slope.proto.spec)["layout"]["title"]["text"]


def test_the_rank_changes_page_builds_only_the_view_chosen(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("ranks", "vi", index="PCI")
    assert [t.label for t in at.tabs] == ["Thứ hạng qua các năm", "So sánh hai năm", "Số bậc tăng, giảm của mọi đơn vị"]
    [bump] = at.get("plotly_chart")
    assert "Thứ hạng PCI" in json.loads(bump.proto.spec)["layout"]["title"]["text"]
    assert not at.get("selectbox") or "pick_base" not in [s.key for s in at.selectbox]
    at.query_params["view"] = "Số bậc tăng, giảm của mọi đơn vị"
    at.run()
    [bars] = at.get("plotly_chart")
    assert json.loads(bars.proto.spec)["data"][0]["type"] == "bar" and at.selectbox(key="pick_base")


def test_units_page_shows_each_units_goal(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("units", "vi")
    assert any("Bệnh viện Đa khoa tỉnh" in m.value and "Chưa đạt" in m.value for m in at.markdown)


def test_viewers_read_goals_but_only_editors_see_the_goal_editor(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    viewer = open_page("goals", "vi")
    assert not viewer.get("file_uploader") and not viewer.get("arrow_data_editor")
    assert not viewer.get("button") and not viewer.get("form_submit_button")  # the sign-in form is folded away
    assert any("Quảng Ninh" in m.value for m in viewer.markdown)


def test_the_presentation_steps_through_slides_kept_in_the_url(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("present", "vi", entity="22", year="2019", slide="3")
    assert not at.exception, [e.message for e in at.exception]
    assert len(at.get("plotly_chart")) == 2  # value and rank of the third slide
    at.button(key="next_slide").click().run()
    assert at.query_params["slide"] in ("4", ["4"])
    at.button(key="prev_slide").click().run()
    assert at.query_params["slide"] in ("3", ["3"])
    assert any("xếp thứ" in m.value for m in at.markdown)


@pytest.mark.parametrize("lang, words", [("vi", "Không tìm thấy «Nowhere»"), ("en", "'Nowhere' was not found")])
def test_a_presentation_link_naming_no_entity_says_so_in_the_readers_language(monkeypatch, demo_db, lang, words):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("present", lang, entity="Nowhere")
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] and words in at.error[0].value, [e.value for e in at.error]


def test_the_presentation_has_first_and_last_buttons_no_chart_toolbar_and_whole_tables(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("present", "vi", entity="22", year="2025", slide="3")
    charts = at.get("plotly_chart")
    assert charts and all(json.loads(c.proto.config)["displayModeBar"] is False for c in charts)
    figure = json.loads(charts[0].proto.spec)
    assert figure["layout"]["font"]["size"] >= 18 and figure["data"][0]["textfont"]["size"] >= 20
    at.button(key="last_slide").click().run()
    total = int(at.query_params["slide"] if isinstance(at.query_params["slide"], str) else at.query_params["slide"][0])
    assert at.markdown and any(f"{total} / {total}" in m.value for m in at.markdown)
    shown_rows = 0
    for number in range(total, 0, -1):  # every table slide holds its whole table, a long one continues
        at = open_page("present", "vi", entity="22", year="2025", slide=str(number))
        assert not at.get("arrow_data_frame")  # a scrolling grid cuts cells and rows in front of a room
        for table in at.table:
            assert len(table.value) <= 6
            if "Mục tiêu đạt và chưa đạt" in at.title[0].value:
                shown_rows += len(table.value)
    assert shown_rows == 6  # the goals of 2025 (six) all shown, split over slides (their details are long)
    at = open_page("present", "vi", entity="22", year="2025", slide="3")
    at.button(key="first_slide").click().run()
    assert at.query_params["slide"] in ("1", ["1"])


@pytest.mark.parametrize("lang, figure, unit", [("en", "46.66", "points"), ("vi", "46,66", "điểm")])
def test_overview_cards_show_whole_numbers_and_the_unit_beside_the_label(monkeypatch, demo_db, lang, figure, unit):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("overview", lang)
    values = [m.value for m in at.metric]
    assert figure in values  # the number alone: no word to be cut («41.86 poi…»)
    assert ("86.58%" if lang == "en" else "86,58%") in values
    assert not any(unit in v for v in values)
    assert any(m.value.startswith("**PAPI 2019** · " + unit) for m in at.markdown)


def test_a_units_own_index_is_named_not_coded_on_its_card(tmp_path):
    from reformdash.overview import focus_cards

    store = service.open_store(str(tmp_path / "unit.duckdb"))
    service.init(store)
    cards = focus_cards(store, "22-SYT-benhviendakhoatinh", "vi").cards
    assert [c.label for c in cards] == ["Chỉ số CCHC các đơn vị trực thuộc Sở Y tế (mẫu) 2025"]
    assert cards[0].sentence.startswith("Năm 2025, Chỉ số CCHC các đơn vị trực thuộc Sở Y tế (mẫu) của ")
    store.close()
