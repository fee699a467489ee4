"""Sources -> Comparison in one call, for notebooks and scripts: ``framing.compare``.

    comparison = framing.compare(["a.txt", "b.html"], title=None)
    comparison                      # in Jupyter: the report inline (Comparison._repr_html_)
    comparison.to_frame()           # the scores as a pandas DataFrame (scores.csv)
    comparison.save("report/", formats="html,json")   # the files `framing compare` writes

A source is what ``framing compare`` takes on its command line (a path, or "-" for standard
input, or a URL, read by the input layer's ``read_articles``), an ``Article``, or an ``Analysis`` already
made (``framing.analyse(text)`` for pasted text). The rendering lives in
``framing.report.notebook``; nothing here draws or writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

from framing.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:  # pragma: no cover
    from framing.comparison.comparison import Comparison
    from framing.model import Analysis, Article

Source = Union[str, "os.PathLike[str]", "Article", "Analysis"]


def compare(sources: Iterable[Source], *, title: str | None = None, settings: Settings | None = None) -> Comparison:
    """Read, analyse and compare two or more articles (see the module docstring).

    Raises ``ValueError`` for fewer than two sources or "-" (standard input) more than once, and
    the input layer's ``FramingError`` (a missing file, an empty article ...) for a bad source."""
    from framing.comparison import compare as compare_analyses

    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError("compare() takes a list of sources, e.g. framing.compare(['a.txt', 'b.txt'])")
    sources = list(sources)
    if len(sources) < 2:
        raise ValueError(f"compare() needs at least two articles, got {len(sources)}")
    if sum(1 for s in sources if isinstance(s, str) and s == "-") > 1:
        raise ValueError("stdin (-) can be given only once")
    chosen = settings if settings is not None else DEFAULT_SETTINGS
    return compare_analyses(analyses_of(sources, settings=chosen), title=title)


def analyses_of(sources: list[Source], *, settings: Settings = DEFAULT_SETTINGS) -> list[Analysis]:
    """The sources analysed, in order. A ``str`` or path is always a source to read (a file,
    "-", a URL), never article text (use ``framing.analyse(text)`` for that): a missing file is
    an error, not a tiny article. The sources to read are read together, as the command line
    reads them (``read_articles``: URLs fetched at the same time)."""
    from framing.analysis import analyse
    from framing.article.reading import read_articles
    from framing.model import Analysis, Article

    made = (Analysis, Article)
    read = iter(read_articles([s for s in sources if not isinstance(s, made)], settings=settings))
    articles = [s if isinstance(s, made) else next(read) for s in sources]
    return [a if isinstance(a, Analysis) else analyse(a, settings=settings) for a in articles]
