import base64
import binascii
import secrets
from dataclasses import dataclass

from pwdlib import PasswordHash
from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    SimpleUser,
    requires,
)
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

password_hash = PasswordHash.recommended()
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


@dataclass
class User:
    username: str
    password_hash: str
    role: str


users: dict[str, User] = {}


def add_user(username: str, password: str, role: str) -> None:
    users[username] = User(username, password_hash.hash(password), role)


def challenge(detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=401, headers={"WWW-Authenticate": "Basic"})


class BasicAuthBackend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        scheme, _, credentials = conn.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(credentials, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise AuthenticationError("Invalid basic auth credentials") from None
        username, _, password = decoded.partition(":")
        user = users.get(username)
        if not password_hash.verify(password, user.password_hash if user else UNKNOWN_USER):
            raise AuthenticationError("Incorrect username or password")
        return AuthCredentials(["authenticated", user.role]), SimpleUser(username)


@requires("authenticated", status_code=401)
@requires("admin")
async def report(request: Request) -> JSONResponse:
    user = users[request.user.username]
    return JSONResponse({"username": user.username, "role": user.role})


async def not_authenticated(request: Request, exc: HTTPException) -> JSONResponse:
    return challenge("Not authenticated")


app = Starlette(
    routes=[Route("/admin/report", report)],
    middleware=[
        Middleware(
            AuthenticationMiddleware,
            backend=BasicAuthBackend(),
            on_error=lambda conn, exc: challenge(str(exc)),
        )
    ],
    exception_handlers={401: not_authenticated},
)
