"""The service's load harness (bench/service_load.py) at a tiny scale against the real service in a
subprocess: every upload checked and none lost, the service stopped however the run ends; and its
figures computed from known samples. No timing is asserted."""

from __future__ import annotations

import asyncio
import math
import random
import sys
from pathlib import Path

import httpx
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from load_figures import Run, Sample, Upload, figures, percentile, table  # noqa: E402
from served import served  # noqa: E402
from service_load import SAMPLES, next_page, pick_bundles, reconcile, run_load  # noqa: E402


def test_percentile_is_nearest_rank():
    hundred = list(range(1, 101))
    random.Random(7).shuffle(hundred)
    assert percentile(hundred, 95) == 95
    assert percentile(hundred, 50) == 50
    assert percentile(list(range(1, 21)), 95) == 19
    assert percentile([0.3], 95) == 0.3
    assert math.isnan(percentile([], 95))


def test_figures_count_uploads_latency_and_errors():
    uploads = [
        Upload("a", 100, 201, 0.2, 1, 1, "done", 30.0),
        Upload("b", 50, 201, 0.1, 2, 2, "failed", 40.0),
        Upload("c", 70, 201, 0.1, 3, 3, "queued"),
        Upload("d", 10, 503, 0.1),
    ]
    samples = [Sample("queue /", n / 1000, 200) for n in range(1, 101)]
    samples += [
        Sample("report.html", 0.5, 303),
        Sample("report.html", 9.0, 500),
        Sample("queue /", 1, "ReadTimeout"),
    ]
    result = figures(Run(uploads, samples, seconds=20.6, clients=3))
    assert result["uploads"] == {
        "sent": 4,
        "accepted": 3,
        "done": 1,
        "failed": 1,
        "lost": 1,
        "lost_states": {"queued": 1},
        "bytes": 230,
        "upload_p95_ms": 200.0,
    }
    assert result["all_checked_s"] is None  # one accepted upload never settled
    assert result["page_requests_per_s"] == 5.0  # 103 requests in 20.6 s
    assert result["pages"]["queue /"] == {"requests": 101, "p50_ms": 50.0, "p95_ms": 95.0, "max_ms": 100.0}
    # a failed request is counted as an error, not as a latency
    assert result["pages"]["report.html"]["max_ms"] == 500.0
    assert result["errors"] == {"500": 1, "ReadTimeout": 1, "upload 503": 1}
    shown = table(result)
    assert "| queue / | 101 | 50 ms | 95 ms | 100 ms |" in shown
    assert "500: 1, ReadTimeout: 1, upload 503: 1" in shown


def test_figures_time_until_all_checked_and_throughput():
    uploads = [Upload(name, 10, 201, 0.1, n, n, "done", 15.0 + 15 * n) for n, name in enumerate("ab")]
    result = figures(Run(uploads, [Sample("queue /", 0.01, 200)], seconds=31.0))
    assert result["all_checked_s"] == 30.0
    assert result["bundles_per_minute"] == 4.0


def test_pick_bundles_spreads_from_smallest_to_largest():
    picked = pick_bundles(5)
    size = {
        p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) for p in SAMPLES.iterdir() if p.is_dir()
    }
    assert len(set(picked)) == 5
    assert size[picked[0]] == min(size.values()) and size[picked[-1]] == max(size.values())
    assert [size[p] for p in picked] == sorted(size[p] for p in picked)


def test_next_page_asks_the_queue_until_an_upload_is_known():
    chooser = random.Random(1)
    waiting = [Upload("a", 1)]
    assert next_page("request /requests/ID", waiting, chooser) == ("queue /", "/")
    assert next_page("queue /api/requests", waiting, chooser) == ("queue /api/requests", "/api/requests")
    known = [Upload("a", 1, 201, 0.1, 7, 9, "checking")]
    assert next_page("request /api/requests/ID", known, chooser) == (
        "request /api/requests/ID",
        "/api/requests/7",
    )
    assert next_page("report.html", known, chooser) == ("queue /", "/")
    known[0].state = "done"
    assert next_page("report.html", known, chooser) == (
        "report.html",
        "/requests/7/submissions/1/report.html",
    )


def test_reconcile_counts_an_upload_missing_or_without_its_report_as_lost():
    def service(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/requests":
            rows = [{"id": n, "latest": {"id": n, "state": "done"}} for n in (1, 2)]
            return httpx.Response(200, json={"requests": rows})
        if request.url.path == "/requests/1/submissions/1/report.json":
            return httpx.Response(200, json={"summary": {"verdict": "ready"}})
        return httpx.Response(404, json={"error": "no such page"})

    uploads = [Upload(name, 1, 201, 0.1, n, n, "done", 1.0) for n, name in enumerate("abc", start=1)]

    async def reconciled():
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(service), base_url="http://test"
        ) as client:
            await reconcile(client, uploads)

    asyncio.run(reconciled())
    assert [u.state for u in uploads] == ["done", "report missing", "missing"]
    assert figures(Run(uploads, seconds=1.0))["uploads"]["lost_states"] == {"report missing": 1, "missing": 1}


def test_load_checks_every_upload_and_loses_none(tmp_path):
    bundles = [SAMPLES / "s251-request-only", SAMPLES / "s251-baseline"]
    with served(tmp_path / "data") as service:
        run = asyncio.run(run_load(service, bundles, clients=3, timeout=60))
    result = figures(run)
    assert result["uploads"]["accepted"] == 2
    assert result["uploads"]["done"] == 2 and result["uploads"]["lost"] == 0
    assert not run.timed_out and result["all_checked_s"] is not None
    assert result["errors"] == {}
    assert result["overall"]["requests"] == len(run.samples) > 0
    assert {u.request for u in run.uploads} == {1, 2}
    assert run.service_cpu_s > 0 and run.client_cpu_s > 0  # measured, whatever they are
    with pytest.raises(httpx.ConnectError):  # stopped once the run is over
        httpx.get(f"{service.url}/api/signin", timeout=2)


def test_service_is_stopped_when_the_run_raises(tmp_path):
    with pytest.raises(KeyboardInterrupt), served(tmp_path / "data") as service:
        assert httpx.get(f"{service.url}/api/signin", timeout=5).status_code == 200
        raise KeyboardInterrupt
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{service.url}/api/signin", timeout=2)
