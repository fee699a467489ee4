"""The comparison reads the analysis' one parse: the body's names and dates come with the Analysis
(``Analysis.entities``, from the parse the voice layer made) and the pipeline does not run over
the bodies again; a process parses each headline text once; wordfreq's ratings are looked up for
the words needed, without wordfreq's dictionary of all its words."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import framing
from framing.comparison.content import compare_content
from framing.comparison.entities import entities_of, pipeline_entities
from framing.comparison.headlines import compare_headlines
from framing.nlp.pipeline import load_pipeline
from framing.nlp.segment import Token

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ("000_8326348c89f63b57.txt", "002_7f6faa312e2320b9.txt")


@pytest.fixture(scope="module")
def seeds() -> list[Any]:
    return [framing.analyse(FIXTURES / name) for name in SEEDS]


@pytest.fixture
def pipeline_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the pipeline runs over from now on, by ``nlp(text)`` or ``nlp.pipe(texts)``."""
    cls = type(load_pipeline(None))
    runs: list[str] = []
    call, pipe = cls.__call__, cls.pipe

    def text_of(x: Any) -> str:
        return x if isinstance(x, str) else x.text

    def spy_call(self: Any, text: Any, *args: Any, **kwargs: Any) -> Any:
        runs.append(text_of(text))
        return call(self, text, *args, **kwargs)

    def spy_pipe(self: Any, texts: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        def noted() -> Iterator[Any]:
            for t in texts:
                runs.append(text_of(t))
                yield t

        yield from pipe(self, noted(), *args, **kwargs)

    monkeypatch.setattr(cls, "__call__", spy_call)
    monkeypatch.setattr(cls, "pipe", spy_pipe)
    return runs


def _rows(entities: Any) -> list[list[Any]]:
    return [[e.start, e.end, e.text, e.label] + ([True] if e.titled else []) for e in entities]


def test_the_seed_entities_are_those_of_the_former_second_parse(seeds: list[Any]) -> None:
    # seed_entities.json: what the comparison's own run of the pipeline over each body found
    # before the analysis carried its entities (framing 0.4.0)
    expected = json.loads((FIXTURES / "seed_entities.json").read_text(encoding="utf-8"))
    for name, a in zip(SEEDS, seeds, strict=True):
        assert a.entities is not None
        assert _rows(a.entities) == expected[name]
        assert all(a.text[e.start : e.end] == e.text for e in a.entities)


def test_the_content_comparison_runs_no_pipeline(seeds: list[Any], pipeline_runs: list[str]) -> None:
    content = compare_content(seeds)
    assert pipeline_runs == []
    names = {i["text"] for items in content.only_here for i in items if i["kind"] in ("person", "place", "organization", "group")}
    assert names  # the lists were made, from the analyses' entities


def test_an_analysis_made_without_entities_gets_them_from_the_pipeline(seeds: list[Any], pipeline_runs: list[str]) -> None:
    bare = [dataclasses.replace(a, entities=None) for a in seeds]
    assert compare_content(bare).only_here == compare_content(seeds).only_here
    assert pipeline_runs  # the bodies were parsed again, for the bare ones only


def test_the_entities_of_a_text_are_those_an_analysis_of_it_carries(seeds: list[Any]) -> None:
    a = seeds[1]
    assert pipeline_entities(a.text, [(p.start, p.end) for p in a.article.body]) == a.entities


def _tok(k: int, start: int, text: str, pos: str, ent: str = "", begins: bool = False, tag: str = "NNP", lemma: str = "") -> Token:
    return Token(start, start + len(text), text, text.lower(), pos, tag, lemma or text.lower(), "", -1, ent, k, begins)


def test_two_entities_of_one_type_that_touch_stay_two() -> None:
    text = "the Senate GOP and House Republicans"
    toks = [
        _tok(0, 0, "the", "DET", tag="DT"),
        _tok(1, 4, "Senate", "PROPN", "ORG", True),
        _tok(2, 11, "GOP", "PROPN", "ORG", True),  # begins an entity of its own
        _tok(3, 15, "and", "CCONJ", tag="CC"),
        _tok(4, 19, "House", "PROPN", "ORG", True),
        _tok(5, 25, "Republicans", "PROPN", "ORG"),  # inside "House Republicans"
    ]
    assert [(e.text, e.label) for e in entities_of(text, toks)] == [("Senate", "ORG"), ("GOP", "ORG"), ("House Republicans", "ORG")]


def test_a_name_the_parse_took_for_an_auxiliary_is_kept_and_a_true_auxiliary_is_not() -> None:
    # "Why would Trump do that?": the parser hangs "Trump" on "do" as an auxiliary (AUX)
    text = "Why would Trump do that? Has Obama"
    toks = [
        _tok(0, 0, "Why", "SCONJ", tag="WRB"),
        _tok(1, 4, "would", "AUX", tag="MD", lemma="would"),
        _tok(2, 10, "Trump", "AUX", "PERSON", True, tag="VB", lemma="trump"),
        _tok(3, 16, "do", "VERB", tag="VB"),
        _tok(4, 19, "that", "PRON", tag="DT"),
        _tok(5, 23, "?", "PUNCT", tag="."),
        _tok(6, 25, "Has", "AUX", "PERSON", True, tag="VBZ", lemma="have"),
        _tok(7, 29, "Obama", "PROPN", "PERSON"),
    ]
    assert [e.text for e in entities_of(text, toks)] == ["Trump", "Obama"]


def test_a_process_parses_each_headline_text_once(seeds: list[Any], pipeline_runs: list[str]) -> None:
    from framing.comparison.headline_case import parsed_headline

    parsed_headline.cache_clear()
    first = compare_headlines(seeds, ["A", "B"])
    # A as written; B (title case) as written, for its places, and in sentence case: never twice
    assert pipeline_runs and len(pipeline_runs) == len(set(pipeline_runs))
    runs = len(pipeline_runs)
    again = compare_headlines(seeds, ["A", "B"])  # the report's terminal view, a notebook ...
    assert len(pipeline_runs) == runs  # nothing parsed again
    assert again == first


@pytest.fixture
def whole_dictionary(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Calls of ``wordfreq.get_frequency_dict`` (its dictionary of every word) from now on."""
    import wordfreq

    calls: list[tuple[Any, ...]] = []
    real = wordfreq.get_frequency_dict

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(wordfreq, "get_frequency_dict", spy)
    return calls


def test_the_comparison_reads_no_whole_wordfreq_dictionary(seeds: list[Any], whole_dictionary: list[tuple[Any, ...]]) -> None:
    from framing.comparison import compare
    from framing.comparison.headline_case import parsed_headline
    from framing.comparison.headlines import _zipf

    parsed_headline.cache_clear()
    _zipf.cache_clear()
    c = compare(seeds)
    assert c.content is not None and c.content.distinctive_terms[1]
    assert c.headlines is not None and c.headlines.headlines[1].cased  # B's title case was read
    assert whole_dictionary == []
