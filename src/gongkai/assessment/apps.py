from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "gongkai.assessment"
    verbose_name = "考评与示范点评估"
