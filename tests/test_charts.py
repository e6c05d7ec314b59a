"""Figures are checked for content: entities, inverted rank axes, deltas, markers — not pixels."""

import pandas as pd
import pytest

from reformdash import analysis, charts, service
from reformdash.analysis import MethodBreak
from reformdash.catalog import Catalog


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = service.open_store(str(tmp_path_factory.mktemp("charts") / "demo.duckdb"))
    service.init(store)
    yield store
    store.close()


def test_percentile_puts_first_at_100_and_last_at_0():
    p = analysis.percentile(pd.Series([1, 34, 63, 17]), pd.Series([63, 34, 63, 34]))
    assert list(p.round(1)) == [100.0, 0.0, 0.0, 51.5]


def test_method_breaks_find_the_pci_component_changes(demo):
    breaks = analysis.method_breaks(Catalog.load(demo), "PCI", list(range(2005, 2020)))
    assert [b.year for b in breaks] == [2006, 2009, 2013]
    assert any("Cạnh tranh bình đẳng" in a for a in breaks[-1].added)


def test_trend_figure_has_values_ranks_reversed_axis_breaks_and_merger(demo):
    trend = analysis.entity_trend(demo, "PAR_INDEX", "22")
    fig = charts.trend_figure(trend, "t", "%", "vi", breaks=[MethodBreak(2022, ["x"], ["y"])], value_goal=90,
                              rank_goal=10)
    assert fig.layout.yaxis2.autorange == "reversed"
    assert list(fig.data[0].x) == list(trend["year"])
    assert fig.data[1].text[-1] == f"{int(trend['rank'].iloc[-1])}/34"
    shapes = [s for s in fig.layout.shapes if s.type == "line"]
    xs = {s.x0 for s in shapes}
    assert 2024.5 in xs and 2021.5 in xs  # merger and method change
    assert any("≥ 90" in a.text for a in fig.layout.annotations)


def test_bump_figure_colours_the_chosen_entities_and_labels_their_line_ends(demo):
    data = analysis.field_years(demo, "PCI", 2015, 2019)
    fig = charts.bump_figure(data, ["22", "01"], "t", "vi")
    coloured = [tr for tr in fig.data if tr.line.width == 4]
    assert {tr.name for tr in coloured} == {"Quảng Ninh", "Hà Nội"}
    assert any(a.text.startswith(" Quảng Ninh (1)") for a in fig.layout.annotations)
    assert fig.layout.yaxis.autorange == "reversed"
    others = fig.data[0]  # everyone else: one grey trace, a line per entity split by gaps
    assert len(fig.data) == 3 and others.line.width == 1
    assert {n for n in others.text if n} == set(data.loc[~data["entity_code"].isin(["22", "01"]), "entity_name"])
    assert sum(v is None for v in others.y) == data["entity_code"].nunique() - 2


def test_diverging_figure_shows_places_and_keeps_missing_entities(demo):
    moved = analysis.changes(demo, "PAR_INDEX", 2024, 2025)
    fig = charts.diverging_figure(moved, ["22"], "t", "vi")
    bar = fig.data[0]
    assert len(bar.y) == len(moved) == 63  # the 29 provinces merged in 2025 are kept, marked as missing
    assert sum(1 for text in bar.text if text == "không có số liệu") == 29
    qn = moved.set_index("entity_code").loc["22"]
    assert qn["places_up"] == qn["rank_from"] - qn["rank_to"]


def test_slope_figure_joins_each_entity_from_the_base_year_to_now(demo):
    moved = analysis.changes(demo, "PCI", 2017, 2019)
    fig = charts.slope_figure(moved, 2017, 2019, ["22"], "t", "en")
    assert list(fig.layout.xaxis.ticktext) == ["2017", "2019"]
    qn = next(tr for tr in fig.data if tr.name == "Quảng Ninh")
    assert list(qn.y) == [int(moved.set_index("entity_code").loc["22", "rank_from"]), 1]
    both = moved.dropna(subset=["rank_from", "rank_to"])
    others = fig.data[0]
    assert len(fig.data) == 2 and sum(v is None for v in others.y) == len(both) - 1
    hn = [i for i, n in enumerate(others.text) if n == "Hà Nội"]
    assert [others.x[i] for i in hn] == [0, 1] and [others.y[i] for i in hn] == [
        int(both.set_index("entity_code").loc["01", c]) for c in ("rank_from", "rank_to")]
    assert fig.layout.yaxis.autorange == "reversed"


def test_component_drivers_rank_the_moves(demo):
    drivers = analysis.component_drivers(demo, "PCI", "22", 2019)
    assert len(drivers) == 10
    assert drivers["places_up"].is_monotonic_decreasing
    assert (drivers["best"] >= drivers["value"]).all()


def test_benchmarks_hold_focus_peers_region_national_and_best(demo):
    bench = analysis.benchmarks(demo, "PCI", 2019, "01", ["22"], "vi")
    assert list(bench["kind"]) == ["focus", "peer", "region", "national", "best"]
    assert bench.iloc[-1]["label"] == "Cao nhất (Quảng Ninh)"


def test_trend_figure_draws_the_plan_goal_line(demo):
    from reformdash import figures

    fig = figures.trend(demo, "PAR_INDEX", "22", "Quảng Ninh", "%", 2018, 2025, False, True, "vi")
    assert any("≤ 10" in (a.text or "") for a in fig.layout.annotations)  # "top 10" goal of the demo plan


def test_a_finished_figure_sends_the_same_chart_and_builds_its_dict_once(demo):
    import plotly.io as pio

    from reformdash import figures

    fig = figures.bump(demo, "PCI", 2005, 2019, ("22", "01"), True, "vi")
    before = pio.to_json(fig, validate=False)
    finished = figures.finish(fig)
    assert finished is fig and isinstance(fig, figures.Finished)
    assert finished.to_dict() is finished.to_dict()  # built once, handed out again
    assert pio.to_json(finished, validate=False) == before
    assert figures.finish(None) is None


def test_units_charts_name_the_index_unit_not_percent(tmp_path):
    from reformdash import figures

    store = service.open_store(str(tmp_path / "points.duckdb"))
    service.init(store)
    # the department scores its units in points (a criterion's maximum, e.g. 100 điểm), not in %
    store.cursor().execute("UPDATE index_def SET unit = 'điểm' WHERE code = 'SYT_CCHC'")
    board = figures.leaderboard(store, "22-SYT", "SYT_CCHC", 2025, "vi")
    assert board.layout.xaxis.title.text == "Giá trị (điểm)"
    unit = analysis.unit_leaderboard(store, "22-SYT", "SYT_CCHC", 2025).iloc[0]["entity_code"]
    trend = figures.unit_trend(store, "SYT_CCHC", unit, "x", "en")
    assert trend.layout.annotations[0].text == "Value (points)"
    store.close()


def test_briefing_value_axes_start_at_a_sensible_baseline_and_say_so(demo):
    from reformdash.briefing import build_briefing

    briefing = build_briefing(demo, "Quảng Ninh", 2019)
    catalog = Catalog.load(demo)
    seen = {}
    for s in (s for s in briefing.slides if s.key == "trend"):
        fig = charts.briefing_figure(s.charts[0])
        low, high = fig.layout.yaxis.range
        index = catalog.indices[s.index_code]
        values = [v for v in s.charts[0].series[0].values if v is not None]
        assert index.scale_min <= low <= min(values) and max(values) <= high <= index.scale_max
        assert high - low >= 0.2 * (index.scale_max - index.scale_min)  # a one-point change stays small
        notes = [a.text for a in fig.layout.annotations if a.text.startswith("//")]
        assert notes == ([] if low == index.scale_min else
                         [f"// Trục giá trị bắt đầu từ {int(low)}, không từ {int(index.scale_min)}"])
        seen[s.index_code] = (low, high)
    assert seen["PCI"] == (40, 80) and seen["PAR_INDEX"] == (70, 100)


def test_a_one_point_change_on_a_flat_series_does_not_fill_the_axis(demo):
    from reformdash.briefing import builder

    axis, note = builder(demo, "Quảng Ninh", 2019).value_axis("PAR_INDEX", [80.0, 79.0])
    assert axis == (60.0, 90.0) and note.startswith("Trục giá trị bắt đầu từ 60")
