"""The words of task-division notices that more than one rule reads: what ends a unit's name,
which words give a unit its role, the outline markers (一、 (一) 1. (1) ①) and the label words
(牵头单位：… 完成时限：…). One list each, so that the notice parser, the unit resolver and the
metadata reader cannot drift apart (issue 14). Markers and labels are regular-expression sources,
unanchored: each reader anchors them and adds what its own place allows (a table's group cell
may say "第一项", a paragraph may not).

Pure: no Django.
"""

from __future__ import annotations

import re
from typing import Final

# What a unit's name, or a group of units, ends with: 市财政局, 各县(市、区)政府, 市残联, 市科协, 海关…
UNIT_ENDINGS: Final = (
    "局", "办", "委", "室", "部", "中心", "政府", "会", "镇", "街道", "办事处", "院", "所", "站",
    "队", "厅", "处", "科", "馆", "公司", "单位", "部门", "机构", "机关", "联", "协", "区", "县",
    "市", "乡", "行", "社", "团体", "台", "校", "厂", "组", "署", "监狱", "集团", "州", "旗", "盟",
    "省", "街", "村", "海关", "园", "各地", "股", "司",  # 司: a ministry's department, 规划司
    "农场", "林场", "牧场", "渔场", "镇场",  # state farms; 各乡镇场 = 各乡、镇、场
    "直属库", "粮库",  # grain depots: 中储粮株洲直属库
    "河长", "湖长", "林长", "田长",  # the chiefs' system: 乡级河长, 村级林长, 总河长 do their lists' duties
    "岗",  # a town office's post (岗位) where offices are posts: 林业发展岗, 应急管理岗
    "主席团",  # a township congress's presidium, 乡镇人民代表大会主席团
    "团中央",  # the Youth League's centre, beside ministries: "(教育部牵头,团中央、国家语委参与)"
    # bodies named 组织 (never an office's verb: "各县(市)人民政府组织…"): "各级工会组织依法对…进行监督",
    # "国家机关、社会团体、企业事业组织和其他组织应当…", "各地人民调解组织"
    "工会组织", "社会组织", "事业组织", "其他组织", "调解组织", "基层组织", "自治组织", "经济组织",
    "合作组织", "中介组织", "行业组织", "服务组织",
    "联席会议",  # a joint meeting that its members' work answers to: "联席会议职责", "市联席会议负责…"
)  # fmt: skip

# Verbs an office's duty opens with ("负责…", "组织…", "拟订…"), the words the readers of duty lists
# share; each adds its own ("会同", "做好", "归口管理" …).
DUTY_VERBS: Final = "负责|承担|承办|组织|指导|协调|拟订|拟定|起草|监督|参与|贯彻|办理"

# Endings that are only a place, never an organisation: "市住房和城乡建设局" is one name, but
# "各县和市直部门" is two, and a place before 和 is a name's start more often than a whole unit.
PLACE_ENDINGS: Final = frozenset(
    {"区", "县", "市", "乡", "州", "旗", "盟", "省", "街", "村", "各地"}
)

# Fields of work whose department's name holds 和 ("发展和改革", "住房和城乡建设"): in a list of fields
# before 等部门 they are one field, where "交通和卫生", "环境保护和旅游" are two.
JOINED_FIELDS: Final = (
    "发展和改革", "住房和城乡建设", "人力资源和社会保障", "劳动和社会保障", "工业和信息化",
    "经济和信息化", "文化和旅游", "林业和草原", "卫生和计划生育", "粮食和物资储备", "粮食和储备",
    "自然资源和规划", "规划和自然资源", "海洋和渔业", "新闻出版和广电", "广播电影电视和新闻出版",
)  # fmt: skip

# Endings that close an organisation's whole name, so that a conjunction after one separates two
# units ("市财政局和市审计局"); a name may end in its alias's bracket ("市政务服务中心(市大数据局)").
ORGAN_ENDINGS: Final = (
    *(ending for ending in UNIT_ENDINGS if ending not in PLACE_ENDINGS),
    ")",
    "）",
)

# The last character of every unit ending, for regular expressions ("[局办委…]").
UNIT_END_CHARS: Final = "".join(dict.fromkeys(ending[-1] for ending in UNIT_ENDINGS))

# Role words after a list of units, longest first so that "牵头落实" is one word.
ROLE_WORDS: Final = (
    "牵头落实",
    "牵头负责",
    "负责落实",
    "分工落实",
    "参照落实",  # "各镇(街)参照落实": the lower level follows the same duty
    "参照执行",
    "牵头负总责",
    "负总责",  # "市财政局负总责": the unit answers for the whole task
    "牵头",
    "主办",
    "主责",  # "市财政局主责，市税务局配合"
    "统筹",  # "市财政局统筹，各部门落实"
    "共同负责",
    "组织实施",
    "实施",  # "各县区具体实施"
    "督促指导",
    "指导",  # "市财政局指导，各县区负责"
    "技术支撑",  # "市政府办公室牵头，市政数局技术支撑"
    "协办",
    "协管",  # "…由县公安局负责牵头管理，县交通局协管"
    "负责",
    "落实",
    "协同落实",  # "…牵头，相关单位协同落实"
    "配合",
    "参与",
    "参加",  # "…牵头，市委组织部、市教育局参加"
)
ROLE_PATTERN: Final = "|".join(ROLE_WORDS)


# -- outline markers ------------------------------------------------------------------------------

CN_DIGITS: Final = "一二三四五六七八九十"
CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_AFTER_MARKER: Final = "(?=[\u4e00-\u9fff“《])"  # a marker without punctuation must touch the text

# Each kind of marker that numbers a heading or an item, in the order a paragraph is tried.
MARKERS: Final = {
    "cn": rf"[{CN_DIGITS}]+\s*[、.,，]",  # 一、
    "cn_paren": rf"[(（]\s*[{CN_DIGITS}]+\s*[)）]",  # (一)
    # 1. but not the 1.5 of a number; "1.4月底前…" is item 1 due by April (no month is a decimal)
    "arabic": r"\d{1,3}\s*(?:[.、,，]|。(?=[\u4e00-\u9fff“《]))(?!\d{1,2}(?:[^\d月]|$))",  # "1。在…": a typist's stop
    # 2.2 and 4.3.4, the sections of an emergency plan ("3.1预防。"), never a number ("1.5倍")
    "decimal": r"\d{1,2}\.\d{1,2}(?![.\d])\s*(?![年月日万亿倍个项元])(?=[\u4e00-\u9fff“《])",
    "decimal_deep": r"\d{1,2}\.\d{1,2}\.\d{1,2}(?![.\d])\s*(?![年月日万亿倍个项元])(?=[\u4e00-\u9fff“《])",
    "arabic_paren": r"[(（]\s*\d{1,3}\s*[)）]",  # (1)
    "arabic_half": rf"\d{{1,2}}\s*[)）]{_AFTER_MARKER}",  # 1）做好…
    "arabic_space": r"\d{1,3}[ \t\u3000]+(?=[\u4e00-\u9fff]{2})(?![\u4e00-\u9fff]?[年月日个项条次])",  # 1 地区生产总值…
    "circled": rf"[{CIRCLED}]",  # ①
    "cn_shi": rf"[{CN_DIGITS}]{{1,2}}是{_AFTER_MARKER}",  # 一是…，二是…
    "part": rf"第[{CN_DIGITS}]+(?:部分|章|节)",  # 第一部分
    "article": rf"第[{CN_DIGITS}]+条",  # 第一条 免租减租支持
}
ORDINAL: Final = rf"第[{CN_DIGITS}]+"  # 第一…, the start of a 第一部分 or, in a table, a 第一项

# The number a marker gives its item: "2." and "(2)" give 2, "②" gives 2.
_DIGITS: Final = re.compile(r"\d+")


def marker_number(marker: str) -> int | None:
    """The arabic or circled number of ``marker`` ("2、", "（2）", "②"), or None."""
    digits = _DIGITS.search(marker)
    if digits is not None:
        return int(digits[0])
    circled = next((char for char in marker if char in CIRCLED), None)
    return CIRCLED.index(circled) + 1 if circled is not None else None


# -- label words ------------------------------------------------------------------------------------

# "牵头单位：市财政局；责任单位：各县(市、区)政府；完成时限：2024年6月底前": the word before the
# noun says the units' role.
LEAD_LABELS: Final = ("牵头", "主办")
ASSIST_LABELS: Final = ("配合", "协办", "会办", "参与", "参加", "协作", "协同", "协助", "数据提供", "提供", "成员")
DUTY_LABELS: Final = ("责任", "落实", "承办", "实施", "负责", "主责", "主管", "业主", "组织", "职责")
LABEL_NOUNS: Final = ("单位", "部门", "处室", "科室", "股室")
UNIT_LABEL: Final = (
    # "牵头责任单位", "主要协作单位", "问题整改责任单位", "配合实施单位", "责任单位及责任人", "工作协助部门",
    # "协同配合部门",
    # "责任处室及单位": a role word, then perhaps 责任 (or how the unit takes part), then the noun
    # (and the person with it, or a second noun)
    f"(?:主要|共同|总|工作|(?:问题)?整改)?(?:{'|'.join(LEAD_LABELS + DUTY_LABELS + ASSIST_LABELS)})(?:责任|实施|落实|配合)?(?:{'|'.join(LABEL_NOUNS)})(?:(?:及|和)(?:责任人|{'|'.join(LABEL_NOUNS)}))?"
    "|牵头|配合|协办|(?:责任|实施|落实)主体"
    "|主体责任|监督责任"  # "(主体责任:各营业网点,监督责任:市工商局)": who does it, who oversees it
    "|(?:部门|责任|任务)分工"  # "部门分工：省发展改革委牵头，各地、各部门配合": the roles are in the value
)
# "责任人：…", "牵头领导：…": a label naming the person in charge, never a unit; "组长：…",
# "副组长：…", "组员：…": the people of a working group (专班) over its duties.
PERSON_LABEL: Final = (
    r"(?:(?:牵头|责任|分管|包保|联系|主管|项目|主要)?(?:负责)?[省市州县区镇]?(?:领导|责任人|负责人|联系人)(?:同志)?"
    r"|(?:常务)?副?组\s*长|组员|成\s*员(?!单位)|(?:总)?联络人|副?召集人|(?:常务)?副?主\s*任)"
)
# "实际完成情况：…", "工作进展：…": a label over a progress report.
PROGRESS_LABEL: Final = r"(?:实际|工作|目前|当前|推进|落实|完成)?(?:进展|进度|完成|落实)(?:情况)?"
DEADLINE_LABELS: Final = ("完成时限", "完成时间", "时间要求", "时限要求", "整改时限", "整改期限", "治理时限", "整治时限", "办结时限", "时限", "进度安排")
