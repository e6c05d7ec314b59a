"""One home for the words: every key in both languages with the same placeholders, every key used, and no
Vietnamese literal in code outside reformdash/words/ (docstrings and comments are for developers and exempt)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from reformdash import words

ROOT = Path(__file__).resolve().parent.parent
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
CODE = [*sorted((ROOT / "reformdash").rglob("*.py")), *sorted((ROOT / "pages").rglob("*.py")), ROOT / "dashboard.py"]
WORDS_DIR = ROOT / "reformdash" / "words"



def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def vietnamese_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [(node.lineno, node.value[:60]) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and VIETNAMESE.search(node.value)]


@pytest.mark.parametrize("key", sorted(words.CATALOG))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    vi, en = words.CATALOG[key]
    assert vi.strip() and en.strip(), key
    assert placeholders(vi) == placeholders(en), key


def test_no_vietnamese_literal_outside_the_words_package():
    left = {}
    for path in CODE:
        rel = path.relative_to(ROOT).as_posix()
        if path.is_relative_to(WORDS_DIR):
            continue
        found = vietnamese_literals(path)
        if found:
            left[rel] = found[:5]
    assert not left, f"Vietnamese text outside reformdash/words/ (move it into the catalog): {left}"


def test_every_key_is_used_somewhere():
    code = "\n".join(p.read_text(encoding="utf-8") for p in CODE if not p.is_relative_to(WORDS_DIR))
    quoted = set(re.findall(r"""["']([A-Za-z0-9_.\-]+)["']""", code))
    # Keys built at run time ("kind." + code) are declared by their module as DYNAMIC = ("prefix.", ...).
    prefixes = tuple(p for m in words.modules() for p in getattr(m, "DYNAMIC", ()))
    unused = sorted(k for k in words.CATALOG if k not in quoted and not k.startswith(prefixes))
    assert not unused, f"keys no code uses (delete them): {unused}"


def test_every_module_of_the_package_is_loaded():
    assert set(words.ORIGIN.values()) == {m.__name__ for m in words.modules() if getattr(m, "WORDS", None)}


def test_every_header_has_both_languages_and_no_header_is_shared_by_two_codes():
    from reformdash.words.headers import HEADERS

    for lang in (0, 1):
        names = [pair[lang] for pair in HEADERS.values()]
        assert all(n.strip() for n in names)
        assert len(names) == len(set(names)), "two codes with one header would be merged by a reader"
