"""Contract for `pagination_filtering`: GET /books?page=&limit=&year= over a database table.

Each framework wraps a page in its own keys (PAGE_KEYS, the page's `page_shape` difference);
`items` and `total` read the rows and the count from any of them. Runs on SQLite, and on
PostgreSQL when DATABASE_URL is set."""

from tests.databases import database_marks, insert

pytestmark = database_marks("pagination_filtering")


def items(body):
    return body["results"] if "results" in body else body["items"]


def total(body):
    return body["count"] if "count" in body else body["total"]


def seed(framework, count, year=lambda n: 1900 + n % 3):
    rows = [{"title": f"Book {n:03}", "year": year(n)} for n in range(count)]
    return insert("pagination_filtering", framework, "Book", rows)


def get(http, **params):
    response = http.get("/books", params=params)
    assert response.status_code == 200, response.text
    return response.json()


# The keys of a page: DRF's PageNumberPagination, Ninja's items and count with the snippet's page
# and limit, Litestar's OffsetPagination, and the snippets' own {items, total, page, limit}.
PAGE_KEYS = {
    "django": {"count", "next", "previous", "results"},
    "django_ninja": {"items", "count", "page", "limit"},
    "flask": {"items", "total", "page", "limit"},
    "quart": {"items", "total", "page", "limit"},
    "fastapi": {"items", "total", "page", "limit"},
    "litestar": {"items", "limit", "offset", "total"},
    "starlette": {"items", "total", "page", "limit"},
}


def test_first_page_has_the_default_size_in_id_order(db_http, framework):
    ids = seed(framework, 25)

    body = get(db_http)

    assert set(body) == PAGE_KEYS[framework]
    assert [book["id"] for book in items(body)] == ids[:20]
    assert total(body) == 25


def test_page_and_limit_select_a_slice(db_http, framework):
    ids = seed(framework, 25)

    assert [b["id"] for b in items(get(db_http, page=2, limit=10))] == ids[10:20]
    assert [b["id"] for b in items(get(db_http, page=3, limit=10))] == ids[20:]


def test_pages_do_not_overlap_or_skip_rows(db_http, framework):
    ids = seed(framework, 23, year=lambda n: 2000 - n)

    seen = [b["id"] for page in (1, 2, 3) for b in items(get(db_http, page=page, limit=8))]

    assert seen == ids


def test_filter_keeps_matching_rows_and_counts_them(db_http, framework):
    seed(framework, 30)

    body = get(db_http, year=1901, limit=5, page=2)

    assert [b["year"] for b in items(body)] == [1901] * 5
    assert total(body) == 10
    assert [b["title"] for b in items(body)] == [f"Book {n:03}" for n in range(16, 30, 3)]


def test_filter_without_match_is_an_empty_page(db_http, framework):
    seed(framework, 3)

    body = get(db_http, year=1850)

    assert items(body) == []
    assert total(body) == 0


# The page's "Out-of-range input" section and its limit_too_large, page_zero and limit_zero rows:
# DRF, Flask-SQLAlchemy and the Django Ninja snippet clamp a limit above 100 (200); the others
# refuse it, with 422 from Pydantic's bounds (FastAPI, Starlette) or 400, the status of a failed
# parameter in Litestar and Quart-Schema. Django Ninja refuses a page or limit below 1 with 422;
# DRF and Flask's paginate() answer page 0 with 404, and a limit of 0 with the default page
# (DRF) or a 404 (Flask).
LIMIT_ABOVE_100_STATUS = {
    "django": 200,
    "django_ninja": 200,
    "flask": 200,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}
PAGE_BELOW_1_STATUS = {
    "django": 404,
    "django_ninja": 422,
    "flask": 404,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}
LIMIT_BELOW_1_STATUS = {
    "django": 200,
    "django_ninja": 422,
    "flask": 404,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}


def test_limit_above_100_is_clamped_or_rejected(db_http, framework):
    seed(framework, 120)

    response = db_http.get("/books", params={"limit": 500})

    assert response.status_code == LIMIT_ABOVE_100_STATUS[framework]
    if response.status_code == 200:
        assert len(items(response.json())) == 100


def test_page_below_1_is_rejected(db_http, framework):
    seed(framework, 3)

    for page in (0, -1):
        response = db_http.get("/books", params={"page": page})

        assert response.status_code == PAGE_BELOW_1_STATUS[framework], page


def test_limit_below_1_never_returns_an_unbounded_page(db_http, framework):
    seed(framework, 30)

    response = db_http.get("/books", params={"limit": 0})

    assert response.status_code == LIMIT_BELOW_1_STATUS[framework]
    if response.status_code == 200:
        assert len(items(response.json())) == 20


# The page's "Bounds" note: page at most 10000 and year from 0 to 9999, except in the two Django
# tabs, where the ORM answers a year outside the column's range with an empty page; a size is
# clamped or refused as above. Unbounded, 2**63 reached SQLite and answered 500.
HUGE_QUERY_STATUS = {
    "django": {"year": 200, "page": 404, "limit": 200},
    "django_ninja": {"year": 200, "page": 422, "limit": 200},
    "flask": {"year": 400, "page": 400, "limit": 200},
    "quart": dict.fromkeys(("year", "page", "limit"), 400),
    "fastapi": dict.fromkeys(("year", "page", "limit"), 422),
    "litestar": dict.fromkeys(("year", "page", "limit"), 400),
    "starlette": dict.fromkeys(("year", "page", "limit"), 422),
}


def test_query_past_the_bounds_is_refused_or_clamped_never_a_500(db_http, framework):
    seed(framework, 3)

    answers = {
        (name, value): db_http.get("/books", params={name: value})
        for name, first_out in (("year", 10_000), ("page", 10_001), ("limit", 101))
        for value in (first_out, 2**63, 10**20)
    }

    assert {key: response.status_code for key, response in answers.items()} == {
        (name, value): HUGE_QUERY_STATUS[framework][name] for name, value in answers
    }
    for (name, _), response in answers.items():
        if response.status_code == 200:
            assert len(items(response.json())) == (0 if name == "year" else 3)
