"""What a table cell is, by its wording: 序号, a group heading, a requirement, units, a deadline.

Flattened tables lose their columns (a merged cell simply is not there, so later rows have fewer
cells), so columns are matched by content. Header words name the columns where a header exists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Final

from gongkai.rules.planparse.deadlines import is_deadline_like
from gongkai.rules.planparse.normalize import compact, fold_line
from gongkai.rules.units import LEAD_STARS, split_units
from gongkai.rules.vocabulary import (
    ASSIST_LABELS,
    DUTY_LABELS,
    LEAD_LABELS,
    MARKERS,
    ORDINAL,
    ROLE_PATTERN,
    UNIT_END_CHARS,
    UNIT_ENDINGS,
)


class Column(StrEnum):
    """The columns of a task-division table, as its header names them."""

    NUMBER = "number"  # 序号
    GROUP = "group"  # 工作任务, 分项, 类别: a heading shared by several rows
    REQUIREMENT = "requirement"  # 具体要求: the item itself
    UNITS_LEAD = "units_lead"  # 牵头单位
    UNITS = "units"  # 责任单位, 牵头及责任单位
    UNITS_ASSIST = "units_assist"  # 配合单位
    DEADLINE = "deadline"  # 完成时限
    NOTE = "note"  # 备注


UNIT_COLUMNS: Final = frozenset({Column.UNITS_LEAD, Column.UNITS, Column.UNITS_ASSIST})

# "责任科室、单位" folds to 责任科室单位; "牵头负责司局": a ministry's departments
_ORGAN: Final = r"(?:单位|部门|科室|处室|股室|司局|机构|主体)+"
_HEADERS: Final = (
    (Column.NUMBER, re.compile(r"^(?:序号|编号|序|项次|No\.?)$")),
    (
        Column.REQUIREMENT,
        re.compile(
            r"^(?:具体|工作|主要|任务|目标|有关|相关|细化|推进|实施|整改|落实|建设|项目|指标|活动|检查|抽查){0,2}(?:要求|措施|内容|举措|事项|任务内容|工作内容)$"
            r"|^(?:重点)?督办(?:内容|事项)$"
            r"|^(?:代表)?(?:建议|提案|议案)(?:标题|题目|名称|内容)?$|^(?:重大)?(?:行政)?决策事项(?:名称)?$"  # a congress's suggestions, handled by units
            r"|^(?:具体)?(?:工作)?(?:任务|目标)(?:及|和|与)要求$"  # "目标和要求": what the task asks
            r"|^(?:工作)?(?:任务(?:及|和|与)目标|目标(?:及|和|与)任务)$"  # "工作任务与目标"
            r"|^(?:具体任务|具体工作|任务要求|(?:攻坚|年度|全年|重点|工作)?(?:目标任务|任务目标)|预期目标|(?:年度|整改|责任)目标|工作事项|具体任务内容|任务分解"
            r"|工作目标|考核内容|考评内容|评价内容|指标内容|评分指标|考核指标|评价指标|测评指标|工作标准|贯彻举措|落实举措|工作举措"
            r"|具体措施|主要举措|重点工作任务|工作要点|细化分工|任务细化|工作细化|具体分工|分工细化"
            r"|目标清单|任务清单|工作清单|公开内容|事项内容|主要问题|存在问题|问题清单|问题描述"
            r"|(?:责任|工作|职责)范围)$"  # "责任单位 | 责任范围": what each office answers for
        ),
    ),
    (
        Column.GROUP,
        re.compile(
            r"^(?:(?:主要|重点)?工作任务|重点任务|主要任务|任务|(?:抽查|检查)(?:类别|领域)|类别|项目|分项|领域|重点领域|工作类别|任务类别|板块"
            r"|工作项目|分类|类型|[一二三四五六七八九]级(?:指标|要点|任务)|工作重点|重点工作|主要工作|任务名称|事项名称|目标"
            r"|考核项目|[\u4e00-\u9fff]{1,4}项目|公开事项|栏目名称|栏目|[\u4e00-\u9fff]{0,8}名称|(?:政府|政务)?信息公开类别(?:及事项)?|类别及事项"
            r"|[一二三四五]级(?:目录|栏目|分类|指标|事项)?)$"
        ),
    ),
    # "主要责任单位", "协同配合单位": 主要 before a role, or two assisting words together
    (Column.UNITS_ASSIST, re.compile(rf"^(?:主要)?(?:{'|'.join(ASSIST_LABELS)}){{1,2}}(?:责任|实施|落实)?{_ORGAN}$")),
    # ("发起部门 | 配合部门": the office that starts a joint inspection leads it)
    (Column.UNITS_LEAD, re.compile(rf"^(?:主要|总|分项)?(?:{'|'.join(LEAD_LABELS)}|牵头落实|牵头负责|牵头责任|发起){_ORGAN}$")),
    (
        Column.UNITS,
        re.compile(
            # ("决策承办单位": a catalogue of major decisions)
            rf"^(?:主要|整改|决策)?(?:牵头(?:及|和|与)?(?:责任|配合)?|{'|'.join(DUTY_LABELS)}|执行|保障){_ORGAN}(?:及责任人)?$"
            r"|^(?:责任|公开)主体$|^(?:任务|责任|职责)分工$|^责任清单$"  # 任务清单 | 责任清单 | 时限清单
            r"|^(?:[省市县区]级)?指导单位$"  # a guidance plan's "市级指导单位": who answers for the task
            r"|^(?:检查|抽查|执法|监管)主体$|^(?:股室|科室|处室)$"  # an inspection plan's "检查主体 | … | 股室"
            rf"|^(?:责任)?主体(?:与|和|及)(?:协同|配合|协作|协办){_ORGAN}$"
        ),
    ),
    (
        Column.DEADLINE,
        re.compile(
            r"^(?:计划)?(?:完成|工作|进度|公开|整改|建设|实施|决策|活动|开展)?(?:时限|时间|期限|时间节点|时间要求|时限要求|进度安排|时间安排|时间进度"
            r"|进度要求)(?:及要求)?$|^(?:提供内容)?时效(?:标准|要求)?$|^时限清单$"
            r"|^(?:拟|计划)?(?:决策|审议|出台|提交|印发|发布)时间$"  # a catalogue of major decisions
            r"|^起止(?:日期|时间)$"  # a calendar's "起止日期": due at the end of its range
        ),
    ),
    # Columns kept as notes: the parser reads no duty or date from them.
    (
        Column.NOTE,
        re.compile(
            r"^(?:备注|说明|责任领导|分管领导|牵头领导|责任人|联系人|完成情况|进展情况|工作进展|落实情况"
            r"|分值|分数|标准分|得分|评分标准|评分细则|评分办法|考核标准|考评标准|考核方式|评分方法"
            r"|计分方法|扣分标准|公开方式|公开载体|公开渠道|公开渠道和载体|公开对象|公开层级|网站所属栏目"
            r"|更新标准|更新频率|成果形式|目标值|指标值)$"
            r"|^.{0,4}(?:领导|负责人|联系人|情况|备注|意见|分值|得分|标准|依据|来源|出处|状态|成效|电话)$"
            r"|^(?:目标|任务|指标)(?:类型|类别|属性)$"  # "目标类型": A类 / B类, how a target is assessed
            r"|^预期(?:效果|成效|成果)$"  # "预期效果": the figure a target is to reach
            r"|^完成(?:进度|比例|率)$"  # "完成进度(%)": a share done
            r"|^.{0,6}(?:领导|负责人|联系人|责任人)$"  # "市政府分管领导", "整改责任人"
            r"|^.{0,6}(?:投资(?:金额|额)?|资金|金额|地点|规模|预算)$"  # a project's money and place
            r"|^.{0,10}(?:数量|个数|件数)$"  # "区民生实事项目数量": a count
            r"|^.{0,4}(?:比例|频次|频率)$|^(?:检查|抽查|实施)(?:对象|层级|重点)$"  # "抽查比例", "检查对象", "实施层级": what an inspection covers
            r"|^.{0,10}监管要求$"  # "信用风险分类监管要求": how the inspected are sorted, not the work
            r"|^(?:[\u4e00-\u9fff]{1,4}中)?是否.{1,6}$"  # "是否达序", "是否完成": a progress report's answer ("决策中是否需听证")
            r"|^领衔(?:代表|人)?$|^(?:提出|提案)(?:代表|人|委员)?$|^选举单位$|^代表团$"  # who made a suggestion
            r"|^.{0,4}(?:程序|方式)$"  # "决策程序": how a decision is taken
            r"|^.{0,4}督办的?(?:单位|部门|处室|机构|专委会|委员会)$"  # "督办单位", "具体督办的专委会": who oversees, not who does
        ),
    ),
)
SCORE_HEADER: Final = re.compile(r"^(?:分值|分数|标准分|得分|权重)$")


def header_column(text: str) -> Column | None:
    """The column a header cell names ("牵头落实单位" → UNITS_LEAD), or None."""
    text = re.sub(r"[(（【][^()（）【】]*[)）】]", "", fold_line(text))  # "贯彻举措(市上统一要求)"
    first, listing, _ = text.partition("、")
    if listing and len(text) > 12:
        # "目前完成情况、存在问题及下一步工作措施": a progress column named by all it holds (a
        # numbered task, "4.财政预算、决算…公开", names none)
        marked = REQUIREMENT_MARKER.match(first) is not None
        return Column.NOTE if not marked and header_column(first) is Column.NOTE else None
    text = re.sub(r"^(?:省级|市级|县级|区级|镇级|本级)(?=牵头|责任|配合|主办|协办)", "", text)
    text = re.sub(r"^(?:19|20)\d{2}年(?:度)?(?=[\u4e00-\u9fff])", "", text)  # "2022年预期目标"
    text = _PERIOD_TAIL.sub("", text)  # "工作任务安排第二季度": the period the column is for
    text = re.sub(r"[\s|:：()（）/、?？*]", "", text)  # "?公开事项": a character the page lost
    text, periods = _PERIOD_HEAD.subn("", text)  # "1-10月推进情况", "全年目标任务": the period before the word
    if not text or len(text) > 12:
        return None
    if periods and _MILESTONE.match(text):
        return Column.NOTE  # "8月份目标", "三季度计划": a step on the way, not the task or its deadline
    for column, pattern in _HEADERS:
        if pattern.match(text):
            return column
    # "项目内容及居民受益面": the task column, with what else its cells tell
    joined = _JOINED.match(text)
    if joined is not None and header_column(joined["head"]) is Column.REQUIREMENT and header_column(joined["tail"]) is None:
        return Column.REQUIREMENT
    # "工作举措及实施计划", "主要内容和进度安排": a task column that also names its schedule
    head = _WITH_SCHEDULE.match(text)
    if head is not None and header_column(head["head"]) is Column.REQUIREMENT:
        return Column.REQUIREMENT
    return None


_JOINED: Final = re.compile(r"^(?P<head>[\u4e00-\u9fff]{2,6}?)(?:及|和|与)(?P<tail>[\u4e00-\u9fff]{2,8})$")
_MILESTONE: Final = re.compile(r"^(?:工作|推进|进度)?(?:目标|计划)$")
_WITH_SCHEDULE: Final = re.compile(
    r"^(?P<head>[\u4e00-\u9fff]{2,6}?)(?:及|和|与)(?:实施|进度|时间|推进|工作)?(?:计划|安排|步骤|节点|进度)$"
)


_TASK_COLUMNS: Final = frozenset({Column.REQUIREMENT, Column.GROUP})
DUTY_COLUMNS: Final = frozenset(
    {Column.UNITS, Column.UNITS_LEAD, Column.UNITS_ASSIST, Column.DEADLINE}
)
_HEADER_LIKE: Final = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


# A period a header cell names after its word ("工作任务安排 / 第二季度"): the column's, no column of
# its own.
PERIOD: Final = r"(?:第[一二三四1-4]季度|[一二三四1-4]季度|[上下]半年|全年|(?:19|20)\d{2}年度?|\d{1,2}[-—~至]\d{1,2}月份?)"
_PERIOD_TAIL: Final = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){PERIOD}$")
_PERIOD_HEAD: Final = re.compile(rf"^(?:{PERIOD}|\d{{1,2}}月份?)(?=[\u4e00-\u9fff]{{2}})")  # "8月份目标"


def header_like(text: str) -> bool:
    """A word that could head a column the parser has not met ("督办要求"): short, Chinese only,
    and neither a unit nor a date."""
    text = re.sub(r"[(（][^()（）]*[)）]|\s", "", fold_line(text))
    text = _PERIOD_TAIL.sub("", text)
    return bool(_HEADER_LIKE.match(text)) and classify(text) in (CellKind.TEXT, CellKind.HEADER)


def header_columns(texts: Sequence[str]) -> list[Column] | None:
    """The columns of a header row, a word the parser has not met kept as a NOTE column; None
    when the row is no header. One unknown word must not make a table "not a plan": three known
    words naming a task and a duty make a header, with a few header-like unknown ones beside."""
    written = [text for text in texts if text.strip()]
    named: list[Column | None] = named_columns(written)
    if not {*named} & _TASK_COLUMNS:
        named = list(with_task_column(named))
    known = {column for column in named if column is not None}
    unknown = [text for text, column in zip(written, named, strict=True) if column is None]
    if sum(column is not None for column in named) < 3 or not (
        known & _TASK_COLUMNS and known & DUTY_COLUMNS
    ):
        return None
    if len(unknown) > max(1, len(written) // 3) or not all(map(header_like, unknown)):
        return None
    return [column or Column.NOTE for column in named]


# "指标名称 | 年度目标 | 完成情况 | 责任部门": where a column names the indicators, they are the
# tasks and the targets beside them are values (notes), not the tasks.
_INDICATOR: Final = re.compile(r"^(?:(?:主要)?指标(?:名称|内容|项目)?|指标项)$")
_TARGET_VALUE: Final = re.compile(r"^(?:(?:年度|全年|预期|\d{4}年)?目标(?:值)?|(?:年度|预期)目标任务)$")


def named_columns(texts: Sequence[str]) -> list[Column | None]:
    """The columns a header row's cells name, each read with the others beside it."""
    columns = [header_column(text) for text in texts]
    compacted = [re.sub(r"\s", "", fold_line(text)) for text in texts]
    if any(_INDICATOR.match(text) for text in compacted):
        columns = [
            Column.REQUIREMENT if _INDICATOR.match(text)
            else Column.NOTE if _TARGET_VALUE.match(text)
            else column
            for text, column in zip(compacted, columns, strict=True)
        ]
    return columns


def with_task_column(columns: Sequence[Column | None]) -> list[Column | None]:
    """A header naming no task column (序号 | 民生实事 | 责任单位 | 完成时限): the word not met
    before that stands before the duty columns names the tasks. Unknown words are None or NOTE."""
    columns = list(columns)
    if {*columns} & _TASK_COLUMNS:
        return columns
    for position, column in enumerate(columns):
        if column in DUTY_COLUMNS:
            break
        if column is None or column is Column.NOTE:
            columns[position] = Column.REQUIREMENT
            break
    return columns


class CellKind(StrEnum):
    EMPTY = "empty"
    HEADER = "header"
    NUMBER = "number"
    GROUP = "group"  # a heading with a Chinese numeral ("一、", "（一）")
    MARKED = "marked"  # a requirement with an Arabic number ("1.", "(1)")
    UNITS = "units"
    DEADLINE = "deadline"
    TEXT = "text"  # a group heading or a requirement: its neighbours decide
    # a cell of a column kept as a note (责任领导, 分值, 备注): never a task or a duty
    NOTE = "note"


_NUMBER: Final = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、,，]?$")
_DECIMAL: Final = re.compile(r"^\d{1,3}\.\d{1,2}$")
GROUP_MARKER: Final = re.compile(
    # (never "第三季度", a quarter)
    rf"^(?:{MARKERS['cn']}|{MARKERS['cn_paren']}|{ORDINAL}(?!季度)(?:部分|章|节|项)?[、.，,\s]?)"
)
REQUIREMENT_MARKER: Final = re.compile(rf"^(?:{MARKERS['arabic']}|{MARKERS['arabic_paren']}|{MARKERS['circled']})")
WEAK_MARKER: Final = re.compile(r"^(?P<n>\d{1,2})(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=8192)  # unit and deadline cells repeat down a table
def classify(text: str) -> CellKind:
    """The kind of a cell by its wording alone (TEXT when only its neighbours can tell)."""
    text = compact(fold_line(text))
    if not text:
        return CellKind.EMPTY
    if header_column(text) is not None:
        return CellKind.HEADER
    if _NUMBER.match(text) or _DECIMAL.match(text):
        return CellKind.NUMBER  # "0.8": points, never a numbered requirement
    if GROUP_MARKER.match(text):
        return CellKind.GROUP
    if marked := REQUIREMENT_MARKER.match(text):
        # "1.《中华人民共和国政府信息公开条例》": a 公开依据 cell numbering its citations
        return CellKind.NOTE if _NOTE_ONLY.match(text[marked.end() :]) else CellKind.MARKED
    if is_deadline_like(text):
        return CellKind.DEADLINE
    if bullet := _BULLETED.match(text):
        # "●五原县教育局主要职责": a catalogue's bulleted contents, never a tick
        rest = text[bullet.end() :]
        return CellKind.NOTE if _NOTE_ONLY.match(rest) else CellKind.TEXT
    if _NOTE_ONLY.match(text):
        return CellKind.NOTE
    if looks_like_units(text) or _units_with_their_work(text):
        return CellKind.UNITS
    return CellKind.TEXT


# Where a catalogue publishes, never who: "政府网站" ends like a unit (站) and is none.
_CHANNEL: Final = (
    r"(?:政府(?:门户)?网站|门户网站|政务新媒体|政府公报|政务微博|政务微信|新闻发布会|发布会"
    r"|(?:信息)?公开栏|广播电视|报刊|移动客户端)"
)
BULLETS: Final = "●○◆◇•"
_BULLETED: Final = re.compile(rf"^[{BULLETS}]\s*(?=[\u4e00-\u9fff“《])")
# In what form (公开形式): "文字", "图片、视频".
_FORM: Final = r"(?:文字|图片|图表|图文|图解|视频|音频|表格)"
# Cells that are never a task nor a duty, whatever their column: a tick ("√", "■政府网站" of a
# 公开方式 column), the titles a 公开依据 cell cites ("《条例》《意见》"), a website's column path
# ("政府信息公开平台—政策—规范性文件").
_NOTE_ONLY: Final = re.compile(
    r"^[√✓✔■□●○☑]"
    r"|^(?:《[^《》]+》[、，,;；和及等]*)+$"
    r"|^[^—>/。，,]{2,20}(?:[—>/][^—>/。，,]{2,20}){2,}$"
    rf"|^{_CHANNEL}(?:[、，,;；和及/]{_CHANNEL})*$|^{_FORM}(?:[、，,;；和及/]{_FORM})*$"
    r"|^[^，,。；;]{0,12}?(?:另行确定|另行明确|待定)$"  # "按市府办通知另行确定": units still to be named
)


_VERB_START: Final = re.compile(
    r"^(?:推进|推动|加强|做好|完善|建立|公开|提高|提升|深化|强化|落实|开展|规范|健全|优化|加大|按照"
    r"|围绕|及时|严格|全面|进一步|认真|积极|探索|坚持|组织|实行|实施|抓好|办好|扩大|拓展|创新|整合"
    r"|用好|着力|贯彻|制定|编制|修订|依法|持续|切实|督促|指导|定期|每|对|在|以|将|把|通过|运用|利用"
    r"|结合|根据|发布|建设|加快|确保|不断|注重|发挥|统筹|研究|协调|出台|清理|梳理|召开|举办|培训"
    r"|宣传|解读|回应|主动|重点|继续|大力|构建|打造|形成|实现|进行|明确|细化|公布|更新|维护|监督"
    r"|检查|考核|评估|提供|设立|增强|完成|成功|创建|争创|力争|新建|新增|启动|做|抓|办|建|管)"
)
_BRACKETED: Final = re.compile(r"[(（〔\[〈][^()（）〔〕\[\]〈〉]*[)）〕\]〉]")  # ("各处〈室、局〉")
_UNBRACKET: Final = re.compile(r"[(（〔\[〈)）〕\]〉]")


def is_unit_phrase(phrase: str) -> bool:
    """Whether one phrase names a unit or a group of units by its ending ("各县(市、区)政府")."""
    phrase = phrase.strip(LEAD_STARS)  # "区农业农村委*", "★区发改委": the lead's mark
    base = _BRACKETED.sub("", phrase)
    if len(base) == 1:
        # "镇(街道)", "村(社区)": the towns (or streets) of the place, as a subject
        return _LEVEL_PAIR.match(phrase) is not None
    if not 2 <= len(base) <= 30 or any(char.isdigit() for char in _HOTLINE.sub("", base)) or _NO_NAME.search(base):
        return False
    # "各级政府办公〔厅〕": the bracket holds the end of the name (办公室〔厅〕 with 室 lost)
    return base.endswith(UNIT_ENDINGS) or _LEVELLED_FIELD.fullmatch(base) is not None or (
        phrase[-1:] in ")）〕]" and _UNBRACKET.sub("", phrase).endswith(UNIT_ENDINGS)
    )


_LEVEL_PAIR: Final = re.compile(r"^[乡镇村][(（](?:乡|镇|街道|社区|居)[)）]$")
# "县财政要…", "各级财政要…", "市审计": a field's office named by its level and field alone
_LEVELLED_FIELD: Final = re.compile(
    r"(?:各级|[省市县区州旗])(?:财政|审计|税务|公安|民政|统计|人社|卫健|卫计|教育|住建|交通|水利|农业|林业|环保|国土|工商|物价|人防|气象)"
)


# "自治区12345政务服务便民热线工作领导小组", "市110指挥中心", "各市12312中心": a hotline's number in a body's name
_HOTLINE: Final = re.compile(r"(?<![\d.])\d{3,5}(?=(?:政务服务)?(?:便民)?(?:服务)?热线|指挥中心|报警服务台|(?:举报投诉)?(?:服务)?中心)")


# "依照规定的程序执行": a manner, its 行 the end of 执行, not of a bank; "哪些部门": a question;
# "X是职能部门", "预算编制由预算处": a sentence, not a name ("自由贸易试验区" is one)
# "用人单位", "驻本市所有单位": the employers or everyone a rule binds, no office
# "协调各成员单位", "鼓励社会", "领导小组办公室设在国家统计局", "…工作实行": a verb's object or a
# clause, no name
# "(一)交办", "督办", "承办": what is done to a matter, no office
MATTER_HANDLED: Final = "[交督承协主代帮领包会批转查催]办"
_NO_NAME: Final = re.compile(
    r"^(?:依照|按照|根据|依据|遵照|参照|协调各|鼓励|督促|引导|动员)|执行$|实行$|哪些|什么|.是.|(?<!自)由|用人单位$|所有单位$"
    r"|设在|代表本级|(?<=[局委厅部])(?:设置|设立|深化)"
    rf"|^{MATTER_HANDLED}$"
    r"|(?:停|(?<!公)开|举|创|兴)办$"  # "敬老院停办,必须…": a body opened or closed, no office
    r"|干部$"  # "各包村干部": people (部 ends 干部 too), no office
)
_ENDS_LIKE_UNITS: Final = re.compile(f"[{UNIT_END_CHARS})）][{LEAD_STARS}]?(?:分别)?(?:{ROLE_PATTERN})?[。.]?$")


# "…基层处等按职责分工落实": the open end and the duty clause before the role word.
_DUTY_WORDS: Final = re.compile(
    r"等?(?:按照|按|根据|依照)(?:各自)?(?:职[责能]|业务)(?:分工)?(?=分别|牵头|负责|落实|配合|$)|等(?=分别|牵头|负责|落实|配合)"
)


_UNITS_THEN_WORK: Final = re.compile(
    r"^(?P<units>.{2,80}?(?:分别)?(?:牵头|负责))(?:抓好|做好|组织|开展|承担|推进|完成|落实)"
)


def _units_with_their_work(text: str) -> bool:
    """A unit cell that says what its units do: "市政府办公室、司法局分别牵头抓好…工作"."""
    match = _UNITS_THEN_WORK.match(text)
    return match is not None and looks_like_units(match["units"])


def looks_like_units(text: str) -> bool:
    """Whether a cell lists units ("市编办,各县(市、区)政府,肇庆高新区、肇庆新区管委会")."""
    text = _DUTY_WORDS.sub("", compact(fold_line(text)).rstrip("。.，,、"))
    text = text[:-1] if text.endswith("等") else text  # "财政所、土管所等": an open list
    if not 2 <= len(text) <= 240 or text.count("。") > 2 or not _ENDS_LIKE_UNITS.search(text):
        return False
    phrases = split_units(text)
    if not phrases or (len(phrases[0]) > 8 and _VERB_START.match(phrases[0])):
        return False
    unitish = sum(is_unit_phrase(phrase) for phrase in phrases)
    return unitish / len(phrases) >= 0.75 and is_unit_phrase(phrases[-1])
