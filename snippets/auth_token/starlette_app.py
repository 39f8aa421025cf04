import secrets
from datetime import UTC, datetime, timedelta

import jwt
from pwdlib import PasswordHash
from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    SimpleUser,
    requires,
)
from starlette.config import Config
from starlette.datastructures import Secret
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config()
SECRET_KEY = str(config("JWT_SECRET_KEY", cast=Secret, default=secrets.token_urlsafe(32)))
ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


def challenge(detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


class BearerBackend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        scheme, _, token = conn.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        try:
            claims = jwt.decode(
                token, SECRET_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]}
            )
        except jwt.InvalidTokenError:
            raise AuthenticationError("Could not validate credentials") from None
        if claims["sub"] not in users:
            raise AuthenticationError("Could not validate credentials")
        return AuthCredentials(["authenticated"]), SimpleUser(claims["sub"])


async def login(request: Request) -> JSONResponse:
    async with request.form() as form:
        username, password = str(form.get("username", "")), str(form.get("password", ""))
    if not password_hash.verify(password, users.get(username, UNKNOWN_USER)):
        return challenge("Incorrect username or password")
    claims = {"sub": username, "exp": datetime.now(UTC) + TOKEN_LIFETIME}
    token = jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)
    return JSONResponse({"access_token": token, "token_type": "bearer"})


@requires("authenticated", status_code=401)
async def me(request: Request) -> JSONResponse:
    return JSONResponse({"username": request.user.display_name})


async def not_authenticated(request: Request, exc: HTTPException) -> JSONResponse:
    return challenge("Not authenticated")


app = Starlette(
    routes=[Route("/token", login, methods=["POST"]), Route("/me", me)],
    middleware=[
        Middleware(
            AuthenticationMiddleware,
            backend=BearerBackend(),
            on_error=lambda conn, exc: challenge(str(exc)),
        )
    ],
    exception_handlers={401: not_authenticated},
)
