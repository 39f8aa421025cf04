import html
import os
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from pwdlib import PasswordHash
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(
    SessionMiddleware,
    secret_key=os.environ.get("SESSION_SECRET_KEY") or secrets.token_urlsafe(32),
    same_site="lax",
)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())

LOGIN_PAGE = """{error}<form method="post"><input name="username">
<input name="password" type="password"><button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {username}</p>
<form method="post" action="/logout"><button>Log out</button></form>"""


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


def current_user(request: Request) -> str:
    username = request.session.get("username")
    if username not in users:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
    return username


@app.get("/login", response_class=HTMLResponse)
def login_form() -> str:
    return LOGIN_PAGE.format(error="")


@app.post("/login", response_class=HTMLResponse)
def login(request: Request, username: Annotated[str, Form()], password: Annotated[str, Form()]):
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        return LOGIN_PAGE.format(error="<p>Please enter a correct username and password.</p>")
    request.session.clear()
    request.session["username"] = username
    return RedirectResponse("/private", status_code=status.HTTP_303_SEE_OTHER)


@app.post("/logout")
def logout(request: Request) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)


@app.get("/private", response_class=HTMLResponse)
def private(username: Annotated[str, Depends(current_user)]) -> str:
    return PRIVATE_PAGE.format(username=html.escape(username))
