"""AppTest smoke test of the dashboard on the demo data, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT


@pytest.mark.parametrize("lang, title, unit", [("vi", "Tổng quan", "điểm"), ("en", "at a glance", "points")])
def test_overview_page_shows_the_focus_province(tmp_path, monkeypatch, lang, title, unit):
    monkeypatch.setenv("REFORMDASH_DB", str(tmp_path / "page.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert title in at.title[0].value
    labels = [m.label for m in at.metric]
    assert any(label.startswith("PCI 2019") for label in labels)
    assert any(unit in m.value for m in at.metric)
    assert at.dataframe[0].value.shape[0] == 5
