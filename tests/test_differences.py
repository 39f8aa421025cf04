"""Every "What differs" row on a task page is a request this test sends and an answer it checks."""

from __future__ import annotations

import pytest

from fieldguide.models import Observed, Upload
from tests.databases import database_marks, differences_client
from tests.support import catalog, isolation_marks


def _cases():
    for task in catalog().tasks.values():
        for difference in task.differences:
            for framework, observed in difference.observed.items():
                yield pytest.param(
                    task.id,
                    difference,
                    framework,
                    observed,
                    id=f"{task.id}-{difference.id}-{framework}",
                    marks=isolation_marks(framework) + database_marks(task.id),
                )


def contains(actual: object, expected: object) -> bool:
    """Objects match when every expected key is present with a matching value; lists match
    item by item. The data can so leave out values that change per run, such as new ids."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and contains(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(contains(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return actual == expected and type(actual) is type(expected)


def _files(upload: Upload | None) -> dict | None:
    if upload is None:
        return None
    return {upload.field: (upload.filename, b"a" * upload.size)}


@pytest.mark.parametrize(("task", "difference", "framework", "observed"), list(_cases()))
def test_page_states_the_real_answer(
    task, difference, framework, observed: Observed, tmp_path_factory
):
    request = difference.request
    with differences_client(task, framework, tmp_path_factory) as http:
        response = http.request(
            request.method,
            request.path,
            headers=request.headers,
            json=request.json_body,
            files=_files(request.upload),
        )

    assert response.status_code == observed.status
    assert response.headers.get("content-type", "").startswith(observed.content_type)
    for name, value in observed.headers.items():
        assert response.headers.get(name) == value, name
    if observed.json_body is not None:
        assert contains(response.json(), observed.json_body), response.text
    if observed.text is not None:
        assert response.text == observed.text


@pytest.mark.parametrize(
    ("actual", "expected", "result"),
    [
        ({"a": 1, "b": 2}, {"a": 1}, True),
        ({"a": 1}, {"a": 2}, False),
        ({"a": 1}, {"b": 1}, False),
        ([1, 2], [1], False),
        ([{"a": 1, "x": 0}], [{"a": 1}], True),
        (1, True, False),
        ("36", 36, False),
    ],
)
def test_contains_is_strict_where_it_must_be(actual, expected, result):
    assert contains(actual, expected) is result
