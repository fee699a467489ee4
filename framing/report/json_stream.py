"""The JSON of an analysis written as it is made (``write_json``, ``analysis_parts``): its long
lists (paragraphs, sentences, voices, quotes, attributions, the scores' evidence) item by item,
so that the analysis never exists a second time as one dict of dicts or one string. A text of a
million one-letter lines makes 300 MB of JSON; built whole, its dicts and the encoder's pieces took
about 3 GB on top of the analysis. The text is character for character
``framing.report.writer.json_text``'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from types import GeneratorType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from framing.model import Analysis, ScoreFamily


def analysis_parts(a: Analysis) -> dict[str, Any]:
    """``a.as_dict()`` with its long lists as generators of their items' dicts (for ``write_json``):
    the article's paragraphs, the sentences, the voices, the quotes and attributions (the body's
    and the headline's) and every metric's evidence. The rest is ``as_dict()`` of the analysis
    with those lists left empty, so the schema stays ``Analysis.as_dict``'s."""
    from dataclasses import replace

    lists: dict[str, tuple[Any, ...]] = {
        "paragraphs": a.article.body,
        "sentences": a.sentences,
        "voices": a.segments,
        "quotes": a.quotes,
        "headline_quotes": a.headline_quotes,
        "attributions": a.attributions,
        "headline_attributions": a.headline_attributions,
    }
    shell = replace(
        a,
        article=replace(a.article, body=()),
        sentences=(),
        segments=(),
        quotes=(),
        headline_quotes=(),
        attributions=(),
        headline_attributions=(),
        scores=replace(a.scores, **{f.name: _without_evidence(f) for f in a.scores.families()}),
    )
    d = shell.as_dict()
    for key, items in lists.items():
        if d.get(key) != []:  # the schema changed: no list of these items under this name
            return a.as_dict()
        d[key] = _dicts(items)
    for family in a.scores.families():
        for metric in family.metrics:
            entry = d["scores"][family.name][metric.name]
            if entry.get("evidence") != []:
                return a.as_dict()
            entry["evidence"] = _dicts(metric.evidence)
    return d


def _without_evidence(family: ScoreFamily) -> ScoreFamily:
    from dataclasses import replace

    return replace(family, metrics=tuple(replace(m, evidence=()) for m in family.metrics))


def _dicts(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
    return (item.as_dict() for item in items)


_SURROGATE = re.compile("[\ud800-\udfff]")  # as framing.report.writer.json_text escapes them
_BUFFER_CHARS = 1 << 16  # characters gathered before each write
_BATCH = 256  # items of a generator encoded together


def write_json(out: TextIO, value: Any, *, indent: int = 2) -> None:
    """Write ``value`` to ``out`` as ``framing.report.writer.json_text(value, indent=indent)``
    would, character for character, but in pieces of about ``_BUFFER_CHARS`` characters: a
    generator in ``value`` (at the top, or as a value in its dicts) is written as a JSON array,
    one item at a time, so that neither the whole text nor its items exist at once."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
    buffer: list[str] = []
    size = 0
    for chunk in _chunks(value, 0, encoder, indent):
        buffer.append(chunk)
        size += len(chunk)
        if size >= _BUFFER_CHARS:
            out.write(_escape_surrogates("".join(buffer)))
            buffer, size = [], 0
    out.write(_escape_surrogates("".join(buffer)))


def _escape_surrogates(text: str) -> str:
    """A lone surrogate (a file name that was not UTF-8) as its JSON escape, as ``json_text``."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _chunks(value: Any, level: int, encoder: json.JSONEncoder, indent: int) -> Iterator[str]:
    """The JSON text of ``value`` at nesting ``level``, in pieces (see ``write_json``)."""
    if isinstance(value, GeneratorType):
        yield from _array(value, level, encoder, indent)
    elif isinstance(value, dict) and _holds_generator(value):
        pad = "\n" + " " * (indent * (level + 1))
        first = True
        for key, item in value.items():
            yield ("{" if first else ",") + pad + encoder.encode(_key(key)) + ": "
            first = False
            yield from _chunks(item, level + 1, encoder, indent)
        yield "\n" + " " * (indent * level) + "}"
    else:
        # The encoder writes at nesting 0; every line break of its text starts a line at this
        # nesting (a JSON string holds no line break of its own: it writes "\n"). Its many
        # small pieces are joined a few thousand at a time.
        newline = "\n" + " " * (indent * level)
        pieces: list[str] = []
        for piece in encoder.iterencode(value):
            pieces.append(piece)
            if len(pieces) >= 4096:
                yield "".join(pieces).replace("\n", newline)
                pieces = []
        yield "".join(pieces).replace("\n", newline)


def _array(items: Iterator[Any], level: int, encoder: json.JSONEncoder, indent: int) -> Iterator[str]:
    """A generator's items as a JSON array. Items go through the encoder ``_BATCH`` at a time, as
    one list whose brackets are then cut off (setting the encoder up costs more than a small
    item); an item that holds a generator goes on its own."""
    pad = "\n" + " " * (indent * (level + 1))
    close = "\n" + " " * (indent * level) + "]"
    opened = False
    batch: list[Any] = []
    for item in items:
        lazy = isinstance(item, GeneratorType) or (isinstance(item, dict) and _holds_generator(item))
        if batch and (lazy or len(batch) >= _BATCH):
            yield ("," if opened else "[") + "".join(_chunks(batch, level, encoder, indent))[1 : -len(close)]
            batch, opened = [], True
        if lazy:
            yield ("," if opened else "[") + pad
            yield from _chunks(item, level + 1, encoder, indent)
            opened = True
        else:
            batch.append(item)
    if batch:
        yield ("," if opened else "[") + "".join(_chunks(batch, level, encoder, indent))[1 : -len(close)]
        opened = True
    yield close if opened else "[]"


def _key(key: Any) -> str:
    """A dict key as the JSON encoder writes it: a string as it is, 1 as "1", None as "null"."""
    return key if isinstance(key, str) else next(iter(json.loads(json.dumps({key: None}))))


def _holds_generator(d: dict[Any, Any]) -> bool:
    """Whether a generator lies in ``d``, as a value or in a dict among its values."""
    return any(isinstance(v, GeneratorType) or (isinstance(v, dict) and _holds_generator(v)) for v in d.values())
