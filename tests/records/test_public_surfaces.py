"""What the public is offered: a withdrawn or superseded record leaves every list the moment it
changes (the gazette page and its .docx, the feeds, the sitemap, search), and a record 面向申请人
(公开范围, DOMAIN.md 3.1) is never on a public page at all. One test per surface.

There is no JSON API of records yet (``grep -r api src/gongkai`` finds only the search module and
the health check): when one is added, it reads ``Record.listed_q`` like the surfaces below.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from docx import Document

from gongkai.records import gazette, services
from gongkai.records.models import Audience, Record, RecordKind
from gongkai.search.api import search
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TITLE = "示范市财政专项资金管理办法"


@pytest.fixture
def normative(make_draft, publish):
    record = publish(make_draft(title=TITLE, kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",),
                                body="<p>第一条　为加强专项资金管理，制定本办法。</p>", doc_number="示财规〔2026〕1号"))
    Record.objects.filter(pk=record.pk).update(written_on=date(2026, 3, 5))
    record.refresh_from_db()
    return record


@pytest.fixture
def successor(make_draft, publish):
    return publish(make_draft(title="示范市财政专项资金管理办法（2026年修订）", kind=RecordKind.NORMATIVE,
                              columns=("政策文件/规范性文件",), body="<p>第一条　修订后的办法。</p>"))


def _withdraw(record, reviewer):
    services.withdraw_record(record, "误发，内容有误。", actor=reviewer)


def _supersede(record, reviewer, new):
    services.supersede_record(record, new, actor=reviewer)


@pytest.fixture(params=["withdrawn", "superseded"])
def take_down(request, reviewer_a, successor):
    """Withdraw the record, or replace it by a newer version: both must leave every list."""
    if request.param == "withdrawn":
        return lambda record: _withdraw(record, reviewer_a)
    return lambda record: _supersede(record, reviewer_a, successor)


@pytest.fixture
def issue(normative, office_admin):
    made = gazette.compile_gazette(2026, 3, actor=office_admin)
    gazette.publish_gazette(made, actor=office_admin)
    return made


def _docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)


def test_it_drops_a_taken_down_record_from_the_gazette_page(issue, normative, take_down, client):
    assert TITLE in client.get(f"/xxgk/gazette/{issue.pk}/").content.decode()
    take_down(normative)
    page = client.get(f"/xxgk/gazette/{issue.pk}/").content.decode()
    assert "第一条　为加强专项资金管理" not in page and f"/xxgk/content/{normative.pk}/" not in page


def test_it_drops_a_taken_down_record_from_the_gazette_docx(issue, normative, take_down, client):
    assert TITLE in _docx_text(client.get(f"/xxgk/gazette/{issue.pk}/docx/").content)
    take_down(normative)
    text = _docx_text(client.get(f"/xxgk/gazette/{issue.pk}/docx/").content)
    assert "为加强专项资金管理" not in text and "示财规〔2026〕1号" not in text


def test_it_leaves_a_taken_down_record_out_of_a_later_compilation(normative, take_down, office_admin):
    take_down(normative)
    assert TITLE not in [record.title for record in gazette.month_documents(2026, 3)]


def _feed_titles(client, url):
    return [entry.findtext(f"{ATOM}title") for entry in ET.fromstring(client.get(url).content).iter(f"{ATOM}entry")]


def test_it_drops_a_taken_down_record_from_the_feeds(normative, take_down, client, unit_a, columns_a):
    urls = ("/xxgk/feed/", f"/xxgk/units/{unit_a.key}/feed/",
            f"/xxgk/units/{unit_a.key}/{columns_a['政策文件/规范性文件'].pk}/feed/")
    assert all(TITLE in _feed_titles(client, url) for url in urls)
    take_down(normative)
    for url in urls:
        assert TITLE not in _feed_titles(client, url), url


def _sitemap_urls(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for part in [loc.text for loc in index.iter(f"{SITEMAP}loc")]:
        urls += [loc.text for loc in ET.fromstring(client.get(part).content).iter(f"{SITEMAP}loc")]
    return urls


def test_it_drops_a_taken_down_record_from_the_sitemap(normative, take_down, client):
    address = f"/xxgk/content/{normative.pk}/"
    assert any(url.endswith(address) for url in _sitemap_urls(client))
    take_down(normative)
    assert not any(url.endswith(address) for url in _sitemap_urls(client))


def test_it_drops_a_taken_down_record_from_search_at_once(normative, take_down, client):
    assert SearchEntry.objects.filter(key=normative.search_key).exists()
    take_down(normative)
    assert not SearchEntry.objects.filter(key=normative.search_key).exists()
    assert TITLE not in [hit.title for hit in search("专项资金管理").hits]
    assert f"/xxgk/content/{normative.pk}/" not in client.get("/search/", {"q": "专项资金管理"}).content.decode()


def test_it_drops_a_taken_down_record_from_the_catalog_lists(normative, take_down, client, unit_a):
    take_down(normative)
    for url in ("/", f"/xxgk/units/{unit_a.key}/", "/xxgk/lanmu/政策文件/"):
        assert f"/xxgk/content/{normative.pk}/" not in client.get(url).content.decode(), url


# --- 公开范围: 面向申请人 -------------------------------------------------------------------------


@pytest.fixture
def applicant_only(make_draft, publish):
    """A record disclosed to its applicant only: published through review, never public."""
    record = publish(make_draft(
        title="关于张某申请公开的征收补偿档案", kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",),
        body="<p>面向申请人的答复材料。</p>", audience=Audience.APPLICANT,
    ))
    Record.objects.filter(pk=record.pk).update(written_on=date(2026, 3, 6))
    record.refresh_from_db()
    return record


def test_it_keeps_an_applicant_only_record_off_every_public_page(applicant_only, client, unit_a, columns_a):
    address = f"/xxgk/content/{applicant_only.pk}/"
    assert client.get(address).status_code == 404
    for url in ("/", "/xxgk/", f"/xxgk/units/{unit_a.key}/", "/xxgk/lanmu/政策文件/", "/xxgk/gfxwj/",
                "/xxgk/gfxwj/?state=all", f"/xxgk/units/{unit_a.key}/{columns_a['政策文件/规范性文件'].pk}/"):
        assert address not in client.get(url).content.decode(), url
    for url in ("/xxgk/feed/", f"/xxgk/units/{unit_a.key}/feed/"):
        assert applicant_only.title not in _feed_titles(client, url)
    assert not any(url.endswith(address) for url in _sitemap_urls(client))


def test_it_keeps_an_applicant_only_record_out_of_search_and_the_gazette(applicant_only, office_admin, client):
    assert not SearchEntry.objects.filter(key=applicant_only.search_key).exists()
    assert search("征收补偿档案").total == 0
    assert f"/xxgk/content/{applicant_only.pk}/" not in client.get("/search/", {"q": "征收补偿档案"}).content.decode()
    assert applicant_only not in gazette.month_documents(2026, 3)
    issue = gazette.compile_gazette(2026, 3, actor=office_admin)
    assert applicant_only not in gazette.entries(issue)


def test_it_keeps_an_applicant_only_attachment_closed(applicant_only, client):
    from gongkai.records.models import Attachment

    assert not Attachment.objects.filter(Attachment.public_q()).filter(record=applicant_only).exists()
    assert applicant_only.is_public is False and applicant_only.is_listed is False

