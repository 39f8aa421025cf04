"""Contract for `websocket_chat`: an echo endpoint and a broadcasting chat room.

WebSockets need a socket, so each snippet runs on a real server on loopback
(tests/servers.py: Werkzeug's threaded server for Flask-Sock, uvicorn for FastAPI and for the
Django Channels application) and the tests talk to it with the `websockets` client library,
as a browser would: with an `Origin` header naming the page's own site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.servers import serve
from tests.support import catalog, snippet_module

TASK = "websocket_chat"
WAIT = 30  # seconds to wait for a message before failing

Connect = Callable[..., AbstractContextManager[ClientConnection]]


def ws_url(url: str, path: str) -> str:
    return url.replace("http://", "ws://") + path


@pytest.fixture
def ws(framework: str) -> Iterator[Connect]:
    """`ws(path, origin=...)` opens a WebSocket to the snippet; the origin defaults to the
    server's own, as for a page served by the same app."""
    module = snippet_module(TASK, framework)
    app = getattr(module, catalog().framework(framework).app_attribute)
    with serve(app) as url:
        own_origin = url

        def open_socket(path: str, origin: str | None = "own") -> AbstractContextManager:
            headers = (
                {} if origin is None else {"Origin": own_origin if origin == "own" else origin}
            )
            return connect(
                ws_url(url, path),
                additional_headers=headers,
                open_timeout=WAIT,
                close_timeout=WAIT,
            )

        yield open_socket


def test_echo_sends_each_message_back(ws):
    with ws("/ws/echo") as socket:
        socket.send("hello")
        assert socket.recv(WAIT) == "hello"
        socket.send("héllo again")
        assert socket.recv(WAIT) == "héllo again"


def test_chat_broadcasts_to_every_member(ws):
    with ws("/ws/chat") as ada, ws("/ws/chat") as grace:
        # Once grace hears her own message, the room has her; the order is then fixed.
        grace.send("grace joined")
        assert grace.recv(WAIT) == "grace joined"
        assert ada.recv(WAIT) == "grace joined"

        ada.send("hello, room")

        assert ada.recv(WAIT) == "hello, room"
        assert grace.recv(WAIT) == "hello, room"


def test_a_member_who_left_no_longer_receives(ws):
    with ws("/ws/chat") as ada:
        with ws("/ws/chat") as grace:
            grace.send("grace here")
            assert grace.recv(WAIT) == "grace here"
            assert ada.recv(WAIT) == "grace here"
        with ws("/ws/chat") as linus:
            linus.send("linus here")
            assert ada.recv(WAIT) == "linus here"
            ada.send("still there?")
            assert linus.recv(WAIT) == "linus here"
            assert linus.recv(WAIT) == "still there?"
            assert ada.recv(WAIT) == "still there?"


def test_flask_broadcast_drops_a_member_that_has_just_gone():
    """Flask-Sock runs each connection in its own thread, so a member can close while another
    thread broadcasts to it (seen as a rare failure of the test above under load). Its send()
    raises ConnectionClosed; the broadcast must drop it and keep the sender connected."""
    from simple_websocket import ConnectionClosed

    module = snippet_module(TASK, "flask")

    class Gone:
        def send(self, message: str) -> None:
            raise ConnectionClosed()

    gone = Gone()
    with serve(module.app) as url, connect(ws_url(url, "/ws/chat"), open_timeout=WAIT) as ada:
        ada.send("joined")
        assert ada.recv(WAIT) == "joined"
        module.members.add(gone)
        ada.send("anyone there?")
        assert ada.recv(WAIT) == "anyone there?"
        ada.send("still connected")
        assert ada.recv(WAIT) == "still connected"
        assert gone not in module.members


# Browsers send the page's Origin with every WebSocket handshake and do not apply the
# same-origin policy to WebSockets, so a server that wants to refuse other sites must check it.
# Channels' AllowedHostsOriginValidator checks it against ALLOWED_HOSTS (and refuses a missing
# Origin); FastAPI, Flask-Sock, Litestar and Starlette accept any Origin unless the endpoint
# checks it.
ACCEPTS_FOREIGN_ORIGIN = {
    "django": False,
    "django_ninja": False,
    "flask": True,
    "quart": True,
    "fastapi": True,
    "litestar": True,
    "starlette": True,
}


@pytest.mark.parametrize("origin", ["https://evil.example", None], ids=["foreign", "missing"])
def test_origin_check(ws, framework, origin):
    if ACCEPTS_FOREIGN_ORIGIN[framework]:
        with ws("/ws/echo", origin=origin) as socket:
            socket.send("hi")
            assert socket.recv(WAIT) == "hi"
    else:
        with pytest.raises(InvalidStatus) as refused, ws("/ws/echo", origin=origin):
            pass
        assert refused.value.response.status_code == 403


def test_quart_test_client_speaks_websocket_and_quart_cors_checks_the_origin():
    """Quart's own test client opens WebSockets in-process. quart-cors's cors() also guards
    WebSocket handshakes: an Origin it does not allow is refused with 400 before the handler."""
    import asyncio

    from quart import Quart, websocket
    from quart.testing import WebsocketResponseError
    from quart_cors import cors

    app = cors(Quart(__name__), allow_origin=["https://app.example.org"])

    @app.websocket("/ws")
    async def greet():
        await websocket.send("hi")

    async def handshake(origin: str) -> str | int:
        try:
            async with app.test_client().websocket("/ws", headers={"Origin": origin}) as socket:
                return await socket.receive()
        except WebsocketResponseError as error:
            return error.response.status_code

    assert asyncio.run(handshake("https://app.example.org")) == "hi"
    assert asyncio.run(handshake("https://evil.example")) == 400
