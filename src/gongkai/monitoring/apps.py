from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "gongkai.monitoring"
    verbose_name = "网站监测"
