"""The voice layer: which characters of an article are quoted, attributed, or the author's own.

``build.build_layer`` runs the steps below once per article; to see why a span was attributed
to a source, follow them in this order:

* ``quotes``: the stretches inside quote marks (``find_quotes``);
* ``attribution`` and its package ``frames``: each reporting cue ("said", "according to",
  "X's claim that") with the pattern that found it, its source phrase and its content
  (``find_frames``; the table of patterns is in ``attribution``'s docstring);
* ``sources``: where a cue's source phrase is (``left_np``, ``right_np``), helped by
  ``phrases`` (how far a noun phrase reaches) and ``wordclasses`` (the word classes and word
  tests both use);
* ``registry``: the people the article names, with their full names, roles and gender;
* ``naming``: a source phrase's name and kind (person, institution, anonymous, author, ...);
* ``speakers``: pronouns, roles and "who" resolved to a source; quotes given their speakers;
* ``layer``: the resulting ``Layer`` that every score reads.

``lexicon`` loads the word lists (reporting verbs and nouns, source words, first names).
"""
