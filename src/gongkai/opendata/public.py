"""The portal's 数据开放 (open data): the catalog with its theme and unit filters, a data set's
page with its metadata and a preview of its first rows, the stable downloads
``/data/<slug>/<resource>.csv|.xlsx|.json`` and the DCAT-AP JSON-LD of a data set and of the
catalog. Only public data sets (published, not withdrawn) exist here; the table served is the
published version, or the platform's own data generated at the time of the download."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from gongkai import tabular
from gongkai.foi import dates
from gongkai.links import absolute_url
from gongkai.opendata import owndata
from gongkai.opendata.models import Dataset, DatasetVersion
from gongkai.orgs.models import Unit
from gongkai.params import BadParameter, int_param
from gongkai.rules.opendata import dcat
from gongkai.rules.opendata.vocabulary import FORMATS, MEDIA_TYPES, THEMES

PREVIEW_ROWS = 20
PER_PAGE = 20
JSON_LD = "application/ld+json"


def public_datasets() -> Any:
    return Dataset.objects.filter(Dataset.public_q()).select_related("unit", "published_version")


def table(dataset: Dataset, version: DatasetVersion | None) -> tuple[list[str], Iterator[Sequence[Any]]]:
    """The header and rows of ``version`` (an uploaded table), or the platform's own data now."""
    if dataset.is_own_data:
        header, rows = owndata.table(dataset.source, dates.today())
        return header, iter(rows)
    if version is None:
        return [], iter(())
    return list(version.header), iter(version.rows)


def preview(dataset: Dataset, version: DatasetVersion | None) -> tuple[list[str], list[Sequence[Any]]]:
    header, rows = table(dataset, version)
    return header, [row for _, row in zip(range(PREVIEW_ROWS), rows, strict=False)]


def _row_count(dataset: Dataset) -> int | None:
    return dataset.published_version.row_count if dataset.published_version else None


# --- pages -------------------------------------------------------------------------------------


def catalog(request: HttpRequest) -> HttpResponse:
    datasets = public_datasets()
    theme = request.GET.get("theme", "")
    if theme:
        if theme not in THEMES:
            raise BadParameter("“主题分类”不是可选的值。")
        datasets = datasets.filter(theme=theme)
    unit_id = int_param(request.GET, "unit", label="单位")
    if unit_id is not None:
        datasets = datasets.filter(unit_id=unit_id)
    q = request.GET.get("q", "").strip()[:50]
    if q:
        datasets = datasets.filter(title__icontains=q)
    page = Paginator(datasets.order_by("-modified_at", "-pk"), PER_PAGE).get_page(
        int_param(request.GET, "page", high=100_000, default=1, label="页码")
    )
    units = Unit.objects.filter(pk__in=public_datasets().values("unit_id")).order_by("sort_order", "pk")
    return render(request, "opendata/catalog.html", {
        "page": page, "themes": THEMES, "theme": theme, "units": units, "unit_id": unit_id, "q": q,
    })


def _public(slug: str) -> Dataset:
    return get_object_or_404(public_datasets(), slug=slug)


def dataset_page(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = _public(slug)
    header, rows = preview(dataset, dataset.published_version)
    return render(request, "opendata/dataset.html", {
        "dataset": dataset, "header": header, "rows": rows, "row_count": _row_count(dataset),
        "downloads": [(fmt.upper(), _download_path(dataset, fmt)) for fmt in FORMATS],
        "preview_rows": PREVIEW_ROWS,
    })


# --- downloads ---------------------------------------------------------------------------------


def _download_path(dataset: Dataset, fmt: str) -> str:
    return reverse(f"opendata:download_{fmt}", args=[dataset.slug, dataset.resource])


def _json_lines(slug: str, header: list[str], rows: Iterator[Sequence[Any]]) -> Iterator[bytes]:
    """``{"dataset": …, "columns": […], "rows": [{column: value}, …]}``, written row by row."""
    yield (json.dumps({"dataset": slug, "columns": header}, ensure_ascii=False)[:-1] + ', "rows": [').encode()
    for index, row in enumerate(rows):
        record = dict(zip(header, row, strict=False))
        yield (("," if index else "") + json.dumps(record, ensure_ascii=False, default=str)).encode()
    yield b"]}"


def download(request: HttpRequest, slug: str, resource: str, fmt: str) -> HttpResponseBase:
    dataset = _public(slug)
    if resource != dataset.resource or fmt not in FORMATS:
        raise Http404
    header, rows = table(dataset, dataset.published_version)
    name = f"{dataset.slug}-{dataset.resource}"
    if fmt == "json":
        response = StreamingHttpResponse(_json_lines(dataset.slug, header, rows), content_type=f"{MEDIA_TYPES['json']}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    elif fmt == "xlsx":
        response = tabular.xlsx_response(f"{name}.xlsx", "数据", header, rows)
    else:
        response = tabular.csv_response(f"{name}.csv", header, rows)
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response


# --- DCAT-AP JSON-LD ---------------------------------------------------------------------------


def _meta(dataset: Dataset) -> dcat.DatasetMeta:
    modified = dataset.modified_at
    if dataset.is_own_data:
        modified = None  # generated when downloaded: always as of the download
    return dcat.DatasetMeta(
        uri=absolute_url(reverse("opendata:dataset_page", args=[dataset.slug])),
        identifier=dataset.slug, title=dataset.title, description=dataset.description,
        publisher_name=dataset.unit.name, publisher_uri=absolute_url(reverse("api_v1:get_unit", args=[dataset.unit_id])),
        theme=dataset.theme, frequency=dataset.frequency, licence=dataset.licence, keywords=tuple(dataset.keywords),
        issued=dataset.issued_on, modified=modified,
        downloads=tuple((fmt, absolute_url(_download_path(dataset, fmt))) for fmt in FORMATS),
    )


def _jsonld_response(body: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(json.dumps(body, ensure_ascii=False), content_type=f"{JSON_LD}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def dataset_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    return _jsonld_response(dcat.dataset_jsonld(_meta(_public(slug))))


def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    datasets = public_datasets().order_by("-modified_at", "-pk")
    return _jsonld_response(dcat.catalog_jsonld(
        absolute_url(reverse("opendata:catalog")), f"{settings.GONGKAI_SITE['name']} · 数据开放",
        settings.GONGKAI_SITE["sponsor"], [_meta(dataset) for dataset in datasets],
    ))
