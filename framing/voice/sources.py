"""Sources: the noun phrase that says who is speaking, its normal name and its kind.

* ``left_np`` / ``right_np`` find the phrase beside a reporting verb ("Netanyahu said",
  "said Blinken", "Matthew Miller, a spokesperson for the State Department, elaborated",
  "sources familiar with the talks said").
* ``Registry`` knows the full names in the article ("Israeli Prime Minister Benjamin Netanyahu")
  with their roles, so that "Netanyahu" becomes "Benjamin Netanyahu" and "the U.S. secretary"
  becomes the secretary named earlier.
* ``classify`` names a phrase and gives its kind: person, institution, anonymous (officials,
  sources, reports, critics ...), author (the writer's own "I" and "we"), or unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.lexicon import cue_lexicon, source_words

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_PLURAL = frozenset({"they"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL
# Outside quote marks, "I" and "we" are the writer: "I know ..." attributes a view to the author.
AUTHOR_PRONOUNS = frozenset({"i", "we"})
DETERMINERS = frozenset(
    {"the", "a", "an", "another", "some", "several", "many", "most", "both", "all", "other",
     "these", "those", "one", "two", "three", "four", "five", "few", "multiple", "numerous",
     "his", "her", "their", "its", "our"}
)
# Quantifiers that can stand alone as a clause's subject: "All agreed that …", "Both said …".
_QUANTIFIER_SOURCES = frozenset({"all", "both", "each", "everyone", "everybody", "nobody", "many", "most", "some", "others", "several", "few"})
_PLURAL_QUANTIFIERS = frozenset({"all", "both", "many", "most", "some", "others", "several", "few"})


def _before_subject(tok: Token) -> bool:
    """A word after which a clause's subject can start: a clause break or a conjunction ("…, all
    agreed", "and both said", "Not everyone")."""
    return tok.text in (",", ";", ":", "—") or tok.lower in ("and", "but", "yet", "not")


# Words that may stand between a source and its verb ("Netanyahu strongly emphasized").
SKIP_BEFORE_CUE = frozenset(
    {"also", "later", "then", "previously", "repeatedly", "has", "have", "had", "would", "will",
     "did", "does", "do", "once", "again", "further", "separately", "reportedly", "flatly",
     "publicly", "privately", "recently", "earlier", "quickly", "simply", "still", "even",
     "already", "often", "never", "not", "n't", "may", "might", "could", "can", "should",
     "must", "just", "now", "first", "last", "finally", "initially", "subsequently", "since",
     "always", "long", "yet", "too", "both", "each", "all", "is", "are", "was", "were", "been", "ever", "immediately", "herself", "himself", "themselves", "itself",
     # contractions as the tokenizer splits them ("isn’t saying", "I’ve suggested", "won’t say")
     "n’t", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "wo", "ca", "almost", "together"}
)
APPOSITIVE_STARTS = frozenset(
    {"a", "an", "the", "who", "whose", "which", "now", "then", "his", "her", "their", "its",
     "himself", "herself", "one", "both", "also", "former", "currently", "longtime", "once"}
)
_CONNECTIVES = frozenset({"of", "for", "and", "-", "&"})
# "Hillary Clinton, at a later press gaggle, said" / "Trump, in particular, has criticized"
INTERPOSED_STARTS = frozenset(
    {"at", "in", "on", "during", "after", "before", "speaking", "asked", "writing", "like",
     "however", "meanwhile", "though", "too", "for", "under", "with", "without", "by", "from",
     "earlier", "later", "moreover", "nevertheless", "separately", "instead",
     "ever", "once", "still", "already", "when", "while", "as", "despite", "amid", "via"}
)
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}")  # "R-Ky.", "D-Va."
# the same tag ending a stretch of text ("(R-Texas" before "Texas", ", R-TX")
PARTY_TAG_AT_END = re.compile(r"(?:^|[^A-Za-z])" + _PARTY_STATE.pattern + "$")
# title words that only join others ("Secretary of State"): no role of their own
_TITLE_JOINERS = frozenset({"of", "the", "for", "and"})
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{1,}$")
_POSTMODIFIER = re.compile(
    r"\b(?:familiar with|close to|with knowledge of|briefed on|involved in|knowledgeable about|"
    r"speaking on condition of anonymity|who (?:spoke|asked|requested)[^,]*)\b[^,.;:]*,?\s*$",
    re.IGNORECASE,
)


def role_words(toks: Sequence[Token]) -> frozenset[str]:
    """The title words of a phrase, as roles ("Missouri Rep. Todd Akin" -> {"rep"})."""
    titles = source_words()["title"]
    return frozenset(t.lower.rstrip(".") for t in toks if t.lower in titles and t.lower not in _TITLE_JOINERS)


def is_name_word(tok: Token) -> bool:
    """Can this token be a word of a personal name ("O’Rourke", "Ocasio-Cortez", "Jr.")?"""
    return tok.text.replace(".", "").replace("-", "").replace("’", "").replace("'", "").isalpha()


def _in_words(low: str, cat: str) -> bool:
    """Membership in a source-word category, allowing a plural ("groups", "agencies")."""
    words = source_words()[cat]
    if low in words:
        return True
    if low.endswith("ies") and low[:-3] + "y" in words:
        return True
    return low.endswith("s") and low[:-1] in words


def _allowed_np_word(tok: Token) -> bool:
    low = tok.lower
    sw = source_words()
    if tok.text[0].isupper():
        return True
    if tok.text in _POSSESSIVE or low in DETERMINERS or low in ("of", "for", "-", "&"):
        return True
    return any(low in sw[c] for c in ("anonymous", "institution", "title", "nationality")) or low in {
        "unnamed", "anonymous", "senior", "top", "former", "current", "local", "foreign", "federal",
        "independent", "private", "public", "other", "military", "intelligence", "security",
        "administration", "campaign", "government", "police", "health", "election", "party",
        "white", "house", "state", "defense", "justice", "news", "press",
    }


def _head_ok(tok: Token) -> bool:
    """Can this token end a source phrase (be its head)?"""
    low = tok.lower
    sw = source_words()
    if low in PRONOUNS:
        return True
    if tok.text[0].isupper() and low not in DETERMINERS and low not in ("i", "we", "you", "it"):
        return True
    return _in_words(low, "anonymous") or _in_words(low, "institution") or low in sw["title"] - {"of", "the", "for", "and", "former", "acting", "interim", "senior", "top", "then"}


def left_np(toks: Sequence[Token], i: int, lo: int, in_quote: Sequence[bool], text: str) -> tuple[int, int] | None:
    """Token range ``[a, b]`` of the source phrase that ends before the cue at ``i``: step back
    over adverbs and auxiliaries, a catenative verb ("appeared to say"), a time phrase, and
    asides in dashes, brackets or commas, then take the phrase that ends there."""
    j = _skip_before_cue(toks, i, i - 1, lo, in_quote)
    decided, span = _opening_quantifier(toks, i, j, lo, in_quote)
    if decided:
        return span
    if j < lo or in_quote[j]:
        return None
    # "appeared to suggest", "tried to make the case", "has yet to explain", "went on to say"
    if toks[j].lower == "to" and j - 1 > lo and toks[j - 1].lower in _CATENATIVES and not toks[i].lower.endswith(("ing", "ed")):
        j -= 2
        if toks[j].lower == "went" or toks[j].lower == "go" or toks[j].lower == "goes":
            j -= 1
        while j >= lo and not in_quote[j] and toks[j].text.islower() and (
            toks[j].lower in SKIP_BEFORE_CUE or toks[j].lower.endswith("ly") and _adverb_here(toks, j, lo)
        ):
            j -= 1
        if j < lo or in_quote[j]:
            return None
    # "Trump this week also said", "Clinton on Monday said": step over the time phrase
    j = _skip_time_phrase(toks, j, lo)
    while j >= lo and not in_quote[j] and toks[j].text.islower() and toks[j].lower in SKIP_BEFORE_CUE:
        j -= 1
    if j < lo or in_quote[j]:
        return None
    step = _skip_asides(toks, j, lo, in_quote, text)
    if step is None or isinstance(step, tuple):
        return step
    return _phrase_before_cue(toks, step, lo, in_quote, text)


def _skip_before_cue(toks: Sequence[Token], i: int, j: int, lo: int, in_quote: Sequence[bool]) -> int:
    """Step back from ``j`` over the adverbs and auxiliaries before the cue at ``i``
    ("Netanyahu strongly emphasized", "He’s claiming")."""
    while j >= lo and not in_quote[j] and (
        (toks[j].lower in SKIP_BEFORE_CUE and toks[j].text.islower())
        # "He’s claiming", "who’s called for": "’s" is "is" or "has" before a verb form
        or (toks[j].text in ("’s", "'s") and (toks[i].lower.endswith("ing") or (
            j - 1 >= lo and toks[j - 1].lower in ("he", "she", "who", "it", "that")
            and toks[i].lower.endswith(("ed", "said", "told")))))
        or (toks[j].lower.endswith("ly") and toks[j].text.islower() and len(toks[j].text) > 3
            and _adverb_here(toks, j, lo))
    ):
        j -= 1
    return j


def _opening_quantifier(toks: Sequence[Token], i: int, j: int, lo: int, in_quote: Sequence[bool]) -> tuple[bool, tuple[int, int] | None]:
    """(decided, source): "All agreed that …", "To varying degrees, all agreed …", "Both said …":
    a quantifier that opens the clause is the source (elsewhere "they all agreed" steps over it
    to "they"); "All told, 12 were hurt" and "Most estimates put …" have no speaker."""
    plural_quantifier_before_s = toks[i].lower.endswith("s") and not toks[i].lower.endswith("ss")
    idiom = toks[i].lower == "told" and i + 1 < len(toks) and toks[i + 1].text == ","  # "All told, …"
    for q in (j, j + 1):
        if q == i - 1 and ((idiom and toks[q].lower == "all") or (plural_quantifier_before_s and toks[q].lower in _PLURAL_QUANTIFIERS)):
            return True, None
        if lo <= q < i and toks[q].lower in _QUANTIFIER_SOURCES and not in_quote[q] and (q == lo or _before_subject(toks[q - 1])) \
                and (q == j or j < lo or _before_subject(toks[j])):
            return True, ((q - 1, q) if q - 1 >= lo and toks[q - 1].lower == "not" else (q, q))
    return False, None


def _skip_asides(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> int | tuple[int, int] | None:
    """Step back over an aside before the cue: the index where the source phrase ends, the
    source itself when an aside gives it, or None when there is none."""
    # "Blinken—who previously said ...—reiterated" / "Blinken (who ...) said"
    if toks[j].text in ("—", "–", "--", ")"):
        opener = "(" if toks[j].text == ")" else toks[j].text
        k = j - 1
        while k >= lo and toks[k].text != opener and not in_quote[k]:
            k -= 1
        if k <= lo or in_quote[k]:
            return None
        return k - 1
    # "Matthew Miller, a spokesperson for the State Department, elaborated"; up to two such
    # segments ("Okafor, 61, who has served on the board for a decade, told")
    for _ in range(2):
        if toks[j].text != ",":
            break
        step = _skip_comma_segment(toks, j, lo, in_quote, text)
        if step is None or isinstance(step, tuple):
            return step
        j = step
        while j > lo and toks[j].text.islower() and toks[j].lower in SKIP_BEFORE_CUE:
            j -= 1  # "Other unions, including the AFL-CIO, have also endorsed"
    return j


def _phrase_before_cue(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> tuple[int, int] | None:
    """The source phrase that ends at ``j``: with its postmodifier ("sources familiar with the
    talks"), a pronoun, a hyphenated name, a common-noun phrase or a name."""
    # "sources familiar with the talks said"
    base = max(toks[lo].start, toks[j].end - 300)  # the phrase ends at the cue: look back a little
    m = _POSTMODIFIER.search(text, base, toks[j].end)
    if m and m.start() > toks[lo].start:
        cut = m.start()
        end = j
        while j >= lo and toks[j].start >= cut:
            j -= 1
        if j < lo:
            return None
        if toks[j].lower in ("those", "some", "many", "others", "several", "most", "few", "one", "people", "anyone", "someone"):
            return (j, end)  # "Those close to him say": the whole phrase is the source
    if j < lo or in_quote[j]:
        return None
    if toks[j].lower in PRONOUNS or toks[j].lower in ("who", "which", "it") or toks[j].lower in AUTHOR_PRONOUNS or relative_that(toks, j, lo):
        return (j, j)  # resolved later: pronouns to a recent source, "who" to its antecedent
    if j - 2 >= lo and toks[j - 1].text == "-" and toks[j - 2].text[0].isupper() and toks[j].text.isalpha() \
            and toks[j - 1].start == toks[j - 2].end and toks[j].start == toks[j - 1].end:
        return np_ending_at(toks, j, lo, in_quote)  # "Park Geun-hye"
    if not _head_ok(toks[j]):
        span = _common_noun_np(toks, j, lo, in_quote)
        return with_postmodifier(toks, span, lo, in_quote) if span else _clause_subject(toks, j, lo, in_quote)
    span = np_ending_at(toks, j, lo, in_quote)
    if span[0] == span[1] and (toks[j].lower in _CLAUSE_OPENERS or toks[j].lower in FUNCTION_WORDS):
        return None  # "In defending himself ...", "After saying ...": no phrase, no source
    return with_postmodifier(toks, span, lo, in_quote)


def _skip_comma_segment(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool], text: str) -> int | tuple[int, int] | None:
    """The source phrase before a comma-enclosed segment that ends at the comma ``j``: the
    index where that phrase ends, or the source itself ("A lawyer, David Schulz, said"), or
    None when the segment is no appositive or aside."""
    k = j - 1
    while k > lo and toks[k].text != "," and not in_quote[k]:
        k -= 1
    if k <= lo or in_quote[k] or toks[k].text != ",":
        return None
    first = toks[k + 1]
    inner = toks[k + 1 : j]
    if not inner:
        return None
    if len(inner) <= 4 and all(t.text[0].isupper() for t in inner) and not in_quote[k + 1]:
        # "A lawyer for the news outlets, David Schulz, said": the whole phrase is the source (the
        # name names it); without a phrase before the comma, the name alone
        name = np_ending_at(toks, j - 1, k + 1, in_quote)
        head = _appositive_head(toks, k - 1, lo, in_quote)
        return (head[0], name[1]) if head is not None else name
    if all(t.text.isdigit() for t in inner) or _PARTY_STATE.fullmatch(text[inner[0].start : inner[-1].end]):
        j = k - 1  # "Quina Jones, 25, said", "Mitch McConnell, R-Ky., said"
        return j if j >= lo and _head_ok(toks[j]) else None
    participial = first.text.islower() and first.lower.endswith(("ing", "ed")) and len(first.lower) > 4
    named_before = toks[k - 1].text[0].isupper() and _head_ok(toks[k - 1])
    # "Dana Ortiz, executive director of the group, called for": after a name, any segment without
    # a verb of its own is an appositive
    verbless = named_before and len(inner) <= 15 and not any(
        t.lower in _FINITE_IN_NP or in_quote[t_i] for t_i, t in enumerate(inner, start=k + 1)
    )
    if (
        first.lower not in APPOSITIVE_STARTS
        and first.lower not in INTERPOSED_STARTS
        and first.lower != "including"  # "Other major unions, including the AFL-CIO, have endorsed"
        and not participial  # "President Obama, dedicating the museum on Saturday, said"
        and not (k + 1 < j and first.lower in source_words()["title"])
        and not verbless
    ):
        return None
    j = k - 1
    while j - 2 >= lo and toks[j - 1].text == "," and (toks[j].text.isdigit() or _PARTY_STATE.fullmatch(toks[j].text)):
        j -= 2  # "Okafor, 61, who has served ..., told"
    if j >= lo and toks[j].text == ")":  # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
        k = j - 1
        while k > lo and toks[k].text != "(":
            k -= 1
        j = k - 1
    if j < lo or not (toks[j].text[0].isupper() or first.lower == "including" or toks[j].text == ","):
        return None
    return j


def _appositive_head(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """The phrase that a name in commas renames: "Trump's running mate" in "Trump's running mate,
    Mike Pence, said"; None when it is no noun phrase of its own (a clause, an adverb)."""
    if j < lo or in_quote[j] or not toks[j].text.isalpha():
        return None
    span: tuple[int, int] | None
    if toks[j].text[0].isupper():
        span = np_ending_at(toks, j, lo, in_quote)
    else:
        span = _common_noun_np(toks, j, lo, in_quote)
        span = with_postmodifier(toks, span, lo, in_quote) if span else None
    if span is None:
        return None
    if span[0] > lo and toks[span[0] - 1].text not in (";", ":", "—", "–", "(") and toks[span[0] - 1].lower not in ("and", "but"):
        return None  # the phrase is the object of something before it ("After the vote, ...")
    return span


RELATIVES = frozenset({"who", "which", "that"})
# Verbs that pass their subject to an infinitive ("appeared to suggest"), and "yet", "able", "on"
_CATENATIVES = frozenset(
    {"appear", "appears", "appeared", "seem", "seems", "seemed", "try", "tries", "tried", "need",
     "needs", "needed", "attempt", "attempts", "attempted", "begin", "begins", "began", "start",
     "starts", "started", "seek", "seeks", "sought", "continue", "continues", "continued", "want",
     "wants", "wanted", "hope", "hopes", "hoped", "plan", "plans", "planned", "refuse", "refuses",
     "refused", "decline", "declines", "declined", "decide", "decides", "decided", "yet", "able",
     "going", "used", "ought", "have", "has", "had", "got", "on", "set", "prepared", "expected"}
)


def relative_that(toks: Sequence[Token], j: int, lo: int) -> bool:
    """"cities that support the rules": "that" after a noun is a relative pronoun (not the
    complementiser of "said that", nor a determiner)."""
    if toks[j].lower != "that" or j - 1 < lo:
        return False
    before = toks[j - 1]
    if not before.text.isalpha() or before.lower in FUNCTION_WORDS or before.lower in SKIP_BEFORE_CUE:
        return False
    if cue_lexicon().match([before.lower], 0) is not None:
        return False
    return before.text[0].isupper() or before.lower in _DOCUMENT_NOUNS or (before.lower.endswith("s") and not before.lower.endswith(("ss", "us", "is")))


# Singular nouns for writings that speak through a relative clause ("a letter that says …").
_DOCUMENT_NOUNS = frozenset(
    {"letter", "report", "study", "statement", "memo", "ad", "advertisement", "poll", "survey",
     "analysis", "complaint", "lawsuit", "filing", "ruling", "email", "tweet", "post", "video",
     "editorial", "column", "article", "book", "paper", "audit", "message", "document", "resolution"}
)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIME_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"})


def _skip_time_phrase(toks: Sequence[Token], j: int, lo: int) -> int:
    """Index before a time phrase that ends at ``j`` ("this week", "on Monday", "today")."""
    low = toks[j].lower
    if low in _TIME_NOUNS and j - 1 >= lo and toks[j - 1].lower in ("this", "last", "next", "that", "earlier", "later", "on"):
        j -= 2
    elif low in _WEEKDAYS or low in ("today", "yesterday", "tonight", "recently", "earlier", "later"):
        j -= 1
    elif low.isdigit() and len(low) == 4 and j - 1 >= lo and toks[j - 1].lower in ("in", "since", "by"):
        j -= 2  # "who in 2010 said"
    else:
        return j
    if j >= lo and toks[j].lower in ("on", "earlier", "late", "early"):
        j -= 1
    return j


_LY_NOUNS = frozenset(
    {"family", "assembly", "supply", "ally", "rally", "anomaly", "monopoly", "reply", "bully",
     "belly", "jelly", "lily", "homily", "melancholy", "folly", "italy", "july", "tally", "gully"}
)


def _adverb_here(toks: Sequence[Token], j: int, lo: int) -> bool:
    """Is the -ly word at ``j`` an adverb ("Netanyahu strongly emphasized") rather than a noun
    ("Scott's family has called", "the assembly voted")?"""
    if toks[j].lower in _LY_NOUNS:
        return False
    prev = toks[j - 1] if j > lo else None
    return prev is None or not (prev.lower in DETERMINERS or prev.text in _POSSESSIVE)


def np_ending_at(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int]:
    """Extend a source phrase leftwards from its head at ``j`` over names, titles and modifiers."""
    a = j
    while a - 1 >= lo and not in_quote[a - 1] and _allowed_np_word(toks[a - 1]):
        if toks[a - 1].lower in PRONOUNS or toks[a - 1].lower in ("i", "we", "you", "it") or toks[a - 1].lower in _CLAUSE_OPENERS:
            break
        a -= 1
    # drop leading connectives
    while a < j and toks[a].lower in ("of", "for", "and", "-", "&", "’s", "'s"):
        a += 1
    # "The energy ministry": lower-case modifiers between a determiner and the head
    k = a
    while k - 1 >= lo and a - k < 3 and not in_quote[k - 1] and toks[k - 1].text.isalpha() \
            and toks[k - 1].lower not in FUNCTION_WORDS and toks[k - 1].lower not in DETERMINERS \
            and toks[k - 1].lower not in _SUBJECT_BOUNDARY and toks[k - 1].lower not in _CLAUSE_OPENERS:
        k -= 1  # "The Democratic presidential nominee", not "while critics"
    if k < a and k - 1 >= lo and toks[k - 1].lower in DETERMINERS:
        a = k - 1
    elif k < a and a == j and plural_noun(toks[j]) and all(t.text.islower() for t in toks[k:a]) and (
        k == lo or toks[k - 1].lower in _SUBJECT_BOUNDARY
    ):
        a = k  # "..., and human rights groups warned"
    return (a, j)


def with_postmodifier(toks: Sequence[Token], span: tuple[int, int], lo: int, in_quote: Sequence[bool]) -> tuple[int, int]:
    """"Drivers interviewed at stations in the city said": the phrase before "said" is the
    object of a preposition; the source is the whole phrase from the clause's start."""
    a, j = span
    if a - 1 < lo or toks[a - 1].lower not in PREPOSITIONS:
        return span
    s = a - 1
    while s - 1 >= lo and not in_quote[s - 1] and toks[s - 1].text not in (",", ";", ":", "—", "–", "(", ")"):
        s -= 1
    first = toks[s]
    if a - s > 10 or not (first.text[0].isupper() or first.lower in DETERMINERS):
        return span
    if any(t.lower in _FINITE_IN_NP for t in toks[s:a]):
        return span  # a verb: the phrase before "said" starts a new clause
    return (s, j)


PREPOSITIONS = frozenset(
    {"in", "at", "on", "of", "from", "with", "near", "outside", "inside", "across", "around",
     "throughout", "for", "about", "among", "within", "behind", "under", "over", "through",
     "into", "onto", "along", "toward", "towards", "between", "against", "past"}
)
_FINITE_IN_NP = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "did",
     "does", "do", "said", "says", "told", "may", "might", "should", "must"}
)


_NOT_IN_NP = frozenset(
    {"and", "but", "or", "that", "which", "who", "to", "is", "was", "are", "were", "has", "have",
     "had", "be", "been", "not", "said", "says", "if", "when", "as", "than", "then", "because",
     "while", "after", "before", "since", "until", "although", "though", "whether"}
)


_GROUP_ENDINGS = ("ans", "ists", "ites", "ers", "ats", "ives", "als", "ains")
# Capitalised at the start of a sentence, but no part of a name: "As a Tribune column shows".
_CLAUSE_OPENERS = frozenset(
    {"as", "when", "if", "while", "because", "although", "though", "since", "after", "before",
     "once", "unless", "until", "but", "and", "so", "yet", "then", "however", "meanwhile", "also",
     "still", "now", "instead", "indeed", "moreover", "in", "on", "at", "for", "with", "by"}
)
FUNCTION_WORDS = frozenset(
    {"without", "despite", "via", "per", "in", "on", "at", "of", "for", "to", "with", "by", "from", "about", "as", "into", "than",
     "over", "after", "before", "during", "under", "up", "out", "off", "down", "and", "or", "but",
     "so", "not", "also", "then", "there", "here", "very", "too", "just", "only", "even",
     "that", "which", "this", "these", "those", "what", "whom", "whose"}
)
# Words that follow a determiner but are no nouns ("the various challenges": a verb follows).
_NOT_NOUNS = frozenset(
    {"various", "many", "several", "other", "others", "same", "own", "new", "recent", "latest",
     "first", "last", "next", "only", "most", "more", "less", "few", "such", "whole", "entire",
     "very", "real", "main", "key", "best", "worst", "one", "two", "way", "time", "day", "year"}
)


_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ans", "ents", "ats", "als", "ives", "ees", "ics", "ies", "men", "ople")


def is_person_like(toks: Sequence[Token], src: tuple[int, int], lo: int) -> bool:
    """Can this source hold a view ("the governor", "Democrats", "voters", "she"), unlike "the
    houses", "the documents" or "Markets"?"""
    head = toks[src[1]]
    low = head.lower
    if low in PRONOUNS or low in RELATIVES or low in AUTHOR_PRONOUNS or low == "you":
        return True
    if head.text[0].isupper():
        if not (src[1] == lo and src[0] == src[1] and plural_noun(head)):
            return True  # a name
        # "Markets were nervous": a capitalised plural opening the sentence is a name only if
        # the article capitalises it elsewhere too ("Jones")
        if any(t.text == head.text and k > 0 and toks[k - 1].text not in ".!?“\"" for k, t in enumerate(toks) if k != src[1]):
            return True
    if _in_words(low, "title") or _in_words(low, "anonymous") or _in_words(low, "nationality"):
        return True
    return plural_noun(head) and low.endswith(_PEOPLE_ENDINGS) and not low.endswith("ments")


def is_common_noun_source(toks: Sequence[Token], src: tuple[int, int]) -> bool:
    """True for a source phrase headed by a common noun outside the source-word lists."""
    head = toks[src[1]]
    return head.text.islower() and head.lower != "it" and head.lower not in RELATIVES and not _head_ok(head)


def _common_noun_np(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """A phrase headed by any common noun, opened by a determiner or a possessive:
    "the announcer said", "The clip says", "Trump’s campaign manager said"."""
    if not toks[j].text.isalpha() or not toks[j].text.islower() or toks[j].lower in FUNCTION_WORDS:
        return None
    k = j
    while k - 1 >= lo and j - k < 4 and not in_quote[k - 1]:
        w = toks[k - 1]
        if w.lower in DETERMINERS or w.lower == "this" or w.text in _POSSESSIVE or w.text.isdigit():
            break
        word = w.text.replace("-", "")
        if w.text == "-" and k - 2 >= lo and toks[k - 2].text[0].isupper():
            k -= 1  # "the African-American community"
            continue
        if not (word.isalnum() and (w.text.islower() or w.text[0].isupper() or word.isdigit())) or w.lower in _NOT_IN_NP:
            return None
        k -= 1
    if k == lo and toks[k].text[0].isupper() and k < j:
        return (k, j)  # "Twelve percent indicated", "Human rights groups warned"
    if k - 1 < lo or in_quote[k - 1]:
        return None
    opener = toks[k - 1]
    if opener.text in _POSSESSIVE:
        if k - 2 < lo:
            return None
        owner = toks[k - 2]
        if owner.text[0].isupper():
            a, _ = np_ending_at(toks, k - 2, lo, in_quote)
            return (a, j)
        # "the ad’s narrator", "the Democratic presidential candidate’s former doctor": a common
        # noun with its determiner (and up to two modifiers) owns the head
        if owner.text.isalpha():
            d = k - 3
            while d >= lo and k - 3 - d < 2 and toks[d].text.isalpha() and toks[d].lower not in DETERMINERS and toks[d].lower not in FUNCTION_WORDS:
                d -= 1
            if d >= lo and toks[d].lower in DETERMINERS:
                return (d, j)
        return None
    if opener.text.isdigit():
        return (k - 1, j)  # "73 percent said"
    if (opener.lower in DETERMINERS or opener.lower == "this") and toks[j].lower not in _NOT_NOUNS:
        return (k - 1, j)
    return None


_SUBJECT_BOUNDARY = frozenset(
    {",", ";", ":", "—", "–", "--", "(", "but", "and", "so", "yet", "or", "when", "if", "because",
     "as", "while", "although", "though", "since", "unless", "until", "after", "before", "that",
     "where", "whether", "once"}
)
_NOT_PLURAL_NOUNS = frozenset(
    {"this", "his", "its", "hers", "ours", "yours", "theirs", "perhaps", "always", "sometimes",
     "afterwards", "towards", "besides", "whereas", "unless", "nevertheless", "thus", "has", "was",
     "is", "does", "goes", "says", "less", "news", "series", "species", "politics", "economics"}
)


def plural_noun(tok: Token) -> bool:
    low = tok.lower
    return (
        tok.text.isalpha() and len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))
        and low not in _NOT_PLURAL_NOUNS and low not in FUNCTION_WORDS and cue_lexicon().match([low], 0) is None
    )


def _clause_subject(toks: Sequence[Token], j: int, lo: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """A subject with no determiner, from the start of its clause to the cue: "But
    environmentalists worry", "Companies and individuals complain", "Experts on North Korea
    and nuclear nonproliferation said". Its first noun must be a plural or a source word."""
    s = j
    while s - 1 >= lo and j - s < 10 and not in_quote[s - 1] and (toks[s - 1].lower == "and" or toks[s - 1].lower not in _SUBJECT_BOUNDARY):
        s -= 1
    if s - 1 >= lo and (in_quote[s - 1] or toks[s - 1].lower not in _SUBJECT_BOUNDARY):
        return None  # too long to be a subject
    span = _bare_subject(toks, s, j)
    if span is None:  # "The deal collapsed and environmentalists worry": the subject after "and"
        last_and = next((k for k in range(j - 1, s - 1, -1) if toks[k].lower == "and"), None)
        span = _bare_subject(toks, last_and + 1, j) if last_and is not None else None
    return span


def _bare_subject(toks: Sequence[Token], s: int, j: int) -> tuple[int, int] | None:
    phrase = toks[s : j + 1]
    if any(
        not (t.text.replace("-", "").isalnum() or t.text in _POSSESSIVE or t.lower == "and")
        or t.lower in _FINITE_IN_NP or t.lower in SKIP_BEFORE_CUE and t.text.islower()
        or (t.text.islower() and t.lower.endswith("ing"))
        for t in phrase
    ):
        return None
    if toks[s].lower in PREPOSITIONS or toks[s].lower in _CLAUSE_OPENERS or toks[s].lower in FUNCTION_WORDS:
        return None
    # the first noun phrase: up to the first preposition or "and"
    end = s
    while end + 1 <= j and toks[end + 1].lower not in PREPOSITIONS and toks[end + 1].lower != "and":
        end += 1
    head = toks[end]
    if end - s > 3 or not (plural_noun(head) or _in_words(head.lower, "anonymous") or _in_words(head.lower, "institution")):
        return None
    return (s, j)


def right_np(toks: Sequence[Token], i: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """Token range of the source phrase after an inverted cue ("said Blinken", "according to X")."""
    a = i
    if a > hi or in_quote[a] or toks[a].lower in PREPOSITIONS:
        return None  # "..., said of RT", "..., said on Twitter": the speaker is before the verb
    b = a
    titles = source_words()["title"]
    while b + 1 <= hi and not in_quote[b + 1] and _allowed_np_word(toks[b + 1]) and toks[b + 1].text not in (",",):
        if toks[b + 1].lower == "for" and b > a and all(t.text[0].isupper() and t.lower not in titles for t in toks[a : b + 1]):
            break  # "wrote Cameron Easley for Morning Consult": the name, then the outlet
        b += 1
    # trim trailing connectives
    while b > a and (toks[b].lower in _CONNECTIVES or toks[b].lower in DETERMINERS):
        b -= 1
    if toks[a].lower in PRONOUNS:
        return (a, a)
    if not _head_ok(toks[b]) or all(t.lower in DETERMINERS for t in toks[a : b + 1]):
        return _phrase_to_comma(toks, a, hi, in_quote)
    return (a, b)


def _phrase_to_comma(toks: Sequence[Token], a: int, hi: int, in_quote: Sequence[bool]) -> tuple[int, int] | None:
    """"according to a new report by Politico,", "said the ruling.": a source phrase that runs
    to the next comma or the end of the sentence (at most 15 words), opened by a determiner,
    a number or a name."""
    first = toks[a]
    if not (first.lower in DETERMINERS or first.text[0].isupper() or first.text[0].isdigit()):
        return None
    b = a
    while b + 1 <= hi and not in_quote[b + 1] and toks[b + 1].text not in (",", ";", ":", ".", "!", "?", "—", "–", "(") \
            and b + 1 - a < 15:
        b += 1
    if b + 1 <= hi and toks[b + 1].text not in (",", ";", ":", ".", "!", "?", "—", "–", "("):
        return None  # longer than a source phrase: a clause follows
    if any(t.lower in _FINITE_IN_NP for t in toks[a : b + 1]):
        return None  # "said the call was productive": a clause, not a source
    while b > a and (toks[b].lower in _CONNECTIVES or toks[b].lower in DETERMINERS):
        b -= 1
    head = toks[b]
    if not head.text.replace("-", "").isalnum() or head.lower in FUNCTION_WORDS or head.lower in DETERMINERS:
        return None
    return (a, b)
