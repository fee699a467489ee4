"""Numbers and dates in an article body, and whether another article mentions them.

Numbers: digits (with separators, decimals, %, currency, "million"/"billion"), spelled numbers
from three up, with the word that follows ("40 years", "seven lives", "75-year-old"), and spelled
scales ("two million"); compared by value. Dates: weekdays, months (with a day), years 1900-2099,
inside the pipeline's DATE and TIME entities (names: ``framing/comparison/entities.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.comparison.entities import MONTH_ABBR, MONTHS, WEEKDAYS
from framing.comparison.vocabulary import stop_words

_SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 10**6,
            "billion": 10**9, "dozen": 12}
_SCALE = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "bn": 10**9, "m": 10**6, "k": 10**3}
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
NUMBER_RE = re.compile(
    r"(?<![\w.,:])(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!:\d|\s?[ap]\.m\.)"  # no clock times
    r"(?P<pct>\s?%)?(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    r"(?P<unit>-[a-z]+(?:-[a-z]+)*|[a-z]{1,3}(?![\w.])|\s+(?:per\s?cent|percent|(?-i:[a-z]+)(?![\w-]|\.\w)))?(?![\w])"
    r"|\b(?P<word>" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")"
    r"(?:[\s-](?P<wscale>hundred|thousand|million|billion|trillion))?\b(?!-)(?P<wunit>\s+(?-i:[a-z]+)(?![\w-]|\.\w))?",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
DATE_RE = re.compile(
    r"\b(?:(?P<wd>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")(?:['’]s)?"
    r"|(?:(?P<dday>\d{1,2})\s+(?=[A-Z]))?"  # "17 February"
    r"(?P<mo>" + "|".join(m.capitalize() for m in MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?:of\s+)?(?P<moyear>(?:19|20)\d\d)\b)?"
    r"|(?P<year>(?<![\d,.$€£])(?:19|20)\d\d(?![\d%]|,\d|-year|\s?(?:percent|per cent|people|million|billion))))"
)
# The same, in any case: what another text says ("friday" in a quoted tweet counts)
_ANY_CASE_DATE_RE = re.compile(DATE_RE.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    kind: str  # "number" or "date"
    key: str  # comparison key: a number's value, a date's normalised words
    text: str
    start: int
    end: int
    sentence: int

    def item(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "sentence": self.sentence}


def _number_value(m: re.Match[str]) -> str | None:
    if m.group("word"):
        value = float(_SPELLED[m.group("word").lower()])
        scale = (m.group("wscale") or "").lower()
    else:
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").lower()
    if scale:
        value *= _SCALE[scale]
    return f"{value:g}"


def _date_key(m: re.Match[str]) -> tuple[str, str] | None:
    """(key, shown) of a DATE_RE match; None for "May" alone (too often the verb or a name)."""
    if m.group("wd"):
        return m.group("wd").lower(), m.group("wd")
    if m.group("mo"):
        mo = m.group("mo")
        month = MONTH_ABBR.get(mo.lower(), mo.lower())
        day = m.group("day") or m.group("dday")
        if month == "may" and not (day or m.group("moyear")):
            return None
        return " ".join(x for x in (month, day, m.group("moyear")) if x), m.group()
    return m.group("year"), m.group("year")


def extract_figures(
    text: str, sentences: Sequence[tuple[int, int]], *, date_spans: Sequence[tuple[int, int]] | None = None
) -> list[Figure]:
    """Numbers (with the word they count) and dates in the body.

    ``date_spans``: the pipeline's DATE and TIME entities; when given, only dates inside them are
    kept (None: every date the patterns find)."""
    out: list[Figure] = []
    for si, (s0, s1) in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for m in DATE_RE.finditer(text, s0, s1):
            taken.append((m.start(), m.end()))
            found = _date_key(m)
            if found is None:
                continue
            key, shown = found
            end = m.start() + len(shown)
            if date_spans is not None and not any(a < end and m.start() < b for a, b in date_spans):
                continue
            out.append(Figure("date", key, shown, m.start(), end, si))
        for m in NUMBER_RE.finditer(text, s0, s1):
            if any(a <= m.start() < b for a, b in taken):
                continue
            value = _number_value(m)
            if value is None:
                continue
            unit = (m.group("unit") or m.group("wunit") or "")
            if m.group("num") and unit.lower() in _ORDINAL_ENDINGS:
                continue  # "2nd": a rank, not a quantity
            shown = m.group()
            if unit and not unit.startswith("-") and unit.strip().lower() in stop_words() - {"percent"}:
                shown = shown[: len(shown) - len(unit)]
            if m.group("word"):
                # a spelled number alone ("the three") says little; "one" and "two" only with a scale
                word_alone = not m.group("wscale") and not (m.group("wunit") and shown != m.group("word"))
                if word_alone or m.group("word").lower() in ("one", "two") and not m.group("wscale"):
                    continue
            if m.group("num") and not m.group("cur") and YEAR_RE.match(m.group("num")):
                continue
            out.append(Figure("number", value, shown.strip(), m.start(), m.start() + len(shown.strip()), si))
    out.sort(key=lambda f: f.start)
    return out


@dataclass(frozen=True)
class FigureIndex:
    """Every number value and date part another text states, in any form and any case."""

    values: frozenset[str]
    dates: frozenset[tuple[str, ...]]


def index_figures(text: str) -> FigureIndex:
    values = {v for m in NUMBER_RE.finditer(text) if (v := _number_value(m)) is not None}
    values |= {f"{float(d.replace(',', '')):g}" for d in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}  # "8:20", "20-"
    dates: set[tuple[str, ...]] = set()
    for m in _ANY_CASE_DATE_RE.finditer(text):
        if m.group("wd"):
            dates.add(("weekday", m.group("wd").lower()))
            continue
        if m.group("year"):
            dates.add(("year", m.group("year")))
            continue
        mo = m.group("mo").lower()
        month = MONTH_ABBR.get(mo, mo)
        dates.add(("month", month))
        day = m.group("day") or m.group("dday")
        if day:
            dates.add(("day", month, day))
        if m.group("moyear"):
            dates |= {("year", m.group("moyear")), ("month year", month, m.group("moyear"))}
    return FigureIndex(frozenset(values), frozenset(dates))


def _date_probe(key: str) -> tuple[str, ...]:
    """What another text must state for a date to be the same: the month and day when it has a
    day ("march 3 2004" -> month 3 March), else the month and year, the weekday, the year."""
    parts = key.split()
    if parts[0] in WEEKDAYS:
        return ("weekday", parts[0])
    if parts[0] in MONTHS:
        if len(parts) >= 2 and not YEAR_RE.match(parts[1]):
            return ("day", parts[0], parts[1])
        if len(parts) >= 2:
            return ("month year", parts[0], parts[1])
        return ("month", parts[0])
    return ("year", parts[0])


def figure_mentioned_in(figure: Figure, index: FigureIndex) -> bool:
    """Does the other text state the same number (same value, in digits, with a scale word or
    spelled: "40%" = "40 percent", "2 million" = "two million" = "2,000,000"; whatever it counts)
    or the same date (the same day, month and year, weekday or year)?"""
    if figure.kind == "number":
        return figure.key in index.values
    return _date_probe(figure.key) in index.dates
