"""The "what each article includes and omits" section of the reports (issue 4), from ``Comparison.content``.

``framing.comparison.content.compare_content`` fills ``Comparison.content`` (a ``ContentComparison``).
This module turns it into what a reader needs, shared by the HTML, PDF and PNG renderers:

* :func:`only_here` — per article, the names, places, numbers ... no other article mentions,
  grouped by kind (a person who is also an only-here speaker is listed once, as the speaker), and
  the speakers no other article quotes (noted "named in B too" where another article names them);
* :func:`only_here_sentences` — the sentences with no counterpart (or with new content);
* :func:`alignment_rows` — each sentence with its closest sentence in each other article;
* :func:`frame_rows` — each frame's score, cue count and most frequent cue words per article;
* :func:`content_figures` / :func:`content_svgs` / :func:`content_chart_pdf` — the distinctive
  terms and frame charts (``framing.report.content_charts``), as inline SVG or one vector PDF;
* :func:`content_html` — the HTML section; :func:`anchor_targets` — the spans the HTML marks in
  the annotated texts so that each only-here item links to its first occurrence.

Every piece of article text that reaches HTML goes through ``html.escape``. Nothing here emits
raw JSON: the full data stays in comparison.json.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.comparison.comparison import Comparison

KINDS: tuple[tuple[str, str], ...] = (
    ("speaker", "Speakers quoted only here"),
    ("person", "People"),
    ("place", "Places"),
    ("organization", "Organisations"),
    ("group", "Groups"),
    ("name", "Other names"),
    ("number", "Numbers"),
    ("date", "Dates"),
)
STATUS_TEXT = {"shared": "shared", "reworded": "reworded", "unique": "no match"}
STATUS_MARK = {"shared": "\u25cf", "reworded": "\u25d0", "unique": "\u25cb"}  # ● ◐ ○
SHOW_SENTENCES = 4  # only-here sentences listed before "show all"
PDF_ALIGN_ROWS = 25  # sentences of each article in the PDF's alignment table


@dataclass(frozen=True)
class Item:
    kind: str
    text: str
    note: str  # "6 statements", "×3", "" ...
    start: int | None
    end: int | None
    rank: float  # higher: more salient (mentions, statements)
    named_elsewhere: tuple[str, ...] = ()  # a speaker quoted only here whom these articles name

    @property
    def has_place(self) -> bool:
        return self.start is not None and self.end is not None and self.end > self.start


@dataclass(frozen=True)
class SentenceItem:
    index: int
    text: str
    status: str
    new_words: tuple[str, ...]


def labels(c: Comparison) -> list[str]:
    return [a.label for a in c.articles]


def anchor_id(label: str, start: int, end: int) -> str:
    return f"oh-{label}-{start}-{end}"


def sentence_id(label: str, index: int) -> str:
    return f"al-{label}-{index}"


def others_text(c: Comparison, i: int) -> str:
    others = [a.label for k, a in enumerate(c.articles) if k != i]
    if len(others) == 1:
        return others[0]
    return ", ".join(others[:-1]) + " or " + others[-1]


def _speaker_note(it: dict[str, Any], named_in: Sequence[str] = ()) -> str:
    kind = it.get("speaker_kind")
    n = int(it.get("statements") or 0)
    parts = []
    if kind == "institution":
        parts.append("institution")
    elif kind == "anonymous":
        parts.append("unnamed source")
    if n:
        parts.append("1 statement" if n == 1 else f"{n} statements")
    if named_in:  # quoted only here, but named elsewhere: say so, or the card's "not in B" is false
        parts.append(f"named in {' and '.join(named_in)} too, not quoted there")
    return ", ".join(parts)


def _named_in(c: Comparison, it: dict[str, Any]) -> list[str]:
    """The letters of the other articles that name a speaker quoted only here."""
    names = list(getattr(c.content, "labels", ()) or ())
    return [c.articles[names.index(n)].label for n in it.get("mentioned_in") or () if n in names and names.index(n) < len(c.articles)]


def only_here(c: Comparison, i: int) -> list[tuple[str, str, list[Item]]]:
    """(kind, heading, items) for article ``i``, kinds in reading order, empty kinds left out."""
    if c.content is None or i >= len(c.content.only_here):
        return []
    raw = [dict(x) for x in c.content.only_here[i]]
    speakers = {str(x["text"]).lower() for x in raw if x.get("kind") == "speaker"}
    groups: dict[str, list[Item]] = {k: [] for k, _ in KINDS}
    for x in raw:
        kind = x.get("kind")
        if kind not in groups:
            continue
        text = str(x.get("text", "")).strip()
        if not text:
            continue
        if kind == "person" and text.lower() in speakers:
            continue  # listed as a speaker
        mentions = int(x.get("mentions") or 1)
        named_in: list[str] = []
        if kind == "speaker":
            named_in = _named_in(c, x)
            note = _speaker_note(x, named_in)
            rank = float(x.get("statements") or 0) + (10 if x.get("speaker_kind") == "person" else 0)
        else:
            note = f"\u00d7{mentions}" if mentions > 1 else ""
            rank = float(mentions)
        groups[kind].append(Item(kind, text, note, x.get("start"), x.get("end"), rank, tuple(named_in)))
    return [(k, h, groups[k]) for k, h in KINDS if groups[k]]


def only_here_sentences(c: Comparison, i: int) -> list[SentenceItem]:
    if c.content is None or i >= len(c.content.only_here):
        return []
    return [
        SentenceItem(int(x.get("sentence") or 0), str(x.get("text", "")), str(x.get("status", "unique")), tuple(x.get("new_words") or ()))
        for x in c.content.only_here[i]
        if x.get("kind") == "sentence"
    ]


def headline_items(c: Comparison, i: int, limit: int = 8) -> list[str]:
    """The most telling only-here items for a one-line summary (the PNG card): people, places and
    groups or organisations taken in turn, each by salience (mentions); numbers and dates last."""
    by_kind = {k: items for k, _h, items in only_here(c, i)}
    # "Only in A, never in B": a speaker that B names (without quoting) is left out
    people = [it for it in by_kind.get("speaker", []) if "institution" not in it.note and "unnamed" not in it.note and not it.named_elsewhere]
    people += by_kind.get("person", [])
    queues = [
        sorted(people, key=lambda it: -it.rank),
        sorted(by_kind.get("place", []), key=lambda it: -it.rank),
        sorted(by_kind.get("group", []) + by_kind.get("organization", []) + by_kind.get("name", []), key=lambda it: -it.rank),
    ]
    figures = by_kind.get("number", []) + by_kind.get("date", [])  # only when names run out
    out: list[str] = []
    seen: set[str] = set()

    def take(text: str) -> None:
        if text.lower() not in seen and len(out) < limit:
            seen.add(text.lower())
            out.append(text)

    while len(out) < limit and any(queues):
        for q in queues:
            if q:
                take(q.pop(0).text)
    for it in figures:
        take(it.text)
    return out


def anchor_targets(c: Comparison, i: int) -> list[tuple[int, int, str]]:
    """(start, end, id) of each only-here item's first occurrence in article ``i``."""
    label = c.articles[i].label
    spans = {(it.start, it.end) for _k, _h, items in only_here(c, i) for it in items if it.has_place}
    return sorted((s, e, anchor_id(label, s, e)) for s, e in spans if s is not None and e is not None)


@dataclass(frozen=True)
class MatchCell:
    article: int
    label: str
    sentence: int | None
    similarity: float
    status: str
    text: str  # the matched sentence


@dataclass(frozen=True)
class AlignRow:
    index: int
    text: str
    status: str
    matches: tuple[MatchCell, ...]


def alignment_rows(c: Comparison, i: int) -> list[AlignRow]:
    if c.content is None or i >= len(c.content.alignment):
        return []
    labs = labels(c)
    out = []
    for s in c.content.alignment[i]:
        cells = []
        for m in s.matches:
            text = ""
            if m.sentence is not None and m.article < len(c.content.alignment):
                other = c.content.alignment[m.article]
                if 0 <= m.sentence < len(other):
                    text = other[m.sentence].text
            cells.append(MatchCell(m.article, labs[m.article], m.sentence, float(m.similarity), m.status, text))
        out.append(AlignRow(s.index, s.text, s.status, tuple(cells)))
    return out


def status_counts(rows: Sequence[AlignRow]) -> Counter[str]:
    return Counter(r.status for r in rows)


def frame_rows(c: Comparison, top_cues: int = 6) -> list[tuple[str, list[tuple[float, int, list[tuple[str, int]]]]]]:
    """(frame label, per article (score, hits, [(cue word, count)])) in frame order."""
    from framing.comparison.frames import FRAME_LABELS

    if c.content is None or not c.content.frames:
        return []
    out = []
    for k, fs in enumerate(c.content.frames[0]):
        cells: list[tuple[float, int, list[tuple[str, int]]]] = []
        for profile in c.content.frames:
            f = profile[k] if k < len(profile) else None
            if f is None:
                cells.append((0.0, 0, []))
                continue
            cues = Counter(e.text.lower() for e in f.evidence)
            cells.append((float(f.score), int(f.hits), cues.most_common(top_cues)))
        out.append((FRAME_LABELS.get(fs.frame, fs.frame), cells))
    return out


def cue_text(cues: Sequence[tuple[str, int]], hits: int) -> str:
    shown = ", ".join(f"{w} \u00d7{n}" if n > 1 else w for w, n in cues)
    rest = hits - sum(n for _w, n in cues)
    return shown + (f" and {rest} more" if rest > 0 else "")


def similarity_sentence(c: Comparison) -> str:
    if c.content is None or len(c.articles) != 2 or not c.content.similarity:
        return ""
    v = c.content.similarity[0][1]
    return (f"Overall vocabulary overlap of A and B (cosine similarity of their TF-IDF vectors): {v:.2f}, on a scale "
            "from 0 (no content words in common) to 1 (the same words in the same proportions). Two outlets' "
            "reports of one event typically score 0.1\u20130.4.")


# --------------------------------------------------------------------------- figures


def content_figures(c: Comparison) -> list[tuple[str, str, str, Any]]:
    """Figures from framing.report.content_charts (none when it is missing or fails)."""
    if c.content is None:
        return []
    try:
        from framing.report import content_charts
    except ImportError:
        return []
    fn = getattr(content_charts, "content_figures", None)
    if fn is None:
        return []
    from framing.report import charts

    charts.setup()
    try:
        try:
            return list(fn(c.content, labels=labels(c)))
        except TypeError:
            return list(fn(c.content))
    except Exception:  # noqa: BLE001 - the content charts are optional
        return []


def content_svgs(c: Comparison) -> list[tuple[str, str, str, str]]:
    """(key, title, caption, inline svg) for each content chart."""
    import matplotlib.pyplot as plt

    from framing.report.charts import _inline_svg

    out = []
    for key, title, caption, fig in content_figures(c):
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
        out.append((key, title, caption, _inline_svg(buf.getvalue(), f"content-{key}", title)))
    return out


def content_chart_pdf(c: Comparison) -> tuple[list[tuple[str, str, str, int, float, float]], bytes | None]:
    """The content charts as one vector PDF: ([(key, title, caption, page, width_in, height_in)], pdf)."""
    import logging

    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    figs = content_figures(c)
    if not figs:
        return [], None
    buf = io.BytesIO()
    texts = [t for _k, t, _c, _f in figs] + [lab for lab in labels(c)]
    if c.content is not None:
        texts += [t.term for terms in c.content.distinctive_terms for t in terms]
    try:
        "".join(texts).encode("cp1252")
        core = True  # Helvetica needs no font subsetting (the slow part of a matplotlib PDF)
    except UnicodeEncodeError:
        core = False
    meta = []
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    pages = PdfPages(buf, metadata={"CreationDate": None, "Creator": None, "Producer": None})
    try:
        for n, (key, title, caption, fig) in enumerate(figs):
            with matplotlib.rc_context({"pdf.use14corefonts": core}):
                font_log.setLevel(logging.ERROR)
                pages.savefig(fig)
                font_log.setLevel(level)
            w, h = fig.get_size_inches()
            meta.append((key, title, caption, n, float(w), float(h)))
            plt.close(fig)
    finally:
        font_log.setLevel(level)
        pages.close()
    return meta, buf.getvalue()


# --------------------------------------------------------------------------- HTML


def _esc(text: object) -> str:
    from framing.report.html import esc

    return esc(text)


def _status_html(status: str, label: str | None = None) -> str:
    word = STATUS_TEXT.get(status, status)
    if status == "unique" and label:
        word = f"no match in {label}"
    return f'<span class="st st-{_esc(status)}"><span aria-hidden="true">{STATUS_MARK.get(status, "")}</span> {_esc(word)}</span>'


def _sent_list(c: Comparison, i: int, items: Sequence[SentenceItem]) -> str:
    label = c.articles[i].label
    lis = []
    for s in items:
        extra = ""
        if s.status != "unique":
            extra = f' <span class="why">(reworded in {_esc(others_text(c, i))}, but adds: {_esc(", ".join(s.new_words[:6]))})</span>'
        lis.append(f'<li><a class="sref" href="#{sentence_id(label, s.index)}">{label}{s.index + 1}</a> {_esc(s.text)}{extra}</li>')
    return "".join(lis)


def _only_here_card(c: Comparison, i: int) -> str:
    art = c.articles[i]
    label = art.label
    other = others_text(c, i)
    rows = []
    for _kind, heading, items in only_here(c, i):
        chips = []
        for it in items:
            note = f' <small>{_esc(it.note)}</small>' if it.note else ""
            inner = _esc(it.text)
            if it.has_place:
                inner = f'<a href="#{anchor_id(label, it.start, it.end)}" title="first mention in {label}">{inner}</a>'  # type: ignore[arg-type]
            chips.append(f"<li>{inner}{note}</li>")
        rows.append(f'<dt>{_esc(heading)}</dt><dd><ul class="chips">{"".join(chips)}</ul></dd>')
    sents = only_here_sentences(c, i)
    total = len(c.content.alignment[i]) if c.content is not None and i < len(c.content.alignment) else 0
    if sents:
        head = sents[:SHOW_SENTENCES]
        more = ""
        if len(sents) > SHOW_SENTENCES:
            more = (f'<details class="more"><summary>Show the other {len(sents) - SHOW_SENTENCES} sentences</summary>'
                    f'<ol class="sents" start="{SHOW_SENTENCES + 1}">{_sent_list(c, i, sents[SHOW_SENTENCES:])}</ol></details>')
        rows.append(
            f"<dt>Sentences</dt><dd><p class=\"count\">{len(sents)} of {total} sentences say something {_esc(other)} does not.</p>"
            f'<ol class="sents">{_sent_list(c, i, head)}</ol>{more}</dd>'
        )
    body = f'<dl class="oh">{"".join(rows)}</dl>' if rows else f"<p>Nothing that {_esc(other)} leaves out.</p>"
    return (
        f'<article class="oh-card" aria-labelledby="oh-h-{label}"><h4 id="oh-h-{label}"><span class="badge">{label}</span>'
        f'Only in {label} <span class="sub">not mentioned in {_esc(other)}</span></h4>'
        f'<p class="meta">{_esc(art.title)}</p>{body}</article>'
    )


def _alignment_table(c: Comparison, i: int) -> str:
    label = c.articles[i].label
    rows = alignment_rows(c, i)
    two = len(c.articles) == 2
    others = [a.label for k, a in enumerate(c.articles) if k != i]
    if two:
        head = (f'<th scope="col">{label}</th><th scope="col">Sentence in {label}</th><th scope="col">Match in {others[0]}</th>'
                f'<th scope="col">Closest sentence in {others[0]}</th>')
    else:
        head = f'<th scope="col">{label}</th><th scope="col">Sentence</th>' + "".join(f'<th scope="col">In {o}</th>' for o in others)
    trs = []
    for r in rows:
        cells = []
        for m in r.matches:
            ref = ""
            if m.sentence is not None:
                ref = f'<a class="sref" href="#{sentence_id(m.label, m.sentence)}">{m.label}{m.sentence + 1}</a>'
            stat = f"{_status_html(m.status, m.label)}<br><small>similarity {m.similarity:.2f}</small>"
            if two:
                closest = f"{ref} {_esc(m.text)}" if m.status != "unique" and m.text else '<span class="none">\u2014</span>'
                cells.append(f"<td>{stat}</td><td class=\"txt\">{closest}</td>")
            else:
                cells.append(f"<td>{stat}{(' ' + ref) if m.status != 'unique' else ''}</td>")
        trs.append(
            f'<tr id="{sentence_id(label, r.index)}" class="row-{_esc(r.status)}"><th scope="row">{label}{r.index + 1}</th>'
            f'<td class="txt">{_esc(r.text)}</td>{"".join(cells)}</tr>'
        )
    return f'<table class="align"><thead><tr>{head}</tr></thead><tbody>{"".join(trs)}</tbody></table>'


def _alignment(c: Comparison) -> str:
    summaries = []
    tables = []
    for i, art in enumerate(c.articles):
        rows = alignment_rows(c, i)
        n = status_counts(rows)
        other = others_text(c, i)
        summaries.append(
            f"<li><strong>{art.label}</strong>: {len(rows)} sentences: {n['shared']} shared, {n['reworded']} reworded, "
            f"<strong>{n['unique']} with no match</strong> in {_esc(other)}</li>"
        )
        opened = " open" if i == 0 else ""
        tables.append(
            f'<details class="align-block"{opened}><summary>Each sentence of {art.label} and its closest sentence in '
            f"{_esc(other)}</summary>{_alignment_table(c, i)}</details>"
        )
    from framing.comparison.alignment import REWORDED, SHARED

    legend = (
        f'<p class="st-legend">{_status_html("shared")}: similarity {SHARED:.2f} or more, the same sentence or lightly '
        f'edited · {_status_html("reworded")}: {REWORDED:.2f}\u2013{SHARED:.2f}, the same content in other words · '
        f'{_status_html("unique")}: below {REWORDED:.2f}, nothing similar. Similarity: the mean of word and '
        "character-sequence TF-IDF cosines of the two sentences.</p>"
    )
    return (
        '<h3 id="content-alignment">Sentence by sentence: what matches across the articles</h3>'
        f'{legend}<ul class="align-sum">{"".join(summaries)}</ul>{"".join(tables)}'
    )


def _similarity(c: Comparison) -> str:
    if c.content is None or not c.content.similarity:
        return ""
    if len(c.articles) == 2:
        return f'<h3>Overall similarity</h3><p>{_esc(similarity_sentence(c))}</p>'
    labs = labels(c)
    head = "".join(f'<th scope="col">{lab}</th>' for lab in labs)
    body = "".join(
        f'<tr><th scope="row">{labs[r]}</th>' + "".join(f"<td>{'' if r == k else f'{v:.2f}'}</td>" for k, v in enumerate(row)) + "</tr>"
        for r, row in enumerate(c.content.similarity)
    )
    return (
        "<h3>Overall similarity</h3><p>Cosine similarity of the articles' TF-IDF vectors, from 0 (no content words "
        "in common) to 1 (the same words in the same proportions); reports of one event typically score 0.1\u20130.4.</p>"
        f'<table class="plain sim"><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _frames_table(c: Comparison) -> str:
    rows = frame_rows(c)
    if not rows:
        return ""
    labs = labels(c)
    head = "".join(f'<th scope="col">{lab}</th>' for lab in labs)
    body = []
    for frame, cells in rows:
        tds = []
        for score, hits, cues in cells:
            words = f"<br><small>{_esc(cue_text(cues, hits))}</small>" if cues else ""
            tds.append(f"<td><strong>{score:.1f}</strong> per 100 words \u00b7 {hits} cue{'s' if hits != 1 else ''}{words}</td>")
        body.append(f'<tr><th scope="row">{_esc(frame)}</th>{"".join(tds)}</tr>')
    return f'<table class="plain frames"><thead><tr><th scope="col">Frame</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def content_html(c: Comparison) -> str:
    if c.content is None:
        return ""
    figs = {key: (title, caption, svg) for key, title, caption, svg in content_svgs(c)}

    def figure(key: str) -> str:
        if key not in figs:
            return ""
        title, caption, svg = figs[key]
        return f'<figure id="chart-content-{key}"><h3>{_esc(title)}</h3>{svg}<figcaption>{_esc(caption)}</figcaption></figure>'

    cards = "".join(_only_here_card(c, i) for i in range(len(c.articles)))
    return "".join([
        '<section id="content" aria-labelledby="h-content"><h2 id="h-content">What each article includes and omits</h2>',
        '<p class="lede">Framing is also selection: which people, places, numbers and words an article chooses. '
        "Each list below names what one article mentions and the others never mention in any form (names, places and "
        "figures found by rules, so check them against the text: each links to its first mention, outlined in the "
        "annotated text above).</p>",
        f'<div class="oh-grid">{cards}</div>',
        figure("distinctive_terms"),
        _similarity(c),
        _alignment(c),
        figure("frames"),
        _frames_table(c),
        "</section>",
    ])
