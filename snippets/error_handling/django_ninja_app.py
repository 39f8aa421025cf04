import os
import sys
from http import HTTPStatus

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    MIDDLEWARE=[f"{__name__}.method_not_allowed_problem"],
)

from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

api = NinjaAPI()

stock = {1: 5, 2: 0}


class OutOfStock(Exception):
    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class OrderIn(Schema):
    item_id: int
    quantity: int = Field(ge=1)


def problem(status: int, detail: str, **extra) -> JsonResponse:
    body = {"title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return JsonResponse(body, status=status, content_type="application/problem+json")


@api.exception_handler(ValidationError)
def validation_problem(request, exc):
    errors = [{"field": str(error["loc"][-1]), "message": error["msg"]} for error in exc.errors]
    return problem(422, "The request is invalid.", errors=errors)


@api.exception_handler(HttpError)
def http_problem(request, exc):
    return problem(exc.status_code, str(exc))


@api.exception_handler(OutOfStock)
def out_of_stock_problem(request, exc):
    return problem(409, str(exc))


def not_found(request, exception):
    return problem(404, f"The path {request.path} does not exist")


handler404 = not_found


def method_not_allowed_problem(get_response):
    def middleware(request):
        response = get_response(request)
        if response.status_code != 405:
            return response
        answer = problem(405, f"The method {request.method} is not allowed here")
        answer["Allow"] = response["Allow"]
        return answer

    return middleware


@api.post("/orders", response={201: OrderIn})
def create_order(request, order: OrderIn):
    if order.item_id not in stock:
        raise HttpError(404, f"Item {order.item_id} does not exist")
    if order.quantity > stock[order.item_id]:
        raise OutOfStock(order.item_id, stock[order.item_id])
    return order


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
