"""Test hooks for the corpus tests, importable by the spawned workers (the tests folder is on
their sys.path). Articles behave by their file name:

* a name with ``crash``: the worker process dies (a segfault or the out-of-memory killer, as far as the
  pool can tell);
* a name with ``slow``, when ``FRAMING_TEST_SLOW=SECONDS`` is set: the worker writes ``slow-PID`` into the
  folder ``FRAMING_TEST_MARKS`` and sleeps that long (a pathological article);
* with ``FRAMING_TEST_FAKE=1`` every other article gets a fixed row at once, without the NLP
  pipeline (the process-handling tests do not need real scores), a name with ``empty`` an
  ``EmptyArticle`` error row, and the workers skip the warm-up.

``main(argv)`` runs the CLI with these hooks in a subprocess (the kill tests). There,
``FRAMING_TEST_PAUSE=write`` stops after the first batch is written to the temporary output,
``FRAMING_TEST_PAUSE=replace`` just before the output is put in place; each writes ``pause-WHAT``
into the marks folder and sleeps. ``FRAMING_TEST_BATCH=N`` writes batches of N rows.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import Any

import framing.corpus.worker as worker
from framing.corpus.worker import score_chunk as real_score_chunk
from framing.settings import DEFAULT_SETTINGS, Settings

real_score_one = worker.score_one
FAKE_ROW = {
    "headline": "A headline", "byline": None, "words": 12, "pipeline": "fake", "status": "ok",
    "error": None, "error_type": None, "warnings": None,
    "sourcing.quoted_share": 0.25, "readability.flesch_reading_ease": 60.0,
}


def mark(name: str) -> None:
    folder = os.environ.get("FRAMING_TEST_MARKS")
    if folder:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(str(os.getpid()))


def score_one(path: str, settings: Settings = DEFAULT_SETTINGS, terms: bool = False) -> dict[str, Any]:
    name = os.path.basename(path)
    if "crash" in name:
        os._exit(3)
    if "slow" in name and os.environ.get("FRAMING_TEST_SLOW"):
        mark(f"slow-{os.getpid()}")
        time.sleep(float(os.environ["FRAMING_TEST_SLOW"]))
    if os.environ.get("FRAMING_TEST_FAKE"):
        if "empty" in name:
            return worker.error_row(f"{path}: the article is empty", "EmptyArticle")
        return dict(FAKE_ROW)
    return real_score_one(path, settings, terms)


def score_chunk(
    paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS, terms: bool = False, task: int | None = None
) -> list[dict[str, Any]]:
    worker.score_one = score_one  # in this worker process; the real score_chunk posts on the board
    return real_score_chunk(paths, settings, terms, task)


def init_worker(settings: Settings = DEFAULT_SETTINGS, warm: bool = True, *rest: Any) -> None:
    worker.init_worker(settings, warm and not os.environ.get("FRAMING_TEST_FAKE"), *rest)


def _pause(what: str) -> None:
    mark(f"pause-{what}")
    time.sleep(600)


def main(argv: list[str]) -> None:
    import framing.corpus.job as job_mod
    import framing.corpus.runner as runner_mod
    import framing.corpus.writer as writer_mod
    from framing.cli import app

    worker.score_one = score_one  # --workers 1 scores in this process
    runner_mod.score_chunk = score_chunk
    runner_mod.init_worker = init_worker
    if os.environ.get("FRAMING_TEST_BATCH"):
        job_mod.CorpusJob.__init__.__kwdefaults__["batch_rows"] = int(os.environ["FRAMING_TEST_BATCH"])
    pause = os.environ.get("FRAMING_TEST_PAUSE")
    if pause == "write":
        real_write = writer_mod.RowWriter._write

        def write_then_pause(self: Any, table: Any) -> None:
            real_write(self, table)
            _pause("write")

        writer_mod.RowWriter._write = write_then_pause  # type: ignore[method-assign]
    elif pause == "replace":
        real_replace = os.replace

        def pause_then_replace(src: Any, dst: Any) -> None:
            if str(dst).endswith((".parquet", ".csv")):
                _pause("replace")
            real_replace(src, dst)

        writer_mod.os.replace = pause_then_replace  # type: ignore[assignment]
    app(argv, prog_name="framing")


if __name__ == "__main__":
    main(sys.argv[1:])
