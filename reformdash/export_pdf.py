"""The briefing as a PDF, one 16:9 page a slide, drawn offline: each slide a Plotly page, printed by kaleido."""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

import plotly.graph_objects as go
from pypdf import PdfWriter

from reformdash import images
from reformdash.briefing import Briefing, Slide
from reformdash.charts import FONT, briefing_figure
from reformdash.export_pptx import SAMPLE_BADGE, cell_text, column_weights
from reformdash.text import strip_accents

PDF_MIME = "application/pdf"
INK, MUTED, SAMPLE = "#1c2833", "#5d6d7e", "#c0392b"
WRAP = 150  # characters a line of 15 px text holds across the page
TABLE_ROWS = 14  # rows a page holds legibly; a longer table is cut with a note (the xlsx has every row)


def write_pdf(briefing: Briefing, path_or_file) -> None:
    """Write the briefing's PDF to a path or a binary file."""
    data = pdf_bytes(briefing)
    if isinstance(path_or_file, (str, Path)):
        Path(path_or_file).write_bytes(data)
    else:
        path_or_file.write(data)


def pdf_bytes(briefing: Briefing) -> bytes:
    """Every slide drawn as one PDF page by the persistent kaleido server, then bound into one file."""
    writer = PdfWriter()
    total = len(briefing.slides)
    for number, slide in enumerate(briefing.slides, start=1):
        page = images.render(slide_figure(slide, briefing, number, total), "pdf")
        writer.append(io.BytesIO(page))
    writer.add_metadata({"/Title": briefing.slides[0].title, "/Author": briefing.organisation or "reformdash",
                         "/Subject": briefing.entity_name})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_chart_images(briefing: Briefing, folder, fmt: str = "png") -> list[Path]:
    """Every chart of the briefing as its own PNG or SVG file in `folder`, named by slide and chart."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, slide in enumerate(briefing.slides, start=1):
        for k, chart in enumerate(slide.charts, start=1):
            name = f"{number:02d}-{k}-{slug(slide.index_code or slide.key)}-{slug(chart.title)}.{fmt}"
            path = folder / name
            path.write_bytes(images.render(briefing_figure(chart, briefing.lang, height=images.HEIGHT), fmt))
            written.append(path)
    return written


def slug(text: str) -> str:
    """'Thứ hạng (1 = đứng đầu)' -> 'thu-hang-1-dung-dau': safe file names on every office machine."""
    plain = strip_accents(text).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60] or "bieu-do"


def slide_figure(slide: Slide, briefing: Briefing, number: int, total: int) -> go.Figure:
    """One slide as a 1280×720 figure: title, charts side by side or a table, the sentences, a footer."""
    fig = go.Figure()
    fig.update_layout(width=images.WIDTH, height=images.HEIGHT, template="plotly_white", font=FONT,
                      margin=dict(l=50, r=50, t=30, b=30), showlegend=False,
                      separators=",." if briefing.lang == "vi" else ".,")
    if slide.key == "title":
        _note(fig, f"<b>{slide.title}</b>", 0.5, 0.62, 34, INK, "center")
        _note(fig, "<br>".join(slide.subtitle.split("\n")), 0.5, 0.42, 20, MUTED, "center")
    else:
        _note(fig, f"<b>{slide.title}</b>", 0, 1.0, 26, INK)
        if slide.subtitle:
            _note(fig, slide.subtitle, 0, 0.945, 16, MUTED)
        text_lines = _lines(slide.sentences[:3])
        bottom = 0.06 + 0.034 * len(text_lines)
        if slide.charts:
            _charts(fig, slide, briefing.lang, bottom + 0.03, 0.88)
        elif slide.table and slide.data is not None:
            _table(fig, slide, briefing.lang, bottom + 0.03, 0.9)
        if text_lines:
            _note(fig, "<br>".join(text_lines), 0, bottom, 15, INK, valign="top")
    if slide.sample:
        _note(fig, f"<b>{SAMPLE_BADGE if briefing.lang == 'vi' else 'SAMPLE'}</b>", 1, 1.0, 18, SAMPLE, "right")
    _note(fig, f"{briefing.entity_name} · {briefing.year}", 0, 0.0, 11, MUTED, valign="bottom")
    _note(fig, f"{number}/{total}", 1, 0.0, 11, MUTED, "right", valign="bottom")
    return fig


def _lines(sentences: list[str]) -> list[str]:
    """Bullets wrapped to the page width (Plotly does not wrap text itself)."""
    lines = []
    for sentence in sentences:
        wrapped = textwrap.wrap(sentence, WRAP)
        lines += ["• " + wrapped[0]] + ["  " + w for w in wrapped[1:]] if wrapped else []
    return lines


def _note(fig, text, x, y, size, colour, align="left", valign="top") -> None:
    fig.add_annotation(text=text, x=x, y=y, xref="paper", yref="paper", showarrow=False, xanchor=align,
                       yanchor=valign, align=align, font=dict(size=size, color=colour))


def _charts(fig: go.Figure, slide: Slide, lang: str, bottom: float, top: float) -> None:
    """The slide's charts side by side, each the presentation page's figure moved into its own axes."""
    count = len(slide.charts)
    gap = 0.08 if count > 1 else 0
    width = (1 - gap * (count - 1)) / count
    for i, chart in enumerate(slide.charts):
        suffix = "" if i == 0 else str(i + 1)
        left = i * (width + gap)
        source = briefing_figure(chart, lang)
        for trace in source.data:
            trace.update(xaxis=f"x{suffix}", yaxis=f"y{suffix}", textfont=dict(size=12))
            fig.add_trace(trace)
        x_axis, y_axis = source.layout.xaxis.to_plotly_json(), source.layout.yaxis.to_plotly_json()
        fig.update_layout({f"xaxis{suffix}": {**x_axis, "domain": [left, left + width], "anchor": f"y{suffix}"},
                           f"yaxis{suffix}": {**y_axis, "domain": [bottom, top - 0.04], "anchor": f"x{suffix}",
                                              "automargin": True}})
        for shape in source.layout.shapes:  # method-change markers
            fig.add_shape(shape.update(xref=f"x{suffix}", yref=f"y{suffix} domain"))
        for note in source.layout.annotations:
            fig.add_annotation(note.update(xref=f"x{suffix}", yref=f"y{suffix} domain"))
        _note(fig, f"<b>{chart.title}</b>", left, top, 15, INK)
        if len(chart.series) > 1:
            names = " · ".join(("- - " if s.role == "goal" else "— ") + s.name for s in chart.series)
            _note(fig, names, left + width, top, 12, MUTED, "right")


def _table(fig: go.Figure, slide: Slide, lang: str, bottom: float, top: float) -> None:
    frame = slide.data.drop(columns=[c for c in slide.data.columns if c in ("Chi tiết", "Detail")])
    shown = frame.head(TABLE_ROWS)
    cells = [[cell_text(v, lang) for v in shown[c]] for c in shown.columns]
    fig.add_trace(go.Table(domain=dict(x=[0, 1], y=[bottom, top]), columnwidth=column_weights(shown, lang),
                           header=dict(values=[f"<b>{c}</b>" for c in shown.columns], fill_color="#1f3b73",
                                       font=dict(color="white", size=16), align="left", height=36),
                           cells=dict(values=cells, align="left", height=34, font=dict(size=16, color=INK),
                                      fill_color=[["#f4f6f7", "white"] * len(shown)])))
    if len(frame) > len(shown):
        more = len(frame) - len(shown)
        _note(fig, f"… {more} dòng nữa trong tệp Excel" if lang == "vi" else f"… {more} more rows in the workbook",
              1, bottom - 0.01, 12, MUTED, "right")
