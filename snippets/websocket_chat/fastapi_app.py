from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()
members: set[WebSocket] = set()


@app.websocket("/ws/echo")
async def echo(websocket: WebSocket):
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


@app.websocket("/ws/chat")
async def chat(websocket: WebSocket):
    await websocket.accept()
    members.add(websocket)
    try:
        while True:
            message = await websocket.receive_text()
            for member in list(members):
                await member.send_text(message)
    except WebSocketDisconnect:
        members.discard(websocket)
