from django.test import SimpleTestCase, override_settings
from ninja.testing import TestClient

from snippets.testing.django_ninja_app import api


class HelloTests(SimpleTestCase):
    def setUp(self):
        self.client = TestClient(api)

    def test_greets_by_name(self):
        response = self.client.get("/hello", query_params={"name": "Ada"})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"message": "Hello, Ada!"})

    def test_greets_the_world_by_default(self):
        response = self.client.get("/hello")

        self.assertEqual(response.json(), {"message": "Hello, world!"})

    @override_settings(GREETING="Howdy")
    def test_greeting_comes_from_settings(self):
        response = self.client.get("/hello", query_params={"name": "Ada"})

        self.assertEqual(response.json(), {"message": "Howdy, Ada!"})


class ReverseTests(SimpleTestCase):
    def setUp(self):
        self.client = TestClient(api)

    def test_reverses_the_text(self):
        response = self.client.post("/reverse", json={"text": "stressed"})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"text": "desserts"})

    def test_refuses_a_body_without_text(self):
        for body in ({}, {"text": 42}, ["text"]):
            with self.subTest(body=body):
                self.assertEqual(self.client.post("/reverse", json=body).status_code, 422)

    def test_refuses_a_body_that_is_not_json(self):
        response = self.client.post("/reverse", data="{oops")

        self.assertEqual(response.status_code, 400)

    def test_only_post_is_allowed(self):
        self.assertEqual(self.client.get("/reverse").status_code, 405)
