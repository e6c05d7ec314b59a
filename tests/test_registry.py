"""The entity registry: 63 + Hà Tây + 34 after the merger, aliases, suggestions."""

import pytest

from reformdash.errors import NotFound


def test_registry_holds_the_provinces_and_the_2025_field(registry):
    provinces = [e for e in registry.entities.values() if e.kind == "province"]
    assert len([e for e in provinces if e.valid_in(2019) and e.code != "28"]) == 63
    assert len([e for e in provinces if e.valid_to is None]) == 34
    assert registry.entities["28"].name_vi == "Hà Tây" and registry.entities["28"].valid_in(2008)
    assert not registry.entities["28"].valid_in(2009)


@pytest.mark.parametrize("text, code", [
    ("BRVT", "77"), ("TT-Huế", "46"), ("TP.HCM", "79"), ("HCMC", "79"), ("Ha Noi", "01"), ("Tỉnh Quảng Ninh", "22"),
    ("Quàng Ngãi", "51"), ("Bắc Cạn", "06"), ("Thanh Hoá", "38"), ("Ha\u0300 Nô\u0323i", "01"), ("  Đà   Nẵng ", "48"),
])
def test_aliases_resolve(registry, text, code):
    assert registry.resolve(text) == code


def test_unknown_province_gets_suggestions_never_a_new_entity(registry):
    assert registry.resolve("Quang Nimh") is None
    assert "Quảng Ninh" in registry.suggest("Quang Nimh")
    with pytest.raises(NotFound) as e:
        registry.get("Quang Nimh")
    assert "có phải là" in e.value.message


def test_ministries_are_registered(registry):
    assert registry.resolve("Bộ Nội vụ", ("ministry",)) == "BNV"
