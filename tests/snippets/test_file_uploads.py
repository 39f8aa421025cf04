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


@pytest.mark.parametrize("size", [LIMIT + 1, 2 * LIMIT, 3 * LIMIT])
def test_oversize_file_is_refused(http, size):
    response = upload(http, b"a" * size)

    assert response.status_code in (400, 413)
    assert "sha256" not in response.text


def test_other_form_fields_do_not_replace_the_file(http):
    response = http.post("/upload", data={"file": "not a file"})

    assert response.status_code in (400, 422)


def test_get_is_not_allowed(http):
    assert http.get("/upload").status_code == 405
