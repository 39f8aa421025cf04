"""Reproducible benchmarks: scenario apps, the load harness and the instruction counter.

`make bench` (or `python -m bench run`) writes `data/benchmarks/<date>.json`; the site renders
the newest file. See docs/benchmarks/methodology.md.
"""
