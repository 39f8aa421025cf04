from fastapi import APIRouter, HTTPException

from ..catalog import BOOKS

router = APIRouter(prefix="/books", tags=["books"])


@router.get("/")
def book_list():
    return list(BOOKS.values())


@router.get("/{book_id}")
def book_detail(book_id: int):
    if book_id not in BOOKS:
        raise HTTPException(status_code=404, detail="No such book")
    return BOOKS[book_id]
