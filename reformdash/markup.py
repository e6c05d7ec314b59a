"""User text made literal for the pages' markdown: a name from an upload or the catalog never becomes markup."""

from __future__ import annotations

import html
import re

# What opens markup inside a line: markdown (emphasis, links, images, code, tables, headings), raw HTML and
# entities, Streamlit's directives (:red[…], :material/…:, :emoji:), LaTeX ($…$) and GFM's e-mail autolinks (@).
# Brackets, dots and dashes mid-line stay as they are: alone they open nothing, and names are full of them.
_ACTIVE = re.compile(r"([\\`*_\[\]{}<>!#$|~&:@^])")
# At the start of a line a dash, plus or "1." / "1)" opens a list
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
# GFM turns "http://…", "www.…" and "a@b.c" in the text into links after escapes are resolved, so escaping cannot
# stop it: an invisible word joiner inside the pattern does (the text reads and wraps the same)
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(\\:)(?=//)|\b(www)(?=\.)|(?=\\@)")


def markdown_text(text: object) -> str:
    """Text that st.markdown (and every label that renders markdown) shows exactly as written, on one line."""
    line = " ".join(str(text).split())  # a newline would open a block: a heading, a list, a table, a fence
    line = _ACTIVE.sub(r"\\\1", line)
    line = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2) or "") + JOINER, line)
    match = _LINE_START.match(line)
    if match:
        end = match.end()
        line = (line[:end] + "\\" + line[end:]) if match.group(1)[0].isdigit() else "\\" + line
    return line


def markdown_lines(text: object) -> str:
    """Several lines of user text (split at newlines) kept as lines: each literal, joined by hard line breaks."""
    return "  \n".join(markdown_text(line) for line in str(text).split("\n") if line.strip())


def plotly_text(text: object) -> str:
    """Text Plotly draws as written: it reads <a href>, <span style>, <b>, <br> in its strings, so < > & go as
    entities (which Plotly turns back into the characters)."""
    return html.escape(str(text), quote=False)


def plotly_texts(values) -> list:
    """plotly_text of every string in a list (numbers and None stay as they are)."""
    return [plotly_text(v) if isinstance(v, str) else v for v in values]


def invisible_image(src: str) -> str:
    """A 1-pixel image the browser fetches once (a route that sets a cookie); its address escaped as an attribute."""
    return (f'<img src="{html.escape(src, quote=True)}" alt="" width="1" height="1" '
            'style="position:absolute;opacity:0">')
