import os
import secrets

from flask import Flask, Response, request
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ADMIN_USERNAME = os.environ["ADMIN_USERNAME"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]


class Base(DeclarativeBase):
    pass


app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY") or secrets.token_urlsafe()
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///admin.sqlite3")
db = SQLAlchemy(app, model_class=Base)


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author: Mapped[str]
    year: Mapped[int]
    in_print: Mapped[bool] = mapped_column(default=True)


class BookView(ModelView):
    column_list = ("title", "author", "year", "in_print")
    column_searchable_list = ("title", "author")
    column_filters = ("in_print",)
    named_filter_urls = True

    def is_accessible(self):
        auth = request.authorization
        return (
            auth is not None
            and secrets.compare_digest(auth.username or "", ADMIN_USERNAME)
            and secrets.compare_digest(auth.password or "", ADMIN_PASSWORD)
        )

    def inaccessible_callback(self, name, **kwargs):
        return Response("Log in to the admin.", 401, {"WWW-Authenticate": 'Basic realm="admin"'})


admin = Admin(app, name="Bookshop")
admin.add_view(BookView(Book, db))

with app.app_context():
    db.create_all()
