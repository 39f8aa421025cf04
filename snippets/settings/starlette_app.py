import secrets

from starlette.applications import Starlette
from starlette.config import Config
from starlette.datastructures import Secret
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config(env_prefix="APP_")

NAME = config("NAME", default="Field Guide")
PAGE_SIZE = config("PAGE_SIZE", cast=int, default=20)
SIGNUP_OPEN = config("SIGNUP_OPEN", cast=bool, default=False)
SECRET_KEY = config("SECRET_KEY", cast=Secret, default=secrets.token_urlsafe(32))


async def show_config(request: Request) -> JSONResponse:
    return JSONResponse({"name": NAME, "page_size": PAGE_SIZE, "signup_open": SIGNUP_OPEN})


app = Starlette(routes=[Route("/config", show_config)])
