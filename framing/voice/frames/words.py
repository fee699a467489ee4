"""Word classes the frame patterns test: classes of reporting verbs (which need a complement,
take a to-infinitive, state what was said in their object, invert their source, ...) and the
closed-class and head-noun lists several patterns share."""

from __future__ import annotations

# Cues that report speech only with a complement clause, a quote, or at a clause's end
# ("Police found the car" is no attribution; "Police found that ..." is).
NEEDS_COMPLEMENT = frozenset(
    {"find", "show", "believe", "think", "hope", "expect", "fear", "worry", "reveal", "indicate",
     "agree", "signal", "estimate", "conclude", "disclose", "recall", "question", "continue",
     "describe", "call", "wonder", "post", "praise", "observe", "echo", "affirm", "reaffirm",
     "express", "highlight", "acknowledge", "charge", "attack", "blast", "slam", "maintain",
     "request", "demand", "propose", "recommend", "cite", "ask", "answer", "respond", "reply",
     "deny", "comment", "report", "write", "mention", "underscore", "stress", "elaborate",
     "spin", "put it", "note", "confirm", "blame", "accuse", "criticize", "condemn", "promise",
     "pledge", "vow", "tout", "trumpet", "assure", "inform", "specify", "clarify",
     "want", "plan", "seem", "support", "oppose", "decline", "refuse", "decide", "know", "feel",
     "intend", "threaten", "push for", "recognize", "understand", "learn", "view", "consider",
     "doubt", "defend", "mock", "dismiss", "reject", "welcome", "applaud", "endorse", "point to",
     "discuss", "talk about", "speak of", "react", "forecast", "project", "chant", "prefer",
     "favor", "dispute", "challenge", "contradict", "suspect", "speculate", "imply", "hint",
     "joke", "quip", "muse", "caution", "advise", "repeat", "remember", "go on to", "weigh in",
     "encourage", "offer", "reference", "label", "liken", "publish", "promote", "admire",
     "outline", "chastise", "compare", "detail", "denounce", "see", "characterize", "portray",
     "address", "lay out", "grill", "pitch", "rate", "rule", "pooh-pooh", "rip", "lash out",
     # verbs of communication and judgement (Levin 1993, classes 33 and 37)
     "back", "disagree", "advocate", "champion", "fault", "chide", "apologize", "recount", "anticipate",
     "press for", "lobby",
     "implore", "exhort", "plead", "beg", "laud", "commend", "lament", "decry", "speak out", "concur", "rebut", "refute", "posit", "opine", "theorize", "surmise", "reassure", "confess", "divulge", "assess", "deem", "castigate", "rebuke", "reprimand", "scold", "assail", "berate", "disparage", "deride", "belittle", "ridicule", "caution against", "object to", "lambaste", "excoriate", "rail against", "bemoan", "gripe", "grumble", "scoff", "rant", "taunt", "harangue", "crow", "gush"}
)
# Of those, the ones that take a to-infinitive stating the position ("refuses to", "plans to").
TAKES_INFINITIVE = frozenset(
    {"want", "plan", "seem", "decline", "refuse", "decide", "intend", "threaten", "promise",
     "pledge", "vow", "agree", "hope", "expect", "urge", "ask", "call on", "go on to", "push for",
     "prefer", "advise", "caution", "warn", "demand", "request", "offer", "implore",
     "exhort", "plead", "beg"}
)
# Of those, the ones whose object is what was said ("Blinken acknowledged the focus on ...").
OBJECT_IS_CONTENT = frozenset(
    {"express", "highlight", "acknowledge", "underscore", "stress", "elaborate", "reaffirm",
     "affirm", "confirm", "deny", "note", "mention", "emphasize", "reiterate", "announce",
     "propose", "recommend", "request", "demand", "promise", "pledge", "vow", "praise",
     "criticize", "condemn", "blame", "accuse", "attack", "blast", "slam", "question", "cite",
     "tout", "trumpet", "clarify", "specify", "describe", "call", "answer", "ask", "support",
     "oppose", "reject", "endorse", "defend", "welcome", "dismiss", "mock", "discuss", "view",
     "applaud", "dispute", "challenge", "contradict", "point to", "talk about",
     "speak of", "favor", "repeat", "go on to", "push for", "doubt", "encourage", "offer",
     "reference", "label", "liken", "promote", "admire", "outline", "chastise", "compare",
     "detail", "denounce", "characterize", "portray", "address", "lay out", "grill", "pitch",
     "rate", "pooh-pooh", "rip", "lash out", "want", "prefer",
     "back", "advocate", "champion", "fault", "chide", "recount", "press for", "lobby",
     "implore", "exhort", "beg", "laud", "commend", "lament", "decry", "rebut", "refute", "reassure", "confess", "divulge", "castigate", "rebuke", "reprimand", "scold", "assail", "berate", "disparage", "deride", "belittle", "ridicule", "caution against", "object to", "lambaste", "excoriate", "rail against", "bemoan", "taunt", "harangue", "speak out"}
)
# Verbs of saying that put their source after them ("…, said Blinken", "…, added the official");
# verbs of judging or asking someone ("blasted Clinton", "told reporters") never do.
INVERTIBLE = frozenset(
    {"say", "add", "write", "note", "explain", "ask", "reply", "respond", "continue", "declare",
     "state", "insist", "claim", "argue", "warn", "recall", "report", "announce", "confirm",
     "concede", "admit", "acknowledge", "suggest", "observe", "remark", "comment", "quip", "joke",
     "muse", "boast", "complain", "predict", "conclude", "tweet", "post", "retort", "put it",
     "according to", "as per", "credit", "transcript", "echo", "reiterate", "emphasize", "stress"}
)
# "It said", "it warned", "it found": what an institution, a report or a study can say.
IT_CUES = frozenset(
    {"say", "add", "state", "write", "report", "note", "show", "find", "indicate", "announce",
     "claim", "warn", "suggest", "conclude", "estimate", "predict", "argue", "confirm", "deny",
     "describe", "call", "urge", "recommend", "reveal", "accuse", "criticize"}
)

TELL_LIKE = frozenset({"tell", "inform", "assure", "ask", "urge", "warn", "implore", "exhort", "beg", "reassure"})
TRAILER_STARTS = frozenset(
    {"today", "yesterday", "tonight", "on", "in", "at", "after", "before", "during", "when",
     "while", "as", "last", "this", "earlier", "later", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "recently", "from", "via", "by", "to", "of",
     "with", "without", "through", "following", "amid", "amidst", "told", "adding", "according",
     "noting", "saying", "citing", "referring", "speaking", "and", "but", "because", "since",
     "although", "though", "ahead", "outside", "inside", "late", "early", "again",
     "previously", "repeatedly", "too", "instead", "then", "afterwards", "afterward", ","}
)

# Verbs of thinking and saying that take a clause without "that" ("believes his efforts will").
BARE_CLAUSE_VERBS = frozenset(
    {"believe", "think", "know", "feel", "hope", "expect", "fear", "worry", "suspect", "doubt",
     "understand", "recognize", "agree", "argue", "claim", "insist", "acknowledge", "admit",
     "warn", "predict", "estimate", "suggest", "contend", "maintain", "assert", "concede",
     "confirm", "deny", "note", "find", "show", "indicate", "reveal", "conclude", "learn",
     "recall", "remember", "complain", "boast", "announce", "explain", "state", "report", "write",
     "tweet", "post", "respond", "reply", "answer", "assure", "promise", "pledge", "vow",
     "emphasize", "stress", "reiterate", "add", "declare", "allege", "charge", "speculate",
     "decide"}
)

# Words that open a noun phrase: "the player", "his plan", "that action".
_NP_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"})

_FINITE = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
     "should", "must", "may", "might", "does", "did", "do", "’s", "'s", "’re", "'re", "’ll", "'ll",
     "wo", "ca", "need", "needs", "wants", "remains", "remained", "seems", "seemed"}
)

_IRREGULAR_FINITE = frozenset(
    {"took", "made", "got", "went", "came", "gave", "said", "told", "knew", "thought", "saw",
     "found", "won", "lost", "paid", "left", "ran", "sent", "spent", "kept", "held", "brought",
     "bought", "began", "became", "did", "had", "felt", "led", "meant", "grew", "fell", "rose",
     "broke", "chose", "drove", "wrote", "spoke", "stood", "sold", "taught", "understood", "drew",
     "cost", "hit", "hurt", "shut", "struck", "threw", "forced"}
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
