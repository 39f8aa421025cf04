"""Command line: `python -m fieldguide check|build|schema|new-task`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldguide.build import BuildFailed, build_site
from fieldguide.checks import check_all
from fieldguide.errors import InputError
from fieldguide.macros import MACROS
from fieldguide.scaffold import new_task
from fieldguide.schema import stale_schemas, write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldguide", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate data, snippets and pages")
    build = commands.add_parser("build", help="check, then build the site all or nothing")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    schema = commands.add_parser("schema", help="regenerate data/schema/*.schema.json")
    schema.add_argument("--check", action="store_true", help="fail if the files are stale")
    task = commands.add_parser("new-task", help="write the skeleton of a new task")
    task.add_argument("id")
    task.add_argument("--title", required=True)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        return _run(args, root)
    except InputError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, root: Path) -> int:
    if args.command == "check":
        catalog = check_all(root, MACROS).catalog
        print(f"ok: {len(catalog.frameworks)} frameworks, {len(catalog.tasks)} tasks")
    elif args.command == "build":
        site_dir = args.site_dir if args.site_dir.is_absolute() else root / args.site_dir
        try:
            seconds = build_site(root, site_dir)
        except BuildFailed as error:
            print(error, file=sys.stderr)
            print("mkdocs build failed; the previous site was left as it was.", file=sys.stderr)
            return 1
        print(f"built {site_dir} in {seconds:.1f} s")
    elif args.command == "schema":
        if args.check:
            stale = stale_schemas(root)
            for path in stale:
                print(f"{path.relative_to(root)}: stale; run `make schema`", file=sys.stderr)
            return 1 if stale else 0
        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
    elif args.command == "new-task":
        for path in new_task(root, args.id, args.title):
            print(f"wrote {path.relative_to(root)}")
    return 0
