"""The web service's load benchmark (issue 17): uploads checked while many clients read pages.

    python bench/service_load.py [--uploads 20] [--clients 50] [--workers N] [--json FILE]

It starts the real service (`dars-evidence serve` on 127.0.0.1, a free port, a temporary data
folder, one reviewer), signs in through the JSON API, then at once sends `--uploads` bundles (zips
made in memory from that many different sample bundles, smallest to largest) and runs `--clients`
page clients, each requesting pages in a loop without pause: the queue (`/`, `/api/requests`),
the requests' pages (HTML and JSON) and the reports of those checked. The clients stop when every
upload is done or failed (polled on `/api/requests/ID`) or at `--timeout`. It prints how many uploads
were accepted, checked, failed and lost, the time until all were checked, the throughput, the page
latency (p50, p95, max) by kind of page, and the errors by status. The service is always stopped.

Loopback only; the client runs on the same cores as the service, so its own work is in the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_figures import SETTLED, Run, Sample, Upload, figures, table  # noqa: E402
from measure import machine  # noqa: E402
from served import Service, served  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
POLL_SECONDS = 0.5
PAGE_KINDS = (
    "queue /",
    "queue /api/requests",
    "request /requests/ID",
    "request /api/requests/ID",
    "report.html",
)


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return buffer.getvalue()


def pick_bundles(count: int, samples: Path = SAMPLES) -> list[Path]:
    """`count` different sample bundle folders spread evenly from the smallest to the largest."""
    folders = sorted(
        (sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()), folder.name, folder)
        for folder in samples.iterdir()
        if folder.is_dir()
    )
    if not 0 < count <= len(folders):
        raise SystemExit(f"--uploads must be between 1 and {len(folders)}, the sample bundle folders")
    if count == 1:
        return [folders[0][2]]
    return [folders[round(i * (len(folders) - 1) / (count - 1))][2] for i in range(count)]


async def sign_in(client: httpx.AsyncClient, name: str, password: str) -> str:
    """Signs in through the JSON API; the session's CSRF token."""
    first = await client.get("/api/signin")
    first.raise_for_status()
    answer = await client.post(
        "/api/signin",
        json={"name": name, "password": password},
        headers={"X-CSRF-Token": first.json()["csrf"]},
    )
    answer.raise_for_status()
    return answer.json()["csrf"]


async def send_upload(client: httpx.AsyncClient, csrf: str, upload: Upload, body: bytes) -> None:
    start = time.perf_counter()
    try:
        answer = await client.post(
            "/api/requests",
            data={"title": f"LOAD-{upload.bundle}"},
            files={"bundle": (f"{upload.bundle}.zip", body, "application/zip")},
            headers={"X-CSRF-Token": csrf},
        )
    except httpx.HTTPError as exc:
        upload.status = type(exc).__name__
        return
    upload.seconds = time.perf_counter() - start
    upload.status = answer.status_code
    if answer.status_code == 201:
        sent = answer.json()
        upload.request, upload.submission = sent["request"], sent["submission"]["id"]
        upload.state = sent["submission"]["state"]


def next_page(kind: str, uploads: list[Upload], chooser: random.Random) -> tuple[str, str]:
    """The (kind, path) to request: a request or report page of a random upload, or the queue while
    there is none yet to ask for."""
    known = [u for u in uploads if u.request is not None]
    done = [u for u in known if u.state == "done"]
    if kind.startswith("request") and known:
        chosen = chooser.choice(known)
        return kind, kind.split()[1].replace("ID", str(chosen.request))
    if kind == "report.html" and done:
        # every upload is a new request, so its submission is number 1
        return kind, f"/requests/{chooser.choice(done).request}/submissions/1/report.html"
    return ("queue /", "/") if kind != "queue /api/requests" else (kind, "/api/requests")


async def page_client(
    client: httpx.AsyncClient, number: int, uploads: list[Upload], samples: list[Sample], stop: asyncio.Event
) -> None:
    chooser = random.Random(number)
    turn = number
    while not stop.is_set():
        kind, path = next_page(PAGE_KINDS[turn % len(PAGE_KINDS)], uploads, chooser)
        turn += 1
        start = time.perf_counter()
        try:
            answer = await client.get(path)
            await answer.aread()
            status: int | str = answer.status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        samples.append(Sample(kind, time.perf_counter() - start, status))


async def watch(
    client: httpx.AsyncClient, uploads: list[Upload], started: float, sending: asyncio.Future
) -> None:
    """Polls every accepted upload's request at once, each round, until all are done or failed."""
    while True:
        waiting = [u for u in uploads if u.request is not None and u.state not in SETTLED]
        if sending.done() and not waiting:
            return
        await asyncio.gather(*(poll(client, upload, started) for upload in waiting))
        await asyncio.sleep(POLL_SECONDS)


async def poll(client: httpx.AsyncClient, upload: Upload, started: float) -> None:
    try:
        answer = await client.get(f"/api/requests/{upload.request}")
    except httpx.HTTPError:
        return
    latest = (answer.json().get("latest") or {}) if answer.status_code == 200 else {}
    if latest.get("id") == upload.submission:
        upload.state = latest.get("state")
        if upload.state in SETTLED:
            upload.settled_at = time.perf_counter() - started


async def reconcile(client: httpx.AsyncClient, uploads: list[Upload]) -> None:
    """Each accepted upload's state as the queue lists it at the end. One missing from the queue, or
    done without its stored report, is lost (its state says which)."""
    listed = {
        row["id"]: row.get("latest") or {} for row in (await client.get("/api/requests")).json()["requests"]
    }
    for upload in uploads:
        if upload.request is None:
            continue
        latest = listed.get(upload.request, {})
        upload.state = latest.get("state") if latest.get("id") == upload.submission else "missing"
        if upload.state == "done":
            report = await client.get(f"/requests/{upload.request}/submissions/1/report.json")
            if report.status_code != 200 or report.json().get("summary") is None:
                upload.state = "report missing"


async def run_load(service: Service, bundles: list[Path], clients: int, timeout: float = 900.0) -> Run:
    bodies = [zipped(folder) for folder in bundles]
    uploads = [Upload(folder.name, len(body)) for folder, body in zip(bundles, bodies, strict=True)]
    run = Run(uploads, clients=clients, workers=service.workers)
    limits = httpx.Limits(max_connections=clients + len(bundles) + 2, max_keepalive_connections=clients + 2)
    async with httpx.AsyncClient(base_url=service.url, timeout=120, limits=limits) as client:
        csrf = await sign_in(client, service.name, service.password)
        stop = asyncio.Event()
        service_cpu, client_cpu = service.cpu_seconds(), time.process_time()
        started = time.perf_counter()
        sending = asyncio.gather(
            *(send_upload(client, csrf, u, b) for u, b in zip(uploads, bodies, strict=True))
        )
        readers = [
            asyncio.create_task(page_client(client, n, uploads, run.samples, stop)) for n in range(clients)
        ]
        try:
            await asyncio.wait_for(watch(client, uploads, started, sending), timeout)
        except TimeoutError:
            run.timed_out = True
        finally:
            stop.set()
            await asyncio.gather(*readers, return_exceptions=True)
            await asyncio.gather(sending, return_exceptions=True)
        run.seconds = time.perf_counter() - started
        run.client_cpu_s = time.process_time() - client_cpu
        service_cpu_after = service.cpu_seconds()
        if service_cpu is not None and service_cpu_after is not None:
            run.service_cpu_s = service_cpu_after - service_cpu
        await reconcile(client, uploads)
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=20, help="bundles uploaded at once (default 20)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent page clients (default 50)")
    parser.add_argument("--workers", type=int, help="passed to serve if it has a worker pool (--workers)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for every check")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    opts = parser.parse_args(argv)
    bundles = pick_bundles(opts.uploads)
    with (
        tempfile.TemporaryDirectory(prefix="dars-load-") as data,
        served(Path(data), opts.workers) as service,
    ):
        print(f"{service.url}: {len(bundles)} uploads, {opts.clients} page clients ...", file=sys.stderr)
        run = asyncio.run(run_load(service, bundles, opts.clients, opts.timeout))
    result = {"machine": machine(), "bundles": [u.bundle for u in run.uploads], **figures(run)}
    workers = (
        f"serve --workers {run.workers}"
        if run.workers
        else "serve's own number of workers (no --workers given)"
    )
    print(f"Machine: {result['machine']}. {opts.clients} page clients; {workers}.\n")
    print(table(result))
    if opts.json:
        opts.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    up = result["uploads"]
    return 0 if up["accepted"] == up["sent"] and up["lost"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
