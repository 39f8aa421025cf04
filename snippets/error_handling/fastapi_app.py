from http import HTTPStatus

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()

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


@app.exception_handler(StarletteHTTPException)
async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return problem(exc.status_code, str(exc.detail), exc.headers)


@app.exception_handler(RequestValidationError)
async def validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"field": str(error["loc"][-1]), "message": error["msg"]} for error in exc.errors()]
    return problem(422, "The request is invalid.", errors=errors)


@app.exception_handler(OutOfStock)
async def out_of_stock_problem(request: Request, exc: OutOfStock) -> JSONResponse:
    return problem(409, str(exc))


@app.post("/orders", status_code=201)
def create_order(order: OrderIn) -> OrderIn:
    if order.item_id not in stock:
        raise HTTPException(status_code=404, detail=f"Item {order.item_id} does not exist")
    if order.quantity > stock[order.item_id]:
        raise OutOfStock(order.item_id, stock[order.item_id])
    return order
