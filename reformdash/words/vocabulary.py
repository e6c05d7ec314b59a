"""Words the program reads (settings, users' files), not words it says: small fixed lists used by one parser each.

Longer vocabularies are data in data/reference/*.csv. Nothing here is a catalog entry (no WORDS).
"""

from __future__ import annotations

# A boolean setting (REFORMDASH_LOGIN_REQUIRED…) written in either language, folded to lower case.
YES_WORDS = frozenset({"1", "true", "yes", "on", "co", "có"})
NO_WORDS = frozenset({"0", "false", "no", "off", "khong", "không"})

# Tokens publishers write for "no data" (reformdash/text.py); a missing value is never zero.
MISSING_TOKENS = frozenset(
    {"", "n/a", "na", "n.a", "n.a.", "kcdl", "-", "--", "—", "–", "...", "…", "x", "nan", "none", "null",
     "khong co du lieu", "không có dữ liệu", "#n/a"}
)
# Letters Unicode does not decompose into a base letter and a mark: folded by hand when diacritics are stripped.
LETTER_FOLDS = {"đ": "d", "Đ": "D"}
# Words before a province's name that the match key drops, on the folded text ("Tỉnh", "Thành phố", "TP.").
NAME_PREFIXES = ("thanh pho truc thuoc trung uong ", "thanh pho ", "tinh ", "tp. ", "tp.", "tp ")

# Header words, folded (no diacritics, lower case), that the importer recognises inside a longer header
# (reformdash/ingest/headers.py, layout.py); whole headers are data/reference/header_vocabulary.csv.
TIER_WORDS = ("tier", "nhom xep hang", "xep loai", "nhom dieu hanh")  # "PCI tier", "Nhóm xếp hạng"
RANK_WORDS = ("rank", "ranking", "xep hang", "thu hang")  # "PCI 2013 ranking", "Thứ hạng"
# Score words around a component's name ("Điểm Tính minh bạch", "Transparency score"), dropped before matching it.
SCORE_WORDS = frozenset({"diem", "so", "score", "points", "chi", "sub", "index", "thanh", "phan"})
# What may stand beside a lone year in a header for the column to be that year's values ("Năm 2020", "2020").
YEAR_WORDS = ("", "nam", "year", "nam danh gia")
# A component cell that means the overall score itself (a long file's "Tiêu chí" column: "Tổng hợp", "Chung").
OVERALL_WORDS = frozenset({"", "tong", "tong hop", "chung", "overall", "total", "chi so chung", "diem tong hop",
                           "tong diem"})
