"""Quart as its docs write it: Flask's API with `async def` views and `await render_template`
(Jinja, autoescaping), SQLAlchemy sessions as in the Flask app. The db view is a sync function,
which Quart runs in a thread executor so that it does not block the event loop."""

from __future__ import annotations

import asyncio
import random

from quart import Quart, render_template
from sqlalchemy.orm import Session

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES
from bench.apps.models import Item, make_engine

app = Quart(__name__, template_folder=TEMPLATES)
engine = make_engine()


@app.get("/json")
async def json_scenario():
    return {"message": MESSAGE}


@app.get("/db")
def db_scenario():
    with Session(engine) as session:
        item = session.get(Item, random.randint(1, ROW_COUNT))
        return item.as_dict()


@app.get("/template")
async def template_scenario():
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return await render_template("fortunes.html", fortunes=fortunes)


@app.get("/io_wait")
async def io_wait_scenario():
    await asyncio.sleep(IO_WAIT_SECONDS)
    return {"waited_ms": round(IO_WAIT_SECONDS * 1000)}


application = app
