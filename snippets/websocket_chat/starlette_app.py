from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

members: set[WebSocket] = set()


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


class Chat(WebSocketEndpoint):
    encoding = "text"

    async def on_connect(self, websocket: WebSocket) -> None:
        await websocket.accept()
        members.add(websocket)

    async def on_receive(self, websocket: WebSocket, data: str) -> None:
        for member in list(members):
            await member.send_text(data)

    async def on_disconnect(self, websocket: WebSocket, close_code: int) -> None:
        members.discard(websocket)


app = Starlette(routes=[WebSocketRoute("/ws/echo", echo), WebSocketRoute("/ws/chat", Chat)])
