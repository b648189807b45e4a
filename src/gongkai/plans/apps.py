from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "gongkai.plans"
    verbose_name = "工作任务分工"
