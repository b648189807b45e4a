"""``{% url %}`` reversed once for the same arguments, not on every render.

Django's ``{% url 'portal:home' %}`` walks the URL resolver on each render: about 40 µs, and a
portal page's header, navigation and footer hold some twenty of them, a fifth of the time a
record page takes. This library (a template builtin, see ``settings.TEMPLATES``) replaces the
``url`` tag by one that keeps the reversed URL in the compiled template node, keyed by its
arguments' values and by what else reversing depends on (the script prefix, the request's URLconf
and its current application, found once per request). A URL is a function of those alone, so the
kept one is the one reversing would give; a node keeps at most ``MAX_KEPT`` (a tag with a variable
argument, ``{% url 'records:record' item.pk %}``, sees many), and starts again when full.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()
MAX_KEPT = 2048


def _current_app(context: template.Context) -> str | None:
    """As ``URLNode.render`` finds it."""
    request = getattr(context, "request", None)
    current_app = getattr(request, "current_app", None)
    if current_app is None:
        current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
    return current_app


def _reversing_key(context: template.Context) -> tuple[Any, ...]:
    """What a URL depends on besides its view and arguments; kept on the request, found once."""
    request = getattr(context, "request", None)
    key = getattr(request, "_url_reversing_key", None)
    if key is None:
        key = (_current_app(context), get_script_prefix(), get_urlconf())
        if request is not None:
            request._url_reversing_key = key
    return key


class KeptURLNode(URLNode):
    def __init__(self, node: URLNode) -> None:
        super().__init__(node.view_name, node.args, node.kwargs, node.asvar)
        self.kept: dict[tuple[Any, ...], str] = {}

    def render(self, context: template.Context) -> str:
        view_name = self.view_name.resolve(context)
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        if not all(isinstance(value, int | str) and not isinstance(value, bool) for value in (view_name, *args, *kwargs.values())):
            return super().render(context)  # an object's URL may change with the object: reversed each time
        key = (_reversing_key(context), view_name, *args, *sorted(kwargs.items()))
        url = self.kept.get(key)
        if url is None:
            try:
                url = reverse(view_name, args=args, kwargs=kwargs, current_app=key[0][0])
            except NoReverseMatch:
                return super().render(context)  # raises, or sets "" for {% url … as name %}
            if len(self.kept) >= MAX_KEPT:
                self.kept.clear()
            self.kept[key] = url
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> KeptURLNode:
    node = django_url(parser, token)
    assert isinstance(node, URLNode)
    return KeptURLNode(node)
