from quart import Blueprint, abort

from .catalog import AUTHORS, books_by

bp = Blueprint("authors", __name__, url_prefix="/authors")


@bp.get("/")
async def author_list():
    return list(AUTHORS.values())


@bp.get("/<int:author_id>")
async def author_detail(author_id):
    if author_id not in AUTHORS:
        abort(404)
    return {**AUTHORS[author_id], "books": books_by(author_id)}
