from quart import Quart, render_template, request

app = Quart(__name__, template_folder="quart_templates")

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


@app.get("/books")
async def book_list():
    query = request.args.get("q", "")
    books = [book for book in BOOKS if query.lower() in book["title"].lower()]
    return await render_template("books.html", books=books, query=query)
