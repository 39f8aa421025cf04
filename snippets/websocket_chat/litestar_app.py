from litestar import Litestar, WebSocket, websocket_listener

members: set[WebSocket] = set()


@websocket_listener("/ws/echo")
async def echo(data: str) -> str:
    return data


async def join(socket: WebSocket) -> None:
    members.add(socket)


async def leave(socket: WebSocket) -> None:
    members.discard(socket)


@websocket_listener("/ws/chat", on_accept=join, on_disconnect=leave)
async def chat(data: str) -> None:
    for member in list(members):
        await member.send_text(data)


app = Litestar(route_handlers=[echo, chat])
