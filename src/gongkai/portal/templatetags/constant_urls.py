"""``{% url %}`` with literal arguments reversed once, not on every render.

Django's ``{% url 'portal:home' %}`` walks the URL resolver on each render: about 40 µs, and a
portal page's header, navigation and footer hold some twenty of them, a fifth of the time a
record page takes. This library (a template builtin, see ``settings.TEMPLATES``) replaces the
``url`` tag by one that, when the view name and every argument are literals, keeps the reversed
URL in the compiled template node, keyed by what else reversing depends on (the script prefix,
the request's URLconf and its current application). A tag with a variable argument
(``{% url 'records:record' record.pk %}``) is reversed on every render, as before.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token, Variable
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


def _literal(expression: FilterExpression) -> bool:
    return not expression.filters and (not isinstance(expression.var, Variable) or expression.var.lookups is None)


def _current_app(context: template.Context) -> str | None:
    """As ``URLNode.render`` finds it."""
    request = getattr(context, "request", None)
    current_app = getattr(request, "current_app", None)
    if current_app is None:
        current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
    return current_app


class ConstantURLNode(URLNode):
    def __init__(self, node: URLNode) -> None:
        super().__init__(node.view_name, node.args, node.kwargs, node.asvar)
        self.constant = all(_literal(e) for e in (self.view_name, *self.args, *self.kwargs.values()))
        self.reversed: dict[tuple[Any, ...], str] = {}

    def render(self, context: template.Context) -> str:
        if not self.constant:
            return super().render(context)
        current_app = _current_app(context)
        key = (current_app, get_script_prefix(), get_urlconf())
        url = self.reversed.get(key)
        if url is None:
            try:
                url = reverse(
                    self.view_name.resolve(context), args=[arg.resolve(context) for arg in self.args],
                    kwargs={name: value.resolve(context) for name, value in self.kwargs.items()}, current_app=current_app,
                )
            except NoReverseMatch:
                return super().render(context)  # raises, or sets "" for {% url … as name %}
            self.reversed[key] = url
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> ConstantURLNode:
    node = django_url(parser, token)
    assert isinstance(node, URLNode)
    return ConstantURLNode(node)
