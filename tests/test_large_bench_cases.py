"""The benchmark of hostile and large inputs (bench/bench_hostile.py) generates every case of
item 8 at the size asked, and its prose reference never repeats a paragraph (framing parses a
distinct paragraph once, so repeats would make the reference cheaper than real text)."""

from __future__ import annotations

from pathlib import Path

from bench_modules import load_bench

bench = load_bench("bench_hostile")

PARAGRAPHS = [f"Paragraph {k}: officials said the bridge would reopen in week {k}." for k in range(60)]


def test_every_item_8_case_is_generated_at_the_size() -> None:
    cases = {c.name: c for c in bench.CASES if c.item == "8"}
    assert set(cases) >= {"tiny-paragraphs", "one-letter-lines", "numbered-lines", "letters-spaced",
                          "letters-random", "letters-commas", "compare-prose"}
    prose = bench.prose_of_size("\n\n".join(PARAGRAPHS), 20_000)
    for name, case in cases.items():
        text = case.make(20_000, prose)
        assert 18_000 <= len(text.encode("utf-8")) <= 20_000, name
    assert cases["compare-prose"].make(20_000, prose) == prose
    assert len(set(cases["numbered-lines"].make(20_000, prose).splitlines())) == len(cases["numbered-lines"].make(20_000, prose).splitlines())


def test_the_prose_never_repeats_a_paragraph() -> None:
    source = "\n\n".join(PARAGRAPHS)  # about 4 KB: three passes to reach 12 KB
    prose = bench.prose_of_size(source, 12_000)
    paragraphs = prose.split("\n\n")
    assert len(prose.encode("utf-8")) <= 0.97 * 12_000
    assert len(paragraphs) == len(set(paragraphs))
    assert paragraphs[:60] == PARAGRAPHS  # the first pass as written
    assert paragraphs[60] == PARAGRAPHS[0] + " " + PARAGRAPHS[1]  # the second joins them in twos


def test_compare_runs_against_the_first_sample_article(tmp_path: Path) -> None:
    case = next(c for c in bench.CASES if c.name == "compare-prose")
    args = bench.case_args(case, tmp_path / "prose.txt", tmp_path)
    assert args[:2] == ["compare", str(tmp_path / "prose.txt")]
    assert Path(args[2]).parent.name == "corpus" and Path(args[2]).is_file()
    assert args[3:5] == ["--format", "json"]
    score = next(c for c in bench.CASES if c.name == "tiny-paragraphs")
    assert bench.case_args(score, tmp_path / "x.txt", tmp_path) == ["score", str(tmp_path / "x.txt"), "--format", "json"]
