"""Naming a source phrase: ``classify`` gives its name and kind (person, institution, anonymous,
author, role, pronoun, unresolved) from the pipeline's entity type of the phrase's syntactic head,
then from the source-word lists; party tags, dates and places never speak."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.nlp.segment import Token
from framing.voice.lexicon import source_words
from framing.voice.registry import NEVER_SPEAKERS, Registry, first_name_like, title_gender
from framing.voice.wordclasses import (
    AUTHOR_PRONOUNS,
    CONNECTIVES,
    DETERMINERS,
    PARTY_TAG_AT_END,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    RELATIVES,
    in_source_words,
    is_name_word,
    name_text,
    role_words,
)

_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{1,}$")  # "NATO", "U.N.", "AT&T": an institution
# endings of a group word standing alone as a name ("Missourians", "Democrats", "Israelites")
_GROUP_ENDINGS = ("ans", "ists", "ites", "ers", "ats", "ives", "als", "ains")


@dataclass(frozen=True)
class Named:
    name: str
    kind: str  # person | institution | anonymous | author | unresolved | pronoun | role
    roles: frozenset[str] = frozenset()
    resolved_from: str | None = None
    owner: str = ""  # a role's owner as written ("Mr. Christie" in "Mr. Christie's lieutenant governor")


def classify(np_toks: Sequence[Token], text: str, registry: Registry) -> Named:
    """Name a source phrase and give its kind (pronouns and roles are resolved by the caller).

    In this order: pronouns and the writer's "I"/"we"; the phrase's core (``_core_phrase``); a
    nationality group; the entity type the pipeline gives the phrase's head (``_by_entity``: a
    person, an institution, a group, never a date, a place that is no polity, or a party tag);
    a possessive institution ("Netanyahu's office"); a personal name ending the phrase
    (``_trailing_name``); last, the head word's source-word list (``_by_head_word``)."""
    toks = list(np_toks)
    if len(toks) == 1:
        low = toks[0].lower
        if low in PRONOUNS or low in RELATIVES or low == "it":
            return Named(low, "pronoun")
        if low in AUTHOR_PRONOUNS:
            return Named("the author", "author")  # "I know ...", "we recognize ...": the writer's own view
        if low in POSSESSIVE_PRONOUNS:
            return Named(POSSESSIVE_PRONOUNS[low], "pronoun")  # "his claim that ..."
    whole = toks
    toks = _core_phrase(toks)
    if not toks:
        # "with some … arguing that": a quantifier alone is part of a group the sentence names
        # elsewhere, unnamed here
        return Named(text[whole[0].start : whole[-1].end], "anonymous") if whole else Named("", "unresolved")
    if toks[0].pos == "ADP" and toks[0] is not whole[0]:
        # "Some in the GOP", "many of the protesters": part of a group, not the group itself
        return Named(text[whole[0].start : whole[-1].end], "anonymous")
    surface = text[toks[0].start : toks[-1].end]
    nats = source_words()["nationality"]
    if all(t.lower in nats or t.lower.rstrip("s") in nats for t in toks):
        return Named(surface, "anonymous")  # "Israelis", "many Americans": a group, unnamed
    return (
        _by_entity(toks, text, registry)
        or _possessive_institution(toks, text, registry)
        or _trailing_name(toks, text, registry)
        or _by_head_word(toks, text)
    )


def _core_phrase(toks: list[Token]) -> list[Token]:
    """The part of a source phrase that names it: the name after a comma ("Trump's running
    mate, Mike Pence"), without determiners, before a postmodifier ("Drivers interviewed at
    stations")."""
    if any(t.text == "," for t in toks):
        last = max(k for k, t in enumerate(toks) if t.text == ",")
        tail = toks[last + 1 :]
        if tail and all(t.text[0].isupper() for t in tail) and not any(t.is_place for t in tail):
            toks = tail  # (but not "the mayor of Washington, DC")
    while toks and toks[0].lower in DETERMINERS and not _hyphenated(toks, 0):
        toks = toks[1:]
    for p in range(1, len(toks)):
        t = toks[p]
        if t.tag == "PRP" and t.dep in ("nsubj", "nsubjpass") or t.lower in ("who", "whom", "whose"):
            return toks[:p]  # "the experts I interviewed", "one Facebook user who lives near Austin"
        if t.pos == "ADP" and t.lower not in ("of", "for") or (
            t.tag in ("VBN", "VBG", "VBD") and t.text.islower()
            and toks[p - 1].lower not in DETERMINERS and not _hyphenated(toks, p)
        ):
            return toks[:p]
    return toks


def _hyphenated(toks: Sequence[Token], p: int) -> bool:
    """Is ``toks[p]`` part of a hyphenated compound ("four-term", "long-serving")?"""
    before = p > 0 and toks[p - 1].text == "-" and toks[p - 1].end == toks[p].start
    after = p + 1 < len(toks) and toks[p + 1].text == "-" and toks[p].end == toks[p + 1].start
    return before or after


def syntactic_head(toks: Sequence[Token]) -> Token:
    """The phrase's head in the parse: its token whose head lies outside it ("Senator Mitch
    McConnell of Kentucky" -> McConnell); the last token when there is no parse."""
    if not toks or toks[0].i < 0 or not toks[0].dep:
        return toks[-1]
    lo, hi = toks[0].i, toks[-1].i
    outside = [t for t in toks if not lo <= t.head <= hi or t.head == t.i]
    return outside[0] if len(outside) == 1 else toks[-1]


def _party_tag(text: str, first: Token) -> bool:
    """Is this word the state of a party tag ("(R-Texas)", "D-N.Y.", ", R-TX")?"""
    return PARTY_TAG_AT_END.search(text[max(0, first.start - 2) : first.end]) is not None


def _polity_speaks(toks: Sequence[Token], head: Token) -> bool:
    """A place speaks only as its government, as a clause's subject ("China said", "Russia
    vetoed"): not a dateline ("WASHINGTON —"), nor the place in "Burlingame, California"."""
    return head.dep in ("nsubj", "nsubjpass") and not head.text.isupper() and toks[0].text != ","


def _name_tokens(toks: Sequence[Token], label: str, head: Token | None = None) -> list[Token]:
    """The run of tokens with entity type ``label`` around ``head`` (else the last such run) in
    the phrase, without punctuation ("”― Stephanie Egan" -> Stephanie Egan; "Said Ellis" stays
    clipped to the phrase)."""
    k = len(toks)
    if head is not None and head in toks:
        k = toks.index(head) + 1
        while k < len(toks) and toks[k].ent == label:
            k += 1
    while k > 0 and toks[k - 1].ent != label:
        k -= 1
    j = k
    while j > 0 and toks[j - 1].ent == label:
        j -= 1
    kept = toks[j:k]
    return [
        t for m, t in enumerate(kept)
        if (any(ch.isalpha() for ch in t.text) and t.text not in POSSESSIVE_ENDINGS)
        or (t.text == "-" and 0 < m < len(kept) - 1)  # "Ocasio-Cortez"
    ]


def _person(name_toks: Sequence[Token], registry: Registry, roles: frozenset[str]) -> Named:
    """A person named by these words, under the article's full name for them."""
    name = name_text(name_toks)
    words = name.split()
    for k in range(1, len(words) - 1):
        if " ".join(words[k:]) in registry.full_names:
            name = " ".join(words[k:])  # "Interior Ryan Zinke": the article's "Ryan Zinke"
            break
    full = registry.expand(name, title_gender(sorted(roles)))
    return Named(full or name, "person", roles, "alias" if full else None)


def _with_first_name(toks: Sequence[Token], name_toks: list[Token], text: str, registry: Registry) -> list[Token]:
    """The name with the first name the recogniser left out of it ("Ivanka Trump", with "Ivanka"
    called a product): a word right before it that looks like one (``first_name_like``) or that
    makes a full name the article gives."""
    if not name_toks or name_toks[0] not in toks:
        return name_toks
    j = toks.index(name_toks[0])
    if j == 0:
        return name_toks
    longer = [toks[j - 1], *name_toks]
    known = toks[j - 1].text[:1].isupper() and name_text(longer) in registry.full_names
    return longer if known or first_name_like(text, toks[j - 1], name_toks[0]) else name_toks


# Entity types the small pipeline gives people it misses, when the article knows them as people
# ("Trump" as an organisation, "Twitter's Adam Sharp" as a work of art, "Pelosi" as an event)
_MISSED_PEOPLE = frozenset({"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW"})


def _by_entity(toks: Sequence[Token], text: str, registry: Registry) -> Named | None:
    """Kind and name from the pipeline's entity type of the phrase's head (None: no decision)."""
    head = syntactic_head(toks)
    label = head.ent
    if not label:
        return None
    surface = text[toks[0].start : toks[-1].end]
    run = name_text(_name_tokens(toks, label, head))
    if label == "PERSON" or (label in _MISSED_PEOPLE and (registry.knows(head.text) or registry.knows(run))):
        # the small pipeline calls many surnames an organisation ("Trump", "Ocasio-Cortez")
        name_toks = _name_tokens(toks, label, head) if label == "PERSON" or registry.knows(run) else [head]
        if label == "PERSON":
            name_toks = _with_first_name(toks, name_toks, text, registry)
        if not name_toks or _party_tag(text, name_toks[0]):
            return Named(surface, "unresolved")
        return _person(name_toks, registry, role_words(toks))
    if label == "GPE" and not _polity_speaks(toks, head):
        return Named(surface, "unresolved")
    if label in ("ORG", "GPE"):
        # "the Pentagon", "Netanyahu's office" (an ORG ending the phrase): the institution
        if any(t.text in POSSESSIVE_ENDINGS for t in toks[:-1]):
            return None
        name_toks = _name_tokens(toks, label, head)
        name = text[name_toks[0].start : name_toks[-1].end] if name_toks else surface
        return Named(name.removeprefix("the ").removeprefix("The "), "institution")
    if label == "NORP":
        return Named(surface, "anonymous")  # "Republicans", "Israelis": a group, unnamed
    if label in NEVER_SPEAKERS:
        return Named(surface, "unresolved")
    return None


def _possessive_institution(toks: Sequence[Token], text: str, registry: Registry) -> Named | None:
    """"Netanyahu’s office", "the president's spokesman": the owner's institution."""
    sw = source_words()
    last = toks[-1].lower
    if not (any(t.text in POSSESSIVE_ENDINGS for t in toks[:-1]) and (last in sw["institution"] or last in sw["anonymous"])):
        return None
    surface = text[toks[0].start : toks[-1].end]
    owner_end = next(k for k, t in enumerate(toks) if t.text in POSSESSIVE_ENDINGS)
    owner = text[toks[0].start : toks[owner_end - 1].end] if owner_end > 0 else ""
    full = registry.expand(owner) if owner else None
    name = surface if not full else f"{full}{text[toks[owner_end].start : toks[-1].end]}"
    return Named(name, "institution", resolved_from="alias" if full else None)


def _trailing_name(toks: Sequence[Token], text: str, registry: Registry) -> Named | None:
    """A personal name ending the phrase ("State Department spokesperson Matthew Miller"), or a
    group word standing alone ("Missourians"); None when the capitalised words name no one."""
    sw = source_words()
    titles, nats, inst = sw["title"], sw["nationality"], sw["institution"]
    surface = text[toks[0].start : toks[-1].end]
    k = len(toks)
    while k > 0 and toks[k - 1].text[0].isupper() and toks[k - 1].lower not in titles and toks[k - 1].lower not in nats \
            and toks[k - 1].lower not in inst and not _ACRONYM.match(toks[k - 1].text):
        k -= 1
    name_toks = toks[k:]
    core = syntactic_head(toks)
    prep = next((p for p, t in enumerate(toks) if t.lower in ("for", "of", "to") and t.head == core.i), None)
    if name_toks and core.pos == "NOUN" and prep is not None and 0 < prep < k \
            and (name_toks[-1].ent == "PERSON" or registry.knows(name_toks[-1].text)):
        # "a spokesman for Hillary Clinton", "a lawyer for Mrs. Clinton", "a friend of Mr.
        # Trump": the phrase's head speaks, for the person named after it
        head = _by_head_word(toks[:prep], text)
        owner = name_text(name_toks) if head.kind == "role" else ""
        return Named(surface, head.kind, head.roles, owner=owner)
    if name_toks and k >= 2 and toks[k - 1].lower in ("for", "of", "and", "&") and toks[k - 2].text[0].isupper() \
            and toks[k - 2].lower not in titles:
        # "Democracy for America", "Americans for Prosperity": capitalised words joined by a
        # connective name an organisation, not the person or place at its end
        return Named(surface, "institution")
    if len(name_toks) == 1 and name_toks[0].lower.endswith(_GROUP_ENDINGS) and not registry.by_last.get(name_toks[0].text):
        return Named(surface, "anonymous")  # "Missourians", "Republicans", "Democrats": a group
    if not name_toks or all(in_source_words(t.lower, "anonymous") for t in name_toks):
        return None  # "Officials said", "Sources familiar with ...": capitalised, not a name
    if registry.has_entities and any(t.ent and t.ent != "PERSON" for t in name_toks):
        return None  # the entity recogniser says it is no person ("October", "Texas")
    if len(name_toks) == 1 and name_toks[0].tag == "NNS" and not registry.knows(name_toks[0].text):
        return Named(surface, "anonymous")  # "Proponents say", "Presidents have declared": a group, unnamed
    if registry.has_entities and name_toks[-1].ent != "PERSON" \
            and not registry.knows(name_text(name_toks)) and not registry.knows(name_toks[-1].text):
        # capitalised words whose last word neither the recogniser nor the article makes a
        # person's ("the Bush Doctrine", a sentence-opening "Nothing")
        return None
    if _party_tag(text, name_toks[0]):
        return Named(surface, "unresolved")
    if len(name_toks) > 4 or not all(is_name_word(t) for t in name_toks):
        return None
    # a capitalised word that is an institution head ("Reuters", "Pentagon") is an institution
    if len(name_toks) == 1 and name_toks[0].lower in inst:
        return Named(surface, "institution")
    return _person(name_toks, registry, role_words(toks[:k]))


def _by_head_word(toks: Sequence[Token], text: str) -> Named:
    """A role ("the congressman"), an institution ("the ministry", "NATO") or an unnamed source
    ("officials", "a State Department spokesperson") by the head word's list."""
    sw = source_words()
    titles, nats, inst, anon = sw["title"], sw["nationality"], sw["institution"], sw["anonymous"]
    surface = text[toks[0].start : toks[-1].end]
    head = toks[-1].lower
    core = syntactic_head(toks)
    if core is not toks[-1] and in_source_words(core.lower, "anonymous") and core.i + 1 < toks[-1].i \
            and toks[core.i + 1 - toks[0].i].lower == "of":
        return Named(surface, "anonymous")  # "Members of Congress", "members of the committee": people, unnamed
    if head in titles and head not in CONNECTIVES and not in_source_words(head, "anonymous"):
        # "Mr. Strzok's lawyer": the roles are the lawyer's, not the owner's "Mr.", and the
        # owner is not the one who holds them
        owned = max((k + 1 for k, t in enumerate(toks) if t.text in POSSESSIVE_ENDINGS), default=0)
        owner = text[toks[0].start : toks[owned - 2].end] if owned >= 2 else ""
        return Named(surface, "role", role_words(toks[owned:]), owner=owner)
    if head in inst or any(_ACRONYM.match(t.text) for t in toks) or (toks[-1].text[0].isupper() and any(t.lower in inst for t in toks)):
        return Named(surface, "institution")
    if head in anon or (toks[-1].text.islower() and toks[-1].text.isalpha()):
        # "a State Department spokesperson": the institution speaks through an unnamed person
        # (capitalised names, not a capital that only opens the sentence: "Top Senate leaders")
        caps = [t for t in toks[:-1] if t.text[0].isupper() and t.lower not in nats and t.pos in ("PROPN", "")]
        if caps and any(t.lower in inst for t in caps):
            return Named(text[caps[0].start : caps[-1].end], "institution")
        # "officials" for "Officials said"; names keep their capitals ("Mr. Strzok’s lawyer",
        # "Saudi officials")
        common_first = toks[0].pos != "PROPN" and not toks[0].ent and not surface[0:2].isupper()
        return Named(surface[0].lower() + surface[1:] if common_first else surface, "anonymous")
    roles = role_words(toks)
    return Named(surface, "role", roles) if roles else Named(surface, "unresolved")
