"""Closed-class and head-noun lists several frame patterns share. What the patterns know about a
reporting verb (which need a complement, take a to-infinitive, state what was said in their
object, invert their source, ...) is in the verb table, ``framing/lexicons/reporting_verbs.tsv``
(``framing.voice.lexicon.verb``)."""

from __future__ import annotations

# Words that open what follows a cue when it is no statement: a time, a place, a medium or a
# participle ("said Tuesday", "said in a statement", "said, adding ...")
TRAILER_STARTS = frozenset(
    {"today", "yesterday", "tonight", "on", "in", "at", "after", "before", "during", "when",
     "while", "as", "last", "this", "earlier", "later", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "recently", "from", "via", "by", "to", "of",
     "with", "without", "through", "following", "amid", "amidst", "told", "adding", "according",
     "noting", "saying", "citing", "referring", "speaking", "and", "but", "because", "since",
     "although", "though", "ahead", "outside", "inside", "late", "early", "again",
     "previously", "repeatedly", "too", "instead", "then", "afterwards", "afterward", ","}
)

# Words that open a noun phrase: "the player", "his plan", "that action".
_NP_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"})

_FINITE = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
     "should", "must", "may", "might", "does", "did", "do", "’s", "'s", "’re", "'re", "’ll", "'ll",
     "wo", "ca", "need", "needs", "wants", "remains", "remained", "seems", "seemed"}
)

_WH_WORDS = frozenset({"who", "whom", "what", "which", "where", "when", "why", "how", "whether", "if"})

_EVIDENCE_HEADS = frozenset(
    {"poll", "survey", "study", "report", "data", "research", "video", "analysis", "review",
     "investigation", "audit", "figures", "statistics", "records", "documents", "footage",
     "findings", "census", "estimate", "model", "test", "tests", "experiment", "paper", "filing",
     "average", "polls", "polling", "tally", "count", "forecast", "projection", "chart", "map"}
)

_MEDIA = frozenset(
    {"statement", "letter", "ad", "advertisement", "video", "post", "tweet", "message", "email",
     "release", "interview", "note", "op-ed", "speech", "memo", "filing", "report", "column",
     "statements", "letters", "ads", "videos", "posts", "tweets", "messages", "emails", "notes",
     "paper", "papers", "conference", "motion", "complaint", "lawsuit", "petition", "brief",
     "editorial", "essay", "article", "resolution"}
)

_TIME_WORDS = frozenset(
    {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "morning", "afternoon", "evening", "night", "week", "month", "year"}
)
