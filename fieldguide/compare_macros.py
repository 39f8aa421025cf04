"""The comparison pages' macros, registered by fieldguide/macros.py, and the post-build export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from fieldguide import compare_render, layout
from fieldguide.compare import Comparison, load_comparison
from fieldguide.errors import InputError
from fieldguide.export import write_exports
from fieldguide.load import Catalog
from fieldguide.render import esc

MACROS = (
    "feature_matrix",
    "framework_filter",
    "matrix_summary",
    "framework_profile",
    "situations_table",
    "decision_wizard",
    "guide_rationale",
)


def comparison_of(catalog: Catalog) -> Comparison:
    comparison, problems = load_comparison(catalog)
    if problems:
        raise InputError(problems)
    return comparison


def register(env: Any, comparison: Comparison) -> None:
    """The comparison macros, on the site that fieldguide/macros.py loaded and checked."""
    catalog = comparison.catalog
    env.variables["fg_comparison"] = comparison

    def base() -> str:
        return "../" * env.page.url.count("/")

    def needs_guide() -> None:
        if comparison.guide is None:
            raise PluginError(f"{layout.page(env.page.file.src_path)}: {layout.GUIDE} is missing")

    @env.macro
    def feature_matrix() -> str:
        return compare_render.feature_matrix(comparison, base())

    @env.macro
    def framework_filter() -> str:
        return compare_render.framework_filter(comparison)

    @env.macro
    def matrix_summary() -> str:
        return compare_render.matrix_summary(comparison)

    @env.macro
    def framework_profile(framework: str | None = None) -> str:
        framework_id = framework or env.page.meta.get("framework")
        known = {f.id: f for f in catalog.frameworks if f.profile}
        if framework_id not in known:
            raise PluginError(
                f"{layout.page(env.page.file.src_path)}: framework_profile needs front matter "
                f"`framework:` naming one of {', '.join(sorted(known))}"
            )
        return compare_render.framework_profile(comparison, known[framework_id], base())

    @env.macro
    def situations_table() -> str:
        needs_guide()
        return compare_render.situations_table(comparison, base())

    @env.macro
    def decision_wizard() -> str:
        needs_guide()
        return compare_render.decision_wizard(comparison, base())

    @env.macro
    def guide_rationale() -> str:
        needs_guide()
        return esc(comparison.guide.rationale)  # type: ignore[union-attr]


def on_post_build(env: Any) -> None:
    comparison = env.variables["fg_comparison"]
    write_exports(comparison, Path(env.conf["site_dir"]), env.conf.get("site_url") or "/")
