"""The JSON contract of the analysis, and properties that hold for any input text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.errors import InputError
from framing.model import SCHEMA_VERSION
from framing.settings import Settings

FIX = Path(__file__).parent / "fixtures"
REPORT = FIX / "000_8326348c89f63b57.txt"


@pytest.fixture(scope="module")
def report():
    return framing.analyse(REPORT)


def _spans(d):
    """Every {text, start, end} dictionary inside a JSON value."""
    if isinstance(d, dict):
        if {"text", "start", "end"} <= d.keys() and isinstance(d["start"], int):
            yield d
        for v in d.values():
            yield from _spans(v)
    elif isinstance(d, list):
        for v in d:
            yield from _spans(v)


def test_schema_fields(report):
    d = report.as_dict()
    assert d["schema"] == SCHEMA_VERSION
    for key in ("headline", "byline", "quotes", "attributions", "sentences", "scores", "sources", "text"):
        assert key in d
    assert set(d["scores"]) == {"sourcing", "editorial_voice", "advocacy", "readability"}
    q = d["quotes"][0]
    assert {"text", "start", "end", "speaker"} <= q.keys()
    a = d["attributions"][0]
    for part in ("cue", "source", "content"):
        assert {"text", "start", "end"} <= a[part].keys()
    assert {"name", "kind"} <= a["source"].keys()
    s = d["sentences"][0]
    assert {"text", "start", "end", "voice", "flags"} <= s.keys()
    json.dumps(d)  # serialisable


def test_every_span_indexes_the_text(report):
    d = report.as_dict()
    text = d["text"]
    n = 0
    for span in _spans({k: v for k, v in d.items() if k != "paragraphs"}):
        assert text[span["start"] : span["end"]] == span["text"]
        n += 1
    assert n > 100


def test_metric_evidence_traces_to_text(report):
    for family in report.scores.families():
        for metric in family.metrics:
            assert metric.description
            for ev in metric.evidence:
                assert report.text[ev.start : ev.end] == ev.text
                assert ev.rule


def test_api_equals_cli_json(report, capsys):
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["score", str(REPORT), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == report.as_dict()


def _check_partition(analysis) -> None:
    text = analysis.text
    body = analysis.article.body
    covered = [(v.start, v.end) for v in analysis.segments]
    # voices lie inside the body, in order, without overlap, and cover every body character
    pos = 0
    for s, e in covered:
        assert 0 <= s < e <= len(text) and s >= pos
        pos = e
    voiced = sum(e - s for s, e in covered)
    assert voiced == sum(p.end - p.start for p in body)
    for q in analysis.quotes:
        assert 0 <= q.start <= q.end <= len(text)
    for a in analysis.attributions:
        for part in (a.cue, a.source, a.content):
            assert text[part.start : part.end] == part.text
    for s in analysis.sentences:
        assert text[s.start : s.end] == s.text


quote_heavy = st.lists(
    st.sampled_from(list("abc XYZ.,;:!?'\"“”‘’—–-\n") + ["said", " he ", " Smith ", " according to ", "''", " The "]),
    max_size=120,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), quote_heavy))
def test_any_text_gives_an_analysis(text):
    try:
        analysis = framing.analyse(text, settings=Settings())
    except InputError:
        return  # empty, whitespace-only or binary-looking input: a clear error, never a crash
    _check_partition(analysis)
    json.dumps(analysis.as_dict())


def test_stray_quote_marks_stay_local():
    text = (
        "Officials met on Monday.\n"
        "“The plan is ready, the minister said as talks began.\n"
        "The talks ended late. Nobody else spoke.\n"
        "Then he left.”\n"
    )
    a = framing.analyse(text, settings=Settings(detect_headline=False))
    assert a.warnings
    # the unclosed quote never swallows the following paragraphs
    assert all(q.end <= text.index("The talks") for q in a.quotes if q.start < text.index("The talks"))
    assert any(s.voice == "narrator" for s in a.sentences if "Nobody" in s.text)
