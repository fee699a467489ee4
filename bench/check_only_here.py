"""Check every "only in X" claim of comparisons against the other articles' texts.

    python bench/check_only_here.py --basil 20 [--data DIR] [--dump OUT.jsonl] [--show]
    python bench/check_only_here.py COMPARISONS.jsonl [--show]

``--basil N`` compares the seed pair and the first N BASIL dev triplets (articles rebuilt as in
``eval_subjectivity.py``, title first) with the framing of this checkout; ``--dump`` keeps those
comparisons. COMPARISONS.jsonl holds one ``comparison.json`` per line (``Comparison.as_dict()``),
e.g. a dump made with another checkout, for a before/after. For each
article, each only-here item (speakers, people, places, organisations, groups, other names,
numbers, dates) is checked with deliberately simple searches of the *other* articles' full texts
(headline included), independent of framing's own matching:

* a name is mentioned elsewhere when another text contains it, case-insensitively, as whole
  words, with or without a possessive and a leading "the"; a person (or a person speaker) also
  when another text contains the surname; a multi-word name also when another text contains its
  acronym ("Federal Bureau of Investigation" -> "FBI");
* a number is stated elsewhere when another text has the same value, in digits, with a scale
  word or spelled out ("2 million", "two million", "2,000,000"; "40%", "40 percent");
* a date is mentioned elsewhere when another text has the same weekday, month and day, or year.

A claim is *false* when the item is mentioned elsewhere, except a speaker whose item says that
other articles name it (``mentioned_in``: then the claim is only "quoted only here", which the
search cannot contradict). *Junk* items are names that cannot be an entity as written: they open
with a conjunction, pronoun, preposition or article ("But Republicans"), end with an initial or a
title ("George W", "Massachusetts Gov"), carry a title inside ("Minnesota Congresswoman Michele
Bachmann"), hold a possessive followed by more words ("Obama's U.S."), or start in lower case
("polls", "but a release"). ``--show`` prints every false and junk item.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"

NAME_KINDS = ("speaker", "person", "place", "organization", "group", "name")
PARTICLES = {"al", "el", "de", "del", "da", "di", "bin", "ibn", "van", "von", "der", "la", "le", "du"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
OPENERS = {"but", "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before", "because",
           "although", "then", "also", "now", "still", "even", "just", "only", "he", "she", "they", "it",
           "we", "i", "his", "her", "their", "its", "a", "an", "this", "that", "these", "those", "in", "on",
           "at", "for", "with", "from", "to", "of", "by", "said", "says"}
TITLES = {"gov", "gov.", "sen", "sen.", "rep", "rep.", "gen", "gen.", "lt", "col", "sgt", "mr", "mr.", "mrs",
          "mrs.", "ms", "ms.", "dr", "dr.", "prof", "rev", "president", "governor", "senator", "congressman",
          "congresswoman", "minister", "secretary", "speaker", "chairman", "mayor", "judge"}
SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "dozen": 12}
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
NUM_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?|\b("
                    + "|".join(SPELLED) + r")\b(?:[\s-]+(hundred|thousand|million|billion|trillion)\b)?", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.split())


def strip_possessive(word: str) -> str:
    return re.sub(r"'s?$", "", word)


def says(text: str, phrase: str) -> bool:
    """``text`` (normalised) contains ``phrase`` as whole words, possibly with a possessive."""
    phrase = strip_possessive(norm(phrase))
    if not phrase:
        return False
    return re.search(r"(?<![\w.])" + re.escape(phrase) + r"(?:'s?)?(?!\w)", text) is not None


def name_forms(item: dict[str, Any]) -> set[str]:
    text = norm(str(item["text"]))
    text = re.sub(r"^the\s+", "", text)
    forms = {text}
    words = [w for w in text.split() if w not in SUFFIXES]
    person = item["kind"] == "person" or item["kind"] == "speaker" and item.get("speaker_kind") == "person"
    if person and words:
        forms.add(strip_possessive(words[-1]))
    return forms


def says_acronym(raw: str, item: dict[str, Any]) -> bool:
    """The raw text has the initials of the item's capitalised words, in capitals, dotted or not."""
    caps = [w for w in str(item["text"]).split() if w[:1].isupper() and w.lower() not in ("of", "the", "and")]
    if len(caps) < 2:
        return False
    pattern = r"\.?".join(w[0] for w in caps) + r"\.?"
    return re.search(r"(?<![A-Za-z])" + pattern + r"(?![A-Za-z])", raw) is not None


def number_values(text: str) -> set[float]:
    out = set()
    for m in NUM_RE.finditer(text):
        if m.group(1):
            try:
                value = float(m.group(1).rstrip(",").replace(",", ""))
            except ValueError:
                continue
            scale = m.group(2)
        else:
            value = float(SPELLED[m.group(3).lower()])
            scale = m.group(4)
        if scale:
            value *= SCALES[scale.lower()]
        out.add(value)
    return out


def date_forms(text: str) -> list[str]:
    """The most specific date parts of a date claim: ["march 31"], ["friday"], ["2008"]."""
    low = norm(text)
    for mo in MONTHS:
        m = re.search(rf"\b{mo[:3]}[a-z]*\.?\s+(\d{{1,2}})\b", low)
        if m:
            return [f"{mo} {m.group(1)}", f"{m.group(1)} {mo}", f"{mo[:3]}. {m.group(1)}"]
    for mo in MONTHS:
        m = re.search(rf"\b{mo[:3]}[a-z]*\.?,?\s+(?:of\s+)?((?:19|20)\d\d)\b", low)
        if m:
            return [f"{mo} {m.group(1)}", f"{mo}, {m.group(1)}", f"{mo} of {m.group(1)}"]
    for wd in WEEKDAYS:
        if wd in low:
            return [wd]
    years = re.findall(r"\b(?:19|20)\d\d\b", low)
    if years:
        return years[:1]
    return [mo for mo in MONTHS if re.search(rf"\b{mo}\b", low)][:1] or [low]


def is_false(item: dict[str, Any], others: list[str], raw_others: list[str]) -> bool:
    kind = item["kind"]
    if kind in NAME_KINDS:
        if kind == "speaker" and item.get("mentioned_in"):
            return False
        return any(says(t, f) for t in others for f in name_forms(item)) or any(says_acronym(r, item) for r in raw_others)
    if kind == "number":
        values = number_values(str(item["text"]))
        return bool(values) and any(values & number_values(t) for t in others)
    if kind == "date":
        return any(says(t, f) for t in others for f in date_forms(str(item["text"])))
    return False


def is_junk(item: dict[str, Any], raw_texts: list[str]) -> bool:
    if item["kind"] not in NAME_KINDS:
        return False
    text = str(item["text"]).replace("’", "'")
    words = text.split()
    if not words:
        return True
    low = [w.lower() for w in words]
    owner = re.match(r"(.+?)'s?\s+\S", text)
    return (
        not (words[0][:1].isupper() or words[0][:1].isdigit() or low[0] in PARTICLES and len(words) > 1)
        or low[0] in OPENERS
        or len(words) > 1 and (re.fullmatch(r"[A-Z]\.?", words[-1]) is not None or low[-1].rstrip(".") in TITLES)
        or any(w.rstrip(".") in TITLES for w in low[1:-1]) and len(words) > 2
        # "Obama's U.S.": a name owns what follows (the owner is named on its own elsewhere)
        or owner is not None and any(
            re.search(re.escape(owner.group(1)) + r"(?!['’\w])", r) is not None for r in raw_texts
        )
    )


def check(comparisons: Iterable[dict[str, Any]], show: bool = False) -> Counter[str]:
    totals: Counter[str] = Counter()
    for n, d in enumerate(comparisons):
        content = d.get("content") or {}
        labels = content.get("labels", [])
        raw = [a["text"] for a in d["analyses"]]
        texts = [norm(t) for t in raw]
        for k, lab in enumerate(labels):
            others = [t for j, t in enumerate(texts) if j != k]
            raw_others = [t for j, t in enumerate(raw) if j != k]
            for item in content["coverage"][lab]["only_here"]:
                kind = item["kind"]
                if kind == "sentence":
                    continue
                totals[f"claims:{kind}"] += 1
                totals["claims"] += 1
                false, junk = is_false(item, others, raw_others), is_junk(item, raw)
                totals["false"] += false
                totals[f"false:{kind}"] += false
                totals["junk"] += junk
                totals["false_or_junk"] += false or junk
                if show and (false or junk):
                    print(f"{n:2d} {chr(65 + k)} {kind:12s} {'F' if false else ' '}{'J' if junk else ' '} {item['text']!r}")
    return totals


def read_dump(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def basil_comparisons(data: Path, n: int) -> Iterator[dict[str, Any]]:
    """The seed pair, then the first ``n`` BASIL dev triplets, compared by this checkout."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from eval_subjectivity import _basil_article  # type: ignore[import-not-found]

    import framing
    from framing.comparison import compare

    seeds = sorted((data.parent / "seeds").glob("*.txt"))
    if seeds:
        yield compare([framing.analyse(p) for p in seeds]).as_dict()
    triplets: dict[str, list[dict[str, Any]]] = {}
    for line in (data / "basil" / "dev.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        triplets.setdefault(rec["triplet_id"], []).append(rec)
    for tid in sorted(triplets)[:n]:
        arts = [framing.analyse(r["title"] + "\n\n" + _basil_article(r)[0]) for r in triplets[tid]]
        yield json.loads(json.dumps(compare(arts).as_dict(), default=str))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", nargs="?", type=Path, help="comparisons, one comparison.json per line")
    ap.add_argument("--basil", type=int, metavar="N", help="compare the seed pair and the first N BASIL triplets")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default {DEFAULT_DATA})")
    ap.add_argument("--dump-to", "--dump", dest="dump_to", type=Path, metavar="FILE", help="write the --basil comparisons")
    ap.add_argument("--show", action="store_true", help="print every false and junk item")
    args = ap.parse_args(argv)
    if args.basil is None and args.dump is None:
        ap.error("give a dump of comparisons or --basil N")
    comparisons: Iterable[dict[str, Any]]
    if args.basil is not None:
        comparisons = list(basil_comparisons(args.data, args.basil))
        if args.dump_to:
            args.dump_to.write_text("".join(json.dumps(d, sort_keys=True) + "\n" for d in comparisons), encoding="utf-8")
    else:
        comparisons = read_dump(args.dump)
    print(json.dumps(dict(sorted(check(comparisons, show=args.show).items())), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
