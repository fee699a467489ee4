"""Sources -> Comparison in one call, for notebooks and scripts: ``framing.compare``.

    comparison = framing.compare(["a.txt", "b.html"], title=None)
    comparison                      # in Jupyter: the report inline (Comparison._repr_html_)
    comparison.to_frame()           # the scores as a pandas DataFrame (scores.csv)
    comparison.save("report/", formats="html,json")   # the files `framing compare` writes

A source is what ``framing compare`` takes on its command line (a path, or "-" for standard
input, read by the input layer's ``read_article``), an ``Article``, or an ``Analysis`` already
made (``framing.analyse(text)`` for pasted text). The rendering lives in
``framing.report.notebook``; nothing here draws or writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

from framing.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:  # pragma: no cover
    from framing.compare.comparison import Comparison
    from framing.model import Analysis, Article

Source = Union[str, "os.PathLike[str]", "Article", "Analysis"]


def compare(sources: Iterable[Source], *, title: str | None = None, settings: Settings | None = None) -> Comparison:
    """Read, analyse and compare two or more articles (see the module docstring).

    Raises ``ValueError`` for fewer than two sources or "-" (standard input) more than once, and
    the input layer's ``FramingError`` (a missing file, an empty article ...) for a bad source."""
    from framing.compare import compare as compare_analyses

    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError("compare() takes a list of sources, e.g. framing.compare(['a.txt', 'b.txt'])")
    sources = list(sources)
    if len(sources) < 2:
        raise ValueError(f"compare() needs at least two articles, got {len(sources)}")
    if sum(1 for s in sources if isinstance(s, str) and s == "-") > 1:
        raise ValueError("stdin (-) can be given only once")
    chosen = settings if settings is not None else DEFAULT_SETTINGS
    return compare_analyses([analysis_of(s, settings=chosen) for s in sources], title=title)


def analysis_of(source: Source, *, settings: Settings = DEFAULT_SETTINGS) -> Analysis:
    """One source analysed. A ``str`` or path is always a source to read, never article text
    (use ``framing.analyse(text)`` for that): a missing file is an error, not a tiny article."""
    from framing.analysis import analyse
    from framing.article import read_article
    from framing.model import Analysis, Article

    if isinstance(source, Analysis):
        return source
    if not isinstance(source, Article):
        source = read_article(source, settings=settings)
    return analyse(source, settings=settings)
