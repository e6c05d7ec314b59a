"""Words the program reads (settings, users' files), not words it says: small fixed lists used by one parser each.

Longer vocabularies are data in data/reference/*.csv. Nothing here is a catalog entry (no WORDS).
"""

from __future__ import annotations

# A boolean setting (REFORMDASH_LOGIN_REQUIRED…) written in either language, folded to lower case.
YES_WORDS = frozenset({"1", "true", "yes", "on", "co", "có"})
NO_WORDS = frozenset({"0", "false", "no", "off", "khong", "không"})
