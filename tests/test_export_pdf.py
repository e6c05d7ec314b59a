"""The PDF briefing, chart images drawn offline by kaleido + Debian chromium, and the paragraphs under the charts."""

import io
import re
import struct
from contextlib import redirect_stderr, redirect_stdout

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from reformdash import analysis, fonts, images, paragraphs, service
from reformdash.briefing import build_briefing
from reformdash.charts import briefing_figure, trend_figure
from reformdash.cli import main
from reformdash.export_pdf import pdf_bytes, slide_figure
from reformdash.export_pptx import pptx_bytes

from .conftest import ROOT

OUT = ROOT / "test-output" / "briefing"
pytestmark = pytest.mark.skipif(images.browser_path() is None, reason="no chromium: README's test command installs it")


@pytest.fixture(scope="module")
def demo(demo_db):
    store = service.open_store(demo_db)
    yield store
    store.close()
    images.stop()


@pytest.fixture(scope="module")
def briefing(demo):
    return build_briefing(demo, "Quảng Ninh", 2019, "vi", "Sở Nội vụ tỉnh Quảng Ninh", "Giao ban tháng 11")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def reader(briefing):
    """The briefing's PDF, drawn once for the tests that read it."""
    return PdfReader(io.BytesIO(pdf_bytes(briefing)))


def test_the_pdf_has_one_page_per_slide_with_the_slides_titles_and_numbers(briefing, reader):
    assert len(reader.pages) == len(briefing.slides) == 16  # with the map (issue 13)
    for page, slide in zip(reader.pages, briefing.slides):
        text = page.extract_text()
        assert slide.title.split(":")[0] in text  # Vietnamese diacritics survive as text, not pictures
        box = page.mediabox
        assert round(float(box.width) / float(box.height), 2) == 1.78  # 16:9, as the deck
    trend = reader.pages[2].extract_text()
    assert "86,76" in trend and "19/63" in trend  # PAR INDEX 2019 of Quảng Ninh, Vietnamese number format
    assert reader.metadata.title == briefing.slides[0].title


def drawn_text(page):
    """(text, left, right, font name) of every run of text on a PDF page, in points from the page's left edge."""
    runs = []

    def at(m, x, y):
        return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            name = str(font.get("/BaseFont", ""))
            width = fonts.text_width(text, size, "bold" if "Bold" in name else "regular")
            start, end = at(cm, *at(tm, 0, 0))[0], at(cm, *at(tm, width, 0))[0]  # tilted labels too
            runs.append((text, min(start, end), max(start, end), name))

    page.extract_text(visitor_text=visit)
    return runs


def test_the_pdf_embeds_the_projects_font_and_draws_every_vietnamese_letter_with_it(reader):
    for page in reader.pages:
        embedded = {str(f.get_object().get("/BaseFont")).split("+")[-1]
                    for f in page["/Resources"]["/Font"].values()}
        assert {"BeVietnamPro-Regular", "BeVietnamPro-Bold"} <= embedded
        runs = drawn_text(page)
        vietnamese = [(text, font) for text, _, _, font in runs if re.search("[À-ỹ]", text)]
        assert vietnamese and all("BeVietnamPro" in font for _, font in vietnamese), vietnamese


def test_the_title_page_is_the_title_in_words_and_no_empty_chart(briefing, reader):
    title = briefing.slides[0]
    text = reader.pages[0].extract_text()
    assert title.title in text  # whole words, no letter split from its accent by a fallback font
    assert not re.search(r"^[−-]?\d+$", text, re.M), "axis numbers behind the title"
    figure = slide_figure(title, briefing, 1, len(briefing.slides))
    assert figure.layout.xaxis.visible is False and figure.layout.yaxis.visible is False


def test_no_text_runs_past_the_pages_right_edge(briefing, reader):
    for number, page in enumerate(reader.pages, start=1):
        edge = float(page.mediabox.width) - 20  # points: the page's last 20 points stay blank
        past = [(text, round(right)) for text, _, right, _ in drawn_text(page) if right > edge]
        assert past == [], f"page {number} ({briefing.slides[number - 1].key}): {past}"


def test_each_slide_page_is_saved_as_png_for_looking_at(briefing):
    OUT.mkdir(parents=True, exist_ok=True)
    for number, slide in enumerate(briefing.slides, start=1):
        png = images.render(slide_figure(slide, briefing, number, len(briefing.slides)), "png")
        assert png_size(png) == (2 * images.WIDTH, 2 * images.HEIGHT)
        (OUT / f"slide-{number:02d}-{slide.key}.png").write_bytes(png)


def test_chart_images_are_png_and_svg_with_the_figures_in_them(demo):
    trend = analysis.entity_trend(demo, "PCI", "22")
    fig = trend_figure(trend, "Chỉ số PCI của Quảng Ninh", "điểm", "vi")
    assert png_size(images.render(fig, "png", 800, 450)) == (1600, 900)
    svg = images.render(fig, "svg").decode("utf-8")
    assert svg.startswith("<svg") and "Chỉ số PCI của Quảng Ninh" in svg and "73,4" in svg


def test_the_image_server_is_kept_warm_between_charts(demo, monkeypatch):
    import kaleido

    images.render(briefing_figure(build_briefing(demo, "22", 2019).slides[2].charts[0]), "svg")
    starts = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: starts.append(1))
    for _ in range(3):
        images.render(briefing_figure(build_briefing(demo, "22", 2019).slides[2].charts[0]), "svg")
    assert starts == []  # no browser started per chart


def test_a_missing_browser_is_a_clear_error(monkeypatch, briefing):
    monkeypatch.setattr(images, "browser_path", lambda: None)
    monkeypatch.setattr(images, "_started", False)
    with pytest.raises(images.ImagesUnavailable, match="chromium"):
        images.render(briefing_figure(briefing.slides[2].charts[0]), "png")


def test_papi_2018_method_change_is_marked_on_the_trend_though_quang_ninh_has_no_2018_result(demo, briefing):
    slide = next(s for s in briefing.slides if s.key == "trend" and s.index_code == "PAPI")
    value, rank = slide.charts
    assert value.series[0].values[value.categories.index("2018")] is None
    assert value.marks == rank.marks == {"2018": "đổi phương pháp"}
    shapes = briefing_figure(value).layout.shapes
    assert [value.categories[s.x0] for s in shapes] == ["2018"]
    from pptx import Presentation

    deck = Presentation(io.BytesIO(pptx_bytes(briefing)))
    page = deck.slides[briefing.slides.index(slide)]
    titles = [sh.chart.chart_title.text_frame.text for sh in page.shapes if sh.has_chart]
    assert all("▲ 2018: đổi phương pháp" in t for t in titles)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_exports_the_pdf_and_each_chart_as_png_and_svg(tmp_path, demo_db, briefing):
    code, out, _ = run("--db", demo_db, "export", "pdf", "--entity", "Quảng Ninh", "--year", "2019", "--out",
                       str(tmp_path / "b.pdf"))
    assert code == 0 and len(PdfReader(str(tmp_path / "b.pdf")).pages) == 16  # with the map
    code, out, _ = run("--db", demo_db, "export", "svg", "--entity", "22", "--year", "2019", "--out",
                       str(tmp_path / "charts"))
    files = sorted((tmp_path / "charts").iterdir())
    charts = sum(len(s.charts) + (s.figure is not None) for s in briefing.slides)  # the map is an image too
    assert code == 0 and len(files) == charts == 17 and out.split() == [str(f) for f in files]
    assert files[0].name == "03-1-par-index-gia-tri.svg"


def test_paragraphs_carry_the_exact_figures_in_each_language(demo):
    vi = paragraphs.trend(demo, "PCI", "22", 2006, 2019, "vi")
    assert vi.startswith("Năm 2019, Chỉ số PCI của tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63")
    assert "So với năm 2006, giá trị tăng 20,14 điểm; thứ hạng từ 25/64 lên 1/63." in vi
    en = paragraphs.trend(demo, "PCI", "22", 2006, 2019, "en")
    assert "73.40 points" in en and "Compared with 2006, the value is up 20.14 points" in en
    assert paragraphs.changes(demo, "PCI", "22", 2018, 2019, "vi").startswith(
        "Năm 2019, Chỉ số PCI của tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63")
    compare = paragraphs.compare(demo, "PCI", "22", 2019, ("01", "79"), "vi")
    median = analysis.field(demo, "PCI", 2019)["value"].median()
    assert f"trung vị cả nước ({median:.2f} điểm)".replace(".", ",") in compare and "đứng đầu cả nước" in compare


def test_every_chart_on_the_trends_page_offers_images_data_and_the_report_paragraph(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update({"lang": "vi", "entity": "22", "index": "PCI"})
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    assert [e.label for e in at.main.expander] == ["Tải về · đoạn văn cho báo cáo"]
    assert not at.get("download_button") and not at.get("code"), "a closed fold builds nothing"
    at.session_state["trend_more"] = True  # the reader opens the fold under the chart
    at.run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:3] == ["Ảnh PNG", "Ảnh SVG", "Số liệu (Excel)"]
    assert at.code[0].value.startswith("Năm 2020, Chỉ số PCI của tỉnh Quảng Ninh đạt 75,09 điểm")  # demo: PCI 2020


def test_the_units_criteria_paragraph_names_the_best_and_worst_criterion_by_average(demo):
    board = analysis.unit_leaderboard(demo, "22-SYT", "SYT_CCHC", 2025)
    table = analysis.component_table(demo, "SYT_CCHC", 2025)
    means = table[table["entity_code"].isin(board["entity_code"])].groupby("component_name")["value"].mean()
    text = paragraphs.unit_criteria(demo, "22-SYT", "SYT_CCHC", 2025, "vi")
    best, worst = means.idxmax(), means.idxmin()
    assert f"cao nhất là «{best}» ({means[best]:.2f}%)".replace(".", ",") in text
    assert f"thấp nhất là «{worst}» ({means[worst]:.2f}%)".replace(".", ",") in text


def test_the_units_paragraph_is_the_briefing_sentence_of_that_board(demo):
    board = analysis.unit_leaderboard(demo, "22-SYT", "SYT_CCHC", 2025).dropna(subset=["value"])
    text = paragraphs.units(demo, "22-SYT", "SYT_CCHC", 2025, "vi")
    assert text.startswith(f"Năm 2025, {len(board)} đơn vị trực thuộc Sở Y tế Quảng Ninh (mẫu) được đánh giá; "
                           f"dẫn đầu là {board.iloc[0]['entity_name']}")
    assert paragraphs.units(demo, "22-SYT", "PCI", 2025, "vi") == ""  # no board of that index: no paragraph


@pytest.mark.parametrize("lang, heads", [("vi", ["Chỉ số", "Tỉnh/Đơn vị", "Mục tiêu", "Năm mục tiêu", "Tình trạng",
                                                 "Mẫu"]),
                                         ("en", ["Index", "Entity", "Goal", "Target year", "Status", "Sample"])])
def test_the_goals_page_leaves_out_the_detail_by_its_code_in_both_languages(demo, lang, heads):
    """The PDF found the detail column by its Vietnamese or English header; it goes by the column code now."""
    b = build_briefing(demo, "Quảng Ninh", 2019, lang, "Sở Nội vụ tỉnh Quảng Ninh", "Giao ban")
    number = next(n for n, s in enumerate(b.slides, start=1) if s.key == "goals")
    fig = slide_figure(b.slides[number - 1], b, number, len(b.slides))
    table = next(trace for trace in fig.data if trace.type == "table")
    assert [re.sub(r"</?b>", "", h) for h in table.header.values] == heads
