"""Litestar as its docs write it: typed route handlers, the Jinja template engine (which escapes
by default), and for the db scenario a sync handler marked `sync_to_thread=True`, as Litestar
asks of blocking code, with a plain SQLAlchemy session as in the Flask and Starlette apps.

Litestar's SQLAlchemy plugin is left out: with a sync engine it adds a sync before-send hook
that Litestar runs in a worker thread for every message of every route, json included, so the
plugin's cost would land on scenarios that never touch the database."""

from __future__ import annotations

import asyncio
import random

from litestar import Litestar, get
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig
from sqlalchemy.orm import Session

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES
from bench.apps.models import Item, make_engine

engine = make_engine()


@get("/json")
async def json_scenario() -> dict[str, str]:
    return {"message": MESSAGE}


@get("/db", sync_to_thread=True)
def db_scenario() -> dict[str, int | str]:
    with Session(engine) as session:
        item = session.get(Item, random.randint(1, ROW_COUNT))
        return item.as_dict()


@get("/template")
async def template_scenario() -> Template:
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return Template(template_name="fortunes.html", context={"fortunes": fortunes})


@get("/io_wait")
async def io_wait_scenario() -> dict[str, int]:
    await asyncio.sleep(IO_WAIT_SECONDS)
    return {"waited_ms": round(IO_WAIT_SECONDS * 1000)}


app = Litestar(
    route_handlers=[json_scenario, db_scenario, template_scenario, io_wait_scenario],
    template_config=TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine),
)
application = app
