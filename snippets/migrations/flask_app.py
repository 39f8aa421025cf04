import os
from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///library.db")
db.init_app(app)
migrate = Migrate(app, db, directory=str(Path(__file__).with_name("flask_migrations")))


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None]


@app.get("/books")
def list_books():
    books = db.session.scalars(db.select(Book).order_by(Book.id))
    return [{"id": b.id, "title": b.title, "year": b.year} for b in books]
