"""Article -> Analysis: the voice layer, the detectors, the sentence flags and the scores."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from framing.model import Analysis, Article, Evidence, Scores, Sentence, Voice
from framing.settings import DEFAULT_SETTINGS, Settings
from framing.voice.build import build_layer
from framing.voice.layer import Layer

Source = Union[str, "os.PathLike[str]", Article]


def load(source: Source, *, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """Text, a path, a URL, "-" (stdin) or an Article -> Article.

    A ``str`` that starts with ``scheme://`` is a URL (fetched: docs/urls.md); one is taken as a
    path when it has no line break and names an existing file (or is "-"); otherwise it is the
    article's text.
    """
    from framing.article import article_from_text, read_article
    from framing.web import is_url

    if isinstance(source, Article):
        return source
    if isinstance(source, os.PathLike) or is_url(source):
        return read_article(source, settings=settings)
    if source == "-" or ("\n" not in source and len(source) < 4096 and _is_file(source)):
        return read_article(source, settings=settings)
    return article_from_text(source, settings=settings)


def _is_file(s: str) -> bool:
    try:
        return Path(s).is_file()
    except (OSError, ValueError):
        return False


def analyse(source: Source, *, settings: Settings = DEFAULT_SETTINGS) -> Analysis:
    """Analyse one article: every body character gets a voice, every score its evidence."""
    from framing import __version__
    from framing.comparison.entities import entities_of
    from framing.nlp.pipeline import pipeline_name
    from framing.scores.advocacy import find_first_person, score_advocacy
    from framing.scores.editorial import score_editorial, sentence_is_evaluative
    from framing.scores.evaluative import find_evaluative
    from framing.scores.readability import score_readability
    from framing.scores.sourcing import score_sourcing, source_table

    article = load(source, settings=settings)
    layer, warnings = build_layer(article, settings)
    evaluative = tuple(sorted(find_evaluative(layer, lexicon_paths=settings.lexicon_paths, model=settings.model_name()), key=lambda e: (e.start, e.end)))
    first_person = tuple(sorted(find_first_person(layer), key=lambda e: (e.start, e.end)))
    sentences = _sentences(layer, evaluative, first_person, sentence_is_evaluative)
    sources = source_table(layer)
    scores = Scores(
        sourcing=score_sourcing(layer, sources),
        editorial_voice=score_editorial(layer, evaluative),
        advocacy=score_advocacy(layer, first_person),
        readability=score_readability(layer),
    )
    return Analysis(
        article=article,
        pipeline=pipeline_name(settings.model_name()),
        sentences=sentences,
        segments=layer.segments,
        quotes=layer.quotes,
        headline_quotes=layer.headline_quotes,
        attributions=layer.attributions,
        sources=tuple(sources),
        scores=scores,
        body_words=layer.body_words,
        narrator_words=layer.narrator_words,
        warnings=tuple(article.warnings) + tuple(warnings),
        version=__version__,
        headline_attributions=layer.headline_attributions,
        entities=entities_of(article.text, layer.tokens),
    )


def _sentences(layer: Layer, evaluative: tuple[Evidence, ...], first_person: tuple[Evidence, ...], is_evaluative) -> tuple[Sentence, ...]:  # type: ignore[no-untyped-def]
    """Sentences with their dominant voice and the author's-voice flags."""
    text = layer.text
    out = []
    ev_i = fp_i = 0
    for s in layer.sentences:
        voices = layer.voices_in(s.start, s.end)
        order: tuple[Voice, ...] = ("narrator", "attributed", "quoted")
        voice = max(order, key=lambda v: voices.get(v, 0))
        in_ev = []
        while ev_i < len(evaluative) and evaluative[ev_i].start < s.end:
            if evaluative[ev_i].start >= s.start:
                in_ev.append(evaluative[ev_i])
            ev_i += 1
        has_fp = False
        while fp_i < len(first_person) and first_person[fp_i].start < s.end:
            if first_person[fp_i].start >= s.start:
                has_fp = True
            fp_i += 1
        flags = []
        if in_ev and is_evaluative(in_ev):
            flags.append("evaluative")
        if has_fp:
            flags.append("first_person")
        out.append(Sentence(s.start, s.end, text[s.start : s.end], s.paragraph, voice, tuple(flags)))  # type: ignore[arg-type]
    return tuple(out)
