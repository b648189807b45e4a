from __future__ import annotations

from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "gongkai.opendata"
    verbose_name = "数据开放"
    default_auto_field = "django.db.models.BigAutoField"
