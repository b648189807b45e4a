from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "gongkai.jobs"
    verbose_name = "后台任务"

    def ready(self) -> None:
        from gongkai.jobs import tasks  # noqa: F401  registers the failure signal and heartbeat
