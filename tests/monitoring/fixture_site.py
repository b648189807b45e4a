"""The fixture site of the acceptance test: every defect the monitor must find, planted once.

Checked on 2024-06-30 (``TODAY``). Planted defects:
1. 部门动态 (/bmdt/) last updated 2024-06-01: a 动态要闻 column stale past 2 weeks;
2. 政策文件 (/policy/) last updated 2023-11-15: a 政策文件 column stale past 6 months;
3. 人事信息 (/rsxx/): a blank column (暂无信息);
4. /missing.html, linked from /news/2.html: an internal link answering 404;
5. /slow.html, linked from /bmdt/1.html: answers after 2 s, past the test's 0.5 s timeout;
6. /loop-a → /loop-b → /loop-a, linked from /news/1.html: a redirect loop;
7. http://127.0.0.1:<other>/gone on the home page: an outbound link answering 404;
8. /notice/2.html: an article that prints no publication date.
Not defects (and so must not be reported): 工作动态's older items on its second page (下一页), the
fresh 通知公告 column, the /old-notice redirect to /notice/, the outbound /ok link, /jgzn/ (a page
without a list), the excluded /search (which would answer 500), the dates in several printed forms.
"""

from __future__ import annotations

from datetime import date

from tests.monitoring.sites import Answer, Site, article, column, page

TODAY = date(2024, 6, 30)
SLOW_SECONDS = 2.0
TIMEOUT = 0.5


def outbound_site() -> Site:
    return Site({"/ok": Answer("<html><body>ok</body></html>")})


def fixture_site(outbound: str) -> Site:
    home = page("首页", f"""
        <div class="yw"><h2>要闻</h2><ul>
          <li><a href="/news/1.html">县政府召开常务会议</a><span>2024-06-28</span></li>
          <li><a href="/notice/1.html">关于开展安全检查的通知</a><span>2024-03-01</span></li>
        </ul></div>
        <div class="lanmu"><a href="/bmdt/">部门动态</a> <a href="/policy/">政策文件</a>
          <a href="/rsxx/">人事信息</a> <a href="/jgzn/">机构职能</a> <a href="/old-notice">旧通知栏目</a>
          <a href="/search?q=1">搜索</a></div>
        <div class="links"><a href="{outbound}/ok">上级政府网站</a> <a href="{outbound}/gone">已关闭的网站</a></div>
    """)
    return Site({
        "/": Answer(home),
        "/news/": column("工作动态", [
            ("/news/1.html", "县政府召开常务会议", "2024-06-28"),
            ("/news/2.html", "县长调研春耕生产", "2024年6月20日"),
        ], more='<div class="page"><a href="/news/list_2.html">下一页</a></div>'),
        "/news/list_2.html": column("工作动态", [("/news/old.html", "去年的会议", "2024-01-05")],
                                    more='<div class="page"><a href="/news/">上一页</a></div>'),
        "/news/1.html": article("县政府召开常务会议", (
            '<table class="meta"><tr><th>索引号</th><td>11441200/2024-00031</td></tr>'
            '<tr><th>发布日期</th><td>2024-06-28</td></tr></table>'), '详见<a href="/loop-a">会议材料</a>'),
        "/news/2.html": article("县长调研春耕生产", "<div class=\"info\">发布时间：2024年6月20日 来源：县政府办</div>",
                                '附件：<a href="/missing.html">调研报告</a>'),
        "/news/old.html": article("去年的会议", "<p>发布日期：2024年01月05日</p>"),
        "/bmdt/": column("部门动态", [("/bmdt/1.html", "县财政局召开会议", "2024/06/01")]),
        "/bmdt/1.html": article("县财政局召开会议", "<p class=\"time\">时间：2024/06/01</p>",
                                '另见<a href="/slow.html">视频</a>'),
        "/notice/": column("通知公告", [
            ("/notice/1.html", "关于开展安全检查的通知", "2024年3月1日"),
            ("/notice/2.html", "关于调整办公时间的通知", "2024.02.01"),
        ]),
        "/notice/1.html": Answer(page("关于开展安全检查的通知",
                                      "<h1>关于开展安全检查的通知</h1><p>正文。</p>").replace(
            "<head>", '<head><meta name="PubDate" content="2024-03-01 09:00">')),
        "/notice/2.html": article("关于调整办公时间的通知", "<p>来源：县政府办</p>"),
        "/policy/": column("政策文件", [("/policy/1.html", "示范县某某管理办法", "2023/11/15")]),
        "/policy/1.html": article("示范县某某管理办法", (
            "<table><tr><td>文号</td><td>示政发〔2023〕9号</td></tr>"
            "<tr><td>成文日期</td><td>2023年11月15日</td></tr></table>")),
        "/rsxx/": Answer(page("人事信息", "<h2>人事信息</h2><div class=\"list\">暂无信息</div>")),
        "/jgzn/": Answer(page("机构职能", "<h1>机构职能</h1><p>县政府办公室负责……</p>")),
        "/old-notice": Answer("", 301, {"Location": "/notice/"}),
        "/loop-a": Answer("", 302, {"Location": "/loop-b"}),
        "/loop-b": Answer("", 302, {"Location": "/loop-a"}),
        "/slow.html": Answer(page("视频", "<p>发布日期：2024-06-01</p>"), delay=SLOW_SECONDS),
        "/search?q=1": Answer("error", 500),
    })


EXPECTED_FINDINGS = {
    ("空白栏目", False, "/rsxx/"),
    ("栏目不更新", False, "/bmdt/"),
    ("栏目不更新", False, "/policy/"),
    ("链接不可用", False, "/missing.html"),
    ("链接不可用", False, "/slow.html"),
    ("链接不可用", False, "/loop-a"),
    ("链接不可用", False, "/gone"),
    ("未注明发布时间", False, "/notice/2.html"),
}
