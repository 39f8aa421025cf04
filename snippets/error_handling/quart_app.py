from http import HTTPStatus

from pydantic import BaseModel, Field
from quart import Quart, abort
from quart_schema import QuartSchema, RequestSchemaValidationError, validate_request
from werkzeug.exceptions import HTTPException

app = Quart(__name__)
QuartSchema(app)

stock = {1: 5, 2: 0}


class OutOfStock(Exception):
    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class Order(BaseModel):
    item_id: int
    quantity: int = Field(ge=1)


def problem(status: int, detail: str, headers: dict | None = None, **extra):
    body = {"title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return body, status, {**(headers or {}), "Content-Type": "application/problem+json"}


@app.errorhandler(HTTPException)
async def http_problem(error: HTTPException):
    return problem(error.code, error.description, dict(error.get_headers()))


@app.errorhandler(RequestSchemaValidationError)
async def validation_problem(error: RequestSchemaValidationError):
    errors = [
        {"field": ".".join(map(str, item["loc"])) or "body", "message": item["msg"]}
        for item in error.validation_error.errors()
    ]
    return problem(422, "The request is invalid.", errors=errors)


@app.errorhandler(OutOfStock)
async def out_of_stock_problem(error: OutOfStock):
    return problem(409, str(error))


@app.post("/orders")
@validate_request(Order)
async def create_order(data: Order):
    if data.item_id not in stock:
        abort(404, description=f"Item {data.item_id} does not exist")
    if data.quantity > stock[data.item_id]:
        raise OutOfStock(data.item_id, stock[data.item_id])
    return data, 201
