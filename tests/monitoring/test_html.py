"""What the crawler reads off a page (lxml): list items and their dates, links and their roles,
the page's own publication date, and encodings."""

from __future__ import annotations

from datetime import date

from gongkai.monitoring.html import read_page

LIST = """<html><head><title>通知公告 - 某县人民政府</title></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">动态</a></li></ul></div>
<div class="list"><ul><li><a href="a.html">通知1</a><span>2024-06-05</span></li>
<li><a href="b.html">通知二</a><span>2024年6月1日</span></li><li><a href="c.html">通知三</a></li></ul></div>
<div class="page"><a href="2.html">下一页</a> <a href="3.html">3</a></div>
<div class="footer"><a href="http://other.example/">外链</a></div></body></html>"""


def test_it_reads_a_column_list() -> None:
    facts = read_page(LIST.encode(), "http://x/notice/")
    assert facts.title == "通知公告"
    assert facts.items == 3 and facts.item_dates == [date(2024, 6, 5), date(2024, 6, 1)]
    links = {link.url: link for link in facts.links}
    assert links["http://x/notice/a.html"].dated and links["http://x/notice/a.html"].in_list
    assert links["http://x/notice/c.html"].in_list and not links["http://x/notice/c.html"].dated
    assert links["http://x/notice/2.html"].pagination and links["http://x/notice/3.html"].pagination
    assert not links["http://x/news/"].in_list  # navigation is not a list item
    assert facts.pub_date is None and not facts.blank_marker


def test_it_reads_a_gbk_article_with_a_metadata_table() -> None:
    html = ("<html><head><meta charset=gbk><title>关于某事的通知</title></head><body><table>"
            "<tr><td>成文日期</td><td>2024年6月1日</td></tr><tr><td>发布日期</td><td>2024/06/05</td></tr>"
            "</table><p>正文</p></body></html>").encode("gbk")
    facts = read_page(html, "http://x/a.html")
    assert facts.title == "关于某事的通知" and facts.pub_date == date(2024, 6, 5)


def test_a_list_items_date_in_a_list_item_is_not_the_pages_date() -> None:
    html = "<html><body><ul><li><a href='/a'>文章</a> 发布时间：2024-06-05</li></ul></body></html>"
    facts = read_page(html.encode(), "http://x/")
    assert facts.pub_date is None and facts.item_dates == [date(2024, 6, 5)]


def test_a_blank_column_and_junk() -> None:
    assert read_page("<html><body><div>暂无信息</div></body></html>".encode(), "http://x/b/").blank_marker
    assert read_page(b"", "http://x/").items == 0
    assert read_page(b"\xff\xfe\x00<<<", "http://x/").links == []


def test_the_head_dates_of_government_cms_pages_are_read_in_order_of_trust() -> None:
    def dated(head: str) -> date | None:
        return read_page(f"<html><head>{head}</head><body><p>正文</p></body></html>".encode(), "http://x/a.html").pub_date

    assert dated('<meta name="PubDate" content="2024-06-05 10:30">') == date(2024, 6, 5)  # 《政府网站发展指引》
    assert dated('<meta name="firstpublishedtime" content="2024-06-05-10:30:00">') == date(2024, 6, 5)
    assert dated('<meta property="article:published_time" content="2024-06-05T10:30:00+08:00">') == date(2024, 6, 5)
    assert dated('<meta name="publishdate" content="待定"><meta name="PubDate" content="2024-06-04">') == date(2024, 6, 4)
    assert dated('<meta name="pubdate" content="">') is None
