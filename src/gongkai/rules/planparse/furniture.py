"""Page furniture: what a saved web page or a scanned notice carries besides the notice itself.

Site menus and breadcrumbs, the 索引号 block of a 政府信息公开 page, "返回顶部", print and share
buttons, the footer with its ICP number, the "leaving this site" dialog, 抄送/印发 lines. None of
it is ever an item; metadata is read from the lines before they are filtered.
"""

from __future__ import annotations

import re
from typing import Final

_FURNITURE: Final = re.compile(
    r"^(?:您?(?:当前)?所在的?位置|您?当前的位置\s*[:：]|当前位置|首页\s*[>›»/])"
    r"|返回顶部|返回首页|打印本页|关闭窗口|【\s*(?:打印|关闭|字体|大|中|小)|字体\s*[:：]\s*[【\[]?[大中小]"
    r"|分享到|扫一扫|收藏本页|^上一篇|^下一篇|^相关(?:链接|文件|阅读|附件)\s*[:：]?$"
    r"|主办\s*[:：].*承办|^主办单位(?!.*(?:协办|配合|责任)单位)|^承办\s*[:：]|ICP备|公网安备|网站标识码|技术支持(?:电话|单位)?\s*[:：|｜]|^技术支持|版权所有|Copyright|©"
    r"|网站违法和不良信息举报|政府咨询投诉电话|^温馨提示$|您访问的链接即将离开|^是否继续[?？]?$"
    r"|浏览器版本过低|^以后再说"
    r"|^(?:索\s*引\s*号|分\s*类|主题分类|发布机构|发文机关|发文机构|发文单位|发文日期|成文日期|发布日期|生成日期|名\s*称"
    r"|文\s*号|发文字号|主\s*题\s*词|关\s*键\s*词|信息格式|服务对象|组配分类|内容概述|访\s*问?\s*量"
    r"|生命周期|有效性|体裁分类|公开方式|公开范围|公开时限|信息来源|来\s*源|浏览次数|时\s*效|号|词"
    r"|发表时间|发布时间|更新时间|阅读人次|阅读次数|生效日期|废止日期|有效性状态|信息名称|内容概览|在线链接地址"
    r"|文件下载|发布单位|发布文号|文件编号)\s*[:：]"
    r"|^[(（]?此件(?:主动)?公开[)）]?$|^[(（]发至[^()（）]{2,30}[)）]$|^抄\s*送\s*[:：]|^印\s*发\s*[:：]|\d{1,2}月\d{1,2}日印发$"
    r"|^(?:政务微信|政务微博|网站地图|联系我们|设为首页|加入收藏|无障碍|关怀版|English|确定|取消|继续访问"
    r"|放弃|打印|关闭|分享|收藏|简|繁|大|中|小|微信|QQ|QQ空间|腾讯微博|新浪微博|微博)$"
    r"|^https?://\S+$"
    # a rule's enactment note: "海南省统计管理规定,于1997年10月24日…常务委员会第三十二次会议通过。",
    # "1997年7月11日省人民政府第165次常务会议通过,现予发布施行。"
    r"|^[^。]{0,40}?[，,]?于?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[^。]{2,60}会议(?:审议)?通过(?:[，,]现予(?:发布|公布)(?:施行)?)?。?$"
    r"|^[-—–－\s]*[-—–－]\s*\d{1,3}\s*[-—–－][-—–－\s]*$"  # a PDF's page number, "— — — 3 —"
    # "[ 索引号 ] | … | [ 发文字号 ] | …": the same block with its labels in brackets
    r"|^[\[【]\s*(?:索\s*引\s*号|发文字号|文\s*号|主题分类|体裁分类|发布机构|发文机关|标\s*题|名\s*称"
    r"|成文日期|发布日期|有效性|主\s*题\s*词)\s*[\]】]"
)


# "[接上页]", "(上接第三版)": where a page or a newspaper's page goes on from the one before.
_CONTINUED: Final = re.compile(r"^\s*[\[【(（〔]\s*(?:接上页|续上页|续前页|上接第?[\d一二三四五六七八九十]+版)\s*[\]】)）〕]\s*")


def without_continuation(line: str) -> str:
    """The line without the mark of a page going on from the one before ("[接上页] 交通部门,…")."""
    return _CONTINUED.sub("", line)


# "||", "---|---|---": a frame's or a Markdown table's rule line, no cell of any table.
RULE_LINE: Final = re.compile(r"^[-|:\s]+$")


# The fields no table of tasks has as a column, so that one of them with its value alone on a line
# ("索引号 | 4309210010/2019-584853 |", the block laid out two cells a row) is the block too.
_OWN_FIELDS: Final = (
    "索引号|主题分类|发布机构|发文机关|发文日期|成文日期|发布日期|签发时间|签发日期|生成日期|发文字号"
    "|组配分类|有效性|公开方式|公开范围|公开时限|信息类别|体裁分类|生效日期|废止日期|有效性状态|信息名称|发布单位|发布文号"
    "|文件编号"
)
_OWN_FIELD: Final = re.compile(f"^(?:{_OWN_FIELDS})$")
# The same block as a table without colons: "索引号 | 0000143…/2022-01099 | 签发时间 | 2022-07-28 |"
_FIELD: Final = re.compile(f"^(?:{_OWN_FIELDS}|分类|文号|主题词|关键词|信息来源|来源|名称|标题|内容概览)$")


# A site's menu laid out as a row of cells: "首页 | 政务公开 | 政务服务 | 互动交流".
_MENU_CELL: Final = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,6}$")
# The bullet of a list of page fields: "- 索引号:…", "• 发文字号:…".
_BULLET: Final = re.compile(r"^[-•·●]\s*")


def is_furniture(line: str) -> bool:
    """Whether a line (folded, stripped) is page furniture rather than text of the notice."""
    if _FURNITURE.search(_BULLET.sub("", line.strip().lstrip("|").strip())):  # "| 索引号: | …" too
        return True
    if line.strip() and not without_continuation(line).strip():
        return True
    parts = line.split("|")
    cells = [re.sub(r"[\s:：]", "", cell) for cell in parts]  # "有效性: |" too
    written = [cell for cell in cells if cell]
    if len(written) >= 3 and "首页" in written and all(map(_MENU_CELL.match, written)):
        return True
    if len(cells) >= 4 and bool(_FIELD.match(cells[0])) and sum(map(bool, map(_FIELD.match, cells))) >= 2:
        return True
    # "| 责任部门: | 发文日期: | 2025-08-18 17:09:17 |": labels whose value the page left empty, one
    # of them the block's own
    if len(cells) >= 3:
        labels = [part.strip()[:-1].replace(" ", "") for part in parts if part.strip().endswith((":", "："))]
        if len(labels) >= 2 and any(map(_OWN_FIELD.match, labels)):
            return True
    return len(cells) >= 2 and len(written) == 2 and bool(_OWN_FIELD.match(written[0]))
