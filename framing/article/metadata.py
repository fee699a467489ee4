"""Where the headline, the byline and the body paragraphs lie in an article's text.

In plain text every non-empty line is a paragraph (many news texts put one paragraph per line).
The headline is the first line when it reads like one; the byline is a "By NAME" line near the
top or a short credit line ("Report from NAME", "Reporting by X; Editing by Y", "— NAME") at the
end. Headline and byline lines are not part of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.errors import EmptyArticle
from framing.model import Span, count_words
from framing.settings import Settings

HEADLINE_MAX_WORDS = 30
BYLINE_TOP_LINES = 3  # a top byline is one of this many non-empty lines after the headline
BYLINE_MAX_CHARS = 120
NAME_MAX_WORDS = 5  # words in one person's name ("Gabriel García Márquez")
NAMES_MAX = 4  # people in one byline

_CLOSERS = "\"'”’»)]"  # may follow the final punctuation of a sentence
_SENTENCE_END = ".!?…"
_UNFINISHED_END = ":;,—–-"  # a line ending like this continues; it is no headline


@dataclass(frozen=True)
class Layout:
    """The structure found in a text: headline, byline, author and body paragraphs."""

    headline: Span | None
    byline: Span | None
    author: str | None
    body: tuple[Span, ...]


def lines_of(text: str) -> list[Span]:
    """The non-empty lines of ``text`` as Spans stripped of surrounding whitespace, in order."""
    spans: list[Span] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            spans.append(Span(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return spans


def same_text(a: str, b: str) -> bool:
    """Equal up to whitespace."""
    return a.split() == b.split()


def looks_like_headline(line: str) -> bool:
    """A line with at least one word, at most 30, that does not end like a sentence or clause."""
    line = line.strip()
    if not line or line[-1] in _UNFINISHED_END:
        return False
    before_closers = line.rstrip(_CLOSERS)
    if before_closers and before_closers[-1] in _SENTENCE_END:
        return False
    return 1 <= count_words(line) <= HEADLINE_MAX_WORDS


def find_layout(text: str, settings: Settings, *, known_headline: str | None = None) -> Layout:
    """Headline, byline and body of ``text``; raise EmptyArticle when it has no text at all.

    ``known_headline`` is a title from the document's metadata (HTML ``<title>``, a Markdown
    heading or front matter): when the first line is that title it is the headline even if it
    ends with punctuation. A text whose only line looks like a headline is a one-line body.
    """
    lines = lines_of(text)
    if not lines:
        raise EmptyArticle("the article is empty")
    headline = (
        0 if settings.detect_headline and _is_headline(lines[0], known_headline, settings) else None
    )
    byline, author = _find_byline(lines, headline) if settings.detect_byline else (None, None)
    if len(lines) == sum(index is not None for index in (headline, byline)):
        # Nothing is left for the body: the headline (or else the byline) is the body.
        if headline is not None:
            headline = None
        else:
            byline, author = None, None
    taken = {headline, byline}
    body = tuple(line for i, line in enumerate(lines) if i not in taken)
    return Layout(
        headline=lines[headline] if headline is not None else None,
        byline=lines[byline] if byline is not None else None,
        author=author,
        body=body,
    )


def _is_headline(line: Span, known_headline: str | None, settings: Settings) -> bool:
    if known_headline is not None and same_text(line.text, known_headline):
        return True
    if settings.detect_byline and parse_byline(line.text, trailing=False) is not None:
        return False
    return looks_like_headline(line.text)


def _find_byline(lines: list[Span], headline: int | None) -> tuple[int | None, str | None]:
    """Index of the byline line and the author it names, or ``(None, None)``."""
    first = 0 if headline is None else headline + 1
    for i in range(first, min(first + BYLINE_TOP_LINES, len(lines))):
        author = parse_byline(lines[i].text, trailing=False)
        if author is not None:
            return i, author
    last = len(lines) - 1
    if last >= first:
        author = parse_byline(lines[last].text, trailing=True)
        if author is not None:
            return last, author
    return None, None


# --- bylines --------------------------------------------------------------------------------

_CREDIT = re.compile(
    r"""^(?P<kind>
        (?:additional\s+)?(?:reporting|writing|editing)\s+by
      | (?:written|story|words|text|reported|report|compiled|edited|interview)\s+by
      | report\s+from
      | by
    )\s*:?\s+(?P<names>\S.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_DASH_CREDIT = re.compile(r"^(?:[—–]|--)\s*(?P<names>\S.*)$")  # "-" alone may be a list item
_EDITING = re.compile(r"^edit", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+")
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")

_PARTICLES = frozenset(
    "al bin ibn ben bint da das de del della der di do dos du el la le st ter van von y zu".split()
)
_ABBREVIATIONS = frozenset(
    "Jr. Sr. Dr. Mr. Mrs. Ms. Prof. Rev. Sen. Rep. Gen. Col. Capt. Lt. St.".split()
)
# Capitalised words that start sentences such as "By Tuesday, the talks had collapsed".
_NOT_NAMES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Spring Summer Autumn Fall Winter Christmas
    Easter Today Tonight Tomorrow Yesterday Noon Midnight Dawn Nightfall Then Now Next Last Early
    Late Mid The This That These Those Its Their His Her Our My Your All Most Some Many Much Far
    Contrast Comparison Definition Default Design Law Nature Chance Accident Way Order Decree
    Mistake Comparison Itself Himself Herself Themselves Email Phone Car Train Plane Air Sea Road
    """.split()
)
# Words that mark a comma-separated part of a byline as an affiliation, not a person.
_AFFILIATION_WORDS = frozenset(
    """
    reuters ap afp upi dpa ani pti xinhua bloomberg cnn bbc associated press news times post
    journal herald tribune guardian telegraph gazette daily weekly magazine agency bureau network
    media wire service desk staff writer writers reporter reporters correspondent correspondents
    editor editors contributor columnist chief senior political diplomatic foreign international
    national business science health
    """.split()
)
_AFFILIATION_VOCABULARY = _AFFILIATION_WORDS | frozenset("the of for and at in".split())


def parse_byline(line: str, *, trailing: bool) -> str | None:
    """The author(s) a byline line names, or None when the line is not a byline.

    ``trailing`` allows the end-of-article forms: "— NAME" and Reuters-style credits in
    parentheses. "By Tuesday, the talks had collapsed." is not a byline: the part after "By"
    must be one to four short, capitalised names, optionally followed by an affiliation.
    """
    line = line.strip()
    if len(line) > BYLINE_MAX_CHARS:
        return None
    if trailing and line.startswith("(") and line.endswith(")"):
        line = line[1:-1].strip()
    if trailing:
        dashed = _DASH_CREDIT.match(line)
        if dashed:
            return parse_names(dashed["names"])
    authors: list[str] = []
    for part in line.split(";"):
        credit = _CREDIT.match(part.strip())
        if credit is None:
            return None
        names = parse_names(credit["names"])
        if names is None:
            return None
        if not _EDITING.match(credit["kind"]):
            authors.append(names)
    return authors[0] if authors else None


def parse_names(text: str) -> str | None:
    """``"Jane Doe and John Smith, Reuters"`` -> ``"Jane Doe and John Smith"``; None if not names."""
    text = text.strip()
    if not text or text[-1] in "!?:;," or any(ch.isdigit() for ch in text):
        return None
    segments = [segment.strip() for segment in text.split(",")]
    if not all(segments):
        return None
    people: list[str] = []
    for index, segment in enumerate(segments):
        if index > 0 and all(_is_affiliation(s) for s in segments[index:]):
            break
        for chunk in _AND.split(_LEADING_AND.sub("", segment)):
            person = _person(chunk)
            if person is None:
                return None
            people.append(person)
    if not people or len(people) > NAMES_MAX or people[0].split()[0] in _NOT_NAMES:
        return None
    return _join_names(people)


def _join_names(people: list[str]) -> str:
    if len(people) == 1:
        return people[0]
    return ", ".join(people[:-1]) + " and " + people[-1]


def _person(chunk: str) -> str | None:
    """One person's name, without a trailing "in PLACE"; None when the chunk is not a name."""
    words = chunk.split()
    if "in" in words:
        cut = words.index("in")
        place = words[cut + 1 :]
        if not place or not all(_is_name_word(w) for w in place):
            return None
        words = words[:cut]
    if not 1 <= len(words) <= NAME_MAX_WORDS:
        return None
    if not all(_is_name_word(w) for w in words) or words[-1] in _PARTICLES:
        return None
    if all(w in _ABBREVIATIONS or _INITIALS.match(w) for w in words):
        return None
    return " ".join(words)


def _is_capitalised(word: str) -> bool:
    """A capitalised name word: "Martin", "O’Brien", "Jean-Luc", "J.", "Jr."."""
    if not _NAME_WORD.match(word) or not word[0].isupper():
        return False
    return not word.endswith(".") or bool(_INITIALS.match(word)) or word in _ABBREVIATIONS


def _is_name_word(word: str) -> bool:
    """A capitalised word or a name particle ("van", "de", "al-Sharif")."""
    if _is_capitalised(word) or word in _PARTICLES:
        return True
    head, _, tail = word.partition("-")
    return head in _PARTICLES and bool(tail) and _is_capitalised(tail)


def _is_affiliation(segment: str) -> bool:
    """ "Reuters", "Associated Press", "staff writer": an employer or role after a comma."""
    words = segment.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS:
        return False
    if not all(_is_name_word(w) or w.lower() in _AFFILIATION_VOCABULARY for w in words):
        return False
    return len(words) == 1 or any(w.lower() in _AFFILIATION_WORDS for w in words)
