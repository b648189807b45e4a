"""The public resources of /api/v1/: what the portal shows, as data, and nothing else."""

from __future__ import annotations

import pytest

from tests.api.conftest import PERSONAL

pytestmark = pytest.mark.django_db


def test_it_lists_published_records_with_catalog_fields(world, api):
    response = api("/api/v1/records")
    assert response.status_code == 200
    items = response.json()["items"]
    titles = [item["title"] for item in items]
    assert "财政局未发布的草稿" not in titles and "教育局未发布的草稿" not in titles
    assert {"财政局通知1", "示范市财政局关于预算公开的规定"} <= set(titles)
    first = next(item for item in items if item["title"] == "示范市财政局关于预算公开的规定")
    assert first["kind"] == {"code": "normative", "label": "行政规范性文件"}
    assert first["doc_number"] == "示财规〔2026〕1号"
    assert first["index_number"]
    assert first["validity"]["code"] == "valid"
    assert first["columns"][0]["path"].startswith("政策文件")
    assert first["unit"]["name"] == "示范市财政局"


def test_it_pages_with_a_stable_cursor(world, api):
    seen, cursor = [], None
    while True:
        body = api("/api/v1/records?limit=2" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    everything = [item["id"] for item in api("/api/v1/records?limit=100").json()["items"]]
    assert seen == everything and len(seen) == len(set(seen)) == 5


def test_it_filters_records(world, api, unit_a, unit_b, columns_a):
    assert api(f"/api/v1/records?unit={unit_b.pk}").json()["items"] == []
    assert len(api(f"/api/v1/records?unit={unit_a.pk}").json()["items"]) == 5
    policy_column = columns_a["政策文件"].pk
    assert [i["title"] for i in api(f"/api/v1/records?column={policy_column}").json()["items"]] == ["示范市财政局关于预算公开的规定"]
    assert len(api("/api/v1/records?year=2026").json()["items"]) == 5
    assert api("/api/v1/records?year=2020").json()["items"] == []
    assert len(api("/api/v1/records?validity=valid").json()["items"]) == 5
    assert api("/api/v1/records?validity=repealed").json()["items"] == []
    assert api("/api/v1/records?updated_since=2099-01-01T00:00:00%2B08:00").json()["items"] == []
    assert len(api("/api/v1/records?kind=interpretation").json()["items"]) == 1


def test_it_shows_one_record_with_its_interpretations(world, api):
    policy_doc, interpretation = world["policy"], world["interpretation"]
    body = api(f"/api/v1/records/{policy_doc.pk}").json()
    assert [i["id"] for i in body["interpretations"]] == [interpretation.pk]
    assert body["body_text"]
    assert api(f"/api/v1/records/{interpretation.pk}").json()["interprets"]["id"] == policy_doc.pk
    listed = api("/api/v1/interpretations").json()["items"]
    assert listed[0]["policy"]["id"] == policy_doc.pk


def test_it_answers_a_draft_of_any_unit_with_404(world, api):
    response = api(f"/api/v1/records/{world['draft_a'].pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_it_lists_normative_documents(world, api):
    items = api("/api/v1/normative-documents").json()["items"]
    assert [item["title"] for item in items] == ["示范市财政局关于预算公开的规定"]


def test_it_shows_the_published_plan_with_items_and_units(world, api):
    plans = api("/api/v1/plans").json()["items"]
    assert [plan["title"] for plan in plans] == ["示范市2026年政务公开工作要点分工方案"]
    plan = api(f"/api/v1/plans/{plans[0]['id']}").json()
    first = plan["items"][0]
    assert first["section"] == ["推进财政信息公开"]
    assert {(u["unit"]["name"], u["role"]["code"]) for u in first["units"]} >= {("示范市财政局", "lead")}


def test_it_gives_request_statistics_as_counts_without_personal_data(world, api):
    response = api("/api/v1/foi/statistics")
    body = response.json()
    assert body["total"] == 2
    assert body["by_year"] == [{"year": 2026, "count": 2}]
    text = response.content.decode()
    assert not any(value in text for value in PERSONAL)
    assert "description" not in text and "教育局的招生计划" not in text


def test_it_searches_with_the_portal_engine(world, api):
    body = api("/api/v1/search?q=预算公开").json()
    assert body["total"] >= 1
    assert any(hit["title"] == "示范市财政局关于预算公开的规定" for hit in body["items"])


def test_it_lists_units(world, api, unit_a):
    items = api("/api/v1/units").json()["items"]
    assert unit_a.name in [unit["name"] for unit in items]
    assert api(f"/api/v1/units/{unit_a.pk}").json()["key"] == "finance"


def test_it_counts_working_days_on_the_project_calendar(db, api):
    assert api("/api/v1/calendar/is-workday?date=2026-10-10").json()["is_workday"] is True  # 调休上班
    assert api("/api/v1/calendar/is-workday?date=2026-10-01").json()["is_workday"] is False
    assert api("/api/v1/calendar/add?start=2026-09-28&days=20").json()["result"] == "2026-10-30"
    body = api("/api/v1/calendar/between?start=2026-09-28&end=2026-10-30").json()
    assert body["workdays"] == 20


def test_it_refuses_bad_parameters_with_a_chinese_message_and_a_stable_code(db, api):
    for path in ("/api/v1/records?limit=0", "/api/v1/records?unit=abc", "/api/v1/records?cursor=%%%",
                 "/api/v1/records?cursor=WzFd", "/api/v1/calendar/add?start=2026-09-28&days=99999",
                 "/api/v1/records?topic=%00", "/api/v1/records/99999999999999999999"):
        response = api(path)
        assert response.status_code in (400, 404), path
        body = response.json()
        assert body["code"] in ("invalid_parameter", "not_found"), path
        assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), path


def test_it_answers_unknown_addresses_with_json_404(db, api):
    response = api("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_it_answers_304_to_an_unchanged_resource(world, api):
    first = api("/api/v1/records")
    assert first["ETag"] and first["Last-Modified"]
    assert api("/api/v1/records", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api("/api/v1/records", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_it_compresses_with_gzip(world, api):
    response = api("/api/v1/records", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_it_sends_no_cors_header_unless_configured(world, api, settings):
    assert not api("/api/v1/units", HTTP_ORIGIN="https://data.example.gov.cn").has_header("Access-Control-Allow-Origin")
    settings.GONGKAI_API_CORS_ORIGINS = ["https://data.example.gov.cn"]
    response = api("/api/v1/units", HTTP_ORIGIN="https://data.example.gov.cn")
    assert response["Access-Control-Allow-Origin"] == "https://data.example.gov.cn"


def test_it_refuses_a_large_body(db, client, settings):
    settings.GONGKAI_API_MAX_BODY_BYTES = 10
    response = client.post("/api/v1/records", data="x" * 100, content_type="application/json")
    assert response.status_code == 413 and response.json()["code"] == "payload_too_large"



def test_it_serves_the_published_progress_pages_of_a_plan_only(world, api):
    from gongkai.orgs.policy import SYSTEM
    from gongkai.plans import disclosures

    plan = world["plan"]
    published = disclosures.generate_disclosure(plan, 2026, 1, actor=SYSTEM)
    disclosures.update_entry(published, published.entries[0]["item_id"], {
        "status": "in_progress", "progress": "已在门户网站开设财政预决算专栏。", "next_steps": "按月更新。",
    }, actor=SYSTEM)
    disclosures.publish_disclosure(published, actor=SYSTEM)
    draft = disclosures.generate_disclosure(plan, 2026, 2, actor=SYSTEM)

    listed = api(f"/api/v1/plans/{plan.pk}/progress")
    assert listed.status_code == 200 and listed.has_header("Last-Modified")
    assert [(page["id"], page["label"]) for page in listed.json()["items"]] == [(published.pk, "2026年上半年")]
    body = api(f"/api/v1/plans/{plan.pk}/progress/{published.pk}").json()
    assert body["url"] == f"/plans/{plan.pk}/progress/{published.pk}/"
    first, last = body["entries"][0], body["entries"][-1]
    assert first["status"] == {"code": "in_progress", "label": "推进中"}
    assert first["progress"] == "已在门户网站开设财政预决算专栏。" and first["next_steps"] == "按月更新。"
    assert "示范市财政局" in first["units"]
    assert last["status"] is None and last["status_label"] == disclosures.NO_PROGRESS and last["as_of"] is None
    # The draft half, and a page asked for under another plan, are not found.
    assert api(f"/api/v1/plans/{plan.pk}/progress/{draft.pk}").json()["code"] == "not_found"
    assert api(f"/api/v1/plans/{plan.pk + 1}/progress/{published.pk}").status_code == 404
