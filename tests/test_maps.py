"""The province map: shipped shapes matched to the registry, the 34 unions, the archipelagos, the figure's values."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from reformdash import maps
from reformdash.geo_build import SOURCE, contains, reference_registry, signed_area
from reformdash.images import OFFLINE_TOPOJSON

HOANG_SA = (111.0, 15.6, 113.0, 17.2)  # lon/lat box of the Paracel Islands
TRUONG_SA = (111.4, 6.5, 117.9, 11.6)  # lon/lat box of the Spratly Islands


@pytest.fixture(scope="module")
def registry():
    return reference_registry()


@pytest.fixture(scope="module")
def demo_store(demo_db):
    from reformdash.store import Store

    s = Store(demo_db)
    yield s
    s.close()


def features(count: int) -> dict[str, dict]:
    return {f["id"]: f for f in maps.geometry(count)["features"]}


def area(feature: dict) -> float:
    """Planar lon/lat area: exteriors minus holes, whatever their winding."""
    total = 0.0
    for polygon in feature["geometry"]["coordinates"]:
        total += abs(signed_area(polygon[0])) - sum(abs(signed_area(h)) for h in polygon[1:])
    return total


def test_every_one_of_the_63_shapes_is_a_province_of_2008_to_2025_and_none_is_missing(registry):
    shapes = features(63)
    assert len(shapes) == 63
    assert set(shapes) == set(registry.field("province", 2019))
    for code, f in shapes.items():
        # the source's own (misspelt) name resolves to the same entity through the registry's aliases
        assert registry.resolve(f["properties"]["source_name"], year=2019) == code


def test_every_one_of_the_34_shapes_is_a_province_from_july_2025_and_none_is_missing(registry):
    shapes = features(34)
    assert len(shapes) == 34
    assert set(shapes) == set(registry.field("province", 2025))


def test_the_misspelt_names_of_the_source_resolve_through_aliases(registry):
    assert registry.resolve("Cần Thơn") == "92"
    assert registry.resolve("Quản Bình") == "44"
    assert registry.resolve("Kien Giang") == "91"


def test_the_34_members_are_the_lineage_of_1_july_2025(registry):
    for code, f in features(34).items():
        absorbed = {old for old, (new, when) in registry.absorbed_by.items() if new == code and when.year == 2025}
        assert set(f["properties"]["members"]) == {code} | absorbed, code
    members = [m for f in features(34).values() for m in f["properties"]["members"]]
    assert sorted(members) == sorted(features(63)), "every old province in exactly one new one"


@pytest.mark.parametrize("code", sorted(f["id"] for f in maps.geometry(34)["features"]))
def test_each_union_covers_exactly_its_members(code):
    old = features(63)
    union = features(34)[code]
    members = sum(area(old[m]) for m in union["properties"]["members"])
    assert area(union) == pytest.approx(members, rel=2e-3)


def test_a_merged_province_has_no_inner_border_left():
    # Tuyên Quang and Hà Giang share a long border: the union has fewer exterior rings than its members' sum,
    # and none of Hà Giang's inner border points with Tuyên Quang survives as a ring of its own
    union = features(34)["08"]
    assert len(union["geometry"]["coordinates"]) <= (len(features(63)["08"]["geometry"]["coordinates"])
                                                     + len(features(63)["02"]["geometry"]["coordinates"]) - 1)


def _rings_in(feature: dict, box: tuple) -> int:
    lo_x, lo_y, hi_x, hi_y = box
    return sum(1 for polygon in feature["geometry"]["coordinates"]
               if all(lo_x <= x <= hi_x and lo_y <= y <= hi_y for x, y in polygon[0]))


@pytest.mark.parametrize("count", [63, 34])
def test_da_nang_holds_hoang_sa_and_khanh_hoa_holds_truong_sa(count):
    shapes = features(count)
    assert _rings_in(shapes["48"], HOANG_SA) >= 5, "Hoàng Sa's islands are Đà Nẵng's"
    assert _rings_in(shapes["56"], TRUONG_SA) >= 20, "Trường Sa's islands and reefs are Khánh Hòa's"
    xs = [x for polygon in shapes["56"]["geometry"]["coordinates"] for x, _ in polygon[0]]
    assert max(xs) > 114.0, "the bounding box spans the Spratlys: nothing was cropped"


def test_exteriors_are_wound_as_plotly_draws_them():
    # d3 (and so plotly.js) fills the outside of a counter-clockwise exterior: the whole globe, not the province
    for count in (63, 34):
        for f in maps.geometry(count)["features"]:
            for polygon in f["geometry"]["coordinates"]:
                assert signed_area(polygon[0]) < 0, f["id"]
                assert all(signed_area(h) > 0 for h in polygon[1:]), f["id"]


def test_a_point_inside_ha_noi_is_inside_its_shape():
    hoan_kiem = (105.85, 21.03)
    assert any(contains(polygon[0], hoan_kiem) for polygon in features(63)["01"]["geometry"]["coordinates"])


def test_the_shipped_maps_stay_light_and_name_their_source():
    for count in (63, 34):
        assert maps.geometry_bytes(count) < 160_000
        assert "Open Development Mekong" in maps.geometry(count)["attribution"]


@pytest.mark.skipif(not SOURCE.is_file(), reason="../shared/data/geo is absent")
def test_the_build_reproduces_the_shipped_files(tmp_path):
    from reformdash.geo_build import build

    build(SOURCE, tmp_path)
    for count in (63, 34):
        assert json.loads((tmp_path / f"provinces_{count}.geojson").read_text()) == maps.geometry(count)


def test_the_year_decides_the_geometry():
    assert maps.provinces_of(2008) == 63 and maps.provinces_of(2024) == 63 and maps.provinces_of(2025) == 34


# the figure against the database ------------------------------------------------------------------------------
def _trace(fig, filled=True):
    return [t for t in fig.data if t.type == "choropleth"][0 if filled else 1]


def test_the_figures_values_equal_the_databases(demo_store):
    fig = maps.figure(demo_store, "PCI", 2019, "value", focus="22")
    truth = demo_store.df("field_year", index_code="PCI", year=2019, component="", lang="vi")
    data = _trace(fig)
    drawn = dict(zip(data.locations, data.z))
    assert drawn == pytest.approx(dict(zip(truth["entity_code"], truth["value"])))
    assert fig.layout.geo.fitbounds == "geojson" and fig.layout.geo.visible is False
    assert len(data.geojson["features"]) == 63


def test_rank_mode_colours_rank_one_brightest_and_says_so(demo_store):
    fig = maps.figure(demo_store, "PCI", 2019, "rank")
    data = _trace(fig)
    truth = demo_store.df("field_year", index_code="PCI", year=2019, component="", lang="vi")
    assert dict(zip(data.locations, [-z for z in data.z])) == dict(zip(truth["entity_code"], truth["rank"]))
    assert data.colorbar.ticktext[0] == "1" and data.colorbar.tickvals[0] == -1 and data.zmax == -1
    assert "1 = đứng đầu" in data.colorbar.title.text


def test_a_province_without_a_value_is_grey_and_says_so_never_zero(demo_store):
    fig = maps.figure(demo_store, "PCI", 2005, "value")  # PCI 2005 surveyed 42 provinces, Hà Tây one of them
    filled, grey = _trace(fig), _trace(fig, filled=False)
    scored = set(demo_store.df("map_values", index_code="PCI", year=2005, component="", lang="vi")["entity_code"])
    assert len(scored) == 42 and "28" in scored
    assert set(filled.locations) == scored - {"28"} and len(grey.locations) == 63 - 41
    assert not set(filled.locations) & set(grey.locations)
    assert all("chưa có dữ liệu" in t for t in grey.text)
    assert grey.colorscale[0][1] == grey.colorscale[-1][1] == maps.NO_DATA and grey.showscale is False


def test_quartile_groups_are_four_quarters_of_the_field(demo_store):
    table = maps.map_table(demo_store, "PCI", 2019)
    counts = table["quartile"].value_counts().sort_index()
    assert list(counts.index) == [1, 2, 3, 4] and counts.max() - counts.min() <= 1
    best = table.sort_values("value", ascending=False).iloc[0]
    assert best["quartile"] == 1


def test_change_between_two_years_is_places_within_one_field(demo_store):
    frame = maps.change_table(demo_store, "PCI", 2018, 2019)
    truth = demo_store.df("changes", index_code="PCI", from_year=2018, to_year=2019, component="", lang="vi")
    truth = truth.dropna(subset=["places_up"]).set_index("entity_code")["places_up"]
    got = frame.dropna(subset=["places_up"]).set_index("entity_code")["places_up"]
    assert got.to_dict() == pytest.approx(truth.to_dict())
    assert set(frame["measure"]) == {"places_up"}
    fig = maps.figure(demo_store, "PCI", 2019, "change", base_year=2018)
    assert _trace(fig).zmid == 0


def test_change_across_a_change_of_field_is_percentile(demo_store):
    frame = maps.change_table(demo_store, "PCI", 2005, 2006)  # 42 → 64 provinces
    assert set(frame["measure"]) == {"percentile_change"}
    assert maps.field_sizes(frame) == [42, 64]


def test_across_the_merger_the_change_is_percentile_on_the_34_shapes():
    frame = pd.DataFrame({"entity_code": ["08"], "entity_name": ["Tuyên Quang"], "value_from": [60.0],
                          "value_to": [62.0], "rank_from": [10.0], "rank_to": [5.0], "rank_of_from": [63.0],
                          "rank_of_to": [34.0], "places_up": [5.0],
                          "percentile_change": [100 * 29 / 33 - 100 * 53 / 62],
                          "measure": ["percentile_change"], "sample": [False]})
    spec = maps.MapSpec("PCI", 2025, "change", base_year=2024)
    fig = maps.map_figure(frame, spec)
    assert len(_trace(fig).geojson["features"]) == 34
    assert "phần trăm" in _trace(fig).colorbar.title.text


def test_ha_tay_years_draw_ha_noi_and_name_ha_tay(demo_store):
    table = maps.map_table(demo_store, "PCI", 2007)
    assert "28" not in set(table["entity_code"])
    assert table.loc[table["entity_code"] == "01", "note"].iloc[0].startswith("Hà Tây: ")
    assert "không có hình riêng" in maps.ha_tay_note(demo_store, "PCI", 2007)
    assert maps.ha_tay_note(demo_store, "PCI", 2010) is None


def test_the_map_names_its_source_and_the_archipelagos_in_both_languages(demo_store):
    for lang, source, island in (("vi", "Nguồn bản đồ: Open Development Mekong", "Hoàng Sa"),
                                 ("en", "Map source: Open Development Mekong", "Hoang Sa")):
        fig = maps.figure(demo_store, "PCI", 2019, lang=lang)
        assert any(a.text == source for a in fig.layout.annotations)
        labels = [t for t in fig.data if t.type == "scattergeo"][0].text
        assert any(island in x for x in labels)


def test_vietnamese_numbers_in_the_hover(demo_store):
    fig = maps.figure(demo_store, "PCI", 2019, "value", lang="vi")
    assert any("Giá trị: " in t and "," in t.split("Giá trị: ")[1].split(" ")[0] for t in _trace(fig).text)
    assert fig.layout.separators == ",."


def test_nothing_is_fetched_from_a_cdn():
    assert maps.CONFIG["topojsonURL"] == OFFLINE_TOPOJSON and OFFLINE_TOPOJSON.startswith("data:")


def test_the_deck_has_the_map_as_a_picture_and_says_so_in_the_notes(demo_db):
    from pptx import Presentation

    from reformdash import images
    from reformdash.briefing import build_briefing
    from reformdash.export_pptx import pptx_bytes
    from reformdash.store import Store

    if images.browser_path() is None:
        pytest.skip("no chromium to draw the map's picture")
    store = Store(demo_db)
    try:
        briefing = build_briefing(store, "22", 2019)
    finally:
        store.close()
    deck = Presentation(__import__("io").BytesIO(pptx_bytes(briefing)))
    number = [s.key for s in briefing.slides].index("map")
    page = deck.slides[number]
    assert [s.shape_type for s in page.shapes].count(13) == 1  # MSO_SHAPE_TYPE.PICTURE
    notes = page.notes_slide.notes_text_frame.text
    assert "dưới dạng ảnh" in notes and "Open Development Mekong" in notes


def test_a_page_names_the_shapes_by_address_and_an_image_carries_them_inline(demo_store):
    """The map page's figure is light (the browser fetches the GeoJSON once from static/geo); a picture of the same
    figure (PNG/SVG download, slides) is drawn offline with the shapes put back inline."""
    import plotly.io as pio

    from reformdash import images

    page = maps.figure(demo_store, "PCI", 2019, focus="22", shapes_url=maps.SHAPES_URL)
    inline = maps.figure(demo_store, "PCI", 2019, focus="22")
    choropleths = [t for t in page.data if t.type == "choropleth"]
    assert choropleths and all(t.geojson == "app/static/geo/provinces_63.geojson" for t in choropleths)
    assert (maps.SHAPES / "provinces_63.geojson").is_file()
    assert len(pio.to_json(page)) < len(pio.to_json(inline)) / 4
    restored = maps.with_shapes_inline(page)
    assert restored.to_dict() == inline.to_dict()
    assert isinstance(page.data[0].geojson, str)  # the page's own figure is not changed
    trend = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    assert maps.with_shapes_inline(trend) is trend
    if images.browser_path() is None:
        pytest.skip("no chromium to draw the picture")
    svg = images.render(page, "svg").decode("utf-8")
    assert svg.count("choroplethlocation") >= 63
