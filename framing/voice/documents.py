"""Documents speak for their owners: "the statement said" is the person who issued the statement.

News often names a statement, an ad or a series of tweets as the source ("the statement said",
"In a series of tweets, Trump Jr. wrote ...", "a new campaign ad that vows ..."). A reader wants
to know whose words these are, so a document source is resolved through the parse:

1. a possessor in the phrase itself ("Trump's statement", "his ad");
2. the subject of the clause the document belongs to ("Gov. Perry is broadcasting a new campaign
   ad", "Trump said in a statement", "In a series of tweets, Trump Jr. produced ...");
3. for "the statement" or "that ad", the owner of the last document of that kind the article
   gave an owner ("... Trump said in a statement." ... "the statement said").

When none of these finds a person or an institution, the document keeps its own name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from framing.nlp.segment import Token

# Nouns for things that carry someone's words.
DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "ad", "advertisement", "video", "post", "tweet", "message", "email",
     "release", "memo", "op-ed", "column", "editorial", "essay", "speech", "remarks", "note",
     "filing", "complaint", "lawsuit", "petition", "brief", "motion", "commercial", "spot",
     "interview", "podcast", "broadcast", "newsletter", "op", "transcript", "testimony"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Relations a document noun climbs through to reach the verb of its clause ("said in a
# statement", "In a series of tweets, X produced", "X is broadcasting a new ad").
_CLIMB = frozenset({"pobj", "prep", "dobj", "compound", "conj", "appos", "attr", "oprd", "npadvmod"})

# (name, kind) of an owner, as ``classify`` and the resolution give them.
Owner = tuple[str, str]
Namer = Callable[[int], "Owner | None"]


def document_word(tok: Token) -> str | None:
    """The document noun a token is ("tweets" -> "tweet"), or None."""
    for word in (tok.lower, tok.lemma):
        if word in DOCUMENT_NOUNS:
            return word
    if tok.lower.endswith("s") and tok.lower[:-1] in DOCUMENT_NOUNS:
        return tok.lower[:-1]
    return None


def clause_subject(toks: Sequence[Token], i: int, lo: int, hi: int) -> int | None:
    """The subject of the clause token ``i`` belongs to, climbing from ``i`` through
    prepositions, objects and compounds to the first verb; None when there is none or the token
    is itself that subject ("the statement said")."""
    k = i
    for _ in range(6):
        tok = toks[k]
        if tok.pos in ("VERB", "AUX") and k != i:
            break
        if tok.dep not in _CLIMB or tok.head == k or not lo <= tok.head <= hi:
            return None
        k = tok.head
    else:
        return None
    verb = k
    for j in range(lo, hi + 1):
        if toks[j].head == verb and toks[j].dep in _SUBJECTS and j != i:
            return None if toks[j].pos == "PRON" and toks[j].lower in ("it", "that", "which") else j
    return None


@dataclass
class Documents:
    """The owners of the documents the article names so far: document noun -> (name, kind)."""

    owners: dict[str, Owner] = field(default_factory=dict)

    def note(self, word: str, owner: Owner) -> None:
        self.owners[word] = owner

    def owner(self, word: str) -> Owner | None:
        return self.owners.get(word)


def document_owner(
    toks: Sequence[Token],
    span: tuple[int, int],
    lo: int,
    hi: int,
    name_at: Namer,
    documents: Documents,
) -> Owner | None:
    """Whose words a document phrase (``toks[span]``, its head last) carries, or None."""
    a, b = span
    word = document_word(toks[b])
    if word is None:
        return None
    for k in range(a, b):
        if toks[k].text in ("’s", "'s", "’", "'") and k > a:
            owner = name_at(k - 1)  # "Trump's statement", "the campaign's ad"
            if owner is not None:
                return owner
        if toks[k].lower in ("his", "her", "their", "its"):
            owner = name_at(k)  # "his statement": the pronoun's antecedent
            if owner is not None:
                return owner
    subject = clause_subject(toks, b, lo, hi)
    if subject is not None:
        owner = name_at(subject)
        if owner is not None:
            return owner
    if toks[a].lower in ("the", "that", "this", "these", "those") or a == b:
        return documents.owner(word)
    return None


def note_documents(
    toks: Sequence[Token],
    lo: int,
    hi: int,
    in_quote: Sequence[bool],
    name_at: Namer,
    documents: Documents,
) -> None:
    """Record the owner of every document noun in ``toks[lo : hi + 1]`` outside quotes whose
    clause has a subject that names a person or an institution ("Trump said in a statement")."""
    for k in range(lo, hi + 1):
        if in_quote[k]:
            continue
        word = document_word(toks[k])
        if word is None:
            continue
        subject = clause_subject(toks, k, lo, hi)
        owner = name_at(subject) if subject is not None else None
        if owner is not None:
            documents.note(word, owner)
