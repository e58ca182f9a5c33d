"""The figures of a load run, from what the harness recorded: percentiles of page latency per kind
of page, throughput, errors by status, and the uploads' fate; as a dict (`--json`) and a table.

Percentiles are nearest-rank: the p-th percentile of n sorted latencies is the ceil(p/100 * n)-th,
always a latency that was observed (the p95 of 1..100 is 95, of 1..20 it is 19).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

SETTLED = ("done", "failed")


@dataclass(frozen=True, slots=True)
class Sample:
    """One page request: its kind, its latency, and its status (or the transport error's name)."""

    kind: str
    seconds: float
    status: int | str


@dataclass(slots=True)
class Upload:
    bundle: str
    size: int
    status: int | str = 0
    seconds: float = 0.0
    request: int | None = None
    submission: int | None = None
    state: str | None = None  # as the service last said
    settled_at: float | None = None  # seconds after the start when it was seen done or failed


@dataclass(slots=True)
class Run:
    uploads: list[Upload]
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0  # from the first upload sent until the page clients stopped
    clients: int = 0
    workers: int | None = None
    timed_out: bool = False
    service_cpu_s: float | None = None  # CPU time of the service, and of the benchmark's own client,
    client_cpu_s: float | None = None  # over `seconds`: both share the machine's cores


def percentile(values: list[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def succeeded(status: int | str) -> bool:
    return isinstance(status, int) and 200 <= status < 400


def latency(samples: list[Sample]) -> dict:
    seconds = [s.seconds for s in samples if succeeded(s.status)]
    return {
        "requests": len(samples),
        "p50_ms": round(percentile(seconds, 50) * 1000, 1),
        "p95_ms": round(percentile(seconds, 95) * 1000, 1),
        "max_ms": round(max(seconds, default=math.nan) * 1000, 1),
    }


def figures(run: Run) -> dict:
    uploads = run.uploads
    accepted = [u for u in uploads if u.status == 201]
    states = Counter(u.state for u in accepted)
    settled = [u.settled_at for u in accepted if u.state in SETTLED and u.settled_at is not None]
    all_checked = max(settled) if settled and len(settled) == len(accepted) else None
    kinds = sorted({s.kind for s in run.samples})
    errors = Counter(str(s.status) for s in run.samples if not succeeded(s.status))
    errors.update(f"upload {u.status}" for u in uploads if u.status != 201)
    return {
        "uploads": {
            "sent": len(uploads),
            "accepted": len(accepted),
            "done": states["done"],
            "failed": states["failed"],
            # accepted, yet not done or failed when the run ended: missing, without its report,
            # or still waiting at the timeout
            "lost": len(accepted) - states["done"] - states["failed"],
            "lost_states": {str(state): n for state, n in states.items() if state not in SETTLED},
            "bytes": sum(u.size for u in uploads),
            "upload_p95_ms": round(percentile([u.seconds for u in accepted], 95) * 1000, 1),
        },
        "all_checked_s": None if all_checked is None else round(all_checked, 1),
        "bundles_per_minute": None if not all_checked else round(states["done"] * 60 / all_checked, 1),
        "page_requests_per_s": round(len(run.samples) / run.seconds, 1) if run.seconds else None,
        "pages": {kind: latency([s for s in run.samples if s.kind == kind]) for kind in kinds},
        "overall": latency(run.samples),
        "errors": dict(sorted(errors.items())),
        "clients": run.clients,
        "workers": run.workers,
        "timed_out": run.timed_out,
        "seconds": round(run.seconds, 1),
        "service_cpu_s": None if run.service_cpu_s is None else round(run.service_cpu_s, 1),
        "client_cpu_s": None if run.client_cpu_s is None else round(run.client_cpu_s, 1),
    }


def table(result: dict) -> str:
    up = result["uploads"]
    lines = [
        "| uploads | accepted | checked (done) | failed | lost | upload p95 | all checked after "
        "| bundles/min | page requests/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {up['sent']} | {up['accepted']} | {up['done']} | {up['failed']} | {up['lost']} "
        f"| {up['upload_p95_ms']:.0f} ms | {_or_dash(result['all_checked_s'], ' s')} "
        f"| {_or_dash(result['bundles_per_minute'])} | {_or_dash(result['page_requests_per_s'])} |",
        "",
        "| page | requests | p50 | p95 | max |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind, row in [*result["pages"].items(), ("all pages", result["overall"])]:
        lines.append(
            f"| {kind} | {row['requests']} | {row['p50_ms']:.0f} ms | {row['p95_ms']:.0f} ms "
            f"| {row['max_ms']:.0f} ms |"
        )
    errors = ", ".join(f"{status}: {count}" for status, count in result["errors"].items()) or "none"
    lines += ["", f"Errors (not 2xx/3xx): {errors}."]
    if result["service_cpu_s"] is not None:
        lines.append(
            f"CPU time over the {result['seconds']} s of load: the service {result['service_cpu_s']} s, "
            f"the benchmark's own client {result['client_cpu_s']} s."
        )
    if result["timed_out"]:
        lines.append("The run reached its --timeout before every upload was checked.")
    return "\n".join(lines)


def _or_dash(value, unit: str = "") -> str:
    return "-" if value is None else f"{value}{unit}"
