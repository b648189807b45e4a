"""The public pages of records: home, catalog by unit and column, the record page with its
metadata table, the interpretation beside its policy, the Atom feeds and the sitemap."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from gongkai.records.models import RecordKind

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def notice(make_draft, publish):
    return publish(make_draft(title="示范市财政局关于2026年部门预算公开的公告", columns=("通知公告", "财政信息/部门预算"),
                              doc_number="示财〔2026〕8号", topic="财政、金融、审计", summary="公开2026年部门预算。"))


def test_it_shows_the_latest_records_and_columns_on_the_home_page(notice, client):
    page = client.get("/").content.decode()
    assert notice.title in page and f"/xxgk/content/{notice.pk}/" in page
    assert "/xxgk/lanmu/%E6%94%BF%E7%AD%96%E6%96%87%E4%BB%B6/" in page  # 政策文件, across units


def test_it_shows_the_metadata_table_in_the_familiar_order(notice, client):
    page = client.get(f"/xxgk/content/{notice.pk}/").content.decode()
    labels = re.findall(r'<th scope="row">([^<]+)</th>', page)
    assert labels[:8] == ["索引号", "主题分类", "发布机构", "成文日期", "名称", "文号", "发布日期", "有效性"]
    for value in (notice.index_number, "示范市财政局", "2026-03-02", "示财〔2026〕8号", "有效", "财政、金融、审计"):
        assert value in page


def test_it_reaches_a_record_from_each_of_its_columns(notice, client, columns_a, unit_a):
    for path in ("通知公告", "财政信息/部门预算", "财政信息"):
        page = client.get(f"/xxgk/units/{unit_a.key}/{columns_a[path].pk}/").content.decode()
        assert notice.title in page, path
    other = client.get(f"/xxgk/units/{unit_a.key}/{columns_a['人事信息'].pk}/").content.decode()
    assert notice.title not in other
    assert notice.title in client.get(f"/xxgk/units/{unit_a.key}/").content.decode()
    assert "示范市财政局" in client.get("/xxgk/").content.decode()


def test_it_shows_the_interpretation_beside_its_policy(make_draft, publish, client):
    policy = publish(make_draft(title="示范市财政专项资金管理办法", kind=RecordKind.NORMATIVE,
                                columns=("政策文件/规范性文件",), body="<p>第一条　为加强专项资金管理……</p>"))
    interpretation = publish(make_draft(title="一图读懂专项资金管理办法", kind=RecordKind.INTERPRETATION,
                                        interprets=policy, columns=("政策解读",), body="<p>办法明确了三项要求。</p>"))
    page = client.get(f"/xxgk/content/{policy.pk}/").content.decode()
    assert 'class="record-aside"' in page and "一图读懂专项资金管理办法" in page and "办法明确了三项要求" in page
    other_side = client.get(f"/xxgk/content/{interpretation.pk}/").content.decode()
    assert "所解读的政策" in other_side and "第一条" in other_side


def test_it_publishes_atom_feeds_per_unit_and_column(notice, client, unit_a, columns_a):
    for url in ("/xxgk/feed/", f"/xxgk/units/{unit_a.key}/feed/",
                f"/xxgk/units/{unit_a.key}/{columns_a['通知公告'].pk}/feed/"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
        assert titles == [notice.title], url
        link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
        assert link.endswith(f"/xxgk/content/{notice.pk}/")
    empty = client.get(f"/xxgk/units/{unit_a.key}/{columns_a['人事信息'].pk}/feed/")
    assert list(ET.fromstring(empty.content).iter(f"{ATOM}entry")) == []


def test_it_publishes_a_sitemap(notice, make_draft, client):
    draft = make_draft(title="草稿不进站点地图")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert any(part.endswith("/sitemap-pages.xml") for part in parts)
    urls = []
    for part in parts:
        urls += [loc.text for loc in ET.fromstring(client.get(part).content).iter(f"{SITEMAP}loc")]
    assert any(url.endswith(f"/xxgk/content/{notice.pk}/") for url in urls)
    assert not any(url.endswith(f"/xxgk/content/{draft.pk}/") for url in urls)
    assert any(url.endswith("/xxgk/gfxwj/") for url in urls)


def test_it_loads_no_asset_from_outside_and_honours_the_font_size(notice, client):
    client.cookies["font_size"] = "large"
    for url in ("/", "/xxgk/", f"/xxgk/content/{notice.pk}/", "/xxgk/gfxwj/", "/xxgk/gazette/"):
        text = client.get(url).content.decode()
        assert 'class="fs-large"' in text, url
        for asset in re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png|svg|woff2?))"', text):
            assert asset.startswith("/static/") and "axe" not in asset, (url, asset)


def test_the_lists_escape_what_a_clerk_typed_and_mark_the_current_column(make_draft, publish, client, unit_a, columns_a):
    """The record lists and the column tree are written out in Python (records_tags), not by the
    template language: what autoescape did, they must do."""
    unit_a.name = "示范市<b>财政局</b>"
    unit_a.save()
    hostile = publish(make_draft(title='<script>alert("标题")</script>关于预算的通知', doc_number="示财〔2026〕9号"))
    column = columns_a["通知公告"]
    pages = {
        "home": client.get("/").content.decode(),
        "unit": client.get(f"/xxgk/units/{unit_a.key}/").content.decode(),
        "column": client.get(f"/xxgk/units/{unit_a.key}/{column.pk}/").content.decode(),
    }
    for name, page in pages.items():
        assert "<script>alert" not in page and "<b>财政局" not in page, name
        assert '&lt;script&gt;alert(&quot;标题&quot;)&lt;/script&gt;关于预算的通知' in page, name
        assert f'href="/xxgk/content/{hostile.pk}/"' in page and "示财〔2026〕9号" in page, name
    assert "<span>示范市&lt;b&gt;财政局&lt;/b&gt;</span>" in pages["home"]
    assert 'aria-label="示范市&lt;b&gt;财政局&lt;/b&gt;目录栏目"' in pages["column"]
    assert f'href="/xxgk/units/{unit_a.key}/{column.pk}/" aria-current="page">通知公告</a> <span class="count">（1）</span>' in pages["column"]
    assert f'href="/xxgk/units/{unit_a.key}/" aria-current="page">全部信息</a>' in pages["unit"]
    assert 'aria-current="page">全部信息' not in pages["column"]


def test_the_metadata_table_escapes_every_field_and_links_each_column(make_draft, publish, client, login, clerk_a, columns_a, unit_a):
    """The 信息索引 table is written out in Python (records_tags.record_meta), on the public page and
    in the workbench: every field escaped, every column linked, the optional row only when it has a value."""
    record = publish(make_draft(
        title='<img src=x onerror=alert(1)>关于预算的通知', doc_number="示财〔2026〕9号", topic="财政<预算>",
        genre="通知&公告", keywords='预算 "公开"', columns=("通知公告", "政策文件"),
    ))
    pages = [client.get(f"/xxgk/content/{record.pk}/").content.decode(),
             login(clerk_a).get(f"/console/records/{record.pk}/").content.decode()]
    for page in pages:
        table = re.search(r'<table class="record-meta">.*?</table>', page, re.S).group(0)
        assert "<img" not in table and "&lt;img src=x onerror=alert(1)&gt;关于预算的通知" in table
        assert "财政&lt;预算&gt; / 通知&amp;公告" in table and "预算 &quot;公开&quot;" in table
        assert f'<td class="index-number">{record.index_number}</td>' in table and "示财〔2026〕9号" in table
        for path in ("通知公告", "政策文件"):
            assert f'<a href="/xxgk/units/{unit_a.key}/{columns_a[path].pk}/">{path}</a>' in table
        assert f"<td>{record.published_on.isoformat()}</td>" in table and "<td>2026-03-02</td>" in table
    other = next(path for path in columns_a if path not in ("通知公告", "政策文件"))
    plain = publish(make_draft(title="关于春节放假的通知", columns=(other,)))
    columns_a[other].is_active = False  # a column closed since: no longer shown
    columns_a[other].save()
    table = re.search(r'<table class="record-meta">.*?</table>', client.get(f"/xxgk/content/{plain.pk}/").content.decode(), re.S).group(0)
    assert "主题词</th>" not in table and '<th scope="row">组配分类</th><td>—</td>' in table


def test_the_record_page_escapes_attachment_and_interpretation_titles_and_links_policy_and_interpretation(
    make_draft, publish, client, clerk_a
):
    """The text, attachments and aside of a record page are written out in Python
    (records_tags.record_layout): escaped as autoescape did, linked both ways."""
    from gongkai.records import services
    from gongkai.records.models import RecordKind
    from tests.documents import docx_with_stories

    policy = make_draft(title="示范市<i>专项</i>资金管理办法", kind=RecordKind.NORMATIVE, doc_number="示财规〔2026〕1号",
                        columns=("政策文件/规范性文件",))
    services.add_attachment(policy, "附件1&2（说明）.docx", docx_with_stories(["附件正文"]), actor=clerk_a)
    policy = publish(policy)
    reading = publish(make_draft(title="《办法》<script>解读</script>", kind=RecordKind.INTERPRETATION, interprets=policy,
                                 columns=("政策解读",), body="<p>一、出台背景</p>"))
    page = client.get(f"/xxgk/content/{policy.pk}/").content.decode()
    layout = re.search(r'<div class="record-layout with-aside">.*?</aside>\n</div>', page, re.S).group(0)
    assert '<h1 id="record-title">示范市&lt;i&gt;专项&lt;/i&gt;资金管理办法</h1>' in layout
    assert '<p class="doc-number">示财规〔2026〕1号</p>' in layout
    attachment = policy.attachments.get()
    assert f'<a href="/xxgk/content/{policy.pk}/files/{attachment.pk}/">附件1&amp;2（说明）.docx</a>' in layout
    assert '<h2 id="aside-heading">政策解读</h2>' in layout and "<p>一、出台背景</p>" in layout
    assert f'<a href="/xxgk/content/{reading.pk}/">《办法》&lt;script&gt;解读&lt;/script&gt;</a>' in layout
    back = client.get(f"/xxgk/content/{reading.pk}/").content.decode()
    assert '<h2 id="aside-heading">所解读的政策</h2>' in back
    assert f'<a href="/xxgk/content/{policy.pk}/">示范市&lt;i&gt;专项&lt;/i&gt;资金管理办法</a>' in back
    assert f'<p class="help">示财规〔2026〕1号 · {policy.published_on.isoformat()}</p>' in back
