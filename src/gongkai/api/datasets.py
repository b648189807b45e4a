"""/api/v1/datasets: the open-data catalog (数据开放) as data, the same public data sets as the
portal's /data/ pages, each with its metadata and stable download URLs; the DCAT-AP JSON-LD
is at /data/catalog.jsonld and /data/<slug>/metadata.jsonld."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router
from pydantic import Field as OutField

from gongkai.api import paging, serialize
from gongkai.api.public import MAX_ID, BadCursorError, Paging
from gongkai.api.schemas import Choice, Out, UnitRef, answers
from gongkai.opendata.models import Dataset, Source
from gongkai.opendata.public import public_datasets, table
from gongkai.rules.opendata.vocabulary import FORMATS, FREQUENCIES, LICENCES, MEDIA_TYPES, THEMES

router = Router(tags=["数据开放"])
ThemeCode = StrEnum("ThemeCode", {code: code for code in THEMES})  # type: ignore[misc]


class DownloadOut(Out):
    format: str = OutField(description="格式：csv、xlsx 或 json")
    media_type: str = OutField(description="下载的内容类型（Content-Type）")
    url: str = OutField(description="稳定的下载地址，如 /data/finance-1/data.csv（数据集标识/资源名.格式）")


class DatasetOut(Out):
    id: int = OutField(description="数据集编号")
    slug: str = OutField(description="数据集标识（英文，稳定，用于下载地址）")
    title: str = OutField(description="数据集名称")
    description: str = OutField(description="摘要；没有时为空字符串")
    publisher: UnitRef = OutField(description="提供单位")
    theme: Choice = OutField(description="主题分类")
    frequency: Choice = OutField(description="更新频率")
    licence: Choice = OutField(description="开放许可")
    keywords: list[str] = OutField(description="关键词")
    source: Choice = OutField(description="数据来源：upload 单位上传的表格；其他为平台自身的数据，下载时从数据库重新生成")
    issued_on: date | None = OutField(description="首次发布日期")
    modified_at: datetime | None = OutField(description="最近发布新版本的时间；平台数据为 null（下载时实时生成）")
    row_count: int | None = OutField(description="公开版本的数据行数；平台数据为 null")
    page_url: str = OutField(description="门户网站上的数据集页面")
    metadata_url: str = OutField(description="DCAT-AP 元数据（JSON-LD）地址")
    downloads: list[DownloadOut] = OutField(description="CSV、XLSX、JSON 三种格式的下载地址")


class DatasetDetailOut(DatasetOut):
    columns: list[str] = OutField(description="列名（表头）")


class DatasetPage(Out):
    items: list[DatasetOut] = OutField(description="本页的数据集，按编号从小到大")
    next_cursor: str | None = OutField(description="下一页的游标；没有下一页时为 null")


class DatasetFilters(Paging):
    theme: ThemeCode | None = Field(None, description="主题分类代码，如 finance 财税金融、education 教育文化")  # type: ignore[valid-type]
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="提供单位编号（见 /api/v1/units）")


def _choice(code: str, label: str) -> dict[str, str]:
    return {"code": code, "label": label}


def dataset_out(dataset: Dataset) -> dict[str, Any]:
    version = dataset.published_version
    return {
        "id": dataset.pk, "slug": dataset.slug, "title": dataset.title, "description": dataset.description,
        "publisher": serialize.unit_ref(dataset.unit),
        "theme": _choice(dataset.theme, THEMES[dataset.theme]),
        "frequency": _choice(dataset.frequency, FREQUENCIES[dataset.frequency][0]),
        "licence": _choice(dataset.licence, LICENCES[dataset.licence][0]),
        "keywords": list(dataset.keywords),
        "source": _choice(dataset.source, Source(dataset.source).label),
        "issued_on": dataset.issued_on,
        "modified_at": None if dataset.is_own_data else dataset.modified_at,
        "row_count": version.row_count if version and not dataset.is_own_data else None,
        "page_url": reverse("opendata:dataset_page", args=[dataset.slug]),
        "metadata_url": reverse("opendata:dataset_jsonld", args=[dataset.slug]),
        "downloads": [
            {"format": fmt, "media_type": MEDIA_TYPES[fmt], "url": reverse(f"opendata:download_{fmt}", args=[dataset.slug, dataset.resource])}
            for fmt in FORMATS
        ],
    }


@router.get("", response=answers(DatasetPage), summary="数据开放目录（分页）", operation_id="list_datasets")
def list_datasets(request: HttpRequest, filters: Query[DatasetFilters]) -> dict[str, Any]:
    """已发布的数据集（未撤回），可按主题分类和提供单位筛选。"""
    datasets = public_datasets()
    if filters.theme is not None:
        datasets = datasets.filter(theme=filters.theme.value)
    if filters.unit is not None:
        datasets = datasets.filter(unit_id=filters.unit)
    try:
        page = paging.by_id(datasets, filters.cursor, filters.limit)
    except paging.BadCursor:
        raise BadCursorError from None
    return {"items": [dataset_out(dataset) for dataset in page.rows], "next_cursor": page.next_cursor}


@router.get("/{dataset_id}", response=answers(DatasetDetailOut), summary="一个数据集", operation_id="get_dataset")
def get_dataset(request: HttpRequest, dataset_id: int = Path(..., ge=1, le=MAX_ID, description="数据集编号")) -> dict[str, Any]:
    """数据集的元数据、列名和下载地址。"""
    dataset = public_datasets().filter(pk=dataset_id).first()
    if dataset is None:
        raise Http404
    if dataset.is_own_data:
        columns = table(dataset, None)[0]
    else:
        columns = list(dataset.published_version.header) if dataset.published_version else []
    return {**dataset_out(dataset), "columns": columns}
