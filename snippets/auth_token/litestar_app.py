import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.params import URLEncodedBody
from litestar.security.jwt import OAuth2Login, OAuth2PasswordBearerAuth, Token
from pwdlib import PasswordHash

SECRET_KEY = os.environ.get("JWT_SECRET_KEY") or secrets.token_urlsafe(32)
ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


async def retrieve_user(token: Token, connection: ASGIConnection) -> str | None:
    return token.sub if token.sub in users else None


oauth2 = OAuth2PasswordBearerAuth[str](
    retrieve_user_handler=retrieve_user,
    token_secret=SECRET_KEY,
    algorithm=ALGORITHM,
    token_url="/token",
    default_token_expiration=TOKEN_LIFETIME,
    exclude=["/token", "/schema"],
)


@dataclass
class LoginForm:
    username: str
    password: str


@post("/token")
async def login(data: URLEncodedBody[LoginForm]) -> Response[OAuth2Login]:
    if not password_hash.verify(data.password, users.get(data.username, UNKNOWN_USER)):
        raise NotAuthorizedException("Incorrect username or password")
    return oauth2.login(identifier=data.username, response_status_code=200)


@get("/me")
async def me(request: Request[str, Token, Any]) -> dict[str, str]:
    return {"username": request.user}


def bearer_challenge(request: Request, exc: NotAuthorizedException) -> Response:
    return Response(
        {"status_code": 401, "detail": exc.detail},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


app = Litestar(
    route_handlers=[login, me],
    on_app_init=[oauth2.on_app_init],
    exception_handlers={NotAuthorizedException: bearer_challenge},
)
