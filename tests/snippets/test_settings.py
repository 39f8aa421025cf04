"""Contract for `settings`: APP_* environment variables become typed settings, shown at /config.

Each test sets the environment first, then starts the snippet afresh, as a new process would.
"""

import ast
import sys
from pathlib import Path

import pytest

from tests.support import client, snippet_module, uses_django

VARIABLES = ("APP_NAME", "APP_PAGE_SIZE", "APP_SIGNUP_OPEN", "APP_SECRET_KEY")
DEFAULTS = {"name": "Field Guide", "page_size": 20, "signup_open": False}

# How each snippet reads values it cannot convert, as the page's "Values that do not convert"
# section states. "error" means the app refuses to start with a ValueError.
NOT_CONVERTED = {
    ("APP_PAGE_SIZE", "ten"): {
        "django": "error",
        "django_ninja": "error",
        "flask": "ten",
        "quart": "ten",
        "fastapi": "error",
        "litestar": "error",
        "starlette": "error",
    },
    ("APP_SIGNUP_OPEN", "maybe"): {
        "django": False,
        "django_ninja": False,
        "flask": "maybe",
        "quart": "maybe",
        "fastapi": "error",
        "litestar": "error",
        "starlette": "error",
    },
    ("APP_SIGNUP_OPEN", "1"): {
        "django": True,
        "django_ninja": True,
        "flask": 1,
        "quart": 1,
        "fastapi": True,
        "litestar": True,
        "starlette": True,
    },
}
# Each test starts the snippet afresh; Django can configure its settings once per process.
pytestmark = pytest.mark.fresh_process

KEYS = {"APP_PAGE_SIZE": "page_size", "APP_SIGNUP_OPEN": "signup_open"}


@pytest.fixture
def start(framework, monkeypatch):
    """Start the snippet with exactly these APP_* variables set."""

    def start(**env):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delitem(sys.modules, f"snippets.settings.{framework}_app", raising=False)
        return client("settings", framework)

    return start


def test_defaults_apply_without_environment(start):
    with start() as http:
        response = http.get("/config")

    assert response.status_code == 200
    assert response.json() == DEFAULTS


def test_environment_overrides_with_types(start):
    env = {"APP_NAME": "Staging", "APP_PAGE_SIZE": "50", "APP_SIGNUP_OPEN": "true"}
    with start(**env) as http:
        config = http.get("/config").json()

    assert config == {"name": "Staging", "page_size": 50, "signup_open": True}
    assert type(config["page_size"]) is int
    assert type(config["signup_open"]) is bool


def signing_key(framework: str) -> str:
    """The key the running snippet holds: Django's `SECRET_KEY` and Flask's and Quart's
    `app.secret_key` are what those frameworks sign sessions and signed values with; FastAPI,
    Litestar and Starlette keep it in the snippet's settings for the code that signs."""
    module = snippet_module("settings", framework)
    if uses_django(framework):
        from django.conf import settings

        return settings.SECRET_KEY
    if framework in ("flask", "quart"):
        return module.app.secret_key
    if framework in ("fastapi", "litestar"):
        return module.settings.secret_key.get_secret_value()
    return str(module.SECRET_KEY)


def test_secret_is_read_but_never_shown(start, framework):
    with start(APP_SECRET_KEY="s3cret-from-the-environment") as http:
        response = http.get("/config")
        key = signing_key(framework)

    assert key == "s3cret-from-the-environment"
    assert "s3cret" not in response.text
    assert "secret" not in response.json()


def test_without_the_variable_the_secret_is_random(start, framework):
    """No usable key ships with the code: the one made at startup is long and is none of the
    snippet's string literals."""
    with start():
        key = signing_key(framework)

    source = Path(snippet_module("settings", framework).__file__).read_text(encoding="utf-8")
    literals = {
        node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
    }
    assert len(key) >= 32
    assert key not in literals


@pytest.mark.parametrize(("variable", "value"), list(NOT_CONVERTED), ids=lambda v: str(v))
def test_values_that_do_not_convert_behave_as_recorded(framework, start, variable, value):
    expected = NOT_CONVERTED[variable, value][framework]

    if expected == "error":
        with pytest.raises(ValueError, match=variable.removeprefix("APP_").lower() + "|" + value):
            start(**{variable: value}).__enter__()
    else:
        with start(**{variable: value}) as http:
            shown = http.get("/config").json()[KEYS[variable]]
        assert shown == expected
        assert type(shown) is type(expected)


def test_starlette_config_warns_about_a_missing_env_file(tmp_path, monkeypatch):
    """Why the Starlette snippet builds Config() without a file: Starlette's docs write
    Config(".env"), which warns at startup wherever there is no .env (in production, say), and
    then reads the environment alone. With the file, the environment still wins."""
    from starlette.config import Config

    monkeypatch.chdir(tmp_path)
    with pytest.warns(UserWarning, match=r"Config file '\.env' not found"):
        Config(".env")

    (tmp_path / ".env").write_text("APP_NAME=From the file\nAPP_PAGE_SIZE=5\n", encoding="utf-8")
    monkeypatch.setenv("APP_PAGE_SIZE", "50")
    config = Config(".env", env_prefix="APP_")
    assert config("NAME") == "From the file"
    assert config("PAGE_SIZE", cast=int) == 50
