"""The JSON of ``framing score`` is written as it is made (issue 14, item 8: a text of a million
one-letter lines took over 4 GB, most of it the analysis as one dict of dicts and its JSON as
one string). ``write_json`` writes exactly what ``json_text`` would, in bounded pieces; the long
lists of an analysis are made item by item (``analysis_parts``) while they are written."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from framing.analysis import analyse
from framing.cli import app
from framing.report.json_stream import _BUFFER_CHARS, analysis_parts, write_json
from framing.report.writer import json_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

SAMPLE = (
    "Council approves bridge repairs\n\n"
    "The city council voted 7-2 on Tuesday to spend $4.2 million repairing the Elm Street bridge. "
    "“We cannot keep patching this bridge,” said council member Rosa Delgado. I think it is a "
    "disgrace that we waited this long.\n\n"
    "Critics said the repairs were rushed, according to a statement from the mayor's office.\n"
)


def _written(value: Any, indent: int = 2) -> str:
    out = io.StringIO()
    write_json(out, value, indent=indent)
    return out.getvalue()


def _lazy(value: Any) -> Any:
    """``value`` with every list that is a dict's value, or the top, made a generator."""
    if isinstance(value, dict):
        return {k: (_lazy(v) if isinstance(v, (dict, list)) else v) for k, v in value.items()}
    if isinstance(value, list):
        return (_lazy(v) if isinstance(v, dict) else v for v in value)
    return value


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(value=_json, indent=st.sampled_from([0, 1, 2, 4]))
def test_written_json_is_json_text_whatever_the_lists_are(value: Any, indent: int) -> None:
    assert _written(_lazy(value), indent) == json_text(value, indent=indent)
    assert _written(value, indent) == json_text(value, indent=indent)


def test_lists_longer_than_a_batch_and_lone_surrogates_are_written_as_json_text() -> None:
    value = {
        "name": "bad\udcffname",
        "quote": "“café” 🙂\nnext line",
        "empty": [],
        "items": [{"i": i, "text": "a\udcff" if i % 97 == 0 else "a", "flags": []} for i in range(1_000)],
        "nested": {"deeper": {"rows": [[i, i + 1] for i in range(600)], "n": 1.5}},
        "numbers": list(range(700)),
        1: "a key that is not a string",
    }
    assert _written(_lazy(value)) == json_text(value, indent=2)
    assert _written(_lazy({"empty": []})) == json_text({"empty": []}, indent=2)
    assert _written(_lazy([])) == "[]"


class _Recorder(io.StringIO):
    """A text stream that notes, at each write, its length and how many items were made so far."""

    def __init__(self, made: list[int]) -> None:
        super().__init__()
        self.made = made
        self.writes: list[tuple[int, int]] = []

    def write(self, s: str) -> int:
        self.writes.append((len(s), self.made[0]))
        return super().write(s)


def test_a_generator_is_written_while_it_is_made_in_bounded_pieces() -> None:
    made = [0]

    def rows(n: int) -> Any:
        for i in range(n):
            made[0] += 1
            yield {"text": "a", "start": i, "end": i + 1, "voice": "narrator", "flags": []}

    out = _Recorder(made)
    write_json(out, {"text": "a\n" * 10, "sentences": rows(50_000)})
    sizes = [size for size, _ in out.writes]
    assert len(out.writes) > 20
    assert max(sizes) < 2 * _BUFFER_CHARS  # no write holds much more than a buffer's worth
    assert out.writes[0][1] < 5_000  # the first piece went out before most rows were made
    assert json.loads(out.getvalue())["sentences"][-1]["end"] == 50_000


def test_analysis_parts_write_the_analysis_as_dict() -> None:
    for source in (SAMPLE, *sorted(FIXTURES.glob("*.txt"))):
        a = analyse(source if isinstance(source, str) else Path(source))
        assert _written(analysis_parts(a)) == json_text(a.as_dict(), indent=2)
    # the long lists are generators, made while they are written
    parts = analysis_parts(analyse(SAMPLE))
    assert all(not isinstance(parts[k], (list, tuple)) for k in ("paragraphs", "sentences", "voices", "quotes"))
    assert not isinstance(parts["scores"]["sourcing"]["direct_quotes"]["evidence"], (list, tuple))


def test_score_json_of_one_and_of_several_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(SAMPLE, encoding="utf-8")
    two.write_text("a\n" * 3_000, encoding="utf-8")
    single = CliRunner().invoke(app, ["score", str(one), "--format", "json"])
    assert single.exit_code == 0, single.output
    assert single.stdout == json_text(analyse(one).as_dict(), indent=2) + "\n"
    both = CliRunner().invoke(app, ["score", str(one), str(two), "--format", "json"])
    assert both.exit_code == 0, both.output
    data = json.loads(both.stdout)
    assert [d["name"] for d in data] == ["one.txt", "two.txt"]
    assert len(data[1]["sentences"]) == len(data[1]["paragraphs"]) == 2_999  # the first line is the headline
    assert both.stdout == json_text([analyse(one).as_dict(), analyse(two).as_dict()], indent=2) + "\n"
