import itertools

from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint, abort
from marshmallow import Schema, fields, validate

app = Flask(__name__)
app.config.update(
    API_TITLE="Library",
    API_VERSION="1.0.0",
    OPENAPI_VERSION="3.1.0",
    OPENAPI_URL_PREFIX="/",
)
api = Api(app)

blp = Blueprint("books", __name__, url_prefix="/books", description="Books in the library")


class BookSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    author = fields.String(required=True, validate=validate.Length(min=1, max=100))


books: dict[int, dict] = {}
ids = itertools.count(1)


@blp.route("")
class Books(MethodView):
    @blp.response(200, BookSchema(many=True))
    def get(self):
        return list(books.values())

    @blp.arguments(BookSchema)
    @blp.response(201, BookSchema)
    def post(self, data):
        book = {"id": next(ids), **data}
        books[book["id"]] = book
        return book


@blp.route("/<int:book_id>")
class BookById(MethodView):
    @blp.response(200, BookSchema)
    def get(self, book_id: int):
        if book_id not in books:
            abort(404, message="Book not found")
        return books[book_id]


api.register_blueprint(blp)
