from __future__ import annotations

from django.urls import path, re_path

from gongkai.api import docs
from gongkai.api.errors import not_found
from gongkai.api.v1 import api

urlpatterns = [
    path("v1/docs/", docs.docs, name="api_docs"),
    path("v1/", api.urls),
    re_path(r"^.*$", not_found),
]
