"""Dask as users run it: a plain script, a real scheduler with worker processes, partitioned datasets.

Every subprocess here is bounded in time and stopped at the end; the cluster listens on the
loopback only.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.batches import GUARD, unguarded_script
from tests.conftest import ROOT

EVENT = ROOT / "data" / "corpora" / "nato-japan-2023"
BIN = Path(sys.executable).parent
#: Seconds a started process may take to come up (workers import the package and load the models).
START_TIMEOUT = 90

SCRIPT = """
import pandas as pd
from analysis import load_corpus

texts = [f"Dana Korvel said on Monday that depot {i} would open in Lima." for i in range(24)]
corpus = load_corpus(pd.DataFrame({"text": texts, "layout": "plain"}), progress=False)
print("articles", len(corpus.articles), int(corpus.articles["error"].isna().sum()))
"""


def _run_script(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(path)], cwd=path.parent, capture_output=True, text=True, timeout=240,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    )  # fmt: skip


def test_a_script_without_the_main_guard_runs_in_one_process_with_one_clear_warning(tmp_path):
    script = tmp_path / "compare.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = _run_script(script)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["articles", "24", "24"]
    assert done.stderr.count(GUARD) == 2  # one warning, naming the guard twice (the problem and the fix)
    assert "CorpusWarning" in done.stderr and str(script) in done.stderr
    assert "Nanny failed" not in done.stderr and "Traceback" not in done.stderr


def test_guard_detection_reads_where_the_script_calls(tmp_path):
    guarded = tmp_path / "guarded.py"
    guarded.write_text(
        "from analysis.batches import unguarded_script\n\n"
        f"{GUARD}\n    print('found', unguarded_script())\n",
        encoding="utf-8",
    )
    bare = tmp_path / "bare.py"
    bare.write_text("from analysis.batches import unguarded_script\nprint('found', unguarded_script())\n")
    assert _run_script(guarded).stdout.strip() == "found None"
    assert _run_script(bare).stdout.strip() == f"found {bare}"
    assert unguarded_script() is None  # pytest's own entry point has the guard
    package = tmp_path / "runner"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(bare.read_text())
    done = subprocess.run([sys.executable, "-m", "runner"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "found None"  # python -m package: its __main__ is never re-run


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _process(args: list[str], log: Path):
    """Start a process in its own group, logging to ``log``; stop the group at the end."""
    with log.open("w") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def _wait_for_workers(address: str, n: int, logs: list[Path]) -> None:
    from distributed import Client

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with Client(address, timeout=10) as client:
                client.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                return
        except (OSError, TimeoutError) as exc:
            if time.monotonic() > deadline:
                tails = "\n".join(p.read_text(errors="replace")[-1500:] for p in logs)
                raise AssertionError(f"cluster did not come up: {exc}\n{tails}") from exc
            time.sleep(1)


def test_load_corpus_on_a_real_scheduler_with_two_worker_processes(tmp_path):
    pytest.importorskip("distributed")
    dask = BIN / "dask"
    if not dask.exists():
        pytest.skip(f"no dask command beside {sys.executable} (the distributed package installs it)")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = [str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    worker = [str(dask), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
              "--host", "127.0.0.1", "--local-directory", str(tmp_path / "workers")]  # fmt: skip
    logs = [tmp_path / "scheduler.log", tmp_path / "worker-1.log", tmp_path / "worker-2.log"]
    paths = sorted(EVENT.glob("*.txt"))
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n", encoding="utf-8")
    with _process(scheduler, logs[0]), _process(worker, logs[1]), _process(worker, logs[2]):
        _wait_for_workers(address, 2, logs)
        remote = load_corpus([*paths, bad], scheduler=address, progress=False, tables_dir=tmp_path / "remote")
    local = load_corpus([*paths, bad], scheduler="synchronous", progress=False)
    pd.testing.assert_frame_equal(remote.articles, local.articles)
    for name in local.table_names:
        pd.testing.assert_frame_equal(remote.table(name), local.table(name), obj=name)
    assert "empty" in remote.articles.set_index("article_id").loc["empty", "error"]


def test_partition_on_a_column_writes_hive_directories_and_the_same_tables(tmp_path):
    plain = load_corpus(EVENT, scheduler="synchronous", progress=False)
    split = load_corpus(EVENT, scheduler="synchronous", progress=False, tables_dir=tmp_path, partition_on="outlet")
    dirs = sorted(p.name for p in (tmp_path / "quotes").iterdir() if p.is_dir())
    assert dirs == sorted(f"outlet={o.replace(' ', '%20')}" for o in set(plain.articles["outlet"]))
    for name in ("quotes", "actors", "entities", "identities"):
        pd.testing.assert_frame_equal(split.table(name), plain.table(name), obj=name)
    one = pd.read_parquet(tmp_path / "quotes", filters=[("outlet", "==", "NATO")])
    assert set(one["article_id"]) == set(plain.articles.loc[plain.articles["outlet"] == "NATO", "article_id"])
    by_kind = load_corpus(EVENT, scheduler="synchronous", progress=False, tables_dir=tmp_path / "k", partition_on="kind")
    assert len([p for p in (tmp_path / "k" / "sentences").iterdir() if p.is_dir()]) == by_kind.articles["kind"].nunique()
    with pytest.raises(Exception, match="not a column"):
        load_corpus(EVENT, scheduler="synchronous", progress=False, partition_on="no_such_column")


def test_readme_guard_wording_is_what_the_warning_names():
    assert GUARD == 'if __name__ == "__main__":'
    assert textwrap.dedent(GUARD) == GUARD


def test_a_worker_that_sees_the_tables_folder_writes_there_and_one_elsewhere_returns_bytes(tmp_path):
    from analysis.batches import TOKEN_FILE, Writer, analyse_batch

    items = [{"article_id": "a", "text": "Dana Korvel said on Monday that the depot would open.", "layout": "plain"}]
    writer = Writer(tmp_path)
    here = writer.destination(3)
    rows, parts = analyse_batch(items, None, here)
    assert rows[0]["error"] is None and all(v is None for by_dir in parts.values() for v in by_dir.values())
    assert (tmp_path / "quotes" / "part-00003.parquet").is_file()
    elsewhere = (str(tmp_path / "not-shared"), here[1], 4)
    _, parts = analyse_batch(items, None, elsewhere)
    assert all(isinstance(v, bytes) for by_dir in parts.values() for v in by_dir.values())
    _, parts = analyse_batch(items, None, (here[0], "another-run", 5))  # a stale token is not this run's
    assert all(isinstance(v, bytes) for by_dir in parts.values() for v in by_dir.values())
    writer.write(3, {"quotes": {"": None}})
    writer.finish()
    assert not (tmp_path / TOKEN_FILE).exists()
    assert set(pd.read_parquet(tmp_path / "quotes")["article_id"]) <= {"a"}
