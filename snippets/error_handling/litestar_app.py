from http import HTTPStatus

from litestar import Litestar, post
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.params import JSONBody
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)
from pydantic import BaseModel, Field

stock = {1: 5, 2: 0}


class OutOfStock(Exception):
    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class OrderIn(BaseModel):
    item_id: int
    quantity: int = Field(ge=1)


def problem(status: int, detail: str, headers=None, **extra) -> ProblemDetailsException:
    return ProblemDetailsException(
        status_code=status,
        title=HTTPStatus(status).phrase,
        detail=detail,
        headers=headers,
        extra=extra,
    )


def http_problem(exc: HTTPException) -> ProblemDetailsException:
    return problem(exc.status_code, exc.detail, exc.headers)


def validation_problem(exc: ValidationException) -> ProblemDetailsException:
    errors = [
        {"field": error.get("key", "body"), "message": error["message"]} for error in exc.extra
    ]
    return problem(422, "The request is invalid.", errors=errors)


def out_of_stock_problem(exc: OutOfStock) -> ProblemDetailsException:
    return problem(409, str(exc))


@post("/orders")
async def create_order(data: JSONBody[OrderIn]) -> OrderIn:
    if data.item_id not in stock:
        raise NotFoundException(f"Item {data.item_id} does not exist")
    if data.quantity > stock[data.item_id]:
        raise OutOfStock(data.item_id, stock[data.item_id])
    return data


app = Litestar(
    route_handlers=[create_order],
    plugins=[
        ProblemDetailsPlugin(
            ProblemDetailsConfig(
                exception_to_problem_detail_map={
                    HTTPException: http_problem,
                    ValidationException: validation_problem,
                    OutOfStock: out_of_stock_problem,
                }
            )
        )
    ],
)
