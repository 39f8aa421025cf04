"""FastAPI as its docs write it: async path operations, a Session dependency, Jinja2Templates."""

from __future__ import annotations

import asyncio
import random
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES
from bench.apps.models import Item, make_engine

app = FastAPI()
engine = make_engine()
templates = Jinja2Templates(directory=TEMPLATES)


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@app.get("/json")
async def json_scenario():
    return {"message": MESSAGE}


@app.get("/db")
def db_scenario(session: SessionDep):
    item = session.get(Item, random.randint(1, ROW_COUNT))
    return item.as_dict()


@app.get("/template")
async def template_scenario(request: Request):
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": fortunes})


@app.get("/io_wait")
async def io_wait_scenario():
    await asyncio.sleep(IO_WAIT_SECONDS)
    return {"waited_ms": round(IO_WAIT_SECONDS * 1000)}


application = app
