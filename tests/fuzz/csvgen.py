"""Hypothesis strategies for CSV tables: names, headers and numbers as people type them, in any encoding."""

from __future__ import annotations

import csv
import io

from hypothesis import strategies as st

from tests.fuzz.big import province_names
from tests.fuzz.mutate import CONTROL, WEIRD_NUMBERS, WEIRD_TEXT, Case

ENTITY_HEADERS = ["Tỉnh", "Tỉnh, thành phố", "Province", "Đơn vị", "Địa phương", "STT", "", "Tên"]
VALUE_HEADERS = ["PCI", "PCI 2019", "Điểm PCI", "PAPI", "PAPI 2018", "Điểm tổng hợp", "Xếp hạng", "Rank", "Năm",
                 "Chỉ số", "Tính minh bạch", "Chi phí thời gian", "Tier", "Nhóm", "2018", "2019", "Mã", "Ghi chú"]
SEPARATORS = [",", ";", "\t", "|"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258", "latin-1"]


def noisy(text_strategy):
    """Text with control characters, odd spaces and case changes sprinkled in."""
    return st.tuples(text_strategy, st.sampled_from(["", " ", "  ", *CONTROL]), st.booleans()).map(
        lambda t: (t[0].upper() if t[2] else t[0]) + t[1])


def names():
    return st.one_of(st.sampled_from(province_names()), noisy(st.sampled_from(province_names())),
                     st.sampled_from(WEIRD_TEXT), st.text(max_size=30))


def numbers():
    floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
    return st.one_of(
        floats.map(repr), floats.map(lambda v: repr(v).replace(".", ",")),
        st.integers(min_value=-(10 ** 25), max_value=10 ** 25).map(str),
        st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: f"{v:.2f}"),
        st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: f"{v:.2f}".replace(".", ",")),
        st.sampled_from([repr(v) for v in WEIRD_NUMBERS]), st.sampled_from(WEIRD_TEXT), st.text(max_size=12))


def cells():
    return st.one_of(numbers(), numbers(), names())


@st.composite
def csv_tables(draw) -> Case:
    """A CSV: optional title lines, a header row, rows of a name and numbers; a separator, an encoding."""
    width = draw(st.integers(min_value=1, max_value=6))
    header = [draw(st.sampled_from(ENTITY_HEADERS) | st.text(max_size=10))] + [
        draw(st.sampled_from(VALUE_HEADERS) | st.text(max_size=15)) for _ in range(width - 1)]
    rows = [[draw(names())] + [draw(cells()) for _ in range(width - 1)]
            for _ in range(draw(st.integers(min_value=0, max_value=70)))]
    titles = [[draw(st.sampled_from(["Chỉ số PCI năm 2019", "Bảng 1", "", "PAPI 2018", "Kết quả"]) |
                    st.text(max_size=20))] for _ in range(draw(st.integers(min_value=0, max_value=3)))]
    sep = draw(st.sampled_from(SEPARATORS))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, quoting=quoting, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    writer.writerows(titles + [header] + rows)
    text = buf.getvalue()
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()) and len(data) > 2:
        data = data[:draw(st.integers(min_value=1, max_value=len(data)))]  # cut mid-line, mid-character
    options = draw(st.sampled_from([{}, {}, {}, {"index": "PCI"}, {"year": 2019}, {"index": "PCI", "year": 2019},
                                    {"level": "unit", "parent": "22", "create_units": True}]))
    name = draw(st.sampled_from(["pci_2019.csv", "papi 2018.csv", "ket qua.csv", "Bảng 1.csv", "x.csv"]))
    return Case(name, data, options, f"csv {len(rows)} rows, sep {sep!r}, {encoding}")

