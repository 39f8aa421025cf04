"""Contract for `file_uploads`: one multipart file, a 1 MiB limit, and a checksum back."""

import hashlib
import os

import pytest

from tests.support import media_type

LIMIT = 1024 * 1024


def upload(http, content: bytes, filename: str = "report.pdf"):
    return http.post("/upload", files={"file": (filename, content, "application/pdf")})


def test_upload_answers_with_name_size_and_checksum(http):
    content = os.urandom(10_000)

    response = upload(http, content)

    assert response.status_code == 200
    assert media_type(response) == "application/json"
    assert response.json() == {
        "filename": "report.pdf",
        "size": 10_000,
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def test_file_just_under_the_limit_is_accepted_whole(http):
    content = os.urandom(LIMIT - 4096)

    response = upload(http, content)

    assert response.status_code == 200
    assert response.json()["sha256"] == hashlib.sha256(content).hexdigest()


# The Django snippet's form refuses an oversize file as an invalid field, a 400; the others
# answer 413 (the page's too_large row).
OVERSIZE_STATUS = {
    "django": 400,
    "django_ninja": 413,
    "flask": 413,
    "quart": 413,
    "fastapi": 413,
    "litestar": 413,
    "starlette": 413,
}


@pytest.mark.parametrize("size", [LIMIT + 1, 2 * LIMIT, 3 * LIMIT])
def test_oversize_file_is_refused(http, framework, size):
    response = upload(http, b"a" * size)

    assert response.status_code == OVERSIZE_STATUS[framework]
    assert "sha256" not in response.text


# A form whose `file` is a text field, so no file: a 422 from the validation of Django Ninja
# and FastAPI, a 400 from the others (as for the page's no_file row).
NO_FILE_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 400,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 400,
}


def test_other_form_fields_do_not_replace_the_file(http, framework):
    response = http.post("/upload", data={"file": "not a file"})

    assert response.status_code == NO_FILE_STATUS[framework]


def test_get_is_not_allowed(http):
    assert http.get("/upload").status_code == 405
