from ninja import Router
from ninja.errors import HttpError

from ..catalog import BOOKS

router = Router(tags=["books"])


@router.get("/")
def book_list(request):
    return list(BOOKS.values())


@router.get("/{book_id}")
def book_detail(request, book_id: int):
    if book_id not in BOOKS:
        raise HttpError(404, "No such book")
    return BOOKS[book_id]
