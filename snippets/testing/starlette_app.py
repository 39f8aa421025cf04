from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config()


async def hello(request: Request) -> JSONResponse:
    name = request.query_params.get("name", "world")
    return JSONResponse({"message": f"{request.app.state.greeting}, {name}!"})


async def reverse(request: Request) -> JSONResponse:
    try:
        data = await request.json()
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return JSONResponse({"error": "send a JSON object with a text field"}, status_code=400)
    return JSONResponse({"text": data["text"][::-1]})


app = Starlette(routes=[Route("/hello", hello), Route("/reverse", reverse, methods=["POST"])])
app.state.greeting = config("GREETING", default="Hello")
