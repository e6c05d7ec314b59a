"""The project's own Vietnamese font (Be Vietnam Pro, OFL, in static/fonts): its files, and the width of a text in it.

One font for the PDF, the chart images and the pages, so every machine draws the same letters in the same places:
chromium falls back to whatever font the machine has for a letter its first choice lacks, splitting «ế» from «K».
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path

from reformdash.settings import ROOT

FAMILY = "Be Vietnam Pro"
DIR = ROOT / "static" / "fonts"
FILES = {"regular": "BeVietnamPro-Regular.ttf", "bold": "BeVietnamPro-Bold.ttf"}
# chromium reads its fonts through fontconfig on Linux: this file adds static/fonts to the machine's own fonts
FONTCONFIG = ROOT / "reformdash" / "fonts.conf"


def path(weight: str = "regular") -> Path:
    """The TTF file of a weight ('regular' or 'bold')."""
    return DIR / FILES[weight]


def text_width(text: str, size: float, weight: str = "regular") -> float:
    """Width in pixels of `text` set at `size` px (advance widths, no kerning: a little wider than drawn)."""
    per_em, advances, fallback = _metrics(weight)
    return sum(advances.get(ord(ch), fallback) for ch in text) * size / per_em


@functools.cache
def _metrics(weight: str) -> tuple[int, dict[int, int], int]:
    """Units per em, advance width by code point, and the widest advance (for a letter the font lacks)."""
    data = path(weight).read_bytes()
    tables = {}
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        tables[tag.decode("latin-1")] = offset
    per_em = struct.unpack(">H", data[tables["head"] + 18: tables["head"] + 20])[0]
    metric_count = struct.unpack(">H", data[tables["hhea"] + 34: tables["hhea"] + 36])[0]
    widths = struct.unpack(f">{metric_count * 2}H", data[tables["hmtx"]: tables["hmtx"] + 4 * metric_count])[::2]
    glyphs = _cmap(data, tables["cmap"])
    advances = {code: widths[min(glyph, metric_count - 1)] for code, glyph in glyphs.items()}
    return per_em, advances, max(widths)


def _cmap(data: bytes, at: int) -> dict[int, int]:
    """Code point -> glyph from the Unicode BMP subtable (format 4), which holds every Vietnamese letter."""
    count = struct.unpack(">H", data[at + 2: at + 4])[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", data[at + 4 + 8 * i: at + 12 + 8 * i])
        table = at + offset
        if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack(">H", data[table: table + 2])[0] == 4:
            return _format4(data, table)
    raise ValueError("no Unicode BMP character map in the font")


def _format4(data: bytes, table: int) -> dict[int, int]:
    segments = struct.unpack(">H", data[table + 6: table + 8])[0] // 2
    ends_at = table + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    offsets_at = deltas_at + 2 * segments

    def field(base: int, k: int) -> int:
        return struct.unpack(">H", data[base + 2 * k: base + 2 * k + 2])[0]

    glyphs = {}
    for k in range(segments):
        end, start, delta, range_offset = (field(ends_at, k), field(starts_at, k), field(deltas_at, k),
                                           field(offsets_at, k))
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = field(offsets_at + 2 * k + range_offset, code - start)
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                glyphs[code] = glyph
    return glyphs
