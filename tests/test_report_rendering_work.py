"""The renderers do no work twice: the report's charts are drawn once for the HTML and the PDF
(before the PDF's process forks off), a chart is laid out to fit its titles only when it has
titles, the PDF's content charts are drawn once for all its layouts and stamped into the one kept,
the annotated texts' paragraphs are measured once for the columns' heights however many pages
they run over, and the analyses' heap is left out of the garbage collector's passes while the
files are rendered."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

import pytest

import framing
from framing.comparison import compare
from framing.report import charts

FIX = Path(__file__).parent / "fixtures"
LONG = "Netanyahu: Blinken visit sign of unbreakable US-Israel bond"


@pytest.fixture(scope="module")
def seed() -> Any:
    return compare([framing.analyse(FIX / "000_8326348c89f63b57.txt"), framing.analyse(FIX / "002_7f6faa312e2320b9.txt")])


def _figure(width: float, titles: list[str]) -> Any:
    plt = charts.setup()
    fig, axes = plt.subplots(1, 2, figsize=(width, 1.6), layout="constrained")
    for ax, title in zip(axes, titles, strict=True):
        ax.barh([0, 1], [3, 5])
        ax.set_yticks([0, 1], ["Netanyahu", "State Department"])
        if title:
            ax.set_title(title, fontsize=8.5)
    return fig


def _fit_by_drawing(fig: Any) -> None:
    """fit_titles as it was: the whole figure drawn (without painting) to measure the titles."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        limit = min(fig.bbox.x1, ax.get_window_extent(renderer).x1 + 4)
        for title in (ax._left_title, ax.title, ax._right_title):
            text = title.get_text()
            while text and title.get_window_extent(renderer).x1 > limit and len(text) > 4:
                text = text[:-2].rstrip() + "…"
                title.set_text(text)


def _titles(fig: Any) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in (ax._left_title, ax.title, ax._right_title)]


def test_a_chart_without_titles_is_not_laid_out_to_fit_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib.pyplot as plt

    fig = _figure(7.4, ["", ""])
    runs: list[str] = []
    engine = fig.get_layout_engine()
    monkeypatch.setattr(engine, "execute", lambda f: runs.append("layout"))
    monkeypatch.setattr(fig, "draw_without_rendering", lambda: runs.append("draw"))
    charts.fit_titles(fig)
    assert runs == []
    plt.close(fig)


@pytest.mark.parametrize("width", [7.4, 5.6, 4.6])
def test_titles_are_shortened_as_a_whole_draw_measures_them(width: float) -> None:
    import matplotlib.pyplot as plt

    titles = [f"A  {LONG}", "B  Short"]
    mine, drawn = _figure(width, titles), _figure(width, titles)
    charts.fit_titles(mine)
    _fit_by_drawing(drawn)
    assert _titles(mine) == _titles(drawn)
    if width < 7.4:
        assert any(t.endswith("…") for t in _titles(mine))
    mine.draw_without_rendering()  # and after a real layout, every title stays inside its room
    renderer = mine.canvas.get_renderer()
    for ax in mine.axes:
        assert ax.title.get_window_extent(renderer).x1 <= min(mine.bbox.x1, ax.get_window_extent(renderer).x1 + 4) + 0.01
    plt.close(mine)
    plt.close(drawn)


def test_the_pdf_content_charts_are_drawn_once_for_all_its_layouts(seed: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.report import content, pdf

    calls = {"content": 0, "build": 0, "stamp": 0}
    real_content, real_build, real_stamp = content.content_chart_pdf, pdf._build, pdf.stamp_charts

    def counted(name: str, fn: Any) -> Any:
        def f(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return fn(*args, **kwargs)

        return f

    monkeypatch.setattr(content, "content_chart_pdf", counted("content", real_content))
    monkeypatch.setattr(pdf, "_build", counted("build", real_build))
    monkeypatch.setattr(pdf, "stamp_charts", counted("stamp", real_stamp))
    monkeypatch.setattr(pdf, "SPILL", 1.01)  # every last page "spills": the layout is tried three times
    data = pdf.render_pdf(seed, charts.render(seed, svg=False, pdf=True))
    assert calls == {"content": 1, "build": 3, "stamp": 1}
    assert data.startswith(b"%PDF") and b"/FramingContent" in data and b"/FramingChart" in data


@pytest.mark.parametrize("fork", ["", "1"])
def test_the_heap_is_frozen_while_the_files_are_rendered(seed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fork: str) -> None:
    from framing.report import writer

    monkeypatch.setenv("FRAMING_NO_FORK", "1" if not fork else "")
    seen: list[int] = []
    real = writer._render

    def spy(name: str, render: Any, folder: Path) -> None:
        seen.append(gc.get_freeze_count())
        real(name, render, folder)

    monkeypatch.setattr(writer, "_render", spy)
    before = gc.get_freeze_count()
    written = writer.write_report(seed, tmp_path / "r", writer.parse_formats("png,json,pdf"))
    assert sorted(p.name for p in written) == ["comparison.json", "report.pdf", "report.png"]
    assert seen and all(n > before for n in seen)  # in this process (the PDF's is forked when it can be)
    assert gc.get_freeze_count() == before  # handed back to the collector


def test_the_charts_are_drawn_once_for_the_html_and_the_forked_pdf(seed: Any, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.report import writer

    if not writer._can_fork():
        pytest.skip("the PDF is forked off only where fork is available")
    log = tmp_path / "drawn.log"
    real = charts.figures

    def noted(c: Any) -> Any:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(c)

    monkeypatch.setattr(charts, "figures", noted)
    written = writer.write_report(seed, tmp_path / "r", writer.parse_formats("all"))
    assert len(written) == 5
    assert log.read_text(encoding="utf-8").split() == [str(os.getpid())]  # once, here, not again in the PDF's process
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert html.count('class="chart"') >= 5


def test_a_columns_paragraphs_are_measured_once_for_its_heights(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus import Paragraph

    from framing.report import pdf_style, pdf_text

    pdf_style.register_fonts()
    st = pdf_style.styles()
    col = [Paragraph(f"Paragraph {k}: " + "words that wrap over several lines " * (k + 3), st["text"]) for k in range(12)]
    def height(paras: list[Any]) -> float:
        return sum((p.getSpaceBefore() if k else 0) + p.wrap(200, 1e7)[1] + (p.getSpaceAfter() if k < len(paras) - 1 else 0)
                   for k, p in enumerate(paras))

    expected, rest = height(col), height(col[3:])
    for p in col:  # as new: nothing measured yet
        p.__dict__.pop("_framing_height", None)
    wraps: list[int] = []
    real = Paragraph.wrap

    def counted(self: Any, aw: float, ah: float) -> Any:
        wraps.append(id(self))
        return real(self, aw, ah)

    monkeypatch.setattr(Paragraph, "wrap", counted)
    assert pdf_text._column_height(col, 200) == pytest.approx(expected)
    assert pdf_text._column_height(col[3:], 200) == pytest.approx(rest)  # what is left for the next page
    assert sorted(wraps) == sorted(id(p) for p in col)  # each paragraph once
    assert pdf_text._column_height(col, 150) != pytest.approx(expected)  # another width is measured anew
    assert len(wraps) == 2 * len(col)
