import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///library.db")
db.init_app(app)


class Author(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    books: Mapped[list["Book"]] = relationship(back_populates="author", order_by="Book.id")

    def to_dict(self):
        return {"id": self.id, "name": self.name}


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")

    def to_dict(self):
        return {"id": self.id, "title": self.title}


with app.app_context():
    db.create_all()


@app.get("/authors")
def list_authors():
    query = db.select(Author).options(selectinload(Author.books)).order_by(Author.id)
    return [
        {**author.to_dict(), "books": [book.to_dict() for book in author.books]}
        for author in db.session.scalars(query)
    ]


@app.get("/books")
def list_books():
    query = db.select(Book).options(joinedload(Book.author)).order_by(Book.id)
    return [
        {**book.to_dict(), "author": book.author.to_dict()} for book in db.session.scalars(query)
    ]
