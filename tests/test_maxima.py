"""A criterion's maximum («(10 điểm)» in its header, or a «Điểm tối đa» row): values above it are refused, a unit
index keeps it, and the units page colours criteria by share of their maximum."""

import pytest

from reformdash import catalog_admin, figures, service
from reformdash.batches import commit
from reformdash.catalog import Catalog
from reformdash.errors import ImportRejected
from reformdash.ingest.importer import ImportOptions

HEADER = "STT,Tên đơn vị,Minh bạch (10 điểm),Hỗ trợ (25 điểm),Tổng điểm (35 điểm)\n"
ROWS = "1,Phòng Một,8,20,28\n2,Phòng Hai,5,25,30\n3,Phòng Ba,10,10,20\n"
OPTIONS = dict(index="DDX", year=2024, level="unit", parent="22-SOX", create_units=True)


@pytest.fixture
def store(tmp_path):
    s = service.open_store(str(tmp_path / "maxima.duckdb"))
    service.init(s, demo=False)
    catalog_admin.add_unit(s, "22-SOX", "Sở Thử nghiệm Quảng Ninh", "22", user="test")
    catalog_admin.add_index(s, "DDX", "Chỉ số thử nghiệm", scale_max=35,
                            components=[("minh_bach", "Minh bạch"), ("ho_tro", "Hỗ trợ")], user="test")
    yield s
    s.close()


def plan(store, text, lang="vi"):
    return service.plan_file(store, text.encode("utf-8"), "ddx_2024.csv", ImportOptions(**OPTIONS, lang=lang))


@pytest.mark.parametrize("lang, words", [("vi", ["dòng 3", "C (Minh bạch (10 điểm))", "«12»", "điểm tối đa 10"]),
                                         ("en", ["row 3", "C (Minh bạch (10 điểm))", "12", "maximum of 10"])])
def test_a_value_above_its_criterion_maximum_is_refused(store, lang, words):
    with pytest.raises(ImportRejected) as refused:
        plan(store, HEADER + "1,Phòng Một,8,20,28\n2,Phòng Hai,12,18,30\n", lang)
    message = refused.value.message if hasattr(refused.value, "message") else str(refused.value)
    assert all(w in message for w in words), message


def test_a_maximum_row_counts_like_a_header(store):
    sheet = "STT,Tên đơn vị,Minh bạch,Hỗ trợ,Tổng điểm\n,Điểm tối đa,10,25,35\n1,Phòng Một,8,26,34\n"
    with pytest.raises(ImportRejected) as refused:
        plan(store, sheet)
    assert "D (Hỗ trợ)" in str(refused.value) and "25" in str(refused.value)


def test_the_unit_index_keeps_its_maxima_and_the_heatmap_shows_shares(store):
    commit(store, plan(store, HEADER + ROWS), "test")
    comps = Catalog.load(store).components["DDX"]
    assert comps["minh_bach"].scale_max == 10 and comps["ho_tro"].scale_max == 25
    fig = figures.unit_criteria(store, "22-SOX", "DDX", 2024, "vi")
    heat = fig.data[0]
    shares = {(y, x): z for y, row in zip(heat.y, heat.z) for x, z in zip(heat.x, row)}
    assert shares[("Phòng Một", "Minh bạch")] == pytest.approx(0.8)
    assert shares[("Phòng Một", "Hỗ trợ")] == pytest.approx(0.8)  # 20 of 25, not 20 against 8
    assert shares[("Phòng Hai", "Hỗ trợ")] == pytest.approx(1.0)
    assert shares[("Phòng Ba", "Hỗ trợ")] == pytest.approx(0.4)
    assert (heat.zmin, heat.zmax) == (0, 1)
