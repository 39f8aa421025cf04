# ruff: noqa: RUF001
"""The benchmark harness, in seconds: every scenario app answers correctly under each of its real
servers, a tiny run writes a results file that validates, the instruction count repeats within
1%, and the pages' figures follow the noise rule. The full benchmark is `make bench`, not a test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench import instructions
from bench.database import ensure_database
from bench.harness import Server, ServerFailed, parse_wrk
from bench.suite import APPS, BASELINE, FORTUNES, cells, check_answer
from fieldguide import bench_render
from fieldguide.benchmarks import (
    Results,
    Spread,
    latest,
    load_results,
    result_files,
    schema_path,
    schema_text,
    tiers,
)
from tests.support import ROOT, coverage_paused

CELLS = cells()


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing system tools {missing}: apt-get install wrk valgrind gcc util-linux")


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str | None]:
    """Start every (app, server) pair, a few at a time; None where all four routes answered
    correctly (Server checks status, content type and body of each), else what went wrong."""
    require("taskset")
    ensure_database()
    log = tmp_path_factory.mktemp("bench") / "servers.log"

    def start(cell: tuple[str, str, str]) -> str | None:
        try:
            with Server(cell[0], cell[1], cpu=0, log=log):
                return None
        except ServerFailed as error:
            return f"{error}\n{log.read_text(errors='replace')[-2000:]}"

    with coverage_paused(), ThreadPoolExecutor(max_workers=4) as pool:
        return {
            cell[:2]: problem for cell, problem in zip(CELLS, pool.map(start, CELLS), strict=True)
        }


@pytest.mark.parametrize(("app", "server"), [cell[:2] for cell in CELLS])
def test_scenario_app_answers_under_its_real_server(answers, app: str, server: str) -> None:
    assert answers[app, server] is None


def test_every_app_runs_on_its_advised_server_and_the_common_one() -> None:
    pairs = {(a, s) for a, s, _ in CELLS}
    assert pairs >= {(a.id, a.advised_server) for a in APPS.values()}
    assert {s for _, s, role in CELLS if role == "common"} == {"granian"}
    assert {a.interface for a in APPS.values() if a.baseline} == {"wsgi", "asgi"}
    # each framework's ratio divides by a baseline measured on the framework's own server
    assert pairs >= {(BASELINE[a.interface], a.advised_server) for a in APPS.values()}
    assert ("bare_asgi", "hypercorn") in pairs and ("bare_wsgi", "hypercorn") not in pairs


GOOD_TEMPLATE = (
    "<table>" + "<tr>" * (len(FORTUNES) + 1) + "&lt;script&gt; フレームワーク</table>"
).encode()


@pytest.mark.parametrize(
    ("scenario", "answer", "problem"),
    [
        ("json", (200, "application/json", b'{"message": "Hello, World!"}'), None),
        ("json", (500, "application/json", b'{"message": "Hello, World!"}'), "status 500"),
        ("json", (200, "text/html", b'{"message": "Hello, World!"}'), "content type"),
        ("json", (200, "application/json", b'{"message": "Hello"}'), "body"),
        ("db", (200, "application/json", b'{"id": 3, "name": "item 3", "price": 21}'), None),
        ("db", (200, "application/json", b'{"id": 3, "name": "item 4", "price": 21}'), "body"),
        ("db", (200, "application/json", b'{"id": 0, "name": "item 0", "price": 0}'), "id 0"),
        ("template", (200, "text/html; charset=utf-8", GOOD_TEMPLATE), None),
        (
            "template",
            (200, "text/html", GOOD_TEMPLATE.replace(b"&lt;script&gt;", b"<script>")),
            "not escaped",
        ),
        ("template", (200, "text/html", GOOD_TEMPLATE.replace(b"<tr>", b"", 1)), "table rows"),
        ("io_wait", (200, "application/json", b'{"waited_ms": 20}'), None),
        ("io_wait", (200, "application/json", b'{"waited_ms": 0}'), "body"),
    ],
)
def test_answer_check_catches_wrong_answers(scenario, answer, problem) -> None:
    found = check_answer(scenario, *answer)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:8000/json
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20ms  300.00us   9.00ms   90.00%
  Latency Distribution
     50%  1.10ms
     75%  1.30ms
     90%  1.60ms
     99%    2.50s
  13000 requests in 2.00s, 2.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   6500.00
Transfer/sec:      1.00MB
"""


def test_wrk_output_is_read_with_units_and_errors() -> None:
    figures = parse_wrk(WRK_OUTPUT)
    assert figures == {
        "requests": 13000,
        "rps": 6500.0,
        "latency_ms": {"p50": 1.1, "p75": 1.3, "p90": 1.6, "p99": 2500.0},
        "errors": 7,
    }
    with pytest.raises(ValueError, match="cannot read"):
        parse_wrk("wrk: connection refused")


@pytest.fixture(scope="module")
def smoke_results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    """A real run, as small as it gets: one app pair, one scenario, 1 s runs. The threshold of
    -1 CPUs rejects every run, so the retry and the counting of rejected runs are exercised."""
    require("wrk", "taskset")
    out = tmp_path_factory.mktemp("bench") / "smoke.json"
    with coverage_paused():  # the bench apps are not snippets; a traced server is slower
        subprocess.run(
            [sys.executable, "-m", "bench", "run", "--rounds", "1", "--duration", "1",
             "--warmup", "0", "--apps", "bare_wsgi", "--scenarios", "json", "--no-instructions",
             "--max-other-load", "-1", "--max-attempts", "2", "--seed", "7", "--quiet",
             "--note", "smoke test", "--output", str(out)],
            cwd=ROOT, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    return load_results(out)


def test_smoke_run_writes_a_results_file_that_validates(smoke_results: Results) -> None:
    results = smoke_results
    assert results.machine.logical_cpus >= 2 and results.machine.cpu_model
    assert {"gunicorn", "granian", "sqlalchemy"} <= set(results.packages)
    assert [(r.server, r.kind, r.attempt) for r in results.runs if r.server == "gunicorn"] == [
        ("gunicorn", "throughput", 1),
        ("gunicorn", "throughput", 2),
        ("gunicorn", "latency", 1),
        ("gunicorn", "latency", 2),
    ]
    assert len(results.runs) == 8
    for run in results.runs:
        assert run.requests > 0 and run.rps > 0 and run.errors == 0
        assert run.rejected and "other processes used" in run.reject_reason
    assert {(m.app, m.server) for m in results.memory} == {
        ("bare_wsgi", "gunicorn"),
        ("bare_wsgi", "granian"),
    }
    assert all(m.rss_kib > 1000 for m in results.memory)
    assert results.notes == ["smoke test"]
    assert results.failures == []


def test_rejected_runs_are_shown_as_disturbed(smoke_results: Results) -> None:
    html = bench_render.throughput(smoke_results, "advised", "json")
    assert "<svg" in html and "<table>" in html
    assert "⚠" in html
    assert "0 / 4" in html  # kept / rejected


def test_a_baseline_gets_a_row_for_each_server_it_ran_on_in_the_role(
    smoke_results: Results,
) -> None:
    extra = [
        run.model_copy(update={"server": "hypercorn"})
        for run in smoke_results.runs
        if run.role == "advised"
    ]
    results = smoke_results.model_copy(update={"runs": [*smoke_results.runs, *extra]})
    assert [(app.id, server) for app, server in bench_render.table_rows(results, "advised")] == [
        ("bare_wsgi", "gunicorn"),
        ("bare_wsgi", "hypercorn"),
    ]
    assert [(a.id, s) for a, s in bench_render.table_rows(results, "common")] == [
        ("bare_wsgi", "granian")
    ]
    assert bench_render.throughput(results, "advised", "json").count("bare WSGI (baseline)") == 2


def test_results_schema_is_generated_from_the_model_and_fresh() -> None:
    assert schema_path(ROOT).read_text(encoding="utf-8") == schema_text(), (
        "run `python -m bench schema`"
    )


def test_committed_results_validate_and_the_site_has_one() -> None:
    files = result_files(ROOT)
    assert files, "commit a results file made by `make bench`"
    for path in files:
        load_results(path)
    path, results = latest(ROOT)
    assert path == files[-1]
    html = bench_render.summary(path, results)
    assert path.name in html


def test_instruction_count_repeats_within_one_percent() -> None:
    """Two separate callgrind runs of the same requests agree to within 1%."""
    require("valgrind", "gcc")
    with coverage_paused(), ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(
            lambda _: instructions.count(
                "bare_wsgi", small=5, large=25, repeats=1, scenarios=("json",)
            )[0]["per_request"],
            range(2),
        )
    assert first > 1000
    assert abs(first - second) / min(first, second) < 0.01, (first, second)


def test_gaps_within_the_noise_share_a_tier() -> None:
    rows = [
        ("a", Spread(median=10, low=9, high=11, n=5)),
        ("b", Spread(median=10.5, low=10.8, high=12, n=5)),
        ("c", Spread(median=5, low=4, high=6, n=5)),
        ("d", None),
    ]
    assert tiers(rows) == {"b": "1", "a": "1", "c": "2", "d": "–"}


def test_throughput_tiers_rank_requests_per_second_not_ratios_to_different_baselines() -> None:
    """WSGI and ASGI apps divide by different baselines, so their ratios are not comparable;
    tiers come from the req/s ranges, and a higher tier never has a higher median."""
    _, results = latest(ROOT)
    html = bench_render.throughput(results, "common", "json")
    body = html[html.index("<tbody>") :]
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]
    tiered = [  # (median req/s, tier) of each framework row
        (int(cells[2].split("<br>")[0].replace(",", "")), int(cells[4]))
        for cells in rows
        if cells[4].isdigit()
    ]
    assert len(tiered) >= 3
    by_speed = sorted(tiered, reverse=True)
    assert [tier for _, tier in by_speed] == sorted(tier for _, tier in by_speed)
    assert "requests per second" in html
