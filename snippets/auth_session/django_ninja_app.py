import os
import secrets
import sys

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

LOGIN_PAGE = """<form method="post">{% csrf_token %}{{ form }}<button>Log in</button></form>"""
PRIVATE_PAGE = """<p>Hello, {{ user.username }}</p>
<form method="post" action="/logout">{% csrf_token %}<button>Log out</button></form>"""

settings.configure(
    ROOT_URLCONF=__name__,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DJANGO_DB_PATH", "db.sqlite3"),
        }
    },
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "context_processors": ["django.contrib.auth.context_processors.auth"],
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"registration/login.html": LOGIN_PAGE, "private.html": PRIVATE_PAGE},
                    )
                ],
            },
        }
    ],
    LOGIN_REDIRECT_URL="/private",
    LOGOUT_REDIRECT_URL="/login",
)
django.setup()

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(auth=django_auth)


@api.get("/private")
def private(request):
    return render(request, "private.html")


urlpatterns = [
    path("login", auth_views.LoginView.as_view()),
    path("logout", auth_views.LogoutView.as_view()),
    path("", api.urls),
]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
