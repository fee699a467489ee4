"""examples/compare.ipynb runs from start to end in a Jupyter kernel (nbclient), offline, and its
outputs are the report inline (with its highlights), the scores table and the saved files.

The notebook is run from a copy, in a temporary ``examples/`` folder beside a copy of ``corpus/``,
so that its relative path (``../corpus``) is what is tested and nothing is written in the
checkout. The kernel is this interpreter (a kernel spec made for the test, not whatever
"python3" the machine has)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra: pip install '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra: pip install '.[test]'")
pytest.importorskip("ipykernel", reason="ipykernel is in the test extra: pip install '.[test]'")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "compare.ipynb"
KERNEL = "framing-test-python"


def test_the_notebook_is_kept_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 5
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert any('Path("..") / "corpus"' in c.source for c in code)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nb")
    (tmp / "examples").mkdir()
    shutil.copy(NOTEBOOK, tmp / "examples" / NOTEBOOK.name)
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    # a kernel spec for this interpreter, found first through JUPYTER_PATH; Jupyter's and
    # IPython's own folders in the temporary folder too, so the test touches no home folder
    spec = tmp / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "framing test", "language": "python",
    }), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(tmp / "jupyter"))
    mp.setenv("JUPYTER_RUNTIME_DIR", str(tmp / "runtime"))
    mp.setenv("IPYTHONDIR", str(tmp / "ipython"))
    mp.setenv("JUPYTER_PLATFORM_DIRS", "1")
    # the kernel imports framing as this process does (a checkout on sys.path, or installed)
    mp.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    try:
        nb = nbformat.read(tmp / "examples" / NOTEBOOK.name, as_version=4)
        client = nbclient.NotebookClient(
            nb, kernel_name=KERNEL, timeout=600, allow_errors=False,
            resources={"metadata": {"path": str(tmp / "examples")}},
        )
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
    finally:
        mp.undo()
    print(f"notebook executed in {seconds:.1f} s")
    return nb, tmp, seconds


def _outputs(cell, mime):
    return [o["data"][mime] for o in cell.outputs if o.get("output_type") in ("execute_result", "display_data") and mime in o.get("data", {})]


def test_every_cell_runs_without_an_error(executed):
    nb, _tmp, _seconds = executed
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.get("output_type") == "error"], cell.source
            assert not [o for o in cell.outputs if o.get("name") == "stderr"], (cell.source, cell.outputs)


def test_the_comparison_shows_as_the_report_with_its_highlights(executed):
    nb, _tmp, _seconds = executed
    cell = next(c for c in nb.cells if c.cell_type == "code" and "framing.compare(paths)" in c.source)
    (html,) = _outputs(cell, "text/html")
    assert html.startswith('<section class="framing-report" id="framing-')
    assert html.count('<mark class="hl') > 100
    for part in ("Summary", "At a glance: whose voice is it?", "The texts, annotated", "k-evaluative", "k-quote", "<svg"):
        assert part in html, part
    assert "Netanyahu" in html and "Strengthening Bonds" in html
    (text,) = _outputs(cell, "text/plain")
    assert text.startswith("Comparison: How two articles frame the same story") and len(text) < 2000


def test_the_scores_table_and_one_article(executed):
    nb, _tmp, _seconds = executed
    cells = [c for c in nb.cells if c.cell_type == "code"]
    table = next(c for c in cells if "to_frame()" in c.source)
    (html,) = _outputs(table, "text/html")
    assert "sourcing.direct_quotes" in html and "<table" in html
    one = next(c for c in cells if c.source.strip() == "comparison.analyses[1]")
    (html,) = _outputs(one, "text/html")
    assert "framing-analysis" in html and html.count('<mark class="hl') > 30
    pasted = next(c for c in cells if "pasted = framing.analyse(" in c.source)
    (html,) = _outputs(pasted, "text/html")
    assert "Council approves new bridge" in html and "k-first-person" in html


def test_the_saved_files_are_the_report(executed):
    nb, tmp, _seconds = executed
    cell = next(c for c in nb.cells if c.cell_type == "code" and ".save(" in c.source)
    (text,) = _outputs(cell, "text/plain")
    assert text == "['report.html', 'comparison.json', 'scores.csv']"
    (folder,) = (tmp / "reports").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == ["comparison.json", "report.html", "scores.csv"]
    assert json.loads((folder / "comparison.json").read_text(encoding="utf-8"))["schema"].startswith("framing.comparison/")
