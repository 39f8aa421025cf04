from flask import Flask, render_template, request

app = Flask(__name__, template_folder="flask_templates")

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


@app.get("/books")
def book_list():
    query = request.args.get("q", "")
    books = [book for book in BOOKS if query.lower() in book["title"].lower()]
    return render_template("books.html", books=books, query=query)
