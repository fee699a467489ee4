"""Where the author's voice ends for evaluative words: a stance a source holds, a name, a case
put as a condition. Each text holds a word of the evaluative lists that is not the author's
judgement there, and a control where the same word is."""

from __future__ import annotations

import pytest

from framing import analyse, rules
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


def hits(text: str) -> set[str]:
    """The evaluative words and phrases the editorial-voice family shows for ``text``."""
    a = analyse(text, settings=PLAIN)
    return {
        text[e.start : e.end].lower()
        for m in a.scores.editorial_voice.metrics
        for e in m.evidence
        if rules.rule(e.rule).category is not None and e.end - e.start < 30
    }


# --- a stance adjective in a stance frame reports the source's view ------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He reviewed which conservative commentators had been supportive of him.", "supportive"),
        ("Huckabee said last month that he is confident he can broaden his appeal.", "confident"),
        ("House Republicans had been adamant about not signing off on any measure.", "adamant"),
    ],
)
def test_a_stance_a_source_holds_is_not_the_authors(text, word):
    assert word not in hits(text)


def test_the_same_adjective_of_a_thing_is_the_authors():
    # no person holds the view: the author judges the tone
    assert "adamant" in hits("The tone of the letter was adamant and cold.")
    # the manner word next to the stance stays the author's choice
    assert "sharply" in hits("Huckabee is sharply critical of Obama's foreign policy.")
