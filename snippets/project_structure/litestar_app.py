from litestar import Litestar

from snippets.project_structure.litestar_project.authors import AuthorController
from snippets.project_structure.litestar_project.books import BookController

app = Litestar(route_handlers=[BookController, AuthorController])
