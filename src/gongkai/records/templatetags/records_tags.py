"""Small template helpers of the records pages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.orgs.models import Unit
from gongkai.records.catalog import Node
from gongkai.records.models import Column, Record

register = template.Library()

_PK_MARK = 987654321  # split out of one reversed URL to give every row's URL without reversing each


def _url_around_pk(view_name: str, *args: object) -> tuple[str, str]:
    """What comes before and after the last argument, a primary key, in ``view_name``'s URL."""
    head, tail = reverse(view_name, args=[*args, _PK_MARK]).rsplit(str(_PK_MARK), 1)
    return escape(head), escape(tail)


@register.filter
def get_count(counts: dict[Any, int] | None, key: Any) -> int:
    """``counts|get_count:unit.pk``: the count for ``key``, 0 when absent."""
    return (counts or {}).get(key, 0)


@register.simple_tag
def record_list(records: Iterable[Record], show_unit: bool = False) -> SafeString:
    """``{% record_list records show_unit=True %}``: a list of records as the portal's lists show them
    (title linked to its page, the unit when asked, 文号, date).

    Written out in Python rather than as an included template: the home page shows three such lists
    and a column page twenty rows, and the template language's per-row lookups and ``{% url %}`` were
    a third of those pages' time. Every value is escaped here, as autoescape would."""
    head, tail = _url_around_pk("records:record")
    rows = []
    for item in records:
        published = item.published_on.isoformat() if item.published_on else ""
        meta = f"<span>{escape(item.unit.name)}</span>" if show_unit else ""
        if item.doc_number:
            meta += f"<span>{escape(item.doc_number)}</span>"
        rows.append(
            f'  <li>\n    <a href="{head}{item.pk}{tail}">{escape(item.title)}</a>\n'
            f'    <span class="record-list-meta">{meta}<time datetime="{published}">{published}</time></span>\n  </li>\n'
        )
    if not rows:
        rows.append('  <li class="empty">暂无信息。</li>\n')
    return mark_safe(f'<ul class="record-list">\n{"".join(rows)}</ul>')  # noqa: S308 (escaped above)


def _day(value: date | None, empty: str = "—") -> str:
    return value.isoformat() if value else empty


@register.simple_tag
def record_meta(record: Record, validity: Any, columns: Iterable[Column]) -> SafeString:
    """``{% record_meta record validity columns %}``: the catalog metadata table (信息索引) of a record,
    on its public page and in the workbench; in Python for the reason ``record_list`` is (as a
    template it was an eighth of a record page)."""
    head, tail = _url_around_pk("records:column", record.unit.key)
    links = "、".join(f'<a href="{head}{column.pk}{tail}">{escape(column.path)}</a>' for column in columns) or "—"
    genre = f" / {escape(record.genre)}" if record.genre else ""
    rows = [
        f'<tr><th scope="row">索引号</th><td class="index-number">{escape(record.index_number or "（发布时生成）")}</td>'
        f'<th scope="row">主题分类</th><td>{escape(record.topic or "—")}{genre}</td></tr>',
        f'<tr><th scope="row">发布机构</th><td>{escape(record.publisher)}</td><th scope="row">成文日期</th><td>{_day(record.written_on)}</td></tr>',
        f'<tr><th scope="row">名称</th><td colspan="3">{escape(record.title)}</td></tr>',
        f'<tr><th scope="row">文号</th><td>{escape(record.doc_number or "—")}</td>'
        f'<th scope="row">发布日期</th><td>{_day(record.published_on)}</td></tr>',
        f'<tr><th scope="row">有效性</th><td>{escape(validity.label)}</td><th scope="row">组配分类</th><td>{links}</td></tr>',
    ]
    if record.keywords or record.effective_on or record.repealed_on or record.expires_on:
        end = (f" / 废止 {_day(record.repealed_on)}" if record.repealed_on
               else f" / 失效 {_day(record.expires_on)}" if record.expires_on else "")
        rows.append(
            f'<tr><th scope="row">主题词</th><td>{escape(record.keywords or "—")}</td>'
            f'<th scope="row">生效/废止日期</th><td>{_day(record.effective_on)}{end}</td></tr>'
        )
    body = "".join(f"\n    {row}" for row in rows)
    return mark_safe(  # noqa: S308 (escaped above)
        f'<table class="record-meta">\n  <caption>信息索引</caption>\n  <tbody>{body}\n  </tbody>\n</table>'
    )


@register.simple_tag
def record_layout(record: Record, attachments: Iterable[Any], interpretations: Iterable[Record], policy: Record | None) -> SafeString:
    """``{% record_layout record attachments interpretations policy %}``: a public record's text and
    attachments, beside the interpretations of it or the policy it interprets; in Python for the
    reason ``record_list`` is. The bodies are the sanitised HTML stored at publication (safe)."""
    number = f'\n    <p class="doc-number">{escape(record.doc_number)}</p>' if record.doc_number else ""
    files = ""
    if attachments:
        head, tail = _url_around_pk("records:attachment", record.pk)
        rows = "".join(
            f'\n        <li><a href="{head}{attachment.pk}{tail}">{escape(attachment.name)}</a>'
            f'{"（已去标识化，提供文字版）" if attachment.serves_masked_text else ""}'
            f' <span class="help">{filesizeformat(attachment.size)}</span></li>'
            for attachment in attachments
        )
        files = (
            '\n    <section class="attachments" aria-labelledby="attachments-heading">\n'
            f'      <h2 id="attachments-heading">附件</h2>\n      <ul>{rows}\n      </ul>\n    </section>'
        )
    article = (
        '  <article class="record-body" aria-labelledby="record-title">\n'
        f'    <h1 id="record-title">{escape(record.title)}</h1>{number}\n'
        f'    <div class="rich-text">{record.body}</div>{files}\n  </article>'
    )
    head, tail = _url_around_pk("records:record")
    if interpretations:
        heading, sections = "政策解读", [
            (item.pk, item.title, f"{escape(item.publisher)} · {_day(item.published_on, '')}", item.body) for item in interpretations
        ]
    elif policy is not None:
        line = f"{escape(policy.doc_number)} · " if policy.doc_number else ""
        heading, sections = "所解读的政策", [(policy.pk, policy.title, f"{line}{_day(policy.published_on, '')}", policy.body)]
    else:
        return mark_safe(f'<div class="record-layout">\n{article}\n</div>')  # noqa: S308 (escaped above)
    aside = "".join(
        f'\n    <section class="interpretation">\n      <h3><a href="{head}{pk}{tail}">{escape(title)}</a></h3>\n'
        f'      <p class="help">{line}</p>\n      <div class="rich-text">{body}</div>\n    </section>'
        for pk, title, line, body in sections
    )
    return mark_safe(  # noqa: S308 (escaped above)
        f'<div class="record-layout with-aside">\n{article}\n'
        f'  <aside class="record-aside" aria-labelledby="aside-heading">\n    <h2 id="aside-heading">{heading}</h2>{aside}\n  </aside>\n</div>'
    )


@register.simple_tag
def column_tree(unit: Unit, nodes: Iterable[Node], current: Column | None = None) -> SafeString:
    """``{% column_tree unit nodes column %}``: a unit's columns as the catalog's side navigation,
    each with its count, the current one marked; in Python for the reason ``record_list`` is."""
    head, tail = _url_around_pk("records:column", unit.key)
    everything = "" if current else ' aria-current="page"'
    rows = [f'    <li><a href="{escape(reverse("records:unit", args=[unit.key]))}"{everything}>全部信息</a></li>\n']
    for node in nodes:
        here = ' aria-current="page"' if current and current.pk == node.column.pk else ""
        rows.append(
            f'    <li class="depth-{node.depth}"><a href="{head}{node.column.pk}{tail}"{here}>{escape(node.column.name)}</a>'
            f' <span class="count">（{node.count}）</span></li>\n'
        )
    return mark_safe(  # noqa: S308 (escaped above)
        f'<nav class="column-tree" aria-label="{escape(unit.name)}目录栏目">\n  <h2>目录栏目</h2>\n  <ul>\n{"".join(rows)}  </ul>\n</nav>'
    )
