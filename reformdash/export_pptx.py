"""The briefing as an editable PowerPoint deck: native charts, speaker notes, the organisation's template."""

from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_AXIS_CROSSES,
    XL_CHART_TYPE,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Emu, Inches, Pt
from xlsxwriter import Workbook

from reformdash import settings
from reformdash.briefing import Briefing, Chart, Slide
from reformdash.errors import NotFound, ReformdashError
from reformdash.exports import neutralise_cell
from reformdash.words import L, format_number, t
from reformdash.words.headers import with_headers

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
FOCUS, OTHER, GOAL, UP, DOWN, SAMPLE = "C0392B", "1F6FB2", "1E8449", "1E8449", "C0392B", "C0392B"


def template_path(template: str | Path | None = None, lang: str = "vi") -> Path | None:
    """The template given, else $REFORMDASH_PPTX_TEMPLATE, else None; NotFound if the file is missing."""
    chosen = template or settings.get("REFORMDASH_PPTX_TEMPLATE")
    if not chosen:
        return None
    path = Path(chosen)
    if not path.is_file():
        raise NotFound(t("brief.deck.no_template", lang, path=chosen), t("brief.deck.no_template.title", lang))
    return path


def write_pptx(briefing: Briefing, path_or_file, template: str | Path | None = None) -> None:
    """Write the deck to a path or a binary file; `template` (or the setting) gives the layouts and fonts."""
    lang = briefing.lang
    source = template_path(template, lang)
    try:
        prs = Presentation(str(source)) if source else Presentation()
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReformdashError(t("brief.deck.bad_template", lang, path=source),
                              t("brief.deck.bad_template.title", lang)) from e
    if source:
        _drop_slides(prs)  # the template's own example slides are not part of the briefing
    else:
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)  # 16:9, as projectors show it
    deck = _Deck(prs, briefing.lang, fit_titles=source is None)
    for slide in briefing.slides:
        deck.add(slide)
    try:
        prs.save(path_or_file if not isinstance(path_or_file, Path) else str(path_or_file))
    except OSError as e:
        raise ReformdashError(t("brief.deck.not_written", lang, path=path_or_file, reason=e.strerror or e),
                              t("brief.deck.not_written.title", lang)) from e


def pptx_bytes(briefing: Briefing, template: str | Path | None = None) -> bytes:
    """The deck as bytes (for a download button)."""
    buf = io.BytesIO()
    write_pptx(briefing, buf, template)
    return buf.getvalue()


def _drop_slides(prs) -> None:
    """Remove every slide of a template, keeping its masters and layouts."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)


def _layout(prs, title_slide: bool):
    """The template's title layout, or its layout with a title and the fewest other placeholders."""
    def types(layout):
        return [ph.placeholder_format.type for ph in layout.placeholders]
    footer = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    layouts = list(prs.slide_layouts)
    if title_slide:
        for layout in layouts:
            if PP_PLACEHOLDER.CENTER_TITLE in types(layout) and PP_PLACEHOLDER.SUBTITLE in types(layout):
                return layout
        return layouts[0]
    titled = [lay for lay in layouts if {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE} & set(types(lay))]
    if not titled:
        return layouts[-1]
    return min(titled, key=lambda lay: len([t for t in types(lay) if t not in footer]))


class _Deck:
    """Adds briefing slides to a presentation."""

    def __init__(self, prs, lang: str, fit_titles: bool):
        self.prs, self.lang, self.fit_titles = prs, lang, fit_titles
        self.width, self.height = Emu(prs.slide_width), Emu(prs.slide_height)
        self.title_layout, self.content_layout = _layout(prs, True), _layout(prs, False)

    def add(self, slide: Slide) -> None:
        if slide.key == "title":
            page = self.prs.slides.add_slide(self.title_layout)
            self._title_page(page, slide)
        else:
            page = self.prs.slides.add_slide(self.content_layout)
            top = self._heading(page, slide)
            if slide.figure is not None and self._picture(page, slide, top):
                pass
            elif slide.charts:
                self._charts(page, slide, top)
            elif slide.table and slide.data is not None:
                self._table(page, slide, top)
        if slide.sample:
            self._badge(page)
        notes = list(slide.sentences)
        if slide.figure is not None:
            notes.append(t("brief.deck.map_note", self.lang))
        if notes:
            page.notes_slide.notes_text_frame.text = "\n".join(notes)

    # text --------------------------------------------------------------------------------------------
    def _title_page(self, page, slide: Slide) -> None:
        for ph in list(page.placeholders):
            kind = ph.placeholder_format.type
            if kind in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE):
                ph.text_frame.text = slide.title
                if self.fit_titles:
                    self._place(ph, 0.08, 0.22, 0.84, 0.25)
            elif kind == PP_PLACEHOLDER.SUBTITLE:
                ph.text_frame.text = slide.subtitle
                if self.fit_titles:
                    self._place(ph, 0.08, 0.52, 0.84, 0.35)
            else:
                ph.element.getparent().remove(ph.element)
        if page.shapes.title is None:  # a template without a title layout: plain text boxes
            self._text(page, slide.title, 0.08, 0.22, 0.84, 0.25, size=36, bold=True)
            self._text(page, slide.subtitle, 0.08, 0.52, 0.84, 0.35, size=20)

    def _heading(self, page, slide: Slide) -> float:
        """Title (placeholder when the layout has one) and subtitle; returns where the content starts."""
        title = page.shapes.title
        for ph in list(page.placeholders):
            if title is None or ph.shape_id != title.shape_id:
                ph.element.getparent().remove(ph.element)  # unused placeholders would show "Click to add…"
        if title is not None:
            title.text_frame.text = slide.title
            if self.fit_titles:
                self._place(title, 0.04, 0.03, 0.84, 0.12)
                for p in title.text_frame.paragraphs:
                    for r in p.runs:
                        r.font.size = Pt(30)
            top = max(0.15, (title.top + title.height) / self.height)
        else:
            self._text(page, slide.title, 0.04, 0.03, 0.84, 0.12, size=30, bold=True)
            top = 0.15
        if slide.subtitle:
            self._text(page, slide.subtitle, 0.04, top, 0.84, 0.05, size=16)
            top += 0.06
        return top

    def _place(self, shape, left: float, top: float, width: float, height: float) -> None:
        shape.left, shape.top = int(self.width * left), int(self.height * top)
        shape.width, shape.height = int(self.width * width), int(self.height * height)

    def _text(self, page, text: str, left, top, width, height, size: int = 16, bold: bool = False,
              color: str | None = None):
        box = page.shapes.add_textbox(int(self.width * left), int(self.height * top), int(self.width * width),
                                      int(self.height * height))
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = p.add_run()
            run.text = line
            run.font.size = Pt(size)  # sizes only: the template's fonts are kept
            run.font.bold = bold
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
        return box

    def _badge(self, page) -> None:
        """The sample mark: figures on this slide are illustrative, not published."""
        box = self._text(page, L("sample", self.lang), 0.89, 0.03, 0.09, 0.07, size=24, bold=True, color=SAMPLE)
        box.name = "sample-badge"
        box.line.color.rgb = box.text_frame.paragraphs[0].runs[0].font.color.rgb
        box.line.width = 19050  # 1.5 pt

    def _sentences(self, page, slide: Slide, top: float) -> None:
        if slide.sentences:
            self._text(page, "\n".join(slide.sentences[:2]), 0.04, top, 0.92, 0.98 - top, size=14)

    # charts and tables -------------------------------------------------------------------------------
    def _charts(self, page, slide: Slide, top: float) -> None:
        text_height = 0.16
        bottom = 0.98 - text_height
        count = len(slide.charts)
        width = 0.92 / count
        for i, chart in enumerate(slide.charts):
            self._chart(page, chart, 0.04 + i * width, top, width - 0.01, bottom - top)
        self._sentences(page, slide, bottom)

    def _chart(self, page, spec: Chart, left, top, width, height):
        data = _ChartData(number_format=spec.number_format)
        # the names are written to the chart's workbook too: neutralised as in the xlsx and csv exports
        data.categories = [neutralise_cell(c) for c in spec.categories]
        for s in spec.series:
            data.add_series(neutralise_cell(s.name), s.values)
        kind = XL_CHART_TYPE.LINE_MARKERS if spec.kind == "line" else XL_CHART_TYPE.BAR_CLUSTERED
        frame = page.shapes.add_chart(kind, int(self.width * left), int(self.height * top),
                                      int(self.width * width), int(self.height * height), data)
        chart = frame.chart
        chart.has_title = True
        # a native chart has no vertical marker line: the method change is named in the title instead
        marks = "; ".join(f"▲ {category}: {why}" for category, why in spec.marks.items())
        chart.chart_title.text_frame.text = f"{spec.title} ({marks})" if marks else spec.title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
        chart.font.size = Pt(12)
        chart.has_legend = len(spec.series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        value_axis, category_axis = chart.value_axis, chart.category_axis
        value_axis.has_major_gridlines = True
        value_axis.tick_labels.number_format = spec.number_format
        value_axis.tick_labels.number_format_is_linked = False
        if spec.reverse:
            value_axis.reverse_order = True  # rank 1 at the top
            value_axis.crosses = XL_AXIS_CROSSES.MAXIMUM  # keep the years along the bottom
            value_axis.minimum_scale = 1
        if spec.kind == "bar":
            category_axis.reverse_order = True  # first category at the top, as read
            category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names clear of negative bars
        for plot_series, s in zip(chart.plots[0].series, spec.series):
            if spec.kind == "line":
                plot_series.smooth = False
                line = plot_series.format.line
                line.width = Pt(2.5 if s.role == "data" else 1.5)
                line.color.rgb = RGBColor.from_string(GOAL if s.role == "goal" else
                                                      (OTHER if spec.reverse else FOCUS))
                if s.role == "goal":
                    line.dash_style = MSO_LINE_DASH_STYLE.DASH

                    plot_series.marker.style = XL_MARKER_STYLE.NONE
                else:
                    self._labels(plot_series, s, spec)
            else:
                plot_series.invert_if_negative = False
        if spec.kind == "bar":
            self._bar_colours(chart.plots[0], spec)
        return frame

    def _labels(self, plot_series, s, spec: Chart) -> None:
        """Value labels on every point; a rank shows as '19/34' so a change of field size is visible."""
        # written as XML in one piece: python-pptx's per-point label objects cost a third of the deck's chart time
        position = "b" if spec.reverse else "t"
        labels = "".join(
            f'<c:dLbl><c:idx val="{i}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" '
            f'sz="1000"/><a:t>{escape(s.labels[i] if s.labels else _number(value, self.lang))}</a:t></a:r></a:p>'
            f'</c:rich></c:tx><c:dLblPos val="{position}"/>{_SHOW}</c:dLbl>'
            for i, value in enumerate(s.values) if value is not None)
        element = parse_xml(f"<c:dLbls {nsdecls('c', 'a')}>{labels}{_HIDE}</c:dLbls>")
        plot_series._element.insert_element_before(element, *_AFTER_DLBLS)

    def _bar_colours(self, plot, spec: Chart) -> None:
        plot.gap_width = 60
        if len(spec.series) > 1:  # this year and last year side by side
            for plot_series, colour in zip(plot.series, (FOCUS, "AAB7B8")):
                plot_series.format.fill.solid()
                plot_series.format.fill.fore_color.rgb = RGBColor.from_string(colour)
            return
        plot.has_data_labels = True
        plot.data_labels.number_format = spec.number_format
        plot.data_labels.number_format_is_linked = False
        series = plot.series[0]._element
        for i, value in enumerate(spec.series[0].values):
            colour = FOCUS if i == spec.highlight else (UP if (value or 0) >= 0 else DOWN)
            if spec.highlight is not None and i != spec.highlight:
                colour = OTHER if (value or 0) >= 0 else "7F8C8D"
            point = parse_xml(f'<c:dPt {nsdecls("c", "a")}><c:idx val="{i}"/><c:invertIfNegative val="0"/>'
                              f'<c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
                              "</c:spPr></c:dPt>")
            series.insert_element_before(point, "c:dLbls", *_AFTER_DLBLS)

    def _picture(self, page, slide: Slide, top: float) -> bool:
        """A drawn figure (the map) as a picture; False without chromium, so the slide shows its table instead."""
        from reformdash import images

        try:
            png = images.render(slide.figure, "png", width=1000, height=720)
        except images.ImagesUnavailable:
            return False
        height = 0.98 - top - 0.16
        width = height * self.height / self.width * 1000 / 720
        page.shapes.add_picture(io.BytesIO(png), int(self.width * 0.04), int(self.height * top),
                                int(self.width * width), int(self.height * height))
        self._sentences(page, slide, 0.98 - 0.16)
        return True

    def _table(self, page, slide: Slide, top: float) -> None:
        frame = slide.data
        shown = with_headers(frame.drop(columns=[c for c in frame.columns if c == "detail"]), self.lang)
        rows, cols = len(shown) + 1, len(shown.columns)
        height = min(0.98 - top - 0.12, 0.07 * rows)
        shape = page.shapes.add_table(rows, cols, int(self.width * 0.04), int(self.height * top),
                                      int(self.width * 0.92), int(self.height * height))
        table = shape.table
        total = int(self.width * 0.92)
        weights = column_weights(shown, self.lang)
        for c, weight in enumerate(weights):  # long names (the plan's indicators) get the room they need
            table.columns[c].width = int(total * weight / sum(weights))
        size = Pt(14 if rows <= 6 else 12 if rows <= 10 else 10)
        for c, name in enumerate(shown.columns):
            table.cell(0, c).text = str(name)
        for r, row in enumerate(shown.itertuples(index=False), start=1):
            for c, value in enumerate(row):
                table.cell(r, c).text = cell_text(value, self.lang)
        for r in range(rows):
            for c in range(cols):
                for p in table.cell(r, c).text_frame.paragraphs:
                    for run in p.runs:
                        run.font.size = size
        self._sentences(page, slide, min(0.86, top + height + 0.02))


class _SafeWorkbook(CategoryWorkbookWriter):
    """The workbook behind a chart (PowerPoint's «Edit Data») with every name written as text, never as a formula."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        # XlsxWriter's defaults would turn a name starting with '=' into a formula and one like 'http://…' into a
        # link; names are neutralised before (neutralise_cell), this makes sure whatever slips by stays text
        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _ChartData(CategoryChartData):
    """Chart data whose embedded workbook is written by _SafeWorkbook."""

    @property
    def _workbook_writer(self):
        return _SafeWorkbook(self)


# what follows a series' c:dLbls in the schema (bar and line series), so elements go in their place
_AFTER_DLBLS = ("c:trendline", "c:errBars", "c:cat", "c:val", "c:smooth", "c:shape", "c:extLst")
_SHOW = ('<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
         '<c:showPercent val="0"/><c:showBubbleSize val="0"/>')
_HIDE = _SHOW.replace('showVal val="1"', 'showVal val="0"')


def _number(value: float, lang: str) -> str:

    return format_number(value, lang, 0 if float(value).is_integer() else 2)


def column_weights(frame: pd.DataFrame, lang: str) -> list[float]:
    """Each column's share of a table's width: its longest text, between 6 and 45 characters."""
    return [float(min(45, max(6, len(str(name)), *(len(cell_text(v, lang)) for v in frame[name]))))
            for name in frame.columns]


def cell_text(value, lang: str) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return _number(value, lang)
    return str(value)
