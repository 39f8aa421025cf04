"""Differences can name request headers and check response headers; the page shows both."""

from fieldguide import render
from tests.support import catalog


def test_request_and_response_headers_are_shown_escaped():
    html = render.differences(catalog(), catalog().tasks["auth_token"])

    assert "GET /me\nAuthorization: Bearer not-a-jwt</code></pre>" in html
    assert '<pre class="fg-headers"><samp>WWW-Authenticate: Bearer</samp></pre>' in html


def test_a_difference_without_headers_shows_no_header_block():
    html = render.differences(catalog(), catalog().tasks["request_validation"])

    assert "fg-headers" not in html
