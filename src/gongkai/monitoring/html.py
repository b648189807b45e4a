"""What the crawler reads off one HTML page, with lxml's HTML parser (no regular expressions over
markup): its title, its links (and whether each sits in a list item, beside a date, or in the
pagination), its list items and their dates, its own publication date and whether it says it has
nothing yet (暂无信息). Dates themselves are read by :mod:`gongkai.rules.monitoring.dates`.

Free of Django: the command-line crawl and the benchmark use it without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Final
from urllib.parse import urldefrag, urljoin

import lxml.html
from lxml import etree

from gongkai.rules.monitoring.dates import dates_in, publication_date

# Containers whose links are the site's frame, not a column's content (导航, 页眉, 页脚, 面包屑, 分页).
_FRAME: Final = re.compile(
    r"(?:^|[\s_-])(nav\w*|menu\w*|header|footer|breadcrumbs?|crumbs?|position|location|dh|daohang)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PAGINATION: Final = re.compile(
    r"(?:^|[\s_-])(pagination|pager|pages|page-?bar|page-?nav|fenye|pagelist)(?:$|[\s_-])|(?:^|\s)page(?:$|\s)",
    re.IGNORECASE,
)
_PAGE_WORDS: Final = frozenset({"下一页", "上一页", "下页", "上页", "尾页", "末页", "首页", ">", "<", ">>", "<<"})
_BLANK_WORDS: Final = ("暂无信息", "暂无内容", "暂无数据", "暂无记录", "暂无相关信息", "没有相关信息", "本栏目暂无")
_FRAME_TAGS: Final = frozenset({"nav", "header", "footer"})
_BLOCK_TAGS: Final = ("p", "div", "tr", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "ul", "section", "article")
_DROP_TAGS: Final = ("script", "style", "noscript", "template")
_TITLE_SEPARATORS: Final = re.compile(r"\s*[-_|—–]+\s*|\s+·\s+")


@dataclass(frozen=True)
class PageLink:
    url: str
    in_list: bool = False  # inside a list item of the page's content
    dated: bool = False  # that list item prints a date: the link leads to an article
    pagination: bool = False  # 下一页, a page number


@dataclass
class PageFacts:
    title: str = ""
    links: list[PageLink] = field(default_factory=list)
    item_dates: list[date] = field(default_factory=list)
    items: int = 0
    pub_date: date | None = None
    blank_marker: bool = False


def _marks(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _in(element: etree._Element, pattern: re.Pattern[str], tags: frozenset[str] = frozenset()) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if isinstance(node.tag, str) and (node.tag in tags or pattern.search(_marks(node))):
            return True
        node = node.getparent()
    return False


def _usable_href(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    try:
        absolute = urljoin(base, href)
    except ValueError:
        return None
    absolute = urldefrag(absolute)[0]
    return absolute if absolute.startswith(("http://", "https://")) else None


def page_title(document: etree._Element) -> str:
    """The column or article name: the ``<title>``'s first part ("通知公告 - XX县人民政府")."""
    titles = document.xpath("//title")
    text = " ".join(titles[0].text_content().split()) if titles else ""
    if not text:
        headings = document.xpath("//h1")
        text = " ".join(headings[0].text_content().split()) if headings else ""
    return _TITLE_SEPARATORS.split(text)[0] if text else ""


_META_CHARSET: Final = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{2,20})""", re.IGNORECASE)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*>")


def decode_body(body: bytes, charset: str | None = None) -> str:
    """The page's text: the charset the server names, else the one the page declares in its
    ``<meta>`` (many government CMSs still write GBK), else UTF-8, else GB18030."""
    declared = _META_CHARSET.search(body[:4096])
    for name in (charset, declared.group(1).decode("ascii") if declared else None, "utf-8"):
        if not name:
            continue
        if name.lower().replace("-", "") in ("gb2312", "gbk"):
            name = "gb18030"  # a superset: pages labelled GB2312 often hold GBK characters
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("gb18030", errors="replace")


def read_page(body: bytes | str, url: str, charset: str | None = None) -> PageFacts:
    """The facts of one page; an unparsable body gives empty facts."""
    text = decode_body(body, charset) if isinstance(body, bytes) else body
    try:
        document = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text) or "<html></html>")
    except (etree.ParserError, ValueError):
        return PageFacts()
    for element in document.iter(*_DROP_TAGS):
        element.drop_tree()
    base_elements = document.xpath("//base[@href]")
    base = _usable_href(url, base_elements[0].get("href")) if base_elements else url
    facts = PageFacts(title=page_title(document))
    items: list[etree._Element] = []
    for item in document.iter("li", "tr"):
        if _in(item, _FRAME, _FRAME_TAGS) or _in(item, _PAGINATION):
            continue
        anchors = [a for a in item.iter("a") if _usable_href(base or url, a.get("href"))]
        if not anchors:
            continue
        if any(child.tag in ("li", "tr") for child in item.iter() if child is not item):
            continue  # a list holding lists: its inner items are the ones counted
        found = dates_in(_spaced(item))
        facts.items += 1
        if found:
            facts.item_dates.append(found[0])
        items.append(item)
    dated_items = {item: bool(dates_in(_spaced(item))) for item in items}
    seen: dict[str, PageLink] = {}
    for anchor in document.iter("a"):
        target = _usable_href(base or url, anchor.get("href"))
        if target is None:
            continue
        text = "".join(anchor.text_content().split())
        item = _list_item(anchor, dated_items)
        link = PageLink(
            url=target,
            in_list=item is not None,
            dated=item is not None and dated_items[item],
            pagination=(anchor.get("rel") or "") in ("next", "prev") or text in _PAGE_WORDS and text != "首页"
            or _in(anchor, _PAGINATION),
        )
        previous = seen.get(target)
        if previous is not None:  # the same target twice: keep the strongest reading of it
            link = PageLink(target, previous.in_list or link.in_list, previous.dated or link.dated,
                            previous.pagination and link.pagination)
        seen[target] = link
    facts.links = list(seen.values())
    heads: dict[str, list[str]] = {}  # one pass over the page's meta tags, by name in lower case
    for tag in document.iter("meta"):
        for key in (tag.get("name"), tag.get("property")):
            if key and tag.get("content") is not None:
                heads.setdefault(key.lower(), []).append(tag.get("content"))
    meta = [value for name in _META_DATE_NAMES for value in heads.get(name, [])]
    for item in items:
        item.drop_tree()
    lines = _content_lines(document)
    facts.pub_date = publication_date(lines, next((value for value in meta if dates_in(value)), None))
    facts.blank_marker = facts.items == 0 and any(word in line for line in lines for word in _BLANK_WORDS)
    return facts


# the publication date in a page's head, in order of trust: 《政府网站发展指引》's PubDate first
_META_DATE_NAMES: Final = ("pubdate", "firstpublishedtime", "publishdate", "article:published_time")


def _spaced(element: etree._Element) -> str:
    """The element's text with a space between its pieces: "文章1" in one tag and "2024-06-05" in
    the next must not run together into "文章12024-06-05"."""
    return " ".join(element.itertext())


def _list_item(anchor: etree._Element, items: dict[etree._Element, bool]) -> etree._Element | None:
    """The counted list item holding ``anchor`` (lxml hands back the same proxy for a node while
    one is alive, and ``items`` keeps them alive)."""
    node = anchor.getparent()
    while node is not None:
        if node in items:
            return node
        node = node.getparent()
    return None


def _content_lines(document: etree._Element) -> list[str]:
    """The page's text outside its frame, one line per block (a table row's cells on one line)."""
    for element in list(document.iter(*_FRAME_TAGS)):
        element.drop_tree()
    for element in list(document.iter()):
        if isinstance(element.tag, str) and element.getparent() is not None and _FRAME.search(_marks(element)):
            element.drop_tree()
    for element in document.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    for element in document.iter("td", "th"):
        element.tail = " " + (element.tail or "")
    bodies = document.xpath("//body")
    text = (bodies[0] if bodies else document).text_content()
    return [line.strip() for line in text.split("\n") if line.strip()]
