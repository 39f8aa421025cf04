import html
import secrets

from pwdlib import PasswordHash
from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    SimpleUser,
    requires,
)
from starlette.config import Config
from starlette.datastructures import Secret
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

config = Config()
SECRET_KEY = config("SESSION_SECRET_KEY", cast=Secret, default=secrets.token_urlsafe(32))

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())

LOGIN_PAGE = """{error}<form method="post"><input name="username">
<input name="password" type="password"><button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {username}</p>
<form method="post" action="/logout"><button>Log out</button></form>"""


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


class SessionBackend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        username = conn.session.get("username")
        if username not in users:
            return None
        return AuthCredentials(["authenticated"]), SimpleUser(username)


async def login_form(request: Request) -> HTMLResponse:
    return HTMLResponse(LOGIN_PAGE.format(error=""))


async def login(request: Request) -> HTMLResponse | RedirectResponse:
    async with request.form() as form:
        username, password = str(form.get("username", "")), str(form.get("password", ""))
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        error = "<p>Please enter a correct username and password.</p>"
        return HTMLResponse(LOGIN_PAGE.format(error=error))
    request.session.clear()
    request.session["username"] = username
    return RedirectResponse("/private", status_code=303)


async def logout(request: Request) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@requires("authenticated", redirect="login_form")
async def private(request: Request) -> HTMLResponse:
    return HTMLResponse(PRIVATE_PAGE.format(username=html.escape(request.user.display_name)))


app = Starlette(
    routes=[
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/private", private),
    ],
    middleware=[
        Middleware(SessionMiddleware, secret_key=str(SECRET_KEY)),
        Middleware(AuthenticationMiddleware, backend=SessionBackend()),
    ],
)
