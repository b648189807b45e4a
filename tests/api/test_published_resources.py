"""The resources of the apps that landed after the first API: published messages and their
statistics, consultations, published annual reports and published assessment results, and a
unit's message queue for a staff token. What the portal shows, and never who wrote a message or
a comment; never a report or a round the office has not published."""

from __future__ import annotations

import pytest

from gongkai.interaction import services
from gongkai.reports import services as reports
from tests.api.conftest import PERSONAL, answer
from tests.interaction.conftest import message_details

pytestmark = pytest.mark.django_db


def _answers_304_to_its_etag(api, path):
    first = api(path)
    assert first.status_code == 200 and first["ETag"], path
    assert api(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, path


def _no_personal(response):
    text = response.content.decode()
    assert not [value for value in PERSONAL if value in text], text[:500]


def test_it_lists_only_published_messages_without_their_senders(published_world, api, unit_a):
    response = api("/api/v1/messages")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [published_world["public_message"].pk]
    item = items[0]
    assert item["subject"] == "预算公开的问题" and item["kind"] == {"code": "consult", "label": "咨询"}
    assert item["unit"]["id"] == unit_a.pk and item["received_on"] == "2026-10-09" and item["replied_on"] == "2026-10-09"
    assert "＊＊＊" in item["text"] and "＊＊＊您好" in item["reply"]
    assert set(item) == {"id", "kind", "subject", "text", "reply", "unit", "received_on", "replied_on", "url"}
    _no_personal(response)
    detail = api(f"/api/v1/messages/{item['id']}")
    assert detail.json() == item
    _no_personal(detail)
    assert api(f"/api/v1/messages/{published_world['private_message'].pk}").status_code == 404
    assert api(f"/api/v1/messages/{published_world['queued_b'].pk}").json()["code"] == "not_found"
    _answers_304_to_its_etag(api, "/api/v1/messages")


def test_it_filters_and_pages_messages(published_world, api, unit_a, unit_b, clerk_a, reviewer_a, office_admin):
    assert len(api(f"/api/v1/messages?unit={unit_a.pk}&kind=consult&year=2026").json()["items"]) == 1
    assert api(f"/api/v1/messages?unit={unit_b.pk}").json()["items"] == []
    assert api("/api/v1/messages?kind=complain").json()["items"] == []
    assert api("/api/v1/messages?year=2025").json()["items"] == []
    assert api("/api/v1/messages?kind=nonsense").status_code == 400
    assert api("/api/v1/messages?cursor=%%%").json()["code"] == "invalid_parameter"
    for n in range(3):
        message = services.route(services.submit_message(message_details(subject=f"问题{n}")), unit_a, actor=office_admin)
        answer(message, "已答复。", clerk_a, reviewer_a)
    seen, cursor = [], None
    while True:
        body = api("/api/v1/messages?limit=2" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [item["id"] for item in body["items"]]
        if (cursor := body["next_cursor"]) is None:
            break
    assert len(seen) == len(set(seen)) == 4


def test_message_statistics_count_every_message_and_name_nobody(published_world, api, unit_a, unit_b):
    response = api("/api/v1/messages/statistics?year=2026")
    body = response.json()
    assert api("/api/v1/messages/statistics").json() == body  # this year (2026, frozen) by default
    assert body["total"] == 3
    assert {row["code"]: row["count"] for row in body["by_status"]} == {
        "unrouted": 0, "processing": 1, "in_review": 0, "replied": 2}
    rows = {(row["unit"], row["month"]): row for row in body["rows"]}
    finance = rows[("示范市财政局", "2026-10")]
    assert (finance["received"], finance["on_time"], finance["open"]) == (2, 2, 0)
    assert finance["mean_reply_workdays"] == 0 and body["mean_reply_workdays"] == 0
    assert rows[("示范市教育局", "2026-10")]["open"] == 1
    assert rows[("示范市教育局", "2026-10")]["mean_reply_workdays"] is None
    _no_personal(response)
    assert "不公开的留言" not in response.content.decode()
    only_b = api(f"/api/v1/messages/statistics?year=2026&unit={unit_b.pk}").json()
    assert only_b["total"] == 1 and [row["unit"] for row in only_b["rows"]] == ["示范市教育局"]
    assert api("/api/v1/messages/statistics?year=2020").json()["total"] == 0
    _answers_304_to_its_etag(api, "/api/v1/messages/statistics?year=2026")


def test_consultations_with_their_feedback_and_no_commenter(published_world, api, unit_a):
    response = api("/api/v1/consultations")
    (item,) = response.json()["items"]
    assert item["title"] == "关于《示范市城市养犬管理办法》公开征求意见" and item["unit"]["id"] == unit_a.pk
    assert (item["opens_on"], item["closes_on"], item["phase"]) == ("2026-10-12", "2026-11-12", "已公布采纳情况")
    assert (item["comments_received"], item["comments_shown"]) == (1, 1)
    feedback = item["feedback"]
    assert feedback["summary"] == "共收到意见1条。" and feedback["final_record"]["id"] == published_world["final"].pk
    assert {c["code"]: c["count"] for c in feedback["counts"]} == {"adopted": 0, "partly": 0, "not_adopted": 1}
    detail = api(f"/api/v1/consultations/{item['id']}")
    body = detail.json()
    assert body["explanation"] == "为规范养犬行为，起草本办法。" and body["draft_text"]
    (comment,) = body["comments"]
    assert comment["number"] == "意见1" and comment["decision"]["code"] == "not_adopted"
    assert comment["reason"] == "与上位法不一致。" and "＊＊＊" in comment["text"]
    _no_personal(response)
    _no_personal(detail)
    assert api(f"/api/v1/consultations?unit={unit_a.pk}&year=2026").json()["items"]
    assert api("/api/v1/consultations?year=2025").json()["items"] == []
    _answers_304_to_its_etag(api, "/api/v1/consultations")


def test_the_published_annual_report_with_the_templates_tables(results_world, api, unit_a, unit_b, clerk_b):
    reports.open_report(unit_b, 2026, actor=clerk_b)  # in the workflow: never in the API
    (item,) = api("/api/v1/annual-reports").json()["items"]
    assert (item["year"], item["unit"]["id"], item["version"]) == (2026, unit_a.pk, 1)
    assert item["url"] == f"/xxgk/nianbao/versions/{item['id']}/"
    download = api(item["file_url"])  # the report's .docx, attached on publication
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"
    body = api(f"/api/v1/annual-reports/{item['id']}").json()
    assert body["overview"] == "本年度坚持以公开为常态。"
    applications = body["tables"]["applications"]
    assert applications["columns"][-1] == "总计" and "一" in applications["rows"]
    assert len(applications["rows"]["一"]) == len(applications["columns"])
    assert body["tables"]["proactive"] and isinstance(body["tables"]["reviews"], list)
    assert api("/api/v1/annual-reports?year=2026&latest=true").json()["items"][0]["id"] == item["id"]
    assert api(f"/api/v1/annual-reports?unit={unit_b.pk}").json()["items"] == []
    assert api("/api/v1/annual-reports?year=2025").json()["items"] == []
    _answers_304_to_its_etag(api, "/api/v1/annual-reports")


def test_only_published_assessment_rounds_with_rates_and_ranks(results_world, api, unit_a):
    rounds = api("/api/v1/assessment/rounds").json()["items"]
    assert [r["title"] for r in rounds] == ["2026年度政务公开考评"]
    body = api(f"/api/v1/assessment/rounds/{rounds[0]['id']}").json()
    (cls,) = body["classes"]
    (result,) = cls["results"]
    assert cls["category"] == "市级重点领域部门" and result["unit"]["id"] == unit_a.pk
    assert (result["position"], result["tied"], result["rate"], result["rate_text"]) == (1, False, 1.0, "100.00%")
    assert result["key_rate"] == 1.0 and result["points"] == 100
    assert api(f"/api/v1/assessment/rounds/{results_world['open_round'].pk}").status_code == 404
    assert "（进行中）" not in api("/api/v1/assessment/rounds").content.decode()
    _answers_304_to_its_etag(api, "/api/v1/assessment/rounds")


def test_a_units_token_reads_its_own_message_queue_only_both_ways(published_world, api, token_of, clerk_a, clerk_b,
                                                                   office_admin):
    def ids(token, query=""):
        response = api(f"/api/v1/staff/messages{query}", token)
        assert response.status_code == 200, response.content
        _no_personal(response)
        return {item["id"] for item in response.json()["items"]}

    mine = {published_world["public_message"].pk, published_world["private_message"].pk}
    assert ids(token_of(clerk_a)) == mine
    assert ids(token_of(clerk_b)) == {published_world["queued_b"].pk}
    assert ids(token_of(clerk_b), "?status=replied") == set()
    assert ids(token_of(office_admin)) == mine | {published_world["queued_b"].pk}
    assert api("/api/v1/staff/messages").status_code == 401
