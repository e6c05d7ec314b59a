"""The charts' words: axis titles, series names and marks of the Plotly figures."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "chart.value": ("Giá trị", "Value"), "chart.rank": ("Thứ hạng", "Rank"),
    "chart.percentile": ("Thứ hạng phần trăm (100 = đứng đầu)", "Percentile rank (100 = first)"),
    "chart.method": ("Đổi phương pháp", "Method change"),
    "chart.merger": ("Sáp nhập tỉnh 1/7/2025", "Provinces merged 1 Jul 2025"), "chart.goal": ("Mục tiêu", "Goal"),
    "chart.places": ("Số bậc tăng (+) / giảm (−)", "Places gained (+) / lost (−)"),
    "chart.missing": ("không có số liệu", "no data"),
    "chart.others": ("Các đơn vị khác", "Everyone else"),
    "chart.points": ("điểm", "points"),  # the catalog's unit word of a points index, as the reader's language says it
}
