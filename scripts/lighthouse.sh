#!/usr/bin/env bash
# Lighthouse scores and page weights for the pages readers land on (make lighthouse).
#
#   scripts/lighthouse.sh [SITE_DIR]        default: site (build it first: make build)
#
# Serves SITE_DIR on a free loopback port (scripts/serve_static.py: gzip, as static hosts do), runs the pinned npm
# `lighthouse` (scripts/lighthouse/package-lock.json) with Debian's chromium (mobile profile,
# simulated throttling, its defaults) LIGHTHOUSE_RUNS times per page (default 3), writes the
# reports to build/lighthouse/ and prints the median run of each page. Exits 1 if a page scores under 95 performance or under 100 accessibility,
# best practices or SEO.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=${1:-site}
PAGES=${LIGHTHOUSE_PAGES:-"home= task=tasks/request_validation/ matrix=compare/ wizard=guides/wizard/?output=api&admin=yes"}
OUT=build/lighthouse
CHROME=${CHROME_PATH:-$(command -v chromium || true)}
[ -n "$CHROME" ] || { echo "chromium not found: apt-get install chromium" >&2; exit 2; }
[ -f "$SITE/index.html" ] || { echo "$SITE/index.html not found: run make build first" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm not found: apt-get install npm" >&2; exit 2; }
[ -x scripts/lighthouse/node_modules/.bin/lighthouse ] ||
  npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error
mkdir -p "$OUT"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/serve_static.py "$SITE" "$PORT" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.1; done

RUNS=${LIGHTHOUSE_RUNS:-3}
for entry in $PAGES; do
  name=${entry%%=*}
  path=${entry#*=}
  for run in $(seq "$RUNS"); do
    CHROME_PATH=$CHROME scripts/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT/$path" \
      --quiet --output=json --output-path="$OUT/$name-run$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
  done
done

python3 - "$OUT" "$RUNS" $PAGES <<'PY'
import json, sys
from pathlib import Path

out, runs, entries = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
for entry in entries:  # keep the run with the median performance score as <page>.json
    name = entry.split("=", 1)[0]
    reports = [json.loads((out / f"{name}-run{i}.json").read_text()) for i in range(1, runs + 1)]
    reports.sort(key=lambda r: r["categories"]["performance"]["score"])
    median = reports[len(reports) // 2]
    median["fieldguide_runs"] = [r["categories"]["performance"]["score"] for r in reports]
    (out / f"{name}.json").write_text(json.dumps(median))
targets = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
failed = False
print(f"median of {runs} run(s) per page, by performance score")
print(f"{'page':8} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'weight':>9} {'requests':>8}  LCP / TBT / CLS")
for entry in entries:
    name = entry.split("=", 1)[0]
    report = json.loads((out / f"{name}.json").read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    audits = report["audits"]
    weight = audits["total-byte-weight"]["numericValue"] / 1024
    requests = len(audits["network-requests"]["details"]["items"])
    print(
        f"{name:8} {scores['performance']:>4} {scores['accessibility']:>4} "
        f"{scores['best-practices']:>4} {scores['seo']:>4} {weight:>6.0f} KiB {requests:>8}  "
        f"{audits['largest-contentful-paint']['displayValue']} / "
        f"{audits['total-blocking-time']['displayValue']} / "
        f"{audits['cumulative-layout-shift']['displayValue']}  "
        f"(perf per run: {', '.join(str(round(s * 100)) for s in report['fieldguide_runs'])}; "
        f"host benchmarkIndex {report['environment']['benchmarkIndex']:.0f})"
    )
    for category, minimum in targets.items():
        if scores[category] < minimum:
            failed = True
            refs = report["categories"][category]["auditRefs"]
            low = [
                r["id"] for r in refs
                if r.get("weight") and (audits[r["id"]].get("score") is not None)
                and audits[r["id"]]["score"] < 0.9
            ]
            print(f"    {category} {scores[category]} < {minimum}: {', '.join(low)}")
print(f"reports: {out}/*.json")
print(
    "Lighthouse's mobile CPU throttling (4x) assumes a fast, idle host (benchmarkIndex about"
    " 1000 or more); on a slower or busy machine the performance score understates the site."
)
sys.exit(1 if failed else 0)
PY
