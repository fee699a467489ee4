"""The methodology and limits section of every report, built from the package itself.

How each score is computed comes from each ``Metric.description`` (the engine's own words);
which lexicons were used, with their sources and licences, comes from the header lines of the
files in ``framing/lexicons`` (read through :mod:`framing.lexicons`); the limits are the fixed text ``templates/limits.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from framing.lexicons import packaged_files, read_lines

FAMILY_TITLES = {
    "sourcing": "Sourcing",
    "editorial_voice": "Editorial voice",
    "advocacy": "First-person advocacy",
    "readability": "Readability",
}


@dataclass(frozen=True)
class LexiconInfo:
    file: str
    entries: int
    source: str
    licence: str
    notes: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "entries": self.entries, "source": self.source, "licence": self.licence, "notes": self.notes}


def lexicons() -> list[LexiconInfo]:
    """The header of each packaged lexicon: source, licence and any further notes."""
    out = []
    for name in packaged_files():
        lex = read_lines(name)
        fields: dict[str, list[str]] = {}
        current = "notes"
        for body in lex.header:
            m = re.match(r"\s?([a-z_]+):\s*(.*)", body)
            if m and not body.startswith("   "):
                current = m.group(1)
                fields.setdefault(current, []).append(m.group(2).strip())
            elif body.strip():
                fields.setdefault(current if current in ("source", "licence") else "notes", []).append(body.strip())
        out.append(
            LexiconInfo(
                file=name,
                entries=len(lex.entries),
                source=" ".join(fields.get("source", [])),
                licence=" ".join(fields.get("licence", [])),
                notes=" ".join(fields.get("notes", [])),
            )
        )
    return out


def lexicon_groups() -> list[tuple[list[str], str, str]]:
    """The word lists grouped by source and licence: (["file (entries)", ...], source, licence).

    Many lists share one source; the printed report names each source once (the per-file notes
    are in report.html and docs/methodology.md)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for lx in lexicons():
        groups.setdefault((lx.source, lx.licence), []).append(f"{lx.file} ({lx.entries})")
    return [(files, source, licence) for (source, licence), files in groups.items()]


def metrics(analysis: Any) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(family title, [(metric, unit, description)]) in the engine's order."""
    return [
        (FAMILY_TITLES.get(f.name, f.name), [(m.name, m.unit, m.description) for m in f.metrics])
        for f in analysis.scores.families()
    ]


def limits() -> list[str]:
    """The limits, one paragraph each (templates/limits.md)."""
    text = resources.files("framing.report").joinpath("templates/limits.md").read_text(encoding="utf-8")
    paras = [re.sub(r"\s+", " ", p).strip() for p in text.split("\n\n")]
    return [p.removeprefix("- ") for p in paras if p and not p.startswith("#")]


def voices_text() -> str:
    return (
        "framing first splits every character of the body into three voices: quoted (inside quote "
        "marks), attributed (reported speech governed by a reporting verb and tied to a source: "
        "'Blinken acknowledged the focus on ...'), and the author's own voice (everything else). "
        "Sentences take the voice that holds most of their characters; a sentence in the author's "
        "voice is flagged evaluative when its author's-voice words carry evaluative language from "
        "the lexicons, and first person when the author says I, we, our. Every score keeps the "
        "spans that produced it: the highlighted text in the report is exactly that evidence."
    )


def markdown(analysis: Any) -> str:
    """The whole section as Markdown (docs/methodology.md is this text)."""
    lines = ["# Methodology and limits", "", "## Voices", "", voices_text(), "", "## How each score is computed", ""]
    for family, ms in metrics(analysis):
        lines += [f"### {family}", ""]
        lines += [f"- `{name}` ({unit}): {desc}" if unit else f"- `{name}`: {desc}" for name, unit, desc in ms]
        lines.append("")
    lines += ["## Lexicons", "", "| file | entries | source | licence |", "|---|---|---|---|"]
    for lx in lexicons():
        lines.append(f"| {lx.file} | {lx.entries} | {lx.source} {lx.notes}".rstrip() + f" | {lx.licence} |")
    lines += ["", "## What the tool cannot see", ""]
    lines += [f"- {p}" for p in limits()]
    return "\n".join(lines) + "\n"
