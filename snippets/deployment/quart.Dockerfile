FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

RUN pip install --no-cache-dir "quart~=0.23.0" "hypercorn~=0.18.0"

COPY snippets/__init__.py snippets/
COPY snippets/deployment/__init__.py snippets/deployment/quart_app.py snippets/deployment/

RUN useradd --system --no-create-home app
USER app

EXPOSE 8000
CMD ["hypercorn", "--bind", "0.0.0.0:8000", "--workers", "2", "snippets.deployment.quart_app:app"]
