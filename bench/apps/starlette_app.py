"""Starlette as its docs write it: a route table, JSONResponse, Jinja2Templates."""

from __future__ import annotations

import asyncio
import random

from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES
from bench.apps.models import Item, make_engine

engine = make_engine()
templates = Jinja2Templates(directory=TEMPLATES)


async def json_scenario(request):
    return JSONResponse({"message": MESSAGE})


def db_scenario(request):
    with Session(engine) as session:
        item = session.get(Item, random.randint(1, ROW_COUNT))
        return JSONResponse(item.as_dict())


async def template_scenario(request):
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": fortunes})


async def io_wait_scenario(request):
    await asyncio.sleep(IO_WAIT_SECONDS)
    return JSONResponse({"waited_ms": round(IO_WAIT_SECONDS * 1000)})


app = Starlette(
    routes=[
        Route("/json", json_scenario),
        Route("/db", db_scenario),
        Route("/template", template_scenario),
        Route("/io_wait", io_wait_scenario),
    ]
)
application = app
