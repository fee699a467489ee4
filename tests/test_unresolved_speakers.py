"""When the analysis cannot name a speaker it says so: the evidence a reader sees reads "speaker
unresolved" with the words that point at someone, never a pronoun passed off as a name."""

from __future__ import annotations

from framing import analyse
from framing.settings import Settings


def details(text: str) -> set[str]:
    a = analyse(text, settings=Settings(detect_headline=False))
    return {e.detail or "" for m in a.scores.sourcing.metrics for e in m.evidence}


def test_an_unresolved_pronoun_is_shown_as_unresolved():
    shown = details('The market fell. "We are doomed," he said.')
    assert "direct quote (speaker unresolved: “he”)" in shown
    assert "neutral reporting verb 'say' introducing speaker unresolved: “he”" in shown


def test_a_resolved_speaker_is_shown_by_name():
    shown = details('Mayor Jane Ortiz spoke on Monday. "We are ready," she said.')
    assert "direct quote (Jane Ortiz)" in shown
