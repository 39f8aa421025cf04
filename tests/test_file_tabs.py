"""`file_tabs` shows extra tested files per framework, and refuses files the tests do not use."""

from dataclasses import replace

import pytest

from fieldguide.errors import InputError
from fieldguide.file_tabs import file_tabs, language
from tests.support import catalog


def test_tabs_follow_framework_order_and_include_each_file():
    text = file_tabs(
        catalog(),
        "docs/x.md",
        {
            "fastapi": "snippets/templates/fastapi_templates/base.html",
            "django": ["snippets/templates/django_app.py", "tests/snippets/test_templates.py"],
        },
    )

    assert text.index('=== "Django"') < text.index('=== "FastAPI"')
    assert '=== "Flask"' not in text
    assert '    ```python title="snippets/templates/django_app.py"' in text
    assert '    --8<-- "tests/snippets/test_templates.py"' in text
    assert '    ```html title="snippets/templates/fastapi_templates/base.html"' in text


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"rails": "snippets/templates/django_app.py"}, "unknown framework 'rails'"),
        ({"django": "snippets/templates/missing.html"}, "does not exist"),
        ({"django": "pyproject.toml"}, "is not under snippets/"),
        ({"django": "snippets/../pyproject.toml"}, "is not under snippets/"),
    ],
)
def test_bad_files_are_refused_with_the_page_named(files, message):
    with pytest.raises(InputError) as error:
        file_tabs(catalog(), "docs/tasks/x.md", files)

    assert "docs/tasks/x.md" in str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a/Dockerfile", "dockerfile"), ("a/b.html", "html"), ("a/b.py", "python"), ("a/b", "text")],
)
def test_language_comes_from_the_file_name(path, expected):
    assert language(path) == expected


def test_a_quote_in_a_framework_name_cannot_end_the_tab_title():
    django = catalog().framework("django")
    renamed = replace(catalog(), frameworks=(django.model_copy(update={"name": 'Dj"ango'}),))
    text = file_tabs(renamed, "docs/x.md", {"django": "snippets/templates/django_app.py"})
    assert text.startswith('=== "Dj&quot;ango"\n')
