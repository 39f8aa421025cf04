from flask import Flask

from snippets.project_structure.flask_project import authors, books


def create_app():
    app = Flask(__name__)
    app.register_blueprint(books.bp)
    app.register_blueprint(authors.bp)
    return app


app = create_app()
