"""In a real browser: an editor signs in, uploads a real workbook through the file input, commits, sees the year."""

from pathlib import Path

import pytest

from tests.browser.conftest import open_upload_as_editor
from tests.browser.test_pages_in_browser import wait_until_idle

from ..conftest import REAL

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real workbooks absent ({REAL}); skipped")


def test_an_editor_uploads_a_workbook_and_the_new_year_appears(app_url, page, screenshots_dir, tmp_path):
    # The demo already holds PCI 2005–2019; the same VCCI workbook under the name "PCI 2020.xlsx" is a new year.
    workbook = tmp_path / "PCI 2020.xlsx"
    workbook.write_bytes((REAL / "pci" / "PCI 2019.xlsx").read_bytes())
    page.goto(f"{app_url}/?lang=vi")
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Tải dữ liệu").count() == 0, "an anonymous visitor sees no upload link"
    commit = open_upload_as_editor(page, workbook)
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert "PCI · 2020" in main.inner_text()
    page.screenshot(path=str(Path(screenshots_dir) / "upload_preview_vi.png"))
    commit.click()
    page.get_by_text("Đã ghi lô").wait_for(timeout=90_000)
    wait_until_idle(page)
    page.screenshot(path=str(Path(screenshots_dir) / "upload_committed_vi.png"))
    sidebar.get_by_text("Tổng quan").click()
    wait_until_idle(page)
    page.get_by_text("PCI 2020").first.wait_for(timeout=60_000)
    assert not page.locator('[data-testid="stException"]').count()
    page.screenshot(path=str(Path(screenshots_dir) / "upload_overview_after_vi.png"))


def choose(page, label: str, option: str) -> None:
    """Pick an option of the select box whose label starts with `label`, as a person would."""
    from tests.browser.test_pages_in_browser import wait_until_idle

    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.locator('[role="combobox"]').first.click()
    page.keyboard.type(option[:30])  # long lists are drawn a few options at a time: filter first
    page.get_by_role("option", name=option).first.click()
    wait_until_idle(page)


def test_two_identical_unit_sheets_and_unknown_names_matched_among_the_parents_units(app_url, page, screenshots_dir,
                                                                                       tmp_path):
    from tests.browser.conftest import EDITOR, EDITOR_PASSWORD, sign_in

    sheet = ("Đơn vị,Điểm,Xếp hạng\nTrung tâm Pháp y,70,3\nBV Đa khoa tỉnh QN,80,1\nKHỐI DỰ PHÒNG,75,\n"
             "Trung tâm Y tế huyện Vân Đồn,79,2\nPhòng khám đa khoa khu vực Cái Rồng,60,4\n")
    first, second = tmp_path / "cham_diem_2024.csv", tmp_path / "cham_diem_2024 (1).csv"
    for path in (first, second):
        path.write_text(sheet, encoding="utf-8")
    page.goto(f"{app_url}/?lang=vi")
    wait_until_idle(page)
    sign_in(page, EDITOR, EDITOR_PASSWORD)
    wait_until_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Tải dữ liệu").click()
    wait_until_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(first), str(second)])
    page.get_by_text("tệp trùng, chỉ được nhập một lần").wait_for(timeout=90_000)
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert not page.locator('[data-testid="stException"]').count(), main.inner_text()[:2000]
    choose(page, "Chỉ số", "SYT CCHC")
    page.locator('[data-testid="stNumberInput"]').filter(has_text="Năm").locator("input").fill("2024")
    page.keyboard.press("Enter")
    wait_until_idle(page)
    choose(page, "Cấp", "Đơn vị trực thuộc")
    choose(page, "Cơ quan chủ quản", "Sở Y tế Quảng Ninh (mẫu)")
    assert main.locator('[data-testid="stExpander"]').filter(has_text="Tên tỉnh / đơn vị trong tệp").count() == 1
    choose(page, "Chọn một tên để khớp", "BV Đa khoa tỉnh QN")
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="«BV Đa khoa tỉnh QN» là").first
    box.locator('[role="combobox"]').first.click()
    options = page.get_by_role("option").all_inner_texts()
    page.screenshot(path=str(Path(screenshots_dir) / "upload_unknown_names_vi.png"))
    assert options[3] == "Bệnh viện Đa khoa tỉnh · 22-SYT-benhviendakhoatinh · Sở Y tế Quảng Ninh (mẫu)", options
    assert all(o.endswith("Sở Y tế Quảng Ninh (mẫu)") for o in options[3:]) and len(options) == 3 + 14
    page.get_by_role("option", name=options[3]).click()
    wait_until_idle(page)
    choose(page, "Chọn một tên để khớp", "KHỐI DỰ PHÒNG")
    choose(page, "«KHỐI DỰ PHÒNG» là", "không phải đơn vị / bỏ qua")
    choose(page, "Chọn một tên để khớp", "Phòng khám đa khoa khu vực Cái Rồng")
    choose(page, "«Phòng khám đa khoa khu vực Cái Rồng» là", "tạo đơn vị mới")
    page.screenshot(path=str(Path(screenshots_dir) / "upload_names_chosen_vi.png"))
    page.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    page.get_by_text("Đã ghi lô").wait_for(timeout=90_000)
    assert not page.locator('[data-testid="stException"]').count()
