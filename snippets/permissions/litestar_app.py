import base64
import binascii
import secrets
from dataclasses import dataclass
from typing import Any

from litestar import Litestar, Request, get
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from pwdlib import PasswordHash

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


class BasicAuthMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        scheme, _, encoded = connection.headers.get("Authorization", "").partition(" ")
        try:
            username, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            username, password = "", ""
        user = users.get(username)
        hashed = user.password_hash if user else UNKNOWN_USER
        if scheme.lower() != "basic" or not password_hash.verify(password, hashed):
            raise NotAuthorizedException(
                "Incorrect username or password", headers={"WWW-Authenticate": "Basic"}
            )
        return AuthenticationResult(user=user, auth=None)


def requires_role(role: str):
    def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        if connection.user.role != role:
            raise PermissionDeniedException("Not enough permissions")

    return guard


@get("/admin/report", guards=[requires_role("admin")])
async def report(request: Request[User, None, Any]) -> dict[str, str]:
    return {"username": request.user.username, "role": request.user.role}


app = Litestar(route_handlers=[report], middleware=[BasicAuthMiddleware])
