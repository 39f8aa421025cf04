from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .catalog import BOOKS


async def book_list(request: Request) -> JSONResponse:
    return JSONResponse(list(BOOKS.values()))


async def book_detail(request: Request) -> JSONResponse:
    book_id = request.path_params["book_id"]
    if book_id not in BOOKS:
        raise HTTPException(status_code=404, detail="No such book")
    return JSONResponse(BOOKS[book_id])


routes = [Route("/", book_list), Route("/{book_id:int}", book_detail)]
