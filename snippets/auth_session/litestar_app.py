import os
import secrets
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from litestar import Litestar, Request, get, post
from litestar.config.csrf import CSRFConfig
from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.params import URLEncodedBody
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.security.session_auth import SessionAuth
from litestar.template.config import TemplateConfig
from litestar.types import Empty, Message, ScopeSession
from litestar.utils.scope.state import ScopeState
from pwdlib import PasswordHash

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())

LOGIN_PAGE = """{% if error %}<p>{{ error }}</p>{% endif %}
<form method="post">{{ csrf_input | safe }}<input name="username">
<input name="password" type="password"><button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {{ username }}</p>
<form method="post" action="/logout">{{ csrf_input | safe }}<button>Log out</button></form>"""


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


async def retrieve_user(session: dict[str, Any], connection: ASGIConnection) -> str | None:
    username = session.get("username")
    return username if username in users else None


class FreshIdSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection) -> str:
        return connection.get_session_id() or super().get_session_id(connection)

    async def store_in_message(
        self, scope_session: ScopeSession, message: Message, connection: ASGIConnection
    ) -> None:
        if connection.get_session_id() is None and scope_session is not Empty:
            store = self.config.get_store_from_app(connection.scope["app"])
            await self.delete(self.get_session_id(connection), store=store)
            ScopeState.from_scope(connection.scope).session_id = self.generate_session_id()
        await super().store_in_message(scope_session, message, connection)


class SessionConfig(ServerSideSessionConfig):
    _backend_class = FreshIdSessionBackend


session_auth = SessionAuth[str, Any](
    retrieve_user_handler=retrieve_user,
    session_backend_config=SessionConfig(),
    exclude=["/login", "/schema"],
)


@dataclass
class LoginForm:
    username: str
    password: str


@get("/login")
async def login_form() -> Template:
    return Template(template_str=LOGIN_PAGE)


@post("/login", status_code=200)
async def login(request: Request, data: URLEncodedBody[LoginForm]) -> Template | Redirect:
    if not password_hash.verify(data.password, users.get(data.username, UNKNOWN_USER)):
        error = "Please enter a correct username and password."
        return Template(template_str=LOGIN_PAGE, context={"error": error})
    request.clear_session()
    request.set_session({"username": data.username})
    return Redirect("/private", status_code=303)


@post("/logout")
async def logout(request: Request) -> Redirect:
    request.clear_session()
    return Redirect("/login", status_code=303)


@get("/private")
async def private(request: Request[str, Any, Any]) -> Template:
    return Template(template_str=PRIVATE_PAGE, context={"username": request.user})


app = Litestar(
    route_handlers=[login_form, login, logout, private],
    on_app_init=[session_auth.on_app_init],
    csrf_config=CSRFConfig(secret=os.environ.get("CSRF_SECRET") or secrets.token_urlsafe(32)),
    template_config=TemplateConfig(
        instance=JinjaTemplateEngine.from_environment(Environment(autoescape=True))
    ),
)
