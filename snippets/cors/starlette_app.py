from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

items = {1: "teapot", 2: "kettle"}


async def list_items(request: Request) -> JSONResponse:
    return JSONResponse(items)


async def delete_item(request: Request) -> Response:
    items.pop(request.path_params["item_id"], None)
    return Response(status_code=204)


app = Starlette(
    routes=[
        Route("/api/items", list_items),
        Route("/api/items/{item_id:int}", delete_item, methods=["DELETE"]),
    ],
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origins=["https://app.example.org"],
            allow_methods=["GET", "DELETE"],
        )
    ],
)
