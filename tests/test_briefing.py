"""The meeting briefing: its slides and sentences, the PowerPoint deck (native charts), the workbook and the CLI."""

import datetime as dt
import io
from contextlib import redirect_stderr, redirect_stdout

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Inches

from reformdash import analysis, service
from reformdash.briefing import build_briefing, date_text
from reformdash.cli import main
from reformdash.errors import NotFound
from reformdash.export_pptx import pptx_bytes, write_pptx
from reformdash.export_xlsx import sheet_names, xlsx_bytes
from reformdash.store import Store

DAY = dt.date(2026, 11, 22)
INDICES = ["PAR_INDEX", "SIPAS", "PAPI", "PCI"]


@pytest.fixture(autouse=True)
def _no_template_setting(monkeypatch):
    """A template configured on the machine running the tests must not reach them."""
    monkeypatch.delenv("REFORMDASH_PPTX_TEMPLATE", raising=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database (real PCI and PAPI to 2019, sample PAR INDEX, SIPAS and units to 2025)."""
    s = Store(tmp_path_factory.mktemp("briefing") / "demo.duckdb")
    s.migrate()
    service.init(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def brief2019(demo):
    return build_briefing(demo, "Quảng Ninh", 2019, organisation="UBND tỉnh Quảng Ninh",
                          meeting="Hội nghị giao ban quý IV", date=DAY)


@pytest.fixture(scope="module")
def brief2025(demo):
    return build_briefing(demo, "22", 2025, date=DAY)


@pytest.fixture(scope="module")
def deck2019(brief2019):
    return Presentation(io.BytesIO(pptx_bytes(brief2019)))


def slide(briefing, key, index=None):
    found = [s for s in briefing.slides if s.key == key and (index is None or s.index_code == index)]
    assert found, f"no {key} slide for {index}"
    return found[0]


def test_the_demo_fixture_from_conftest_initialises_the_briefing_data(store):
    service.init(store)
    b = build_briefing(store, "Quảng Ninh", 2019, date=DAY)
    assert slide(b, "trend", "PCI").data is not None


def test_briefing_has_the_slides_of_the_issue_in_order(brief2019, brief2025):
    keys = [s.key for s in brief2019.slides]
    # the map slide (issue 13) follows the trends
    assert keys == ["title", "glance", *["trend"] * 4, "map", *["changes"] * 4, *["components"] * 4, "goals"]
    assert [s.index_code for s in brief2019.slides if s.key == "trend"] == INDICES
    keys = [s.key for s in brief2025.slides]
    assert keys[:6] == ["title", "glance", "trend", "trend", "trend", "trend"]
    assert "units" in keys and keys[-1] == "goals"
    assert len(slide(brief2025, "map").figure.data[0].geojson["features"]) == 34  # 2025: the 34 provinces


def test_title_slide_names_organisation_meeting_and_the_date_in_vietnamese(brief2019):
    assert date_text(DAY) == "ngày 22 tháng 11 năm 2026"
    assert date_text(DAY, "en") == "22 November 2026"
    title = brief2019.slides[0]
    assert title.title == "Kết quả các chỉ số cải cách hành chính năm 2019"
    assert title.subtitle.split("\n") == ["Tỉnh Quảng Ninh", "UBND tỉnh Quảng Ninh", "Hội nghị giao ban quý IV",
                                          "ngày 22 tháng 11 năm 2026"]


def test_sentences_carry_the_exact_numbers(brief2019):
    pci = slide(brief2019, "trend", "PCI")
    assert pci.sentences[0] == ("Năm 2019, Chỉ số PCI của tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63, giữ nguyên "
                                "thứ hạng so với năm 2018.")
    glance = slide(brief2019, "glance")
    assert any("73,40" in s and "1/63" in s for s in glance.sentences)
    assert list(glance.data.iloc[:, 0]) == ["PAR INDEX", "SIPAS", "PAPI", "PCI"]
    assert set(glance.data.iloc[:, 1]) == {2019}  # every index as of the briefing's year
    assert any("đạt 46,66 điểm, xếp thứ 3/63" in s for s in slide(brief2019, "trend", "PAPI").sentences)
    # the goal detail sentences of the PCI goals due in 2019
    assert "Năm 2019 xếp thứ 1/63 (mục tiêu: trong nhóm 5 dẫn đầu): đạt." in pci.sentences
    changes = slide(brief2019, "changes", "PCI")
    assert "Tăng bậc nhiều nhất: Bắc Ninh (tăng 11 bậc, từ thứ 15 lên thứ 4)." in changes.sentences


def test_trend_data_equal_the_stored_series_with_goal_lines(demo, brief2019):
    pci = slide(brief2019, "trend", "PCI")
    trend = analysis.entity_trend(demo, "PCI", "22")
    trend = trend[trend["year"] <= 2019]  # the 2019 briefing shows nothing published later (PCI 2020)
    value, rank = pci.charts
    assert value.categories == [str(y) for y in trend["year"]]
    assert value.series[0].values == pytest.approx(list(trend["value"]))
    assert rank.reverse and rank.series[0].values == list(trend["rank"].astype(float))
    assert rank.series[0].labels[-1] == "1/63"
    assert rank.series[1].role == "goal" and set(rank.series[1].values) == {5.0}  # "top 5" goal of 2019


def test_a_past_year_shows_nothing_published_later(brief2019):
    for s in brief2019.slides:
        if s.key == "trend":
            assert int(s.charts[0].categories[-1]) == 2019
    goals = slide(brief2019, "goals")
    assert set(goals.data.iloc[:, 3]) == {2019}
    *judged, later = goals.sentences  # the goals due later are only named, with why they are left out
    assert not any("2025" in s for s in judged)
    assert later.startswith("6 mục tiêu đến hạn sau năm 2019, không trình bày vì đã có kết quả công bố sau")


def test_sample_figures_are_flagged(brief2019, brief2025):
    assert slide(brief2019, "trend", "PAR_INDEX").sample and slide(brief2019, "trend", "SIPAS").sample
    assert not slide(brief2019, "trend", "PCI").sample and not slide(brief2019, "changes", "PAPI").sample
    assert slide(brief2019, "glance").sample  # the glance mixes real and sample figures
    assert list(slide(brief2019, "glance").data.iloc[:, -1]) == ["MẪU", "MẪU", "", ""]
    assert slide(brief2025, "units").sample and slide(brief2025, "goals").sample


def test_places_are_not_compared_across_the_2025_merger(brief2025):
    par = slide(brief2025, "changes", "PAR_INDEX")
    assert par.charts[0].title.startswith("Thay đổi giá trị")
    assert any("63 đơn vị, năm 2025 trên 34" in s for s in par.sentences)
    assert par.data.iloc[:, 3].isna().all()


def test_units_leaderboard_of_the_provinces_department(demo, brief2025):
    units = slide(brief2025, "units")
    board = analysis.unit_leaderboard(demo, "22-SYT", "SYT_CCHC", 2025)
    assert units.charts[0].categories == list(board["entity_name"])
    assert units.charts[0].series[0].values == list(board["value"])
    assert units.sentences[0].startswith("Năm 2025, 14 đơn vị trực thuộc Sở Y tế Quảng Ninh (mẫu)")


def test_goals_met_and_not_met_of_the_entity_and_its_units(brief2025):
    goals = slide(brief2025, "goals")
    assert "Bệnh viện Đa khoa tỉnh" in set(goals.data.iloc[:, 1])
    assert goals.sentences[0] == "6 mục tiêu: 1 đạt, 4 chưa đạt, 1 chưa có dữ liệu."
    assert "Chỉ số CCHC các đơn vị trực thuộc Sở Y tế (mẫu)" in set(goals.data.iloc[:, 0])  # a name, not SYT_CCHC


def test_the_goals_slide_says_which_goals_are_left_out_and_why(demo, brief2025):
    goals = slide(brief2025, "goals")
    everyone = service_goals(demo)
    assert len(everyone) == 10 and len(goals.data) == 6  # of Quảng Ninh and its department's unit
    left = [s for s in goals.sentences if "không trình bày" in s]
    assert left == ["4 mục tiêu đến hạn trước năm 2025, không trình bày ở đây (xem báo cáo của năm đến hạn): "
                    "PCI: nằm trong nhóm 5 dẫn đầu năm 2019 (Quảng Ninh); PCI: tăng 3 bậc so với năm 2017, đến năm "
                    "2019 (Quảng Ninh); PCI: năm sau cao hơn năm trước, 2017–2019 (Quảng Ninh); PAPI: năm sau cao "
                    "hơn năm trước, 2017–2019 (Quảng Ninh)."]
    english = build_briefing(demo, "22", 2025, lang="en", date=DAY)
    assert any(s.startswith("4 goals were due before 2025 and are not shown here") for s in
               slide(english, "goals").sentences)


def service_goals(store):
    from reformdash.goals import evaluate_goals

    return evaluate_goals(store)


def test_a_merged_province_is_not_titled_without_a_word_on_its_merger(demo, tmp_path):
    kon_tum = build_briefing(demo, "Kon Tum", 2024, date=DAY)
    title = slide(kon_tum, "title")
    assert title.sentences[:2] == ["Tỉnh Kon Tum", "Từ ngày 01/07/2025, tỉnh Kon Tum đã sáp nhập vào tỉnh Quảng "
                                   "Ngãi; kết quả riêng của Kon Tum có đến năm 2024, từ năm 2025 thuộc về tỉnh "
                                   "Quảng Ngãi."]
    before = build_briefing(demo, "Kon Tum", 2024, date=dt.date(2025, 3, 1))  # a meeting before the merger
    assert len(slide(before, "title").sentences) == 2
    with pytest.raises(NotFound, match="Không có số liệu năm 2025 của Kon Tum. Từ ngày 01/07/2025, tỉnh Kon Tum"):
        build_briefing(demo, "Kon Tum", 2025, date=DAY)


def test_a_merged_provinces_goal_past_the_merger_says_it_cannot_be_judged(tmp_path):
    from reformdash.goals import evaluate_goals, import_goals

    s = Store(tmp_path / "kt.duckdb")
    s.migrate()
    text = ("Chỉ số,Đơn vị,Loại mục tiêu,Mục tiêu,Năm gốc,Năm mục tiêu\n"
            "PAR INDEX,Kon Tum,Tăng bậc,3,2022,2025\nPAR INDEX,Kon Tum,Top,20,,2024\n")
    import_goals(s, text.encode(), "kt.csv")
    rows = evaluate_goals(s).set_index("target_year")
    assert rows.loc[2025, "status"] == "no_data"
    assert rows.loc[2025, "detail"].startswith("Kon Tum đã sáp nhập vào Quảng Ngãi từ ngày 01/07/2025: không còn "
                                               "kết quả riêng của Kon Tum cho năm 2025")
    assert "sáp nhập" not in rows.loc[2024, "detail"]
    s.close()


@pytest.mark.parametrize("entity, year", [("Quang Nimh", 2019), ("Quảng Ninh", 2031)])
def test_unknown_entity_or_year_without_data_is_not_found(demo, entity, year):
    with pytest.raises(NotFound) as e:
        build_briefing(demo, entity, year)
    if entity == "Quang Nimh":
        assert "Quảng Ninh" in e.value.message


# the deck ------------------------------------------------------------------------------------------
def test_deck_has_one_slide_per_briefing_slide_with_its_title(brief2019, deck2019):
    assert len(deck2019.slides) == len(brief2019.slides)
    assert [p.shapes.title.text for p in deck2019.slides] == [s.title for s in brief2019.slides]
    assert deck2019.slides[0].placeholders[1].text_frame.text.endswith("ngày 22 tháng 11 năm 2026")


def test_deck_charts_are_native_and_hold_the_database_figures(demo, brief2019, deck2019):
    n = [s.key == "trend" and s.index_code == "PCI" for s in brief2019.slides].index(True)
    charts = [shape.chart for shape in deck2019.slides[n].shapes if shape.has_chart]
    assert len(charts) == 2
    trend = analysis.entity_trend(demo, "PCI", "22")
    trend = trend[trend["year"] <= 2019]  # the 2019 deck shows nothing published later (PCI 2020)
    value, rank = charts
    assert list(value.plots[0].categories) == [str(y) for y in trend["year"]]
    assert list(value.plots[0].series[0].values) == pytest.approx(list(trend["value"]))
    assert list(rank.plots[0].series[0].values) == list(trend["rank"].astype(float))
    assert rank.value_axis.reverse_order and not value.value_axis.reverse_order
    # every chart slide of the briefing carries native charts
    for page, s in zip(deck2019.slides, brief2019.slides):
        assert sum(shape.has_chart for shape in page.shapes) == len(s.charts)


def test_deck_bar_charts_hold_the_rank_changes(brief2019, deck2019):
    n = [s.key == "changes" and s.index_code == "PCI" for s in brief2019.slides].index(True)
    chart = next(shape.chart for shape in deck2019.slides[n].shapes if shape.has_chart)
    spec = brief2019.slides[n].charts[0]
    assert list(chart.plots[0].categories) == spec.categories and "Quảng Ninh" in spec.categories
    assert list(chart.plots[0].series[0].values) == spec.series[0].values


def test_speaker_notes_hold_the_sentences_with_diacritics(brief2019, deck2019):
    for page, s in zip(deck2019.slides, brief2019.slides):
        notes = page.notes_slide.notes_text_frame.text
        # the map slide's notes add that the map is a picture (issue 13)
        assert notes.split("\n") == s.sentences + ([notes.split("\n")[-1]] if s.figure is not None else [])
    notes = deck2019.slides[[s.index_code for s in brief2019.slides].index("PCI")].notes_slide.notes_text_frame.text
    assert "tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63" in notes


def test_sample_slides_carry_the_mark(brief2019, deck2019):
    for page, s in zip(deck2019.slides, brief2019.slides):
        marked = any(shape.has_text_frame and shape.text_frame.text == "MẪU" for shape in page.shapes)
        assert marked == s.sample, s.title
    assert any(s.sample for s in brief2019.slides) and not all(s.sample for s in brief2019.slides)


def test_an_english_decks_sample_mark_is_english(demo):
    b = build_briefing(demo, "Quảng Ninh", 2019, lang="en", date=DAY)
    deck = Presentation(io.BytesIO(pptx_bytes(b)))
    badges = [shape.text_frame.text for page in deck.slides for shape in page.shapes if shape.name == "sample-badge"]
    assert badges and set(badges) == {"SAMPLE"}, badges  # it said «MẪU» in every language (issue 14)


def make_template(path):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    master = prs.slide_masters[0]
    master.element.cSld.set("name", "Mẫu Sở Nội vụ")
    for layout in prs.slide_layouts:
        layout.element.cSld.set("name", "Sở Nội vụ — " + layout.name)
    example = prs.slides.add_slide(prs.slide_layouts[1])
    example.shapes.title.text = "Trang ví dụ của mẫu"
    prs.save(path)


def test_the_organisations_template_is_used(tmp_path, brief2019):
    template = tmp_path / "mau.pptx"
    make_template(template)
    out = tmp_path / "briefing.pptx"
    write_pptx(brief2019, out, template=template)
    prs = Presentation(str(out))
    assert prs.slide_width == Inches(10)  # the template's size, not ours
    assert prs.slide_masters[0].element.cSld.get("name") == "Mẫu Sở Nội vụ"
    assert all(p.slide_layout.name.startswith("Sở Nội vụ — ") for p in prs.slides)
    assert prs.slides[0].slide_layout.name == "Sở Nội vụ — Title Slide"
    assert len(prs.slides) == len(brief2019.slides)  # the template's example slide is dropped
    assert all(p.shapes.title.text != "Trang ví dụ của mẫu" for p in prs.slides)


def test_the_template_setting_is_read(tmp_path, monkeypatch, brief2019):
    template = tmp_path / "mau.pptx"
    make_template(template)
    monkeypatch.setenv("REFORMDASH_PPTX_TEMPLATE", str(template))
    prs = Presentation(io.BytesIO(pptx_bytes(brief2019)))
    assert prs.slides[0].slide_layout.name == "Sở Nội vụ — Title Slide"


def test_a_missing_template_is_not_found(tmp_path, brief2019):
    with pytest.raises(NotFound):
        write_pptx(brief2019, tmp_path / "x.pptx", template=tmp_path / "khong_co.pptx")


def test_english_briefing_builds(demo):
    b = build_briefing(demo, "Quảng Ninh", 2025, lang="en", date=DAY)
    assert b.slides[0].subtitle.endswith("22 November 2026")
    assert Presentation(io.BytesIO(pptx_bytes(b))).slides[1].shapes.title.text == "The indices in 2025"


# the workbook --------------------------------------------------------------------------------------
def test_xlsx_has_one_sheet_per_slide_with_data(demo, brief2019):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(brief2019)))
    with_data = [s for s in brief2019.slides if s.data is not None]
    assert wb.sheetnames[:-1] == [name for name, _ in sheet_names(brief2019)]
    assert len(wb.sheetnames) - 1 == len(with_data) == sum(1 for s in brief2019.slides
                                                                        if s.charts or s.table or s.figure is not None)
    assert wb.sheetnames[-1] == "Thông tin"
    ws = wb[next(name for name, s in sheet_names(brief2019) if s.key == "trend" and s.index_code == "PCI")]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Năm", "Giá trị", "Thứ hạng")
    trend = analysis.entity_trend(demo, "PCI", "22")
    trend = trend[trend["year"] <= 2019]
    assert [r[1] for r in rows[1:]] == pytest.approx(list(trend["value"]))
    info = [r[0] for r in wb["Thông tin"].iter_rows(values_only=True) if r[0]]
    assert any("73,40" in line for line in info)


# the command line ----------------------------------------------------------------------------------
def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "cli.duckdb")
    assert run("--db", path, "init")[0] == 0
    return path


@pytest.mark.parametrize("fmt", ["pptx", "xlsx"])
def test_cli_export_writes_the_file_and_prints_its_path(tmp_path, db, fmt):
    out = tmp_path / f"bao_cao.{fmt}"
    code, stdout, _ = run("--db", db, "export", fmt, "--entity", "Quảng Ninh", "--year", "2019", "--out", str(out),
                          "--organisation", "UBND tỉnh Quảng Ninh", "--meeting", "Giao ban")
    assert code == 0 and stdout.strip() == str(out) and out.stat().st_size > 0
    if fmt == "pptx":
        assert "UBND tỉnh Quảng Ninh" in Presentation(str(out)).slides[0].placeholders[1].text_frame.text


@pytest.mark.parametrize("entity, year", [("Quang Nimh", "2019"), ("Quảng Ninh", "2031")])
def test_cli_export_rejects_an_unknown_entity_or_a_year_without_data(tmp_path, db, entity, year):
    code, _, err = run("--db", db, "export", "pptx", "--entity", entity, "--year", year, "--out",
                       str(tmp_path / "x.pptx"))
    assert code == 2 and not (tmp_path / "x.pptx").exists()
    assert ("có phải là: Quảng Ninh" in err) if entity == "Quang Nimh" else ("2031" in err)


def test_a_long_table_continues_on_the_next_projected_slides(brief2025):
    from reformdash.briefing import Slide, projected

    glance = slide(brief2025, "glance")
    long = Slide("goals", "Mục tiêu", "", pd.concat([glance.data] * 4, ignore_index=True), table=True,
                 sentences=["một câu"])
    pages = projected([glance, long], rows=6, lines=100)
    assert [len(p.data) for p in pages] == [4, 6, 6, 4]
    assert [p.title for p in pages[1:]] == ["Mục tiêu", "Mục tiêu (2/3)", "Mục tiêu (3/3)"]
    assert pd.concat([p.data for p in pages[1:]], ignore_index=True).equals(long.data)
    assert pages[1].sentences == ["một câu"] and pages[2].sentences == []
    # rows with long, wrapping text: fewer a slide, by the lines they take
    wordy = Slide("goals", "Mục tiêu", "", pd.DataFrame({"a": ["x" * 100] * 5}), table=True)  # 3 lines a row
    assert [len(p.data) for p in projected([wordy], rows=6, lines=9)] == [3, 2]


def test_the_goals_table_keeps_column_codes_and_every_export_heads_them(brief2019):
    """Issue 14 A: the slides left out the detail by matching its translated header; now by its code."""
    goals = slide(brief2019, "goals")
    assert list(goals.data.columns) == ["index_code", "entity_name", "goal", "target_year", "status", "is_sample",
                                        "detail"]
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(brief2019)))
    sheet = wb[next(name for name, s in sheet_names(brief2019) if s.key == "goals")]
    assert [c.value for c in sheet[1]] == ["Chỉ số", "Tỉnh/Đơn vị", "Mục tiêu", "Năm mục tiêu", "Tình trạng", "Mẫu",
                                           "Chi tiết"]
    deck = Presentation(io.BytesIO(pptx_bytes(brief2019)))
    number = brief2019.slides.index(goals)
    table = next(s.table for s in deck.slides[number].shapes if s.has_table)
    assert [table.cell(0, c).text for c in range(len(table.columns))] == [
        "Chỉ số", "Tỉnh/Đơn vị", "Mục tiêu", "Năm mục tiêu", "Tình trạng", "Mẫu"]


def test_the_english_goals_table_is_headed_in_english(demo):
    english = build_briefing(demo, "Quảng Ninh", 2019, lang="en", date=DAY)
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(english)))
    sheet = wb[next(name for name, s in sheet_names(english) if s.key == "goals")]
    assert [c.value for c in sheet[1]] == ["Index", "Entity", "Goal", "Target year", "Status", "Sample", "Detail"]
    assert sheet.title.startswith(f"{english.slides.index(slide(english, 'goals')) + 1:02d} Goals")
    assert wb.sheetnames[-1] == "About"
