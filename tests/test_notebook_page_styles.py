"""A real browser: a page that looks like a notebook (headings, paragraphs, a table, a mark, an SVG
plot, a <main id="main"> as JupyterLab's shell has) is not restyled by the comparison's notebook
view, while the view itself is styled. Every computed style of the page's own elements is the
same with and without two views in the page. Uses Debian's chromium (headless); skipped without it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import framing

FIX = Path(__file__).parent / "fixtures"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless browser: install Debian's chromium (apt-get install -y chromium) to run the browser test")

NOTEBOOK_PAGE = """
<main id="main"><div id="content" class="cell">
<h1>Notebook</h1><h2>Section</h2><h3>Sub</h3><p class="lede">A paragraph with <a href="#x">a link</a> and <mark>a mark</mark>.</p>
<header>head</header><nav class="toc"><ul><li>item</li></ul></nav>
<table class="scores"><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
<dl><dt>t</dt><dd>d</dd></dl><figure><figcaption>cap</figcaption></figure>
<svg class="chart" width="40" height="20"><rect width="10" height="10" style="stroke: black"/></svg>
<div class="card"><span class="badge">A</span></div><div class="col"><p>col</p></div><footer>foot</footer>
</div></main>
"""

PROBE = """
<script>
const out = {};
document.querySelectorAll('#main, #main *').forEach((el, i) => {
  const cs = getComputedStyle(el);
  const style = {};
  for (const name of cs) {
    if (!/(^|-)(width|height|size|origin)$/.test(name)) style[name] = cs.getPropertyValue(name);
  }
  out[i + ':' + el.tagName] = style;
});
const mark = document.querySelector('.framing-report mark.k-quote');
out.inside = mark ? getComputedStyle(mark).backgroundColor : null;
document.getElementById('probe').textContent = JSON.stringify(out);
</script>
"""


def page(views: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
        f"{NOTEBOOK_PAGE}{views}<pre id=\"probe\"></pre>{PROBE}</body></html>"
    )


def computed(path: Path, profile: Path) -> dict:
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
        "--window-size=1200,900", "--dump-dom", path.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    m = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, re.DOTALL)
    assert m and m[1], proc.stdout[-2000:]
    import html

    return json.loads(html.unescape(m[1]))


def test_the_views_restyle_nothing_else_in_the_page(tmp_path):
    c = framing.compare([FIX / "000_8326348c89f63b57.txt", FIX / "002_7f6faa312e2320b9.txt"])
    views = c._repr_html_() + c.analyses[1]._repr_html_()
    (tmp_path / "plain.html").write_text(page(""), encoding="utf-8")
    (tmp_path / "with.html").write_text(page(views), encoding="utf-8")
    plain = computed(tmp_path / "plain.html", tmp_path / "p1")
    with_views = computed(tmp_path / "with.html", tmp_path / "p2")
    assert plain.pop("inside") is None
    # the views' own styles apply: a direct quote is shaded (report/style.py: #cfe0f5)
    assert with_views.pop("inside") == "rgb(207, 224, 245)"
    assert len(plain) > 25 and plain.keys() == with_views.keys()
    for key in plain:
        diff = {k: (v, with_views[key].get(k)) for k, v in plain[key].items() if with_views[key].get(k) != v}
        assert not diff, (key, diff)
