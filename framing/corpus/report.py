"""The group report: distributions, medians with bootstrap intervals, distinctive terms.

    write_report(frame, group_by, folder) -> [report.html, report.pdf, scores.png, medians.csv, terms.csv]

* Distribution of each key score per group: box plots with the articles as jittered points.
* Median per group with a 95 % percentile-bootstrap confidence interval (numpy, seeded, so the
  same corpus gives the same report).
* Articles per group (scored and failed).
* The most distinctive terms of each group against the other groups: "Fightin' Words", the
  log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), from
  ``framing.comparison.vocabulary`` (the same function that compares two articles), applied to
  the pooled term counts of each group. With one group there is nothing to compare it with, so
  its words are compared with English at large: wordfreq's word frequencies (shipped in its
  wheel, read offline) as a reference corpus ``BACKGROUND_WEIGHT`` times the group's size.
* With one group (a folder of articles and no --group-by) the report is the distribution of
  each score: quartiles and range beside the median.
* Shares are shown as percentages (the CSV files keep the fractions); a group of fewer than
  ``SMALL_SAMPLE`` articles is marked "small sample" wherever it is shown.

The HTML file is self-contained (the figure is embedded) and every value in it is escaped.
matplotlib is imported only here, with the Agg canvas (no display, no pyplot state).
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.errors import OutputError

# The scores shown, with a short label; missing ones are left out.
KEY_SCORES: tuple[tuple[str, str], ...] = (
    ("sourcing.quoted_share", "Body words in quotes (%)"),
    ("sourcing.sources_per_100_words", "Sources per 100 words"),
    ("sourcing.loaded_verb_share", "Loaded reporting verbs (%)"),
    ("editorial_voice.evaluative_per_100_narrator_words", "Evaluative words per 100 narrator words"),
    ("editorial_voice.flagged_sentence_share", "Evaluative narrator sentences (%)"),
    ("advocacy.first_person_per_100_narrator_words", "First person per 100 narrator words"),
    ("readability.flesch_reading_ease", "Flesch reading ease"),
    ("words", "Body words"),
)
N_BOOT = 2000
SEED = 20080101  # Monroe et al. 2008; any fixed number would do
TOP_TERMS = 12
MIN_TERM_COUNT = 3  # terms used fewer times in the whole corpus are not compared
STRIP_MAX = 400  # draw the points of a group only up to this many articles
NONE_GROUP = "(none)"
SMALL_SAMPLE = 10  # groups with fewer articles scored carry a caution
SMALL_NOTE = f"small sample: fewer than {SMALL_SAMPLE} articles, read its figures with caution"
BACKGROUND_WEIGHT = 10  # the wordfreq reference corpus weighs this many times the group's words


def is_share(metric: str) -> bool:
    """A score that is a share (0..1), shown as a percentage."""
    return metric.endswith("_share")


@dataclass(frozen=True)
class GroupStat:
    group: str
    metric: str
    n: int
    median: float
    low: float  # the median's 95 % bootstrap interval
    high: float
    q1: float = float("nan")  # the distribution: quartiles and range
    q3: float = float("nan")
    minimum: float = float("nan")
    maximum: float = float("nan")


def bootstrap_median_ci(values: Any, *, n_boot: int = N_BOOT, level: float = 0.95, seed: int = SEED) -> tuple[float, float, float]:
    """Median and its percentile-bootstrap interval (``nan`` for no values)."""
    import numpy as np

    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return (float("nan"),) * 3
    med = float(np.median(x))
    if x.size == 1:
        return med, med, med
    rng = np.random.default_rng(seed)
    boots = np.empty(n_boot)
    step = max(1, 2_000_000 // x.size)  # resamples per block: at most ~16 MB at a time
    for i in range(0, n_boot, step):
        k = min(step, n_boot - i)
        boots[i : i + k] = np.median(x[rng.integers(0, x.size, size=(k, x.size))], axis=1)
    alpha = (1.0 - level) / 2.0
    lo, hi = np.quantile(boots, [alpha, 1.0 - alpha])
    return med, float(lo), float(hi)


def group_stats(frame: Any, group_by: str, metrics: Sequence[str]) -> list[GroupStat]:
    ok = frame[frame["status"] == "ok"]
    groups = _groups(ok, group_by)
    out = []
    for g in _order(groups):
        sub = ok[groups == g]
        for m in metrics:
            vals = sub[m].to_numpy(dtype=float, na_value=float("nan"))
            med, lo, hi = bootstrap_median_ci(vals)
            present = vals[~_isnan(vals)]
            q1, q3, mn, mx = (float(v) for v in _np().quantile(present, [0.25, 0.75, 0.0, 1.0])) if present.size else (float("nan"),) * 4
            out.append(GroupStat(g, m, int(present.size), med, lo, hi, q1, q3, mn, mx))
    return out


def _np() -> Any:
    import numpy as np

    return np


def _isnan(a: Any) -> Any:
    import numpy as np

    return np.isnan(a)


def _groups(frame: Any, group_by: str) -> Any:
    if group_by not in frame.columns:
        raise OutputError(f"cannot group by {group_by!r}: no such column in the results")
    return frame[group_by].astype(object).where(frame[group_by].notna(), NONE_GROUP).astype(str)


def _order(groups: Any) -> list[str]:
    return sorted(set(groups))


# -- distinctive terms -----------------------------------------------------------------------------
class GroupTerms:
    """Term counts (``framing.comparison.vocabulary.TermCounts``) pooled per group as rows stream
    past. Memory grows with the corpus vocabulary, not with the number of articles; past
    ``PRUNE_AT`` distinct bigrams, the bigrams seen once are dropped (they are never shown)."""

    PRUNE_AT = 300_000

    def __init__(self) -> None:
        self.uni: dict[str, Counter[str]] = {}
        self.bi: dict[str, Counter[str]] = {}
        self.names: dict[str, set[str]] = {}

    def add(self, group: Any, counts: Any) -> None:
        g = NONE_GROUP if group is None or group != group else str(group)
        self.uni.setdefault(g, Counter()).update(counts.uni)
        bi = self.bi.setdefault(g, Counter())
        bi.update(counts.bi)
        self.names.setdefault(g, set()).update(counts.names)
        if sum(len(c) for c in self.bi.values()) > self.PRUNE_AT:
            for c in self.bi.values():
                for t in [t for t, n in c.items() if n < 2]:
                    del c[t]

    def add_file(self, group: Any, path: str, settings: Any = None) -> None:
        """Count an article that was not analysed in this run (a cached row): its body paragraphs."""
        from framing.article import read_article
        from framing.comparison.vocabulary import term_counts
        from framing.errors import FramingError

        try:
            article = read_article(path) if settings is None else read_article(path, settings=settings)
        except (FramingError, OSError):
            return  # changed or gone since it was scored
        self.add(group, term_counts(p.text for p in article.body))

    def distinctive(self, top: int = TOP_TERMS) -> dict[str, list[Any]]:
        """Per group, its most distinctive terms against the other groups pooled (z > 1.96)."""
        from framing.comparison.vocabulary import TermCounts, fightin_words

        order = sorted(self.uni)
        if len(order) == 1:
            return {order[0]: against_background(self.uni[order[0]], top)}
        if len(order) < 2:
            return {}
        pooled_uni: Counter[str] = Counter()
        pooled_bi: Counter[str] = Counter()
        for g in order:
            pooled_uni.update(self.uni[g])
            pooled_bi.update(self.bi.get(g, Counter()))
        keep_u = {t for t, n in pooled_uni.items() if n >= MIN_TERM_COUNT}
        keep_b = {t for t, n in pooled_bi.items() if n >= MIN_TERM_COUNT}
        counts = [
            TermCounts(
                Counter({t: n for t, n in self.uni[g].items() if t in keep_u}),
                Counter({t: n for t, n in self.bi.get(g, Counter()).items() if t in keep_b}),
                frozenset(self.names.get(g, set()) & keep_b),
            )
            for g in order
        ]
        found = fightin_words(counts, top=top * 2, min_z=1.96)
        shown = [[t for t in f if not t.term.replace(" ", "").isdigit()][:top] for f in found]
        return dict(zip(order, shown, strict=True))


def against_background(uni: Counter[str], top: int = TOP_TERMS) -> list[Any]:
    """One group's most distinctive words against English at large (z > 1.96).

    The same log-odds ratio, with wordfreq's English frequencies as the other corpus: each word
    of the group's vocabulary gets the count its wordfreq share of that vocabulary predicts in a
    reference corpus ``BACKGROUND_WEIGHT`` times the group's size. Unigrams only (wordfreq has
    no word pairs). ``count_rest`` of each term is that expected count, rounded."""
    from framing.comparison.vocabulary import TermCounts, background_frequency, fightin_words

    kept = Counter({t: n for t, n in uni.items() if n >= MIN_TERM_COUNT})
    if not kept:
        return []
    freq = {t: background_frequency(t) for t in kept}
    scale = BACKGROUND_WEIGHT * sum(kept.values()) / sum(freq.values())
    reference = Counter({t: f * scale for t, f in freq.items()})
    group = TermCounts(kept, Counter(), frozenset())
    found = fightin_words([group, TermCounts(reference, Counter(), frozenset())], top=top * 2, min_z=1.96)[0]
    return [t for t in found if not t.term.replace(" ", "").isdigit()][:top]


def group_terms(frame: Any, group_by: str, top: int = TOP_TERMS) -> dict[str, list[Any]]:
    """Distinctive terms per group, reading the scored articles again (one at a time)."""
    ok = frame[frame["status"] == "ok"]
    acc = GroupTerms()
    for path, g in zip(ok["file"], _groups(ok, group_by), strict=True):
        acc.add_file(g, path)
    return acc.distinctive(top)


# -- figure ----------------------------------------------------------------------------------------
def score_figure(frame: Any, group_by: str, metrics: Sequence[tuple[str, str]]) -> Any:
    import numpy as np
    from matplotlib.figure import Figure

    ok = frame[frame["status"] == "ok"]
    groups = _groups(ok, group_by)
    order = _order(groups)
    cols = 2
    rows = (len(metrics) + cols - 1) // cols
    width = max(10.0, 1.1 * len(order) * cols + 2)
    fig = Figure(figsize=(width, 2.8 * rows + 0.8), layout="constrained")
    small = {g for g in order if int((groups == g).sum()) < SMALL_SAMPLE}
    title = (f"Scores of the {len(ok)} articles in {order[0]}: boxes (median, quartiles) and articles" if len(order) == 1
             else f"Scores by {group_by}: boxes (median, quartiles) and articles")
    if small:
        title += f"\n* {SMALL_NOTE}"
    fig.suptitle(title, fontsize=12)
    rng = np.random.default_rng(SEED)
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax, (metric, label) in zip(axes.flat, metrics, strict=False):
        data = [ok.loc[groups == g, metric].to_numpy(dtype=float, na_value=np.nan) for g in order]
        data = [d[~np.isnan(d)] for d in data]
        shown = [d if d.size else np.array([np.nan]) for d in data]
        ax.boxplot(shown, tick_labels=[_short(g) + (" *" if g in small else "") for g in order], showfliers=False, widths=0.55,
                   medianprops={"color": "#c0392b", "linewidth": 2})
        for i, d in enumerate(data, start=1):
            if 0 < d.size <= STRIP_MAX:
                ax.plot(i + rng.uniform(-0.18, 0.18, d.size), d, "o", ms=2.5, alpha=0.35, color="#2c3e50", rasterized=True)
        ax.set_title(label, fontsize=9)
        if is_share(metric):
            from matplotlib.ticker import PercentFormatter

            ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.tick_params(axis="x", labelsize=8, labelrotation=20 if len(order) > 4 else 0)
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", alpha=0.3)
    for ax in list(axes.flat)[len(metrics):]:
        ax.set_visible(False)
    return fig


def _short(label: str, n: int = 18) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


# -- the report ------------------------------------------------------------------------------------
def write_report(frame: Any, group_by: str, folder: str | os.PathLike[str], *, terms: GroupTerms | bool = True) -> list[Path]:
    """Write the group report to ``folder``; return the files written.

    ``terms``: a ``GroupTerms`` pooled during the run (see ``CorpusJob(terms=True)``); True to
    read the articles again; False for no distinctive terms.
    """
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the report folder: {exc.strerror or exc}") from exc
    metrics = [(m, label) for m, label in KEY_SCORES if m in frame.columns]
    all_groups = _groups(frame, group_by)
    counts = {
        g: (int(((all_groups == g) & (frame["status"] == "ok")).sum()), int(((all_groups == g) & (frame["status"] != "ok")).sum()))
        for g in _order(all_groups)
    }
    stats = group_stats(frame, group_by, [m for m, _ in metrics])
    if isinstance(terms, GroupTerms):
        distinctive = terms.distinctive()
    else:
        distinctive = group_terms(frame, group_by) if terms else {}
    fig = score_figure(frame, group_by, metrics)

    png = out / "scores.png"
    pdf = out / "report.pdf"
    page = out / "report.html"
    medians = out / "medians.csv"
    terms_csv = out / "terms.csv"
    try:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110)
        png.write_bytes(buf.getvalue())
        _write_pdf(pdf, fig, group_by, counts, stats, metrics, distinctive)
        page.write_text(_html(group_by, counts, stats, metrics, distinctive, buf.getvalue()), encoding="utf-8")
        _write_csvs(medians, terms_csv, stats, distinctive)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the report: {exc.strerror or exc}") from exc
    return [page, pdf, png, medians, terms_csv]


def _fmt(v: float, metric: str = "") -> str:
    if v != v:  # nan
        return "–"
    if is_share(metric):
        return f"{v:.0%}" if not 0 < v < 0.005 else "<1%"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}" if abs(v) < 1 else f"{v:.2f}"


def _ci(s: GroupStat) -> str:
    return f"{_fmt(s.median, s.metric)} [{_fmt(s.low, s.metric)}, {_fmt(s.high, s.metric)}]"


def _spread(s: GroupStat) -> str:
    """The distribution in one cell: "quartiles 12%–30%, range 0%–55%"."""
    f = lambda v: _fmt(v, s.metric)  # noqa: E731
    return f"quartiles {f(s.q1)}–{f(s.q3)}, range {f(s.minimum)}–{f(s.maximum)}"


def _write_csvs(medians: Path, terms_csv: Path, stats: list[GroupStat], distinctive: dict[str, list[Any]]) -> None:
    import csv

    with open(medians, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["group", "metric", "n", "median", "ci_low", "ci_high", "q1", "q3", "min", "max"])
        for s in stats:
            w.writerow([s.group, s.metric, s.n, s.median, s.low, s.high, s.q1, s.q3, s.minimum, s.maximum])
    with open(terms_csv, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        against = "count_background" if len(distinctive) == 1 else "count_other_groups"
        w.writerow(["group", "rank", "term", "z", "count", against])
        for g, ts in distinctive.items():
            for rank, t in enumerate(ts, start=1):
                w.writerow([g, rank, t.term, round(t.z, 3), t.count, t.count_rest])


def _small(counts: dict[str, tuple[int, int]]) -> set[str]:
    return {g for g, (ok, _) in counts.items() if ok < SMALL_SAMPLE}


def _html(group_by: str, counts: dict[str, tuple[int, int]], stats: list[GroupStat], metrics: Sequence[tuple[str, str]], distinctive: dict[str, list[Any]], png: bytes) -> str:
    e = html.escape
    groups = list(counts)
    one = len(groups) == 1
    small = _small(counts)
    by = {(s.group, s.metric): s for s in stats}

    def th(g: str) -> str:
        caution = f' <span class="small">⚠ small sample (n&nbsp;=&nbsp;{counts[g][0]})</span>' if g in small else ""
        return f"<th>{e(g)}{caution}</th>"

    head = "".join(th(g) for g in groups)
    rows = [f"<tr><th>Articles scored</th>{''.join(f'<td>{counts[g][0]}</td>' for g in groups)}</tr>"]
    if any(f for _, f in counts.values()):
        rows.append(f"<tr><th>Failed</th>{''.join(f'<td>{counts[g][1]}</td>' for g in groups)}</tr>")
    for m, label in metrics:
        cells = "".join(
            f"<td>{e(_ci(by[(g, m)]))}" + (f"<br><small>{e(_spread(by[(g, m)]))}</small>" if one else "") + "</td>"
            if (g, m) in by else "<td>–</td>" for g in groups
        )
        rows.append(f"<tr><th title='{e(m, quote=True)}'>{e(label)}</th>{cells}</tr>")
    term_cells = "".join(
        "<td><ol>" + "".join(f"<li>{e(t.term)} <small>z={t.z:.1f}, {t.count}×</small></li>" for t in distinctive.get(g, [])) + "</ol></td>"
        for g in groups
    )
    img = base64.b64encode(png).decode("ascii")
    scored = sum(c for c, _ in counts.values())
    if one:
        title = f"Corpus report: the {scored} articles of {groups[0]}"
        intro = (f"{scored} articles scored, all in one group ({e(group_by)} {e(groups[0])}), so this report "
                 "shows how each score is distributed: the median with its 95&nbsp;% bootstrap confidence "
                 f"interval ({N_BOOT} resamples, seed {SEED}), the quartiles and the range.")
        terms_intro = ("Compared with English at large: the log-odds ratio with an informative Dirichlet prior "
                       "(Monroe, Colaresi &amp; Quinn 2008) against wordfreq's English word frequencies as a "
                       f"reference corpus {BACKGROUND_WEIGHT} times the size of these articles; words with z &gt; 1.96.")
        heading = "Distribution of each score"
    else:
        title = f"Corpus report: scores by {group_by}"
        intro = (f"{scored} articles scored in {len(groups)} groups. Medians with 95&nbsp;% bootstrap "
                 f"confidence intervals ({N_BOOT} resamples, seed {SEED}).")
        terms_intro = ("Fightin' Words: log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; "
                       "Quinn 2008), each group against the others; terms with z &gt; 1.96.")
        heading = "Medians per group"
    caution = (f'<p class="small">⚠ {len(small)} of {len(groups)} groups have fewer than {SMALL_SAMPLE} articles '
               "(marked small sample): their medians and terms rest on few articles and can change a lot with "
               "one more.</p>" if small and not one else
               f'<p class="small">⚠ Small sample: fewer than {SMALL_SAMPLE} articles; read these figures with '
               "caution.</p>" if small else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>framing {e(title[0].lower() + title[1:])}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}th,td{{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}}
thead th{{background:#f4f4f4}}small{{color:#666}}img{{max-width:100%}}ol{{margin:0;padding-left:1.4em}}
.small{{color:#8a4b00;font-weight:normal}}
</style></head><body>
<h1>{e(title)}</h1>
<p>{intro} Shares are percentages.</p>
{caution}
<h2>{heading}</h2>
<table><thead><tr><th></th>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<h2>Distributions</h2>
<img alt="Box plots of the key scores per group" src="data:image/png;base64,{img}">
<h2>Most distinctive terms{'' if one else ' per group'}</h2>
<p>{terms_intro}</p>
<table><thead><tr>{head}</tr></thead><tbody><tr>{term_cells}</tr></tbody></table>
</body></html>
"""


def _write_pdf(path: Path, fig: Any, group_by: str, counts: dict[str, tuple[int, int]], stats: list[GroupStat], metrics: Sequence[tuple[str, str]], distinctive: dict[str, list[Any]]) -> None:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    groups = list(counts)
    one = len(groups) == 1
    small = _small(counts)
    by = {(s.group, s.metric): s for s in stats}
    with PdfPages(path, metadata={"Title": f"framing corpus report by {group_by}"}) as pdf:
        pdf.savefig(fig)
        table = Figure(figsize=(max(8.5, 2.2 * len(groups) + 3.5 + (3 if one else 0)), 11), layout="constrained")
        ax = table.subplots()
        ax.axis("off")
        against = "against English at large (wordfreq)" if one else f"by {group_by}"
        ax.set_title(f"Medians [95% bootstrap CI] and distinctive terms {against}; shares in %", fontsize=11)
        cells = [["Articles scored", *[str(counts[g][0]) + (" *" if g in small else "") for g in groups]]]
        for m, label in metrics:
            cells.append([_short(label, 42), *[_ci(by[(g, m)]) if (g, m) in by else "–" for g in groups]])
            if one and (groups[0], m) in by:
                cells.append(["", _spread(by[(groups[0], m)])])
        depth = max((len(distinctive.get(g, [])) for g in groups), default=0)
        for k in range(depth):
            row = [f"Term {k + 1}" if k else "Distinctive terms"]
            for g in groups:
                ts = distinctive.get(g, [])
                row.append(f"{ts[k].term} ({ts[k].z:.1f})" if k < len(ts) else "")
            cells.append(row)
        t = ax.table(cellText=cells, colLabels=["", *[_short(g, 24) + (" *" if g in small else "") for g in groups]], loc="upper center", cellLoc="left")
        t.auto_set_font_size(False)
        t.set_fontsize(7)
        t.scale(1, 1.3)
        if small:
            table.text(0.02, 0.01, f"* {SMALL_NOTE}", fontsize=8, color="#8a4b00")
        pdf.savefig(table)
