import asyncio

from quart import Quart, websocket

app = Quart(__name__)
members: set[asyncio.Queue] = set()


@app.websocket("/ws/echo")
async def echo():
    while True:
        message = await websocket.receive()
        await websocket.send(message)


async def broadcast_received():
    while True:
        message = await websocket.receive()
        for queue in members:
            queue.put_nowait(message)


@app.websocket("/ws/chat")
async def chat():
    queue = asyncio.Queue()
    members.add(queue)
    receiving = asyncio.create_task(broadcast_received())
    try:
        while True:
            await websocket.send(await queue.get())
    finally:
        members.discard(queue)
        receiving.cancel()
