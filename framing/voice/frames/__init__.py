"""The parts of :mod:`framing.voice.attribution`: reporting frames (cue, source, content).

Each module builds only on the ones listed before it:

* ``frame``: the ``Frame`` record, the ``SentenceView`` (one sentence with the text, tokens and
  quote marks) every pattern works on, and the character and token helpers all patterns share;
* ``words``: word classes of reporting verbs and the closed-class lists the patterns test;
* ``clause``: guesses at clause structure (finite verbs, bare clauses, "as" sources);
* ``layout``: ``credit`` and ``transcript`` frames, and "He said:" before a paragraph;
* ``nominal``: ``nominal`` and ``stance`` frames, and "In X's view, ...";
* ``passive``: ``passive`` frames;
* ``participle``: ``participle`` frames;
* ``complement``: whether a cue that needs a complement has one;
* ``subject``: the source before a reporting verb, as far as the parse's subject reaches, and
  the tests that a phrase before a verb is no source of it;
* ``verbal``: ``source_cue``, ``cue_source``, ``according_to`` and ``coordinated`` frames, and
  the order in which a reporting verb's patterns are tried;
* ``content``: each frame's content range and where it ends.

Names with a leading underscore are private to this package; :mod:`framing.voice.attribution`
is its entry point.
"""
