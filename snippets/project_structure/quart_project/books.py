from quart import Blueprint, abort

from .catalog import BOOKS

bp = Blueprint("books", __name__, url_prefix="/books")


@bp.get("/")
async def book_list():
    return list(BOOKS.values())


@bp.get("/<int:book_id>")
async def book_detail(book_id):
    if book_id not in BOOKS:
        abort(404)
    return BOOKS[book_id]
