"""The public portal frame: Chinese, its own assets only, the remembered font size, the footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_it_serves_the_home_page_in_chinese(client, city):
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-CN"' in text
    assert "政府信息公开" in text and "示范市人民政府" in text


def test_it_shows_the_site_identity_in_the_footer(client, settings):
    settings.GONGKAI_SITE = {**settings.GONGKAI_SITE, "site_code": "4412990001", "sponsor": "示范市政府办"}
    text = client.get("/").content.decode()
    assert "网站标识码：4412990001" in text and "主办：示范市政府办" in text


def test_it_loads_no_asset_from_outside(client, login, office_admin):
    for url in ("/", "/accounts/login/"):
        text = client.get(url).content.decode()
        assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png|svg|woff2?))"', text)
        assert assets, url
        for asset in assets:
            assert asset.startswith("/static/"), asset
            assert finders.find(asset.removeprefix("/static/")), asset
            assert client.get(asset).status_code == 200, asset
    console = login(office_admin).get("/console/").content.decode()
    assert "http://" not in console and "https://" not in console


def test_it_has_no_inline_script_anywhere():
    templates = Path(__file__).parents[2] / "src" / "gongkai" / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"\son[a-z]+=", text), template


def test_it_remembers_the_font_size(client):
    response = client.post("/font-size/large/", {"next": "/"})
    assert response.status_code == 302
    assert response.cookies["font_size"].value == "large"
    assert 'class="fs-large"' in client.get("/").content.decode()


def test_it_ignores_a_made_up_font_size_and_foreign_redirects(client):
    response = client.post("/font-size/huge/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "font_size" not in response.cookies
    client.cookies["font_size"] = "<script>"
    assert 'class="fs-medium"' in client.get("/").content.decode()


def test_the_header_escapes_what_the_visitor_sent_and_marks_the_current_font_size(client):
    client.cookies["font_size"] = "large"
    text = client.get("/search/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert" not in text
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in text  # the search box keeps the words
    back = re.search(r'name="next" value="([^"]*)"', text).group(1)
    assert back.startswith("/search/?q=") and "<" not in back and '"' not in back
    assert re.findall(r'data-font-size="(\w+)"\s+class="font-button( is-current)?" aria-pressed="(\w+)"', text) == [
        ("small", "", "false"), ("medium", "", "false"), ("large", " is-current", "true"),
    ]


def test_the_header_offers_login_to_visitors_and_the_workbench_to_staff(client, login, office_admin):
    assert "工作人员登录" in client.get("/").content.decode()
    text = login(office_admin).get("/").content.decode()
    assert 'href="/console/">工作台</a>' in text and "工作人员登录" not in text


def test_every_link_of_the_navigation_opens_a_page(client, city):
    text = client.get("/").content.decode()
    navigation = re.search(r'<ul id="site-nav-list">(.*?)</ul>', text, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', navigation)
    assert [label for _, label in links][:3] == ["首页", "政府信息公开", "政策文件"] and len(links) == 12
    for href, label in links:
        assert client.get(href, follow=True).status_code == 200, (href, label)


def test_the_footer_escapes_the_site_settings(client, settings):
    settings.GONGKAI_SITE = {**settings.GONGKAI_SITE, "operator": "示范市<数据局>&中心"}
    assert "承办：示范市&lt;数据局&gt;&amp;中心" in client.get("/").content.decode()


def test_it_answers_unknown_pages_with_a_chinese_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_it_works_on_a_phone_viewport():
    css = (Path(__file__).parents[2] / "src/gongkai/static/gongkai/gongkai.css").read_text()
    assert "@media (max-width: 720px)" in css
    home = (Path(__file__).parents[2] / "src/gongkai/templates/base.html").read_text()
    assert 'name="viewport"' in home
