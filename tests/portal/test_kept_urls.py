"""``{% url %}`` reversed once for the same arguments, script prefix and URLconf
(gongkai.portal.templatetags.kept_urls), giving what Django's own tag gives."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from gongkai.portal.templatetags import kept_urls
from gongkai.portal.templatetags.kept_urls import KeptURLNode


def _template(source: str):
    return engines["django"].from_string(source)


def _nodes(template) -> list[KeptURLNode]:
    return [node for node in template.template.nodelist if isinstance(node, KeptURLNode)]


def test_a_literal_url_is_reversed_once_and_still_follows_the_script_prefix():
    template = _template("{% url 'portal:home' %}|{% url 'records:column_by_name' '政策文件' %}")
    assert template.render({}) == f"/|{reverse('records:column_by_name', args=['政策文件'])}"
    assert template.render({}) == f"/|{reverse('records:column_by_name', args=['政策文件'])}"
    assert all(len(node.kept) == 1 for node in _nodes(template))
    try:
        set_script_prefix("/gov/")
        assert template.render({}).startswith("/gov/|/gov/")  # a site mounted below / gets its own
    finally:
        set_script_prefix("/")
    assert template.render({}).startswith("/|/")


def test_a_variable_argument_is_kept_per_value_and_never_mixed_up():
    template = _template("{% url 'records:record' pk %}")
    assert [template.render({"pk": pk}) for pk in (7, 8, 7, "9")] == [
        "/xxgk/content/7/", "/xxgk/content/8/", "/xxgk/content/7/", "/xxgk/content/9/",
    ]
    assert len(_nodes(template)[0].kept) == 3


def test_a_full_node_starts_again(monkeypatch):
    monkeypatch.setattr(kept_urls, "MAX_KEPT", 4)
    template = _template("{% url 'records:record' pk %}")
    for pk in range(1, 11):
        assert template.render({"pk": pk}) == f"/xxgk/content/{pk}/"
    assert len(_nodes(template)[0].kept) <= 4


def test_an_object_argument_is_reversed_each_time_as_django_does():
    class Named:
        name = "政策文件"

        def __str__(self) -> str:
            return self.name

    template, argument = _template("{% url 'records:column_by_name' thing %}"), Named()
    first = template.render({"thing": argument})
    argument.name = "通知公告"
    assert template.render({"thing": argument}) != first
    assert _nodes(template)[0].kept == {}


@override_settings(ROOT_URLCONF="gongkai.urls")
def test_a_request_s_own_urlconf_is_part_of_the_key():
    template = _template("{% url 'portal:home' %}")
    request = RequestFactory().get("/")
    assert template.render({}, request) == "/"
    assert len(_nodes(template)[0].kept) == 1


def test_as_a_variable_escaped_and_failing_as_django_s_own_tag():
    assert _template("{% url 'portal:home' as home %}[{{ home }}]").render({}) == "[/]"
    assert _template("{% url 'no:such' as missing %}[{{ missing }}]").render({}) == "[]"
    with pytest.raises(NoReverseMatch):
        _template("{% url 'no:such' %}").render({})
    escaped = _template("{% url 'records:column_by_name' 'a&b' %}").render({})
    assert "&amp;" in escaped or "%26" in escaped
    unescaped = _template("{% autoescape off %}{% url 'records:column_by_name' 'a&b' %}{% endautoescape %}").render({})
    assert "&amp;" not in unescaped
