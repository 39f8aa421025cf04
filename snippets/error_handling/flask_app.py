from http import HTTPStatus

from flask import Flask, abort, request
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.exceptions import HTTPException

app = Flask(__name__)

stock = {1: 5, 2: 0}


class OutOfStock(Exception):
    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class OrderSchema(Schema):
    item_id = fields.Integer(required=True)
    quantity = fields.Integer(required=True, validate=validate.Range(min=1))


def problem(status: int, detail: str, headers: dict | None = None, **extra):
    body = {"title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return body, status, {**(headers or {}), "Content-Type": "application/problem+json"}


@app.errorhandler(HTTPException)
def http_problem(error: HTTPException):
    return problem(error.code, error.description, dict(error.get_headers()))


@app.errorhandler(ValidationError)
def validation_problem(error: ValidationError):
    errors = [
        {"field": field, "message": message}
        for field, messages in error.normalized_messages().items()
        for message in messages
    ]
    return problem(422, "The request is invalid.", errors=errors)


@app.errorhandler(OutOfStock)
def out_of_stock_problem(error: OutOfStock):
    return problem(409, str(error))


@app.post("/orders")
def create_order():
    order = OrderSchema().load(request.get_json())
    if order["item_id"] not in stock:
        abort(404, description=f"Item {order['item_id']} does not exist")
    if order["quantity"] > stock[order["item_id"]]:
        raise OutOfStock(order["item_id"], stock[order["item_id"]])
    return order, 201
