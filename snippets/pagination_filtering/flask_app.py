import os

from flask import Flask, abort, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///books.db")
db.init_app(app)


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


with app.app_context():
    db.create_all()


@app.get("/books")
def list_books():
    query = db.select(Book).order_by(Book.id)
    number = request.args.get("page", 1, type=int)
    year = request.args.get("year", type=int)
    if number > 10_000 or (year is not None and not 0 <= year <= 9999):
        abort(400)
    if year is not None:
        query = query.where(Book.year == year)
    limit = request.args.get("limit", 20, type=int)
    page = db.paginate(query, page=number, per_page=limit, max_per_page=100)
    return {
        "items": [{"id": b.id, "title": b.title, "year": b.year} for b in page.items],
        "total": page.total,
        "page": page.page,
        "limit": page.per_page,
    }
