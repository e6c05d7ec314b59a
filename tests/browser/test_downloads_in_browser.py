"""One click in a real browser: the meeting briefing (PDF, PowerPoint) and a chart's image and data download."""

from __future__ import annotations

import openpyxl
from pptx import Presentation
from pypdf import PdfReader

LOAD = 150_000  # ms: the first load may initialise the database
DRAW = 120_000  # ms: the first image starts chromium inside the server


def download(page, label: str, target):
    """Press the download button showing `label` and save what arrives."""
    button = page.locator('[data-testid="stDownloadButton"] button', has_text=label).first
    with page.expect_download(timeout=DRAW) as info:
        button.click()
    info.value.save_as(target)
    return target


def test_the_meeting_briefing_downloads_as_pdf_and_powerpoint_with_one_page_a_slide(page, app_url, tmp_path,
                                                                                     screenshots_dir):
    page.goto(f"{app_url}/?entity=22&lang=vi")
    page.get_by_text("Tài liệu cho cuộc họp").wait_for(timeout=LOAD)
    pdf = PdfReader(download(page, "PDF", tmp_path / "briefing.pdf"))
    deck = Presentation(str(download(page, "PowerPoint", tmp_path / "briefing.pptx")))
    assert len(pdf.pages) == len(deck.slides) > 5
    # the latest year with figures: the sample plan's results of 2026 (the indices end in 2025)
    assert "Kết quả các chỉ số cải cách hành chính năm 2026" in pdf.pages[0].extract_text()
    page.screenshot(path=str(screenshots_dir / "overview_briefing_downloaded.png"))


def test_a_chart_downloads_as_png_and_its_figures_as_excel(page, app_url, tmp_path):
    page.goto(f"{app_url}/trends?entity=22&index=PCI&lang=vi")
    page.locator(".js-plotly-plot").first.wait_for(timeout=LOAD)
    page.get_by_text("Tải về · đoạn văn cho báo cáo").first.click()  # the fold under the first chart
    png = download(page, "Ảnh PNG", tmp_path / "trend.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    sheet = openpyxl.load_workbook(download(page, "Số liệu (Excel)", tmp_path / "trend.xlsx")).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Năm", "Giá trị") and (2019, 73.4) in {(r[0], round(r[1], 2)) for r in rows[1:]}
