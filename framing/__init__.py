"""framing: how news articles frame the same event.

    source (path, text) -> Article -> Analysis -> Scores -> Comparison -> renderers

Public API (imports are lazy, so ``import framing`` and ``framing --help`` stay fast)::

    framing.analyse(text_or_path, settings=Settings()) -> Analysis   # .as_dict() is the JSON
    framing.compare([path, path, ...], title=None) -> Comparison     # shows in Jupyter; .to_frame(), .save()
    framing.read_article(path) -> Article
    framing.score_corpus(paths, ...) -> pandas.DataFrame               # one row per article
    framing.Settings, framing.FramingError

``framing.compare`` is a function, although ``framing.compare`` is also the name of the package
that builds comparisons (``framing/comparison/``): see ``_Package`` at the end of this file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.4.0"

__all__ = [
    "Analysis",
    "Article",
    "Comparison",
    "FramingError",
    "Settings",
    "__version__",
    "analyse",
    "compare",
    "read_article",
    "score_corpus",
]

if TYPE_CHECKING:  # pragma: no cover
    from framing.analysis import analyse
    from framing.article import read_article
    from framing.comparison.comparison import Comparison
    from framing.corpus import score_corpus
    from framing.errors import FramingError
    from framing.model import Analysis, Article
    from framing.notebook import compare
    from framing.settings import Settings

_LAZY = {
    "analyse": ("framing.analysis", "analyse"),
    "read_article": ("framing.article", "read_article"),
    "score_corpus": ("framing.corpus", "score_corpus"),
    "FramingError": ("framing.errors", "FramingError"),
    "Analysis": ("framing.model", "Analysis"),
    "Article": ("framing.model", "Article"),
    "Comparison": ("framing.comparison.comparison", "Comparison"),
    "Settings": ("framing.settings", "Settings"),
    "compare": ("framing.notebook", "compare"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
