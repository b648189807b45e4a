"""/api/v1/datasets: the public data sets with their metadata and download URLs; never a draft."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_the_published_data_sets_only(client, published, draft_b):
    body = client.get("/api/v1/datasets").json()
    assert [item["slug"] for item in body["items"]] == [published.slug]
    [item] = body["items"]
    assert item["theme"] == {"code": "education", "label": "教育文化"}
    assert item["row_count"] == 3
    assert {d["format"]: d["url"] for d in item["downloads"]}["csv"] == f"/data/{published.slug}/data.csv"
    assert client.get("/api/v1/datasets", {"theme": "finance"}).json()["items"] == []
    assert client.get("/api/v1/datasets", {"theme": "nonsense"}).status_code == 400


def test_it_gives_one_data_set_with_its_columns_and_hides_a_draft(client, published, draft_b):
    body = client.get(f"/api/v1/datasets/{published.pk}").json()
    assert body["columns"] == ["学校", "学段", "学生数", "开办日期"]
    assert client.get(f"/api/v1/datasets/{draft_b.pk}").status_code == 404


def test_the_description_documents_the_data_set_resources(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/datasets" in paths and "/api/v1/datasets/{dataset_id}" in paths
