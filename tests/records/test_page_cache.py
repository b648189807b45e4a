"""Public pages cached and never wrong (issue 22, point 2): a visitor without a session gets the
home page, the catalog lists, a record page and the feeds from the cache, and the next request
after a publication, a withdrawal, a correction or an interpretation link shows the change."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from gongkai.pagecache import generation
from gongkai.records import services
from gongkai.records.models import RecordKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(make_draft, publish):
    return publish(make_draft(title="示范市财政局关于2026年部门预算公开的公告", columns=("通知公告",)))


def _pages(unit, columns, record):
    return ["/", "/xxgk/", f"/xxgk/units/{unit.key}/", f"/xxgk/units/{unit.key}/{columns['通知公告'].pk}/",
            f"/xxgk/content/{record.pk}/", "/xxgk/feed/", f"/xxgk/units/{unit.key}/feed/", "/sitemap-pages.xml"]


def test_a_visitor_gets_the_second_view_of_each_public_page_from_the_cache(notice, client, unit_a, columns_a):
    for path in _pages(unit_a, columns_a, notice):
        first = client.get(path)
        assert first.status_code == 200 and first["X-Cache"] == "miss", path
        with CaptureQueriesContext(connection) as queries:
            again = client.get(path)
        assert again["X-Cache"] == "hit" and again.content == first.content, path
        assert len(queries) == 1  # the generation, nothing else
        assert again["Content-Type"] == first["Content-Type"] and "must-revalidate" in again["Cache-Control"]


def test_a_proxy_asking_again_with_the_etag_gets_304_until_the_content_changes(notice, client, make_draft, publish):
    page = client.get(f"/xxgk/content/{notice.pk}/")
    assert client.get(f"/xxgk/content/{notice.pk}/", HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 304
    publish(make_draft(title="另一条通知"))
    assert client.get(f"/xxgk/content/{notice.pk}/", HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 200


def test_the_next_request_shows_a_publication_a_withdrawal_a_correction_and_an_interpretation(
    notice, client, make_draft, publish, unit_a, columns_a, clerk_a, reviewer_a,
):
    pages = _pages(unit_a, columns_a, notice)
    for path in pages:
        client.get(path)
    second = publish(make_draft(title="示范市财政局关于2026年政府采购意向公开的办法", kind=RecordKind.NORMATIVE,
                                columns=("通知公告", "政策文件/规范性文件")))
    for path in pages[:1] + pages[2:4] + pages[5:7]:
        assert "政府采购意向" in client.get(path).content.decode(), path

    services.propose_correction(notice, {"title": "示范市财政局关于2026年部门预算和三公经费公开的公告"}, actor=clerk_a)
    assert "三公经费" not in client.get(f"/xxgk/content/{notice.pk}/").content.decode()  # not yet reviewed
    services.approve_correction(notice, actor=reviewer_a)
    assert "三公经费" in client.get(f"/xxgk/content/{notice.pk}/").content.decode()

    client.get(f"/xxgk/content/{second.pk}/")
    publish(make_draft(title="一图读懂政府采购意向公开", kind=RecordKind.INTERPRETATION, interprets=second,
                       columns=("政策解读",), body="<p>采购意向提前三十日公开。</p>"))
    assert "一图读懂政府采购意向公开" in client.get(f"/xxgk/content/{second.pk}/").content.decode()

    services.withdraw_record(second, "内容有误，撤回", actor=reviewer_a)
    assert client.get(f"/xxgk/content/{second.pk}/").status_code == 404
    assert f"/xxgk/content/{second.pk}/" not in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_generation_grows_after_each_commit_so_every_server_sharing_the_database_sees_it(make_draft, publish):
    before = generation()
    with transaction.atomic():
        publish(make_draft())  # a draft, a submission and a publication: several audit rows
    after = generation()
    # the counter once for the transaction, however many rows it wrote; the largest row id too
    assert after.split(".")[0] == str(int(before.split(".")[0]) + 1)
    assert int(after.split(".")[1]) >= int(before.split(".")[1]) + 3


def test_signed_in_staff_and_visitors_with_a_notice_always_get_the_page_rendered(notice, client, login, clerk_a):
    client.get("/")
    staff = login(clerk_a).get("/")
    assert "X-Cache" not in staff and "工作台" in staff.content.decode()
    client.cookies["messages"] = "x"
    assert "X-Cache" not in client.get("/")


def test_each_font_size_is_its_own_page_and_no_public_page_holds_a_csrf_token(notice, client):
    assert "csrfmiddlewaretoken" not in client.get("/").content.decode()
    client.cookies["font_size"] = "large"
    assert client.get("/")["X-Cache"] == "miss" and 'class="fs-large"' in client.get("/").content.decode()
    switched = client.post("/font-size/small/", {"next": "/xxgk/"})
    assert switched.status_code == 302 and switched.cookies["font_size"].value == "small"


def test_it_caches_nothing_when_the_setting_says_zero(notice, client, settings):
    settings.GONGKAI_PORTAL_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Cache" not in client.get("/")


def test_a_hit_is_answered_above_the_session_and_auth_middleware_with_the_headers_of_a_rendered_page(notice, client):
    path = f"/xxgk/content/{notice.pk}/"
    rendered = client.get(path)
    hit = client.get(path)
    assert hit["X-Cache"] == "hit" and hit.content == rendered.content
    assert not hasattr(hit.wsgi_request, "user")  # the authentication middleware never ran
    assert "Content-Security-Policy" in hit and hit["X-Frame-Options"] == "DENY"
    assert {name: value for name, value in hit.headers.items() if name != "X-Cache"} == {
        name: value for name, value in rendered.headers.items() if name != "X-Cache"
    }
    assert "Cookie" in hit["Vary"]  # a proxy keeps it apart from a signed-in user's page
    assert client.get(path, HTTP_IF_NONE_MATCH=hit["ETag"]).status_code == 304


def test_a_signed_in_user_never_gets_the_page_a_visitor_put_in_the_cache(notice, client, login, clerk_a):
    path = f"/xxgk/content/{notice.pk}/"
    client.get(path)
    assert client.get(path)["X-Cache"] == "hit"
    staff = login(clerk_a).get(path)
    assert "X-Cache" not in staff and "工作台" in staff.content.decode() and hasattr(staff.wsgi_request, "user")


def test_a_publication_is_on_the_next_request_through_the_early_path(notice, client, make_draft, publish, unit_a):
    for path in ("/", f"/xxgk/units/{unit_a.key}/"):
        client.get(path)
        assert client.get(path)["X-Cache"] == "hit"
    publish(make_draft(title="示范市财政局关于公布政府采购意向的通知"))
    for path in ("/", f"/xxgk/units/{unit_a.key}/"):
        again = client.get(path)
        assert again["X-Cache"] == "miss" and "政府采购意向" in again.content.decode(), path


def test_pages_that_are_not_public_pages_pass_the_early_cache_untouched(notice, client):
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/accounts/login/").status_code == 200
    assert "X-Cache" not in client.get("/accounts/login/")
    assert client.get("/xxgk/content/999999/").status_code == 404


def test_a_catalog_lists_counts_are_kept_with_the_page_cache_off_and_follow_a_publication_at_once(
    notice, client, settings, make_draft, publish, unit_a, columns_a,
):
    settings.GONGKAI_PORTAL_CACHE_SECONDS = 0  # every page rendered; only the counts are kept
    path = f"/xxgk/units/{unit_a.key}/{columns_a['通知公告'].pk}/"
    client.get(path)
    with CaptureQueriesContext(connection) as kept:
        page = client.get(path).content.decode()
    assert not any("COUNT(" in query["sql"].upper() for query in kept), "the counts are read from the cache"
    assert "通知公告</a> <span class=\"count\">（1）</span>" in page

    publish(make_draft(title="示范市财政局关于公布政府采购意向的通知", columns=("通知公告",)))
    assert "通知公告</a> <span class=\"count\">（2）</span>" in client.get(path).content.decode()

    settings.GONGKAI_PORTAL_MEMO_SECONDS = 0
    cache.clear()
    for _ in range(2):
        with CaptureQueriesContext(connection) as counted:
            client.get(path)
        assert sum("COUNT(" in query["sql"].upper() for query in counted) == 2  # the list's and the columns'


def test_a_public_page_reads_the_generation_once_for_its_key_and_all_its_kept_counts(
    notice, client, settings, unit_a, columns_a,
):
    path = f"/xxgk/units/{unit_a.key}/{columns_a['通知公告'].pk}/"
    for seconds in (600, 0):  # a miss of the page cache, and the page cache off
        settings.GONGKAI_PORTAL_CACHE_SECONDS = seconds
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert sum("portal_contentgeneration" in query["sql"] for query in queries) == 1, seconds
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    assert sum("portal_contentgeneration" in query["sql"] for query in queries) == 1  # each request reads it anew
