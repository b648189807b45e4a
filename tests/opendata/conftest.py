"""Open-data fixtures: a table as .xlsx, and data sets of two units in the states they go through."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

HEADER = ["学校", "学段", "学生数", "开办日期"]
ROWS = [["第一中学", "初中", 1200, "1952-09-01"], ["第二小学", "小学", 806, "1978-03-15"], ["实验学校", "九年一贯", 1530.5, None]]


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _today(freeze):
    from datetime import date

    freeze(date(2026, 9, 28))


@pytest.fixture
def make_dataset():
    from gongkai.opendata import services

    def make(unit, actor, title="学校名录", source="upload", theme="education"):
        return services.create_dataset(unit, {
            "title": title, "theme": theme, "frequency": "annual", "licence": "open", "keywords": "学校、名录",
            "source": source,
        }, actor=actor)

    return make


@pytest.fixture
def published(unit_a, clerk_a, reviewer_a, make_dataset):
    """Unit A's data set, its table uploaded by the clerk and published by the reviewer."""
    from gongkai.opendata import services

    dataset = make_dataset(unit_a, clerk_a)
    services.upload_version(dataset, "学校.xlsx", xlsx([HEADER, *ROWS]), actor=clerk_a)
    services.submit_dataset(dataset, actor=clerk_a)
    return services.publish_dataset(dataset, actor=reviewer_a)


@pytest.fixture
def draft_b(unit_b, clerk_b, make_dataset):
    from gongkai.opendata import services

    dataset = make_dataset(unit_b, clerk_b, title="教育局未发布的数据集")
    services.upload_version(dataset, "草稿.csv", "名称,数量\n甲,1\n".encode(), actor=clerk_b)
    return dataset
