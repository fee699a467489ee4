"""Generate a synthetic news corpus for the corpus-mode benchmarks (deterministic from a seed).

    python bench/gen_corpus.py OUT_DIR [--articles 2000] [--seed 7]

Articles of 600-900 words, in four outlets (one folder each) with different habits: a wire
service (direct quotes, neutral "said"), a broadsheet (attributed statements, hedges, anonymous
officials), a tabloid (loaded verbs, intensifiers, evaluative adjectives) and an opinion desk
(first person, exhortations). Mostly .txt, some .md and a few .html. Names and places are made up
from syllables, so the vocabulary grows with the corpus as a real one does. About half of the
sentences are background sentences whose words are drawn from wordfreq's English frequency list
(Zipf-weighted), so that the vocabulary, and so the tokenizer's cache hit rate, is like that of
real news rather than of a few templates (the throughput benchmark compares against spaCy's
tokenizer on the same text). Writes OUT_DIR/meta.csv (file, outlet, date, desk).
"""

from __future__ import annotations

import argparse
import csv
import html
import random
from pathlib import Path

OUTLETS = ("wire", "broadsheet", "tabloid", "opinion")
SYL = ("ka", "ro", "mi", "tan", "vel", "dor", "lin", "sa", "bre", "nok", "ti", "har", "zel", "mo",
       "quin", "ras", "pel", "gor", "une", "ash", "lo", "ver", "dan", "cel", "fi", "ost", "mar", "bel")
FIRST = ("Anna", "David", "Maria", "James", "Leila", "Omar", "Sarah", "Tom", "Yuki", "Chen", "Ivan",
         "Grace", "Samuel", "Noor", "Elena", "Peter", "Amara", "Lucas", "Hana", "Diego")
TITLES = ("Minister", "Senator", "Mayor", "Governor", "spokesperson", "Secretary", "President", "director")
INSTITUTIONS = ("the Ministry of Finance", "the State Department", "the city council", "the central bank",
                "the World Health Organization", "the European Commission", "the Port Authority",
                "the Energy Regulator", "the Supreme Court", "the teachers' union")
TOPICS = ("the budget", "the new bridge", "the water supply", "the peace talks", "the trade agreement",
          "the housing plan", "the energy prices", "the election", "the strike", "the flood defences",
          "the hospital reform", "the rail link", "the fishing quota", "the tax cut", "the border crossing")
NEUTRAL = ("said", "told reporters", "added", "noted", "explained", "said in a statement", "wrote")
LOADED = ("claimed", "admitted", "insisted", "conceded", "boasted", "slammed", "blasted", "alleged")
EVALUATIVE = ("disastrous", "shameful", "remarkable", "reckless", "brilliant", "outrageous", "heroic",
              "chaotic", "staggering", "appalling", "courageous", "absurd", "historic", "scandalous")
INTENS = ("very", "extremely", "utterly", "deeply", "truly", "incredibly", "totally")
HEDGES = ("may", "might", "appears to", "is likely to", "could", "seems to")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VERBS = ("approved", "rejected", "delayed", "announced", "reviewed", "funded", "cancelled", "extended")
OBJECTS = ("the proposal", "a new inquiry", "the contract", "emergency funding", "the deadline",
           "a pilot scheme", "the merger", "the recommendations")
QUOTES = ("We will not accept {t} in its current form", "This is about the families who depend on {t}",
          "Nobody expected {t} to move this quickly", "The numbers on {t} simply do not add up",
          "We have listened, and we are ready to act on {t}", "There is still a lot of work to do on {t}",
          "I am confident that {t} will be settled by the end of the year",
          "Our position on {t} has not changed", "People deserve honest answers about {t}")


_VOCAB: tuple[list[str], list[float]] | None = None


def vocabulary() -> tuple[list[str], list[float]]:
    """English words by frequency (wordfreq), with cumulative Zipf weights for sampling."""
    global _VOCAB
    if _VOCAB is None:
        from itertools import accumulate

        from wordfreq import top_n_list

        words = [w for w in top_n_list("en", 40000) if w.isalpha()]
        _VOCAB = (words, list(accumulate(1.0 / (rank + 20) for rank in range(len(words)))))
    return _VOCAB


def background(rng: random.Random) -> str:
    """A sentence of 8-28 real English words, drawn by frequency, with a comma or two."""
    words, cum = vocabulary()
    n = rng.randint(8, 28)
    picked = rng.choices(words, cum_weights=cum, k=n)
    for k in range(2, n - 2):
        if rng.random() < 0.08:
            picked[k] += ","
    if rng.random() < 0.3:
        picked[rng.randrange(n)] = str(rng.randint(2, 2024))
    return " ".join(picked) + "."


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def made_up_name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYL) for _ in range(parts)).capitalize()


class Article:
    def __init__(self, rng: random.Random, outlet: str, place: str):
        self.rng, self.outlet, self.place = rng, outlet, place
        self.people = [(f"{rng.choice(FIRST)} {made_up_name(rng, rng.choice((2, 3)))}", rng.choice(TITLES)) for _ in range(rng.randint(2, 4))]
        self.topic = rng.choice(TOPICS)

    def person(self) -> tuple[str, str]:
        return self.rng.choice(self.people)

    def sentence(self) -> str:
        r, o, t = self.rng, self.outlet, self.topic
        if r.random() < 0.5:
            return cap(background(r))
        name, title = self.person()
        surname = name.split()[-1]
        weights = {
            "wire": (5, 2, 3, 0, 0, 0, 1),
            "broadsheet": (2, 4, 3, 1, 0, 0, 2),
            "tabloid": (3, 2, 1, 3, 3, 0, 0),
            "opinion": (1, 1, 1, 2, 2, 4, 1),
        }[o]
        kind = r.choices(("quote", "attributed", "fact", "loaded", "evaluative", "first", "hedge"), weights)[0]
        return cap(self._sentence(kind, r, o, t, name, title, surname))

    def _sentence(self, kind: str, r: random.Random, o: str, t: str, name: str, title: str, surname: str) -> str:
        if kind == "quote":
            q = r.choice(QUOTES).format(t=t)
            verb = r.choice(NEUTRAL if o != "tabloid" else NEUTRAL + LOADED)
            return r.choice((f"“{q},” {surname} {verb}.", f"“{q},” said {title} {name}.", f"{name}, the {title.lower()}, {verb}: “{q}.”"))
        if kind == "attributed":
            src = r.choice((f"{title} {name}", cap(r.choice(INSTITUTIONS)), "Officials", "A senior official who asked not to be named", "Residents"))
            return f"{src} said that {r.choice(INSTITUTIONS)} had {r.choice(VERBS)} {r.choice(OBJECTS)} on {r.choice(DAYS)}."
        if kind == "fact":
            n = r.randint(2, 950)
            return r.choice((
                f"The plan for {t} in {self.place} would cost about {n} million, according to figures released on {r.choice(DAYS)}.",
                f"{cap(r.choice(INSTITUTIONS))} {r.choice(VERBS)} {r.choice(OBJECTS)} after {n} residents signed a petition.",
                f"More than {n} people attended the meeting in {self.place}, where {t} was the main item on the agenda.",
                f"The decision on {t} follows months of negotiations between {r.choice(INSTITUTIONS)} and {r.choice(INSTITUTIONS)}.",
            ))
        if kind == "loaded":
            return f"{title} {name} {r.choice(LOADED)} that {r.choice(INSTITUTIONS)} had {r.choice(VERBS)} {r.choice(OBJECTS)}."
        if kind == "evaluative":
            return r.choice((
                f"The handling of {t} has been {r.choice(INTENS)} {r.choice(EVALUATIVE)}.",
                f"It was a {r.choice(EVALUATIVE)} week for {self.place}, and a {r.choice(EVALUATIVE)} one for {surname}.",
                f"What followed was {r.choice(INTENS)} {r.choice(EVALUATIVE)} by any standard.",
            ))
        if kind == "first":
            return r.choice((
                f"I have covered {t} for years, and I have never seen anything so {r.choice(EVALUATIVE)}.",
                f"We must demand better from {r.choice(INSTITUTIONS)}.",
                f"In my view, {t} is the test of this government, and we should say so plainly.",
                f"Let us be clear: our city deserves more than {r.choice(EVALUATIVE)} promises.",
            ))
        return f"{cap(r.choice(INSTITUTIONS))} {r.choice(HEDGES)} revisit {t} before {r.choice(DAYS)}, analysts said."

    def write(self) -> tuple[str, str, str, list[str]]:
        r = self.rng
        name, _ = self.person()
        headline = r.choice((f"{self.place} divided over {self.topic}", f"{name.split()[-1]} under pressure as {self.topic} stalls",
                             f"New twist in {self.topic} row", f"What {self.topic} means for {self.place}"))
        byline = f"By {r.choice(FIRST)} {made_up_name(r)}"
        target = r.randint(600, 900)
        paras, words = [], 0
        while words < target:
            para = " ".join(self.sentence() for _ in range(r.randint(2, 4)))
            paras.append(para)
            words += len(para.split())
        return headline, byline, target, paras  # type: ignore[return-value]


def render(fmt: str, headline: str, byline: str, paras: list[str]) -> str:
    if fmt == "md":
        return f"# {headline}\n\n*{byline}*\n\n" + "\n\n".join(paras) + "\n"
    if fmt == "html":
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
        return (f"<!doctype html><html><head><title>{html.escape(headline)}</title></head><body><article>"
                f"<h1>{html.escape(headline)}</h1><p class=\"byline\">{html.escape(byline)}</p>{body}</article></body></html>\n")
    return f"{headline}\n{byline}\n\n" + "\n\n".join(paras) + "\n"


def generate(out: Path, n: int, seed: int, html_share: float = 0.03, md_share: float = 0.1) -> int:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    places = [made_up_name(rng, 3) for _ in range(60)]
    meta_rows = []
    total_words = 0
    for i in range(n):
        outlet = OUTLETS[i % len(OUTLETS)]
        art = Article(random.Random(rng.getrandbits(64)), outlet, rng.choice(places))
        headline, byline, _, paras = art.write()
        x = rng.random()
        fmt = "html" if x < html_share else "md" if x < html_share + md_share else "txt"
        name = f"{outlet}-{i:06d}.{fmt}"
        folder = out / outlet
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(render(fmt, headline, byline, paras), encoding="utf-8")
        total_words += sum(len(p.split()) for p in paras)
        meta_rows.append((name, outlet, f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", rng.choice(("politics", "economy", "city"))))
    with open(out / "meta.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("file", "outlet", "date", "desk"))
        w.writerows(meta_rows)
    return total_words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    words = generate(args.out, args.articles, args.seed)
    print(f"{args.articles} articles, {words} words ({words / args.articles:.0f} per article) in {args.out}")


if __name__ == "__main__":
    main()
