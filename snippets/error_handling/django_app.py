import os
import sys
from http import HTTPStatus

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    REST_FRAMEWORK={"EXCEPTION_HANDLER": f"{__name__}.problem_handler"},
)
django.setup()

from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler

stock = {1: 5, 2: 0}


class OutOfStock(APIException):
    status_code = status.HTTP_409_CONFLICT

    def __init__(self, item_id: int, available: int):
        super().__init__(f"Only {available} of item {item_id} left")


class OrderSerializer(serializers.Serializer):
    item_id = serializers.IntegerField()
    quantity = serializers.IntegerField(min_value=1)


def problem_body(status_code: int, detail: str, **extra) -> dict:
    return {
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        **extra,
    }


def problem_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        errors = [
            {"field": field, "message": str(message)}
            for field, messages in exc.detail.items()
            for message in messages
        ]
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        response.data = problem_body(422, "The request is invalid.", errors=errors)
    else:
        response.data = problem_body(response.status_code, str(response.data["detail"]))
    response.content_type = "application/problem+json"
    return response


def not_found(request, exception):
    body = problem_body(404, f"The path {request.path} does not exist")
    return JsonResponse(body, status=404, content_type="application/problem+json")


handler404 = not_found


@api_view(["POST"])
def create_order(request):
    serializer = OrderSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    order = serializer.validated_data
    if order["item_id"] not in stock:
        raise NotFound(f"Item {order['item_id']} does not exist")
    if order["quantity"] > stock[order["item_id"]]:
        raise OutOfStock(order["item_id"], stock[order["item_id"]])
    return Response(order, status=status.HTTP_201_CREATED)


urlpatterns = [path("orders", create_order)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
