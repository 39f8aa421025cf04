from fastapi import FastAPI

from snippets.project_structure.fastapi_project.routers import authors, books

app = FastAPI()
app.include_router(books.router)
app.include_router(authors.router)
