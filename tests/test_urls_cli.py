"""URLs on the command line: `framing score URL`, `framing compare URL FILE --out DIR`,
`framing corpus --urls FILE`, with --offline and --refresh; the report names each URL and when it
was fetched; `framing --help` imports no HTTP library."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from page_server import MENU_PAGE, PARAGRAPHS, PageServer, news_page, serve
from typer.testing import CliRunner

import framing
from framing.cli import app

ROOT = Path(framing.__file__).resolve().parents[1]
CORPUS = Path(__file__).parent.parent / "corpus"
SAMPLE = CORPUS / "strengthening-bonds-a-renewed-emphasis-on-us-israel-relations.txt"
FETCHED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
runner = CliRunner()


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    yield from serve(tmp_path, monkeypatch)


def test_compare_url_and_file_writes_a_full_report(pages: PageServer, tmp_path: Path) -> None:
    url = pages.route("/a.html", news_page())
    out = tmp_path / "report"
    r = runner.invoke(app, ["compare", url, str(SAMPLE), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["comparison.json", "report.html", "report.pdf", "report.png", "scores.csv"]
    assert f"A {url}: " in r.stdout
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    first, second = data["analyses"]
    assert first["url"] == url and first["name"] == url and FETCHED.fullmatch(first["fetched"])
    assert second["url"] is None and second["fetched"] is None
    assert data["articles"][0]["headline"] == "Riverside bridge to reopen next week after repairs"
    html = (out / "report.html").read_text(encoding="utf-8")
    day, minute = first["fetched"][:10], first["fetched"][11:16]
    assert f'<a class="source" href="{url}" rel="noopener noreferrer">{url}</a>, fetched {day} {minute} UTC' in html
    assert PARAGRAPHS[1].split(",")[0].replace("“", "") in html
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() for p in PdfReader(out / "report.pdf").pages[:2])
    assert f"fetched {day} {minute} UTC" in pdf_text
    assert pages.hits["/a.html"] == 1


def test_score_url_json_and_cache_and_refresh(pages: PageServer) -> None:
    url = pages.route("/a.html", news_page())
    first = runner.invoke(app, ["score", url, "-f", "json"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["url"] == url and FETCHED.fullmatch(data["fetched"]) and data["byline"] == "Jane Reporter"
    again = runner.invoke(app, ["score", url, "-f", "json"])
    assert again.exit_code == 0 and pages.hits["/a.html"] == 1  # from the page cache
    assert json.loads(again.stdout)["fetched"] == data["fetched"]
    refreshed = runner.invoke(app, ["score", url, "-f", "json", "--refresh"])
    assert refreshed.exit_code == 0 and pages.hits["/a.html"] == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["/gone.html"], "framing: error: cannot fetch {base}/gone.html: HTTP 404 Not Found"),
        (["/menu.html"], "framing: error: no article text found at {base}/menu.html ("),
        (["/a.html", "--offline"], "framing: error: {base}/a.html: not fetched: offline (settings.offline, --offline)"),
    ],
)
def test_score_failures_are_one_line(pages: PageServer, args: list[str], expected: str) -> None:
    pages.route("/a.html", news_page())
    pages.route("/menu.html", MENU_PAGE)
    base = pages.url("")
    r = runner.invoke(app, ["score", pages.url(args[0]), *args[1:]])
    assert r.exit_code == 2
    assert r.stderr.startswith(expected.format(base=base)) and r.stderr.count("\n") == 1
    assert "Traceback" not in r.output
    if "--offline" in args:
        assert pages.hits["/a.html"] == 0


def test_compare_offline_refuses_before_any_work(pages: PageServer, tmp_path: Path) -> None:
    url = pages.route("/a.html", news_page())
    r = runner.invoke(app, ["compare", url, str(SAMPLE), "--out", str(tmp_path / "r"), "--offline"])
    assert r.exit_code == 2 and "not fetched: offline" in r.stderr
    assert not (tmp_path / "r").exists() and pages.hits["/a.html"] == 0


def test_corpus_urls_file(pages: PageServer, tmp_path: Path) -> None:
    a = pages.route("/news/a.html", news_page(title="First story about the bridge"))
    b = pages.route("/news/b.html", news_page(title="Second story about the bridge"))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two stories and two failures\n{a}\n\n{b}\n{pages.url('/gone.html')}\n"
                       f"{pages.route('/menu.html', MENU_PAGE)}\n", encoding="utf-8")
    out = tmp_path / "scores.csv"
    r = runner.invoke(app, ["corpus", "--urls", str(listing), "--out", str(out), "--workers", "1"])
    assert r.exit_code == 2, r.output  # failures of the input only
    rows = rows_of(out)
    assert [row["file"] for row in rows] == [a, b, pages.url("/gone.html"), pages.url("/menu.html")]
    assert [row["name"] for row in rows] == ["a.html", "b.html", "gone.html", "menu.html"]
    assert {row["folder"] for row in rows} == {"127.0.0.1"}
    assert [row["status"] for row in rows] == ["ok", "ok", "error", "error"]
    assert rows[0]["headline"] == "First story about the bridge"
    assert rows[2]["error_type"] == "FetchError" and "HTTP 404" in rows[2]["error"]
    assert rows[3]["error_type"] == "EmptyArticle" and rows[3]["error"].startswith("no article text found at ")
    assert pages.hits["/news/a.html"] == 1

    again = runner.invoke(app, ["corpus", "--urls", str(listing), "--out", str(out), "--workers", "1"])
    assert again.exit_code == 2 and "2 cached" in again.stdout
    assert pages.hits["/news/a.html"] == 1  # the page cache, then the row cache
    refreshed = runner.invoke(app, ["corpus", a, "--out", str(out), "--workers", "1", "--refresh"])
    assert refreshed.exit_code == 0, refreshed.output
    assert pages.hits["/news/a.html"] == 2  # fetched once again, by the job, not again by the worker


def test_corpus_urls_and_paths_together(pages: PageServer, tmp_path: Path) -> None:
    url = pages.route("/a.html", news_page())
    out = tmp_path / "scores.csv"
    r = runner.invoke(app, ["corpus", str(SAMPLE), url, "--out", str(out), "--workers", "1", "--group-by", "folder"])
    assert r.exit_code == 0, r.output
    rows = rows_of(out)
    assert [row["folder"] for row in rows] == ["corpus", "127.0.0.1"]


def test_corpus_offline_records_urls_as_failed(pages: PageServer, tmp_path: Path) -> None:
    url = pages.route("/a.html", news_page())
    out = tmp_path / "scores.csv"
    r = runner.invoke(app, ["corpus", url, "--out", str(out), "--workers", "1", "--offline"])
    assert r.exit_code == 2
    row = rows_of(out)[0]
    assert row["status"] == "error" and "not fetched: offline" in row["error"]
    assert pages.hits["/a.html"] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("http://127.0.0.1/a.html\nnot a url\n", "line 2: not a URL: not a url"),
        ("ftp://127.0.0.1/a.html\n", "line 1: ftp://127.0.0.1/a.html: only http:// and https:// URLs can be fetched"),
    ],
)
def test_corpus_urls_file_with_a_bad_line(tmp_path: Path, content: str, expected: str) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(content, encoding="utf-8")
    r = runner.invoke(app, ["corpus", "--urls", str(listing), "--out", str(tmp_path / "o.csv")])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"framing: error: --urls {listing} {expected}"


def test_corpus_needs_paths_or_urls(tmp_path: Path) -> None:
    r = runner.invoke(app, ["corpus", "--out", str(tmp_path / "o.csv")])
    assert r.exit_code == 2 and "--urls FILE" in r.stderr


def test_corpus_urls_file_missing(tmp_path: Path) -> None:
    r = runner.invoke(app, ["corpus", "--urls", str(tmp_path / "none.txt"), "--out", str(tmp_path / "o.csv")])
    assert r.exit_code == 2 and r.stderr.strip() == f"framing: error: --urls {tmp_path / 'none.txt'}: no such file"


def test_help_imports_no_http_library() -> None:
    heavy = ["httpx", "httpcore", "trafilatura", "platformdirs", "ssl", "framing.web.fetch"]
    code = (
        "import sys; from framing.cli import app; "
        "from typer.testing import CliRunner; "
        "r = [CliRunner().invoke(app, args) for args in (['--help'], ['score', '--help'], ['compare', '--help'], ['corpus', '--help'])]; "
        "assert all(x.exit_code == 0 for x in r); "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize("command", ["score", "compare", "corpus"])
def test_help_names_urls_and_the_options(command: str) -> None:
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    assert "URLs" in text and "--offline" in text and "--refresh" in text


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_while_fetching_exits_at_once(pages: PageServer, tmp_path: Path) -> None:
    urls = [pages.route(f"/hangs{i}.html", news_page(), delay=30.0) for i in range(2)]
    cli = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
           "sys.argv[0] = 'framing'; from framing.cli import app; app()")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", cli, "compare", *urls, "--out", str(tmp_path / "r")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        end = time.monotonic() + 60
        while sum(pages.hits.values()) < 2:  # both requests are under way
            assert proc.poll() is None and time.monotonic() < end, proc.communicate()
            time.sleep(0.01)
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=20)
        waited = time.monotonic() - start
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, (stdout, stderr)
    assert stderr.strip() == "framing: error: interrupted"
    assert waited < 3.0, waited  # not the 15 s read timeout, nor the server's 30 s
    assert not (tmp_path / "r").exists()
