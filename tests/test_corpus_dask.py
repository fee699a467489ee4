"""`--scheduler`: the same job on a Dask distributed cluster (started here, on loopback only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed", reason='Dask is an optional extra: pip install "framing[dask]"')

from framing.corpus import score_corpus  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for i, seed in enumerate(sorted(FIXTURES.glob("*.txt"))):
        (root / f"outlet{i}").mkdir(parents=True)
        shutil.copy(seed, root / f"outlet{i}" / seed.name)
    (root / "outlet0" / "empty.txt").write_text("", encoding="utf-8")
    return root


@pytest.fixture
def scheduler() -> object:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, host="127.0.0.1",
        dashboard_address=None, protocol="tcp",
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_equals_local(corpus: Path, scheduler: str, tmp_path: Path) -> None:
    assert scheduler.startswith("tcp://127.0.0.1:")
    local = score_corpus(corpus, workers=1)
    remote = score_corpus(corpus, scheduler=scheduler, out=tmp_path / "r.parquet")
    pd.testing.assert_frame_equal(local, remote)
    assert sorted(remote["status"]) == ["error", "ok", "ok"]


def test_unreachable_scheduler_is_a_clear_error(corpus: Path) -> None:
    from framing.errors import FramingError

    with pytest.raises(FramingError, match="cannot reach the Dask scheduler"):
        from framing.corpus.runner import DaskRunner
        from framing.settings import Settings

        DaskRunner(Settings(), "tcp://127.0.0.1:9", timeout=1)
