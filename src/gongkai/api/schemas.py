"""The shapes of the API's answers. Each field's description is the documentation: the
OpenAPI description and the human page (/api/v1/docs/) are both generated from it."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field


class Out(BaseModel):
    """An answer's shape. Plain pydantic (not ninja's ``Schema``, which reads ORM objects through
    a root validator on every nested model): the endpoints build dicts, and validating those is
    a third of the cost of a list page otherwise."""


class ErrorDetail(Out):
    field: str = Field(description="出错的参数名")
    message: str = Field(description="该参数的错误说明（中文）")


class ErrorOut(Out):
    code: str = Field(
        description="稳定的错误代码：invalid_parameter、unauthorized、forbidden、not_found、"
        "method_not_allowed、payload_too_large、uri_too_long、rate_limited、server_error"
    )
    message: str = Field(description="错误说明（中文）")
    details: list[ErrorDetail] | None = Field(None, description="逐个参数的错误说明（参数错误时）")


class Choice(Out):
    code: str = Field(description="取值代码（稳定，供程序判断）")
    label: str = Field(description="中文名称")


class UnitRef(Out):
    id: int = Field(description="单位编号")
    key: str = Field(description="单位标识（英文短名，稳定）")
    name: str = Field(description="单位名称")


class UnitOut(UnitRef):
    kind: Choice = Field(description="单位类型（市政府、部门、县区政府、乡镇、街道等）")
    category: Choice | None = Field(description="考评类别；未设定时为 null")
    parent_id: int | None = Field(description="上级单位编号；没有上级时为 null")
    org_code: str = Field(description="统一社会信用代码或组织机构代码；未登记时为空字符串")


class ColumnRef(Out):
    id: int = Field(description="栏目编号")
    name: str = Field(description="栏目名称")
    path: str = Field(description="栏目路径，从顶层栏目起，以“ / ”分隔，如“政策文件 / 规范性文件”")


class RecordRef(Out):
    id: int = Field(description="信息编号")
    title: str = Field(description="名称")
    url: str = Field(description="门户网站上的页面地址")


class AttachmentOut(Out):
    name: str = Field(description="文件名")
    size: int = Field(description="大小（字节）")
    url: str = Field(description="下载地址；经去标识化的附件下载的是处理后的文字版")


class RecordOut(Out):
    id: int = Field(description="信息编号（稳定）")
    index_number: str | None = Field(description="索引号")
    title: str = Field(description="名称")
    summary: str = Field(description="内容概述")
    kind: Choice = Field(description="信息类别：一般信息、规章、行政规范性文件、其他政策文件、政策解读")
    unit: UnitRef = Field(description="发布单位")
    publisher: str = Field(description="发布机构（发文机关）")
    doc_number: str = Field(description="文号；没有文号时为空字符串")
    written_on: date | None = Field(description="成文日期")
    formed_on: date | None = Field(description="形成或变更日期（主动公开时限的起算日）")
    published_on: date | None = Field(description="发布日期")
    effective_on: date | None = Field(description="生效日期")
    expires_on: date | None = Field(description="失效日期（有效期的最后一天）")
    repealed_on: date | None = Field(description="废止日期（不再有效的第一天）")
    validity: Choice = Field(description="有效性（按今天计算）：有效、尚未生效、失效、废止、已修订")
    topic: str = Field(description="主题分类")
    genre: str = Field(description="体裁")
    keywords: str = Field(description="主题词（以空格分隔）")
    columns: list[ColumnRef] = Field(description="所属栏目（组配分类）")
    disclosure: Choice = Field(description="公开方式；接口只提供主动公开的信息")
    audience: Choice = Field(description="公开范围；接口只提供面向社会的信息")
    superseded: bool = Field(description="是否已被新版本替代")
    superseded_by_id: int | None = Field(description="替代它的新版本的信息编号；未被替代或新版本未公开时为 null")
    interprets_id: int | None = Field(description="政策解读所解读的政策文件的信息编号；不是解读或该文件未公开时为 null")
    updated_at: datetime = Field(description="最后修改时间（含时区）")
    url: str = Field(description="门户网站上的页面地址")


class RecordDetailOut(RecordOut):
    body: str = Field(description="正文（已清理的 HTML）")
    body_text: str = Field(description="正文的纯文字")
    attachments: list[AttachmentOut] = Field(description="附件")
    interpretations: list[RecordRef] = Field(description="该政策的解读（已发布的）")
    interprets: RecordRef | None = Field(description="政策解读所解读的政策文件")


class RecordPage(Out):
    items: list[RecordOut] = Field(description="本页的信息，按发布日期从新到旧、同日按编号从大到小排列")
    next_cursor: str | None = Field(description="下一页的游标，放入参数 cursor 取下一页；没有下一页时为 null")


class InterpretationOut(RecordOut):
    policy: RecordRef | None = Field(description="所解读的政策文件；未公开时为 null")


class InterpretationPage(Out):
    items: list[InterpretationOut] = Field(description="本页的政策解读，按发布日期从新到旧")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class UnitPage(Out):
    items: list[UnitOut] = Field(description="本页的单位，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class PlanItemUnitOut(Out):
    unit: UnitRef = Field(description="责任单位")
    role: Choice = Field(description="职责：牵头或配合")
    phrase: str = Field(description="方案原文中的单位表述")


class PlanItemOut(Out):
    id: int = Field(description="事项编号")
    number: str = Field(description="序号（原文）")
    section: list[str] = Field(description="所属的各级标题，从最外层起")
    task: str = Field(description="工作任务")
    text: str = Field(description="具体要求")
    lead_phrases: list[str] = Field(description="牵头单位（原文）")
    unit_phrases: list[str] = Field(description="责任单位（原文）")
    deadline_raw: str = Field(description="完成时限（原文）")
    deadline_date: date | None = Field(description="完成日期")
    recurrence: Choice | None = Field(description="周期：持续推进、每月、每季度、每半年、每年、事件触发；没有周期时为 null")
    units: list[PlanItemUnitOut] = Field(description="发布时识别出的责任单位")


class PlanOut(Out):
    id: int = Field(description="方案编号")
    title: str = Field(description="标题")
    issuer: str = Field(description="发文机关")
    issuer_unit: UnitRef | None = Field(description="发文单位（已登记时）")
    doc_number: str = Field(description="文号")
    issued_on: date | None = Field(description="成文日期")
    year: int | None = Field(description="年度")
    published_at: datetime | None = Field(description="发布时间")
    url: str = Field(description="门户网站上的页面地址")


class PlanDetailOut(PlanOut):
    items: list[PlanItemOut] = Field(description="方案的全部事项，按原文顺序")


class PlanPage(Out):
    items: list[PlanOut] = Field(description="本页的已发布方案，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class ProgressPageOut(Out):
    id: int = Field(description="进展情况编号")
    plan_id: int = Field(description="所属方案编号")
    year: int = Field(description="年度")
    half: int = Field(description="半年：1 上半年（1 月至 6 月）、2 下半年（7 月至 12 月）")
    label: str = Field(description="如“2026年上半年”")
    published_at: datetime | None = Field(description="公开时间")
    url: str = Field(description="门户网站上的页面地址")


class ProgressPageList(Out):
    items: list[ProgressPageOut] = Field(description="方案已公开的各半年进展情况，从新到旧")


class ProgressEntryOut(Out):
    item_id: int = Field(description="事项编号（同 /plans/{plan_id} 的 items[].id）")
    number: str = Field(description="序号（原文）")
    section: str = Field(description="所属标题")
    text: str = Field(description="具体要求")
    units: list[str] = Field(description="责任单位名称，牵头单位在前")
    status: Choice | None = Field(description="推进状态：未启动、推进中、已完成、无法按期完成；尚无经验收的进展时为 null")
    status_label: str = Field(description="推进状态的中文，与门户页面相同（尚无进展时为“暂无经验收的进展”）")
    as_of: date | None = Field(description="进展截至日期（所依据的报告的期限或报送日）；尚无进展时为 null")
    progress: str = Field(description="进展情况；多个单位分别报告时每段以“【单位】”开头")
    problems: str = Field(description="存在问题（含不能按期完成的原因）")
    next_steps: str = Field(description="下一步工作措施")


class ProgressPageDetailOut(ProgressPageOut):
    summary: str = Field(description="总体情况")
    entries: list[ProgressEntryOut] = Field(description="方案的每个事项的进展，按方案顺序")


class CountOut(Out):
    code: str = Field(description="分类代码")
    label: str = Field(description="分类名称")
    count: int = Field(description="件数")


class YearCountOut(Out):
    year: int = Field(description="申请到达的年份")
    count: int = Field(description="件数")


class FoiStatisticsOut(Out):
    total: int = Field(description="申请总数")
    by_year: list[YearCountOut] = Field(description="按申请到达年份的件数，从新到旧")
    by_status: list[CountOut] = Field(description="按办理状态的件数")
    by_outcome: list[CountOut] = Field(description="按办理结果类别的件数（已答复的申请）")


class SearchHitOut(Out):
    title: str = Field(description="名称")
    url: str = Field(description="门户网站上的页面地址")
    published_on: date = Field(description="发布日期")
    snippet: str = Field(description="正文中含检索词的片段")
    unit_id: int | None = Field(description="发布单位编号")
    doc_number: str = Field(description="文号")
    index_number: str = Field(description="索引号")
    topic: str = Field(description="主题分类")
    validity: str = Field(description="有效性（中文，与门户检索的筛选项相同）")


class SearchOut(Out):
    total: int = Field(description="命中条数（capped 为 true 时是下限）")
    capped: bool = Field(description="命中超过可计数的上限时为 true")
    page: int = Field(description="当前页码")
    pages: int = Field(description="总页数")
    ranked_by: str = Field(description="实际采用的排序方式")
    items: list[SearchHitOut] = Field(description="本页命中的结果")


class WorkdayOut(Out):
    date: dt.date = Field(description="所问的日期")
    is_workday: bool = Field(description="是否工作日（含调休上班日）")
    holiday_name: str | None = Field(description="节假日名称；不是节假日时为 null")
    confirmed: bool = Field(description="该年的放假安排是否已按国务院办公厅通知确认；未确认时只按周末计算")


class AddWorkdaysOut(Out):
    start: date = Field(description="起算日（不计入）")
    days: int = Field(description="工作日数")
    result: date = Field(description="起算日之后第 days 个工作日")
    confirmed: bool = Field(description="计算所经过的年份放假安排是否都已确认")
    unconfirmed_years: list[int] = Field(description="放假安排尚未确认的年份（按周末计算）")


class BetweenOut(Out):
    start: date = Field(description="起算日（不计入）")
    end: date = Field(description="截止日（计入）")
    workdays: int = Field(description="起算日之后至截止日（含）的工作日数；截止日不晚于起算日时为 0")
    confirmed: bool = Field(description="所经过的年份放假安排是否都已确认")
    unconfirmed_years: list[int] = Field(description="放假安排尚未确认的年份（按周末计算）")


class MeOut(Out):
    username: str = Field(description="用户名")
    name: str = Field(description="姓名")
    unit: UnitRef | None = Field(description="所在单位")
    roles: list[Choice] = Field(description="角色")


class DraftOut(Out):
    id: int = Field(description="信息编号")
    title: str = Field(description="名称")
    kind: Choice = Field(description="信息类别")
    status: Choice = Field(description="状态：草稿、待保密审查、退回修改")
    unit: UnitRef = Field(description="所属单位")
    doc_number: str = Field(description="文号")
    written_on: date | None = Field(description="成文日期")
    review_comment: str = Field(description="审查意见（退回时）")
    updated_at: datetime = Field(description="最后修改时间")


class DraftPage(Out):
    items: list[DraftOut] = Field(description="本页的未发布信息，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class RequestOut(Out):
    id: int = Field(description="申请编号")
    unit: UnitRef = Field(description="办理单位")
    channel: Choice = Field(description="申请渠道")
    applicant_kind: Choice = Field(description="申请人类型")
    applicant_name: str = Field(description="申请人姓名或名称（个人信息，只给办理单位和公开办）")
    description: str = Field(description="所需信息的名称、文号或特征性描述")
    received_on: date = Field(description="收到申请之日")
    due_on: date | None = Field(description="答复期限")
    status: Choice = Field(description="办理状态")
    outcome: str = Field(description="办理结果代码；未答复时为空字符串")
    replied_on: date | None = Field(description="答复日期")


class RequestPage(Out):
    items: list[RequestOut] = Field(description="本页的申请，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class AssignmentOut(Out):
    id: int = Field(description="任务编号")
    plan: PlanOut = Field(description="所属方案")
    item_id: int = Field(description="事项编号")
    item_number: str = Field(description="事项序号")
    item_text: str = Field(description="具体要求")
    unit: UnitRef = Field(description="承办单位")
    role: Choice = Field(description="职责：牵头或配合")
    is_coordinator: bool = Field(description="是否负责汇总报告的牵头单位")


class AssignmentPage(Out):
    items: list[AssignmentOut] = Field(description="本页的分工任务，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


# --- interaction: published messages, their statistics and consultations ------------------------


class MessageOut(Out):
    id: int = Field(description="留言编号")
    kind: Choice = Field(description="留言类型：咨询、建议、投诉、求助、其他")
    subject: str = Field(description="标题（留言人的姓名、联系方式和证件号等已遮蔽，与门户相同）")
    text: str = Field(description="留言内容（个人信息已遮蔽）")
    reply: str = Field(description="答复内容（个人信息已遮蔽）")
    unit: UnitRef | None = Field(description="答复单位")
    received_on: date = Field(description="留言日期")
    replied_on: date | None = Field(description="答复日期")
    url: str = Field(description="门户网站上的页面地址")


class MessagePage(Out):
    items: list[MessageOut] = Field(description="本页公开的留言（留言人同意公开且已答复），按答复日期从新到旧")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class MessageStatisticsRow(Out):
    unit: str = Field(description="办理单位名称；尚未分办的为“待分办”")
    month: str = Field(description="收到留言的月份，YYYY-MM")
    received: int = Field(description="收到的留言数")
    on_time: int = Field(description="按期答复数")
    late: int = Field(description="超期答复数")
    open: int = Field(description="尚未答复数")
    over_three_months: int = Field(description="咨询类留言超过3个月未答复的件数（国办秘函〔2019〕19号单项否决）")
    mean_reply_workdays: float | None = Field(description="已答复留言从收到到首次答复的平均工作日数（按项目工作日历，含调休）；没有答复时为 null")
    satisfied: int = Field(description="评价为满意的件数")
    basically_satisfied: int = Field(description="评价为基本满意的件数")
    unsatisfied: int = Field(description="评价为不满意的件数")


class MessageStatisticsOut(Out):
    total: int = Field(description="所选年份（和单位）收到的留言总数")
    by_status: list[CountOut] = Field(description="按办理状态的件数")
    mean_reply_workdays: float | None = Field(description="全部已答复留言的平均答复工作日数；没有答复时为 null")
    rows: list[MessageStatisticsRow] = Field(description="按办理单位和收到月份的统计，月份从新到旧")


class ConsultationFeedbackOut(Out):
    published_on: date | None = Field(description="采纳情况公布日期")
    summary: str = Field(description="采纳情况说明")
    final_record: RecordRef | None = Field(description="正式文件（已公开时）")
    counts: list[CountOut] = Field(description="已展示意见按采纳情况（采纳、部分采纳、不予采纳）的件数")


class ConsultationOut(Out):
    id: int = Field(description="征求意见编号")
    title: str = Field(description="标题")
    unit: UnitRef = Field(description="征求意见单位")
    kind: Choice = Field(description="草案类型：行政规范性文件、重大行政决策、其他")
    opens_on: date = Field(description="开始日期")
    closes_on: date = Field(description="截止日期（含当日）")
    phase: str = Field(description="阶段（按今天计算）：尚未开始、正在征求意见、征求意见已结束、已公布采纳情况")
    comments_received: int = Field(description="收到的意见数")
    comments_shown: int = Field(description="经审核展示的意见数")
    feedback: ConsultationFeedbackOut | None = Field(description="采纳情况；尚未公布或正式文件未公开时为 null")
    url: str = Field(description="门户网站上的页面地址")


class ConsultationCommentOut(Out):
    number: str = Field(description="意见编号，如“意见3”")
    section: str = Field(description="针对的条款；针对全文时为空字符串")
    text: str = Field(description="意见内容（意见人未同意公开时为说明文字；个人信息已遮蔽）")
    decision: Choice | None = Field(description="采纳情况；采纳情况公布前为 null")
    reason: str = Field(description="采纳或不予采纳的理由；采纳情况公布前为空字符串")


class ConsultationDetailOut(ConsultationOut):
    draft_text: str = Field(description="征求意见稿正文")
    explanation: str = Field(description="起草说明")
    comments: list[ConsultationCommentOut] = Field(description="经审核展示的意见，按提交顺序")


class ConsultationPage(Out):
    items: list[ConsultationOut] = Field(description="本页的征求意见，按开始日期从新到旧")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


# --- annual reports (政府信息公开工作年度报告) as published ------------------------------------

Cell = int | float | str | None


class ApplicationTableOut(Out):
    columns: list[str] = Field(description="第三部分表格的列：申请人类型（自然人、法人或其他组织的各类、总计）")
    rows: dict[str, list[Cell]] = Field(description="第三部分表格的行，键为模板的行号（如“一”“三(一)”），值与 columns 逐列对应")


class ReportTablesOut(Out):
    proactive: dict[str, Cell | dict[str, Cell]] | None = Field(
        description="第二部分“主动公开政府信息情况”：键为模板的行名；只有一列的行为数值，多列的行为“列名: 数值”")
    applications: ApplicationTableOut | None = Field(description="第三部分“收到和处理政府信息公开申请情况”")
    reviews: list[Cell] | None = Field(description="第四部分“政府信息公开行政复议、行政诉讼情况”的各列数值，按国家模板的列序")


class ReportVersionOut(Out):
    id: int = Field(description="发布版本编号")
    year: int = Field(description="报告年度")
    unit: UnitRef = Field(description="报告单位")
    version: int = Field(description="版本：1 为首次发布，更正后依次加 1")
    title: str = Field(description="标题")
    published_on: date | None = Field(description="发布日期")
    change_note: str = Field(description="更正说明；首次发布时为空字符串")
    url: str = Field(description="门户网站上的报告页面地址")
    file_url: str | None = Field(description="报告文件（附件）的下载地址；没有附件时为 null")


class ReportChangeOut(Out):
    cell: str = Field(description="更正的单元格，如“三·一·自然人”")
    before: str = Field(description="更正前的数值")
    after: str = Field(description="更正后的数值")


class ReportVersionDetailOut(ReportVersionOut):
    overview: str = Field(description="一、总体情况")
    problems: str = Field(description="五、存在的主要问题及改进情况")
    other_matters: str = Field(description="六、其他需要报告的事项")
    tables: ReportTablesOut = Field(description="第二、三、四部分的表格数据，按国家年度报告模板（2021年版）")
    changes: list[ReportChangeOut] = Field(description="本版本更正的数据")


class ReportVersionPage(Out):
    items: list[ReportVersionOut] = Field(description="本页的年度报告发布版本，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


# --- assessment results, once the office has published them -------------------------------------


class AssessmentRoundOut(Out):
    id: int = Field(description="考评轮次编号")
    title: str = Field(description="名称")
    kind: Choice = Field(description="类型")
    period_start: date = Field(description="考评期间起")
    period_end: date = Field(description="考评期间止")
    published_at: datetime = Field(description="结果公布时间")


class AssessmentResultOut(Out):
    unit: UnitRef = Field(description="参评单位")
    position: int = Field(description="在本类别中的名次")
    tied: bool = Field(description="是否并列（得分率相同且公开办未决定先后）")
    score: float = Field(description="审定得分（未审定的指标按 0 分计）")
    bonus: float = Field(description="表彰加分")
    points: float = Field(description="本类别适用指标的满分")
    rate: float = Field(description="得分率 = （审定得分 + 表彰加分）÷ 满分，0 至 1 之间的小数，保留四位")
    rate_text: str = Field(description="得分率，百分数文字，如“92.50%”")
    key_rate: float | None = Field(description="重点领域得分率，0 至 1 之间的小数；本类别没有重点领域指标时为 null")
    key_rate_text: str = Field(description="重点领域得分率，百分数文字；没有时为“—”")


class AssessmentClassOut(Out):
    category: str = Field(description="考评类别，如“市级重点领域部门”")
    results: list[AssessmentResultOut] = Field(description="本类别的单位，按名次排列")


class AssessmentRoundDetailOut(AssessmentRoundOut):
    classes: list[AssessmentClassOut] = Field(description="各考评类别的得分率和名次")


class AssessmentRoundPage(Out):
    items: list[AssessmentRoundOut] = Field(description="本页已公布结果的考评轮次，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


class StaffMessageOut(Out):
    id: int = Field(description="留言编号")
    code: str = Field(description="查询码")
    unit: UnitRef | None = Field(description="办理单位；待分办时为 null")
    kind: Choice = Field(description="留言类型")
    channel: Choice = Field(description="渠道")
    subject: str = Field(description="标题")
    received_on: date = Field(description="收到之日")
    due_on: date | None = Field(description="答复期限")
    status: Choice = Field(description="办理状态：待分办、办理中、答复待审核、已答复")
    replied_on: date | None = Field(description="答复日期")


class StaffMessagePage(Out):
    items: list[StaffMessageOut] = Field(description="本页的留言，按编号从小到大")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为 null")


def answers(schema: Any) -> dict[Any, Any]:
    """The documented answers of an endpoint: its schema on 200, the error shape on every 4xx and
    on 500 (so that the description covers every answer a caller may get)."""
    return {200: schema, ERROR_CODES: ErrorOut}


# Every error status the API answers with (errors.CODES), documented on every operation.
ERROR_CODES = frozenset({400, 401, 403, 404, 405, 413, 414, 429, 500})
