"""Contract for `openapi`: /openapi.json describes every endpoint and the Book model."""

import httpx2
import pytest
from openapi_spec_validator import validate

from tests.support import BASE_URL, isolation_marks, snippet_module

BOOK = {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin"}
# Where each framework serves the document by default; the page's "What differs" section says so.
SCHEMA_PATH = {"litestar": "/schema/openapi.json"}


@pytest.fixture
def spec(http, framework):
    response = http.get(SCHEMA_PATH.get(framework, "/openapi.json"))
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0].endswith("json")
    return response.json()


def resolve(spec: dict, schema: dict) -> dict:
    name = schema["$ref"].removeprefix("#/components/schemas/")
    return spec["components"]["schemas"][name]


# drf-spectacular writes OpenAPI 3.0.3; the others 3.1.0 (the page's schema_document row).
OPENAPI_VERSION = {
    "django": "3.0.3",
    "django_ninja": "3.1.0",
    "flask": "3.1.0",
    "quart": "3.1.0",
    "fastapi": "3.1.0",
    "litestar": "3.1.0",
    "starlette": "3.1.0",
}


def test_schema_is_valid_openapi_3(spec, framework):
    assert spec["openapi"] == OPENAPI_VERSION[framework]
    assert (spec["info"]["title"], spec["info"]["version"]) == ("Library", "1.0.0")
    validate(spec)


def test_schema_lists_exactly_the_api_paths_and_methods(spec):
    operations = {
        (path, method)
        for path, item in spec["paths"].items()
        for method in item
        if method != "parameters"
    }

    assert operations == {("/books", "get"), ("/books", "post"), ("/books/{book_id}", "get")}


# drf-spectacular and flask-smorest make one Book component for input and output, with a readOnly
# id (the page says so); drf-spectacular still lists that id as required, flask-smorest does not.
BOOK_REQUIRED = {
    "django": {"id", "title", "author"},
    "django_ninja": {"id", "title", "author"},
    "flask": {"title", "author"},
    "quart": {"id", "title", "author"},
    "fastapi": {"id", "title", "author"},
    "litestar": {"id", "title", "author"},
    "starlette": {"id", "title", "author"},
}


def test_book_component_describes_the_fields(spec, framework):
    book = spec["components"]["schemas"]["Book"]

    assert set(book["properties"]) == {"id", "title", "author"}
    assert set(book["required"]) == BOOK_REQUIRED[framework]
    assert book["properties"]["title"]["maxLength"] == 200


# Quart-Schema writes each operation's own request and response model inline and puts only
# nested models (here the list's items) into components; the page says so.
INLINES_OPERATION_MODELS = {"quart"}
# The fields POST /books takes: the one Book component, id included (readOnly), from
# drf-spectacular and flask-smorest; a model without id (BookIn) from the others.
BODY_FIELDS = {
    "django": {"id", "title", "author"},
    "django_ninja": {"title", "author"},
    "flask": {"id", "title", "author"},
    "quart": {"title", "author"},
    "fastapi": {"title", "author"},
    "litestar": {"title", "author"},
    "starlette": {"title", "author"},
}


def test_operations_refer_to_the_components(spec, framework):
    create = spec["paths"]["/books"]["post"]
    body = create["requestBody"]["content"]["application/json"]["schema"]
    created = create["responses"]["201"]["content"]["application/json"]["schema"]
    listed = spec["paths"]["/books"]["get"]["responses"]["200"]["content"]["application/json"]
    book = spec["components"]["schemas"]["Book"]

    if framework in INLINES_OPERATION_MODELS:
        assert "$ref" not in body and "$ref" not in created
        assert created == book
    else:
        body, created = resolve(spec, body), resolve(spec, created)
        assert created is book
    assert set(body["properties"]) == BODY_FIELDS[framework]
    if "id" in body["properties"]:
        assert body["properties"]["id"]["readOnly"] is True
    assert listed["schema"]["type"] == "array"
    assert resolve(spec, listed["schema"]["items"]) is book


def test_path_parameter_is_an_integer(spec):
    operation = spec["paths"]["/books/{book_id}"]
    parameters = operation.get("parameters", []) + operation["get"].get("parameters", [])

    assert [(p["name"], p["in"], p["schema"]["type"]) for p in parameters] == [
        ("book_id", "path", "integer")
    ]


# The status of an invalid book: 400 from DRF, Quart-Schema and Litestar, 422 from the others.
INVALID_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 422,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}


def test_documented_api_works(http, framework):
    created = http.post("/books", json=BOOK)
    assert created.status_code == 201
    book = created.json()
    assert {k: book[k] for k in BOOK} == BOOK

    assert http.get(f"/books/{book['id']}").json() == book
    assert book in http.get("/books").json()
    assert http.get("/books/999").status_code == 404
    assert http.post("/books", json={"title": ""}).status_code == INVALID_STATUS[framework]


@pytest.mark.parametrize(
    "snippet", [pytest.param("django_ninja", marks=isolation_marks("django_ninja"))]
)
def test_ninja_docs_page_needs_a_django_template_engine(snippet):
    """Why the Django Ninja snippet configures TEMPLATES although it renders no page itself:
    Ninja's Swagger UI page is a Django template, and without an engine /docs is a 500."""
    application = snippet_module("openapi", snippet).application
    from django.test import override_settings

    transport = httpx2.WSGITransport(app=application)
    with httpx2.Client(transport=transport, base_url=BASE_URL) as http:
        assert http.get("/docs").status_code == 200
        with override_settings(TEMPLATES=[]):
            assert http.get("/docs").status_code == 500


def test_quart_schema_serves_three_viewers_from_cdns():
    """Quart-Schema's /docs (Swagger UI), /redocs (ReDoc) and /scalar pages load their scripts
    from public CDNs unless the QUART_SCHEMA_*_JS_URL settings point elsewhere."""
    from starlette.testclient import TestClient

    app = snippet_module("openapi", "quart").app
    with TestClient(app, base_url=BASE_URL) as http:
        for path, cdn in [
            ("/docs", "cdnjs.cloudflare.com"),
            ("/redocs", "cdn.jsdelivr.net"),
            ("/scalar", "cdn.jsdelivr.net"),
        ]:
            page = http.get(path)
            assert page.status_code == 200
            assert f'src="https://{cdn}/' in page.text


def test_quart_schema_documents_only_the_success_responses():
    """The page says so: Quart-Schema lists the statuses given to @validate_response, no errors."""
    from starlette.testclient import TestClient

    with TestClient(snippet_module("openapi", "quart").app, base_url=BASE_URL) as http:
        spec = http.get("/openapi.json").json()
    responses = {
        (path, method): set(operation["responses"])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }

    assert responses == {
        ("/books", "get"): {"200"},
        ("/books", "post"): {"201"},
        ("/books/{book_id}", "get"): {"200"},
    }


def test_starlette_schema_generator_answers_in_yaml():
    """Why the Starlette snippet serves the schema with JSONResponse: the generator's own
    response is YAML, with the OpenAPI media type."""
    import yaml
    from starlette.applications import Starlette
    from starlette.routing import Route
    from starlette.testclient import TestClient

    module = snippet_module("openapi", "starlette")
    schema_route = Route("/schema", module.schemas.OpenAPIResponse, include_in_schema=False)
    app = Starlette(routes=[*module.app.routes, schema_route])
    with TestClient(app) as http:
        response = http.get("/schema")

    assert response.headers["content-type"].startswith("application/vnd.oai.openapi")
    assert yaml.safe_load(response.text)["info"] == {"title": "Library", "version": "1.0.0"}
