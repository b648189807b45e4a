"""Record bodies: the sanitiser's allow-list, hostile markup, plain text, and masking inside HTML."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.pii import PiiKind, ScanOptions, id_check_character
from gongkai.rules.richtext import (
    MAX_BODY_CHARS,
    MAX_NESTING,
    BodyError,
    check_body,
    clean_body,
    html_to_text,
    mask_html,
    nesting_depth,
    sanitize,
    scan_html,
)

OPTIONS = ScanOptions(today=date(2026, 6, 1))
ID = "44010419900101123" + id_check_character("44010419900101123")

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)>",
    '<img src="/ok.png" onerror="alert(1)">',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">悬停</div>',
    '<p style="background:url(javascript:alert(1))">文字</p>',
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt:alert(1)">点我</a>',
    '<a href=" javascript:alert(1)">点我</a>',
    '<a href="&#106;avascript:alert(1)">点我</a>',
    '<a href="java&#x09;script:alert(1)">点我</a>',
    '<a href="vbscript:msgbox(1)">点我</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/"><input name="q"><button>提交</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<table background="javascript:alert(1)"><tr><td onclick="alert(1)">格</td></tr></table>',
    "<!--<img src=x onerror=alert(1)>-->",
    '<a href="https://gov.cn/" target="_blank" onclick="alert(1)">链接</a>',
    '<img src="https://evil.example/track.gif">',
    '<img src="//evil.example/track.gif">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_it_removes_scripts_event_attributes_and_dangerous_urls(payload: str) -> None:
    cleaned = sanitize(payload).lower()
    assert "<script" not in cleaned
    assert not re.search(r"<[^>]*\son\w+\s*=", cleaned)
    assert "javascript:" not in cleaned and "vbscript:" not in cleaned
    assert not re.search(r"(href|src)=\"(data:|//|https?://evil)", cleaned)
    for tag in (
        "iframe",
        "object",
        "embed",
        "style",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "svg",
        "math",
        "body",
        "template",
        "noscript",
    ):
        assert f"<{tag}" not in cleaned
    assert "style=" not in cleaned and "target=" not in cleaned


def test_it_drops_the_content_of_scripts_and_styles_but_keeps_text_of_other_tags() -> None:
    cleaned = sanitize(
        "<p>甲<script>alert(1)</script><style>p{}</style><span>乙</span><font>丙</font></p>"
    )
    assert cleaned == "<p>甲乙丙</p>"


def test_it_keeps_the_structure_a_government_page_needs() -> None:
    body = (
        "<h2>一、总体要求</h2><h3>（一）</h3><h4>1.</h4><p><strong>强</strong><em>斜</em><u>下</u>"
        "m<sup>2</sup>H<sub>2</sub>O<br>次行</p><blockquote>引文</blockquote><hr>"
        '<ol start="3"><li>甲</li></ol><ul><li>乙</li></ul>'
        '<table><caption>表1</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>'
        '<tbody><tr><td rowspan="2">甲</td><td>乙</td></tr></tbody></table><div>粘贴的行</div>'
    )
    assert sanitize(body) == body


def test_it_keeps_safe_links_and_marks_them_noopener() -> None:
    cleaned = sanitize(
        '<a href="https://www.gov.cn/zhengce/" title="政策">政策</a><a href="/records/1/">本站</a>'
        '<a href="mailto:gkb@example.gov.cn">信箱</a><a href="tel:0758-2260871">电话</a>'
        '<a href="http://www.example.gov.cn/">旧站</a>'
    )
    assert cleaned.count('rel="noopener noreferrer"') == 5
    for href in (
        "https://www.gov.cn/zhengce/",
        "/records/1/",
        "mailto:gkb@example.gov.cn",
        "tel:0758-2260871",
        "http://www.example.gov.cn/",
    ):
        assert f'href="{href}"' in cleaned


def test_it_keeps_only_same_site_images() -> None:
    cleaned = sanitize(
        '<img src="/media/records/1/图1.png" alt="示意图" width="600" height="400">'
        '<img src="https://cdn.example.com/a.png" alt="外链"><img src="data:image/png;base64,AA" alt="内嵌">'
        '<img src="\\\\evil\\a.png"><img src="/a.png" width="100%">'
    )
    assert '<img src="/media/records/1/图1.png" alt="示意图" width="600" height="400">' in cleaned
    assert cleaned.count("src=") == 2
    assert 'width="100%"' not in cleaned


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ('<td colspan="2">', '<td colspan="2">'),
        ('<td colspan="abc">', "<td>"),
        ('<td rowspan="0">', "<td>"),
        ('<td rowspan="100000">', "<td>"),
        ('<th scope="bogus">', "<th>"),
        ('<td class="x" id="y" style="z">', "<td>"),
    ],
)
def test_it_checks_the_values_of_table_attributes(cell: str, kept: str) -> None:
    tag = cell[1:3]
    assert kept in sanitize(f"<table><tr>{cell}格</{tag}></tr></table>")


def test_it_keeps_the_text_of_a_heading_one_but_not_the_tag() -> None:
    assert sanitize("<h1>标题</h1><p>正文</p>") == "标题<p>正文</p>"


def test_it_turns_a_body_into_lines_and_cells() -> None:
    body = (
        "<h2>一、公开目录</h2><p>第一段&amp;“引号”&nbsp;结束</p><p>第二\n段</p><script>忽略</script>"
        "<table><tr><th>项目</th><th>金额</th></tr><tr><td>甲</td><td>1</td></tr></table>"
        "<ul><li>子项一</li><li>子项二</li></ul><p>换<br>行</p>"
    )
    assert html_to_text(body) == (
        "一、公开目录\n第一段&“引号” 结束\n第二 段\n项目\t金额\n甲\t1\n子项一\n子项二\n换\n行"
    )


def test_it_separates_cells_so_that_numbers_never_run_together() -> None:
    text = html_to_text("<table><tr><td>138</td><td>1234</td><td>5678</td></tr></table>")
    assert text == "138\t1234\t5678"
    assert (
        scan_html("<table><tr><td>138</td><td>1234</td><td>5678</td></tr></table>", OPTIONS) == []
    )


def test_it_finds_and_masks_personal_data_inside_markup() -> None:
    body = f'<p class="x">申请人：<b>张三</b>，身份证号<span>{ID[:6]}</span><i>{ID[6:]}</i>，手机138<b>1234</b>5678。</p>'
    hits = scan_html(body, OPTIONS)
    assert [(h.kind, h.matched) for h in hits] == [
        (PiiKind.NAME, "张三"),
        (PiiKind.ID_CARD, ID),
        (PiiKind.MOBILE, "13812345678"),
    ]
    masked = mask_html(body, hits)
    assert masked == (
        "<p>申请人：<b>张*</b>，身份证号4401**<i>********1232</i>，手机138<b>****</b>5678。</p>"
    )
    assert html_to_text(masked) == "申请人：张*，身份证号4401**********1232，手机138****5678。"


def test_it_masks_only_the_picked_hits_and_escapes_text() -> None:
    body = f"<p>a &lt;b&gt; &amp; 身份证{ID}</p><p>手机13812345678</p>"
    hits = [h for h in scan_html(body, OPTIONS) if h.kind is PiiKind.MOBILE]
    assert mask_html(body, hits) == f"<p>a &lt;b&gt; &amp; 身份证{ID}</p><p>手机138****5678</p>"


def test_it_refuses_hits_from_another_version_of_the_body() -> None:
    hits = scan_html(f"<p>身份证{ID}</p>", OPTIONS)
    with pytest.raises(ValueError, match="请重新扫描"):
        mask_html(f"<p>新的身份证{ID}</p>", hits)


def test_it_sanitises_while_masking() -> None:
    body = f"<p onclick='x()'>身份证{ID}</p><script>alert(1)</script>"
    masked = mask_html(body, scan_html(body, OPTIONS))
    assert masked == "<p>身份证4401**********1232</p>"


TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Co", "Cn"), blacklist_characters="\r\u2028\u2029\x85"
    ),
    max_size=60,
)
FRAGMENTS = st.lists(
    st.one_of(
        TEXT.map(lambda t: html.escape(t)),
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<b>",
                "</b>",
                "<table><tr><td>",
                "</td><td>",
                "</td></tr></table>",
                "<br>",
                "<script>x</script>",
                '<a href="javascript:x">',
                "</a>",
                "<img src=x onerror=y>",
                "<div onclick=z>",
                "</div>",
                "<!--",
                "-->",
                "<",
                ">",
                "&",
                '"',
                "<h1>",
                "</h1>",
            ]
        ),
    ),
    max_size=20,
).map("".join)


@given(TEXT)
def test_it_keeps_any_plain_text_as_it_is(text: str) -> None:
    assert html_to_text(f"<p>{html.escape(text)}</p>") == re.sub(r"\s", " ", text).rstrip()


@given(FRAGMENTS)
def test_it_is_idempotent_and_never_lets_a_script_through(body: str) -> None:
    cleaned = sanitize(body)
    assert sanitize(cleaned) == cleaned
    assert "<script" not in cleaned.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", cleaned.lower())
    assert html_to_text(cleaned) == html_to_text(body)


@given(FRAGMENTS, FRAGMENTS)
def test_it_masks_an_id_number_wherever_it_stands_in_markup(before: str, after: str) -> None:
    body = f"{before}<p>身份证{ID}。</p>{after}"
    masked = mask_html(body, scan_html(body, OPTIONS))
    assert ID not in html_to_text(masked) and ID not in masked
    if ID in html_to_text(body):  # unless ``before`` opened a comment that swallows the rest
        assert "4401**********1232" in html_to_text(masked)
    assert len(html_to_text(masked)) == len(html_to_text(body))


# --- bounds before cleaning (issue 15, point 6) -----------------------------------------------


def test_it_refuses_a_body_nested_deeper_than_the_bound_without_cleaning_it() -> None:
    with pytest.raises(BodyError, match="正文嵌套层级过深"):
        sanitize("<div>" * 200_000)  # 1 MB that took the cleaner five minutes
    with pytest.raises(BodyError, match="正文嵌套层级过深"):
        check_body("<blockquote><b>" * (MAX_NESTING // 2 + 1))


def test_it_refuses_a_body_longer_than_the_bound() -> None:
    with pytest.raises(BodyError, match="正文过长"):
        check_body("正" * (MAX_BODY_CHARS + 1))
    check_body("正" * MAX_BODY_CHARS)


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        ("<p>一<p>二<p>三", 1),
        ("<ul><li>一<li>二<li>三</ul>", 2),
        ("<table><tr><td>一<td>二<tr><td>三</table>" * 500, 3),
        ("<div><p>段<div>块</div></div>", 2),
        ("<p>一<br>二<img src='/a.png'/><hr></p>", 1),
        ("<div>" * 40 + "</div>" * 40 + "<div>", 40),
        ("</div></div><b>", 1),
    ],
)
def test_it_counts_nesting_as_a_browser_builds_the_tree(body: str, depth: int) -> None:
    assert nesting_depth(body) == depth


def test_it_cleans_a_body_just_inside_the_bounds() -> None:
    body = "<div>" * MAX_NESTING + "正文" + "</div>" * MAX_NESTING
    cleaned, text = clean_body(body)
    assert text == "正文" and cleaned.count("<div>") == MAX_NESTING
