from django.apps import AppConfig


class BooksConfig(AppConfig):
    name = "snippets.project_structure.django_project.books"
