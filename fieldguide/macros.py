"""mkdocs-macros module: the only functions pages may call.

Loaded through `mkdocs.yml` (`plugins: macros: module_name: fieldguide/macros`). Everything is
validated before any page is rendered, so a bad input stops the build before it writes a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from fieldguide import bench_macros, compare_macros, layout, render
from fieldguide.checks import checked_site
from fieldguide.errors import InputError
from fieldguide.file_tabs import file_tabs as _file_tabs
from fieldguide.models import Task

MACROS = (
    "framework_tabs",
    "support_table",
    "verified_with",
    "differences",
    "install_line",
    "levels_table",
    "task_index",
    "file_tabs",
    *compare_macros.MACROS,
    *bench_macros.MACROS,
)


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    try:
        site = checked_site(root, MACROS)  # loaded once per build, test outcomes included
    except InputError as error:
        raise PluginError(f"the site's inputs have problems:\n{error}") from None
    catalog = site.catalog

    def current_task(task: str | None) -> Task:
        task_id = task or env.page.meta.get("task")
        if task_id is None:
            raise PluginError(
                f"{layout.page(env.page.file.src_path)}: this macro needs `task:` in the "
                "front matter"
            )
        return catalog.tasks[task_id]

    def macro(function):  # register a render function as a page macro
        env.macro(function)
        return function

    @macro
    def framework_tabs(task: str | None = None) -> str:
        return render.framework_tabs(catalog, current_task(task))

    @macro
    def support_table(task: str | None = None) -> str:
        return render.support_table(site, current_task(task))

    @macro
    def verified_with(task: str | None = None) -> str:
        return render.verified_with(site, current_task(task))

    @macro
    def differences(task: str | None = None) -> str:
        return render.differences(catalog, current_task(task))

    @macro
    def install_line(framework: str, task: str | None = None) -> str:
        return render.install_command(current_task(task).support[framework])

    @macro
    def levels_table() -> str:
        return render.levels_table()

    @macro
    def task_index() -> str:
        return render.task_index(catalog)

    @macro
    def file_tabs(**files: str | list[str]) -> str:
        try:
            return _file_tabs(catalog, layout.page(env.page.file.src_path), files)
        except InputError as error:
            raise PluginError(str(error)) from None

    env.variables["catalog"] = catalog
    bench_macros.register(env, site)
    compare_macros.register(env, site)


def on_post_build(env: Any) -> None:
    """Write the JSON export and llms.txt next to the built pages."""
    compare_macros.on_post_build(env)
