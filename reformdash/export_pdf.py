"""The briefing as a PDF, one 16:9 page a slide, drawn offline: each slide a Plotly page, printed by kaleido."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import plotly.graph_objects as go
from pypdf import PdfWriter

from reformdash import fonts, images
from reformdash.briefing import Briefing, Slide
from reformdash.charts import FONT, briefing_figure, point_text
from reformdash.export_pptx import cell_text, column_weights
from reformdash.markup import plotly_text
from reformdash.text import strip_accents
from reformdash.words import L, t
from reformdash.words.headers import with_headers

PDF_MIME = "application/pdf"
INK, MUTED, SAMPLE = "#1c2833", "#5d6d7e", "#c0392b"
MARGIN = 50  # px of page left bare on each side
TEXT_WIDTH = images.WIDTH - 2 * MARGIN  # px a line of text may take
SENTENCE, TICK = 15, 14  # px: the sentences under a chart, an axis' labels
BULLET, INDENT = "• ", "   "
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
        if slide.figure is not None:
            path = folder / f"{number:02d}-1-{slug(slide.index_code or slide.key)}-ban-do.{fmt}"
            path.write_bytes(images.render(slide.figure, fmt))
            written.append(path)
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
    # fixed margins and no automargin anywhere: "paper" is then the page less MARGIN on each side, so text placed
    # at x=0 starts there and text measured to TEXT_WIDTH ends inside the page
    fig.update_layout(width=images.WIDTH, height=images.HEIGHT, template="plotly_white", font=FONT,
                      margin=dict(l=MARGIN, r=MARGIN, t=30, b=30), showlegend=False,
                      separators=",." if briefing.lang == "vi" else ".,")
    if not slide.charts:  # a page of text or a table: no empty grid behind it
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    if slide.key == "title":
        title = _wrap(slide.title, 34, TEXT_WIDTH, "bold")
        _note(fig, "<br>".join(f"<b>{plotly_text(line)}</b>" for line in title), 0.5, 0.62 + 0.03 * (len(title) - 1),
              34, INK, "center")
        subtitle = [w for line in slide.subtitle.split("\n") for w in _wrap(line, 20, TEXT_WIDTH)]
        _note(fig, "<br>".join(plotly_text(line) for line in subtitle), 0.5, 0.42, 20, MUTED, "center")
    else:
        _note(fig, f"<b>{plotly_text(slide.title)}</b>", 0, 1.0, 26, INK)
        if slide.subtitle:
            _note(fig, plotly_text(slide.subtitle), 0, 0.945, 16, MUTED)
        text_lines = _lines(slide.sentences[:3])
        bottom = 0.06 + 0.034 * len(text_lines)
        if slide.figure is not None:
            _drawn(fig, slide.figure, bottom + 0.03, 0.9)
        elif slide.charts:
            _charts(fig, slide, briefing.lang, bottom + 0.03, 0.88)
        elif slide.table and slide.data is not None:
            _table(fig, slide, briefing.lang, bottom + 0.03, 0.9)
        if text_lines:
            _note(fig, "<br>".join(plotly_text(line) for line in text_lines), 0, bottom, SENTENCE, INK,
                  valign="top")
    if slide.sample:
        _note(fig, f"<b>{L('sample', briefing.lang)}</b>", 1, 1.0, 18, SAMPLE, "right")
    _note(fig, plotly_text(f"{briefing.entity_name} · {briefing.year}"), 0, 0.0, 11, MUTED, valign="bottom")
    _note(fig, f"{number}/{total}", 1, 0.0, 11, MUTED, "right", valign="bottom")
    return fig


def _wrap(text: str, size: float, width: float, weight: str = "regular") -> list[str]:
    """Text broken at spaces into lines no wider than `width` px in the project's font (Plotly does not wrap)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and fonts.text_width(candidate, size, weight) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _lines(sentences: list[str]) -> list[str]:
    """Bullets wrapped to the page width, continuation lines indented under the bullet's text."""
    lines = []
    for sentence in sentences:
        wrapped = _wrap(sentence, SENTENCE, TEXT_WIDTH - max(fonts.text_width(BULLET, SENTENCE),
                                                             fonts.text_width(INDENT, SENTENCE)))
        lines += [BULLET + wrapped[0]] + [INDENT + w for w in wrapped[1:]] if wrapped else []
    return lines


def _note(fig, text, x, y, size, colour, align="left", valign="top") -> None:
    """Text placed on the page; callers pass it through plotly_text (names in it are user text)."""
    fig.add_annotation(text=text, x=x, y=y, xref="paper", yref="paper", showarrow=False, xanchor=align,
                       yanchor=valign, align=align, font=dict(size=size, color=colour))


def _label_room(chart, lang: str) -> float:
    """Pixels the value axis' labels take left of a chart: category names of a bar chart, numbers of a line."""
    if chart.kind == "bar":
        labels = chart.categories
    else:
        labels = [point_text(v, chart.number_format, lang) for s in chart.series for v in s.values] or ["100"]
    return max(fonts.text_width(str(label), TICK) for label in labels) + 14  # the tick's own gap


def _charts(fig: go.Figure, slide: Slide, lang: str, bottom: float, top: float) -> None:
    """The slide's charts side by side, each the presentation page's figure moved into its own axes."""
    count = len(slide.charts)
    gap = 0.08 if count > 1 else 0
    width = (1 - gap * (count - 1)) / count
    for i, chart in enumerate(slide.charts):
        suffix = "" if i == 0 else str(i + 1)
        left = i * (width + gap)
        # the axis labels sit inside the chart's share of the page, not in a margin Plotly would widen
        plot_left = left + min(_label_room(chart, lang) / TEXT_WIDTH, width / 2)
        plot_top = top - (0.065 if len(chart.series) > 1 else 0.04)  # below the title, and the key when there is one
        source = briefing_figure(chart, lang)
        for trace in source.data:
            trace.update(xaxis=f"x{suffix}", yaxis=f"y{suffix}", textfont=dict(size=12))
            fig.add_trace(trace)
        x_axis, y_axis = source.layout.xaxis.to_plotly_json(), source.layout.yaxis.to_plotly_json()
        if chart.kind == "line":  # years level, every n-th when they do not all fit (tilted ones hit the sentences)
            room = (left + width - plot_left) * TEXT_WIDTH
            label = max((fonts.text_width(str(c), TICK) for c in chart.categories), default=0) + 12
            x_axis.update(tickangle=0, tickmode="linear", tick0=0,
                          dtick=max(1, math.ceil(len(chart.categories) * label / room)))
        fig.update_layout({f"xaxis{suffix}": {**x_axis, "domain": [plot_left, left + width], "anchor": f"y{suffix}",
                                              "automargin": False, "tickfont": {"size": TICK}},
                           f"yaxis{suffix}": {**y_axis, "domain": [bottom, plot_top], "anchor": f"x{suffix}",
                                              "automargin": False, "tickfont": {"size": TICK}}})
        for shape in source.layout.shapes:  # method-change markers: the dashed lines; their words go in the title
            fig.add_shape(shape.update(xref=f"x{suffix}", yref=f"y{suffix} domain"))
        _note(fig, f"<b>{plotly_text(chart.title)}</b>{plotly_text(_marks(chart))}", left, top, 15, INK)
        if len(chart.series) > 1:  # a key under the title, above the plot
            names = " · ".join(("- - " if s.role == "goal" else "— ") + s.name for s in chart.series)
            _note(fig, plotly_text(names), left + width, top - 0.03, 12, MUTED, "right")


def _marks(chart) -> str:
    """' · ¦ 2006, 2009: đổi phương pháp' after a chart's title: what its dashed lines mark, once per reason
    (one label over each line overlapped its neighbours and the title)."""
    years: dict[str, list[str]] = {}
    for category, why in chart.marks.items():
        if category in chart.categories:
            years.setdefault(why, []).append(category)
    return "".join(f" · ¦ {', '.join(cats)}: {why}" for why, cats in years.items())


def _drawn(fig: go.Figure, source: go.Figure, bottom: float, top: float) -> None:
    """A drawn figure (the map) moved onto the page: its traces, its geo frame on the left, its notes kept."""
    source = go.Figure(source.to_dict())  # a copy: the briefing's own figure is shared with the presentation page
    for trace in source.data:
        fig.add_trace(trace)
    fig.update_layout(geo={**source.layout.geo.to_plotly_json(), "domain": {"x": [0, 0.7], "y": [bottom + 0.08, top]}})
    for note in source.layout.annotations:  # the map's source and the grey key
        fig.add_annotation(note.update(y=bottom + 0.02, x=0.7 if note.x == 1 else 0))
    for trace in fig.data:
        if trace.type == "choropleth" and trace.showscale is not False and trace.colorbar is not None:
            trace.colorbar.update(orientation="v", x=0.72, xanchor="left", y=(bottom + top) / 2, yanchor="middle",
                                  len=0.6)


def _table(fig: go.Figure, slide: Slide, lang: str, bottom: float, top: float) -> None:
    """The slide's table (the first TABLE_ROWS rows), every cell literal text."""
    frame = with_headers(slide.data.drop(columns=[c for c in slide.data.columns if c == "detail"]), lang)
    shown = frame.head(TABLE_ROWS)
    cells = [[plotly_text(cell_text(v, lang)) for v in shown[c]] for c in shown.columns]
    fig.add_trace(go.Table(domain=dict(x=[0, 1], y=[bottom, top]), columnwidth=column_weights(shown, lang),
                           header=dict(values=[f"<b>{plotly_text(c)}</b>" for c in shown.columns], fill_color="#1f3b73",
                                       font=dict(color="white", size=16), align="left", height=36),
                           cells=dict(values=cells, align="left", height=34, font=dict(size=16, color=INK),
                                      fill_color=[["#f4f6f7", "white"] * len(shown)])))
    if len(frame) > len(shown):
        more = len(frame) - len(shown)
        _note(fig, t("brief.pdf.more_rows", lang, n=more),
              1, bottom - 0.01, 12, MUTED, "right")
