"""Contract for `response_models`: an output schema that hides the password and writes ISO 8601."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.support import media_type

PASSWORD = "correct horse battery staple"
NEW_USER = {"name": "Ada Lovelace", "email": "ada@example.org", "password": PASSWORD}
PUBLIC_FIELDS = {"id", "name", "email", "created_at"}

UTC_SUFFIX = {
    "django": "Z",
    "django_ninja": "Z",
    "flask": "+00:00",
    "quart": "Z",
    "fastapi": "Z",
    "litestar": "Z",
    "starlette": "Z",
}


def test_create_answers_201_with_the_public_fields_only(http):
    response = http.post("/users", json=NEW_USER)

    assert response.status_code == 201
    assert media_type(response) == "application/json"
    user = response.json()
    assert set(user) == PUBLIC_FIELDS
    assert PASSWORD not in response.text
    assert "password" not in response.text


def test_read_returns_the_same_public_fields(http):
    created = http.post("/users", json=NEW_USER).json()

    response = http.get(f"/users/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created
    assert "password" not in response.text


def test_created_at_is_iso_8601_in_utc_and_recent(http):
    before = datetime.now(UTC)
    created_at = http.post("/users", json=NEW_USER).json()["created_at"]

    parsed = datetime.fromisoformat(created_at)
    assert parsed.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= parsed <= datetime.now(UTC)


# Django's JSON encoder, which Django Ninja's subclasses, keeps milliseconds only.
MAX_FRACTION_DIGITS = {"django_ninja": 3}


def test_utc_is_written_the_way_the_page_says(http, framework):
    created_at = http.post("/users", json=NEW_USER).json()["created_at"]

    assert created_at.endswith(UTC_SUFFIX[framework])
    fraction = created_at.removesuffix(UTC_SUFFIX[framework]).partition(".")[2]
    assert len(fraction) <= MAX_FRACTION_DIGITS.get(framework, 6)


def test_unknown_user_is_404(http):
    assert http.get("/users/999").status_code == 404


# The status of a refused body (as in the page's short_password row): 400 from DRF, Quart-Schema
# and Litestar, 422 from the others.
REFUSED_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 422,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}


@pytest.mark.parametrize("field", ["name", "email", "password"])
def test_missing_input_field_is_rejected(http, framework, field):
    body = {k: v for k, v in NEW_USER.items() if k != field}

    response = http.post("/users", json=body)

    assert response.status_code == REFUSED_STATUS[framework]
    assert field in response.text


# A body that is not UTF-8 is refused like any unreadable JSON: 422 from FastAPI and the
# Starlette snippet, 400 from the rest (Quart through the snippet's UnicodeDecodeError handler).
UNDECODABLE_STATUS = {**dict.fromkeys(REFUSED_STATUS, 400), "fastapi": 422, "starlette": 422}


def test_a_body_that_is_not_utf_8_is_refused(http, framework):
    headers = {"Content-Type": "application/json"}

    response = http.post("/users", content=b"\xff\xfe", headers=headers)

    assert response.status_code == UNDECODABLE_STATUS[framework]


def test_quart_schema_changes_how_quart_writes_datetimes():
    """Plain Quart writes a datetime as Flask does, as an HTTP date; once QuartSchema(app) is
    set up, the app's JSON provider hands it to Pydantic, which writes ISO 8601 with Z."""
    from quart import Quart
    from quart_schema import QuartSchema

    moment = {"at": datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)}
    app = Quart(__name__)
    assert app.json.dumps(moment) == '{"at": "Fri, 02 Jan 2026 03:04:05 GMT"}'

    QuartSchema(app)
    assert app.json.dumps(moment) == '{"at": "2026-01-02T03:04:05.123456Z"}'


def test_starlette_json_response_refuses_a_datetime():
    """Why the Starlette snippet dumps through Pydantic (mode="json"): JSONResponse is json.dumps
    of what it is given, with no encoder for datetimes, models or dataclasses."""
    from starlette.responses import JSONResponse

    with pytest.raises(TypeError, match="datetime is not JSON serializable"):
        JSONResponse({"created_at": datetime.now(UTC)})
