from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .catalog import AUTHORS, books_by


async def author_list(request: Request) -> JSONResponse:
    return JSONResponse(list(AUTHORS.values()))


async def author_detail(request: Request) -> JSONResponse:
    author_id = request.path_params["author_id"]
    if author_id not in AUTHORS:
        raise HTTPException(status_code=404, detail="No such author")
    return JSONResponse({**AUTHORS[author_id], "books": books_by(author_id)})


routes = [Route("/", author_list), Route("/{author_id:int}", author_detail)]
