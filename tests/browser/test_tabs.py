"""Linked tabs: choosing a framework on one task page keeps it on the next page."""

from __future__ import annotations

import re


def checked_label(page) -> str:
    set_ = page.locator(".tabbed-set").first
    checked_id = set_.locator("> input:checked").get_attribute("id")
    return set_.locator(f'label[for="{checked_id}"]').inner_text().strip()


def choose(page, name: str) -> None:
    labels = page.locator(".tabbed-set").first.locator(".tabbed-labels > label")
    labels.filter(has_text=re.compile(f"^{name}$")).click()


def test_the_chosen_framework_follows_the_reader(page, comparison):
    page.goto("tasks/routing/")
    assert checked_label(page) == comparison.catalog.frameworks[0].name
    choose(page, "FastAPI")
    assert checked_label(page) == "FastAPI"

    page.goto("tasks/request_validation/")
    assert checked_label(page) == "FastAPI"
    choose(page, "Flask")

    page.goto("tasks/hello/")
    assert checked_label(page) == "Flask"
