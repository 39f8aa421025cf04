from fastapi import APIRouter, HTTPException

from ..catalog import AUTHORS, books_by

router = APIRouter(prefix="/authors", tags=["authors"])


@router.get("/")
def author_list():
    return list(AUTHORS.values())


@router.get("/{author_id}")
def author_detail(author_id: int):
    if author_id not in AUTHORS:
        raise HTTPException(status_code=404, detail="No such author")
    return {**AUTHORS[author_id], "books": books_by(author_id)}
