"""Charts in the PDF report, as vector graphics: matplotlib draws each chart as a one-page vector
PDF; the layout keeps an empty slot of the chart's size (``ChartSlot`` records where it landed)
and, after the build, pypdf stamps each chart page into its slot (``stamp_charts``, a form
XObject). The charts stay vector (paths and TrueType text), nothing is rasterised, and no SVG
converter is needed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xesc

from framing.comparison.comparison import Comparison
from framing.report.charts import Chart
from framing.report.pdf_style import para


class ChartSlotRecord:
    def __init__(self, chart: Chart, width: float, height: float, source: bytes | None = None) -> None:
        self.chart, self.width, self.height = chart, width, height
        self.source = source  # the PDF holding the chart's page when not the report's ChartSet.pdf
        self.page = 0
        self.x = self.y = 0.0


def _chart_slot(record: ChartSlotRecord) -> Any:
    from reportlab.platypus import Flowable

    class ChartSlot(Flowable):
        """Keeps room for a chart and records where it was drawn (filled in by pypdf later)."""

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return record.width, record.height

        def draw(self) -> None:
            record.page = self.canv.getPageNumber()
            record.x, record.y = self.canv.absolutePosition(0, 0)

    return ChartSlot()


def stamp_charts(pdf: bytes, slots: Sequence[ChartSlotRecord], c: Comparison, charts_pdf: bytes | None) -> bytes:
    """Place each chart page of ``charts_pdf`` in its slot as a form XObject (vector, untouched)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        IndirectObject,
        NameObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    main = PdfReader(io.BytesIO(charts_pdf)) if charts_pdf else None
    readers: dict[int, Any] = {}
    for n, s in enumerate(slots):
        source = main
        if s.source is not None:  # the content charts come in a PDF of their own
            source = readers.setdefault(id(s.source), PdfReader(io.BytesIO(s.source)))
        if not s.page or source is None or s.chart.pdf_page is None:
            continue
        chart_page = source.pages[s.chart.pdf_page]
        box = [float(v) for v in chart_page.mediabox]
        chart_contents = chart_page.get_contents()
        assert chart_contents is not None, "a chart page always has a content stream"
        chart_resources = chart_page["/Resources"].get_object()
        assert isinstance(chart_resources, DictionaryObject)  # /Resources is a dictionary (PDF spec)
        form = DecodedStreamObject()
        form.set_data(chart_contents.get_data())
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in box)
        form[NameObject("/Resources")] = chart_resources.clone(writer)
        ref = writer._add_object(form)
        page = writer.pages[s.page - 1]
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        name = f"/FramingContent{n}" if s.source is not None else f"/FramingChart{n}"
        xobjects = resources["/XObject"].get_object()
        assert isinstance(xobjects, DictionaryObject)  # /XObject is a dictionary (PDF spec)
        xobjects[NameObject(name)] = ref
        scale = s.width / (box[2] - box[0])
        draw = DecodedStreamObject()
        draw.set_data(f"q {scale:.5f} 0 0 {scale:.5f} {s.x:.3f} {s.y:.3f} cm {name} Do Q".encode("ascii"))
        # The page's content streams by reference: a stream written inline in the /Contents
        # array is invalid PDF, and PDFium (Chrome's viewer) then shows a blank page.
        contents = page.raw_get("/Contents")
        contents_obj = contents.get_object()
        if isinstance(contents_obj, ArrayObject):
            parts = list(contents_obj)
        else:
            parts = [contents if isinstance(contents, IndirectObject) else writer._add_object(contents_obj)]
        page[NameObject("/Contents")] = ArrayObject([*parts, writer._add_object(draw)])
    writer.add_metadata({"/Title": c.title, "/Author": "framing " + c.version, "/Creator": "framing " + c.version,
                         "/Subject": "Compared: " + " / ".join(a.title for a in c.articles)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def chart(ch: Chart, st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    if ch.pdf_page is None:
        return []
    w = min(width, ch.width_in * 72)
    rec = ChartSlotRecord(ch, w, ch.height_in * 72 * w / (ch.width_in * 72))
    slots.append(rec)
    return [para(xesc(ch.title), st["h3"]), _chart_slot(rec), para(xesc(ch.caption), st["caption"])]


def content_chart(ch: Chart | None, chart_pdf: Any, st: dict[str, Any], width: float, slots: list[ChartSlotRecord]) -> list[Any]:
    """A content chart with its title and caption, its slot recorded for stamping."""
    from reportlab.platypus import KeepTogether

    if ch is None or chart_pdf is None:
        return []
    w = min(width, ch.width_in * 72)
    rec = ChartSlotRecord(ch, w, ch.height_in * 72 * w / (ch.width_in * 72), source=chart_pdf)
    slots.append(rec)
    return [KeepTogether([para(xesc(ch.title), st["h3"]), _chart_slot(rec), para(xesc(ch.caption), st["caption"])])]
