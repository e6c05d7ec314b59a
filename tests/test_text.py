"""Cell parsing and name keys."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformdash.text import is_missing, name_key, parse_int, parse_number, years_in


@pytest.mark.parametrize("cell, expected", [
    (65.97, 65.97), (7, 7.0), ("65,97", 65.97), ("65.97", 65.97), (" 65,97 ", 65.97), ("1.234,5", 1234.5),
    ("1,234.5", 1234.5), ("89%", 89.0), ("62.15870666503906", 62.15870666503906), ("N/A", None), ("KCDL", None),
    ("-", None), ("", None), (None, None), ("kcdl", None), ("…", None),
])
def test_parse_number_reads_what_publishers_write(cell, expected):
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell", ["cao", "1,2,3", "inf", "nan%", True, "12a", float("inf")])
def test_parse_number_refuses_text_and_infinities(cell):
    with pytest.raises(ValueError):
        parse_number(cell)


def test_missing_is_never_zero():
    assert is_missing("N/A") and is_missing("KCDL") and not is_missing(0) and not is_missing("0")


@pytest.mark.parametrize("a, b", [
    ("Bà Rịa - Vũng Tàu", "Ba Ria-Vung Tau"), ("Thừa Thiên Huế", "THỪA THIÊN  HUẾ"), ("Tỉnh Quảng Ninh", "Quảng Ninh"),
    ("Thành phố Hà Nội", "Ha Noi"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("Đắk Lắk", "Dak Lak"),
    ("Hà Nội", "Ha\u0300 Nô\u0323i"),  # NFD text
])
def test_name_key_folds_spellings(a, b):
    assert name_key(a) == name_key(b)


def test_parse_int_refuses_fractions():
    assert parse_int("12") == 12 and parse_int(3.0) == 3
    with pytest.raises(ValueError):
        parse_int("1.5")


def test_years_in_finds_four_digit_years_only():
    assert years_in("PCI 2019.xlsx") == [2019]
    assert years_in("Un-weighted2015PAPI") == [2015]
    assert years_in("12019") == []


def test_competition_ranks_share_places_and_skip_after_ties():
    import numpy as np

    from reformdash.ingest.validate import competition_ranks

    gid = np.array([0, 0, 0, 0, 1, 1, 1])
    values = np.array([70.1, 73.4, 70.1, 65.5, 1.0, np.nan, 2.0])
    ranks, counts = competition_ranks(gid, values)
    assert list(ranks[:4]) == [2, 1, 2, 4]
    assert ranks[4] == 2 and np.isnan(ranks[5]) and ranks[6] == 1
    assert list(counts) == [4, 4, 4, 4, 2, 2, 2]


def _strip_accents_by_category(text: str) -> str:
    """The plain definition: decompose, fold đ, drop every nonspacing mark, lower case."""
    import unicodedata

    from reformdash.words.vocabulary import LETTER_FOLDS

    text = unicodedata.normalize("NFD", text).translate(str.maketrans(LETTER_FOLDS))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF))
       | st.text("aăâbcdđeêgiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÀÁİ .,"))
def test_strip_accents_takes_its_shortcuts_without_changing_a_result(text):
    from reformdash.text import strip_accents

    assert strip_accents(text) == _strip_accents_by_category(text)
