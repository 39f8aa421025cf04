"""The build publishes its data for tools: JSON with its schemas, and llms.txt, served like pages."""

from __future__ import annotations


def test_the_dataset_and_its_schema_are_served(page, comparison):
    data = page.request.get("data/fieldguide.json").json()
    schema = page.request.get(f"data/{data['$schema']}").json()
    assert schema["title"] == "Export"
    for path in data["schemas"].values():
        assert page.request.get(f"data/{path}").ok, path
    assert {r["id"] for r in data["rows"]} == {r.id for r in comparison.rows}
    for row in data["rows"]:
        for framework, cell in row["cells"].items():
            assert cell["status"] == comparison.verdict(row["id"], framework).status.value


def test_llms_txt_summarises_every_row_with_how_it_is_known(page, comparison):
    response = page.request.get("llms.txt")
    assert response.ok
    text = response.text()
    assert text.startswith("# Field Guide to Python Web Frameworks")
    for row in comparison.rows:
        assert f"[{row.title}](" in text
