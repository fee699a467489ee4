"""The "what each article covers" section, drawn from ``Comparison.content`` when present.

``framing.compare.content.compare_content`` (issue 4) fills ``Comparison.content``; its
``as_dict()`` has ``similarity``, ``distinctive_terms``, ``coverage`` (with ``only_here``),
``alignment`` and ``frames``. This module renders those keys generically (a mapping becomes a
definition list, a list of records a table), so a change of shape there degrades to a plainer
table here, never to an error. Charts come from ``framing.report.content_charts`` when that
module exists: ``content_figures(content) -> [(key, title, caption, Figure)]``.
"""

from __future__ import annotations

import io
from typing import Any

from framing.compare.comparison import Comparison

SECTIONS = (
    ("similarity", "How similar the texts are"),
    ("coverage", "What only one article covers"),
    ("distinctive_terms", "Distinctive terms"),
    ("alignment", "Passages that match across articles"),
    ("frames", "Frames"),
)
MAX_ITEMS = 40


def content_figures(c: Comparison) -> list[tuple[str, str, str, Any]]:
    """Figures from framing.report.content_charts, or none when it is not installed."""
    if c.content is None:
        return []
    try:
        from framing.report import content_charts  # type: ignore[attr-defined]
    except ImportError:
        return []
    fn = getattr(content_charts, "content_figures", None)
    if fn is None:
        return []
    try:
        return list(fn(c.content))
    except Exception:  # noqa: BLE001 - the content charts are optional
        return []


def content_svgs(c: Comparison) -> list[tuple[str, str, str]]:
    import matplotlib.pyplot as plt

    out = []
    for _key, title, caption, fig in content_figures(c):
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
        svg = buf.getvalue()
        out.append((title, caption, svg[svg.find("<svg") :]))
    return out


def content_html(c: Comparison) -> str:
    from framing.report.html import esc

    data = c.content.as_dict() if c.content is not None else {}
    parts = ['<section id="content" aria-labelledby="h-content"><h2 id="h-content">What each article covers</h2>']
    for title, caption, svg in content_svgs(c):
        parts.append(f"<figure><h3>{esc(title)}</h3>{svg}<figcaption>{esc(caption)}</figcaption></figure>")
    for key, title in SECTIONS:
        if data.get(key) in (None, [], {}):
            continue
        opened = " open" if key == "similarity" else ""
        parts.append(
            f'<details class="content-block"{opened}><summary><h3 style="display:inline">{esc(title)}</h3></summary>'
            f"{_generic(data[key], esc)}</details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _generic(value: Any, esc: Any, depth: int = 0) -> str:
    if isinstance(value, dict):
        if depth > 3:
            return esc(value)
        return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{_generic(v, esc, depth + 1)}</dd>" for k, v in list(value.items())[:MAX_ITEMS]) + "</dl>"
    if isinstance(value, list):
        items = value[:MAX_ITEMS]
        if items and all(isinstance(x, dict) for x in items):
            keys = list(dict.fromkeys(k for x in items for k in x))[:8]
            head = "".join(f'<th scope="col">{esc(k)}</th>' for k in keys)
            rows = "".join("<tr>" + "".join(f"<td>{_cell(x.get(k), esc)}</td>" for k in keys) + "</tr>" for x in items)
            return f'<table class="plain"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        if items and all(isinstance(x, list) for x in items):
            rows = "".join("<tr>" + "".join(f"<td>{_cell(v, esc)}</td>" for v in x) + "</tr>" for x in items)
            return f'<table class="plain"><tbody>{rows}</tbody></table>'
        return "<ul>" + "".join(f"<li>{_generic(x, esc, depth + 1)}</li>" for x in items) + "</ul>"
    return _cell(value, esc)


def _cell(v: Any, esc: Any) -> str:
    if isinstance(v, float):
        return esc(f"{v:.2f}")
    if isinstance(v, dict | list):
        import json

        text = json.dumps(v, ensure_ascii=False)
        return esc(text if len(text) < 300 else text[:299] + "…")
    return esc("" if v is None else v)


def content_lines(c: Comparison) -> list[tuple[str, list[str]]]:
    """Plain-text lines for the PDF: (section title, lines)."""
    import json

    data = c.content.as_dict() if c.content is not None else {}
    out = []
    for key, title in SECTIONS:
        value = data.get(key)
        if value in (None, [], {}):
            continue
        lines: list[str] = []
        if isinstance(value, dict):
            for k, v in list(value.items())[:MAX_ITEMS]:
                lines.append(f"{k}: {_flat(v, json)}")
        elif isinstance(value, list):
            lines = [_flat(x, json) for x in value[:MAX_ITEMS]]
        else:
            lines = [str(value)]
        out.append((title, lines))
    return out


def _flat(v: Any, json: Any) -> str:
    if isinstance(v, float):
        return f"{v:.2f}"
    if isinstance(v, str):
        return v
    text = json.dumps(v, ensure_ascii=False)
    return text if len(text) < 400 else text[:399] + "…"
