from http import HTTPStatus

from pydantic import BaseModel, Field, ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

stock = {1: 5, 2: 0}


class OutOfStock(Exception):
    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class OrderIn(BaseModel):
    item_id: int
    quantity: int = Field(ge=1)


def problem(status: int, detail: str, headers: dict | None = None, **extra) -> JSONResponse:
    body = {"title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return JSONResponse(
        body, status_code=status, headers=headers, media_type="application/problem+json"
    )


async def http_problem(request: Request, exc: HTTPException) -> JSONResponse:
    return problem(exc.status_code, exc.detail, exc.headers)


async def validation_problem(request: Request, exc: ValidationError) -> JSONResponse:
    errors = [
        {"field": ".".join(map(str, error["loc"])), "message": error["msg"]}
        for error in exc.errors()
    ]
    return problem(422, "The request is invalid.", errors=errors)


async def out_of_stock_problem(request: Request, exc: OutOfStock) -> JSONResponse:
    return problem(409, str(exc))


async def create_order(request: Request) -> JSONResponse:
    order = OrderIn.model_validate_json(await request.body())
    if order.item_id not in stock:
        raise HTTPException(status_code=404, detail=f"Item {order.item_id} does not exist")
    if order.quantity > stock[order.item_id]:
        raise OutOfStock(order.item_id, stock[order.item_id])
    return JSONResponse(order.model_dump(), status_code=201)


app = Starlette(
    routes=[Route("/orders", create_order, methods=["POST"])],
    exception_handlers={
        HTTPException: http_problem,
        ValidationError: validation_problem,
        OutOfStock: out_of_stock_problem,
    },
)
