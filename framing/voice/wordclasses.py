"""Word classes and the word tests built on them, shared by the voice layer.

Tests of one token or one phrase: can it head a source phrase (``can_head_source``), be part of
one (``can_be_in_source``), is it a plural noun, a relative "that", a word of a personal name, a
title (``role_words``), a source that can hold a view (``is_person_like``)?

Where the tagger and the parse draw the line we need, the test reads them: a finite verb
(``finite_verb``), a plural noun (``plural_noun``), the words that may stand between a source
and its verb (``modifies_verb``). Without a tagger (a blank pipeline named with ``--model``, or
a piece of text past the parse budget) the tags are empty, and these tests fall back on the word's
form (``_VERB_MODIFIERS_UNTAGGED``, ``_NOT_PLURAL_UNTAGGED``). The closed lists that remain (determiners with the quantifiers
the tagger calls adjectives, "many", "several"; function words; clause openers; subject
boundaries) draw lines the tagger's parts of speech do not: replacing the function words by
their parts of speech lost true sources ("some have said", "a spokesman for her said") and
0.002 of PolNeAR F1. The open lists (titles, institutions, anonymous sources, nationalities) are
lexicon files read by :func:`framing.voice.lexicon.source_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.nlp.segment import Token
from framing.voice.lexicon import cue_lexicon, source_words

# Penn Treebank tags of a finite verb or a modal: "said", "says", "say", "would"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})



def finite_verb(tok: Token) -> bool:
    """A finite verb or a modal, as the tagger says: "took", "is", "would" (VBD, VBZ, VBP, MD);
    a word, not a dash the small pipeline tags as a verb ("WASHINGTON ― President Trump …")."""
    return tok.tag in FINITE_TAGS and tok.text[-1].isalpha()


def clause_verb(tok: Token) -> bool:
    """A finite auxiliary or a finite "say" or "tell": a verb that no source phrase holds ("the
    man who was", "the aide said"), unlike a participle the small tagger may call finite
    ("Drivers interviewed at stations in the city said …")."""
    return finite_verb(tok) and (tok.pos == "AUX" or tok.lemma in ("say", "tell"))


PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_PLURAL = frozenset({"they"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL
# Outside quote marks, "I" and "we" are the writer: "I know ..." attributes a view to the author.
AUTHOR_PRONOUNS = frozenset({"i", "we"})
RELATIVES = frozenset({"who", "which", "that"})
DETERMINERS = frozenset(
    {"the", "a", "an", "another", "some", "several", "many", "most", "both", "all", "other",
     "these", "those", "one", "two", "three", "four", "five", "few", "multiple", "numerous",
     "his", "her", "their", "its", "our"}
)

POSSESSIVE_ENDINGS = frozenset({"’s", "'s", "’", "'"})
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
FUNCTION_WORDS = frozenset(
    {"without", "despite", "via", "per", "in", "on", "at", "of", "for", "to", "with", "by", "from", "about", "as", "into", "than",
     "over", "after", "before", "during", "under", "up", "out", "off", "down", "and", "or", "but",
     "so", "not", "also", "then", "there", "here", "very", "too", "just", "only", "even",
     "that", "which", "this", "these", "those", "what", "whom", "whose"}
)
CONNECTIVES = frozenset({"of", "for", "and", "-", "&"})

# Capitalised at the start of a sentence, but no part of a name: "As a Tribune column shows".
CLAUSE_OPENERS = frozenset(
    {"as", "when", "if", "while", "because", "although", "though", "since", "after", "before",
     "once", "unless", "until", "but", "and", "so", "yet", "then", "however", "meanwhile", "also",
     "still", "now", "instead", "indeed", "moreover", "in", "on", "at", "for", "with", "by"}
)
SUBJECT_BOUNDARY = frozenset(
    {",", ";", ":", "—", "–", "--", "(", "but", "and", "so", "yet", "or", "when", "if", "because",
     "as", "while", "although", "though", "since", "unless", "until", "after", "before", "that",
     "where", "whether", "once"}
)

# Without a tagger: the words that may stand between a source and its verb ("Netanyahu
# strongly emphasized" is the tagged case; these are the common ones by form).
_VERB_MODIFIERS_UNTAGGED = frozenset(
    {"also", "later", "then", "previously", "repeatedly", "has", "have", "had", "would", "will",
     "did", "does", "do", "once", "again", "further", "separately", "reportedly", "flatly",
     "publicly", "privately", "recently", "earlier", "quickly", "simply", "still", "even",
     "already", "often", "never", "not", "n't", "may", "might", "could", "can", "should",
     "must", "just", "now", "first", "last", "finally", "initially", "subsequently", "since",
     "always", "long", "yet", "too", "both", "each", "all", "is", "are", "was", "were", "been",
     "ever", "immediately", "herself", "himself", "themselves", "itself", "n’t", "’ve", "'ve",
     "’d", "'d", "’ll", "'ll", "wo", "ca", "almost", "together"}
)


def modifies_verb(tok: Token, toks: Sequence[Token]) -> bool:
    """May this word stand between a source and its verb, as the parse reads it: an auxiliary or
    modal ("has", "would", "’ve"), a negation ("not", "n’t"), an adverb of a verb ("Netanyahu
    strongly emphasized", "have since said"), a reflexive ("Trump himself") or a floated
    quantifier ("The senators both said"); not a question word ("when") or an adverb of a number,
    a noun or an adjective ("about 20 protesters"). A pipeline without a tagger (a blank one
    named with ``--model``, or a piece past the parse budget) leaves the tag empty: then the
    word itself decides (``_VERB_MODIFIERS_UNTAGGED``)."""
    if not tok.tag:
        return tok.lower in _VERB_MODIFIERS_UNTAGGED
    if tok.pos == "AUX" or tok.tag == "MD" or tok.dep == "neg" or tok.lemma in ("be", "have", "do"):
        return True  # the auxiliaries, also where the tagger calls them verbs ("he has yet to explain")
    if tok.tag == "PRP":
        return tok.lower.endswith(("self", "selves"))
    if tok.tag == "DT":
        return tok.pos == "PRON" and tok.dep == "appos"
    if (tok.pos == "ADV" or tok.tag.startswith("RB") or tok.dep == "advmod") and tok.tag != "WRB":
        head = toks[tok.head] if 0 <= tok.head < len(toks) else tok
        # "almost universally expressed", "not only criticized"
        return head is tok or head.pos in ("VERB", "AUX", "ADV", "PART")
    return False


PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}")  # "R-Ky.", "D-Va."
# the same tag ending a stretch of text ("(R-Texas" before "Texas", ", R-TX")
PARTY_TAG_AT_END = re.compile(r"(?:^|[^A-Za-z])" + PARTY_STATE.pattern + "$")

# title words that only join others ("Secretary of State"): no role of their own
_TITLE_JOINERS = frozenset({"of", "the", "for", "and"})


def role_words(toks: Sequence[Token]) -> frozenset[str]:
    """The title words of a phrase, as roles ("Missouri Rep. Todd Akin" -> {"rep"})."""
    titles = source_words()["title"]
    return frozenset(t.lower.rstrip(".") for t in toks if t.lower in titles and t.lower not in _TITLE_JOINERS)


def name_text(toks: Sequence[Token]) -> str:
    """The words of a name as written: a space only where the text has one ("Alexandria
    Ocasio-Cortez", which the tokenizer splits at the hyphen)."""
    out = ""
    for k, t in enumerate(toks):
        out += ("" if k == 0 or toks[k - 1].end == t.start else " ") + t.text
    return out


def is_name_word(tok: Token) -> bool:
    """Can this token be a word of a personal name ("O’Rourke", "Ocasio-Cortez", "Jr.")?"""
    return tok.text.replace(".", "").replace("-", "").replace("’", "").replace("'", "").isalpha()


def in_source_words(low: str, cat: str) -> bool:
    """Membership in a source-word category, allowing a plural ("groups", "agencies")."""
    words = source_words()[cat]
    if low in words:
        return True
    if low.endswith("ies") and low[:-3] + "y" in words:
        return True
    return low.endswith("s") and low[:-1] in words


def can_be_in_source(tok: Token) -> bool:
    """Can this token be a word of a source phrase: a capitalised word, a determiner, a
    possessive, a source word or a common modifier ("senior", "federal", "White House")?"""
    low = tok.lower
    sw = source_words()
    if tok.text[0].isupper():
        return True
    if tok.text in POSSESSIVE_ENDINGS or low in DETERMINERS or low in ("of", "for", "-", "&"):
        return True
    return any(low in sw[c] for c in ("anonymous", "institution", "title", "nationality")) or low in {
        "unnamed", "anonymous", "senior", "top", "former", "current", "local", "foreign", "federal",
        "independent", "private", "public", "other", "military", "intelligence", "security",
        "administration", "campaign", "government", "police", "health", "election", "party",
        "white", "house", "state", "defense", "justice", "news", "press",
    }


def can_head_source(tok: Token) -> bool:
    """Can this token end a source phrase (be its head)?"""
    low = tok.lower
    sw = source_words()
    if low in PRONOUNS:
        return True
    if tok.text[0].isupper() and low not in DETERMINERS and low not in ("i", "we", "you", "it"):
        return True
    return in_source_words(low, "anonymous") or in_source_words(low, "institution") or low in sw["title"] - {"of", "the", "for", "and", "former", "acting", "interim", "senior", "top", "then"}


def plural_noun(tok: Token) -> bool:
    """A plural noun to the tagger ("voters", "groups", "Democrats": NNS, NNPS), not a verb
    ("says"), a pronoun ("his") or an adverb ("perhaps"). Without a tagger (the tag empty), a
    word of four letters or more ending in a plural "s" that is no function word, no word of
    saying and none of ``_NOT_PLURAL_UNTAGGED``."""
    if not tok.tag:
        low = tok.lower
        return (
            tok.text.isalpha() and len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))
            and low not in _NOT_PLURAL_UNTAGGED and low not in FUNCTION_WORDS and cue_lexicon().match([low], 0) is None
        )
    return tok.tag in ("NNS", "NNPS") and tok.text.isalpha()


_NOT_PLURAL_UNTAGGED = frozenset(
    {"this", "his", "its", "hers", "ours", "yours", "theirs", "perhaps", "always", "sometimes",
     "afterwards", "towards", "besides", "whereas", "unless", "nevertheless", "thus", "has", "was",
     "is", "does", "goes", "says", "less", "news", "series", "species", "politics", "economics"}
)


def relative_pronoun(tok: Token) -> bool:
    """"that" as the parse reads a relative pronoun: a WDT with a role in its clause ("legislation
    that includes"), not one the small parser tags WDT but attaches as a complementiser would
    ("tweeted in the early morning hours that Machado was …")."""
    return tok.tag == "WDT" and tok.dep in ("nsubj", "nsubjpass", "dobj", "pobj")


# Singular nouns for writings that speak through a relative clause ("a letter that says …").
_DOCUMENT_NOUNS = frozenset(
    {"letter", "report", "study", "statement", "memo", "ad", "advertisement", "poll", "survey",
     "analysis", "complaint", "lawsuit", "filing", "ruling", "email", "tweet", "post", "video",
     "editorial", "column", "article", "book", "paper", "audit", "message", "document", "resolution"}
)


def relative_that(toks: Sequence[Token], j: int, lo: int) -> bool:
    """"cities that support the rules": "that" after a noun is a relative pronoun (not the
    complementiser of "said that", nor a determiner)."""
    if toks[j].lower != "that" or j - 1 < lo:
        return False
    before = toks[j - 1]
    if not before.text.isalpha() or before.lower in FUNCTION_WORDS or modifies_verb(before, toks):
        return False
    if cue_lexicon().match([before.lower], 0) is not None:
        return False
    return before.text[0].isupper() or before.lower in _DOCUMENT_NOUNS or (before.lower.endswith("s") and not before.lower.endswith(("ss", "us", "is")))


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
    if in_source_words(low, "title") or in_source_words(low, "anonymous") or in_source_words(low, "nationality"):
        return True
    return plural_noun(head) and low.endswith(_PEOPLE_ENDINGS) and not low.endswith("ments")


def is_common_noun_source(toks: Sequence[Token], src: tuple[int, int]) -> bool:
    """True for a source phrase headed by a common noun outside the source-word lists."""
    head = toks[src[1]]
    return head.text.islower() and head.lower != "it" and head.lower not in RELATIVES and not can_head_source(head)


def modifiers_start(toks: Sequence[Token], head: int, lo: int, deps: frozenset[str]) -> int:
    """Where the phrase of ``toks[head]`` starts: back over the words right before it that the
    parse hangs on it with one of ``deps`` ("The real estate mogul": det, amod, compound)."""
    start = head
    while start - 1 >= lo and toks[start - 1].head == head and toks[start - 1].dep in deps:
        start -= 1
    return start


def under(toks: Sequence[Token], k: int, head: int, steps: int = 5) -> bool:
    """Does the parse's chain of heads lead from ``toks[k]`` up to ``toks[head]``, not through a
    coordination ("He and Netanyahu discussed": Netanyahu is no part of "He") unless inside one
    name ("the U.S. Fish and Wildlife Service")?"""
    start = k
    while steps and 0 <= toks[k].head != k and (toks[k].dep != "conj" or _one_entity(toks, start, head)):
        k, steps = toks[k].head, steps - 1
        if k == head:
            return True
    return False


def _one_entity(toks: Sequence[Token], a: int, b: int) -> bool:
    """Do tokens ``a`` .. ``b`` lie in one entity of the recogniser ("Fish and Wildlife Service")?"""
    a, b = min(a, b), max(a, b)
    name = toks[a].ent
    return bool(name) and all(toks[j].ent == name and not toks[j].ent_start for j in range(a + 1, b + 1))
