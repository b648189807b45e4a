"""The words a data set is described with: themes (主题分类), update frequencies (更新频率) and
licences, each a stable code, its Chinese label and, where one exists, the URI that DCAT-AP
uses for it (the EU's frequency authority table, the licence's own page).

The themes are the 21 open-data subject classes that the provincial open-data platforms share
(综合政务 … 地理空间), so a data set files under the same heading as on the city's platform.

Pure: no Django.
"""

from __future__ import annotations

from typing import Final

THEMES: Final[dict[str, str]] = {
    "government": "综合政务",
    "economy": "经济管理",
    "finance": "财税金融",
    "industry": "工业交通",
    "agriculture": "农业农村",
    "environment": "资源环境",
    "construction": "城乡建设",
    "education": "教育文化",
    "science": "科技创新",
    "health": "医疗卫生",
    "social_security": "社会保障",
    "employment": "劳动就业",
    "safety": "公共安全",
    "market": "市场监管",
    "credit": "信用服务",
    "tourism": "文化旅游",
    "weather": "气象服务",
    "geography": "地理空间",
    "organisations": "机构团体",
    "living": "生活服务",
    "assistance": "社会救助",
}

# code → (label, EU frequency authority code used in dct:accrualPeriodicity)
FREQUENCIES: Final[dict[str, tuple[str, str]]] = {
    "realtime": ("实时", "UPDATE_CONT"),
    "daily": ("每日", "DAILY"),
    "weekly": ("每周", "WEEKLY"),
    "monthly": ("每月", "MONTHLY"),
    "quarterly": ("每季度", "QUARTERLY"),
    "semiannual": ("每半年", "ANNUAL_2"),
    "annual": ("每年", "ANNUAL"),
    "irregular": ("不定期", "IRREG"),
    "never": ("不再更新", "NEVER"),
}
FREQUENCY_AUTHORITY: Final = "http://publications.europa.eu/resource/authority/frequency/"

# code → (label, URI)
LICENCES: Final[dict[str, tuple[str, str]]] = {
    "open": ("无条件开放（署名来源即可使用）", "https://creativecommons.org/licenses/by/4.0/"),
    "cc0": ("公共领域贡献（CC0，不保留权利）", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "cc-by": ("署名 4.0 国际（CC BY 4.0）", "https://creativecommons.org/licenses/by/4.0/"),
}

# format → media type (dcat:mediaType, and the download's Content-Type)
MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FORMATS: Final = tuple(MEDIA_TYPES)
