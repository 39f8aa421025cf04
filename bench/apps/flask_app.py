"""Flask as its docs write it: view functions, Jinja templates, SQLAlchemy sessions."""

from __future__ import annotations

import random
import time

from flask import Flask, render_template
from sqlalchemy.orm import Session

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES
from bench.apps.models import Item, make_engine

app = Flask(__name__, template_folder=TEMPLATES)
engine = make_engine()


@app.get("/json")
def json_scenario():
    return {"message": MESSAGE}


@app.get("/db")
def db_scenario():
    with Session(engine) as session:
        item = session.get(Item, random.randint(1, ROW_COUNT))
        return item.as_dict()


@app.get("/template")
def template_scenario():
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return render_template("fortunes.html", fortunes=fortunes)


@app.get("/io_wait")
def io_wait_scenario():
    time.sleep(IO_WAIT_SECONDS)
    return {"waited_ms": round(IO_WAIT_SECONDS * 1000)}


application = app
