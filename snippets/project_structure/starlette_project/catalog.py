BOOKS = {
    1: {"id": 1, "title": "Middlemarch", "author_id": 1},
    2: {"id": 2, "title": "Mrs Dalloway", "author_id": 2},
    3: {"id": 3, "title": "Silas Marner", "author_id": 1},
}
AUTHORS = {
    1: {"id": 1, "name": "George Eliot"},
    2: {"id": 2, "name": "Virginia Woolf"},
}


def books_by(author_id: int) -> list[dict]:
    return [book for book in BOOKS.values() if book["author_id"] == author_id]
