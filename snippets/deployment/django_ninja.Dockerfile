FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

RUN pip install --no-cache-dir "django~=6.1.0" "django-ninja~=1.7.1" "gunicorn~=27.0"

COPY snippets/__init__.py snippets/
COPY snippets/deployment/__init__.py snippets/deployment/django_ninja_app.py snippets/deployment/

RUN useradd --system --no-create-home app
USER app

EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "snippets.deployment.django_ninja_app:application"]
