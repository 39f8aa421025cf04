from ninja import Router
from ninja.errors import HttpError

from ..catalog import AUTHORS, books_by

router = Router(tags=["authors"])


@router.get("/")
def author_list(request):
    return list(AUTHORS.values())


@router.get("/{author_id}")
def author_detail(request, author_id: int):
    if author_id not in AUTHORS:
        raise HttpError(404, "No such author")
    return {**AUTHORS[author_id], "books": books_by(author_id)}
