"""A data set and the catalog as DCAT-AP-style JSON-LD (W3C DCAT 2, the EU's DCAT-AP profile):
``dcat:Dataset`` with ``dct:title``, ``dct:description``, ``dct:publisher`` (a ``foaf:Agent``),
``dct:issued``/``dct:modified``, ``dct:accrualPeriodicity`` (the EU frequency authority table),
``dct:license``, ``dcat:theme``, ``dcat:keyword`` and one ``dcat:Distribution`` per format with
``dcat:downloadURL``, ``dcat:mediaType`` and ``dct:format``; the catalog is a ``dcat:Catalog``
whose ``dcat:dataset`` holds them. Text is tagged ``@language: zh-CN``.

Pure: no Django. The caller gives absolute URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from gongkai.rules.opendata.vocabulary import (
    FREQUENCIES,
    FREQUENCY_AUTHORITY,
    LICENCES,
    MEDIA_TYPES,
    THEMES,
)

CONTEXT: Final = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:date"},
    "dct:modified": {"@type": "xsd:dateTime"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
    "dct:license": {"@type": "@id"},
    "dct:accrualPeriodicity": {"@type": "@id"},
    "dcat:mediaType": {"@type": "@id"},
}
ZH: Final = "zh-CN"


@dataclass(frozen=True)
class DatasetMeta:
    uri: str  # the data set's page, also its @id
    identifier: str  # the slug
    title: str
    description: str
    publisher_name: str
    publisher_uri: str
    theme: str  # a code of vocabulary.THEMES
    frequency: str  # a code of vocabulary.FREQUENCIES
    licence: str  # a code of vocabulary.LICENCES
    keywords: tuple[str, ...]
    issued: date | None
    modified: datetime | None
    downloads: tuple[tuple[str, str], ...]  # (format, absolute URL), formats of vocabulary.MEDIA_TYPES


def _text(value: str) -> dict[str, str]:
    return {"@value": value, "@language": ZH}


def _distribution(meta: DatasetMeta, fmt: str, url: str) -> dict[str, Any]:
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _text(f"{meta.title}（{fmt.upper()}）"),
        "dcat:downloadURL": url,
        "dcat:accessURL": meta.uri,
        "dcat:mediaType": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}",
        "dct:format": fmt.upper(),
        "dct:license": LICENCES[meta.licence][1],
    }


def dataset_node(meta: DatasetMeta) -> dict[str, Any]:
    """The ``dcat:Dataset`` node, without its ``@context``."""
    node: dict[str, Any] = {
        "@id": meta.uri,
        "@type": "dcat:Dataset",
        "dct:identifier": meta.identifier,
        "dct:title": _text(meta.title),
        "dct:description": _text(meta.description or meta.title),
        "dct:publisher": {"@id": meta.publisher_uri, "@type": "foaf:Agent", "foaf:name": _text(meta.publisher_name)},
        "dcat:theme": _text(THEMES[meta.theme]),
        "dct:accrualPeriodicity": FREQUENCY_AUTHORITY + FREQUENCIES[meta.frequency][1],
        "dct:license": LICENCES[meta.licence][1],
        "dcat:keyword": [_text(keyword) for keyword in meta.keywords],
        "dcat:landingPage": meta.uri,
        "dcat:distribution": [_distribution(meta, fmt, url) for fmt, url in meta.downloads],
    }
    if meta.issued is not None:
        node["dct:issued"] = meta.issued.isoformat()
    if meta.modified is not None:
        node["dct:modified"] = meta.modified.isoformat()
    return node


def dataset_jsonld(meta: DatasetMeta) -> dict[str, Any]:
    return {"@context": CONTEXT, **dataset_node(meta)}


def catalog_jsonld(uri: str, title: str, publisher_name: str, datasets: Sequence[DatasetMeta]) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@id": uri,
        "@type": "dcat:Catalog",
        "dct:title": _text(title),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": _text(publisher_name)},
        "dcat:dataset": [dataset_node(meta) for meta in datasets],
    }
