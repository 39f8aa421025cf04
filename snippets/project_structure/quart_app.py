from quart import Quart

from snippets.project_structure.quart_project import authors, books


def create_app():
    app = Quart(__name__)
    app.register_blueprint(books.bp)
    app.register_blueprint(authors.bp)
    return app


app = create_app()
