"""Hand-written annual-report tables for the tests of the checks and of ``gongkai report check``.

The numbers of :data:`CLEAN_2021` were added up by hand, column by column:

- 自然人: 一 5 + 二 1 = 三(七) 5 + 四 1; 三(七) 5 = 三(一) 2 + 三(二) 1 + 三(三)4 1 + 三(六)1 1.
- 商业企业: 一 1 = 三(七) 1 = 三(一) 1.
- 法律服务机构: 一 1 = 三(七) 1 = 三(四)1 1.
- 总计: 一 7 + 二 1 = 三(七) 7 + 四 1.
"""

from __future__ import annotations

from gongkai.rules.annualreport import FORMAT_2019, FORMAT_2021, ReportFormat, ReportTables

ZERO = [0, 0, 0, 0, 0, 0, 0]

CLEAN_2021_ROWS = {
    "一": [5, 1, 0, 0, 1, 0, 7],
    "二": [1, 0, 0, 0, 0, 0, 1],
    "三(一)": [2, 1, 0, 0, 0, 0, 3],
    "三(二)": [1, 0, 0, 0, 0, 0, 1],
    "三(三)4": [1, 0, 0, 0, 0, 0, 1],
    "三(四)1": [0, 0, 0, 0, 1, 0, 1],
    "三(六)1": [1, 0, 0, 0, 0, 0, 1],
    "三(七)": [5, 1, 0, 0, 1, 0, 7],
    "四": [1, 0, 0, 0, 0, 0, 1],
}

CLEAN_PROACTIVE_2021 = {
    "规章": {"制发": 0, "废止": 0, "现行有效": 0},
    "行政规范性文件": {"制发": 3, "废止": 1, "现行有效": 12},
    "行政许可": {"处理决定数量": 120},
    "行政处罚": {"处理决定数量": 45},
    "行政强制": {"处理决定数量": 0},
    "行政事业性收费": {"收费金额": 1.25},
}

# 复议: 1 维持 + 1 尚未审结 = 2; 直接起诉: 1 纠正 = 1; 复议后起诉: none.
CLEAN_REVIEWS = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


def rows_of(form: ReportFormat) -> dict[str, list[object]]:
    """Every row of ``form``'s §三, zeros unless :data:`CLEAN_2021_ROWS` says otherwise."""
    rows: dict[str, list[object]] = {}
    for key in form.application_keys:
        rows[key] = list(CLEAN_2021_ROWS.get(key, ZERO))
    if form is FORMAT_2019:
        rows["三(六)"] = list(CLEAN_2021_ROWS["三(六)1"])
    return rows


def tables(
    form: ReportFormat = FORMAT_2021,
    *,
    rows: dict[str, list[object]] | None = None,
    proactive: dict[str, dict[str, object]] | None = None,
    reviews: list[object] | None = None,
) -> ReportTables:
    return ReportTables(
        format=form,
        proactive=CLEAN_PROACTIVE_2021 if proactive is None else proactive,  # type: ignore[arg-type]
        applications=rows_of(form) if rows is None else rows,  # type: ignore[arg-type]
        reviews=list(CLEAN_REVIEWS) if reviews is None else reviews,  # type: ignore[arg-type]
    )


def changed(key: str, column: int, value: object) -> dict[str, list[object]]:
    """:data:`CLEAN_2021_ROWS` with one cell changed."""
    rows = rows_of(FORMAT_2021)
    rows[key] = [*rows[key]]
    rows[key][column] = value
    return rows
