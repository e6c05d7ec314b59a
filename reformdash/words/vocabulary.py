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
