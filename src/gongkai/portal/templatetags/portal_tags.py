"""The portal's header and footer, on every public page, written out in Python.

As templates they took a fifth of an uncached record page (some ninety variable lookups, a loop
over the font sizes, twenty ``{% url %}``); here the part that is the same for every visitor (the
navigation, the footer) is built once per URL configuration and site settings, and the rest (the
search box's words, the page to come back to after a font change, the current size, the login
link) is put in per request, escaped as autoescape would.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.portal.context import FONT_SIZES

register = template.Library()

# (view, arguments, label) of the main navigation, in its order
NAVIGATION: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("portal:home", (), "首页"),
    ("records:catalog", (), "政府信息公开"),
    ("records:column_by_name", ("政策文件",), "政策文件"),
    ("records:column_by_name", ("政策解读",), "政策解读"),
    ("records:normative", (), "规范性文件"),
    ("records:gazette", (), "政府公报"),
    ("foi:apply", (), "依申请公开"),
    ("interaction:public_list", (), "政民互动"),
    ("interaction:consultations", (), "征求意见"),
    ("plans:public_list", (), "工作任务分工"),
    ("reports:public_index", (), "年度报告"),
    ("opendata:catalog", (), "数据开放"),
)


@lru_cache(maxsize=16)
def _fixed(site: tuple[tuple[str, str], ...], script_prefix: str, urlconf: Any) -> dict[str, str]:
    """The parts that depend on nothing of the request (the arguments are only the cache's key)."""
    names = dict(site)
    links = "".join(f'        <li><a href="{escape(reverse(view, args=args))}">{label}</a></li>\n' for view, args, label in NAVIGATION)
    return {
        "home": escape(reverse("portal:home")),
        "name": escape(names.get("name", "")),
        "search": escape(reverse("portal:search")),
        "login": escape(reverse("orgs:login")),
        "console": escape(reverse("console:home")),
        "sizes": {code: escape(reverse("portal:font_size", args=[code])) for code in FONT_SIZES},  # type: ignore[dict-item]
        "navigation": (
            '  <nav class="site-nav" aria-label="主导航">\n    <div class="container">\n'
            '      <button type="button" class="nav-toggle" aria-expanded="false" aria-controls="site-nav-list">栏目导航</button>\n'
            f'      <ul id="site-nav-list">\n{links}      </ul>\n    </div>\n  </nav>\n'
        ),
        "footer": (
            '<footer class="site-footer">\n  <div class="container">\n'
            f'    <p>主办：{escape(names.get("sponsor", ""))}　承办：{escape(names.get("operator", ""))}</p>\n'
            f'    <p>网站标识码：{escape(names.get("site_code", ""))}　{escape(names.get("icp", ""))}</p>\n'
            f'    <p><a href="{escape(reverse("api_docs"))}">数据接口</a></p>\n  </div>\n</footer>'
        ),
    }


def _fixed_for(context: template.Context) -> dict[str, Any]:
    # the settings, not the context's ``site``: Django's login view puts its own ``site`` there
    site = tuple(sorted((key, str(value)) for key, value in settings.GONGKAI_SITE.items()))
    return _fixed(site, get_script_prefix(), get_urlconf())


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> SafeString:
    """``{% site_header %}``: the header of ``portal/base.html``."""
    fixed, request = _fixed_for(context), context.get("request")
    current = context.get("font_size")
    words = escape(request.GET.get("q", "")) if request is not None else ""
    back = escape(request.get_full_path()) if request is not None else ""
    buttons = "".join(
        f'        \n        <button type="submit" formaction="{fixed["sizes"][code]}" data-font-size="{code}"\n'
        f'          class="font-button{" is-current" if code == current else ""}" aria-pressed="{"true" if code == current else "false"}">{label}</button>\n'
        for code, label in FONT_SIZES.items()
    )
    user = context.get("user")
    account = (
        f'<a href="{fixed["console"]}">工作台</a>' if user is not None and user.is_authenticated
        else f'<a href="{fixed["login"]}">工作人员登录</a>'
    )
    return mark_safe(  # noqa: S308 (every value escaped above)
        '<header class="site-header">\n  <div class="container header-row">\n'
        f'    <a class="site-name" href="{fixed["home"]}">{fixed["name"]}</a>\n'
        '    <div class="header-tools">\n'
        f'      <form class="site-search" method="get" action="{fixed["search"]}" role="search">\n'
        '        <label for="site-search-q" class="visually-hidden">站内检索</label>\n'
        f'        <input id="site-search-q" name="q" type="search" value="{words}" placeholder="检索政府信息" maxlength="200">\n'
        '        <button type="submit">检索</button>\n      </form>\n'
        '      <form class="font-switch" method="post" aria-label="字体大小">\n'
        '        <span class="font-switch-label">字体：</span>\n'
        f'        <input type="hidden" name="next" value="{back}">\n{buttons}        \n      </form>\n'
        f'      {account}\n    </div>\n  </div>\n{fixed["navigation"]}</header>'
    )


@register.simple_tag(takes_context=True)
def site_footer(context: template.Context) -> SafeString:
    """``{% site_footer %}``: the footer of ``portal/base.html``."""
    return mark_safe(_fixed_for(context)["footer"])  # noqa: S308 (escaped in _fixed)
