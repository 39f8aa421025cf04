from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "snippets.project_structure.django_project.authors"
