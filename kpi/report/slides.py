"""The report as a PowerPoint deck (16:9): a title slide, then one slide per finding."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kpi.errors import AnalysisError
from kpi.findings import Finding
from kpi.report.render import chart_png, png_size
from kpi.report.safe import xml_text

__all__ = ["default_subtitle", "to_pptx"]

_LEFT, _RIGHT = 1, 3  # python-pptx paragraph alignment: PP_ALIGN.LEFT, PP_ALIGN.RIGHT


def default_subtitle(n: int) -> str:
    """ "3 findings · generated 04 December 2026"."""
    return f"{n} finding{'s' if n != 1 else ''} · generated {dt.date.today():%d %B %Y}"


@dataclass(frozen=True, slots=True)
class _Frame:
    """The slide's geometry in EMU (python-pptx lengths are ints)."""

    width: int
    height: int
    margin: int

    @property
    def content_w(self) -> int:
        return self.width - 2 * self.margin


def _fit(box_w: int, box_h: int, px_w: int, px_h: int) -> tuple[int, int]:
    ratio = min(box_w / px_w, box_h / px_h)
    return int(px_w * ratio), int(px_h * ratio)


def _add_paragraph(
    frame: Any,
    text: str,
    *,
    size: int,
    bold: bool = False,
    italic: bool = False,
    color: Any = None,
    first: bool = False,
    space_after: int = 6,
) -> Any:
    from pptx.util import Pt

    para = frame.paragraphs[0] if first else frame.add_paragraph()
    run = para.add_run()
    run.text = xml_text(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if color is not None:
        run.font.color.rgb = color
    para.space_after = Pt(space_after)
    return para


def _sentence_size(text: str) -> int:
    return 20 if len(text) < 120 else 16 if len(text) < 260 else 13


def _grey() -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor(0x61, 0x6E, 0x7C)


def _cover(prs: Any, geo: _Frame, title: str, subtitle: str) -> None:
    from pptx.util import Inches

    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = xml_text(title)
    cover.placeholders[1].text = xml_text(subtitle)
    # A placeholder inherits its position from the layout until one coordinate is set; then
    # all four must be given (the layout's are for 4:3 slides).
    cover.shapes.title.left, cover.shapes.title.top = geo.margin, Inches(2.2)
    cover.shapes.title.width, cover.shapes.title.height = geo.content_w, Inches(1.6)
    cover.placeholders[1].left, cover.placeholders[1].top = geo.margin, Inches(4.0)
    cover.placeholders[1].width, cover.placeholders[1].height = geo.content_w, Inches(1.2)


def _title(slide: Any, geo: _Frame, text: str) -> None:
    from pptx.util import Inches, Pt

    head = slide.shapes.title
    head.left, head.top, head.width, head.height = (
        geo.margin,
        Inches(0.3),
        geo.content_w,
        Inches(0.9),
    )
    head.text = xml_text(text)
    for para in head.text_frame.paragraphs:
        para.alignment = _LEFT
        for run in para.runs:
            run.font.size = Pt(28 if len(text) < 60 else 22)
            run.font.bold = True


def _chart(slide: Any, geo: _Frame, finding: Finding, top: int, box_h: int) -> tuple[int, bool]:
    """The chart as a picture on the left; returns where the text starts and whether it drew."""
    from pptx.util import Emu, Inches

    png = None
    if finding.chart:
        try:
            png = chart_png(finding.chart, scale=2)
        except AnalysisError:
            png = None
    if png is None:
        return geo.margin, False
    chart_w = Inches(8.1)
    w, h = _fit(chart_w, box_h, *png_size(png))
    slide.shapes.add_picture(io.BytesIO(png), geo.margin, top, Emu(w), Emu(h))
    return geo.margin + chart_w + Inches(0.3), True


def _body(body: Any, finding: Finding, chart_drawn: bool) -> None:
    """The sentence, the numbers (label grey, value bold) and the note."""
    from pptx.util import Pt

    sentence = finding.sentence
    _add_paragraph(body, sentence, size=_sentence_size(sentence), first=True, space_after=14)
    # Long lists of numbers get smaller type so the text box does not run into the footer.
    label_pt, value_pt = (14, 16) if len(finding.numbers) <= 5 else (11, 12)
    for label, value in finding.numbers:
        para = _add_paragraph(body, f"{label}: ", size=label_pt, color=_grey(), space_after=3)
        run = para.add_run()
        run.text = xml_text(value)
        run.font.size, run.font.bold = Pt(value_pt), True
    if finding.chart and not chart_drawn:
        _add_paragraph(body, "(The chart could not be rendered.)", size=12, italic=True)
    if finding.note.strip():
        _add_paragraph(body, f"Note: {finding.note.strip()}", size=13, italic=True)


def _footer(slide: Any, geo: _Frame, finding: Finding, number: int, total: int) -> None:
    """The scope on the left, "3 / 7" on the right."""
    from pptx.util import Inches

    footer = slide.shapes.add_textbox(
        geo.margin, Inches(6.75), geo.content_w - Inches(1.0), Inches(0.5)
    ).text_frame
    footer.word_wrap = True
    _add_paragraph(footer, finding.scope, size=10, color=_grey(), first=True)
    counter = slide.shapes.add_textbox(
        geo.width - geo.margin - Inches(0.9), Inches(6.75), Inches(0.9), Inches(0.5)
    ).text_frame
    _add_paragraph(counter, f"{number} / {total}", size=10, color=_grey(), first=True)
    counter.paragraphs[0].alignment = _RIGHT


def _finding_slide(prs: Any, geo: _Frame, finding: Finding, number: int, total: int) -> None:
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    _title(slide, geo, finding.title)
    top, box_h = Inches(1.35), Inches(5.2)
    text_left, drawn = _chart(slide, geo, finding, top, box_h)
    text_w = geo.width - text_left - geo.margin
    body = slide.shapes.add_textbox(text_left, top, text_w, box_h).text_frame
    body.word_wrap = True
    _body(body, finding, drawn)
    _footer(slide, geo, finding, number, total)
    notes = "\n\n".join(t for t in (finding.sentence, finding.note.strip()) if t)
    slide.notes_slide.notes_text_frame.text = xml_text(notes)


def to_pptx(findings: Sequence[Finding], *, title: str, subtitle: str = "") -> bytes:
    """The report as a PowerPoint deck (16:9): a title slide, then one slide per finding.

    A finding's slide has its title, the chart as a PNG picture (left), the sentence, the numbers
    and the note (right), the scope in the footer and the sentence and note in the speaker
    notes. A finding without a chart (or whose chart cannot render) uses the full width for text.

    Parameters
    ----------
    findings : the findings in slide order.
    title : the deck's title (title slide).
    subtitle : the title slide's second line; default "N findings · generated <date>".

    Returns
    -------
    The .pptx file as bytes.
    """
    from pptx import Presentation
    from pptx.util import Inches

    findings = list(findings)
    prs = Presentation()
    geo = _Frame(int(Inches(13.333)), int(Inches(7.5)), int(Inches(0.5)))
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    _cover(prs, geo, title, subtitle or default_subtitle(len(findings)))
    for number, finding in enumerate(findings, start=1):
        _finding_slide(prs, geo, finding, number, len(findings))
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
