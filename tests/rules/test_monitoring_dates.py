from __future__ import annotations

from datetime import date

import pytest

from gongkai.rules.monitoring.dates import dates_in, latest, publication_date


@pytest.mark.parametrize("text", [
    "2024-06-05", "2024-6-5", "2024/06/05", "2024.06.05", "2024年6月5日", "2024年06月05日",
    "２０２４年６月５日", "2024 年 6 月 5 日", "[2024-06-05]", "发布时间：2024-06-05 10:30",
])
def test_it_reads_every_printed_form(text: str) -> None:
    assert dates_in(text) == [date(2024, 6, 5)]


@pytest.mark.parametrize("text", [
    "06-05", "2024-02-30", "2024-13-01", "1889-01-01", "12024-06-05", "2024-06-051", "2024-06/05",
    "电话 0571-8888-1234",
])
def test_it_refuses_what_is_not_a_date(text: str) -> None:
    assert dates_in(text) == []


def test_it_reads_several_dates_in_order() -> None:
    assert dates_in("成文日期：2024年5月30日 发布日期：2024-06-05") == [date(2024, 5, 30), date(2024, 6, 5)]


def test_it_prefers_the_publication_date_of_a_metadata_table() -> None:
    rows = ["索引号 11330100/2024-00012", "成文日期 2024年05月30日", "发布日期 2024年06月05日", "文号 杭政办〔2024〕3号"]
    assert publication_date(rows) == date(2024, 6, 5)


def test_it_falls_back_to_a_time_line_then_the_written_date() -> None:
    assert publication_date(["时间：2024/06/05  来源：县政府办"]) == date(2024, 6, 5)
    assert publication_date(["成文日期：2024-05-30"]) == date(2024, 5, 30)


def test_a_bare_time_word_without_colon_is_not_a_label() -> None:
    assert publication_date(["办理时间 2024-06-05 起施行"]) is None
    assert publication_date(["会议于2024年6月5日召开"]) is None


def test_the_meta_pubdate_wins() -> None:
    assert publication_date(["发布日期：2024-06-01"], meta_date="2024-06-05 10:30") == date(2024, 6, 5)


def test_latest_ignores_dates_ahead() -> None:
    today = date(2024, 6, 10)
    assert latest([date(2024, 6, 1), date(2030, 12, 31), None], today) == date(2024, 6, 1)
    assert latest([], today) is None


@pytest.mark.parametrize("line", ["【发布时间】2024-06-05", "[发布日期]：2024年6月5日", "【时间】：2024/06/05", "发布时间】 2024-06-05"])
def test_a_label_in_brackets_as_cms_templates_print_it(line: str) -> None:
    assert publication_date([line]) == date(2024, 6, 5)
