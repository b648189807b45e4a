"""``{% url %}`` with literal arguments is reversed once per script prefix and URLconf
(gongkai.portal.templatetags.constant_urls); with a variable one, on every render."""

from __future__ import annotations

import pytest
from django.template import Context, engines
from django.urls import NoReverseMatch, reverse, set_script_prefix

from gongkai.portal.templatetags.constant_urls import ConstantURLNode


def _template(source: str):
    return engines["django"].from_string(source)


def test_a_literal_url_is_reversed_once_and_still_follows_the_script_prefix():
    template = _template("{% url 'portal:home' %}|{% url 'records:column_by_name' '政策文件' %}")
    nodes = [node for node in template.template.nodelist if isinstance(node, ConstantURLNode)]
    assert [node.constant for node in nodes] == [True, True]
    assert template.render({}) == f"/|{reverse('records:column_by_name', args=['政策文件'])}"
    assert all(len(node.reversed) == 1 for node in nodes)
    try:
        set_script_prefix("/gov/")
        assert template.render({}).startswith("/gov/|/gov/")  # a site mounted below / gets its own
    finally:
        set_script_prefix("/")
    assert template.render({}).startswith("/|/")


def test_a_url_with_a_variable_argument_is_reversed_on_each_render():
    template = _template("{% url 'records:record' pk %}")
    assert template.render({"pk": 7}) == "/xxgk/content/7/"
    assert template.render({"pk": 8}) == "/xxgk/content/8/"
    assert template.template.nodelist[0].reversed == {}


def test_as_a_variable_escaped_and_failing_as_django_s_own_tag():
    assert _template("{% url 'portal:home' as home %}[{{ home }}]").render({}) == "[/]"
    assert _template("{% url 'no:such' as missing %}[{{ missing }}]").render({}) == "[]"
    with pytest.raises(NoReverseMatch):
        _template("{% url 'no:such' %}").render({})
    escaped = _template("{% url 'records:column_by_name' 'a&b' %}").render({})
    assert "&amp;" in escaped or "%26" in escaped
    unescaped = _template("{% autoescape off %}{% url 'records:column_by_name' 'a&b' %}{% endautoescape %}").render({})
    assert "&amp;" not in unescaped
    assert Context  # the engine's own Context is what from_string templates receive
