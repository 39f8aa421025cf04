from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def item_detail(request: Request) -> JSONResponse:
    item_id = request.path_params["item_id"]
    try:
        limit = int(request.query_params.get("limit", 10))
    except ValueError:
        return JSONResponse({"detail": "limit must be an integer"}, status_code=400)
    return JSONResponse({"item_id": item_id, "limit": limit})


app = Starlette(routes=[Route("/items/{item_id:int}", item_detail)])
