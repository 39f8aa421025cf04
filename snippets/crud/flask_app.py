import os

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///crud.db")
db.init_app(app)


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


class BookSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    year = fields.Integer(required=True, validate=validate.Range(min=0, max=9999))


schema = BookSchema()

with app.app_context():
    db.create_all()


@app.errorhandler(ValidationError)
def validation_error(error):
    return {"errors": error.messages}, 422


@app.get("/books")
def list_books():
    books = db.session.scalars(db.select(Book).order_by(Book.id))
    return schema.dump(books, many=True)


@app.post("/books")
def create_book():
    book = Book(**schema.load(request.get_json()))
    db.session.add(book)
    db.session.commit()
    return schema.dump(book), 201


@app.get("/books/<int:book_id>")
def get_book(book_id):
    return schema.dump(db.get_or_404(Book, book_id))


@app.patch("/books/<int:book_id>")
def update_book(book_id):
    book = db.get_or_404(Book, book_id)
    for name, value in schema.load(request.get_json(), partial=True).items():
        setattr(book, name, value)
    db.session.commit()
    return schema.dump(book)


@app.delete("/books/<int:book_id>")
def delete_book(book_id):
    db.session.delete(db.get_or_404(Book, book_id))
    db.session.commit()
    return "", 204
