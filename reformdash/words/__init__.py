"""Every user-facing word of the product, Vietnamese first: one catalog of (vi, en) pairs read by key.

Each module of this package holds the words of one part of the product as `WORDS = {key: (vi, en)}`; keys are
unique across modules (checked on load). Sentences are templates with named placeholders, filled by `t`.
Column headers live in `headers` (column code -> (vi, en)), applied only at the edges: pages, exports, briefing.
Number and date formatting live in `numbers`. Parsing vocabulary (words read from users' files) is data in
`data/reference/`, not here. tests/test_words.py keeps the catalog whole.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from reformdash.words.numbers import format_number

__all__ = ["CATALOG", "L", "format_number", "pair", "t"]


def modules() -> list:
    """The package's modules, in name order."""
    return [import_module(f"{__name__}.{m.name}") for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)]


def _load() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Every module's WORDS merged, with the module each key comes from; a key defined twice is an error."""
    catalog: dict[str, tuple[str, str]] = {}
    origin: dict[str, str] = {}
    for module in modules():
        for key, pair_ in getattr(module, "WORDS", {}).items():
            if key in catalog:
                raise ValueError(f"words: key {key!r} in both {origin[key]} and {module.__name__}")
            catalog[key] = pair_
            origin[key] = module.__name__
    return catalog, origin


CATALOG, ORIGIN = _load()


def t(key: str, lang: str = "vi", **params: object) -> str:
    """The words `key` in `lang` ('vi' or 'en'), placeholders filled from params."""
    vi, en = CATALOG[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text


L = t  # the pages' short name for the same lookup


def pair(key: str) -> tuple[str, str]:
    """Both languages of `key` (for places that keep both, such as a bilingual template)."""
    return CATALOG[key]
