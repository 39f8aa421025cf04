# ruff: noqa: RUF001, RUF002
"""HTML for the benchmark pages: inline SVG charts, each with a table beside it.

Everything comes from the newest results file (fieldguide/benchmarks.py); text from the file is
escaped. Charts are plain SVG written at build time, so they need no JavaScript.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from markupsafe import Markup

from fieldguide.benchmarks import (
    AppInfo,
    Results,
    Spread,
    accepted,
    baseline_of,
    fastest_over_slowest,
    last_attempts,
    pair_ratios,
    ratios,
    rejected_count,
    server_for,
    spread,
    tiers,
)
from fieldguide.models import Claim
from fieldguide.templating import macro, render

SCENARIO_TITLES = {
    "json": "json: a fresh object serialised per request",
    "db": "db: one row by random id through the ORM",
    "template": "template: ten rows rendered with escaping",
    "io_wait": "io_wait: 20 ms of simulated I/O per request",
}
ROLE_TITLES = {"advised": "each on the server its docs advise", "common": "all on one server"}
BAR = "#5c6bc0"
BASE_BAR = "#9e9e9e"


def _num(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _bench(name: str) -> Any:
    """A macro of templates/_bench.html: it returns Markup, which table cells keep as HTML."""
    return macro("_bench.html", name)


def _range(s: Spread | None, digits: int = 0, unit: str = "") -> Markup:
    """Median, then min–max under it ("–" without a spread), as a table cell."""
    return _bench("spread")(s, digits, unit)


def bar_chart(title: str, rows: list[tuple[str, Spread | None, bool]], unit: str) -> str:
    """Horizontal bars (median) with a min–max whisker; `rows` are (label, spread, baseline)."""
    plot_w, row_h, pad = 300, 26, 8
    # room for the longest label at font-size 12 (about 7 px per character, plus a margin)
    label_w = max(120, 7 * max((len(label) for label, _, _ in rows), default=0) + 12)
    top = max((s.high for _, s, _ in rows if s is not None), default=1.0) or 1.0
    height = pad * 2 + row_h * len(rows)
    bars = []
    for index, (label, s, base) in enumerate(rows):
        y = pad + index * row_h
        bar: dict[str, Any] = {"label": label, "text_y": y + row_h / 2 + 4, "bar": None}
        if s is not None:
            bar |= {
                "bar": plot_w * s.median / top,
                "low": plot_w * s.low / top,
                "high": plot_w * s.high / top,
                "bar_y": y + 5,
                "mid": y + row_h / 2,
                "fill": BASE_BAR if base else BAR,
                "value": _num(s.median, 2 if top < 10 else 0) + unit,
            }
        bars.append(bar)
    return render(
        "bench_chart.svg",
        title=title,
        width=label_w + plot_w + 90,
        height=height,
        label_x=label_w - 6,
        plot_x=label_w,
        bar_h=row_h - 10,
        rows=bars,
    )


def table(headers: list[str], rows: list[list[str | Markup]]) -> str:
    """A table; a cell that is a str is text (escaped), a Markup cell comes from a macro."""
    return str(_bench("table")(headers, rows))


def pair(chart: str, tab: str) -> str:
    """A chart with its table beside it (under it on a narrow screen)."""
    return render("bench_pair.html", chart=Markup(chart), table=Markup(tab))


def _name(results: Results, app_id: str) -> str:
    return next(a.name for a in results.apps if a.id == app_id)


def missing() -> str:
    return render("bench_missing.html")


def summary(path: Path, results: Results) -> str:
    m = results.machine
    code, lines = _bench("code"), _bench("lines")
    runs = len(results.runs)
    rejected = rejected_count(results)
    loads = [r.other_load for r in results.runs]
    rows = [
        ["Results file", code(path.name)],
        ["Date (UTC)", results.date.strftime("%Y-%m-%d %H:%M")],
        ["Command", code(results.command)],
        ["Wall time", f"{results.wall_time_s / 60:.1f} min"],
        [
            "Machine",
            (
                f"{m.cpu_model}, {m.logical_cpus} logical CPUs, {m.memory_mib:,} MiB, {m.os}, "
                f"Linux {m.kernel}"
                + (f", virtualised ({m.virtualization})" if m.virtualization else "")
            ),
        ],
        ["Python", f"{m.python_implementation} {m.python}"],
        [
            "Load average (1, 5, 15 min)",
            (
                f"{', '.join(map(str, results.loadavg_start))} at the start; "
                f"{', '.join(map(str, results.loadavg_end))} at the end"
            ),
        ],
        [
            "Runs",
            (
                f"{runs} wrk runs, {rejected} rejected as disturbed (other processes used more "
                f"than {results.settings.max_other_load} CPUs, or wrk saturated, or errors)"
                + (
                    f"; other processes used {statistics.median(loads):.2f} CPUs in the median run"
                    if loads
                    else ""
                )
            ),
        ],
        [
            "Load tool",
            (
                f"{results.load_tool.version}, {results.load_tool.threads} thread, "
                f"{results.load_tool.saturation_connections} connections for throughput, "
                f"{results.load_tool.moderate_connections} for latency, "
                f"{results.load_tool.duration_s:g} s per run after "
                f"{results.load_tool.warmup_s:g} s of warm-up, "
                f"pinned to CPU {results.settings.loadgen_cpu}"
            ),
        ],
        [
            "Servers",
            lines(
                f"{s.id} {s.version}: {s.settings}, pinned to CPU {results.settings.server_cpu}"
                for s in results.servers
            ),
        ],
        ["Spread between rounds", round_spread(results)],
        ["Database", code(results.settings.database)],
        [
            "Packages",
            ", ".join(f"{k} {v}" for k, v in sorted(results.packages.items())),
        ],
        ["System tools", "; ".join(f"{v}" for v in results.system_tools.values())],
    ]
    if results.failures:
        rows.append(["Failures", lines(results.failures)])
    return render("bench_summary.html", rows=rows, notes=results.notes)


def round_spread(results: Results) -> str:
    """How far throughput moved between rounds: (max - min) / median per row, summarised."""
    kept, shaky = [], []
    for app in results.apps:
        for role in ("advised", "common"):
            server = server_for(results, app.id, role) if results.runs else None
            for scenario in SCENARIO_TITLES:
                where = {"app": app.id, "server": server, "scenario": scenario}
                runs = accepted(results, kind="throughput", **where)
                target = kept
                if len(runs) < 2:
                    runs, target = last_attempts(results, kind="throughput", **where), shaky
                s = spread([r.rps for r in runs])
                if s is not None and s.n >= 2 and s.median > 0:
                    target.append((s.high - s.low) / s.median)
    parts = []
    for label, values in (("kept runs", kept), ("disturbed runs", shaky)):
        if values:
            parts.append(
                f"{label}: median {statistics.median(values):.0%}, largest {max(values):.0%} "
                f"over {len(values)} rows"
            )
    return "; ".join(parts) or "fewer than two rounds"


def table_rows(results: Results, role: str) -> list[tuple[AppInfo, str]]:
    """(app, server) rows: each app on its `role` server; a baseline also on every other server
    it ran on in that role (the servers advised for frameworks of its interface)."""
    rows = []
    for app in results.apps:
        servers = [server_for(results, app.id, role)]
        if app.baseline:
            servers += sorted(
                {r.server for r in results.runs if r.app == app.id and r.role == role}
                - set(servers)
            )
        rows += [(app, server) for server in servers]
    return rows


def throughput(results: Results, role: str, scenario: str) -> str:
    """Chart of requests per second (tiers from their ranges), and a table of req/s, the ratio
    to the baseline in the same round, latency and memory."""
    apps = list(results.apps)
    if not results.runs:
        return render("bench_no_data.html", what="server runs")
    spreads: dict[str, Spread | None] = {}
    shaky: set[str] = set()
    body: list[list[str | Markup]] = []
    chart_rows = []
    for app, server in table_rows(results, role):
        where = {"app": app.id, "server": server, "scenario": scenario}
        thr = accepted(results, kind="throughput", **where)
        lat = accepted(results, kind="latency", **where)
        ratio = spread(ratios(results, app.id, role, scenario))
        note = ""
        if not thr:
            thr = last_attempts(results, kind="throughput", **where)
            lat = last_attempts(results, kind="latency", **where)
            ratio = spread(ratios(results, app.id, role, scenario, disturbed=True))
            shaky.add(app.id)
            note = " ⚠"
        rps = spread([r.rps for r in thr])
        if not app.baseline:
            spreads[app.id] = rps
        label = f"{app.name} ({server})" if not app.baseline else f"{app.name} on {server}"
        chart_rows.append((label + note, rps, app.baseline or bool(note)))
        p50 = spread([r.latency_ms.p50 for r in lat if r.latency_ms.p50 is not None])
        p99 = spread([r.latency_ms.p99 for r in lat if r.latency_ms.p99 is not None])
        rss = spread(
            [m.rss_kib / 1024 for m in results.memory if m.app == app.id and m.server == server]
        )
        every = [r for r in results.runs if all(getattr(r, k) == v for k, v in where.items())]
        kept = sum(not r.rejected for r in every)
        body.append(
            [
                app.name + (" (baseline)" if app.baseline else "") + note,
                server,
                _range(rps),
                "1 (the baseline)" if app.baseline else _range(ratio, 2, "×"),
                app.id,
                _range(p50, 1, " ms"),
                _range(p99, 1, " ms"),
                _range(rss, 0, " MiB"),
                f"{kept} / {len(every) - kept}",
            ]
        )
    tier = tiers([(a.id, spreads[a.id]) for a in apps if not a.baseline and a.id not in shaky])
    for row in body:
        row[4] = tier.get(row[4], "–")
    chart = bar_chart(
        f"{SCENARIO_TITLES[scenario]}, {ROLE_TITLES[role]}: requests per second (median, "
        "whisker min–max over the rounds; grey: the bare callables, and ⚠ rows with only "
        "disturbed runs)",
        chart_rows,
        "",
    )
    tab = render(
        "bench_throughput_table.html",
        headers=[
            "App",
            "Server",
            "req/s",
            "× baseline",
            "Tier",
            f"p50 latency at {results.load_tool.moderate_connections} connections",
            f"p99 latency at {results.load_tool.moderate_connections} connections",
            "Server RSS",
            "Runs kept / rejected",
        ],
        rows=body,
    )
    return pair(chart, tab)


def instructions(results: Results, scenario: str) -> str:
    samples = [s for s in results.instructions if s.scenario == scenario]
    if not samples:
        return render("bench_no_data.html", what="instruction counts")
    apps = [a for a in results.apps if any(s.app == a.id for s in samples)]
    spreads = {a.id: spread([s.per_request / 1000 for s in samples if s.app == a.id]) for a in apps}
    tier = tiers([(a.id, spreads[a.id]) for a in apps], descending=False)
    rows = []
    for app in apps:
        s = spreads[app.id]
        base = spreads.get(baseline_of(results, app.id))
        noise = (s.high - s.low) / s.median * 100 if s and s.median else 0.0
        rows.append(
            [
                app.name + (" (baseline)" if app.baseline else ""),
                app.interface.upper(),
                _range(s, 1, "k"),
                f"{noise:.2f}%",
                "–" if app.baseline or not base else f"{s.median / base.median:.1f}×",
                tier[app.id],
            ]
        )
    chart = bar_chart(
        f"{SCENARIO_TITLES[scenario]}: thousands of CPU instructions per request, in-process "
        "(median, whisker min–max of the repeats)",
        [(a.name, spreads[a.id], a.baseline) for a in apps],
        "k",
    )
    tab = table(
        [
            "App",
            "Interface",
            "k instructions / request (min–max)",
            "Spread",
            "× own baseline",
            "Tier",
        ],
        rows,
    )
    return pair(chart, tab)


def claims(results: Results | None, items: list[Claim], reference: str = "django") -> str:
    rows = []
    for claim in items:
        ref = claim.figures.get(reference)
        claimed = ", ".join(
            f"{k} {_num(v)} req/s"
            + (f" ({v / ref:.1f}× {reference})" if ref and k != reference else "")
            for k, v in claim.figures.items()
        )
        measured: list[str | dict] = []
        if results is not None and results.runs:
            for framework in claim.figures:
                if framework == reference or not any(a.id == framework for a in results.apps):
                    continue
                found = pair_ratios(results, framework, reference, "advised", claim.scenario)
                shaky = not found
                if shaky:
                    found = pair_ratios(
                        results, framework, reference, "advised", claim.scenario, disturbed=True
                    )
                measured.append(
                    {
                        "framework": framework,
                        "ratio": spread(found),
                        "reference": reference,
                        "shaky": shaky,
                    }
                )
            if not claim.figures:
                for scenario in ("json", "db", "template"):
                    ratio = fastest_over_slowest(results, "advised", scenario)
                    if ratio is not None:
                        measured.append(f"{scenario}: fastest {ratio:.1f}× the slowest")
        rows.append(
            [
                _bench("link")(str(claim.url), claim.source),
                claim.setup,
                claimed or claim.summary,
                _bench("measured")(measured),
            ]
        )
    return table(
        [
            "Published source",
            "Their setup, as they state it",
            "What they report",
            f"Measured here ({items[0].scenario if items else 'json'}, advised servers, "
            "median (min–max) over rounds)",
        ],
        rows,
    )
