"""What a rank is out of, and which provinces a year's results may name (the 2008 and 2025 mergers)."""

import pytest

from reformdash.errors import ImportRejected

from .helpers import csv_bytes, overall, scores_of


def provinces_in(registry, year):
    return sorted((e for e in registry.entities.values() if e.kind == "province" and e.in_field(year)),
                  key=lambda e: e.code)


@pytest.mark.parametrize("year, size", [(2005, 64), (2008, 64), (2009, 63), (2024, 63), (2025, 34), (2026, 34)])
def test_the_registry_knows_each_year_field(registry, year, size):
    assert len(provinces_in(registry, year)) == size


@pytest.mark.parametrize("name, absorber", [("Bình Dương", "TP. Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"),
                                            ("Kon Tum", "Quảng Ngãi"), ("Kiên Giang", "An Giang")])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_2025_result_for_a_merged_province_is_refused_naming_its_absorber(catalog, registry, name, absorber, lang):
    text = f"Tỉnh,PCI\n{name},70.5\nHà Nội,68.2\n"
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes(text), "pci_2025.csv", catalog, registry, lang=lang)
    message = e.value.message
    assert name in message and "2025" in message and "01/07/2025" in message
    assert absorber in message or registry.get(absorber).name("en") in message
    assert "dòng 2" in message or "row 2" in message


def test_the_same_province_is_fine_in_2024_and_ha_tay_in_2008(catalog, registry):
    assert overall(scores_of(csv_bytes("Tỉnh,PCI\nBình Dương,70.5\n"), "pci_2024.csv", catalog, registry))["74"][0] \
        == 70.5
    assert overall(scores_of(csv_bytes("Tỉnh,PCI\nHà Tây,55.1\n"), "pci_2008.csv", catalog, registry))["28"][0] == 55.1
    with pytest.raises(ImportRejected, match="Hà Nội"):
        scores_of(csv_bytes("Tỉnh,PCI\nHà Tây,55.1\n"), "pci_2009.csv", catalog, registry)


def test_a_whole_2025_field_of_34_is_ranked_out_of_34(catalog, registry):
    field = provinces_in(registry, 2025)
    text = "Tỉnh,PCI\n" + "".join(f"{e.name_vi},{60 + k * 0.5}\n" for k, e in enumerate(field))
    ranks = overall(scores_of(csv_bytes(text), "pci_2025.csv", catalog, registry))
    assert {r[2] for r in ranks.values()} == {34}
    assert sorted(r[1] for r in ranks.values()) == list(range(1, 35))


def test_a_top_ten_of_2025_is_out_of_34(catalog, registry):
    ranks = overall(scores_of(csv_bytes("Tỉnh,PCI,Xếp hạng\nHải Phòng,73.1,1\nQuảng Ninh,72.9,2\n"), "pci_2025.csv",
                              catalog, registry))
    assert ranks["22"] == (72.9, 2, 34)


def test_pci_2005_ranked_42_provinces(catalog, registry):
    field = provinces_in(registry, 2005)[:42]
    text = "Tỉnh,PCI\n" + "".join(f"{e.name_vi},{60 + k * 0.5}\n" for k, e in enumerate(field))
    ranks = overall(scores_of(csv_bytes(text), "pci_2005.csv", catalog, registry))
    assert {r[2] for r in ranks.values()} == {42} and min(r[1] for r in ranks.values()) == 1


def test_units_are_ranked_only_when_the_file_covers_the_parent(catalog, registry):
    text = "Đơn vị,Điểm\n" + "".join(f"Đơn vị {k},{80 + k}\n" for k in range(14))
    whole = scores_of(csv_bytes(text), "donvi.csv", catalog, registry, index="PAR_INDEX", year=2024, level="unit",
                      parent="Lai Châu", create_units=True)
    assert set(whole["rank_of"]) == {14} and whole["rank"].min() == 1


def test_a_year_without_a_published_rank_says_so(store):
    from reformdash import service
    from reformdash.batches import commit
    from reformdash.ingest.importer import ImportOptions
    from reformdash.overview import focus_cards

    service.init(store, demo=False)
    commit(store, service.plan_file(store, csv_bytes("Tỉnh,PCI\nQuảng Ninh,75.1\nHà Nội,70.2\n"), "pci_2021.csv",
                                    ImportOptions()), "an")
    for lang, words in (("vi", "chưa công bố thứ hạng"), ("en", "rank not published")):
        card = {c.index_code: c for c in focus_cards(store, "Quảng Ninh", lang, store.data_version()).cards}["PCI"]
        assert words in card.caption and words in card.sentence


@pytest.mark.parametrize("written", ["4/6", "1/6", "(10)", "12-3"])
def test_text_without_letters_is_never_a_province(catalog, registry, written):
    # "4/6" folds to "46", Thừa Thiên Huế's code; a rank column must not become a second name column
    text = f"Tỉnh,PCI,Xếp hạng\nHà Nội,60,{written}\nQuảng Ninh,70,{written}\n"
    try:
        scores = scores_of(csv_bytes(text), "pci_2017.csv", catalog, registry)
    except ImportRejected as e:
        assert "Huế" not in e.message
        return
    assert set(scores.entity_code) == {"01", "22"}
