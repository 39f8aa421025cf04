FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

RUN pip install --no-cache-dir "starlette~=1.10.0" "uvicorn~=0.54.0"

COPY snippets/__init__.py snippets/
COPY snippets/deployment/__init__.py snippets/deployment/starlette_app.py snippets/deployment/

RUN useradd --system --no-create-home app
USER app

EXPOSE 8000
CMD ["uvicorn", "snippets.deployment.starlette_app:app", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
