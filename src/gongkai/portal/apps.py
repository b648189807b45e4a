from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    verbose_name = "门户网站"
