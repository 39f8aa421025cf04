"""The benchmark pages' macros, registered by fieldguide/macros.py."""

from __future__ import annotations

from typing import Any

from fieldguide import bench_render
from fieldguide.benchmarks import latest
from fieldguide.compare import Comparison

MACROS = ("bench_summary", "bench_throughput", "bench_instructions", "bench_claims")


def register(env: Any, site: Comparison) -> None:
    found = latest(site.catalog.root)
    claim_list = list(site.claims)

    @env.macro
    def bench_summary() -> str:
        return bench_render.summary(*found) if found else bench_render.missing()

    @env.macro
    def bench_throughput(role: str, scenario: str) -> str:
        return bench_render.throughput(found[1], role, scenario) if found else ""

    @env.macro
    def bench_instructions(scenario: str) -> str:
        return bench_render.instructions(found[1], scenario) if found else ""

    @env.macro
    def bench_claims() -> str:
        return bench_render.claims(found[1] if found else None, claim_list)
